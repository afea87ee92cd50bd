//! The workbook reader, a wasm module of its own: Excel (.xlsx) and OpenDocument (.ods)
//! workbooks, read with calamine and quick-xml (`seminarplan_core::import::workbook`). The
//! loader (`web/seminar-plan.js`) loads it the first time a programme file arrives as a ZIP
//! archive and calls [`convert_workbook`] with its bytes; the first module reads the answer
//! with `seminarplan_core::import::handoff`, as it reads the importer's. Apart from the
//! importer because it is more than twice its size (BENCHMARKS.md, "The workbook reader"):
//! a frab or pretalx programme does not pay for it. No Yew, no state: bytes in, text out.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A workbook's bytes (.xlsx, .ods) as the handoff text: the programme as a
    /// `seminarplan/1` document, or its problems.
    #[wasm_bindgen]
    pub fn convert_workbook(bytes: &[u8]) -> String {
        seminarplan_core::import::handoff::write_workbook(bytes)
    }
}

fn main() {}
