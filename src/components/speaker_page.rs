//! A speaker's page, as a modal dialog: who they are and every session they take part in.

use yew::prelude::*;

use crate::context::use_widget;

use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct SpeakerPageProps {
    pub id: String,
}

#[component]
pub fn SpeakerPage(props: &SpeakerPageProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_open = widget.on_open();
    let on_speaker = widget.on_speaker();
    let Some(programme) = widget.programme.clone() else {
        return html! {};
    };
    let p = &programme;
    let Some(speaker_ix) = p.speakers.iter().position(|s| s.id == props.id) else {
        return html! {};
    };
    let sp = &p.speakers[speaker_ix];
    let on_close = {
        let cb = on_speaker.clone();
        Callback::from(move |_| cb.emit(None))
    };
    let sessions = p.sessions.iter().filter(|s| s.speakers.contains(&speaker_ix)).map(|s| {
        let cb = on_open.clone();
        let id = s.id.clone();
        let date = p.conference.days.get(s.day).map(|&d| lang.short_date(d)).unwrap_or_default();
        html! {
            <li class="sp-alt" data-session={s.id.clone()}>
                <span class="sp-alt__when">{ date }{ " " }<time datetime={s.start.to_rfc3339()}>{ time::clock(s.start) }</time>{ " " }</span>
                <button type="button" class="sp-linkbutton" onclick={Callback::from(move |_| cb.emit(Some(id.clone())))}>{ &s.title }</button>
            </li>
        }
    });
    html! {
        <super::modal::Modal labelled_by="sp-speaker-title" lang={AttrValue::from(lang.code())} on_close={on_speaker.reform(|()| None)}>
            <article class="sp-page">
                <h2 class="sp-page__title" id="sp-speaker-title">{ &sp.name }</h2>
                if let Some(org) = &sp.organisation { <p class="sp-page__subtitle">{ org }</p> }
                if let Some(bio) = &sp.bio { <p>{ bio }</p> }
                <h3>{ lang.sessions_of(&sp.name) }</h3>
                <ul class="sp-list">{ for sessions }</ul>
                <p class="sp-page__actions">
                    <button type="button" class="sp-button sp-dialog__close" onclick={on_close}>{ lang.close() }</button>
                </p>
            </article>
        </super::modal::Modal>
    }
}
