//! `use_team`: the colleagues kept in the browser next to the visitor's own plan.
//!
//! Read once the programme is known (a record that cannot be read is set aside, never
//! overwritten), read again whenever another tab or widget may have changed it, and
//! written after every change of the visitor's own, but never before it was read, and
//! only for the programme it was read for. Returns the callback that restores what can be
//! read of a record set aside.

use yew::prelude::*;

use crate::browser::storage::{self, Unreadable};
use crate::context::Store;
use seminarplan_core::delegation::actions::TeamAction;
use seminarplan_core::saved;
use seminarplan_core::state::Action;

#[hook]
pub fn use_team(store: &UseReducerHandle<Store>, namespace: &AttrValue) -> Callback<()> {
    let state = &store.0;
    let key = state.programme().map(|p| saved::team_key(namespace, &p.id));
    // Set when the record could be neither read nor set aside: nothing is written then.
    let hold = use_mut_ref(|| false);
    // Where the last record that could not be read was set aside.
    let aside = use_mut_ref(|| None::<String>);
    {
        let dispatch = store.dispatcher();
        let (hold, aside) = (hold.clone(), aside.clone());
        use_effect_with(key.clone(), move |key| {
            let listeners = key.as_ref().map(|key| {
                let read = storage::read_team(key, Unreadable::SetAside);
                *hold.borrow_mut() = read.hold;
                if read.aside.is_some() {
                    aside.borrow_mut().clone_from(&read.aside);
                }
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
    // Only colleagues read for this programme are written under its key.
    let ready = state.programme().is_some_and(|p| state.team.ready_for(p));
    let written = aside.clone();
    use_effect_with(
        (key, state.team.colleagues.clone(), ready),
        move |(key, team, loaded)| {
            if let (Some(key), true) = (key, *loaded)
                && !*hold.borrow()
            {
                match storage::write_team(key, team) {
                    Ok(None) => {}
                    Ok(Some((set_aside, notice))) => {
                        *written.borrow_mut() = Some(set_aside);
                        dispatch.dispatch(Action::Notice(notice));
                    }
                    Err(notice) => dispatch.dispatch(Action::Notice(notice)),
                }
            }
        },
    );
    let dispatch = store.dispatcher();
    Callback::from(move |()| {
        if let Some(found) = aside.borrow().as_deref().map(storage::salvage_team_aside) {
            dispatch.dispatch(Action::Team(TeamAction::Restore(found)));
        }
    })
}
