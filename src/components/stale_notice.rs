//! The note above a programme that is the last good copy kept in the browser: why a
//! fresh one could not be loaded, when the copy was fetched, and a retry.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;

use seminarplan_core::state::Stale;

#[derive(Properties, PartialEq)]
pub struct StaleNoticeProps {
    pub stale: Stale,
    /// When the copy was fetched, already written in the visitor's local time.
    pub fetched: AttrValue,
    /// A retry is under way.
    pub reloading: bool,
}

#[component]
pub fn StaleNotice(props: &StaleNoticeProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_retry = widget.callback(|()| Action::Retry);
    let on_retry = {
        let on_retry = on_retry.clone();
        Callback::from(move |_| on_retry.emit(()))
    };
    html! {
        <div class="sp-notice sp-stale" role="alert">
            <p class="sp-notice__text">
                <strong class="sp-stale__what">{ lang.stale_programme(&props.fetched) }</strong>
                { " " }
                <span class="sp-stale__why">{ lang.load_error_short(&props.stale.why) }</span>
            </p>
            if props.reloading {
                <p class="sp-stale__reloading" role="status">{ lang.reloading() }</p>
            } else {
                <button type="button" class="sp-button sp-stale__retry" onclick={on_retry}>{ lang.retry() }</button>
            }
        </div>
    }
}
