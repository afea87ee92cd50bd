//! Keeps the view in the page's URL, in the mode the organiser chose: in the query
//! string, in the hash, or nowhere (so the widget never fights a host page's router).

use gloo::events::EventListener;
use seminarplan_core::url_state::{link_query, merge, share_part, widget_part};

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

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The widget's part of the current URL (without `?` or `#`). In query mode the page's
/// own parameters are left out; in `none` mode only a share link (`share=`) is read, so a
/// plan opened on another device still arrives.
pub fn read(mode: UrlMode) -> String {
    let Some(loc) = location() else {
        return String::new();
    };
    match mode {
        UrlMode::Query => widget_part(&loc.search().unwrap_or_default()),
        UrlMode::Hash => loc
            .hash()
            .unwrap_or_default()
            .trim_start_matches('#')
            .to_owned(),
        UrlMode::None => share_part(&loc.search().unwrap_or_default()),
    }
}

/// Writes the widget's state into the URL. `push` adds a history entry (so Back returns
/// here); otherwise the current entry is replaced (typing in search).
pub fn write(mode: UrlMode, query: &str, push: bool) {
    if mode == UrlMode::None || read(mode) == query {
        return;
    }
    let (Some(window), Some(loc)) = (web_sys::window(), location()) else {
        return;
    };
    let path = loc.pathname().unwrap_or_default();
    let url = match mode {
        UrlMode::Query => {
            let hash = loc.hash().unwrap_or_default();
            let search = merge(&loc.search().unwrap_or_default(), query);
            if search.is_empty() {
                format!("{path}{hash}")
            } else {
                format!("{path}?{search}{hash}")
            }
        }
        UrlMode::Hash => {
            let search = loc.search().unwrap_or_default();
            format!("{path}{search}#{query}")
        }
        UrlMode::None => return,
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Calls `on_change` with the widget's part of the URL after Back, Forward or a hash change.
pub fn watch(mode: UrlMode, on_change: impl Fn(String) + 'static) -> Option<[EventListener; 2]> {
    if mode == UrlMode::None {
        return None;
    }
    let window = web_sys::window()?;
    let on_change = std::rc::Rc::new(on_change);
    let pop = {
        let on_change = on_change.clone();
        EventListener::new(&window, "popstate", move |_| on_change(read(mode)))
    };
    let hash = EventListener::new(&window, "hashchange", move |_| on_change(read(mode)));
    Some([pop, hash])
}

/// A link to this page that carries `query` the way this widget reads it (query mode
/// when the widget keeps no URL state, since it still reads share links). Of the page's
/// own query parameters only those named in `keep` come along
/// (`seminarplan_core::url_state::link_query`).
pub fn link_with(mode: UrlMode, keep: &str, query: &str) -> String {
    let Some(loc) = location() else {
        return String::new();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let search = loc.search().unwrap_or_default();
    match mode {
        UrlMode::Hash => {
            let page = link_query(&search, keep, "");
            let page = if page.is_empty() {
                page
            } else {
                format!("?{page}")
            };
            format!("{origin}{path}{page}#{query}")
        }
        UrlMode::Query | UrlMode::None => {
            format!("{origin}{path}?{}", link_query(&search, keep, query))
        }
    }
}
