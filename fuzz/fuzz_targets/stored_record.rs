//! What the widget reads back from localStorage: the saved plan, a record set aside
//! (`salvage`, also of a record cut at the size limit inside a character), the colleagues
//! record, and the kept copy of the last good programme (and the check a fetched body goes
//! through before it is kept).
#![no_main]
use seminarplan_core::saved;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
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
    let salvaged = saved::salvage(text);
    assert!(salvaged.starred.iter().all(|id| seminarplan_core::parse::valid_id(id)));
    // The same text padded past the size limit, so the cut falls inside its last
    // character (the input's first byte chooses which byte of it; one input in 16, as a
    // megabyte costs time).
    let padded = data.first().is_some_and(|b| b % 16 == 0);
    if let Some(last) = text.chars().last().filter(|c| padded && c.len_utf8() > 1) {
        let pad = usize::from(data[0] / 16) % last.len_utf8();
        let mut big = String::with_capacity(saved::MAX_RECORD + 8);
        big.push_str(text);
        big.push_str(&"x".repeat(pad));
        while big.len() <= saved::MAX_RECORD + 4 {
            big.push(last);
        }
        let _ = saved::salvage(&big);
    }
    if let Ok(team) = saved::decode_team(text) {
        let written = saved::encode_team(&team).expect("a record read back fits");
        assert!(written.len() <= saved::MAX_RECORD);
        assert_eq!(saved::decode_team(&written).ok(), Some(team));
    }
    let _ = seminarplan_core::loading::decode_cache("/programme.json", text);
    let _ = seminarplan_core::loading::check_body("text/html", text);
});
