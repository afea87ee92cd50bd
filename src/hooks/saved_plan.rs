//! `use_saved_plan`: the visitor's plan kept in the browser, merged, never overwritten.
//!
//! Several writers share one record: two widgets with the same namespace on one page,
//! other tabs, a page restored from the back/forward cache. So the plan is never written
//! whole from memory: every change goes through `storage::sync_plan`, which merges it
//! with what storage holds at that moment (`plan::reconcile`: the later change to each
//! session wins). The plan is read again whenever it may have changed elsewhere: another
//! tab or widget wrote it, the page was shown again (`pageshow`), or it became visible.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::storage::{self, Synced, Unreadable};
use crate::context::Store;
use seminarplan_core::plan::Plan;
use seminarplan_core::saved;
use seminarplan_core::state::{Action, Notice};

/// Where the last record that could not be read was set aside, if one was.
type Aside = Rc<RefCell<Option<String>>>;

/// Tells the visitor what a sync found, unless they were already told; remembers where
/// an unreadable record went.
fn report(dispatch: &UseReducerDispatcher<Store>, synced: &Synced, told: bool, aside: &Aside) {
    if let Some(key) = &synced.aside {
        *aside.borrow_mut() = Some(key.clone());
    }
    let repeated = matches!(
        synced.notice,
        Some(Notice::StorageUnavailable | Notice::StorageFull)
    ) && told;
    if let Some(notice) = synced.notice
        && !repeated
    {
        dispatch.dispatch(Action::Notice(notice));
    }
}

/// Saves `plan` under `key`: the one place where the visitor's changes to the plan reach
/// the browser's storage (merged with what is there). When the merge brought in changes
/// made elsewhere, they are sent to the store; when something was written, the other
/// widgets on the page are told.
fn save(
    dispatch: &UseReducerDispatcher<Store>,
    namespace: &str,
    key: &str,
    plan: &Plan,
    told: bool,
    aside: &Aside,
) {
    let synced = storage::sync_plan(namespace, key, plan, Unreadable::SetAside);
    report(dispatch, &synced, told, aside);
    if synced.wrote {
        storage::announce_saved(key);
    }
    if synced.plan != *plan {
        dispatch.dispatch(Action::PlanLoaded(synced.plan));
    }
}

/// Reads the plan once the programme is known, keeps it in step with storage, and saves
/// every change. Returns the callback that restores what can be read of a record that
/// was set aside.
#[hook]
pub fn use_saved_plan(store: &UseReducerHandle<Store>, namespace: &AttrValue) -> Callback<()> {
    let state = &store.0;
    let key = state.programme().map(|p| saved::key(namespace, &p.id));
    let aside: Aside = use_mut_ref(|| None);
    let told = state.chrome.notices.contains(&Notice::StorageUnavailable)
        || state.chrome.notices.contains(&Notice::StorageFull);
    {
        let dispatch = store.dispatcher();
        let namespace = namespace.clone();
        let aside = aside.clone();
        use_effect_with(key.clone(), move |key| {
            let listeners = key.as_ref().map(|key| {
                let mine = Plan::default();
                let synced = storage::sync_plan(&namespace, key, &mine, Unreadable::SetAside);
                report(&dispatch, &synced, false, &aside);
                dispatch.dispatch(Action::PlanLoaded(synced.plan));
                let (dispatch, read) = (dispatch.clone(), key.clone());
                // Only read here: what changes, the save below writes back.
                storage::watch_plan(key.clone(), move || {
                    if let Some(plan) = storage::peek_plan(&read) {
                        dispatch.dispatch(Action::PlanLoaded(plan));
                    }
                })
            });
            move || drop(listeners)
        });
    }
    {
        let dispatch = store.dispatcher();
        let namespace = namespace.clone();
        let aside = aside.clone();
        use_effect_with(
            (key, state.plan.clone(), state.plan_loaded),
            move |(key, plan, loaded)| {
                // Never before the saved plan was read.
                if let (Some(key), true) = (key, *loaded) {
                    save(&dispatch, &namespace, key, plan, told, &aside);
                }
            },
        );
    }
    let dispatch = store.dispatcher();
    Callback::from(move |()| {
        let found = aside
            .borrow()
            .as_deref()
            .map(storage::salvage_aside)
            .unwrap_or_default();
        dispatch.dispatch(Action::Restore(found));
    })
}
