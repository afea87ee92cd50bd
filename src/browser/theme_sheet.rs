//! Gives each theme its colour through a constructed style sheet.
//!
//! Inline `style` attributes are blocked by a strict Content-Security-Policy, but a
//! constructed (adopted) style sheet is not; colours come from the validated programme
//! (`#rrggbb` only), so nothing from the file can inject other CSS.

use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

use crate::model::Programme;

/// CSS with one rule per theme: `.sp-theme-3 { --sp-theme: #2e7d32; }`.
fn rules(programme: &Programme) -> String {
    programme
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| format!(".sp-theme-{i}{{--sp-theme:{}}}", t.colour))
        .collect()
}

/// Installs (or replaces) the theme sheet on the document.
pub fn install(programme: &Programme) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(sheet) = CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(&rules(programme)).is_err() {
        return;
    }
    let sheets = document.adopted_style_sheets();
    // Drop the sheet a previous programme installed, keep the host page's own.
    let kept = js_sys::Array::new();
    for s in sheets.iter() {
        let ours = js_sys::Reflect::get(&s, &JsValue::from_str("__seminarplan"))
            .map(|v| v.is_truthy())
            .unwrap_or(false);
        if !ours {
            kept.push(&s);
        }
    }
    let _ = js_sys::Reflect::set(&sheet, &JsValue::from_str("__seminarplan"), &JsValue::TRUE);
    kept.push(&sheet);
    document.set_adopted_style_sheets(&kept);
}
