//! The filter panel: one group of checkboxes per facet, each option with the number of
//! sessions it would give; "only my starred"; one button that clears everything.
//! Folds away behind a button on narrow screens. A group with many options (FOSDEM has
//! about 70 tracks) shows its first ones and a "show all" button.

use std::collections::HashSet;

use yew::prelude::*;

use super::starred_filter::StarredFilter;
use crate::context::use_widget;
use seminarplan_core::state::Action;

use seminarplan_core::filter::{Counts, FACETS, Facet, Filters, options};

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub filters: Filters,
    /// Each option's count (not `starred`: [`StarredFilter`] reads its own count).
    pub counts: Counts,
    pub open: bool,
}

/// A group with more options than this shows only the first [`FIRST_OPTIONS`] (and every
/// chosen one) until the visitor asks for all.
const LONG_GROUP: usize = 12;
const FIRST_OPTIONS: usize = 8;

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let all_shown = use_state(HashSet::<Facet>::new);
    let on_toggle = widget.callback(|(f, id)| Action::ToggleFacet(f, id));
    let on_clear = widget.callback(|()| Action::ClearFilters);
    let on_panel = widget.callback(|()| Action::ToggleFilterPanel);
    // Each facet's options and their names, once per programme and language, not at
    // every keystroke (issue 29).
    let all_options = use_memo((widget.programme.clone(), lang), |(programme, lang)| {
        programme
            .as_ref()
            .map(|p| FACETS.map(|facet| options(p, facet, *lang)))
    });
    let Some(all_options) = all_options.as_ref() else {
        return html! {};
    };
    let groups = FACETS.iter().zip(all_options).filter_map(|(&facet, opts)| {
        if opts.len() < 2 {
            return None;
        }
        let chosen = props.filters.set(facet);
        let total = opts.len();
        let long = total > LONG_GROUP;
        let expanded = all_shown.contains(&facet);
        let more = long.then(|| {
            let all_shown = all_shown.clone();
            let onclick = Callback::from(move |_| {
                let mut next = (*all_shown).clone();
                if !next.remove(&facet) {
                    next.insert(facet);
                }
                all_shown.set(next);
            });
            let label = if expanded {
                lang.show_fewer_options().to_owned()
            } else {
                lang.show_all_options(total)
            };
            html! {
                <button type="button" class="sp-button sp-filter__more" aria-expanded={expanded.to_string()} {onclick}>
                    { label }
                </button>
            }
        });
        let items = opts.iter().enumerate().filter_map(|(i, (id, label))| {
            let n = props.counts.of(facet, i);
            let checked = chosen.contains(id);
            if long && !expanded && i >= FIRST_OPTIONS && !checked {
                return None;
            }
            let input_id = format!("sp-f-{}-{id}", facet.key());
            let on_toggle = on_toggle.clone();
            let value = id.clone();
            Some(html! {
                <li class={classes!("sp-filter__option", (n == 0 && !checked).then_some("sp-is-empty"))}>
                    <input type="checkbox" id={input_id.clone()} {checked}
                        onchange={Callback::from(move |_| on_toggle.emit((facet, value.clone())))} />
                    <label for={input_id}>
                        <span class="sp-filter__label">{ label.clone() }</span>
                        <span class="sp-filter__count" aria-label={lang.count_label(n)}>{ n }</span>
                    </label>
                </li>
            })
        });
        Some(html! {
            <fieldset class="sp-filter">
                <legend class="sp-filter__legend">{ lang.facet_name(facet) }</legend>
                <ul class="sp-filter__options">{ for items }</ul>
                { more.unwrap_or_default() }
            </fieldset>
        })
    });
    let on_clear = {
        let cb = on_clear.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let on_panel = {
        let cb = on_panel.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let active = props.filters.active_count();
    html! {
        <div class={classes!("sp-filters", props.open.then_some("sp-is-open"))}>
            <button type="button" class="sp-filters__toggle" aria-expanded={props.open.to_string()}
                aria-controls="sp-filters-body" onclick={on_panel}>
                { lang.filters_button(active) }
            </button>
            <div class="sp-filters__body" id="sp-filters-body">
                <StarredFilter checked={props.filters.starred_only} />
                { for groups }
                <button type="button" class="sp-button sp-filters__clear" disabled={!props.filters.is_active()} onclick={on_clear}>
                    { lang.clear_filters() }
                </button>
            </div>
        </div>
    }
}
