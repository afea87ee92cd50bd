//! Calendar export (iCalendar, RFC 5545): one session or the whole plan as a `.ics` file.
//!
//! Written by hand rather than with a crate: the subset needed (VEVENT with UTC times) is
//! small, and every rule that matters is here and tested: CRLF line ends, lines folded at
//! 75 octets without splitting a UTF-8 character, TEXT escaping, and UIDs derived from
//! the programme and session ids so that importing again updates instead of duplicating.

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};

use crate::model::{Programme, Session};

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value (RFC 5545 3.3.13) as written, or `None` when it cannot be written safely:
/// anything but printable ASCII without spaces (a CR or LF would end the property and
/// start a foreign one, such as an alarm) refuses the whole value rather than mending it.
pub fn uri(url: &str) -> Option<&str> {
    let url = url.trim();
    let plain = url.bytes().all(|b| b.is_ascii_graphic());
    (plain && !url.is_empty()).then_some(url)
}

/// Folds one content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character,
/// and ends every physical line with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn utc(t: DateTime<FixedOffset>) -> String {
    stamp(t.with_timezone(&Utc))
}

/// `YYYYMMDDTHHMMSSZ`, written by hand so the bundle needs no `strftime` formatter.
fn stamp(t: DateTime<Utc>) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The stable UID of a session in a programme.
pub fn uid(programme: &Programme, session: &Session) -> String {
    format!("{}.{}@seminarplan", session.id, programme.id)
}

fn event(programme: &Programme, s: &Session, stamp: DateTime<Utc>, lang: &str) -> String {
    let pl = programme.lang();
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&uid(programme, s))),
        format!("DTSTAMP:{}", self::stamp(stamp)),
        format!("DTSTART:{}", utc(s.start)),
        format!("DTEND:{}", utc(s.end)),
        format!("SUMMARY:{}", escape(&s.title)),
    ];
    if let Some(r) = s.room {
        let venue = programme
            .conference
            .venue
            .as_ref()
            .map(|v| format!(", {}", v.get(lang, pl)))
            .unwrap_or_default();
        lines.push(format!(
            "LOCATION:{}",
            escape(&format!("{}{venue}", programme.rooms[r].name.get(lang, pl)))
        ));
    }
    let mut description = String::new();
    if let Some(sub) = &s.subtitle {
        description.push_str(sub);
        description.push_str("\n\n");
    }
    let speakers: Vec<&str> = s
        .speakers
        .iter()
        .map(|&i| programme.speakers[i].name.as_str())
        .collect();
    if !speakers.is_empty() {
        description.push_str(&speakers.join(", "));
        description.push_str("\n\n");
    }
    if let Some(a) = &s.abstract_text {
        description.push_str(a);
    }
    let description = description.trim();
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(description)));
    }
    if let Some(url) = s.url.as_deref().and_then(uri) {
        lines.push(format!("URL:{url}"));
    }
    lines.push("END:VEVENT".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// A calendar with the given sessions (indices into the programme), in their order.
/// `stamp` is when the file is made (the caller's clock, so output is testable).
pub fn calendar(
    programme: &Programme,
    sessions: &[usize],
    stamp: DateTime<Utc>,
    lang: &str,
) -> String {
    let name = programme.conference.title.get(lang, programme.lang());
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Seminarplan//Seminarplan//SV".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ] {
        out.push_str(&fold(&line));
    }
    for &ix in sessions {
        if let Some(s) = programme.sessions.get(ix) {
            out.push_str(&event(programme, s, stamp, lang));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

/// A file name for the download: `inkopsforum-2027.ics`, or with the session id.
pub fn file_name(programme: &Programme, session: Option<&Session>) -> String {
    match session {
        Some(s) => format!("{}-{}.ics", programme.id, s.id),
        None => format!("{}.ics", programme.id),
    }
}
