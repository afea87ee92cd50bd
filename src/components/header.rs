//! The widget's header: conference title, the view switch and the language switch.

use yew::prelude::*;

use seminarplan_core::lang::Lang;
use seminarplan_core::model::Shared;
use seminarplan_core::url_state::View;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub programme: Shared,
    pub lang: Lang,
    pub view: View,
    pub starred: usize,
    pub clashes: usize,
    pub on_view: Callback<View>,
    pub on_lang: Callback<Lang>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let p = &props.programme;
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
        let on_view = props.on_view.clone();
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
    let count = if props.starred > 0 {
        html! { <span class="sp-badge">{ props.starred }</span> }
    } else {
        html! {}
    };
    let clash_badge = if props.clashes > 0 {
        html! { <span class="sp-badge sp-badge--clash">{ "!" }<span class="sp-visually-hidden">{ lang.clashes_count(props.clashes) }</span></span> }
    } else {
        html! {}
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
                { tab(View::MySchedule, html! { <>{ lang.my_schedule() }{ count }{ clash_badge }</> }) }
            </nav>
        </header>
    }
}
