//! Messages about the visitor's saved plan, each shown until dismissed. The ones about a
//! record that could not be read and was set aside offer to restore what can be read.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;
use seminarplan_core::state::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    /// Adds what can be read of the record set aside to the plan.
    pub on_restore: Callback<()>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_dismiss = widget.callback(Action::Dismiss);
    let items = props.notices.iter().map(|&n| {
        let text = match n {
            Notice::StorageUnavailable => lang.storage_unavailable(),
            Notice::StorageCorrupt => lang.storage_corrupt(),
            Notice::StorageFuture => lang.storage_future(),
            Notice::StorageFull => lang.storage_full(),
            Notice::ShareUnreadable => lang.share_unreadable(),
            Notice::StarredFull => lang.starred_full(),
            Notice::SessionsLeftOut => lang.sessions_left_out(),
            Notice::LinkDropped => lang.link_dropped(),
        };
        let on_dismiss = on_dismiss.clone();
        let restore = matches!(n, Notice::StorageCorrupt | Notice::StorageFuture).then(|| {
            let on_restore = props.on_restore.clone();
            html! {
                <button type="button" class="sp-button sp-notice__restore"
                    onclick={Callback::from(move |_| on_restore.emit(()))}>{ lang.restore_aside() }</button>
            }
        });
        html! {
            <div class="sp-notice" data-notice={format!("{n:?}")}>
                <p class="sp-notice__text">{ text }</p>
                { restore.unwrap_or_default() }
                <button type="button" class="sp-notice__close" aria-label={lang.dismiss()}
                    onclick={Callback::from(move |_| on_dismiss.emit(n))}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <div class="sp-notices" role="status" aria-live="polite">{ for items }</div>
    }
}
