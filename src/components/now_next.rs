//! The "now and next" strip during the conference: what runs now and what starts next,
//! the visitor's own sessions first and marked; nothing at all outside the conference.

use chrono::{DateTime, FixedOffset};
use yew::prelude::*;

use seminarplan_core::lang::Lang;
use seminarplan_core::model::{SessionId, Shared};
use seminarplan_core::now::now_next;
use seminarplan_core::plan::Plan;
use seminarplan_core::time;

/// At most this many sessions per part; the visitor's own are always shown.
const SHOWN: usize = 3;

#[derive(Properties, PartialEq)]
pub struct NowNextProps {
    pub programme: Shared,
    pub plan: Plan,
    pub lang: Lang,
    /// The clock (any offset; the day is read in the programme's).
    pub now: DateTime<FixedOffset>,
    pub on_open: Callback<Option<SessionId>>,
}

#[component]
pub fn NowNext(props: &NowNextProps) -> Html {
    let p = &props.programme;
    let lang = props.lang;
    let (ui, plang) = (lang.code(), p.lang());
    let Some(nn) = now_next(p, props.now, &props.plan) else {
        return html! {};
    };

    let item = |ix: usize| {
        let s = &p.sessions[ix];
        let starred = props.plan.is_starred(&s.id);
        let on_open = {
            let id = s.id.clone();
            let cb = props.on_open.clone();
            Callback::from(move |_| cb.emit(Some(id.clone())))
        };
        let room = s.room.map(|r| p.rooms[r].name.get(ui, plang).to_owned());
        let theme = s.themes.first().map(|t| format!("sp-theme-{t}"));
        html! {
            <li key={s.id.clone()} class={classes!("sp-nownext__item", theme, starred.then_some("sp-is-starred"))}
                data-session={s.id.clone()}>
                <button type="button" class="sp-nownext__open" onclick={on_open}>
                    if starred {
                        <span class="sp-nownext__star" aria-hidden="true">{ "★ " }</span>
                        <span class="sp-visually-hidden">{ lang.in_my_schedule() }{ ": " }</span>
                    }
                    <span lang={(s.language != ui).then(|| s.language.clone())}>{ &s.title }</span>
                </button>
                <span class="sp-nownext__meta">
                    <time datetime={s.start.to_rfc3339()}>{ time::clock(s.start) }</time>
                    { "–" }
                    <time datetime={s.end.to_rfc3339()}>{ time::clock(s.end) }</time>
                    if let Some(room) = room { { ", " }{ room } }
                </span>
            </li>
        }
    };
    // The visitor's own, then others up to `SHOWN`; the rest are counted.
    let part = |class: &'static str, heading: Html, list: &[usize], empty: Option<&str>| {
        let own = list
            .iter()
            .take_while(|&&ix| props.plan.is_starred(&p.sessions[ix].id))
            .count();
        let shown = own.max(SHOWN).min(list.len());
        let more = list.len() - shown;
        html! {
            <div class={classes!("sp-nownext__part", class)}>
                <h2 class="sp-nownext__heading">{ heading }</h2>
                if list.is_empty() {
                    if let Some(empty) = empty { <p class="sp-nownext__none">{ empty }</p> }
                } else {
                    <ul class="sp-nownext__list">{ for list[..shown].iter().map(|&ix| item(ix)) }</ul>
                }
                if more > 0 {
                    <p class="sp-nownext__more">{ lang.more_sessions(more) }</p>
                }
            </div>
        }
    };
    let now_heading = html! {
        <>
            { lang.now_label() }{ " " }
            <span class="sp-nownext__clock">
                <time datetime={nn.at.to_rfc3339()}>{ time::clock(nn.at) }</time>
            </span>
        </>
    };
    let next = nn.next_start.map(|at| {
        let heading = html! {
            <>
                { lang.next_label() }{ " " }
                <span class="sp-nownext__clock">{ lang.starts_at(at) }</span>
            </>
        };
        part("sp-nownext__part--next", heading, &nn.next, None)
    });
    html! {
        <section class="sp-nownext" aria-label={lang.now_next_label()}>
            { part("sp-nownext__part--now", now_heading, &nn.now, Some(lang.nothing_now())) }
            { next.unwrap_or_default() }
        </section>
    }
}
