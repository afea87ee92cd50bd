//! A session's own page, as a modal dialog with its own deep link: everything about the
//! session, the star, and the other sessions of the same block as alternatives.
//! The native `<dialog>` traps focus, closes on Escape and returns focus to the opener.

use yew::prelude::*;

use crate::context::{use_plan, use_widget};

use super::star_button::StarButton;
use seminarplan_core::model::SessionId;
use seminarplan_core::time;

#[derive(Properties, PartialEq)]
pub struct SessionPageProps {
    pub id: SessionId,
    pub on_calendar: Callback<SessionId>,
}

#[component]
pub fn SessionPage(props: &SessionPageProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let plan = use_plan().plan;
    let on_star = widget.on_star();
    let on_open = widget.on_open();
    let on_speaker = widget.on_speaker();
    let Some(programme) = widget.programme.clone() else {
        return html! {};
    };
    let p = &programme;
    let (ui, pl) = (lang.code(), p.lang());
    let Some(s) = p.session(&props.id) else {
        return html! {};
    };
    let on_close = {
        let cb = on_open.clone();
        Callback::from(move |_| cb.emit(None))
    };
    // Escape closes the native dialog; keep the state (and URL) in step.
    let row = |label: &str, value: Html| {
        html! { <><dt>{ label.to_owned() }</dt><dd>{ value }</dd></> }
    };
    let kind = &p.types[s.kind_ix];
    let themes = s
        .themes
        .iter()
        .map(|&t| p.themes[t].name.get(ui, pl))
        .collect::<Vec<_>>()
        .join(", ");
    let alternatives: Vec<usize> = s
        .block
        .map(|b| {
            p.sessions
                .iter()
                .enumerate()
                .filter(|(_, o)| o.block == Some(b) && o.id != s.id)
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default();
    let date = p.conference.days.get(s.day).copied();
    html! {
        <super::modal::Modal labelled_by="sp-dialog-title" lang={AttrValue::from(ui)} on_close={on_open.reform(|()| None)}>
            <article class="sp-page" data-session={s.id.clone()} lang={(s.language != ui).then(|| s.language.clone())}>
                <div class="sp-page__head">
                    <h2 class="sp-page__title" id="sp-dialog-title">{ &s.title }</h2>
                    if kind.kind.can_star() {
                        <StarButton id={s.id.clone()} title={AttrValue::from(s.title.clone())}
                            starred={plan.is_starred(&s.id)} full={s.full} {lang} on_star={on_star.clone()} />
                    }
                </div>
                if s.full {
                    <p class="sp-page__full sp-full" lang={ui}>{ lang.full() }</p>
                }
                if let Some(sub) = &s.subtitle { <p class="sp-page__subtitle">{ sub }</p> }
                <dl class="sp-page__facts" lang={ui}>
                    { row(lang.when(), html! {
                        <>
                            { date.map(|d| lang.long_date(d)).unwrap_or_default() }{ " " }
                            <time datetime={s.start.to_rfc3339()}>{ time::clock(s.start) }</time>
                            { "–" }
                            <time datetime={s.end.to_rfc3339()}>{ time::clock(s.end) }</time>
                        </>
                    }) }
                    if let Some(r) = s.room { { row(lang.room(), html! { p.rooms[r].name.get(ui, pl) }) } }
                    if let Some(b) = s.block { { row(lang.block(), html! { p.blocks[b].name.get(ui, pl) }) } }
                    { row(lang.session_type(), html! { kind.name.get(ui, pl) }) }
                    if !themes.is_empty() { { row(lang.theme(), html! { themes }) } }
                    { row(lang.language(), html! { lang.language_name(&s.language) }) }
                    if let Some(l) = s.level { { row(lang.level(), html! { p.levels[l].name.get(ui, pl) }) } }
                    if !s.tags.is_empty() { { row(lang.tags(), html! { s.tags.join(", ") }) } }
                </dl>
                <div class="sp-page__abstract">
                    { s.abstract_text.as_ref().map(|t| html! { <super::rich_text::RichText text={AttrValue::from(t.clone())} /> }).unwrap_or_else(|| html! { <p lang={ui}>{ lang.no_abstract() }</p> }) }
                </div>
                if let Some(url) = &s.url {
                    <p><a class="sp-link" href={url.clone()} rel="noopener noreferrer" target="_blank">{ lang.more_info() }</a></p>
                }
                if !s.speakers.is_empty() {
                    <section class="sp-page__speakers" aria-labelledby="sp-dialog-speakers">
                        <h3 id="sp-dialog-speakers" lang={ui}>{ lang.speakers() }</h3>
                        <ul class="sp-list">
                            { for s.speakers.iter().map(|&i| {
                                let sp = &p.speakers[i];
                                let cb = on_speaker.clone();
                                let sid = sp.id.clone();
                                html! {
                                    <li class="sp-speaker">
                                        <button type="button" class="sp-linkbutton" onclick={Callback::from(move |_| cb.emit(Some(sid.clone())))}>
                                            { &sp.name }
                                        </button>
                                        if let Some(org) = &sp.organisation { <span>{ ", " }{ org }</span> }
                                        if let Some(bio) = &sp.bio { <p class="sp-speaker__bio">{ bio }</p> }
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
                if !alternatives.is_empty() {
                    <section class="sp-page__alternatives" aria-labelledby="sp-dialog-alt" lang={ui}>
                        <h3 id="sp-dialog-alt">{ lang.alternatives() }</h3>
                        <ul class="sp-list">
                            { for alternatives.into_iter().map(|i| {
                                let o = &p.sessions[i];
                                let cb = on_open.clone();
                                let oid = o.id.clone();
                                let room = o.room.map(|r| p.rooms[r].name.get(ui, pl).to_owned()).unwrap_or_default();
                                html! {
                                    <li class="sp-alt" data-session={o.id.clone()}>
                                        if plan.is_starred(&o.id) { <span class="sp-alt__star" aria-hidden="true">{ "★ " }</span> }
                                        <button type="button" class="sp-linkbutton" lang={(o.language != ui).then(|| o.language.clone())}
                                            onclick={Callback::from(move |_| cb.emit(Some(oid.clone())))}>{ &o.title }</button>
                                        <span class="sp-alt__room">{ " · " }{ room }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
                <p class="sp-page__actions">
                    <button type="button" class="sp-button sp-page__calendar" aria-label={lang.add_to_calendar(&s.title)}
                        onclick={{ let cb = props.on_calendar.clone(); let id = s.id.clone(); Callback::from(move |_| cb.emit(id.clone())) }}>
                        { lang.calendar_short() }
                    </button>
                    <button type="button" class="sp-button sp-dialog__close" onclick={on_close}>{ lang.close() }</button>
                </p>
            </article>
        </super::modal::Modal>
    }
}
