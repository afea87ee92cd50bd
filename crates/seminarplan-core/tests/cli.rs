//! The organisers' command line, `seminarplan-check`, run as a program: what it prints and
//! how it exits. The logic it calls is tested in the workspace's `tests/core`.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Writes `text` to a fresh temporary file named `name` and runs the checker on it.
fn check(name: &str, text: &str, args: &[&str]) -> (Output, PathBuf) {
    check_bytes(name, text.as_bytes(), args)
}

/// Like `check`, with the file's bytes as they are (a spreadsheet in Windows-1252).
fn check_bytes(name: &str, text: &[u8], args: &[&str]) -> (Output, PathBuf) {
    let dir = std::env::temp_dir().join(format!("seminarplan-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write the programme");
    let out = Command::new(env!("CARGO_BIN_EXE_seminarplan-check"))
        .arg(&file)
        .args(args)
        .current_dir(&dir)
        .output()
        .expect("run seminarplan-check");
    (out, dir)
}

#[test]
fn seminarplan_check_names_the_theme_and_the_ratio() {
    let programme = r##"{
        "format": "seminarplan/1", "id": "kontrast", "revision": "1",
        "conference": { "title": "Kontrast", "time_zone": "Europe/Stockholm", "language": "sv",
                        "days": ["2027-03-16"] },
        "rooms": [{ "id": "a", "name": "Sal A" }],
        "themes": [{ "id": "t0", "name": "Tema 0", "colour": "#1f4e8c" }],
        "types": [{ "id": "sem", "name": "Seminarium", "kind": "seminar" }],
        "sessions": [{ "id": "s1", "title": "Något", "type": "sem", "room": "a", "themes": ["t0"],
                       "start": "2027-03-16T10:00:00+01:00", "end": "2027-03-16T11:00:00+01:00" }]
    }"##;
    let (out, dir) = check("programme.json", programme, &[]);
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning is not an error: {stdout}"
    );
    assert!(
        stdout.contains(
            "warning: themes[0].colour: theme \"Tema 0\" colour #1f4e8c has contrast 1.82:1 \
             against the dark mode card background #23262d"
        ),
        "{stdout}"
    );
}

#[test]
fn seminarplan_check_converts_an_excel_sheet_and_places_its_problems() {
    // Swedish Excel: `;`, Windows-1252 (0xE4 is ä, 0x96 is an en dash), CRLF.
    let sheet: &[u8] = b"Id;Datum;Start;Slut;Titel;Lokal\r\n\
        a1;16/3/2027;9.30;10.15;V\xe4lkommen \x96 \xf6ppning;Stora salen\r\n\
        a2;16 mars 2027;10.30;11.15;Avtal;Sal A\r\n";
    let (out, dir) = check_bytes("programme.csv", sheet, &["--convert", "programme.json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("format: spreadsheet (CSV/TSV)"), "{stdout}");
    assert!(
        stdout.contains("days: 1, rooms: 2, sessions: 2"),
        "{stdout}"
    );
    let written = std::fs::read_to_string(dir.join("programme.json")).expect("converted");
    let doc: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(doc["format"], "seminarplan/1");
    assert_eq!(
        doc["sessions"][0]["title"],
        "V\u{e4}lkommen \u{2013} \u{f6}ppning"
    );
    assert_eq!(doc["sessions"][0]["start"], "2027-03-16T09:30:00+01:00");

    let broken: &[u8] = b"Id;Datum;Start;Slut;Titel\r\na1;2027-03-16;9.00;10.75;Fel\r\n";
    let (out, broken_dir) = check_bytes("broken.csv", broken, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&broken_dir);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error: row 2, column Slut: 10.75 is not a time"),
        "{stdout}"
    );
}

#[path = "../../../tests/support/soffice.rs"]
mod soffice;

/// Runs the checker on `file` with `--convert`, and gives what it printed and wrote.
fn convert_file(file: &std::path::Path, out: &std::path::Path) -> (String, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_seminarplan-check"))
        .arg(file)
        .arg("--convert")
        .arg(out)
        .output()
        .expect("run seminarplan-check");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert_eq!(run.status.code(), Some(0), "{}: {stdout}", file.display());
    let written = std::fs::read_to_string(out).expect("the converted file");
    (stdout, written)
}

// Issue 32: the template as the workbook an organiser keeps, saved by LibreOffice as .xlsx
// and .ods with typed dates and times, reads to the same programme as the template CSV,
// ids included, so a visitor's plan survives a switch from one to the other.
#[test]
fn seminarplan_check_reads_the_template_saved_as_xlsx_and_ods_as_its_csv() {
    let template = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../demo/programme-mall.csv"
    ));
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-template");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let (csv_out, from_csv) = convert_file(template, &dir.join("csv.json"));
    assert!(
        csv_out.contains("format: spreadsheet (CSV/TSV)"),
        "{csv_out}"
    );
    for ext in ["xlsx", "ods"] {
        let book = soffice::convert(template, ext, Some(soffice::SWEDISH_CSV), &dir);
        let bytes = std::fs::read(&book).expect("the workbook");
        assert!(bytes.starts_with(b"PK\x03\x04"), "{ext} is a ZIP archive");
        // Typed cells, as a workbook typed by hand has: the first session's date (B14)
        // and times are numbers with date and time formats, not texts.
        let (name, typed) = match ext {
            "xlsx" => (
                "xl/worksheets/sheet1.xml",
                r#"<c r="B14" s="1" t="n"><v>46462</v>"#,
            ),
            _ => (
                "content.xml",
                r#"office:value-type="time" office:time-value="PT10H30M00S""#,
            ),
        };
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a ZIP");
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect("the sheet"), &mut xml)
            .expect("read the sheet");
        assert!(xml.contains(typed), "{ext}: no {typed}");
        let (stdout, from_book) = convert_file(&book, &dir.join(format!("{ext}.json")));
        assert!(stdout.contains("format: workbook (.xlsx/.ods)"), "{stdout}");
        assert!(stdout.contains("sessions: "), "{stdout}");
        assert_eq!(
            from_book, from_csv,
            "the {ext} workbook reads to the CSV's programme"
        );
    }
}

#[test]
fn seminarplan_check_writes_the_snippet_with_the_programme_inside() {
    // A sheet with no `# Plats:` or `# Stad:` row: the snippet is written, and the
    // organiser is told what search engines' event listings lack.
    let sheet = "Id;Datum;Start;Slut;Titel;Lokal;Talare\n\
        s-1;2027-03-16;9.30;10.15;1 < 2 > 0 & \"mer\";Sal A;Åsa Öberg\n";
    let (out, dir) = check(
        "program.csv",
        sheet,
        &[
            "--html",
            "snippet.html",
            "--lang",
            "en",
            "--loader",
            "/sp/seminar-plan.js",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("snippet: snippet.html, "), "{stdout}");
    assert!(stdout.contains("bytes, src program.json"), "{stdout}");
    assert!(stdout.contains("search engines: "), "{stdout}");
    assert!(
        stdout.contains("the venue") && stdout.contains("the city"),
        "{stdout}"
    );
    let html = std::fs::read_to_string(dir.join("snippet.html")).expect("written");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(html.starts_with(
        "<script type=\"module\" src=\"/sp/seminar-plan.js\"></script>\n\
         <seminar-plan src=\"program.json\" lang=\"en\">\n<div class=\"seminarplan-static\" lang=\"en\""
    ), "{html}");
    assert!(html.contains("<article id=\"s-1\">"), "{html}");
    assert!(
        html.contains("<h4>1 &lt; 2 &gt; 0 &amp; \"mer\"</h4>"),
        "{html}"
    );
    assert!(html.contains("Room: Sal A"), "{html}");
    assert!(html.contains("Speakers: <bdi>Åsa Öberg</bdi>"), "{html}");
    assert!(
        html.contains("<script type=\"application/ld+json\">{"),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</seminar-plan>"), "{html}");

    let (out, dir) = check(
        "program-de.csv",
        sheet,
        &["--html", "x.html", "--lang", "de"],
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(2), "--lang is sv or en");
}
