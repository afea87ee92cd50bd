//! What the widget reads back from localStorage: the saved plan and the kept copy of the
//! last good programme (and the check a fetched body goes through before it is kept).
#![no_main]
use seminarplan_core::saved;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(plan) = saved::decode(text) {
            // A plan too large for one record is not written (`TooLarge`); one that is
            // written reads back with every star. Snapshots and stamps may be left out to
            // fit, so the whole plan is compared only when the record read was well under
            // the limit (writing it again cannot then have needed to leave anything out).
            if let Ok(record) = saved::encode(&plan) {
                assert!(record.len() <= saved::MAX_RECORD);
                let again = saved::decode(&record).expect("encode writes what decode reads");
                assert_eq!(again.starred, plan.starred);
                if text.len() <= saved::MAX_RECORD / 4 {
                    assert_eq!(again, plan);
                }
            }
        }
        let _ = seminarplan_core::loading::decode_cache("/programme.json", text);
        let _ = seminarplan_core::loading::check_body("text/html", text);
    }
});
