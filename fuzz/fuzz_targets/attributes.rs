//! The widget element's attributes, as a host page may write them: language, namespace,
//! timeout and the fixed clock. (`data-url` is a plain match on the trimmed text.)
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = seminarplan_core::lang::Lang::from_code(text);
        let _ = seminarplan_core::parse::valid_id(text);
        let ms = seminarplan_core::loading::timeout_ms(Some(text));
        assert!(
            (seminarplan_core::loading::MIN_TIMEOUT_MS..=seminarplan_core::loading::MAX_TIMEOUT_MS)
                .contains(&ms)
        );
        let _ = chrono::DateTime::parse_from_rfc3339(text.trim());
    }
});
