//! What the visitor sees when the programme cannot be shown: the reason in their
//! language, each problem with its place, a link to the file and a retry.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::LoadError;

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    pub error: LoadError,
    pub lang: Lang,
    pub src: Option<AttrValue>,
    pub on_retry: Callback<()>,
}

/// How many problems are listed; the rest are counted.
const SHOWN: usize = 20;

#[component]
pub fn LoadErrorView(props: &LoadErrorProps) -> Html {
    let lang = props.lang;
    let detail = match &props.error {
        LoadError::Fetch(why) => html! { <p>{ lang.fetch_failed(why) }</p> },
        LoadError::Invalid(errors) => {
            let items = errors
                .iter()
                .take(SHOWN)
                .map(|e| html! { <li><code>{ lang.problem(e) }</code></li> });
            let more = errors.len().saturating_sub(SHOWN);
            html! {
                <>
                    <p>{ lang.error_intro() }</p>
                    <ul class="sp-error__list">{ for items }</ul>
                    if more > 0 { <p>{ format!("… +{more}") }</p> }
                </>
            }
        }
    };
    let on_retry = {
        let on_retry = props.on_retry.clone();
        Callback::from(move |_| on_retry.emit(()))
    };
    html! {
        <div class="sp-error" role="alert">
            <h2 class="sp-error__title">{ lang.error_title() }</h2>
            { detail }
            <p class="sp-error__actions">
                if let Some(src) = &props.src {
                    <a class="sp-link" href={src.clone()}>{ lang.open_file() }</a>
                }
                <button type="button" class="sp-button" onclick={on_retry}>{ lang.retry() }</button>
            </p>
        </div>
    }
}
