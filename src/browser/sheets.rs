//! The widget's style sheets, adopted into the root it lives in (its shadow root, or the
//! document when mounted without one, as in the browser tests).
//!
//! Everything goes through constructed style sheets (`adoptedStyleSheets`): a strict
//! Content-Security-Policy blocks `<style>` elements and `style` attributes but not
//! these, and a sheet adopted by a shadow root styles nothing outside it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Node};

/// The widget's own CSS, all files of `styles/` in cascade order (the demo page's CSS is
/// not part of the widget), minified by `build.rs`.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// One parsed copy of [`WIDGET_CSS`], shared by every widget on the page.
    static BASE: Option<CssStyleSheet> = sheet(WIDGET_CSS);
}

fn sheet(css: &str) -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(css).ok()?;
    Some(sheet)
}

const ADOPTED: &str = "adoptedStyleSheets";
/// The property that names which of our sheets an adopted sheet is.
const MARK: &str = "__seminarplan";
/// The property that keeps the CSS one of our sheets was made from.
const CSS: &str = "__seminarplanCss";

/// The root `node` lives in: a shadow root or the document.
pub fn root_of(node: &Node) -> Node {
    node.get_root_node()
}

/// Adopts the widget's CSS into `root`, once.
pub fn adopt_base(root: &Node) {
    BASE.with(|base| {
        if let Some(base) = base {
            replace(root, "base", base);
        }
    });
}

/// Adopts `css` into `root` as our sheet called `name`, replacing the one adopted under
/// that name before and keeping every other sheet (the page's own, or another of ours).
/// Returns whether it worked.
pub fn adopt(root: &Node, name: &str, css: &str) -> bool {
    if adopted(root, name).is_some_and(|s| {
        js_sys::Reflect::get(&s, &JsValue::from_str(CSS)).ok() == Some(JsValue::from_str(css))
    }) {
        // The same rules again would make the browser restyle the whole root for nothing.
        return true;
    }
    let Some(sheet) = sheet(css) else {
        return false;
    };
    let _ = js_sys::Reflect::set(&sheet, &JsValue::from_str(CSS), &JsValue::from_str(css));
    replace(root, name, &sheet)
}

/// Our sheet called `name` adopted into `root`, if there is one.
fn adopted(root: &Node, name: &str) -> Option<JsValue> {
    let current = js_sys::Reflect::get(root, &JsValue::from_str(ADOPTED)).ok()?;
    current.dyn_ref::<js_sys::Array>()?.iter().find(|s| {
        let mark = js_sys::Reflect::get(s, &JsValue::from_str(MARK)).ok();
        mark.and_then(|m| m.as_string()).as_deref() == Some(name)
    })
}

fn replace(root: &Node, name: &str, sheet: &CssStyleSheet) -> bool {
    let Ok(current) = js_sys::Reflect::get(root, &JsValue::from_str(ADOPTED)) else {
        return false;
    };
    let Some(current) = current.dyn_ref::<js_sys::Array>() else {
        return false;
    };
    let kept = js_sys::Array::new();
    for s in current.iter() {
        let mark = js_sys::Reflect::get(&s, &JsValue::from_str(MARK)).ok();
        if mark.and_then(|m| m.as_string()).as_deref() != Some(name) {
            kept.push(&s);
        }
    }
    let _ = js_sys::Reflect::set(sheet, &JsValue::from_str(MARK), &JsValue::from_str(name));
    kept.push(sheet);
    js_sys::Reflect::set(root, &JsValue::from_str(ADOPTED), &kept).unwrap_or(false)
}

/// A number kept on `root` under `key` (0 when none), for sheets that only grow.
pub fn note(root: &Node, key: &str) -> f64 {
    js_sys::Reflect::get(root, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Keeps `value` on `root` under `key` (see [`note`]).
pub fn set_note(root: &Node, key: &str, value: f64) {
    let _ = js_sys::Reflect::set(root, &JsValue::from_str(key), &JsValue::from_f64(value));
}
