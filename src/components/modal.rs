//! A modal dialog on the native `<dialog>` element: it traps focus and closes on Escape;
//! when it goes away, focus returns to where it was before it opened.
//!
//! The native dialog makes the page behind it inert, but Tab past its last control leaves
//! the document (to the browser's own controls); Tab and Shift+Tab wrap around inside
//! the dialog instead, so a keyboard user never loses their place.

use yew::prelude::*;

/// What Tab can reach inside the dialog.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), \
     textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

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
            let shown = dialog.cast::<web_sys::HtmlDialogElement>();
            if let Some(d) = &shown
                && !d.open()
            {
                let _ = d.show_modal();
            }
            move || {
                // While the modal dialog is open everything else is inert and cannot take
                // focus: close it first.
                if let Some(d) = shown
                    && d.open()
                {
                    d.close();
                }
                if let Some(el) = opener
                    .and_then(|o| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(o).ok())
                    && el.is_connected()
                {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_keydown = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Tab" || e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let Some(d) = dialog.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(list) = d.query_selector_all(FOCUSABLE) else {
                return;
            };
            let controls: Vec<web_sys::HtmlElement> = (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
                // Not hidden (`display: none` has no offset parent).
                .filter(|el| el.offset_parent().is_some())
                .collect();
            let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
                return;
            };
            let target = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok());
            let at = |el: &web_sys::HtmlElement| target.as_ref() == Some(el);
            let wrap_to = if e.shift_key()
                && (at(first) || target.as_ref().is_some_and(|t| t.is_same_node(Some(&d))))
            {
                Some(last)
            } else if !e.shift_key() && at(last) {
                Some(first)
            } else {
                None
            };
            if let Some(el) = wrap_to {
                e.prevent_default();
                let _ = el.focus();
            }
        })
    };
    let on_cancel = {
        let cb = props.on_close.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            cb.emit(())
        })
    };
    html! {
        <dialog ref={dialog} class="sp-dialog" lang={props.lang.clone()} aria-labelledby={props.labelled_by.clone()} oncancel={on_cancel} onkeydown={on_keydown}>
            { props.children.clone() }
        </dialog>
    }
}
