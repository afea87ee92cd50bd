//! The only module that reads or writes localStorage.
//!
//! Storage can be missing (disabled, private mode), can throw (quota exceeded), or can
//! hold a record we cannot read. None of this stops the widget: it keeps the plan in
//! memory and tells the visitor once.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Storage, StorageEvent};

use seminarplan_core::loading;

use seminarplan_core::delegation::Delegation;
use seminarplan_core::plan::{self, Plan};
use seminarplan_core::saved::{self, DecodeError};
use seminarplan_core::state::Notice;

fn local_storage() -> Option<Storage> {
    // `window.localStorage` itself throws when storage is disabled. Reading is the probe:
    // a full storage refuses writes but must still give back the plan saved in it.
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item("seminarplan:probe").ok()?;
    Some(storage)
}

/// Whether a failed write was refused for want of room.
fn is_quota(error: &JsValue) -> bool {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .is_some_and(|name| name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED")
}

/// Whether a sync may set aside a record it cannot read. Reading because something
/// happened elsewhere (another tab wrote, the page was shown again) never does: only
/// the first read and a change of the visitor's own, so two versions of the widget in
/// two tabs cannot keep setting each other's records aside.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    SetAside,
    Leave,
}

/// What a sync of the saved plan gave.
pub struct Synced {
    /// The plan in memory merged with what storage holds (what was written, if anything).
    pub plan: Plan,
    pub notice: Option<Notice>,
    /// The key an unreadable record was just copied to.
    pub aside: Option<String>,
    /// Something was written under the key.
    pub wrote: bool,
}

/// The one place where the saved plan is read and written: reads what storage holds
/// under `key` now, merges `mine` into it (`plan::reconcile`: the later change to each
/// session wins), and writes the result when it differs. A record that cannot be read is
/// first copied aside under another key (`unreadable` permitting; else nothing is
/// written over it), and when even the copy fails nothing is written at all.
pub fn sync_plan(namespace: &str, key: &str, mine: &Plan, unreadable: Unreadable) -> Synced {
    let mut out = Synced {
        plan: mine.clone(),
        notice: None,
        aside: None,
        wrote: false,
    };
    let Some(storage) = local_storage() else {
        out.notice = Some(Notice::StorageUnavailable);
        return out;
    };
    let text = storage.get_item(key).ok().flatten();
    let stored = match text.as_deref().map(saved::decode) {
        None => Plan::default(),
        Some(Ok(stored)) => stored,
        Some(Err(_)) if unreadable == Unreadable::Leave => return out,
        Some(Err(e)) => {
            let text = text.unwrap_or_default();
            match set_aside(&storage, key, &text, e) {
                Ok((aside, notice)) => {
                    out.aside = Some(aside);
                    out.notice = Some(notice);
                }
                Err(notice) => {
                    out.notice = Some(notice);
                    return out;
                }
            }
            if *mine == Plan::default() {
                // The original stays until the copy exists; only then is the key freed.
                let _ = storage.remove_item(key);
                return out;
            }
            Plan::default()
        }
    };
    out.plan = plan::reconcile(mine, &stored);
    if out.plan == stored && out.aside.is_none() {
        return out;
    }
    match write(&storage, namespace, key, &out.plan) {
        Ok(()) => out.wrote = true,
        Err(notice) => out.notice = out.notice.or(Some(notice)),
    }
    out
}

/// Copies an unreadable record under a key of its own; the key and what to tell the
/// visitor, or why it could not be copied.
fn set_aside(
    storage: &Storage,
    key: &str,
    text: &str,
    why: DecodeError,
) -> Result<(String, Notice), Notice> {
    let stamp = js_sys::Date::now().to_string();
    let aside = saved::aside_key(key, &stamp);
    match storage.set_item(&aside, text) {
        Ok(()) => Ok((
            aside,
            match why {
                DecodeError::Corrupt => Notice::StorageCorrupt,
                DecodeError::Future(_) => Notice::StorageFuture,
            },
        )),
        Err(e) if is_quota(&e) => Err(Notice::StorageFull),
        Err(_) => Err(Notice::StorageUnavailable),
    }
}

/// Writes the plan, or says why the browser refused: unavailable, or full (also when
/// the plan is too large for one record). When full, the namespace's programme copies are
/// dropped first: the plan matters more than a copy.
fn write(storage: &Storage, namespace: &str, key: &str, plan: &Plan) -> Result<(), Notice> {
    let text = saved::encode(plan).map_err(|_| Notice::StorageFull)?;
    match storage.set_item(key, &text) {
        Ok(()) => Ok(()),
        Err(why) if is_quota(&why) => {
            drop_programme_copies(storage, namespace);
            storage
                .set_item(key, &text)
                .map_err(|_| Notice::StorageFull)
        }
        Err(_) => Err(Notice::StorageUnavailable),
    }
}

/// What can still be read of the record set aside under `aside` (`saved::salvage`).
pub fn salvage_aside(aside: &str) -> Plan {
    local_storage()
        .and_then(|s| s.get_item(aside).ok().flatten())
        .map(|text| saved::salvage(&text))
        .unwrap_or_default()
}

fn drop_programme_copies(storage: &Storage, namespace: &str) {
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| loading::is_cache_key(namespace, k))
        .collect();
    for k in keys {
        let _ = storage.remove_item(&k);
    }
}

/// Drops the namespace's copies of `blob:` addresses an older version kept.
fn drop_unkept_copies(storage: &Storage, namespace: &str) {
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| loading::is_cache_key(namespace, k))
        .filter(|k| {
            storage
                .get_item(k)
                .ok()
                .flatten()
                .is_some_and(|text| loading::is_unkept_copy(&text))
        })
        .collect();
    for k in keys {
        let _ = storage.remove_item(&k);
    }
}

/// Before a programme just fetched from `src` is shown: when the copy kept for `src` has
/// another programme id, the plan follows the address to `id` ([`follow_programme`]), so
/// the saved plan the widget then reads for `id` has it; a new id is noted at once, without
/// the text.
pub fn follow_address(namespace: &str, src: &str, id: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    if !loading::keeps_copy(src) {
        return;
    }
    let key = loading::cache_key(namespace, src);
    let old = storage
        .get_item(&key)
        .ok()
        .flatten()
        .and_then(|old| loading::decode_cache(src, &old));
    if let Some(from) = loading::plan_follows(old.as_ref(), id) {
        follow_programme(&storage, namespace, from, id);
    }
    if old.is_none_or(|old| old.id != id) {
        // The new id is noted at once (the copy itself comes after the first paint): a
        // visitor who stars and leaves sooner still has their plan followed next time.
        let record = loading::without_text(&loading::Cached {
            src: src.to_owned(),
            id: id.to_owned(),
            fetched_ms: js_sys::Date::now() as i64,
            text: None,
        });
        let _ = storage.set_item(&key, &record);
    }
}

/// Keeps the programme just fetched (its `text`, `None` when it is too large to keep) as
/// the last good copy for `src` (none for a `blob:` address, `loading::keeps_copy`); done
/// after the first paint, once [`follow_address`] has carried the plan over. A copy that
/// does not fit is stored without its text (so the saved plan can still be found), and a
/// failure is ignored: the copy is a convenience and never stops the widget.
pub fn keep_programme(namespace: &str, src: &str, id: &str, text: Option<&str>) {
    let Some(storage) = local_storage() else {
        return;
    };
    if !loading::keeps_copy(src) {
        drop_unkept_copies(&storage, namespace);
        return;
    }
    let key = loading::cache_key(namespace, src);
    let now = js_sys::Date::now() as i64;
    let old = storage
        .get_item(&key)
        .ok()
        .flatten()
        .and_then(|old| loading::decode_cache(src, &old));
    if let Some(old) = old
        && old.id == id
        && old.text.as_deref() == text
        && now.saturating_sub(old.fetched_ms) < 60_000
    {
        // The same file fetched again within a minute: nothing new to keep.
        return;
    }
    let small = loading::without_text(&loading::Cached {
        src: src.to_owned(),
        id: id.to_owned(),
        fetched_ms: now,
        text: None,
    });
    let record = match text {
        Some(text) => loading::encode_cache(src, id, now, text),
        None => small.clone(),
    };
    if storage.set_item(&key, &record).is_err() {
        // Too big for what is left: keep at least the id, never the previous copy of
        // another version (it would be shown with the wrong date).
        let _ = storage.remove_item(&key);
        let _ = storage.set_item(&key, &small);
    }
}

/// The programme at an address now has the id `to` instead of `from`
/// (`loading::plan_follows`): the plan saved under `from` is merged into the one under
/// `to` (the later change to each session winning), and the colleagues are copied when
/// `to` has none; not when the old conference is long over (`loading::plan_carries`). The
/// records under `from` stay. A record under `to` that cannot be read is left for
/// `sync_plan` to set aside.
fn follow_programme(storage: &Storage, namespace: &str, from: &str, to: &str) {
    let read = |key: &str| storage.get_item(key).ok().flatten();
    let (old_key, new_key) = (saved::key(namespace, from), saved::key(namespace, to));
    let old = read(&old_key).and_then(|t| saved::decode(&t).ok());
    let now = js_sys::Date::now() as i64;
    if old
        .as_ref()
        .is_some_and(|old| !loading::plan_carries(old, now))
    {
        // Last year's conference at the same address: its plan stays with it.
        return;
    }
    if let Some(old) = old {
        let stored = match read(&new_key).map(|t| saved::decode(&t)) {
            None => Some(Plan::default()),
            Some(Ok(plan)) => Some(plan),
            Some(Err(_)) => None,
        };
        if let Some(stored) = stored {
            let merged = plan::reconcile(&stored, &old);
            if merged != stored {
                let _ = write(storage, namespace, &new_key, &merged);
            }
        }
    }
    let (old_team, new_team) = (
        saved::team_key(namespace, from),
        saved::team_key(namespace, to),
    );
    if read(&new_team).is_none()
        && let Some(team) = read(&old_team)
    {
        let _ = storage.set_item(&new_team, &team);
    }
}

/// The last good copy kept for `src`, if any.
pub fn kept_programme(namespace: &str, src: &str) -> Option<loading::Cached> {
    let stored = local_storage()?
        .get_item(&loading::cache_key(namespace, src))
        .ok()??;
    loading::decode_cache(src, &stored)
}

/// Reads the plan under `key` without touching anything (for showing it when the
/// programme cannot be loaded); `None` when there is none or it cannot be read.
pub fn peek_plan(key: &str) -> Option<Plan> {
    let text = local_storage()?.get_item(key).ok()??;
    saved::decode(&text).ok()
}

/// The name of the event a widget sends on its window after writing a plan, so other
/// widgets on the same page (which get no `storage` event) read it too.
const SAVED_EVENT: &str = "seminarplan-plan-saved";

/// Tells the other widgets on this page that the plan under `key` was written.
pub fn announce_saved(key: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(key));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(SAVED_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `on_change` whenever the plan under `key` may differ from the one in memory:
/// another tab wrote it or cleared storage (`storage`), another widget on this page wrote
/// it, the page came back from the back/forward cache (`pageshow`), or it became visible
/// again. Dropping the listeners stops it.
pub fn watch_plan(key: String, on_change: impl Fn() + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let on_change = std::rc::Rc::new(on_change);
    let mut listeners = Vec::new();
    {
        let (key, on_change) = (key.clone(), on_change.clone());
        listeners.push(EventListener::new(&window, "storage", move |event| {
            let Some(event) = event.dyn_ref::<StorageEvent>() else {
                return;
            };
            // `None`: storage was cleared.
            if event.key().is_none_or(|k| k == key) {
                on_change();
            }
        }));
    }
    {
        let on_change = on_change.clone();
        listeners.push(EventListener::new(&window, SAVED_EVENT, move |event| {
            let detail = event
                .dyn_ref::<web_sys::CustomEvent>()
                .and_then(|e| e.detail().as_string());
            if detail.as_deref() == Some(key.as_str()) {
                on_change();
            }
        }));
    }
    {
        let on_change = on_change.clone();
        listeners.push(EventListener::new(&window, "pageshow", move |_| {
            on_change()
        }));
    }
    if let Some(document) = window.document() {
        let visible = document.clone();
        listeners.push(EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if visible.visibility_state() == web_sys::VisibilityState::Visible {
                    on_change();
                }
            },
        ));
    }
    listeners
}

/// Reads a small preference (such as the list or grid layout); `None` if unset or if
/// storage is unavailable.
pub fn read_pref(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves a small preference; failures are ignored (the choice then lasts the visit).
pub fn write_pref(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// What reading the kept colleagues gave (`saved::decode_team`).
pub struct TeamRead {
    pub team: Delegation,
    pub notice: Option<Notice>,
    /// Nothing may be written under the key during this visit: it holds a record that
    /// could not be read nor set aside.
    pub hold: bool,
    /// Where a record that could not be read was set aside.
    pub aside: Option<String>,
}

/// Reads the colleagues kept under `key`. A record that cannot be read is copied aside
/// (`unreadable` permitting) and the key freed; when even the copy fails, the key is held.
pub fn read_team(key: &str, unreadable: Unreadable) -> TeamRead {
    let mut out = TeamRead {
        team: Delegation::default(),
        notice: None,
        hold: false,
        aside: None,
    };
    let Some(storage) = local_storage() else {
        out.notice = Some(Notice::StorageUnavailable);
        return out;
    };
    let Some(text) = storage.get_item(key).ok().flatten() else {
        return out;
    };
    match saved::decode_team(&text) {
        Ok(team) => out.team = team,
        Err(_) if unreadable == Unreadable::Leave => out.hold = true,
        Err(e) => match set_aside(&storage, key, &text, e) {
            Ok((aside, notice)) => {
                out.aside = Some(aside);
                out.notice = Some(notice);
                let _ = storage.remove_item(key);
            }
            Err(notice) => {
                out.notice = Some(notice);
                out.hold = true;
            }
        },
    }
    out
}

/// What can be read of the colleagues record set aside under `aside`.
pub fn salvage_team_aside(aside: &str) -> Delegation {
    local_storage()
        .and_then(|s| s.get_item(aside).ok().flatten())
        .map(|text| saved::salvage_team(&text))
        .unwrap_or_default()
}

/// Writes the colleagues under `key` when they differ from what is kept there. What is
/// kept there and cannot be read (another tab's newer version wrote it, say) is set aside
/// first, and nothing is written when it cannot be (issue 28: it was overwritten); where
/// it was set aside and the notice to show, if any.
pub fn write_team(key: &str, team: &Delegation) -> Result<Option<(String, Notice)>, Notice> {
    let storage = local_storage().ok_or(Notice::StorageUnavailable)?;
    let text = saved::encode_team(team).map_err(|_| Notice::StorageFull)?;
    let kept = storage.get_item(key).ok().flatten();
    if kept.as_deref() == Some(text.as_str()) {
        return Ok(None);
    }
    let mut told = None;
    if let Some(kept) = kept
        && let Err(why) = saved::decode_team(&kept)
    {
        told = Some(set_aside(&storage, key, &kept, why)?);
    }
    match storage.set_item(key, &text) {
        Ok(()) => {
            announce_saved(key);
            Ok(told)
        }
        Err(why) if is_quota(&why) => Err(Notice::StorageFull),
        Err(_) => Err(Notice::StorageUnavailable),
    }
}
