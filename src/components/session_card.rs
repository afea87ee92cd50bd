//! One session as a card: time, room, theme colour, type, title, speakers and language,
//! expanding to its abstract; with a star when the session can be chosen.

use std::rc::Rc;

use yew::prelude::*;

use super::highlight::Highlight;
use seminarplan_core::lang::Lang;
use seminarplan_core::model::{ProgrammeRef, SessionId};
use seminarplan_core::search::{Term, highlight};
use seminarplan_core::time;

#[derive(Properties)]
pub struct SessionCardProps {
    pub programme: ProgrammeRef,
    /// Index into `Programme::sessions`.
    pub ix: usize,
    pub lang: Lang,
    pub starred: bool,
    pub expanded: bool,
    /// Titles of the starred sessions this one clashes with (empty when none).
    #[prop_or_default]
    pub clashes_with: Vec<AttrValue>,
    /// The heading level of the title (3, 4 or 5), following the page's outline.
    #[prop_or_default]
    pub heading_level: u8,
    /// Search words to mark.
    #[prop_or_default]
    pub terms: Rc<Vec<Term>>,
    pub on_star: Callback<SessionId>,
    pub on_expand: Callback<SessionId>,
    pub on_open: Callback<Option<SessionId>>,
    /// "Choose this instead": offered on a starred card that clashes.
    #[prop_or_default]
    pub on_choose: Option<Callback<SessionId>>,
    /// `false` while the programme is still being read: the title is not a link, and
    /// there is no star and no "show more" (`ProgrammePreview`).
    #[prop_or(true)]
    pub live: bool,
}

/// The speakers as the card lists them: names, with their organisation in brackets.
fn speakers_line(p: &ProgrammeRef, ix: usize) -> String {
    p.sessions[ix]
        .speakers
        .iter()
        .map(|&i| {
            let sp = &p.speakers[i];
            match &sp.organisation {
                Some(org) => format!("{} ({org})", sp.name),
                None => sp.name.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where the card marks search words (title, subtitle, speakers), as the lengths of its
/// marked and unmarked stretches.
fn marks(p: &ProgrammeRef, ix: usize, terms: &[Term]) -> Vec<(usize, bool)> {
    let s = &p.sessions[ix];
    let speakers = speakers_line(p, ix);
    [
        Some(s.title.as_str()),
        s.subtitle.as_deref(),
        Some(&speakers),
    ]
    .into_iter()
    .flatten()
    .flat_map(|text| highlight(text, terms))
    .map(|seg| (seg.text.len(), seg.hit))
    .collect()
}

/// Equal when the card would look the same: new search words that mark the same places
/// (typing on, most cards mark nothing new) do not redraw it (issue 29: each keystroke
/// redrew every card shown). An open card marks its abstract too, so there every change
/// of the words counts.
impl PartialEq for SessionCardProps {
    fn eq(&self, other: &Self) -> bool {
        let same_terms = || {
            Rc::ptr_eq(&self.terms, &other.terms)
                || self.terms == other.terms
                || (!self.expanded
                    && marks(&self.programme, self.ix, &self.terms)
                        == marks(&other.programme, other.ix, &other.terms))
        };
        self.programme == other.programme
            && self.ix == other.ix
            && self.lang == other.lang
            && self.starred == other.starred
            && self.expanded == other.expanded
            && self.clashes_with == other.clashes_with
            && self.heading_level == other.heading_level
            && self.on_star == other.on_star
            && self.on_expand == other.on_expand
            && self.on_open == other.on_open
            && self.on_choose == other.on_choose
            && self.live == other.live
            && same_terms()
    }
}

#[component]
pub fn SessionCard(props: &SessionCardProps) -> Html {
    let p = &props.programme;
    let lang = props.lang;
    let (ui, plang) = (lang.code(), p.lang());
    let s = &p.sessions[props.ix];
    let kind = &p.types[s.kind_ix];
    let theme_class = s.themes.first().map(|t| format!("sp-theme-{t}"));
    let title_id = format!("sp-title-{}", s.id);
    let body_id = format!("sp-body-{}", s.id);
    // Mark the session's language only where it differs from the page's.
    let session_lang = (s.language != ui).then(|| s.language.clone());

    let speakers = speakers_line(p, props.ix);
    let themes = s.themes.iter().map(|&t| {
        html! { <li class={classes!("sp-chip", "sp-chip--theme", format!("sp-theme-{t}"))}>{ p.themes[t].name.get(ui, plang) }</li> }
    });
    let room = s.room.map(|r| p.rooms[r].name.get(ui, plang).to_owned());

    let on_expand = {
        let id = s.id.clone();
        let cb = props.on_expand.clone();
        Callback::from(move |_| cb.emit(id.clone()))
    };
    let on_open = {
        let id = s.id.clone();
        let cb = props.on_open.clone();
        Callback::from(move |_| cb.emit(Some(id.clone())))
    };
    let title = if props.live {
        html! {
            <button type="button" class="sp-card__open" id={title_id.clone()} onclick={on_open}>
                <Highlight text={AttrValue::from(s.title.clone())} terms={props.terms.clone()} />
            </button>
        }
    } else {
        html! { <span id={title_id.clone()}>{ &s.title }</span> }
    };
    let heading = match props.heading_level {
        3 => html! { <h3 class="sp-card__title">{ title }</h3> },
        5 => html! { <h5 class="sp-card__title">{ title }</h5> },
        _ => html! { <h4 class="sp-card__title">{ title }</h4> },
    };
    let clash = (!props.clashes_with.is_empty()).then(|| {
        let names = props
            .clashes_with
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let choose = props.on_choose.clone().map(|cb| {
            let id = s.id.clone();
            html! {
                <button type="button" class="sp-button sp-card__choose" aria-label={lang.choose_instead(&s.title)}
                    onclick={Callback::from(move |_| cb.emit(id.clone()))}>{ lang.choose_instead_short() }</button>
            }
        });
        html! {
            <div class="sp-card__clash" role="note">
                <p>{ "⚠ " }{ lang.clash_with(&names) }</p>
                { choose.unwrap_or_default() }
            </div>
        }
    });

    html! {
        <article
            class={classes!(
                "sp-card",
                theme_class,
                props.starred.then_some("sp-is-starred"),
                s.full.then_some("sp-is-full"),
                (!props.clashes_with.is_empty()).then_some("sp-has-clash")
            )}
            aria-labelledby={title_id}
            data-session={props.live.then(|| s.id.clone())}
            lang={session_lang}
        >
            <div class="sp-card__main">
                <p class="sp-card__when" lang={ui}>
                    <time datetime={s.start.to_rfc3339()}>{ time::clock(s.start) }</time>
                    { "–" }
                    <time datetime={s.end.to_rfc3339()}>{ time::clock(s.end) }</time>
                    if let Some(room) = room {
                        <span class="sp-card__room">{ room }</span>
                    }
                </p>
                { heading }
                if let Some(sub) = &s.subtitle {
                    <p class="sp-card__subtitle"><Highlight text={AttrValue::from(sub.clone())} terms={props.terms.clone()} /></p>
                }
                if !speakers.is_empty() {
                    <p class="sp-card__speakers"><Highlight text={AttrValue::from(speakers)} terms={props.terms.clone()} /></p>
                }
                <ul class="sp-card__chips" lang={ui}>
                    if s.full {
                        <li class="sp-chip sp-chip--full">{ lang.full() }</li>
                    }
                    <li class="sp-chip">{ kind.name.get(ui, plang) }</li>
                    { for themes }
                    if s.language != plang {
                        <li class="sp-chip sp-chip--lang">{ lang.language_name(&s.language) }</li>
                    }
                </ul>
                { clash.unwrap_or_default() }
            </div>
            if kind.kind.can_star() && props.live {
                <super::star_button::StarButton
                    id={s.id.clone()}
                    title={AttrValue::from(s.title.clone())}
                    starred={props.starred}
                    full={s.full}
                    {lang}
                    on_star={props.on_star.clone()}
                />
            }
            if props.live && (s.abstract_text.is_some() || !s.speakers.is_empty()) {
                <div class="sp-card__more">
                    <button type="button" class="sp-card__toggle" lang={ui}
                        aria-expanded={props.expanded.to_string()} aria-controls={body_id.clone()}
                        onclick={on_expand}>
                        { if props.expanded { lang.show_less() } else { lang.show_more() } }
                    </button>
                    <div class="sp-card__body" id={body_id} hidden={!props.expanded}>
                        if props.expanded {
                            { s.abstract_text.as_ref().map(|t| html! { <super::rich_text::RichText text={AttrValue::from(t.clone())} terms={props.terms.clone()} /> }).unwrap_or_default() }
                            { for s.speakers.iter().map(|&i| {
                                let sp = &p.speakers[i];
                                html! {
                                    <div class="sp-speaker">
                                        <p class="sp-speaker__name">{ &sp.name }
                                            if let Some(org) = &sp.organisation { { ", " }{ org } }
                                        </p>
                                        if let Some(bio) = &sp.bio { <p class="sp-speaker__bio">{ bio }</p> }
                                    </div>
                                }
                            }) }
                        }
                    </div>
                </div>
            }
        </article>
    }
}
