//! The widget's header: conference title, the view switch and the language switch.

use yew::prelude::*;

use super::plan_badges::PlanBadges;
use crate::context::use_widget;

use seminarplan_core::lang::Lang;
use seminarplan_core::state::Action;
use seminarplan_core::url_state::View;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub view: View,
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_view = widget.callback(Action::ShowView);
    let Some(programme) = widget.programme.clone() else {
        return html! {};
    };
    let p = &programme;
    let plang = p.lang();
    let title = p.conference.title.get(lang.code(), plang);
    let place = [
        p.conference
            .venue
            .as_ref()
            .map(|v| v.get(lang.code(), plang).to_owned()),
        p.conference.city.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let tab = |view: View, label: Html| {
        let on_view = on_view.clone();
        let current = props.view == view;
        html! {
            <button
                type="button"
                class={classes!("sp-viewswitch__button", current.then_some("sp-is-current"))}
                aria-pressed={current.to_string()}
                onclick={Callback::from(move |_| on_view.emit(view))}
            >{ label }</button>
        }
    };
    let other = lang.other();
    let on_lang = {
        let on_lang = props.on_lang.clone();
        Callback::from(move |_| on_lang.emit(other))
    };
    html! {
        <header class="sp-header">
            <div class="sp-header__top">
                <div class="sp-header__titles">
                    <p class="sp-header__title">{ title }</p>
                    if !place.is_empty() {
                        <p class="sp-header__place">{ place }</p>
                    }
                </div>
                <button type="button" class="sp-langswitch" lang={other.code()} title={lang.switch_label()} onclick={on_lang}>
                    { other.own_name() }
                </button>
            </div>
            <nav class="sp-viewswitch" aria-label={lang.views_label()}>
                { tab(View::Programme, html! { lang.programme() }) }
                { tab(View::MySchedule, html! { <>{ lang.my_schedule() }<PlanBadges /></> }) }
                { tab(View::Team, html! { lang.team_view() }) }
            </nav>
        </header>
    }
}
