//! One day as a timetable grid for wide screens: rooms as columns under sticky headers,
//! time running down beside a sticky axis, each session a button spanning its rows.
//!
//! It enhances the list rather than replacing it: the list stays the accessible reading
//! order, and every cell here carries its full name (title, time, room, star, clash).
//! Cells are placed by generated classes (`browser::grid_sheet`), never inline styles.
//!
//! A large day is drawn in windows (`hooks::timetable_window`): only the cells near the
//! scroll position, the session in the Tab order, and every room's header. The arrow keys
//! move from session to session (a roving tabindex), so a keyboard reaches cells not yet
//! drawn; the region's name says how many sessions the day has.

use std::collections::HashSet;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset};
use yew::prelude::*;

use crate::browser::grid_sheet;
use crate::hooks::timetable_window::use_timetable_window;
use seminarplan_core::grid::window::landing;
use seminarplan_core::grid::{MOST_LINES, Mode, Placed, layout, lines_that_fit};
use seminarplan_core::lang::Lang;
use seminarplan_core::model::{ProgrammeRef, SessionId};
use seminarplan_core::now::now_marker;
use seminarplan_core::plan::{Clash, Plan, clashing_with};
use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct TimetableProps {
    pub programme: ProgrammeRef,
    pub lang: Lang,
    /// The day shown (index into `Conference::days`).
    pub day: usize,
    /// The sessions matching the filters (indices); the others are dimmed or hidden.
    pub matching: Rc<Vec<usize>>,
    pub plan: Plan,
    pub clashes: Rc<Vec<Clash>>,
    /// Dim (default) or hide the sessions that do not match.
    #[prop_or_default]
    pub mode: Mode,
    /// The clock, for the "now" line; `None` draws no line.
    #[prop_or_default]
    pub now: Option<DateTime<FixedOffset>>,
    /// The session open (or found) in the list: the timetable opens on it.
    #[prop_or_default]
    pub open: Option<SessionId>,
    pub on_open: Callback<Option<SessionId>>,
}

#[component]
pub fn Timetable(props: &TimetableProps) -> Html {
    let p = &props.programme;
    let lang = props.lang;
    let (ui, plang) = (lang.code(), p.lang());
    let day = props.day;
    let grid = use_memo(
        (p.clone(), day, props.matching.clone(), props.mode),
        |(p, day, matching, mode)| {
            let keep: HashSet<usize> = matching.iter().copied().collect();
            layout(p, *day, |ix| keep.contains(&ix), *mode)
        },
    );
    let (rows, tracks) = (grid.rows, grid.tracks());
    let day_sessions = use_memo((p.clone(), day), |(p, day)| {
        p.sessions.iter().filter(|s| s.day == *day).count()
    });
    let open = props.open.as_deref().and_then(|id| p.session_ix(id));
    let lands = landing(&grid, open, *day_sessions);
    let win = use_timetable_window(p, grid.clone(), lands);
    let drawn = &win.drawn;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((rows, tracks), move |&(rows, tracks)| {
            if let Some(node) = node.get() {
                grid_sheet::ensure(&node, rows, tracks);
            }
        });
    }

    let Some(&date) = p.conference.days.get(day) else {
        return html! {};
    };
    let heading_id = format!("sp-tt-day-{day}");
    let note_id = format!("sp-tt-note-{day}");
    let heading = html! {
        <h2 class="sp-day__title" id={heading_id.clone()}>{ lang.long_date(date) }</h2>
    };
    if grid.is_empty() {
        return html! {
            <section ref={node} class="sp-tt" aria-labelledby={heading_id}>
                { heading }
                <p class="sp-empty">{ lang.nothing_this_day() }</p>
            </section>
        };
    }

    let place = |row: usize, span: usize, track: usize, width: usize| {
        [
            format!("sp-row-{row}"),
            format!("sp-span-{span}"),
            format!("sp-col-{track}"),
            format!("sp-cspan-{width}"),
        ]
    };
    let everywhere = |row: usize| place(row, 1, 0, tracks);

    let headers = grid.rooms.iter().map(|c| {
        let name = match c.room {
            Some(r) => p.rooms[r].name.get(ui, plang).to_owned(),
            None => lang.no_room().to_owned(),
        };
        html! {
            <div class={classes!("sp-tt__room", format!("sp-col-{}", c.track), format!("sp-cspan-{}", c.lanes))} aria-hidden="true">
                { name }
            </div>
        }
    });
    // A background per column, so the columns stay apart where nothing is on.
    let near_tracks = |c: &&seminarplan_core::grid::Column| {
        c.track < drawn.tracks.end && drawn.tracks.start < c.track + c.lanes
    };
    let near_rows = |row: usize, span: usize| row < drawn.rows.end && drawn.rows.start < row + span;
    let lanes_bg = grid.rooms.iter().filter(near_tracks).map(|c| {
        html! { <div class={classes!("sp-tt__column", place(0, rows, c.track, c.lanes).to_vec())}></div> }
    });
    let hour_lines = grid
        .hours
        .iter()
        .filter(|(row, _)| near_rows(*row, 1))
        .map(|(row, _)| {
            html! { <div class={classes!("sp-tt__line", everywhere(*row).to_vec())}></div> }
        });
    let hour_labels = grid.hours.iter().filter(|(row, _)| near_rows(*row, 12)).map(|(row, label)| {
        let span = 12.min(rows - row);
        html! {
            <div class={classes!("sp-tt__hour", format!("sp-row-{row}"), format!("sp-span-{span}"))} aria-hidden="true">
                { label }
            </div>
        }
    });

    let cell = |i: usize, it: &Placed| {
        let s = &p.sessions[it.session];
        let tabindex = win
            .windowed
            .then(|| if win.tab_stop == Some(i) { "0" } else { "-1" });
        let starred = props.plan.is_starred(&s.id);
        let clash_titles: Vec<&str> = clashing_with(&props.clashes, &s.id)
            .filter_map(|other| p.session(other))
            .map(|o| o.title.as_str())
            .collect();
        let clash = !clash_titles.is_empty();
        let time = time::span(s.start, s.end);
        // WCAG 2.5.3 Label in Name: the name starts with the visible text, the time and
        // then the title, and adds the room and the marks after it.
        let mut name = format!("{time} {}", s.title);
        if let Some(r) = s.room {
            name.push_str(", ");
            name.push_str(p.rooms[r].name.get(ui, plang));
        }
        if s.full {
            name.push_str(", ");
            name.push_str(lang.full());
        }
        if starred {
            name.push_str(", ");
            name.push_str(lang.in_my_schedule());
        }
        if clash {
            name.push_str(", ");
            name.push_str(&lang.clash_with(&clash_titles.join(", ")));
        }
        if it.dim {
            name.push_str(", ");
            name.push_str(lang.not_matching());
        }
        let (track, width) = grid.tracks_of(it);
        let theme = s.themes.first().map(|t| format!("sp-theme-{t}"));
        let on_open = {
            let id = s.id.clone();
            let cb = props.on_open.clone();
            Callback::from(move |_| cb.emit(Some(id.clone())))
        };
        // "Full" takes a line of its own under the title.
        let lines = lines_that_fit(it.span)
            .saturating_sub(usize::from(s.full))
            .max(1);
        html! {
            <button
                type="button"
                key={s.id.clone()}
                class={classes!(
                    "sp-tt__session",
                    place(it.row, it.span, track, width).to_vec(),
                    theme,
                    format!("sp-lines-{}", lines.min(MOST_LINES)),
                    starred.then_some("sp-is-starred"),
                    s.full.then_some("sp-is-full"),
                    clash.then_some("sp-has-clash"),
                    it.dim.then_some("sp-is-dim")
                )}
                data-session={s.id.clone()}
                {tabindex}
                aria-label={name}
                onclick={on_open}
            >
                <span class="sp-tt__when">
                    if starred { <span class="sp-tt__star" aria-hidden="true">{ "★ " }</span> }
                    if clash { <span class="sp-tt__clash" aria-hidden="true">{ "⚠ " }</span> }
                    { time }
                </span>
                { " " }
                <span class="sp-tt__title" lang={(s.language != ui).then(|| s.language.clone())}>{ &s.title }</span>
                if s.full { <span class="sp-tt__full sp-full" aria-hidden="true">{ lang.full() }</span> }
            </button>
        }
    };
    // When windowed, the session in the Tab order comes first and stays put, so scrolling
    // never moves (and so blurs) the cell that has focus; the rest follow in time order.
    let pinned = win.tab_stop.filter(|_| win.windowed);
    let stop = pinned.map(|i| cell(i, &grid.items[i]));
    let cells = grid
        .items
        .iter()
        .enumerate()
        .filter(|&(i, it)| pinned != Some(i) && (win.tab_stop == Some(i) || drawn.shows(&grid, it)))
        .map(|(i, it)| cell(i, it));

    let now_line = props
        .now
        .and_then(|now| now_marker(p, day, now))
        .and_then(|m| grid.row_at(m.at).map(|row| (row, m.at)))
        .map(|(row, at)| {
            html! {
                <>
                    <div class={classes!("sp-tt__now", everywhere(row).to_vec())} aria-hidden="true"></div>
                    // Two rows hold the label, so it never makes its row taller.
                    <div class={classes!("sp-tt__nowlabel", format!("sp-row-{row}"), format!("sp-span-{}", 2.min(rows - row)))} aria-hidden="true">
                        { lang.now_label() }{ " " }{ time::clock(at) }
                    </div>
                </>
            }
        });

    html! {
        <section ref={node} class="sp-tt" aria-labelledby={heading_id}>
            { heading }
            <p class="sp-visually-hidden" id={note_id.clone()}>
                { lang.timetable_note() }{ " " }{ lang.timetable_keys() }
            </p>
            <div
                ref={win.region.clone()}
                class="sp-tt__scroll"
                role="region"
                aria-label={lang.timetable_label(date, grid.items.len())}
                aria-describedby={note_id}
                tabindex="0"
                onscroll={win.on_scroll.clone()}
            >
                <div class="sp-tt__grid" onkeydown={win.on_keydown.clone()} onfocusin={win.on_focusin.clone()}>
                    <div class="sp-tt__corner" aria-hidden="true">{ lang.when() }</div>
                    { for headers }
                    <div class={classes!("sp-tt__axis", "sp-row-0", format!("sp-span-{rows}"))} aria-hidden="true"></div>
                    <>{ for lanes_bg }</>
                    <>{ for hour_lines }</>
                    <>{ for hour_labels }</>
                    // Each group is a list of its own, so the drawn cell with focus
                    // keeps its place however many others the window draws.
                    { stop.unwrap_or_default() }
                    <>{ for cells }</>
                    { now_line.unwrap_or_default() }
                </div>
            </div>
        </section>
    }
}
