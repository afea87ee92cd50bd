//! Spreadsheet exports through the sheet reader: any bytes (Windows-1252, UTF-16, broken
//! quotes, odd separators) are decoded and read; it must return, never panic, and what it
//! accepts must be a valid programme with one session per written session.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = seminarplan_core::import::sheet::decode(data);
    // A header line first, so that the input is taken for a sheet and reaches the reader.
    let sheet = format!("Id;Titel;Datum;Start;Slut;Lokal;Talare;Pass\n{text}");
    if let Ok(i) = seminarplan_core::import::import(&sheet) {
        let written = i.document["sessions"].as_array().map_or(0, Vec::len);
        assert_eq!(i.programme.sessions.len(), written);
    }
    let _ = seminarplan_core::import::import_bytes(data);
});
