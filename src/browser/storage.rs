//! The only module that reads or writes localStorage.
//!
//! Storage can be missing (disabled, private mode), can throw (quota exceeded), or can
//! hold a record we cannot read. None of this stops the widget: it keeps the plan in
//! memory and tells the visitor once.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Storage, StorageEvent};

use seminarplan_core::loading;

use seminarplan_core::plan::Plan;
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

/// What reading the saved plan gave.
pub struct Loaded {
    pub plan: Plan,
    pub notice: Option<Notice>,
    /// Nothing may be written under this key during this visit: it holds a record that
    /// could not be read nor set aside, and writing would destroy it.
    pub hold: bool,
}

/// Reads the plan stored under `key`. An unreadable record is copied aside under another
/// key before anything can overwrite it.
pub fn read_plan(key: &str) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            plan: Plan::default(),
            notice: Some(Notice::StorageUnavailable),
            hold: false,
        };
    };
    let Ok(Some(text)) = storage.get_item(key) else {
        return Loaded {
            plan: Plan::default(),
            notice: None,
            hold: false,
        };
    };
    match saved::decode(&text) {
        Ok(plan) => Loaded {
            plan,
            notice: None,
            hold: false,
        },
        Err(e) => {
            let stamp = js_sys::Date::now().to_string();
            let aside = saved::aside_key(key, &stamp);
            let copied = storage.set_item(&aside, &text);
            let kept = copied.is_ok();
            let notice = match (e, copied) {
                (_, Err(why)) if is_quota(&why) => Notice::StorageFull,
                (_, Err(_)) => Notice::StorageUnavailable,
                (DecodeError::Corrupt, Ok(())) => Notice::StorageCorrupt,
                (DecodeError::Future(_), Ok(())) => Notice::StorageFuture,
            };
            if kept {
                // The original stays until the copy exists; only then is the key reused.
                let _ = storage.remove_item(key);
            }
            Loaded {
                plan: Plan::default(),
                notice: Some(notice),
                hold: !kept,
            }
        }
    }
}

/// Writes the plan, or says why the browser refused: unavailable, or full. When full, the
/// namespace's programme copies are dropped first: the plan matters more than a copy.
pub fn write_plan(namespace: &str, key: &str, plan: &Plan) -> Result<(), Notice> {
    let storage = local_storage().ok_or(Notice::StorageUnavailable)?;
    let text = saved::encode(plan);
    if storage.get_item(key).ok().flatten().as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    match storage.set_item(key, &text) {
        Ok(()) => Ok(()),
        Err(why) if is_quota(&why) => {
            drop_programme_copies(&storage, namespace);
            storage
                .set_item(key, &text)
                .map_err(|_| Notice::StorageFull)
        }
        Err(_) => Err(Notice::StorageUnavailable),
    }
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

/// Keeps the programme just fetched as the last good copy for `src`. A copy that does
/// not fit is stored without its text (so the saved plan can still be found), and a
/// failure is ignored: the copy is a convenience and never stops the widget.
pub fn keep_programme(namespace: &str, src: &str, id: &str, text: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    let key = loading::cache_key(namespace, src);
    let now = js_sys::Date::now() as i64;
    if let Some(old) = storage.get_item(&key).ok().flatten()
        && let Some(old) = loading::decode_cache(src, &old)
        && old.id == id
        && old.text.as_deref() == Some(text)
        && now.saturating_sub(old.fetched_ms) < 60_000
    {
        // The same file fetched again within a minute: nothing new to keep.
        return;
    }
    let record = loading::encode_cache(src, id, now, text);
    if storage.set_item(&key, &record).is_err() {
        // Too big for what is left: keep at least the id, never the previous copy of
        // another version (it would be shown with the wrong date).
        let _ = storage.remove_item(&key);
        let small = loading::without_text(&loading::Cached {
            src: src.to_owned(),
            id: id.to_owned(),
            fetched_ms: now,
            text: None,
        });
        let _ = storage.set_item(&key, &small);
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

/// Calls `on_plan` whenever another tab changes the plan under `key`.
pub fn watch_plan(key: String, on_plan: impl Fn(Plan) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<StorageEvent>() else {
            return;
        };
        if event.key().as_deref() != Some(key.as_str()) {
            return;
        }
        match event.new_value() {
            Some(text) => {
                if let Ok(plan) = saved::decode(&text) {
                    on_plan(plan);
                }
            }
            None => on_plan(Plan::default()),
        }
    }))
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
