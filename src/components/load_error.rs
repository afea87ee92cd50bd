//! What the visitor sees when the programme cannot be shown: the reason in their
//! language, each problem with its place, a link to the file and a retry, and the plan
//! they saved for this programme (as it was when saved).

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;

use seminarplan_core::loading::LoadError;
use seminarplan_core::loading::saved_sessions;
use seminarplan_core::plan::Plan;
use seminarplan_core::time::span;

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    pub error: LoadError,
    pub src: Option<AttrValue>,
    /// The plan saved for this programme, shown so the visitor keeps what they chose.
    #[prop_or_default]
    pub plan: Option<Plan>,
}

/// How many problems are listed; the rest are counted.
const SHOWN: usize = 20;

#[component]
pub fn LoadErrorView(props: &LoadErrorProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_retry = widget.callback(|()| Action::Retry);
    let detail = match &props.error {
        LoadError::Fetch(fault) => {
            html! { <p class="sp-error__why">{ lang.fetch_fault(fault) }</p> }
        }
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
        let on_retry = on_retry.clone();
        Callback::from(move |_| on_retry.emit(()))
    };
    let saved = props.plan.as_ref().map(|plan| {
        let items = saved_sessions(plan).into_iter().map(|s| {
            let when = match (s.start, s.end) {
                (Some(start), Some(end)) => {
                    format!(
                        "{} {}",
                        lang.short_date(start.date_naive()),
                        span(start, end)
                    )
                }
                _ => String::new(),
            };
            html! {
                <li class="sp-offline__item" data-session={s.id.clone()}>
                    <span class="sp-offline__title">{ s.title }</span>
                    { " " }
                    <span class="sp-offline__when">{ when }</span>
                    if let Some(room) = s.room {
                        { " · " }<span class="sp-offline__room">{ room }</span>
                    }
                </li>
            }
        });
        html! {
            <section class="sp-offline" aria-labelledby="sp-offline-title">
                <h3 id="sp-offline-title">{ lang.offline_plan_title() }</h3>
                <p>{ lang.offline_plan_note() }</p>
                <ul class="sp-offline__list">{ for items }</ul>
            </section>
        }
    });
    html! {
        <>
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
            { saved.unwrap_or_default() }
        </>
    }
}
