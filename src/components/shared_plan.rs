//! A plan that arrived through a share link: what is in it, and the visitor's choice to
//! add it to their own, replace their own (said plainly), or ignore it. Never silent.

use yew::prelude::*;

use crate::context::{use_plan, use_widget};

use seminarplan_core::share;
use seminarplan_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct SharedPlanProps {
    pub shared: share::SharedPlan,
}

#[component]
pub fn SharedPlan(props: &SharedPlanProps) -> Html {
    let widget = use_widget();
    let plan = use_plan().plan;
    let lang = widget.lang;
    let Some(p) = widget.programme.clone() else {
        return html! {};
    };
    let p = &p;
    let on_dismiss = widget.callback(|()| Action::DismissShared);
    let on_merge = widget.callback(|()| Action::MergeShared);
    let on_adopt = widget.callback(|()| Action::AdoptShared);
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_| cb.emit(()))
    };
    if !props.shared.is_for(p) {
        return html! {
            <section class="sp-changes sp-shared" aria-labelledby="sp-shared-title">
                <h2 class="sp-changes__title" id="sp-shared-title">{ lang.shared_other_programme() }</h2>
                <button type="button" class="sp-button" onclick={emit(&on_dismiss)}>{ lang.dismiss() }</button>
            </section>
        };
    }
    let mut sessions: Vec<usize> = props
        .shared
        .ids
        .iter()
        .filter_map(|id| p.session_ix(id))
        .collect();
    sessions.sort_unstable();
    let mine = plan.len();
    html! {
        <section class="sp-changes sp-shared" aria-labelledby="sp-shared-title">
            <h2 class="sp-changes__title" id="sp-shared-title">{ lang.shared_title(props.shared.ids.len()) }</h2>
            <ul class="sp-changes__list">
                { for sessions.iter().map(|&i| {
                    let s = &p.sessions[i];
                    let day = p.conference.days.get(s.day).map(|&d| lang.short_date(d)).unwrap_or_default();
                    html! { <li data-session={s.id.clone()}>{ format!("{day} {} ", seminarplan_core::time::clock(s.start)) }{ &s.title }</li> }
                }) }
            </ul>
            <p class="sp-error__actions">
                <button type="button" class="sp-button sp-shared__merge" onclick={emit(&on_merge)}>{ lang.merge_shared() }</button>
                <button type="button" class="sp-button sp-shared__adopt" onclick={emit(&on_adopt)}>
                    { if mine == 0 { lang.adopt_shared_empty().to_owned() } else { lang.adopt_shared(mine) } }
                </button>
                <button type="button" class="sp-button sp-shared__dismiss" onclick={emit(&on_dismiss)}>{ lang.ignore_shared() }</button>
            </p>
        </section>
    }
}
