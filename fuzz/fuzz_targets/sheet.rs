//! Spreadsheet exports through the sheet reader: any bytes (Windows-1252, UTF-16, broken
//! quotes, odd separators) are decoded and read; it must return, never panic, and what it
//! accepts must be a valid programme with one session per written session, and the
//! widget's own reader (`read_here`) must read the same; its preview of a file's start
//! (`import::preview`) must return too.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = seminarplan_core::import::sheet::decode(data);
    // A header line first, so that the input is taken for a sheet and reaches the reader.
    let sheet = format!("Id;Titel;Datum;Start;Slut;Lokal;Talare;Pass\n{text}");
    let whole = seminarplan_core::import::import(&sheet);
    if let Ok(i) = &whole {
        let written = i.document["sessions"].as_array().map_or(0, Vec::len);
        assert_eq!(i.programme.sessions.len(), written);
    }
    // The widget's own reader (no document written out) reads the same.
    match (seminarplan_core::import::read_here(&sheet), &whole) {
        (Some(Ok((programme, _))), Ok(i)) => assert_eq!(programme, i.programme),
        (Some(Err(here)), Err(errors)) => assert_eq!(&here, errors),
        (None, _) => {}
        _ => panic!("the widget's reader and import disagree"),
    }
    let _ = seminarplan_core::import::import_bytes(data);
    // Every start of the file, as the widget previews it while the rest arrives.
    for cut in [data.len() / 3, data.len() / 2, data.len()] {
        let _ = seminarplan_core::import::preview(&data[..cut]);
    }
});
