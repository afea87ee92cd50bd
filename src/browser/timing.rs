//! The page's timing. User-timing marks (`performance.mark`) at the steps of loading a
//! programme, so the browser's profiler and the browser benchmark can see where a slow
//! first paint goes: `seminarplan:preview` (a large file's first sessions are shown),
//! `seminarplan:fetched` (the file's text is here), `seminarplan:read` (it is a programme)
//! and `seminarplan:kept` (the offline copy is written). They stay in the page. And a wait
//! for the page to be painted, so what was just rendered is seen before long work.

use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;

/// Marks the moment a step of loading was done (`name` is the mark's whole name).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The longest wait for a paint, should a frame not come.
const PAINT_WAIT_MS: i32 = 100;

/// Resolves once the next frame has been painted (a task queued from the frame's
/// animation callback runs after the paint), or after [`PAINT_WAIT_MS`]; at once in a
/// hidden tab, which paints nothing (and whose timers the browser slows to one a second).
pub async fn painted() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hidden = window
        .document()
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
    if hidden {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            resolve.unchecked_ref(),
            PAINT_WAIT_MS,
        );
        let after_frame = Closure::once_into_js(move |_: JsValue| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
            }
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}
