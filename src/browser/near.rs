//! Tells when an element comes near the viewport (an `IntersectionObserver`), so a long
//! list can render more as the visitor scrolls towards its end.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Watching one element; stops when dropped.
pub struct Watch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_near` whenever `element` comes within `margin_px` of the viewport.
pub fn when_near(element: &Element, margin_px: u32, on_near: impl Fn() + 'static) -> Option<Watch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.dyn_into::<IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if near {
            on_near();
        }
    });
    let init = IntersectionObserverInit::new();
    init.set_root_margin(&format!("{margin_px}px"));
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    observer.observe(element);
    Some(Watch {
        observer,
        _callback: callback,
    })
}
