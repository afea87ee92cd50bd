//! Places timetable cells through a constructed style sheet of generated classes
//! (`sp-row-N`, `sp-span-N`, `sp-col-N`, `sp-cspan-N`; see `grid::placement_css`), since
//! a strict Content-Security-Policy blocks inline `style` attributes.
//!
//! The sheet only grows: it is replaced when a grid needs more rows or tracks than it
//! covers, and it is marked apart from the theme sheet so neither removes the other.

use std::cell::Cell;

use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

use crate::grid::placement_css;

/// The property that marks our sheet among the document's adopted sheets.
const MARK: &str = "__seminarplan_grid";

thread_local! {
    /// The rows and tracks the installed sheet covers.
    static COVERED: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// Makes sure the document has placement classes for `rows` rows and `tracks` tracks.
pub fn ensure(rows: usize, tracks: usize) {
    let (have_rows, have_tracks) = COVERED.with(Cell::get);
    if rows <= have_rows && tracks <= have_tracks {
        return;
    }
    // Grow with some room to spare, so switching days rarely rebuilds the sheet.
    let rows = rows.max(have_rows).max(144);
    let tracks = tracks.max(have_tracks).max(12);
    if install(&placement_css(rows, tracks)) {
        COVERED.with(|c| c.set((rows, tracks)));
    }
}

/// Installs (or replaces) our sheet, keeping every other adopted sheet.
fn install(css: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(sheet) = CssStyleSheet::new() else {
        return false;
    };
    if sheet.replace_sync(css).is_err() {
        return false;
    }
    let kept = js_sys::Array::new();
    for s in document.adopted_style_sheets().iter() {
        let ours = js_sys::Reflect::get(&s, &JsValue::from_str(MARK))
            .map(|v| v.is_truthy())
            .unwrap_or(false);
        if !ours {
            kept.push(&s);
        }
    }
    let _ = js_sys::Reflect::set(&sheet, &JsValue::from_str(MARK), &JsValue::TRUE);
    kept.push(&sheet);
    document.set_adopted_style_sheets(&kept);
    true
}
