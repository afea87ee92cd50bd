//! "Mitt schema": the starred sessions by day, clashes named, and starred sessions the
//! programme no longer has shown as cancelled rather than dropped.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::programme_view::clash_titles;
use super::session_card::SessionCard;
use crate::i18n::Lang;
use crate::model::{SessionId, Shared};
use crate::plan::{Clash, Plan};

#[derive(Properties, PartialEq)]
pub struct MyScheduleProps {
    pub programme: Shared,
    pub lang: Lang,
    pub plan: Plan,
    pub clashes: Rc<Vec<Clash>>,
    pub expanded: BTreeSet<SessionId>,
    pub on_star: Callback<SessionId>,
    pub on_expand: Callback<SessionId>,
    pub on_open: Callback<Option<SessionId>>,
}

#[component]
pub fn MySchedule(props: &MyScheduleProps) -> Html {
    let p = &props.programme;
    let lang = props.lang;
    let mut chosen: Vec<usize> = props
        .plan
        .starred
        .iter()
        .filter_map(|id| p.session_ix(id))
        .collect();
    chosen.sort_unstable();
    let missing: Vec<String> = props.plan.missing(p).map(str::to_owned).collect();

    let summary = html! {
        <p class="sp-summary" role="status">
            { lang.chosen_count(props.plan.len()) }
            if !props.clashes.is_empty() {
                { " · " }<strong class="sp-summary__clash">{ lang.clashes_count(props.clashes.len()) }</strong>
            }
        </p>
    };
    if props.plan.is_empty() {
        return html! {
            <section class="sp-mine" aria-labelledby="sp-mine-heading">
                <h2 class="sp-day__title" id="sp-mine-heading">{ lang.my_schedule() }</h2>
                <p class="sp-empty">{ lang.empty_schedule() }</p>
            </section>
        };
    }
    let days = p
        .conference
        .days
        .iter()
        .enumerate()
        .filter_map(|(d, &date)| {
            let today: Vec<usize> = chosen
                .iter()
                .copied()
                .filter(|&ix| p.sessions[ix].day == d)
                .collect();
            if today.is_empty() {
                return None;
            }
            let heading_id = format!("sp-mine-day-{d}");
            Some(html! {
                <section key={d} class="sp-day" aria-labelledby={heading_id.clone()}>
                    <h3 class="sp-day__title" id={heading_id}>{ lang.long_date(date) }</h3>
                    <ul class="sp-list">
                        { for today.into_iter().map(|ix| {
                            let s = &p.sessions[ix];
                            html! {
                                <li key={s.id.clone()} class="sp-list__item">
                                    <SessionCard
                                        programme={p.clone()}
                                        {ix}
                                        {lang}
                                        starred=true
                                        expanded={props.expanded.contains(&s.id)}
                                        clashes_with={clash_titles(p, &props.clashes, &s.id)}
                                        heading_level={4}
                                        on_star={props.on_star.clone()}
                                        on_expand={props.on_expand.clone()}
                                    on_open={props.on_open.clone()}
                                    />
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            })
        });
    let cancelled = missing.into_iter().map(|id| {
        let on_star = props.on_star.clone();
        let label = lang.star_remove(&id);
        let remove_id = id.clone();
        html! {
            <li key={id.clone()} class="sp-card sp-card--cancelled" data-session={id.clone()}>
                <p><strong>{ id }</strong>{ " — " }{ lang.cancelled() }</p>
                <button type="button" class="sp-button" aria-label={label.clone()}
                    onclick={Callback::from(move |_| on_star.emit(remove_id.clone()))}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <section class="sp-mine" aria-labelledby="sp-mine-heading">
            <h2 class="sp-day__title" id="sp-mine-heading">{ lang.my_schedule() }</h2>
            { summary }
            { for days }
            <ul class="sp-list">{ for cancelled }</ul>
        </section>
    }
}
