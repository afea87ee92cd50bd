//! The search field: updates the list as the visitor types.

use yew::prelude::*;

use seminarplan_core::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    pub lang: Lang,
    pub on_input: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    html! {
        <div class="sp-search" role="search">
            <label class="sp-search__label" for="sp-search-input">{ props.lang.search_label() }</label>
            <input
                id="sp-search-input"
                class="sp-search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                placeholder={props.lang.search_placeholder()}
                value={props.value.clone()}
                {oninput}
            />
        </div>
    }
}
