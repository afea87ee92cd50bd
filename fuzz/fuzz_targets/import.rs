//! Every programme format through the importer: it must return, never panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = seminarplan_core::import::import(text);
    }
});
