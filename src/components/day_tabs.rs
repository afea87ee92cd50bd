//! The day switch: one button per conference day.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::Shared;

#[derive(Properties, PartialEq)]
pub struct DayTabsProps {
    pub programme: Shared,
    pub lang: Lang,
    pub selected: usize,
    pub on_select: Callback<usize>,
}

#[component]
pub fn DayTabs(props: &DayTabsProps) -> Html {
    let lang = props.lang;
    let days = props
        .programme
        .conference
        .days
        .iter()
        .enumerate()
        .map(|(i, &day)| {
            let current = i == props.selected;
            let on_select = props.on_select.clone();
            html! {
                <li>
                    <button
                        type="button"
                        class={classes!("sp-daytabs__button", current.then_some("sp-is-current"))}
                        aria-pressed={current.to_string()}
                        aria-label={lang.long_date(day)}
                        onclick={Callback::from(move |_| on_select.emit(i))}
                    >{ lang.short_date(day) }</button>
                </li>
            }
        });
    html! {
        <nav class="sp-daytabs" aria-label={lang.days_label()}>
            <ul class="sp-daytabs__list">{ for days }</ul>
        </nav>
    }
}
