//! The filtered programme: one day (or all days), sessions in time order, the parallel
//! seminars of each block gathered under the block's heading.
//!
//! Long lists are rendered in steps: the first [`FIRST`] cards, so the first sessions
//! (and the results of each keystroke) are on screen quickly; [`STEP`] more each time
//! the visitor scrolls near the end, or presses "show more" (which says how many are
//! left, for keyboard and screen-reader users).

use std::cell::Cell;
use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;

use yew::prelude::*;

use super::session_card::SessionCard;
use crate::browser::near;
use seminarplan_core::agenda::{Group, day_groups};
use seminarplan_core::lang::Lang;
use seminarplan_core::model::{ProgrammeRef, SessionId};
use seminarplan_core::plan::{Clash, Plan, clashing_with};
use seminarplan_core::search::Term;
use seminarplan_core::time;

/// Cards rendered at once after the list changes (each keystroke in search): a few
/// screens, even on a laptop. 60 cost twice the time per keystroke (BENCHMARKS.md, "The
/// first cards").
pub const FIRST: usize = 24;
/// Cards rendered in the frame that answers a new list (a keystroke, a day switch):
/// more than the tallest screen shows; the rest of the first [`FIRST`] come once that
/// frame has been painted and the page is idle (BENCHMARKS.md, "Where a keystroke's time
/// goes").
pub const SCREEN: usize = 8;
/// A list at most this much longer than [`FIRST`] is rendered whole, so a visitor never
/// meets "show 3 more".
pub const SLACK: usize = 12;
/// Cards added each time the visitor nears the end of the list.
pub const STEP: usize = 100;
/// How near (px) the end of the list must come before more cards are rendered.
const NEAR: u32 = 1200;

#[derive(Properties, PartialEq)]
pub struct ProgrammeViewProps {
    pub programme: ProgrammeRef,
    pub lang: Lang,
    /// The day shown; `None` for all days.
    pub day: Option<usize>,
    /// The sessions to show (indices, in programme order).
    pub matching: Rc<Vec<usize>>,
    pub terms: Rc<Vec<Term>>,
    pub plan: Plan,
    pub clashes: Rc<Vec<Clash>>,
    pub expanded: BTreeSet<SessionId>,
    pub on_star: Callback<SessionId>,
    pub on_expand: Callback<SessionId>,
    pub on_open: Callback<Option<SessionId>>,
    /// The current time, for the "Nu / Now" line during the conference.
    #[prop_or_default]
    pub now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// `false` for a large file's first sessions while the rest is read: the cards are
    /// there to read, with nothing to choose, open or ask for more of.
    #[prop_or(true)]
    pub live: bool,
}

/// The titles of the sessions `id` clashes with.
pub fn clash_titles(programme: &ProgrammeRef, clashes: &[Clash], id: &str) -> Vec<AttrValue> {
    clashing_with(clashes, id)
        .filter_map(|other| programme.session(other))
        .map(|s| AttrValue::from(s.title.clone()))
        .collect()
}

/// How many of the first `first` sessions of `matching` are not among the first ones
/// of the list on screen (its sessions, day and how many are shown).
fn new_cards(
    (before, _, shown): &(Rc<Vec<usize>>, Option<usize>, usize),
    matching: &[usize],
    first: usize,
) -> usize {
    let before: HashSet<usize> = before.iter().take(*shown).copied().collect();
    matching
        .iter()
        .take(first)
        .filter(|ix| !before.contains(ix))
        .count()
}

#[component]
pub fn ProgrammeView(props: &ProgrammeViewProps) -> Html {
    let p = &props.programme;
    let lang = props.lang;
    let (ui, plang) = (lang.code(), p.lang());
    // Once per list, not at every star.
    let keep = use_memo(props.matching.clone(), |m| {
        m.iter().copied().collect::<HashSet<usize>>()
    });
    // How many cards this list may render now: FIRST for a new list, more each step.
    let first = if props.matching.len() <= FIRST + SLACK {
        props.matching.len()
    } else {
        FIRST
    };
    let shown = use_state(|| (props.matching.clone(), props.day, first));
    // A list that replaces another (a keystroke, a day) shows its first screen in the
    // frame that answers the visitor, and the rest of its first cards once that frame has
    // been painted and the page is idle (`staged`). The first list comes whole: the loader may need any of its
    // cards to keep the session the visitor was reading in place.
    let same = Rc::ptr_eq(&shown.0, &props.matching) && shown.1 == props.day;
    // What is on screen now: only a list whose first cards are mostly new is staged. One
    // that keeps most of them (the first letters typed in a long programme) keeps their
    // nodes and needs few new ones, which costs less than taking the rest away for a frame.
    let on_screen = use_mut_ref(|| (props.matching.clone(), props.day, first));
    let limit = if same {
        shown.2
    } else if props.day == on_screen.borrow().1
        && new_cards(&on_screen.borrow(), &props.matching, first) <= SCREEN
    {
        first
    } else {
        first.min(SCREEN)
    };
    *on_screen.borrow_mut() = (props.matching.clone(), props.day, limit);
    let staged = !same && limit < first;
    {
        let shown = shown.clone();
        let whole = (props.matching.clone(), props.day, first);
        // The list by identity: a new list is a new `Rc`, even with the same sessions.
        let list = Rc::as_ptr(&props.matching) as usize;
        use_effect_with((staged, list, props.day), move |(staged, ..)| {
            let gone = Rc::new(Cell::new(false));
            if *staged {
                let gone = gone.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    crate::browser::timing::painted().await;
                    // After what the visitor does next (typing on drops this list).
                    crate::browser::timing::idle().await;
                    if !gone.get() {
                        shown.set(whole);
                    }
                });
            }
            move || gone.set(true)
        });
    }
    let budget = Cell::new(limit);
    let cut = Cell::new(false);
    let total = Cell::new(0usize);
    let card = |ix: usize, level: u8| {
        let s = &p.sessions[ix];
        html! {
            <li key={s.id.clone()} class="sp-list__item">
                <SessionCard
                    programme={p.clone()}
                    {ix}
                    {lang}
                    starred={props.plan.is_starred(&s.id)}
                    expanded={props.expanded.contains(&s.id)}
                    clashes_with={clash_titles(p, &props.clashes, &s.id)}
                    heading_level={level}
                    terms={props.terms.clone()}
                    on_star={props.on_star.clone()}
                    on_expand={props.on_expand.clone()}
                    on_open={props.on_open.clone()}
                    live={props.live}
                />
            </li>
        }
    };
    let day_section = |day: usize| {
        let groups = day_groups(p, day, |ix| keep.contains(&ix));
        if groups.is_empty() {
            return html! {};
        }
        let date = p.conference.days[day];
        let heading_id = format!("sp-day-{day}");
        let marker = props
            .now
            .and_then(|now| seminarplan_core::now::now_marker(p, day, now));
        // The line goes before the first group that holds a session starting after now.
        let marker_at = marker.as_ref().and_then(|m| {
            m.before.and_then(|b| {
                groups.iter().position(|g| match g {
                    Group::Single(ix) => *ix >= b,
                    Group::Block { sessions, .. } => sessions.iter().any(|&ix| ix >= b),
                })
            })
        });
        let now_line = |at: chrono::DateTime<chrono::FixedOffset>| {
            html! {
                <li key="sp-now" class="sp-now-line">
                    <span class="sp-now-line__label">{ lang.now_label() }{ " " }
                        <time datetime={at.to_rfc3339()}>{ time::clock(at) }</time>
                    </span>
                </li>
            }
        };
        // Only as many cards as the budget allows; the rest come in the next steps.
        let take = |n: usize| {
            total.set(total.get() + n);
            let left = budget.get();
            if n > left {
                cut.set(true);
            }
            budget.set(left.saturating_sub(n));
            n.min(left)
        };
        let mut items: Vec<Html> = groups.into_iter().filter_map(|g| match g {
            Group::Single(ix) => (take(1) == 1).then(|| card(ix, 3)),
            Group::Block { block, mut sessions } => {
                sessions.truncate(take(sessions.len()));
                if sessions.is_empty() {
                    return None;
                }
                let b = &p.blocks[block];
                let block_heading = format!("sp-block-{}", b.id);
                Some(html! {
                    <li key={format!("block-{}", b.id)} class="sp-block">
                        <section aria-labelledby={block_heading.clone()}>
                            <h3 class="sp-block__title" id={block_heading}>
                                <span>{ b.name.get(ui, plang) }</span>
                                <span class="sp-block__time">
                                    <time datetime={b.start.to_rfc3339()}>{ time::clock(b.start) }</time>
                                    { "–" }
                                    <time datetime={b.end.to_rfc3339()}>{ time::clock(b.end) }</time>
                                </span>
                            </h3>
                            <ul class="sp-list sp-list--block">
                                { for sessions.into_iter().map(|ix| card(ix, 4)) }
                            </ul>
                        </section>
                    </li>
                })
            }
        }).collect();
        if items.is_empty() {
            // Nothing of this day fits in this step: it comes in a later one.
            return html! {};
        }
        if let Some(m) = &marker {
            // While the list is still being filled in, a line that belongs further down
            // waits until its place is there.
            match marker_at {
                Some(at) if at <= items.len() => items.insert(at, now_line(m.at)),
                None if !cut.get() => items.push(now_line(m.at)),
                _ => {}
            }
        }
        html! {
            <section key={day} class="sp-day" aria-labelledby={heading_id.clone()}>
                <h2 class="sp-day__title" id={heading_id}>{ lang.long_date(date) }</h2>
                <ul class="sp-list" aria-busy={staged.then_some("true")}>{ for items }</ul>
            </section>
        }
    };
    let list = match props.day {
        Some(day) => day_section(day),
        None => (0..p.conference.days.len()).map(day_section).collect(),
    };
    let more = use_node_ref();
    let next = (props.matching.clone(), props.day, limit + STEP);
    {
        let (shown, more, next) = (shown.clone(), more.clone(), next.clone());
        use_effect_with((next.clone(), cut.get() && !staged), move |(_, cut)| {
            let watch = more
                .cast::<web_sys::Element>()
                .filter(|_| *cut)
                .and_then(|el| near::when_near(&el, NEAR, move || shown.set(next.clone())));
            move || drop(watch)
        });
    }
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(next.clone()))
    };
    let left = total.get().saturating_sub(limit);
    html! {
        <>
            { list }
            if cut.get() && props.live && !staged {
                <p class="sp-more">
                    <button ref={more} type="button" class="sp-button sp-more__button" onclick={on_more}>
                        { lang.show_more_sessions(left) }
                    </button>
                </p>
            }
        </>
    }
}
