//! A delegation link that arrived: who is in it and how many sessions each chose, and the
//! visitor's choice: everyone as colleagues, one of them as themselves (merged into their
//! own plan, never replacing it), or ignore it.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::delegation::actions::TeamAction;
use seminarplan_core::delegation::link::TeamLink;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeamLinkOfferProps {
    pub link: TeamLink,
}

#[component]
pub fn TeamLinkOffer(props: &TeamLinkOfferProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let mine = use_state(|| None::<String>);
    let Some(p) = widget.programme.clone() else {
        return html! {};
    };
    let on_dismiss = widget.callback(|()| Action::Team(TeamAction::DismissTeam));
    if !props.link.is_for(&p) {
        return html! {
            <section class="sp-changes sp-teamlink" aria-labelledby="sp-teamlink-title">
                <h2 class="sp-changes__title" id="sp-teamlink-title">{ lang.shared_other_programme() }</h2>
                <button type="button" class="sp-button" onclick={on_dismiss.reform(|_| ())}>{ lang.dismiss() }</button>
            </section>
        };
    }
    let radio = |value: Option<String>, label: String, n: usize| {
        let checked = *mine == value;
        let id = format!("sp-teamlink-who-{n}");
        let mine = mine.clone();
        html! {
            <li>
                <input type="radio" name="sp-teamlink-who" id={id.clone()} {checked}
                    onchange={Callback::from(move |_| mine.set(value.clone()))} />
                <label for={id}>{ label }</label>
            </li>
        }
    };
    let people = props.link.people.iter().enumerate().map(|(i, person)| {
        radio(
            Some(person.name.clone()),
            format!(
                "{} ({})",
                person.name,
                lang.sessions_count(person.tokens.len())
            ),
            i + 1,
        )
    });
    let on_take = {
        let (widget, mine) = (widget.clone(), (*mine).clone());
        Callback::from(move |_| {
            widget.send(Action::Team(TeamAction::TakeTeam {
                mine: mine.clone(),
                force: false,
            }))
        })
    };
    html! {
        <section class="sp-changes sp-teamlink" aria-labelledby="sp-teamlink-title">
            <h2 class="sp-changes__title" id="sp-teamlink-title">{ lang.team_link_title(props.link.people.len()) }</h2>
            <fieldset class="sp-teamlink__who">
                <legend>{ lang.who_are_you() }</legend>
                <ul class="sp-teamlink__people">
                    { radio(None, lang.none_of_them().to_owned(), 0) }
                    { for people }
                </ul>
            </fieldset>
            <p class="sp-error__actions">
                <button type="button" class="sp-button sp-teamlink__take" onclick={on_take}>{ lang.take_team() }</button>
                <button type="button" class="sp-button sp-teamlink__dismiss" onclick={on_dismiss.reform(|_| ())}>{ lang.ignore_shared() }</button>
            </p>
        </section>
    }
}
