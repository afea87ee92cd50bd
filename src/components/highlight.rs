//! Text with the visitor's search words marked.

use std::rc::Rc;

use yew::prelude::*;

use seminarplan_core::search::{Term, highlight};

#[derive(Properties, PartialEq)]
pub struct HighlightProps {
    pub text: AttrValue,
    pub terms: Rc<Vec<Term>>,
}

#[component]
pub fn Highlight(props: &HighlightProps) -> Html {
    highlight(&props.text, &props.terms)
        .into_iter()
        .map(|seg| {
            if seg.hit {
                html! { <mark class="sp-mark">{ seg.text }</mark> }
            } else {
                html! { { seg.text } }
            }
        })
        .collect()
}
