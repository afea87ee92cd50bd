//! The split between the widget's first module (our own format and spreadsheets) and the
//! lazily loaded importer (frab, Pentabarf, pretalx): `import::read_here` takes exactly
//! the files of the first kind and reads them as importing does, and what the importer
//! hands back (`import::handoff`) reads as the same programme, or the same problems, as
//! importing the file in one piece.

use std::fs;
use std::path::Path;

use seminarplan_core::import::{self, handoff, own, read_here};
use seminarplan_core::lang::Lang;
use seminarplan_core::parse::{Problem, ProgrammeError, SheetIssue};

/// Every foreign-format file the tests keep: frab JSON and XML, pretalx, spreadsheets.
fn foreign_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/import",
        "tests/fixtures/sheet",
        "tests/fixtures/sheet/shapes",
    ] {
        let mut names: Vec<_> = fs::read_dir(dir)
            .expect("fixture folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        for path in names {
            let bytes = fs::read(&path).expect("fixture");
            let text = import::sheet::decode(&bytes);
            files.push((path.display().to_string(), text));
        }
    }
    files
}

#[test]
fn the_first_module_reads_our_format_and_sheets_and_leaves_the_rest_to_the_importer() {
    let mut sheets = 0;
    for (name, text) in foreign_files() {
        assert!(own(&text).is_none(), "{name} is not in our format");
        let here = read_here(&text);
        if !name.contains("/sheet/") {
            assert!(here.is_none(), "{name} should go to the importer");
            continue;
        }
        let here = here.unwrap_or_else(|| panic!("{name} is a sheet, read here"));
        match (here, import::import(&text)) {
            (Ok((programme, summary)), Ok(whole)) => {
                assert!(summary.left_out.is_empty(), "{name}");
                assert_eq!(programme, whole.programme, "{name}");
                assert_eq!(summary.format, whole.format.describe(), "{name}");
                assert_eq!(summary.warnings, whole.warnings.len(), "{name}");
                sheets += 1;
            }
            (Err(here), Err(whole)) => assert_eq!(here, whole, "{name}"),
            // The widget shows what it can of a sheet the check page refuses, leaving out
            // exactly the rows the check page names.
            (Ok((programme, summary)), Err(whole)) => {
                assert!(!programme.sessions.is_empty(), "{name}");
                assert_eq!(summary.left_out, whole, "{name}");
            }
            (here, whole) => panic!("{name}: {here:?} against {whole:?}"),
        }
    }
    assert!(sheets >= 4, "only {sheets} sheets read");
    let demo = fs::read_to_string(Path::new("demo/programme.json")).expect("demo");
    let (read, summary) = read_here(&demo).expect("ours").expect("valid");
    assert_eq!(read, import::import(&demo).expect("valid").programme);
    assert_eq!(read.sessions.len(), 81);
    assert_eq!(summary.warnings, 0, "the demo's colours are all visible");
}

#[test]
fn a_broken_file_in_our_format_is_worded_as_before_without_the_importer() {
    let broken = fs::read_to_string("tests/fixtures/broken.json").expect("fixture");
    let here = own(&broken).expect("ours").expect_err("broken");
    assert_eq!(here, import::import(&broken).expect_err("broken"));
    // A JSON object cut short: a syntax error with its place, not "unknown format".
    let cut = &crate::SMALL[..crate::SMALL.len() / 2];
    let problems = own(cut).expect("starts as ours").expect_err("cut short");
    assert!(
        matches!(problems[0].problem, Problem::Syntax { .. }),
        "{problems:?}"
    );
    assert_eq!(problems, import::import(cut).expect_err("cut short"));
}

#[test]
fn what_the_importer_hands_back_is_the_programme_importing_gives() {
    let mut converted = 0;
    for (name, text) in foreign_files() {
        if name.contains("/sheet/") {
            continue;
        }
        let whole = import::import(&text);
        let back = handoff::write(&text);
        match (whole, handoff::read(&back)) {
            (Ok(whole), Ok((programme, document, summary))) => {
                assert_eq!(programme, whole.programme, "{name}");
                assert_eq!(summary.format, whole.format.describe(), "{name}");
                assert_eq!(summary.warnings, whole.warnings.len(), "{name}");
                // The kept copy is in our own format: read again without the importer.
                let again = own(document).expect("ours").expect("valid");
                assert_eq!(again, whole.programme, "{name}");
                converted += 1;
            }
            (Err(whole), Err(problems)) => {
                // In words, in both languages, as the importer worded them.
                for lang in [Lang::Sv, Lang::En] {
                    assert_eq!(words(lang, &problems), words(lang, &whole), "{name}");
                }
                assert!(problems.iter().all(|e| matches!(
                    e.problem,
                    Problem::Sheet {
                        issue: SheetIssue::Worded { .. },
                        ..
                    }
                )));
            }
            (whole, back) => panic!("{name}: {whole:?} against {back:?}"),
        }
    }
    assert!(converted >= 8, "only {converted} files converted");
}

fn words(lang: Lang, problems: &[ProgrammeError]) -> Vec<String> {
    problems.iter().map(|e| lang.problem(e)).collect()
}

#[test]
fn problems_cross_in_words_with_tabs_line_ends_and_any_script() {
    // A file whose format is named with a tab, a line end and emoji: the value, as it was
    // written, is in the words, with its tab and line end made spaces.
    let frab = r#"{"format": "frab\t\n😀 ök", "schedule": {}}"#;
    let whole = import::import(frab).expect_err("an unknown format");
    let back = handoff::write(frab);
    assert!(back.starts_with("err\n"), "{back}");
    assert_eq!(back.lines().count(), 1 + whole.len());
    let problems = handoff::read(&back).expect_err("refused");
    for lang in [Lang::Sv, Lang::En] {
        let clean: Vec<String> = (words(lang, &whole).into_iter())
            .map(|w| w.replace(['\t', '\n', '\r'], " "))
            .collect();
        assert_eq!(words(lang, &problems), clean);
    }
    assert!(
        words(Lang::En, &problems)[0].contains("\"frab  😀 ök\""),
        "{problems:?}"
    );
}

#[test]
fn the_importer_reads_only_other_tools_formats() {
    // Sheets are read by the first module, so the importer has no sheet reader.
    let bytes = fs::read("tests/fixtures/sheet/google-sheets.csv").expect("fixture");
    let text = import::sheet::decode(&bytes);
    assert!(import::import(&text).is_ok());
    let problems = handoff::read(&handoff::write(&text)).expect_err("not its format");
    assert!(!problems.is_empty());
}

#[test]
fn an_answer_that_cannot_be_read_is_a_problem_not_a_programme() {
    for garbled in [
        "",
        "ok",
        "ok\tfrab\n{",
        "ok\tfrab\t1\textra\n{}",
        "err\n",
        "err\n[]",
        "err\nnot json",
        "err\nno tab\n",
        "err\nsv\ten\n\n",
        "ok\tfrab\t0\nno tab\n\n{}",
        "ok\tfrab\t0\nsv\ten\n{}",
        "ok\tfrab\t0\n{}",
        "yes\n{}",
    ] {
        let problems = handoff::read(garbled).expect_err(garbled);
        assert!(!problems.is_empty(), "{garbled:?}");
    }
}

#[test]
fn the_first_bytes_tell_when_the_importer_will_be_needed() {
    for (name, text) in foreign_files() {
        let head = &text.as_bytes()[..text.len().min(2048)];
        let sheet = name.contains("/sheet/");
        assert_eq!(import::needs_importer(head), !sheet, "{name}");
    }
    for ours in [crate::SMALL, include_str!("../../demo/programme.json")] {
        assert!(!import::needs_importer(ours.as_bytes()));
    }
    // A hint only: nothing breaks on odd bytes.
    for odd in [
        &b""[..],
        b"\xff\xfe<",
        b"{",
        b"{\"format\":1, \"schedule\":{}}",
        b"\xef\xbb\xbf <x>",
    ] {
        let _ = import::needs_importer(odd);
    }
    assert!(import::needs_importer(b"\xef\xbb\xbf <schedule>"));
    assert!(!import::needs_importer(
        b"{\"format\":\"seminarplan/1\", \"schedule\": 1}"
    ));
}
