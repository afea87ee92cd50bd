//! The result count (announced to screen readers) and the active filters, each with a
//! button that removes it. With no results it says what to loosen.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;

use seminarplan_core::filter::{FACETS, Facet, Filters, options};
use seminarplan_core::lang::Lang;
use seminarplan_core::model::Shared;

#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    pub filters: Filters,
    pub count: usize,
}

/// The visible name of an option, by id.
fn option_name(programme: &Shared, facet: Facet, id: &str, lang: Lang) -> String {
    options(programme, facet, lang)
        .into_iter()
        .find(|(option, _)| option == id)
        .map_or_else(|| id.to_owned(), |(_, name)| name)
}

#[component]
pub fn ResultBar(props: &ResultBarProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_toggle = widget.callback(|(f, id)| Action::ToggleFacet(f, id));
    let on_text = widget.callback(Action::SetText);
    let on_starred = widget.callback(Action::SetStarredOnly);
    let on_clear = widget.callback(|()| Action::ClearFilters);
    let Some(programme) = widget.programme.clone() else {
        return html! {};
    };
    let f = &props.filters;
    let mut chips: Vec<Html> = Vec::new();
    let chip = |label: String, onclick: Callback<MouseEvent>| {
        html! {
            <li>
                <button type="button" class="sp-chip sp-chip--remove" aria-label={lang.remove_filter(&label)} {onclick}>
                    { label }<span aria-hidden="true">{ " ×" }</span>
                </button>
            </li>
        }
    };
    if !f.text.trim().is_empty() {
        let cb = on_text.clone();
        chips.push(chip(
            format!("\"{}\"", f.text.trim()),
            Callback::from(move |_| cb.emit(String::new())),
        ));
    }
    if f.starred_only {
        let cb = on_starred.clone();
        chips.push(chip(
            lang.only_starred().to_owned(),
            Callback::from(move |_| cb.emit(false)),
        ));
    }
    for facet in FACETS {
        for id in f.set(facet) {
            let cb = on_toggle.clone();
            let value = id.clone();
            let label = format!(
                "{}: {}",
                lang.facet_name(facet),
                option_name(&programme, facet, id, lang)
            );
            chips.push(chip(
                label,
                Callback::from(move |_| cb.emit((facet, value.clone()))),
            ));
        }
    }
    let on_clear = {
        let cb = on_clear.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let empty = props.count == 0;
    html! {
        <div class="sp-results">
            <p class="sp-results__count" role="status" aria-live="polite">
                { lang.result_count(props.count) }
                if empty && f.is_active() { { " " }{ lang.loosen_filters() } }
            </p>
            if !chips.is_empty() {
                <ul class="sp-results__chips" aria-label={lang.active_filters()}>
                    { for chips }
                    <li><button type="button" class="sp-chip sp-chip--clear" onclick={on_clear}>{ lang.clear_filters() }</button></li>
                </ul>
            }
        </div>
    }
}
