//! `use_url_sync`: the view and the page's URL kept in step.

use yew::prelude::*;

use crate::browser::url::{self, UrlPlace};
use crate::context::Store;
use seminarplan_core::state::Action;
use seminarplan_core::url_state::UrlState;

/// Reads the URL at start and after Back/Forward, and writes it after every change (a
/// new history entry for everything but typing).
#[hook]
pub fn use_url_sync(store: &UseReducerHandle<Store>, place: &UrlPlace) {
    // Typing replaces the entry once the visitor pauses ([`TYPING_MS`]), not in the frame
    // that answers each keystroke: `replaceState` costs about 14 ms at 4× CPU
    // (BENCHMARKS.md, "Where a keystroke's time goes"). The query still to write, and
    // its timer (a new keystroke drops the old one, which cancels it).
    let typed = use_mut_ref(|| None::<String>);
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let dispatch = store.dispatcher();
        let typed = typed.clone();
        use_effect_with(place.clone(), move |place| {
            // An empty URL keeps the first view the organiser chose.
            let query = url::read(place);
            if !query.is_empty() {
                dispatch.dispatch(Action::FromUrl(Box::new(UrlState::parse(&query))));
            }
            let dispatch = dispatch.clone();
            let listeners = url::watch(place, move |query| {
                // Back or Forward left the entry the typing was for: it is not written
                // over the one the visitor went to.
                typed.borrow_mut().take();
                dispatch.dispatch(Action::FromUrl(Box::new(UrlState::parse(&query))));
            });
            move || drop(listeners)
        });
    }
    let wanted = store.0.url_state();
    let last = use_mut_ref(|| None::<UrlState>);
    let place = place.clone();
    use_effect_with(wanted, move |wanted| {
        let previous = last.borrow_mut().replace(wanted.clone());
        if let Some(previous) = previous {
            // Typing, and a handled share link leaving the URL, replace the entry: Back
            // should not step through every letter or offer the shared plan again.
            let same_but_text_and_share = UrlState {
                filters: seminarplan_core::filter::Filters {
                    text: wanted.filters.text.clone(),
                    ..previous.filters.clone()
                },
                share: wanted.share.clone(),
                team: wanted.team.clone(),
                ..previous.clone()
            } == *wanted;
            // Only typing waits for the pause: a share or delegation link leaving the
            // address is written at once, so that nothing is left pending in an instance
            // that may stop (a panic) before the timer fires and would write the link
            // back over the address its restarted widget has just cleaned.
            let only_typed = same_but_text_and_share
                && wanted.share == previous.share
                && wanted.team == previous.team;
            let query = wanted.to_query();
            if same_but_text_and_share && !only_typed {
                typed.borrow_mut().take();
                url::write(&place, &query, false);
            } else if only_typed {
                *typed.borrow_mut() = Some(query);
                let (typed, place) = (typed.clone(), place.clone());
                let later = gloo::timers::callback::Timeout::new(TYPING_MS, move || {
                    if let Some(query) = typed.borrow_mut().take() {
                        url::write(&place, &query, false);
                    }
                });
                *timer.borrow_mut() = Some(later);
            } else {
                // What was typed goes into the entry it belongs to before a new one.
                if let Some(query) = typed.borrow_mut().take() {
                    url::write(&place, &query, false);
                }
                url::write(&place, &query, true);
            }
        }
    });
}

/// How long typing pauses before the address follows it.
pub const TYPING_MS: u32 = 300;
