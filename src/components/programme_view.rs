//! The filtered programme: one day (or all days), sessions in time order, the parallel
//! seminars of each block gathered under the block's heading.

use std::collections::{BTreeSet, HashSet};
use std::rc::Rc;

use yew::prelude::*;

use super::session_card::SessionCard;
use crate::agenda::{Group, day_groups};
use crate::i18n::{self, Lang};
use crate::model::{SessionId, Shared};
use crate::plan::{Clash, Plan, clashing_with};
use crate::search::Term;

#[derive(Properties, PartialEq)]
pub struct ProgrammeViewProps {
    pub programme: Shared,
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
}

/// The titles of the sessions `id` clashes with.
pub fn clash_titles(programme: &Shared, clashes: &[Clash], id: &str) -> Vec<AttrValue> {
    clashing_with(clashes, id)
        .filter_map(|other| programme.session(other))
        .map(|s| AttrValue::from(s.title.clone()))
        .collect()
}

#[component]
pub fn ProgrammeView(props: &ProgrammeViewProps) -> Html {
    let p = &props.programme;
    let lang = props.lang;
    let (ui, plang) = (lang.code(), p.lang());
    let keep: HashSet<usize> = props.matching.iter().copied().collect();
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
            .and_then(|now| crate::now::now_marker(p, day, now));
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
                        <time datetime={at.to_rfc3339()}>{ i18n::clock(at) }</time>
                    </span>
                </li>
            }
        };
        let mut items: Vec<Html> = groups.into_iter().map(|g| match g {
            Group::Single(ix) => card(ix, 3),
            Group::Block { block, sessions } => {
                let b = &p.blocks[block];
                let block_heading = format!("sp-block-{}", b.id);
                html! {
                    <li key={format!("block-{}", b.id)} class="sp-block">
                        <section aria-labelledby={block_heading.clone()}>
                            <h3 class="sp-block__title" id={block_heading}>
                                <span>{ b.name.get(ui, plang) }</span>
                                <span class="sp-block__time">
                                    <time datetime={b.start.to_rfc3339()}>{ i18n::clock(b.start) }</time>
                                    { "–" }
                                    <time datetime={b.end.to_rfc3339()}>{ i18n::clock(b.end) }</time>
                                </span>
                            </h3>
                            <ul class="sp-list sp-list--block">
                                { for sessions.into_iter().map(|ix| card(ix, 4)) }
                            </ul>
                        </section>
                    </li>
                }
            }
        }).collect();
        if let Some(m) = &marker {
            items.insert(marker_at.unwrap_or(items.len()), now_line(m.at));
        }
        html! {
            <section key={day} class="sp-day" aria-labelledby={heading_id.clone()}>
                <h2 class="sp-day__title" id={heading_id}>{ lang.long_date(date) }</h2>
                <ul class="sp-list">{ for items }</ul>
            </section>
        }
    };
    match props.day {
        Some(day) => day_section(day),
        None => (0..p.conference.days.len()).map(day_section).collect(),
    }
}
