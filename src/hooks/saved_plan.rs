//! `use_saved_plan`: the visitor's plan kept in the browser, merged, never overwritten.
//!
//! Several writers share one record: two widgets with the same namespace on one page,
//! other tabs, a page restored from the back/forward cache. So the plan is never written
//! whole from memory: every change goes through `storage::sync_plan`, which merges it
//! with what storage holds at that moment (`plan::reconcile`: the later change to each
//! session wins). The plan is read again whenever it may have changed elsewhere: another
//! tab or widget wrote it, the page was shown again (`pageshow`), or it became visible.
//!
//! A change is written once the frame that shows it has been painted and the page is idle
//! (issue 29: the write in that frame's effects was 8–15 ms of a star at 4×; several stars
//! in a row are written once), and at once, never later, when
//! the page is hidden or left (`visibilitychange`, `pagehide`), before the plan is read
//! again, and when the widget goes away: a star is never lost.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser::storage::{self, Synced, Unreadable};
use crate::context::Store;
use seminarplan_core::plan::Plan;
use seminarplan_core::saved;
use seminarplan_core::state::{Action, Notice};

/// Where the last record that could not be read was set aside, if one was.
type Aside = Rc<RefCell<Option<String>>>;

/// The plan's next write, while it waits for the frame that shows the change.
type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Writes the waiting change now, if there is one.
fn flush(pending: &Pending) {
    let write = pending.borrow_mut().take();
    if let Some(write) = write {
        write();
    }
}

/// Writes the waiting change as soon as the page is hidden or left: a tab closed or
/// reloaded right after a star paints no further frame.
fn flush_on_leaving(pending: &Pending) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let mut listeners = Vec::new();
    let on_hide = pending.clone();
    listeners.push(EventListener::new(&window, "pagehide", move |_| {
        flush(&on_hide);
    }));
    if let Some(document) = window.document() {
        let (on_hide, hidden) = (pending.clone(), document.clone());
        listeners.push(EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if hidden.visibility_state() == web_sys::VisibilityState::Hidden {
                    flush(&on_hide);
                }
            },
        ));
    }
    listeners
}

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
    let pending: Pending = use_mut_ref(|| None);
    let told = state.chrome.notices.contains(&Notice::StorageUnavailable)
        || state.chrome.notices.contains(&Notice::StorageFull);
    {
        let dispatch = store.dispatcher();
        let namespace = namespace.clone();
        let (aside, pending) = (aside.clone(), pending.clone());
        use_effect_with(key.clone(), move |key| {
            let listeners = key.as_ref().map(|key| {
                let mine = Plan::default();
                let synced = storage::sync_plan(&namespace, key, &mine, Unreadable::SetAside);
                report(&dispatch, &synced, false, &aside);
                dispatch.dispatch(Action::PlanLoaded(synced.plan));
                let (dispatch, read, waiting) = (dispatch.clone(), key.clone(), pending.clone());
                // Only read here: what changes, the save below writes back. A change
                // still waiting is written first, merged with what is there.
                let mut listeners = storage::watch_plan(key.clone(), move || {
                    flush(&waiting);
                    if let Some(plan) = storage::peek_plan(&read) {
                        dispatch.dispatch(Action::PlanLoaded(plan));
                    }
                });
                listeners.extend(flush_on_leaving(&pending));
                listeners
            });
            // Another programme, or the widget gone: what waits is written under its key.
            move || {
                flush(&pending);
                drop(listeners);
            }
        });
    }
    {
        let dispatch = store.dispatcher();
        let namespace = namespace.clone();
        let (aside, pending) = (aside.clone(), pending.clone());
        use_effect_with(
            (key, state.plan.clone(), state.plan_loaded),
            move |(key, plan, loaded)| {
                // Never before the saved plan was read.
                if let (Some(key), true) = (key, *loaded) {
                    let (key, plan) = (key.clone(), plan.clone());
                    let write = move || save(&dispatch, &namespace, &key, &plan, told, &aside);
                    let waiting = pending.borrow_mut().replace(Box::new(write)).is_some();
                    // One write after the frame, when the page is idle, of the latest change.
                    if !waiting {
                        wasm_bindgen_futures::spawn_local(async move {
                            crate::browser::timing::painted().await;
                            crate::browser::timing::idle().await;
                            flush(&pending);
                        });
                    }
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
