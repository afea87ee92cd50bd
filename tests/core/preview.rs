//! A large file's first sessions, shown while the rest is read (`import::preview`): every
//! session a preview shows is in the whole file, the same, wherever the file is cut.

use seminarplan_core::import::preview;
use seminarplan_core::model::Programme;

use super::sheet::{read, summary};

/// [`summary`], with each session's abstract: what a preview may not get wrong.
fn sessions_in_full(p: &Programme) -> Vec<String> {
    summary(p)
        .into_iter()
        .zip(&p.sessions)
        .map(|(line, s)| format!("{line} | {:?}", s.abstract_text))
        .collect()
}

/// The preview of every start of `bytes` cut at `step`-byte steps: each session it shows
/// is in the whole sheet, the same but for what only later rows can say: a speaker's
/// organisation named further down, and, without an Id column (`same_ids` false), a made
/// id that takes the room's name when a later row makes the same one. Gives how many
/// starts had a preview.
fn previews_agree(name: &str, bytes: &[u8], step: usize, same_ids: bool) -> usize {
    previews_agree_at(name, bytes, (1..bytes.len()).step_by(step), same_ids)
}

/// [`previews_agree`] for the starts cut at `cuts`.
fn previews_agree_at(
    name: &str,
    bytes: &[u8],
    cuts: impl Iterator<Item = usize>,
    same_ids: bool,
) -> usize {
    // The line without organisations, and without the id unless ids must be the same.
    let loose = |line: &str| {
        let line = if same_ids {
            line
        } else {
            line.split_once(' ').map_or(line, |(_, rest)| rest)
        };
        let mut out = String::new();
        let mut depth = 0usize;
        for c in line.chars() {
            match c {
                '(' => {
                    depth += 1;
                    out.truncate(out.trim_end().len());
                }
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let full = sessions_in_full(&read(bytes).programme);
    let full_loose: Vec<String> = full.iter().map(|l| loose(l)).collect();
    let mut shown = 0;
    for cut in cuts {
        let Some(preview) = preview(&bytes[..cut]) else {
            continue;
        };
        shown += 1;
        for line in sessions_in_full(&preview) {
            assert!(
                full.contains(&line) || full_loose.contains(&loose(&line)),
                "{name} cut at byte {cut}: the preview shows\n{line}\nwhich the whole sheet does not have"
            );
        }
    }
    shown
}

/// Whether the sheet has an Id column (else it is warned that stars will not survive edits).
fn has_id_column(bytes: &[u8]) -> bool {
    use seminarplan_core::import::{WarningKind, sheet::SheetNote};
    !read(bytes).warnings.iter().any(|w| {
        matches!(
            &w.message,
            WarningKind::Sheet {
                note: SheetNote::NoIdColumn,
                ..
            }
        )
    })
}

#[test]
fn a_preview_shows_only_what_the_whole_sheet_says() {
    // Cut everywhere: inside quoted cells with separators, quotes and line breaks, inside
    // Windows-1252 and UTF-8 characters, between CR and LF.
    for (name, bytes) in [
        (
            "excel-sv.csv",
            &include_bytes!("../fixtures/sheet/excel-sv.csv")[..],
        ),
        (
            "google-sheets.csv",
            include_bytes!("../fixtures/sheet/google-sheets.csv"),
        ),
        (
            "libreoffice.csv",
            include_bytes!("../fixtures/sheet/libreoffice.csv"),
        ),
        (
            "clashes.csv",
            include_bytes!("../fixtures/sheet/clashes.csv"),
        ),
    ] {
        assert!(
            previews_agree(name, bytes, 1, has_id_column(bytes)) > 0,
            "{name}: no start of it had a preview"
        );
    }
    let template = include_bytes!("../../demo/programme-mall.csv");
    assert!(has_id_column(template));
    assert!(previews_agree("the template", template, 211, true) > 0);
}

#[test]
fn a_large_sheet_shows_its_first_sessions_from_its_first_bytes() {
    let csv = seminarplan_core::generate::programme_csv(10_000, 7);
    let bytes = csv.as_bytes();
    assert!(has_id_column(bytes));
    assert!(previews_agree_at("10,000 rows", bytes, (1..600_000).step_by(49_999), true) > 10);
    // The first quarter megabyte, what the widget reads before it shows anything.
    let first = preview(&bytes[..256 * 1024]).expect("a preview");
    assert!(first.sessions.len() > 100, "{}", first.sessions.len());
    // No session yet, not a sheet, or a sheet in UTF-16: no preview, the whole file decides.
    for head in [
        &br#"{"format":"seminarplan/1","sessions":[]}
"#[..],
        b"<?xml version=\"1.0\"?>\n<schedule>\n",
        b"\xff\xfeT\0i\0t\0l\0e\0\n\0",
        b"Titel;Start\n",
        b"",
    ] {
        assert!(preview(head).is_none(), "{head:?}");
    }
}

#[test]
fn our_own_format_shows_its_sessions_so_far() {
    // The demo cut everywhere, inside strings with braces and escapes, inside å and ö.
    let demo = include_bytes!("../../demo/programme.json");
    let sessions_at = std::str::from_utf8(demo)
        .expect("UTF-8")
        .find("\"sessions\"")
        .expect("sessions");
    // Every byte of the first sessions, then every 97th.
    let first =
        (sessions_at - 200..sessions_at + 3_000).chain((sessions_at..demo.len()).step_by(97));
    assert!(previews_agree_at("the demo", demo, first, true) > 100);
    // Before the first session has arrived whole there is nothing to show.
    assert!(preview(&demo[..sessions_at + 20]).is_none());

    let json = seminarplan_core::generate::programme_json(10_000, 7);
    let bytes = json.as_bytes();
    // Cut where its sessions are (after its speakers, past 1 MB), so each preview is
    // compared with the whole file. (Issue 28: every cut fell before the sessions, where
    // there is no preview, and the count of previews compared was not looked at.)
    let sessions_at = json.find("\"sessions\"").expect("sessions");
    let cuts = (sessions_at..bytes.len()).step_by((bytes.len() - sessions_at) / 8 + 1);
    assert!(previews_agree_at("10,000 sessions", bytes, cuts, true) >= 6);
    // Its 15,000 speakers come first: the sessions start after 1.4 MB.
    assert!(preview(&bytes[..1024 * 1024]).is_none());
    let first = preview(&bytes[..2 * 1024 * 1024]).expect("a preview");
    assert!(first.sessions.len() > 200, "{}", first.sessions.len());

    // Sessions before the rooms they are in: the start alone is no programme.
    let mut reordered: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(demo).expect("the demo");
    let sessions = reordered.remove("sessions").expect("the demo");
    let mut first_sessions = serde_json::Map::new();
    first_sessions.insert(
        "format".into(),
        reordered.remove("format").expect("the demo"),
    );
    first_sessions.insert("sessions".into(), sessions);
    first_sessions.extend(reordered);
    let text = serde_json::to_string_pretty(&first_sessions).expect("the demo");
    let cut = text.find("\"rooms\"").expect("the demo");
    assert!(preview(&text.as_bytes()[..cut]).is_none());
    // Another tool's JSON is left to the importer.
    let frab = br#"{"schedule": {"version": "1", "conference": {"title": "x", "days": [
"#;
    assert!(preview(frab).is_none());
}
