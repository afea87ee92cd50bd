//! The header's count of starred sessions and its clash mark, beside "My schedule": the
//! one part of the header that reads the plan, so a star redraws it and not the header
//! (issue 29).

use yew::prelude::*;

use crate::context::{use_plan, use_widget};

#[component]
pub fn PlanBadges() -> Html {
    let lang = use_widget().lang;
    let mine = use_plan();
    let (starred, clashes) = (mine.plan.len(), mine.clashes.len());
    html! {
        <>
            if starred > 0 {
                <span class="sp-badge">{ starred }</span>
            }
            if clashes > 0 {
                <span class="sp-badge sp-badge--clash">{ "!" }<span class="sp-visually-hidden">{ lang.clashes_count(clashes) }</span></span>
            }
        </>
    }
}
