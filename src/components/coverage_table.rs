//! "Vem går var": one table per conference day, seminar blocks (and time slots someone
//! attends) as rows, the visitor and each colleague as columns, each cell the session that
//! person attends. Blocks nobody covers and sessions two or more attend are marked in
//! words, not only in colour. Prints as one table per A4 page (`styles/delegation.css`).

use yew::prelude::*;

use crate::context::{use_plan, use_widget};
use seminarplan_core::delegation::Delegation;
use seminarplan_core::delegation::coverage::{Slot, Who, coverage};
use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct CoverageTableProps {
    pub team: Delegation,
}

#[component]
pub fn CoverageTable(props: &CoverageTableProps) -> Html {
    let widget = use_widget();
    let plan = use_plan().plan;
    let lang = widget.lang;
    let Some(p) = widget.programme.clone() else {
        return html! {};
    };
    let (ui, pl) = (lang.code(), p.lang());
    let slots = coverage(&p, &plan, &props.team);
    let people: Vec<Who> = std::iter::once(Who::Me)
        .chain((0..props.team.len()).map(Who::Colleague))
        .collect();
    let name = |who: Who| match who {
        Who::Me => lang.me().to_owned(),
        Who::Colleague(i) => props.team.colleagues[i].name.clone(),
    };
    let cell = |slot: &Slot, who: Who| {
        let mine: Vec<Html> = slot
            .sessions
            .iter()
            .filter(|c| c.who.contains(&who))
            .map(|c| {
                let s = &p.sessions[c.session];
                let room = s.room.map(|r| p.rooms[r].name.get(ui, pl).to_owned());
                let others: Vec<String> = c.who.iter().filter(|&&o| o != who).map(|&o| name(o)).collect();
                html! {
                    <p class={classes!("sp-cover__choice", c.duplicate().then_some("sp-cover__choice--dup"))} data-session={s.id.clone()}>
                        <span class="sp-cover__title">{ &s.title }</span>
                        if let Some(room) = room { <span class="sp-cover__room">{ room }</span> }
                        if !others.is_empty() {
                            <span class="sp-cover__dup">{ lang.also_there(&others.join(", ")) }</span>
                        }
                    </p>
                }
            })
            .collect();
        if mine.is_empty() {
            html! { <td class="sp-cover__cell sp-cover__cell--empty"><span aria-hidden="true">{ "–" }</span><span class="sp-visually-hidden">{ lang.nothing_here() }</span></td> }
        } else {
            html! { <td class="sp-cover__cell">{ for mine }</td> }
        }
    };
    let days = p.conference.days.iter().enumerate().filter_map(|(d, &date)| {
        let rows: Vec<&Slot> = slots.iter().filter(|s| s.day == d).collect();
        if rows.is_empty() {
            return None;
        }
        let rows = rows.into_iter().map(|slot| {
            let label = slot.block.map_or_else(
                || p.sessions[slot.sessions[0].session].title.clone(),
                |b| p.blocks[b].name.get(ui, pl).to_owned(),
            );
            let uncovered = slot.uncovered();
            let key = slot.block.map_or_else(|| format!("t{}", slot.sessions[0].session), |b| p.blocks[b].id.clone());
            html! {
                <tr key={key.clone()} class={classes!("sp-cover__row", uncovered.then_some("sp-cover__row--uncovered"))} data-slot={key}>
                    <th scope="row" class="sp-cover__slot">
                        <span class="sp-cover__name">{ label }</span>
                        <time class="sp-cover__time" datetime={slot.start.to_rfc3339()}>{ time::span(slot.start, slot.end) }</time>
                        if uncovered {
                            <strong class="sp-cover__flag">{ lang.nobody_covers() }</strong>
                        }
                    </th>
                    { for people.iter().map(|&who| cell(slot, who)) }
                </tr>
            }
        });
        let caption = lang.long_date(date);
        Some(html! {
            <div key={d} class="sp-cover__scroll" role="region" aria-label={caption.clone()} tabindex="0">
                <table class="sp-cover">
                    <caption class="sp-cover__caption">{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ lang.slot_column() }</th>
                            { for people.iter().map(|&who| html! { <th scope="col">{ name(who) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        })
    });
    html! {
        <section class="sp-cover__days" aria-labelledby="sp-cover-heading">
            <h2 id="sp-cover-heading">{ lang.coverage_title() }</h2>
            { for days }
        </section>
    }
}
