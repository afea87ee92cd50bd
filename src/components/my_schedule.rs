//! "Mitt schema": the visitor's blocks (what they chose in each seminar block, or that
//! nothing is chosen yet), their starred sessions by day with clashes named and a
//! one-tap swap, cancelled sessions kept visible, and the calendar download.

use std::collections::BTreeSet;

use yew::prelude::*;

use crate::context::{use_plan, use_widget};
use seminarplan_core::state::Action;

use super::programme_view::clash_titles;
use super::session_card::SessionCard;
use seminarplan_core::model::SessionId;
use seminarplan_core::plan::block_choices;
use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct MyScheduleProps {
    pub expanded: BTreeSet<SessionId>,
    /// Downloads the whole plan as a calendar file.
    pub on_calendar: Callback<()>,
    /// Prints My schedule, one day per page.
    pub on_print: Callback<()>,
}

#[component]
pub fn MySchedule(props: &MyScheduleProps) -> Html {
    let widget = use_widget();
    let mine = use_plan();
    let lang = widget.lang;
    let plan = mine.plan.clone();
    let clashes = mine.clashes.clone();
    let on_star = widget.on_star();
    let on_expand = widget.on_expand();
    let on_open = widget.on_open();
    let on_choose = widget.callback(Action::ChooseInstead);
    let on_block = widget.callback(Action::ShowBlock);
    let on_share = widget.callback(|()| Action::ShowShare(true));

    // "Choose this instead" removes the button pressed (and the other card): focus goes
    // to the chosen seminar's title once it is drawn, never to the page.
    let section = use_node_ref();
    let focus_next = use_mut_ref(|| None::<SessionId>);
    {
        let section = section.clone();
        let focus_next = focus_next.clone();
        use_effect(move || {
            let id = focus_next.borrow_mut().take();
            if let Some(id) = id
                && let Some(root) = section.cast::<web_sys::Element>()
                && let Ok(Some(el)) =
                    root.query_selector(&format!(r#"article[data-session="{id}"] .sp-card__open"#))
                && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
            {
                let _ = el.focus();
            }
        });
    }
    let Some(programme) = widget.programme.clone() else {
        return html! {};
    };
    let p = &programme;
    let (ui, pl) = (lang.code(), p.lang());
    let mut chosen: Vec<usize> = plan
        .starred
        .iter()
        .filter_map(|id| p.session_ix(id))
        .collect();
    chosen.sort_unstable();
    let missing: Vec<String> = plan.missing(p).map(str::to_owned).collect();
    let on_choose = {
        let cb = on_choose.clone();
        Callback::from(move |id: SessionId| {
            *focus_next.borrow_mut() = Some(id.clone());
            cb.emit(id);
        })
    };

    let blocks = block_choices(p, &plan).into_iter().map(|choice| {
        let b = &p.blocks[choice.block];
        let name = b.name.get(ui, pl).to_owned();
        let what = if choice.chosen.is_empty() {
            let cb = on_block.clone();
            let id = b.id.clone();
            html! {
                <>
                    <span class="sp-blocks__none">{ lang.nothing_chosen() }</span>
                    <button type="button" class="sp-linkbutton" onclick={Callback::from(move |_| cb.emit(id.clone()))}>
                        { lang.see_block(&name) }
                    </button>
                </>
            }
        } else {
            choice
                .chosen
                .iter()
                .map(|&i| {
                    let s = &p.sessions[i];
                    let cb = on_open.clone();
                    let id = s.id.clone();
                    html! {
                        <>
                            <button type="button" class="sp-linkbutton sp-blocks__choice"
                                onclick={Callback::from(move |_| cb.emit(Some(id.clone())))}>{ &s.title }</button>
                            if s.full { <span class="sp-blocks__full sp-full">{ lang.full() }</span> }
                        </>
                    }
                })
                .collect()
        };
        let clash = choice.chosen.len() > 1;
        html! {
            <li key={b.id.clone()} class={classes!("sp-blocks__item", clash.then_some("sp-has-clash"))} data-block={b.id.clone()}>
                <span class="sp-blocks__name">
                    { name.clone() }{ " " }
                    <time datetime={b.start.to_rfc3339()}>{ p.conference.days.get(p.sessions.iter().find(|s| s.block == Some(choice.block)).map_or(0, |s| s.day)).map(|&d| lang.short_date(d)).unwrap_or_default() }{ " " }{ time::clock(b.start) }</time>
                </span>
                <span class="sp-blocks__what">{ what }</span>
            </li>
        }
    });
    let blocks_view = if p.blocks.is_empty() {
        html! {}
    } else {
        html! {
            <section class="sp-blocks" aria-labelledby="sp-blocks-heading">
                <h3 id="sp-blocks-heading">{ lang.blocks_heading() }</h3>
                <ul class="sp-blocks__list">{ for blocks }</ul>
            </section>
        }
    };

    let summary = html! {
        <p class="sp-summary" role="status">
            { lang.chosen_count(plan.len()) }
            if !clashes.is_empty() {
                { " · " }<strong class="sp-summary__clash">{ lang.clashes_count(clashes.len()) }</strong>
            }
        </p>
    };
    let on_calendar = {
        let cb = props.on_calendar.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_share = {
        let cb = on_share.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_print = {
        let cb = props.on_print.clone();
        Callback::from(move |_| cb.emit(()))
    };
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
                                        clashes_with={clash_titles(p, &clashes, &s.id)}
                                        heading_level={4}
                                        on_star={on_star.clone()}
                                        on_expand={on_expand.clone()}
                                        on_open={on_open.clone()}
                                        on_choose={Some(on_choose.clone())}
                                    />
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            })
        });
    let cancelled = missing.into_iter().map(|id| {
        let on_star = on_star.clone();
        let title = plan.snapshots.get(&id).map_or_else(|| id.clone(), |s| s.title.clone());
        let label = lang.star_remove(&title);
        let remove_id = id.clone();
        html! {
            <li key={id.clone()} class="sp-card sp-card--cancelled" data-session={id.clone()}>
                <p><strong>{ title }</strong>{ " — " }{ lang.cancelled() }</p>
                <button type="button" class="sp-button" aria-label={label.clone()}
                    onclick={Callback::from(move |_| on_star.emit(remove_id.clone()))}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <section class="sp-mine" aria-labelledby="sp-mine-heading" ref={section}>
            <h2 class="sp-day__title" id="sp-mine-heading">{ lang.my_schedule() }</h2>
            if plan.is_empty() {
                <p class="sp-empty">{ lang.empty_schedule() }</p>
            } else {
                { summary }
                <p class="sp-mine__actions">
                    <button type="button" class="sp-button sp-mine__calendar" onclick={on_calendar}>{ lang.download_plan() }</button>
                    <button type="button" class="sp-button sp-mine__share" onclick={on_share}>{ lang.share_button() }</button>
                    <button type="button" class="sp-button sp-mine__print" onclick={on_print}>{ lang.print() }</button>
                </p>
            }
            { blocks_view }
            { for days }
            <ul class="sp-list">{ for cancelled }</ul>
        </section>
    }
}
