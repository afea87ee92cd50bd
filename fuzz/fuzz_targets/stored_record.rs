//! What the widget reads back from localStorage: the saved plan and the kept copy of the
//! last good programme (and the check a fetched body goes through before it is kept).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(plan) = seminarplan_core::saved::decode(text) {
            let again = seminarplan_core::saved::decode(&seminarplan_core::saved::encode(&plan));
            assert_eq!(again, Ok(plan));
        }
        let _ = seminarplan_core::loading::decode_cache("/programme.json", text);
        let _ = seminarplan_core::loading::check_body("text/html", text);
    }
});
