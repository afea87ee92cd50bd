//! A large file's first sessions, shown while the rest of it is read: the list as it
//! will look, its first sessions (on the day of the first), to read but not yet to choose
//! from, under a status line that says the rest is coming.

use std::rc::Rc;

use yew::prelude::*;

use super::programme_view::ProgrammeView;
use seminarplan_core::lang::Lang;
use seminarplan_core::model::ProgrammeRef;

/// How many sessions the preview shows: more than a laptop's first screen holds.
const CARDS: usize = 24;

#[derive(Properties, PartialEq)]
pub struct ProgrammePreviewProps {
    /// The programme of the file's first rows (`import::preview`).
    pub programme: ProgrammeRef,
    pub lang: Lang,
}

#[component]
pub fn ProgrammePreview(props: &ProgrammePreviewProps) -> Html {
    // Sessions are in time order: the first are the first screen's, and a few cards
    // render in a blink.
    let first = use_memo(props.programme.clone(), |p| {
        Rc::new((0..p.sessions.len().min(CARDS)).collect::<Vec<usize>>())
    });
    html! {
        <div class="sp-preview" aria-busy="true">
            <p class="sp-loading" role="status">{ props.lang.loading_rest() }</p>
            <div class="sp-main">
                <ProgrammeView
                    programme={props.programme.clone()}
                    lang={props.lang}
                    day={Some(props.programme.sessions.first().map_or(0, |s| s.day))}
                    matching={(*first).clone()}
                    terms={Rc::new(Vec::new())}
                    plan={seminarplan_core::plan::Plan::default()}
                    clashes={Rc::new(Vec::new())}
                    expanded={std::collections::BTreeSet::new()}
                    on_star={Callback::noop()}
                    on_expand={Callback::noop()}
                    on_open={Callback::noop()}
                    live={false}
                />
            </div>
        </div>
    }
}
