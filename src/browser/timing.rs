//! User-timing marks (`performance.mark`) at the steps of loading a programme, so the
//! browser's profiler and the browser benchmark can see where a slow first paint goes:
//! `seminarplan:fetched` (the file's text is here), `seminarplan:read` (it is a programme)
//! and `seminarplan:kept` (the offline copy is written). They stay in the page.

/// Marks the moment a step of loading was done (`name` is the mark's whole name).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
