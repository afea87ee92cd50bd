//! The search field: updates the list as the visitor types.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_input = widget.callback(Action::SetText);
    let oninput = {
        let on_input = on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    html! {
        <div class="sp-search" role="search">
            <label class="sp-search__label" for="sp-search-input">{ lang.search_label() }</label>
            <input
                id="sp-search-input"
                class="sp-search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                placeholder={lang.search_placeholder()}
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}
