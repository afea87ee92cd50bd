//! The star that puts a session in (or out of) the visitor's schedule.

use yew::prelude::*;

use seminarplan_core::lang::Lang;
use seminarplan_core::model::SessionId;

#[derive(Properties, PartialEq)]
pub struct StarButtonProps {
    pub id: SessionId,
    pub title: AttrValue,
    pub starred: bool,
    pub lang: Lang,
    pub on_star: Callback<SessionId>,
}

#[component]
pub fn StarButton(props: &StarButtonProps) -> Html {
    let label = if props.starred {
        props.lang.star_remove(&props.title)
    } else {
        props.lang.star_add(&props.title)
    };
    let onclick = {
        let id = props.id.clone();
        let on_star = props.on_star.clone();
        Callback::from(move |_| on_star.emit(id.clone()))
    };
    html! {
        <button
            type="button"
            class={classes!("sp-star", props.starred.then_some("sp-is-starred"))}
            aria-pressed={props.starred.to_string()}
            aria-label={label.clone()}
            title={label}
            {onclick}
        >
            <svg class="sp-star__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6L2.5 9.4l6.6-.8z" />
            </svg>
        </button>
    }
}
