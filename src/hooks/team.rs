//! `use_team`: the colleagues kept in the browser next to the visitor's own plan.
//!
//! Read once the programme is known (a record that cannot be read is set aside, never
//! overwritten), read again whenever another tab or widget may have changed it, and
//! written after every change of the visitor's own, but never before it was read.

use yew::prelude::*;

use crate::browser::storage::{self, Unreadable};
use crate::context::Store;
use seminarplan_core::delegation::actions::TeamAction;
use seminarplan_core::saved;
use seminarplan_core::state::Action;

#[hook]
pub fn use_team(store: &UseReducerHandle<Store>, namespace: &AttrValue) {
    let state = &store.0;
    let key = state.programme().map(|p| saved::team_key(namespace, &p.id));
    // Set when the record could be neither read nor set aside: nothing is written then.
    let hold = use_mut_ref(|| false);
    {
        let dispatch = store.dispatcher();
        let hold = hold.clone();
        use_effect_with(key.clone(), move |key| {
            let listeners = key.as_ref().map(|key| {
                let read = storage::read_team(key, Unreadable::SetAside);
                *hold.borrow_mut() = read.hold;
                if let Some(notice) = read.notice {
                    dispatch.dispatch(Action::Notice(notice));
                }
                dispatch.dispatch(Action::Team(TeamAction::Loaded(read.team)));
                let (dispatch, key) = (dispatch.clone(), key.clone());
                storage::watch_plan(key.clone(), move || {
                    let read = storage::read_team(&key, Unreadable::Leave);
                    if !read.hold && read.notice.is_none() {
                        dispatch.dispatch(Action::Team(TeamAction::Loaded(read.team)));
                    }
                })
            });
            move || drop(listeners)
        });
    }
    let dispatch = store.dispatcher();
    use_effect_with(
        (key, state.team.colleagues.clone(), state.team.loaded),
        move |(key, team, loaded)| {
            if let (Some(key), true) = (key, *loaded)
                && !*hold.borrow()
                && let Err(notice) = storage::write_team(key, team)
            {
                dispatch.dispatch(Action::Notice(notice));
            }
        },
    );
}
