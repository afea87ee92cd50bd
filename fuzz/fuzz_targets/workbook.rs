//! Workbooks (.xlsx, .ods) through the workbook reader: any bytes given as a ZIP archive
//! (seed the corpus with real workbooks, say LibreOffice's saves of
//! `demo/programme-mall.csv`) are measured, opened and read; it must return, never panic,
//! and what it accepts must be a valid programme with one session per written session, and
//! the importer's handoff of it must read back to the same programme.
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
        (Ok((programme, _, _)), Ok(i)) => assert_eq!(programme, i.programme),
        (Err(_), Err(_)) => {}
        _ => panic!("the handoff and the reader disagree"),
    }
});
