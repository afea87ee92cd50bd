//! A QR code of a link, drawn in the page as SVG (`share::qr`, medium error correction),
//! black on white with its quiet zone in every colour scheme; nothing when it does not fit.

use yew::prelude::*;

use seminarplan_core::share::qr;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    pub text: AttrValue,
    /// What the code holds, for screen readers.
    pub label: AttrValue,
}

#[component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    let Some(m) = qr(&props.text) else {
        return html! {};
    };
    let size = m.size().to_string();
    html! {
        <svg class="sp-qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={props.label.clone()}
            shape-rendering="crispEdges">
            <rect width={size.clone()} height={size} fill="#ffffff" />
            <path d={m.svg_path()} fill="#000000" />
        </svg>
    }
}
