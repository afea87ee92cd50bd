//! Keeps the view in the page's URL, in the mode the organiser chose: in the query
//! string, in the hash, or nowhere (so the widget never fights a host page's router).
//! On a page with several widgets each keeps its own keys (`url_state::Scope`).

use gloo::events::EventListener;
use seminarplan_core::url_state::{Scope, link_query, merge, share_part, widget_part};
use wasm_bindgen::JsValue;

/// Where the widget keeps its state in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlMode {
    Query,
    Hash,
    None,
}

impl UrlMode {
    pub fn from_attr(value: Option<&str>) -> UrlMode {
        match value.map(str::trim) {
            Some("hash") => UrlMode::Hash,
            Some("none") => UrlMode::None,
            _ => UrlMode::Query,
        }
    }
}

/// Where in the URL one widget's view lives: the mode, and whose keys are its.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlPlace {
    pub mode: UrlMode,
    pub scope: Scope,
}

impl UrlPlace {
    /// A widget that keeps nothing in the URL and is alone on its page (the tests').
    pub fn none() -> UrlPlace {
        UrlPlace {
            mode: UrlMode::None,
            scope: Scope::default(),
        }
    }
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The widget's part of the current URL (without `?` or `#`, plain keys). In query mode
/// the page's own parameters and other widgets' are left out; in `none` mode only a
/// share link (`share=`, `team=`) is read, so a plan opened on another device still
/// arrives.
pub fn read(place: &UrlPlace) -> String {
    let Some(loc) = location() else {
        return String::new();
    };
    let search = || loc.search().unwrap_or_default();
    let hash = || loc.hash().unwrap_or_default();
    match (place.mode, &place.scope) {
        (UrlMode::Query, scope) => widget_part(&search(), scope),
        (UrlMode::Hash, scope) => widget_part(hash().trim_start_matches('#'), scope),
        (UrlMode::None, scope) => share_part(&search(), scope),
    }
}

/// The page's address with the widget's part replaced by `query`.
fn address(place: &UrlPlace, query: &str) -> Option<String> {
    let loc = location()?;
    let path = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    Some(match place.mode {
        UrlMode::Query => match merge(&search, query, &place.scope) {
            merged if merged.is_empty() => format!("{path}{hash}"),
            merged => format!("{path}?{merged}{hash}"),
        },
        UrlMode::Hash => {
            let merged = merge(hash.trim_start_matches('#'), query, &place.scope);
            format!("{path}{search}#{merged}")
        }
        UrlMode::None => return None,
    })
}

/// The key under which an entry the widget pushed remembers the view it came from.
const FROM: &str = "seminarplanFrom";
const OWNER: &str = "seminarplanScope";

/// The state of an entry this widget pushes: its scope and the view it came from.
fn came_from_marker(place: &UrlPlace, from: &str) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &OWNER.into(), &place.scope.name().into());
    let _ = js_sys::Reflect::set(&state, &FROM.into(), &from.into());
    state.into()
}

/// The view the current entry came from, if this widget pushed it.
fn came_from(history: &web_sys::History, place: &UrlPlace) -> Option<String> {
    let state = history.state().ok()?;
    let field = |key: &str| js_sys::Reflect::get(&state, &key.into()).ok()?.as_string();
    (field(OWNER)? == place.scope.name()).then(|| field(FROM))?
}

/// Writes the widget's state into the URL. `push` adds a history entry (so Back returns
/// here); otherwise the current entry is replaced (typing in search). Going back to the
/// view the current entry came from (closing a session the visitor opened) steps back
/// instead, so Back then leaves rather than opening it again.
pub fn write(place: &UrlPlace, query: &str, push: bool) {
    let current = read(place);
    if place.mode == UrlMode::None || current == query {
        return;
    }
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    if push && came_from(&history, place).as_deref() == Some(query) {
        let _ = history.back();
        return;
    }
    let Some(url) = address(place, query) else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&came_from_marker(place, &current), "", Some(&url))
    } else {
        let state = history.state().unwrap_or(JsValue::NULL);
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

/// Takes the widget's part out of the page's address (replacing the history entry), after
/// the widget stopped on what it held; whether there was a part. A widget that keeps
/// nothing in the URL still reads a shared plan from the query: that goes.
pub fn drop_own(place: &UrlPlace) -> bool {
    if read(place).is_empty() {
        return false;
    }
    let writable = UrlPlace {
        mode: match place.mode {
            UrlMode::None => UrlMode::Query,
            mode => mode,
        },
        scope: place.scope.clone(),
    };
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return false;
    };
    let Some(url) = address(&writable, "") else {
        return false;
    };
    let state = history.state().unwrap_or(JsValue::NULL);
    history
        .replace_state_with_url(&state, "", Some(&url))
        .is_ok()
}

/// Calls `on_change` with the widget's part of the URL after Back, Forward or a hash change.
pub fn watch(place: &UrlPlace, on_change: impl Fn(String) + 'static) -> Option<[EventListener; 2]> {
    if place.mode == UrlMode::None {
        return None;
    }
    let window = web_sys::window()?;
    let on_change = std::rc::Rc::new(on_change);
    let pop = {
        let on_change = on_change.clone();
        let place = place.clone();
        EventListener::new(&window, "popstate", move |_| on_change(read(&place)))
    };
    let place = place.clone();
    let hash = EventListener::new(&window, "hashchange", move |_| on_change(read(&place)));
    Some([pop, hash])
}

/// A link to this page that carries `query` (plain keys) the way this widget reads it
/// (query mode when the widget keeps no URL state, since it still reads share links). Of
/// the page's own query parameters only those named in `keep` come along
/// (`seminarplan_core::url_state::link_query`).
pub fn link_with(place: &UrlPlace, keep: &str, query: &str) -> String {
    let Some(loc) = location() else {
        return String::new();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    match place.mode {
        UrlMode::Hash => {
            let page = link_query(&search, keep, "", &place.scope);
            let page = if page.is_empty() {
                page
            } else {
                format!("?{page}")
            };
            format!("{origin}{path}{page}#{}", place.scope.write(query))
        }
        UrlMode::Query | UrlMode::None => {
            format!(
                "{origin}{path}?{}",
                link_query(&search, keep, query, &place.scope)
            )
        }
    }
}
