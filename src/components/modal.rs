//! A modal dialog on the native `<dialog>` element: it traps focus and closes on Escape;
//! when it goes away, focus returns to where it was before it opened.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The id of the element that names the dialog.
    pub labelled_by: AttrValue,
    pub lang: AttrValue,
    pub on_close: Callback<()>,
    pub children: Html,
}

/// The focused element, looking into shadow roots: inside the widget's shadow root the
/// document only reports the `<seminar-plan>` element itself.
fn focused() -> Option<web_sys::Element> {
    let mut el = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = el.shadow_root().and_then(|r| r.active_element()) {
        el = inner;
    }
    Some(el)
}

#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            let opener = focused();
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>()
                && !d.open()
            {
                let _ = d.show_modal();
            }
            move || {
                if let Some(el) = opener
                    .and_then(|o| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(o).ok())
                    && el.is_connected()
                {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_cancel = {
        let cb = props.on_close.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            cb.emit(())
        })
    };
    html! {
        <dialog ref={dialog} class="sp-dialog" lang={props.lang.clone()} aria-labelledby={props.labelled_by.clone()} oncancel={on_cancel}>
            { props.children.clone() }
        </dialog>
    }
}
