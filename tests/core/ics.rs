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
