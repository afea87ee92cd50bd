//! The importer, the widget's second wasm module: every format but our own (frab/c3voc
//! JSON and XML, Pentabarf, pretalx; workbooks have a module of their own,
//! `seminarplan-workbook`). The loader (`web/seminar-plan.js`)
//! loads it the first time a programme file is not in our format and calls [`convert`];
//! the first module reads the answer with `seminarplan_core::import::handoff`. It has no
//! Yew and no state: text in, text out.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The file's text as the handoff text: the programme as a `seminarplan/1` document,
    /// or its problems.
    #[wasm_bindgen]
    pub fn convert(text: &str) -> String {
        seminarplan_core::import::handoff::write(text)
    }
}

fn main() {}
