//! The day switch: one button per conference day and one for all days, each with the
//! number of sessions it would show with the active filters. The tabs are one row that
//! scrolls sideways when they do not fit; the current one is kept in view. A narrow row
//! shows the short dates ("tis 16/3", programme.css), so a congress of a few days fits.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;

use seminarplan_core::filter::{Counts, DayChoice};

#[derive(Properties, PartialEq)]
pub struct DayTabsProps {
    /// The day shown; `None` for all days.
    pub selected: Option<usize>,
    pub counts: Counts,
    /// Whether to show counts (only when filters are active, to keep the tabs calm).
    pub show_counts: bool,
}

/// Scrolls the row of tabs (not the page) just enough to show the current tab.
fn reveal_current(list: &NodeRef) {
    let Some(list) = list.cast::<HtmlElement>() else {
        return;
    };
    let Some(tab) = list
        .query_selector(".sp-is-current")
        .ok()
        .flatten()
        .and_then(|tab| tab.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    // The list is the tabs' offset parent (`position: relative` in programme.css).
    let margin = 8;
    let (left, right) = (tab.offset_left(), tab.offset_left() + tab.offset_width());
    let (shown_left, shown_right) = (list.scroll_left(), list.scroll_left() + list.client_width());
    if left - margin < shown_left {
        list.set_scroll_left(left - margin);
    } else if right + margin > shown_right {
        list.set_scroll_left(right + margin - list.client_width());
    }
}

#[component]
pub fn DayTabs(props: &DayTabsProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_select = widget.callback(Action::SetDay);
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(props.selected, move |_| reveal_current(&list));
    }
    let Some(programme) = widget.programme.clone() else {
        return html! {};
    };
    // The button's name is its visible text (the whole date on a wide widget, the short
    // one on a phone; CSS shows one), so it always starts with what a speech user reads
    // on it (WCAG 2.5.3); the count is added for screen readers as words.
    let button = |choice: DayChoice, current: bool, (long, short): (String, String), n: usize| {
        let on_select = on_select.clone();
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("sp-daytabs__button", current.then_some("sp-is-current"), (props.show_counts && n == 0).then_some("sp-is-empty"))}
                    aria-pressed={current.to_string()}
                    onclick={Callback::from(move |_| on_select.emit(choice.clone()))}
                >
                    <span class="sp-daytabs__long">{ long }</span>
                    <span class="sp-daytabs__short">{ short }</span>
                    if props.show_counts {
                        <span class="sp-visually-hidden">{ format!(", {}", lang.count_label(n)) }</span>
                        <span class="sp-daytabs__count" aria-hidden="true">{ n }</span>
                    }
                </button>
            </li>
        }
    };
    let days = programme
        .conference
        .days
        .iter()
        .enumerate()
        .map(|(i, &day)| {
            button(
                DayChoice::Date(day),
                props.selected == Some(i),
                (lang.long_date(day), lang.short_date(day)),
                props.counts.days.get(i).copied().unwrap_or(0),
            )
        });
    html! {
        <nav class={classes!("sp-daytabs", props.show_counts.then_some("sp-daytabs--counts"))} aria-label={lang.days_label()}>
            <ul class="sp-daytabs__list" ref={list}>
                { for days }
                { button(DayChoice::All, props.selected.is_none(), (lang.all_days().to_owned(), lang.all_days().to_owned()), props.counts.all_days) }
            </ul>
        </nav>
    }
}
