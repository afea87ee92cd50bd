//! "Changed since your last visit": what a newer programme did to the visitor's starred
//! sessions, shown until they say they have seen it.

use yew::prelude::*;

use crate::context::{use_plan, use_widget};
use seminarplan_core::state::Action;

use seminarplan_core::plan::changes;

#[component]
pub fn ChangesNotice() -> Html {
    let widget = use_widget();
    let mine = use_plan();
    let lang = widget.lang;
    let changes = use_memo(
        (widget.programme.clone(), mine.plan.clone()),
        |(p, plan)| p.as_ref().map(|p| changes(p, plan)).unwrap_or_default(),
    );
    let on_seen = widget.callback(|()| Action::AcknowledgeChanges);
    if changes.is_empty() {
        return html! {};
    }
    let on_seen = {
        let cb = on_seen.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="sp-changes" role="region" aria-labelledby="sp-changes-title">
            <h2 class="sp-changes__title" id="sp-changes-title">{ lang.changes_title() }</h2>
            <ul class="sp-changes__list">
                { for changes.iter().map(|c| html! { <li>{ lang.change(c) }</li> }) }
            </ul>
            <button type="button" class="sp-button" onclick={on_seen}>{ lang.seen_changes() }</button>
        </section>
    }
}
