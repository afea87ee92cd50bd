//! Beside a plan that arrived through a share link: keep it as a named colleague's
//! instead of touching the visitor's own. The name is typed by the visitor; a colleague
//! already kept under that name is updated when the link is newer.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::delegation::actions::TeamAction;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct AddColleagueProps {
    /// Names of the colleagues already kept, offered while typing.
    pub names: Vec<String>,
}

#[component]
pub fn AddColleague(props: &AddColleagueProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let input = use_node_ref();
    let on_submit = {
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                widget.send(Action::Team(TeamAction::AddShared {
                    name: el.value(),
                    force: false,
                }));
            }
        })
    };
    html! {
        <form class="sp-addcolleague" onsubmit={on_submit}>
            <label for="sp-addcolleague-name">{ lang.colleague_name_label() }</label>
            <input id="sp-addcolleague-name" ref={input} class="sp-search__input" type="text" maxlength="60"
                autocomplete="off" list="sp-addcolleague-names" required=true />
            <datalist id="sp-addcolleague-names">
                { for props.names.iter().map(|n| html! { <option value={n.clone()} /> }) }
            </datalist>
            <button type="submit" class="sp-button sp-addcolleague__keep">{ lang.keep_as_colleague() }</button>
        </form>
    }
}
