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
    {
        let dispatch = store.dispatcher();
        use_effect_with(place.clone(), move |place| {
            // An empty URL keeps the first view the organiser chose.
            let query = url::read(place);
            if !query.is_empty() {
                dispatch.dispatch(Action::FromUrl(Box::new(UrlState::parse(&query))));
            }
            let dispatch = dispatch.clone();
            let listeners = url::watch(place, move |query| {
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
            url::write(&place, &wanted.to_query(), !same_but_text_and_share);
        }
    });
}
