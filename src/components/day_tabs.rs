//! The day switch: one button per conference day and one for all days, each with the
//! number of sessions it would show with the active filters. The tabs are one row that
//! scrolls sideways when they do not fit; the current one is kept in view. A row too
//! narrow for every whole date ("tisdag 16 mars") shows the short ones ("tis 16/3"), so a
//! congress of a few days shows every day.

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

/// The list's padding, both sides (programme.css).
const LIST_PADDING: usize = 12;

/// The width in CSS pixels a tab needs for a whole date of `letters` letters (and a count
/// of `digits` digits), with the gap after it: a generous 9 px a letter at 16 px (wide
/// fonts such as DejaVu Sans; bold for the current tab), 31 px of padding and border,
/// 8 px of gap.
fn tab_width(letters: usize, digits: Option<usize>) -> usize {
    let count = digits.map_or(0, |d| 9 * d + 7);
    9 * letters + count + 31 + 8
}

/// The class that says from which width of the row (programme.css) the whole dates fit,
/// for a row that needs `need` pixels; below it the tabs show their short dates.
fn fit_class(need: usize) -> &'static str {
    [
        (650, "sp-daytabs--fit-650"),
        (750, "sp-daytabs--fit-750"),
        (900, "sp-daytabs--fit-900"),
        (1200, "sp-daytabs--fit-1200"),
    ]
    .into_iter()
    .find(|&(width, _)| need <= width)
    .map_or("sp-daytabs--fit-never", |(_, class)| class)
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
    // The button's name is its visible text (the whole date in a row wide enough for all
    // of them, else the short one; CSS shows one), so it always starts with what a speech
    // user reads on it (WCAG 2.5.3); the count is added for screen readers as words.
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
    let all_days = (
        None,
        (lang.all_days().to_owned(), lang.all_days().to_owned()),
        props.counts.all_days,
    );
    let tabs: Vec<_> = programme
        .conference
        .days
        .iter()
        .enumerate()
        .map(|(i, &day)| {
            (
                Some(i),
                (lang.long_date(day), lang.short_date(day)),
                props.counts.days.get(i).copied().unwrap_or(0),
            )
        })
        .chain([all_days])
        .collect();
    let need = tabs.iter().map(|(_, (long, _), n)| {
        let count = props.show_counts.then(|| n.to_string().len());
        tab_width(long.chars().count(), count)
    });
    let fit = fit_class(need.sum::<usize>() + LIST_PADDING);
    let days = tabs.into_iter().map(|(i, labels, n)| {
        let choice = match i {
            Some(i) => DayChoice::Date(programme.conference.days[i]),
            None => DayChoice::All,
        };
        let current = i == props.selected;
        button(choice, current, labels, n)
    });
    html! {
        <nav class={classes!("sp-daytabs", fit)} aria-label={lang.days_label()}>
            <ul class="sp-daytabs__list" ref={list}>
                { for days }
            </ul>
        </nav>
    }
}
