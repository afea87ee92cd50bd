//! The delegation's link and QR code: the visitor's own name (typed here, kept with the
//! colleagues) and every colleague's, with their choices. Says plainly what the link holds.

use yew::prelude::*;

use super::qr_code::QrCode;
use crate::context::use_widget;
use seminarplan_core::delegation::actions::TeamAction;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeamShareDialogProps {
    pub link: AttrValue,
    /// The visitor's name as kept (empty until typed).
    pub my_name: AttrValue,
    pub on_copy: Callback<AttrValue>,
    pub on_close: Callback<()>,
}

#[component]
pub fn TeamShareDialog(props: &TeamShareDialogProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    // The name as typed (the kept one is cleaned, so spaces being typed stay); the link
    // and its QR code follow every keystroke, not only when the field loses focus (issue
    // 28: a QR code shown straight after typing went without the name).
    let typed = use_state(|| props.my_name.to_string());
    let on_name = {
        let (widget, typed) = (widget.clone(), typed.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(input.value());
            widget.send(Action::Team(TeamAction::SetMyName(input.value())));
        })
    };
    let on_copy = {
        let (cb, link) = (props.on_copy.clone(), props.link.clone());
        Callback::from(move |_| cb.emit(link.clone()))
    };
    let on_close = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <super::modal::Modal labelled_by="sp-teamshare-title" lang={AttrValue::from(lang.code())} on_close={props.on_close.clone()}>
            <div class="sp-page sp-share sp-teamshare">
                <h2 class="sp-page__title" id="sp-teamshare-title">{ lang.share_team() }</h2>
                <p>{ lang.share_team_help() }</p>
                <label class="sp-search__label" for="sp-teamshare-name">{ lang.my_name_label() }</label>
                <input id="sp-teamshare-name" class="sp-search__input sp-teamshare__name" type="text" maxlength="60"
                    autocomplete="name" value={(*typed).clone()} placeholder={lang.me()} oninput={on_name} />
                <QrCode text={props.link.clone()} label={lang.team_qr_label()} />
                <label class="sp-search__label" for="sp-teamshare-link">{ lang.team_link_label() }</label>
                <input id="sp-teamshare-link" class="sp-search__input sp-teamshare__link" type="text" readonly=true value={props.link.clone()} />
                <p class="sp-page__actions">
                    <button type="button" class="sp-button" onclick={on_copy}>{ lang.copy_link() }</button>
                    <button type="button" class="sp-button sp-dialog__close" onclick={on_close}>{ lang.close() }</button>
                </p>
            </div>
        </super::modal::Modal>
    }
}
