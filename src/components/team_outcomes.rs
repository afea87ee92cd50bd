//! What the last "keep as colleague" or "add as colleagues" did, in words (a status
//! message), with "replace anyway" when a link was not newer than the plan kept.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::delegation::Outcome;
use seminarplan_core::delegation::actions::{TeamAction, TeamState};
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeamOutcomesProps {
    pub team: TeamState,
    /// A shared plan still waits (so "replace anyway" keeps it as the colleague's).
    pub shared_waiting: bool,
    /// A delegation link still waits (so "replace anyway" takes it again).
    pub team_waiting: bool,
}

#[component]
pub fn TeamOutcomes(props: &TeamOutcomesProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let t = &props.team;
    // The form or offer that sent the action is gone: focus goes to what it did.
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(t.outcomes.clone(), move |outcomes| {
            if !outcomes.is_empty()
                && let Some(el) = node.cast::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
        });
    }
    if t.outcomes.is_empty() && t.rename_error.is_none() {
        return html! { <div class="sp-teamstatus" role="status" ref={node}></div> };
    }
    let not_newer = t
        .outcomes
        .iter()
        .find(|(_, o)| *o == Outcome::NotNewer)
        .map(|(n, _)| n.clone());
    let on_force = {
        let widget = widget.clone();
        let from_team = props.team_waiting;
        let waiting = props.shared_waiting;
        Callback::from(move |_| {
            if from_team {
                widget.send(Action::Team(TeamAction::TakeTeam {
                    mine: None,
                    force: true,
                }));
            } else if waiting && let Some(name) = &not_newer {
                widget.send(Action::Team(TeamAction::AddShared {
                    name: name.clone(),
                    force: true,
                }));
            }
        })
    };
    let can_force = t.outcomes.iter().any(|(_, o)| *o == Outcome::NotNewer)
        && (props.team_waiting || props.shared_waiting);
    let on_dismiss = widget.callback(|()| Action::Team(TeamAction::DismissOutcomes));
    html! {
        <div class="sp-teamstatus sp-changes" role="status" tabindex="-1" ref={node}>
            <ul class="sp-teamstatus__list">
                { for t.outcomes.iter().map(|(name, o)| html! { <li>{ lang.outcome(name, *o) }</li> }) }
                if let Some(e) = t.rename_error {
                    <li>{ lang.rename_error(e) }</li>
                }
            </ul>
            <p class="sp-error__actions">
                if can_force {
                    <button type="button" class="sp-button sp-teamstatus__force" onclick={on_force}>{ lang.replace_anyway() }</button>
                }
                <button type="button" class="sp-button" onclick={on_dismiss.reform(|_| ())}>{ lang.dismiss() }</button>
            </p>
        </div>
    }
}
