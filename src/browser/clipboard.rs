//! Copies text to the clipboard (the share link).

/// Asks the browser to copy `text`; the browser may refuse, and the link stays visible.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
