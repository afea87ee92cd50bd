//! Share links and URL state: anything a visitor can be sent.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = seminarplan_core::share::decode(text);
        let state = seminarplan_core::url_state::UrlState::parse(text);
        let _ = seminarplan_core::url_state::UrlState::parse(&state.to_query());
    }
});
