//! Messages about the visitor's saved plan, each shown until dismissed.

use yew::prelude::*;

use seminarplan_core::lang::Lang;
use seminarplan_core::state::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub lang: Lang,
    pub on_dismiss: Callback<Notice>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let items = props.notices.iter().map(|&n| {
        let text = match n {
            Notice::StorageUnavailable => lang.storage_unavailable(),
            Notice::StorageCorrupt => lang.storage_corrupt(),
            Notice::StorageFuture => lang.storage_future(),
            Notice::StorageFull => lang.storage_full(),
        };
        let on_dismiss = props.on_dismiss.clone();
        html! {
            <div class="sp-notice" data-notice={format!("{n:?}")}>
                <p class="sp-notice__text">{ text }</p>
                <button type="button" class="sp-notice__close" aria-label={lang.dismiss()}
                    onclick={Callback::from(move |_| on_dismiss.emit(n))}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <div class="sp-notices" role="status" aria-live="polite">{ for items }</div>
    }
}
