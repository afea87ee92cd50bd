//! A plan as the day will be lived ("Min dag"): per day, the chosen sessions in time
//! order, the free time before each, and a note when the next one is in another room or
//! on another floor (`delegation::day`). For the visitor's own plan and each colleague's.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::delegation::day::{Before, Walk, day_plan, days_with_choices};
use seminarplan_core::plan::Plan;
use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct DayPlanProps {
    pub plan: Plan,
    pub title: AttrValue,
    /// Makes the headings' ids unique on the page ("mine", or a colleague's number).
    pub id: AttrValue,
}

#[component]
pub fn DayPlan(props: &DayPlanProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let Some(p) = widget.programme.clone() else {
        return html! {};
    };
    let (ui, pl) = (lang.code(), p.lang());
    let days = days_with_choices(&p, &props.plan);
    if days.is_empty() {
        return html! {};
    }
    let room_name = |r: usize| p.rooms[r].name.get(ui, pl).to_owned();
    let heading = format!("sp-dayplan-{}", props.id);
    let days = days.into_iter().map(|d| {
        let steps = day_plan(&p, &props.plan, d);
        let items = steps.into_iter().map(|step| {
            let s = &p.sessions[step.session];
            let gap = match step.before {
                Before::First => None,
                Before::Free(m) => Some((lang.free_time(m), "sp-dayplan__free")),
                Before::Straight => Some((lang.straight_on().to_owned(), "sp-dayplan__straight")),
                Before::Overlap => Some((lang.overlaps_previous().to_owned(), "sp-dayplan__clash")),
            };
            let walk = match step.walk {
                Walk::Stay => None,
                Walk::Room { to, .. } => Some(lang.walk_room(&room_name(to))),
                Walk::Floor { to, .. } => {
                    let floor = p.rooms[to]
                        .floor
                        .as_ref()
                        .map(|f| f.get(ui, pl))
                        .unwrap_or_default();
                    Some(lang.walk_floor(&room_name(to), floor))
                }
            };
            let room = s
                .room
                .map(|r| format!(" · {}", room_name(r)))
                .unwrap_or_default();
            html! {
                <li key={s.id.clone()} class="sp-dayplan__step" data-session={s.id.clone()}>
                    if let Some((text, class)) = gap {
                        <p class={classes!("sp-dayplan__gap", class)}>{ text }</p>
                    }
                    if let Some(text) = walk {
                        <p class="sp-dayplan__walk">{ text }</p>
                    }
                    <p class="sp-dayplan__session">
                        <time datetime={s.start.to_rfc3339()}>{ time::span(s.start, s.end) }</time>
                        { " " }<span class="sp-dayplan__title">{ &s.title }</span>{ room }
                    </p>
                </li>
            }
        });
        html! {
            <li key={d} class="sp-dayplan__day">
                <h3 class="sp-dayplan__date">{ lang.long_date(p.conference.days[d]) }</h3>
                <ol class="sp-dayplan__steps">{ for items }</ol>
            </li>
        }
    });
    html! {
        <section class="sp-dayplan" aria-labelledby={heading.clone()} data-plan={props.id.clone()}>
            <h2 class="sp-dayplan__heading" id={heading}>{ &props.title }</h2>
            <ul class="sp-dayplan__days">{ for days }</ul>
        </section>
    }
}
