//! Workbooks (.xlsx, .ods) through the workbook reader: any bytes given as a ZIP archive
//! (seed the corpus with real workbooks: `cargo test --test core workbook::fuzz_seeds --
//! --ignored` writes LibreOffice's saves and the tests' workbooks to `fuzz/corpus/workbook`)
//! are measured, opened and read; it must return, never panic, and what it accepts must be
//! a valid programme with one session per written session. The workbook reader module's
//! handoff reads it as the widget reads a CSV for visitors: what the strict reading accepts
//! comes back the same with nothing left out; what it refuses is refused too, or shown
//! without the sessions it names as left out.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The ZIP signature first, so that the input is taken for a workbook.
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"PK\x03\x04").unwrap_or(data));
    let read = seminarplan_core::import::import_bytes(&bytes);
    if let Ok(i) = &read {
        let written = i.document["sessions"].as_array().map_or(0, Vec::len);
        assert_eq!(i.programme.sessions.len(), written);
    }
    let answer = seminarplan_core::import::handoff::write_workbook(&bytes);
    match (seminarplan_core::import::handoff::read(&answer), &read) {
        (Ok((programme, _, summary)), Ok(i)) => {
            assert_eq!(programme, i.programme);
            assert!(summary.left_out.is_empty());
        }
        (Ok((programme, _, summary)), Err(_)) => {
            assert!(!summary.left_out.is_empty());
            assert!(!programme.sessions.is_empty());
        }
        (Err(_), Err(_)) => {}
        (Err(_), Ok(_)) => panic!("the handoff refuses what the reader reads"),
    }
});
