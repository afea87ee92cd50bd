//! A value shown one frame late: what the visitor asked for is painted first, and this
//! follows once that frame is on screen and the page is idle (issue 29: the filter
//! panel's counts, 25–30 nodes at the first letters typed, were redrawn in the
//! keystroke's own frame).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::timing;

/// `value` as it was at the last paint and idle moment: the first value at once, each
/// new one after the frame that answers the change. Typing on drops a value not yet
/// shown for the next.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: &T) -> T {
    let shown = use_state(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value.clone(), move |value| {
            let gone = Rc::new(Cell::new(false));
            if *shown != *value {
                let (gone, value) = (gone.clone(), value.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    timing::painted().await;
                    timing::idle().await;
                    if !gone.get() {
                        shown.set(value);
                    }
                });
            }
            move || gone.set(true)
        });
    }
    (*shown).clone()
}
