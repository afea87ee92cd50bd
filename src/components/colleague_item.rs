//! One colleague in the delegation view: name and number of sessions, what changed in
//! their choices (the same notices as the visitor's own), a rename field, removal, the
//! calendar file of their plan, and their day (`DayPlan`) folded away.

use yew::prelude::*;

use super::day_plan::DayPlan;
use crate::context::use_widget;
use seminarplan_core::delegation::Colleague;
use seminarplan_core::delegation::actions::TeamAction;
use seminarplan_core::plan::changes;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct ColleagueItemProps {
    pub colleague: Colleague,
    /// Position in the delegation, for unique ids.
    pub index: usize,
    /// Downloads the colleague's plan as a calendar file (by name).
    pub on_calendar: Callback<String>,
}

#[component]
pub fn ColleagueItem(props: &ColleagueItemProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let c = &props.colleague;
    let input = use_node_ref();
    let Some(p) = widget.programme.clone() else {
        return html! {};
    };
    let changed = changes(&p, &c.plan);
    let field = format!("sp-colleague-name-{}", props.index);
    let on_rename = {
        let (widget, input, from) = (widget.clone(), input.clone(), c.name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                widget.send(Action::Team(TeamAction::Rename {
                    from: from.clone(),
                    to: el.value(),
                }));
            }
        })
    };
    let on_remove = {
        let (widget, name) = (widget.clone(), c.name.clone());
        Callback::from(move |_| widget.send(Action::Team(TeamAction::Remove(name.clone()))))
    };
    let on_calendar = {
        let (cb, name) = (props.on_calendar.clone(), c.name.clone());
        Callback::from(move |_| cb.emit(name.clone()))
    };
    html! {
        <li class="sp-colleague" data-colleague={c.name.clone()}>
            <h3 class="sp-colleague__name">{ &c.name }</h3>
            <p class="sp-colleague__count">{ lang.sessions_count(c.plan.len()) }</p>
            if !changed.is_empty() {
                <div class="sp-colleague__changes" role="note">
                    <p class="sp-colleague__changes-title">{ lang.team_changes_title(&c.name) }</p>
                    <ul>{ for changed.iter().map(|ch| html! { <li>{ lang.change(ch) }</li> }) }</ul>
                </div>
            }
            <form class="sp-colleague__rename" onsubmit={on_rename}>
                <label for={field.clone()}>{ lang.rename_label(&c.name) }</label>
                <input id={field} ref={input} class="sp-search__input" type="text" maxlength="60" value={c.name.clone()} autocomplete="off" />
                <button type="submit" class="sp-button">{ lang.rename() }</button>
            </form>
            <p class="sp-colleague__actions">
                <button type="button" class="sp-button" onclick={on_calendar}>{ lang.calendar_for(&c.name) }</button>
                <button type="button" class="sp-button sp-colleague__remove" onclick={on_remove}>{ lang.remove_colleague(&c.name) }</button>
            </p>
            <details class="sp-colleague__day">
                <summary>{ lang.day_of(&c.name) }</summary>
                <DayPlan plan={c.plan.clone()} title={AttrValue::from(lang.day_of(&c.name))} id={AttrValue::from(format!("c{}", props.index))} />
            </details>
        </li>
    }
}
