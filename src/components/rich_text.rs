//! An abstract or bio as formatted text: paragraphs, lists, emphasis and safe links, parsed
//! by `richtext` and rendered only as text nodes and a fixed set of elements, so nothing
//! from a programme file can run script, load content or escape its card.

use std::rc::Rc;

use yew::prelude::*;

use super::highlight::Highlight;
use seminarplan_core::richtext::{Block, Inline, parse};
use seminarplan_core::search::Term;

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: AttrValue,
    /// Search words to mark.
    #[prop_or_default]
    pub terms: Rc<Vec<Term>>,
}

fn inlines(list: &[Inline], terms: &Rc<Vec<Term>>) -> Html {
    list.iter()
        .map(|node| match node {
            Inline::Text(t) => {
                html! { <Highlight text={AttrValue::from(t.clone())} terms={terms.clone()} /> }
            }
            Inline::Em(children) => html! { <em>{ inlines(children, terms) }</em> },
            Inline::Strong(children) => html! { <strong>{ inlines(children, terms) }</strong> },
            Inline::Link { href, children } => html! {
                <a class="sp-link" href={href.clone()} rel="noopener noreferrer nofollow" target="_blank">
                    { inlines(children, terms) }
                </a>
            },
            Inline::LineBreak => html! { <br /> },
        })
        .collect()
}

#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    let blocks = use_memo(props.text.clone(), |text| parse(text));
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(list) => html! { <p>{ inlines(list, &props.terms) }</p> },
            Block::List { ordered: true, items } => html! {
                <ol>{ for items.iter().map(|i| html! { <li>{ inlines(i, &props.terms) }</li> }) }</ol>
            },
            Block::List { ordered: false, items } => html! {
                <ul>{ for items.iter().map(|i| html! { <li>{ inlines(i, &props.terms) }</li> }) }</ul>
            },
        })
        .collect()
}
