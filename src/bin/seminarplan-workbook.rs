//! The workbook reader, a wasm module of its own: Excel (.xlsx) and OpenDocument (.ods)
//! workbooks, read with calamine and quick-xml (`seminarplan_core::import::workbook`). The
//! loader (`web/seminar-plan.js`) loads it the first time a programme file arrives as a ZIP
//! archive and calls [`convert`] (the importer's name, so the loader has one call) with its
//! bytes; the first module reads the answer with `seminarplan_core::import::handoff`, as it
//! reads the importer's. A workbook is read as the first module reads a CSV for visitors
//! (its sessions with a problem left out and reported), and its own problems are worded
//! here, in Swedish and English, so the first load carries none of its words. Apart from
//! the importer because it is more than twice its size (BENCHMARKS.md, "The workbook
//! reader"): a frab or pretalx programme does not pay for it. No Yew, no state: bytes in,
//! text out.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A workbook's bytes (.xlsx, .ods) as the handoff text: the programme as a
    /// `seminarplan/1` document of the sessions that can be shown with the problems of
    /// those left out, or the problems that refuse it, worded here in both languages.
    #[wasm_bindgen]
    pub fn convert(bytes: &[u8]) -> String {
        seminarplan_core::import::handoff::write_workbook(bytes)
    }
}

fn main() {}
