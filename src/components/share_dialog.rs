//! The share dialog: the visitor's plan as a link and a QR code, to take it to a phone.

use yew::prelude::*;

use super::qr_code::QrCode;
use crate::context::use_widget;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    pub link: AttrValue,
    pub on_copy: Callback<AttrValue>,
}

#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_close = widget.callback(|()| Action::ShowShare(false));
    let on_close = {
        let cb = on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_copy = {
        let cb = props.on_copy.clone();
        let link = props.link.clone();
        Callback::from(move |_| cb.emit(link.clone()))
    };
    html! {
        <super::modal::Modal labelled_by="sp-share-title" lang={AttrValue::from(lang.code())} on_close={widget.callback(|()| Action::ShowShare(false))}>
            <div class="sp-page sp-share">
                <h2 class="sp-page__title" id="sp-share-title">{ lang.share_title() }</h2>
                <p>{ lang.share_help() }</p>
                <QrCode text={props.link.clone()} label={lang.qr_label()} />
                <label class="sp-search__label" for="sp-share-link">{ lang.share_link_label() }</label>
                <input id="sp-share-link" class="sp-search__input sp-share__link" type="text" readonly=true value={props.link.clone()} />
                <p class="sp-page__actions">
                    <button type="button" class="sp-button" onclick={on_copy}>{ lang.copy_link() }</button>
                    <button type="button" class="sp-button sp-dialog__close" onclick={on_close}>{ lang.close() }</button>
                </p>
            </div>
        </super::modal::Modal>
    }
}
