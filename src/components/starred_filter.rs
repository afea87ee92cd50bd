//! "Only my starred" in the filter panel, with how many starred sessions the other
//! filters let through. It reads that count from the plan's context, so a star redraws
//! this box and not the whole filter panel (issue 29).

use yew::prelude::*;

use crate::context::{use_plan, use_widget};
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct StarredFilterProps {
    pub checked: bool,
}

#[component]
pub fn StarredFilter(props: &StarredFilterProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let n = use_plan().starred_shown;
    let on_starred = {
        let cb = widget.callback(Action::SetStarredOnly);
        let on = !props.checked;
        Callback::from(move |_| cb.emit(on))
    };
    html! {
        <div class="sp-filter sp-filter--starred">
            <input type="checkbox" id="sp-f-starred" checked={props.checked} onchange={on_starred} />
            <label for="sp-f-starred">
                <span class="sp-filter__label">{ lang.only_starred() }</span>
                <span class="sp-filter__count" aria-label={lang.count_label(n)}>{ n }</span>
            </label>
        </div>
    }
}
