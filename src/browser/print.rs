//! Opens the browser's print dialog (the print view of My schedule is pure CSS).

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
