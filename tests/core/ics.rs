//! Calendar export against the RFC 5545 rules that importers trip over.

use chrono::{TimeZone, Utc};
use seminarplan_core::ics::{calendar, escape, file_name, fold, uid};

use super::{demo, small};

fn stamp() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0)
        .single()
        .expect("time")
}

#[test]
fn escaping_table() {
    let cases = [
        ("plain", "plain"),
        ("a, b; c", "a\\, b\\; c"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nline", "crlf\\nline"),
        ("bell\u{7}", "bell"),
        ("Hållbar", "Hållbar"),
    ];
    for (input, expected) in cases {
        assert_eq!(escape(input), expected, "{input:?}");
    }
}

#[test]
fn folding_keeps_lines_within_75_octets_and_characters_whole() {
    let line = format!("SUMMARY:{}", "åäö Hållbar upphandling ".repeat(20));
    let folded = fold(&line);
    assert!(folded.ends_with("\r\n"));
    for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(
            physical.len() <= 75,
            "{} octets: {physical}",
            physical.len()
        );
    }
    // Unfolding gives back the line.
    let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
    assert_eq!(unfolded, line);
    assert_eq!(fold("SHORT"), "SHORT\r\n");
}

#[test]
fn calendar_has_crlf_utc_times_and_stable_uids() {
    let p = small();
    let ix = [
        p.session_ix("s1").expect("s1"),
        p.session_ix("s2").expect("s2"),
    ];
    let ics = calendar(&p, &ix, stamp(), "sv");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    // 14:00 at +01:00 is 13:00 UTC.
    assert!(ics.contains("DTSTART:20270316T130000Z\r\n"));
    assert!(ics.contains("DTEND:20270316T140000Z\r\n"));
    assert!(ics.contains("UID:s1.liten-2027@seminarplan\r\n"));
    assert!(ics.contains("LOCATION:Sal A\\, Stadshuset\r\n"));
    assert!(ics.contains("DTSTAMP:20270301T120000Z\r\n"));
    // The same session gives the same UID in another export.
    let again = calendar(&p, &ix[..1], stamp(), "en");
    assert!(again.contains("UID:s1.liten-2027@seminarplan"));
    let s1 = p.session("s1").expect("s1");
    assert_eq!(uid(&p, s1), "s1.liten-2027@seminarplan");
    assert_eq!(file_name(&p, Some(s1)), "liten-2027-s1.ics");
    assert_eq!(file_name(&p, None), "liten-2027.ics");
}

#[test]
fn whole_demo_plan_exports_every_line_short() {
    let p = demo();
    let all: Vec<usize> = (0..p.sessions.len()).collect();
    let ics = calendar(&p, &all, stamp(), "sv");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), p.sessions.len());
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
}

/// A programme whose every text value tries to end its calendar property and start a
/// foreign one (an alarm, a second event, an attendee): a session url that starts with
/// `https://` but carries CR/LF, and CR/LF, lone CR, lone LF and control characters in
/// the title, room, venue, subtitle, abstract, speaker and conference title.
/// (`tests/fixtures/e2e/ics-injection.json`, also read by the e2e test.)
pub const HOSTILE_ICS: &str = include_str!("../fixtures/e2e/ics-injection.json");

/// The properties this project writes; anything else starting a line was injected.
const OURS: [&str; 15] = [
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "X-WR-CALNAME",
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "URL",
];

/// Unfolds a calendar into its content lines (RFC 5545 3.1), failing on a bare CR or LF.
fn content_lines(ics: &str) -> Vec<String> {
    assert!(
        !ics.replace("\r\n", "").contains(['\r', '\n']),
        "a bare CR or LF in the file: {ics:?}"
    );
    let mut lines: Vec<String> = Vec::new();
    for physical in ics.split("\r\n").filter(|l| !l.is_empty()) {
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
            None => lines.push(physical.to_owned()),
        }
    }
    lines
}

/// Fails before issue 15: the url's CR/LF reached the file raw, so a VALARM appeared.
#[test]
fn hostile_values_cannot_add_properties_or_events() {
    let p = seminarplan_core::parse::parse_programme(HOSTILE_ICS).expect("valid");
    let all: Vec<usize> = (0..p.sessions.len()).collect();
    let ics = calendar(&p, &all, stamp(), "sv");
    let lines = content_lines(&ics);
    for line in &lines {
        let name = line.split([':', ';']).next().unwrap_or_default();
        assert!(OURS.contains(&name), "a foreign property {line:?} in {ics}");
        assert!(
            !line.chars().any(char::is_control),
            "a control character in {line:?}"
        );
    }
    let count = |l: &str| lines.iter().filter(|x| x.as_str() == l).count();
    assert_eq!(count("BEGIN:VEVENT"), 3);
    assert_eq!(count("END:VEVENT"), 3);
    assert_eq!(count("BEGIN:VCALENDAR"), 1);
    assert!(!lines.iter().any(|l| l.starts_with("BEGIN:VALARM")));
    let props = |name: &str| lines.iter().filter(|l| l.starts_with(name)).count();
    assert_eq!(props("UID:"), 3, "one UID per event");
    // The url with CR/LF and the one with spaces are refused whole, not mended.
    assert_eq!(props("URL:"), 1, "{ics}");
    assert!(lines.contains(&"URL:https://example.org/ok?a=1;b=2,c".to_owned()));
    // Text values keep their words, escaped: a line break becomes the two characters `\n`.
    assert!(
        lines.contains(&"SUMMARY:Titel\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:falsk".to_owned()),
        "{ics}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("LOCATION:Sal A\\nBEGIN:VALARM"))
    );
}

#[test]
fn uri_values_are_refused_with_anything_but_printable_ascii() {
    use seminarplan_core::ics::uri;
    assert_eq!(
        uri(" https://example.org/x "),
        Some("https://example.org/x")
    );
    assert_eq!(uri("https://example.org/\r\nX:1"), None);
    assert_eq!(uri("https://example.org/a b"), None);
    assert_eq!(uri("https://exämple.org/"), None);
    assert_eq!(uri(""), None);
}
