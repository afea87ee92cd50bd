//! The blocks nobody in the delegation covers, each with its sessions and one button per
//! session that takes it into the visitor's own plan (an ordinary star: the usual clash
//! marks follow). Focus goes to the list's heading once the taken block leaves the list.

use yew::prelude::*;

use crate::context::{use_plan, use_widget};
use seminarplan_core::delegation::Delegation;
use seminarplan_core::delegation::coverage::coverage;
use seminarplan_core::model::SessionId;
use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct UncoveredListProps {
    pub team: Delegation,
}

#[component]
pub fn UncoveredList(props: &UncoveredListProps) -> Html {
    let widget = use_widget();
    let plan = use_plan().plan;
    let lang = widget.lang;
    let heading = use_node_ref();
    let refocus = use_mut_ref(|| false);
    {
        let (heading, refocus) = (heading.clone(), refocus.clone());
        use_effect(move || {
            if std::mem::take(&mut *refocus.borrow_mut())
                && let Some(el) = heading.cast::<web_sys::HtmlElement>()
            {
                let _ = el.focus();
            }
        });
    }
    let Some(p) = widget.programme.clone() else {
        return html! {};
    };
    let (ui, pl) = (lang.code(), p.lang());
    let on_take = {
        let on_star = widget.on_star();
        Callback::from(move |id: SessionId| {
            *refocus.borrow_mut() = true;
            on_star.emit(id);
        })
    };
    let slots: Vec<_> = coverage(&p, &plan, &props.team)
        .into_iter()
        .filter(|s| s.block.is_some() && s.uncovered())
        .collect();
    let blocks = slots.iter().map(|slot| {
        let b = slot.block.map(|b| &p.blocks[b]);
        let name = b.map(|b| b.name.get(ui, pl).to_owned()).unwrap_or_default();
        let day = p.conference.days.get(slot.day).map(|&d| lang.short_date(d)).unwrap_or_default();
        let sessions = slot.sessions.iter().map(|c| {
            let s = &p.sessions[c.session];
            let id = s.id.clone();
            let on_take = on_take.clone();
            let room = s.room.map(|r| format!(" · {}", p.rooms[r].name.get(ui, pl))).unwrap_or_default();
            html! {
                <li key={s.id.clone()} class="sp-uncovered__session" data-session={s.id.clone()}>
                    <span class="sp-uncovered__title">{ &s.title }</span>{ room }{ " " }
                    <button type="button" class="sp-button sp-uncovered__take" onclick={Callback::from(move |_| on_take.emit(id.clone()))}>
                        { lang.take() }<span class="sp-visually-hidden">{ ": " }{ &s.title }</span>
                    </button>
                </li>
            }
        });
        html! {
            <li key={b.map(|b| b.id.clone()).unwrap_or_default()} class="sp-uncovered__block" data-block={b.map(|b| b.id.clone()).unwrap_or_default()}>
                <h3 class="sp-uncovered__name">{ format!("{name}, {day} {}", time::span(slot.start, slot.end)) }</h3>
                <ul class="sp-uncovered__sessions">{ for sessions }</ul>
            </li>
        }
    });
    html! {
        <section class="sp-uncovered" aria-labelledby="sp-uncovered-heading">
            <h2 id="sp-uncovered-heading" ref={heading} tabindex="-1">{ lang.uncovered_title() }</h2>
            if slots.is_empty() {
                <p class="sp-uncovered__none">{ lang.all_covered() }</p>
            } else {
                <ul class="sp-uncovered__blocks">{ for blocks }</ul>
            }
        </section>
    }
}
