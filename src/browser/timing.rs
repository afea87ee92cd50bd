//! The page's timing. User-timing marks (`performance.mark`) at the steps of loading a
//! programme, so the browser's profiler and the browser benchmark can see where a slow
//! first paint goes: `seminarplan:preview` (a large file's first sessions are shown),
//! `seminarplan:fetched` (the file's text is here), `seminarplan:read` (it is a programme),
//! and after the first paint `seminarplan:indexed` (the search index is whole) and
//! `seminarplan:kept` (the offline copy is written). They stay in the page. And waits for
//! the page to be painted, for the next task and for the page to be idle, so that what was
//! just rendered is seen, and input handled, before longer work.

use std::cell::Cell;

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

/// Milliseconds since the page started (`performance.now()`), for measuring a step of
/// work; 0 where there is no `performance`.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a task of its own, a message on a `MessageChannel` (a `setTimeout` where
/// there is none): whatever input came meanwhile is handled first. Not a `setTimeout` of
/// 0, which browsers hold back by 4 ms once such timeouts nest, leaving gaps in work done
/// in steps that idle callbacks (and longer work of their own) then fill.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let on_time = resolve.clone();
        let posted = web_sys::MessageChannel::new().is_ok_and(|channel| {
            let (port, other) = (channel.port1(), channel.port2());
            // The closure holds the channel until its message, posted on the other port,
            // comes.
            let on_message = Closure::once_into_js(move |_: JsValue| {
                channel.port1().set_onmessage(None);
                let _ = on_time.call0(&JsValue::NULL);
            });
            port.set_onmessage(Some(on_message.unchecked_ref()));
            other.post_message(&JsValue::NULL).is_ok()
        });
        if !posted && let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves `ms` milliseconds from now (a `setTimeout`).
pub async fn after(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    /// When the widget last changed its state (`note_activity`), in `now()`'s time.
    static LAST_ACTIVITY: Cell<f64> = const { Cell::new(0.0) };
}

/// How many times [`pause`] looks before it gives up waiting.
const PAUSE_LOOKS: u32 = 30;

/// Notes that the widget just did something for the visitor (an action reached its store).
pub fn note_activity() {
    LAST_ACTIVITY.with(|t| t.set(now()));
}

/// Resolves once the widget has done nothing for `ms` milliseconds (looked at every `ms`),
/// or after [`PAUSE_LOOKS`] looks: for long work that would hold up a visitor typing or
/// tapping (a large offline copy written at once).
pub async fn pause(ms: i32) {
    for _ in 0..PAUSE_LOOKS {
        after(ms).await;
        if now() - LAST_ACTIVITY.with(Cell::get) >= f64::from(ms) {
            return;
        }
    }
}

/// The longest wait for the page to be idle.
const IDLE_WAIT_MS: i32 = 2000;

/// Resolves when the page is idle (`requestIdleCallback`, at most [`IDLE_WAIT_MS`]
/// later), or in the next task where the browser has no such thing (Safari).
pub async fn idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let request = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_WAIT_MS.into());
        let asked = request.is_some_and(|f| f.call2(&window, &resolve, &options).is_ok());
        if !asked {
            let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
        }
    });
    let _ = JsFuture::from(promise).await;
}
