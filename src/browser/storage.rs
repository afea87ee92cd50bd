//! The only module that reads or writes localStorage.
//!
//! Storage can be missing (disabled, private mode), can throw (quota exceeded), or can
//! hold a record we cannot read. None of this stops the widget: it keeps the plan in
//! memory and tells the visitor once.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};

use crate::plan::Plan;
use crate::saved::{self, DecodeError};
use crate::state::Notice;

fn local_storage() -> Option<Storage> {
    // `window.localStorage` itself throws when storage is disabled.
    let storage = web_sys::window()?.local_storage().ok()??;
    const PROBE: &str = "seminarplan:probe";
    storage.set_item(PROBE, "1").ok()?;
    storage.remove_item(PROBE).ok()?;
    Some(storage)
}

/// What reading the saved plan gave.
pub struct Loaded {
    pub plan: Plan,
    pub notice: Option<Notice>,
}

/// Reads the plan stored under `key`. An unreadable record is copied aside under another
/// key before anything can overwrite it.
pub fn read_plan(key: &str) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            plan: Plan::default(),
            notice: Some(Notice::StorageUnavailable),
        };
    };
    let Ok(Some(text)) = storage.get_item(key) else {
        return Loaded {
            plan: Plan::default(),
            notice: None,
        };
    };
    match saved::decode(&text) {
        Ok(plan) => Loaded { plan, notice: None },
        Err(e) => {
            let stamp = js_sys::Date::now().to_string();
            let aside = saved::aside_key(key, &stamp);
            let kept = storage.set_item(&aside, &text).is_ok();
            let notice = match (e, kept) {
                (_, false) => Notice::StorageUnavailable,
                (DecodeError::Corrupt, true) => Notice::StorageCorrupt,
                (DecodeError::Future(_), true) => Notice::StorageFuture,
            };
            if kept {
                // The original stays until the copy exists; only then is the key reused.
                let _ = storage.remove_item(key);
            }
            Loaded {
                plan: Plan::default(),
                notice: Some(notice),
            }
        }
    }
}

/// Writes the plan; `false` if the browser refused (unavailable or full).
pub fn write_plan(key: &str, plan: &Plan) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    let text = saved::encode(plan);
    if storage.get_item(key).ok().flatten().as_deref() == Some(text.as_str()) {
        return true;
    }
    storage.set_item(key, &text).is_ok()
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
