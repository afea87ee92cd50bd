//! "Changed since your last visit": what a newer programme did to the visitor's starred
//! sessions, shown until they say they have seen it.

use yew::prelude::*;

use seminarplan_core::lang::Lang;
use seminarplan_core::plan::Change;

#[derive(Properties, PartialEq)]
pub struct ChangesNoticeProps {
    pub changes: Vec<Change>,
    pub lang: Lang,
    pub on_seen: Callback<()>,
}

#[component]
pub fn ChangesNotice(props: &ChangesNoticeProps) -> Html {
    if props.changes.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    let on_seen = {
        let cb = props.on_seen.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="sp-changes" role="region" aria-labelledby="sp-changes-title">
            <h2 class="sp-changes__title" id="sp-changes-title">{ lang.changes_title() }</h2>
            <ul class="sp-changes__list">
                { for props.changes.iter().map(|c| html! { <li>{ lang.change(c) }</li> }) }
            </ul>
            <button type="button" class="sp-button" onclick={on_seen}>{ lang.seen_changes() }</button>
        </section>
    }
}
