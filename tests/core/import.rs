//! Importing other tools' programme files: every real-world schedule in ../shared/fixtures
//! with exact counts and spot values, each quirk on our own small fixtures
//! (tests/fixtures/import/), the JSON Schema of our format, and a bounded fuzz run.

use std::path::PathBuf;

use chrono::NaiveDate;
use seminarplan_core::import::{Format, Imported, Warning, WarningKind, import};
use seminarplan_core::model::{Kind, Programme, Session};
use seminarplan_core::parse::Problem;
use seminarplan_core::richtext;

use super::SMALL;

const DURATIONS: &str = include_str!("../fixtures/import/durations.json");
const UTC_DISAGREES: &str = include_str!("../fixtures/import/utc-disagrees.json");
const WAFER_UTC: &str = include_str!("../fixtures/import/wafer-utc.xml");
const UNKNOWN_ZONE: &str = include_str!("../fixtures/import/unknown-zone.xml");
const AFTER_MIDNIGHT: &str = include_str!("../fixtures/import/after-midnight.xml");
const ESCAPED: &str = include_str!("../fixtures/import/escaped.xml");
const LANGUAGES: &str = include_str!("../fixtures/import/languages.json");
const IDS: &str = include_str!("../fixtures/import/ids.json");
const BLOCKS: &str = include_str!("../fixtures/import/blocks.json");
const WIDGET: &str = include_str!("../fixtures/import/widget.json");
const V2_UTC: &str = include_str!("../fixtures/import/v2-utc.json");
const RETURNS_AND_LISTS: &str = include_str!("../fixtures/import/returns-and-lists.json");

pub(crate) const OWN: &[(&str, &str)] = &[
    ("durations.json", DURATIONS),
    ("utc-disagrees.json", UTC_DISAGREES),
    ("wafer-utc.xml", WAFER_UTC),
    ("unknown-zone.xml", UNKNOWN_ZONE),
    ("after-midnight.xml", AFTER_MIDNIGHT),
    ("escaped.xml", ESCAPED),
    ("languages.json", LANGUAGES),
    ("ids.json", IDS),
    ("blocks.json", BLOCKS),
    ("widget.json", WIDGET),
    ("v2-utc.json", V2_UTC),
    ("returns-and-lists.json", RETURNS_AND_LISTS),
];

/// The shared real-world fixtures, read at run time: `../shared/fixtures` beside the
/// clone (CI has it), or the folder `SEMINARPLAN_SHARED_FIXTURES` names. `None` when it is
/// absent, after saying plainly that `test` skipped them: a clone that stands alone passes,
/// and every quirk they show is also covered by our own tests/fixtures/import/.
pub(crate) fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("SEMINARPLAN_SHARED_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures"))
        });
    if dir.is_dir() {
        return Some(dir);
    }
    // Written to stderr directly, past the test harness's capture, so it is always seen.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {test}: the real-world fixtures folder {} is absent",
        dir.display()
    );
    None
}

/// One shared fixture's text, or `None` (said) when the folder is absent.
fn shared(test: &str, name: &str) -> Option<String> {
    let path = shared_dir(test)?.join(name);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display())))
}

fn imported(name: &str, text: &str) -> Imported {
    import(text).unwrap_or_else(|e| panic!("{name} does not import: {e:?}"))
}

fn session<'a>(p: &'a Programme, id: &str) -> &'a Session {
    p.session(id).unwrap_or_else(|| panic!("no session {id}"))
}

fn room_name(p: &Programme, s: &Session) -> Option<String> {
    s.room
        .and_then(|r| p.rooms.get(r))
        .map(|r| r.name.get("en", "en").to_owned())
}

fn speaker_names(p: &Programme, s: &Session) -> Vec<String> {
    s.speakers
        .iter()
        .filter_map(|&i| p.speakers.get(i))
        .map(|sp| sp.name.clone())
        .collect()
}

fn start(s: &Session) -> String {
    s.start.to_rfc3339()
}

fn end(s: &Session) -> String {
    s.end.to_rfc3339()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Warnings of one kind (by a predicate), with their paths.
fn warnings(i: &Imported, f: impl Fn(&WarningKind) -> bool) -> Vec<&Warning> {
    i.warnings.iter().filter(|w| f(&w.message)).collect()
}

fn has_warning(i: &Imported, path: &str, kind: WarningKind) -> bool {
    i.warnings
        .iter()
        .any(|w| w.path == path && w.message == kind)
}

fn assert_warning(i: &Imported, path: &str, kind: WarningKind) {
    assert!(
        has_warning(i, path, kind.clone()),
        "expected {path}: {kind:?}, got:\n{}",
        i.warnings
            .iter()
            .map(Warning::describe)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

struct Expect {
    file: &'static str,
    format: Format,
    days: usize,
    rooms: usize,
    sessions: usize,
    speakers: usize,
    themes: usize,
    blocks: usize,
    first_day: &'static str,
    last_day: &'static str,
    zone: &'static str,
    /// One session: id, title, start and end in local time, room, speakers, kind.
    spot: (&'static str, &'static str, &'static str, &'static str),
    room: Option<&'static str>,
    people: &'static [&'static str],
    kind: Kind,
}

const EXPECTED: &[Expect] = &[
    Expect {
        file: "frab-camp2019.json",
        format: Format::FrabJson,
        days: 5,
        rooms: 2,
        sessions: 79,
        speakers: 90,
        themes: 7,
        blocks: 0,
        first_day: "2019-08-21",
        last_day: "2019-08-25",
        zone: "Europe/Berlin",
        spot: (
            "10386",
            "Opening Ceremony",
            "2019-08-21T11:00:00+02:00",
            "2019-08-21T11:30:00+02:00",
        ),
        room: Some("Curie"),
        people: &["jinxx", "smtw"],
        kind: Kind::Seminar,
    },
    Expect {
        file: "pretalx-democon.json",
        format: Format::FrabJson,
        days: 3,
        rooms: 2,
        sessions: 36,
        speakers: 27,
        themes: 2,
        blocks: 0,
        first_day: "2020-12-14",
        last_day: "2020-12-16",
        zone: "Etc/GMT-1",
        spot: (
            "25",
            "Focused 5thgeneration hardware",
            "2020-12-14T09:00:00+01:00",
            "2020-12-14T09:30:00+01:00",
        ),
        room: Some("Gray Room"),
        people: &["Brian Robinson"],
        kind: Kind::Seminar,
    },
    Expect {
        file: "hub-schedule2.json",
        format: Format::FrabJson,
        days: 4,
        rooms: 5,
        sessions: 2,
        speakers: 3,
        themes: 7,
        blocks: 0,
        first_day: "2024-12-27",
        last_day: "2024-12-30",
        zone: "Europe/Berlin",
        spot: (
            "HQCCYH",
            "38C3: Opening Ceremony",
            "2024-12-27T10:30:00+01:00",
            "2024-12-27T11:00:00+01:00",
        ),
        room: Some("Saal 1"),
        people: &["Gabriela Bogk", "Aline Blankertz"],
        kind: Kind::Other,
    },
    Expect {
        file: "debconf23.xml",
        format: Format::FrabXml,
        days: 8,
        rooms: 5,
        sessions: 117,
        speakers: 87,
        themes: 12,
        blocks: 3,
        first_day: "2023-09-10",
        last_day: "2023-09-17",
        zone: "Asia/Kolkata",
        spot: (
            "35",
            "Opening Ceremony",
            "2023-09-10T10:30:00+05:30",
            "2023-09-10T10:50:00+05:30",
        ),
        room: Some("Anamudi"),
        people: &["Sruthi Chandran"],
        kind: Kind::Seminar,
    },
    Expect {
        file: "fosdem-2012.xml",
        format: Format::FrabXml,
        days: 2,
        rooms: 23,
        sessions: 442,
        speakers: 513,
        themes: 37,
        blocks: 0,
        first_day: "2012-02-04",
        last_day: "2012-02-05",
        zone: "Europe/Brussels",
        spot: (
            "0",
            "2012: New perspectives for Mozilla",
            "2012-02-04T13:30:00+01:00",
            "2012-02-04T14:00:00+01:00",
        ),
        room: Some("UD2.218A"),
        people: &["Tristan Nitot"],
        kind: Kind::Other,
    },
    Expect {
        file: "fosdem-2019.xml",
        format: Format::FrabXml,
        days: 2,
        rooms: 33,
        sessions: 775,
        speakers: 729,
        themes: 62,
        blocks: 86,
        first_day: "2019-02-02",
        last_day: "2019-02-03",
        zone: "Europe/Brussels",
        spot: (
            "8967",
            "Welcome to FOSDEM 2019",
            "2019-02-02T09:30:00+01:00",
            "2019-02-02T09:55:00+01:00",
        ),
        room: Some("Janson"),
        people: &["FOSDEM Staff"],
        kind: Kind::Plenary,
    },
];

#[test]
fn every_shared_schedule_imports_with_exact_counts() {
    for e in EXPECTED {
        let Some(text) = shared("every_shared_schedule_imports_with_exact_counts", e.file) else {
            return;
        };
        let i = imported(e.file, &text);
        let p = &i.programme;
        let name = e.file;
        assert_eq!(i.format, e.format, "{name}");
        assert_eq!(p.conference.days.len(), e.days, "{name} days");
        assert_eq!(p.rooms.len(), e.rooms, "{name} rooms");
        assert_eq!(p.sessions.len(), e.sessions, "{name} sessions");
        assert_eq!(p.speakers.len(), e.speakers, "{name} speakers");
        assert_eq!(p.themes.len(), e.themes, "{name} themes");
        assert_eq!(p.blocks.len(), e.blocks, "{name} blocks");
        assert_eq!(
            p.conference.days.first(),
            Some(&date(e.first_day)),
            "{name}"
        );
        assert_eq!(p.conference.days.last(), Some(&date(e.last_day)), "{name}");
        assert_eq!(p.conference.time_zone, e.zone, "{name}");
        let (id, title, from, to) = e.spot;
        let s = session(p, id);
        assert_eq!(s.title, title, "{name} {id}");
        assert_eq!(start(s), from, "{name} {id}");
        assert_eq!(end(s), to, "{name} {id}");
        assert_eq!(room_name(p, s).as_deref(), e.room, "{name} {id}");
        assert_eq!(speaker_names(p, s), e.people, "{name} {id}");
        assert_eq!(p.kind(s), e.kind, "{name} {id}");
        // Every session lands on a conference day, and its day is its local start date.
        for s in &p.sessions {
            assert_eq!(p.conference.days.get(s.day), Some(&s.start.date_naive()));
        }
    }
}

#[test]
fn every_file_in_the_shared_folder_is_handled() {
    let mut seen = 0;
    let Some(dir) = shared_dir("every_file_in_the_shared_folder_is_handled") else {
        return;
    };
    for entry in std::fs::read_dir(dir).expect("the shared fixtures folder") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let is_schema = name.starts_with("schema") || name.ends_with(".xsd");
        let is_data = name.ends_with(".json") || name.ends_with(".xml") || name.ends_with(".xsd");
        if !is_data {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let result = import(&text);
        if is_schema {
            let errors = result.expect_err("a schema is not a programme");
            assert!(
                matches!(errors[0].problem, Problem::UnknownFormat { .. }),
                "{name}: {errors:?}"
            );
        } else {
            let i = result.unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(!i.programme.sessions.is_empty(), "{name}");
            seen += 1;
        }
    }
    assert!(seen >= EXPECTED.len(), "only {seen} schedules found");
}

#[test]
fn converted_documents_reimport_as_our_format() {
    for e in EXPECTED {
        let Some(text) = shared("converted_documents_reimport_as_our_format", e.file) else {
            return;
        };
        let i = imported(e.file, &text);
        let text = serde_json::to_string_pretty(&i.document).expect("serialise");
        let again = imported(e.file, &text);
        assert_eq!(again.format, Format::Seminarplan);
        // Nothing left to repair; only the theme colours' contrast is told again.
        let contrast = |w: &&Warning| matches!(w.message, WarningKind::ThemeContrast { .. });
        assert_eq!(
            again.warnings.iter().collect::<Vec<_>>(),
            i.warnings.iter().filter(contrast).collect::<Vec<_>>(),
            "{}",
            e.file
        );
        assert_eq!(again.programme.sessions, i.programme.sessions, "{}", e.file);
    }
}

#[test]
fn our_own_format_passes_straight_through() {
    for (name, text) in [("small", SMALL), ("demo", seminarplan_core::DEMO_PROGRAMME)] {
        let i = imported(name, text);
        assert_eq!(i.format, Format::Seminarplan);
        // Nothing is repaired; small.json's dark green and blue are faint in dark mode.
        assert!(
            i.warnings
                .iter()
                .all(|w| matches!(w.message, WarningKind::ThemeContrast { .. })),
            "{name}: {:?}",
            i.warnings
        );
        let parsed = seminarplan_core::parse::parse_programme(text).expect("valid");
        assert_eq!(i.programme.sessions, parsed.sessions);
        assert_eq!(
            i.programme.blocks, parsed.blocks,
            "no blocks are derived for our format"
        );
    }
    // Our parser's errors, unchanged.
    let errors = import("{\"format\": \"seminarplan/1\"}").expect_err("incomplete");
    assert!(matches!(errors[0].problem, Problem::Shape { .. }));
    let errors = import("{\"format\": \"frab\"}").expect_err("wrong format");
    assert!(matches!(errors[0].problem, Problem::UnknownFormat { .. }));
}

#[test]
fn unreadable_input_is_refused_with_a_place() {
    let cases: &[(&str, &str)] = &[
        ("", "syntax"),
        ("{", "syntax"),
        ("[]", "unknown"),
        ("42", "unknown"),
        ("{\"hello\": 1}", "unknown"),
        ("{\"schedule\": {}}", "shape"),
        ("{\"schedule\": {\"conference\": {}}}", "nodays"),
        ("<schedule><day></schedule>", "shape"),
        ("<schedule>", "shape"),
        ("<html><body>hi</body></html>", "unknown"),
        ("<?xml version=\"1.0\"?><schedule/>", "nodays"),
        ("<a></a><b></b>", "shape"),
        ("<schedule a=1></schedule>", "shape"),
    ];
    for (input, want) in cases {
        let errors = import(input).expect_err(input);
        let got = match &errors[0].problem {
            Problem::Syntax { .. } => "syntax",
            Problem::UnknownFormat { .. } => "unknown",
            Problem::Shape { .. } => "shape",
            Problem::NoDays => "nodays",
            other => panic!("{input}: unexpected {other:?}"),
        };
        assert_eq!(got, *want, "{input}: {errors:?}");
    }
    // XML errors say where.
    let errors = import("<schedule>\n  <day>\n</schedule>").expect_err("mismatch");
    match &errors[0].problem {
        Problem::Shape { detail } => assert!(detail.contains("line 3, column 1"), "{detail}"),
        other => panic!("{other:?}"),
    }
    let huge = " ".repeat(seminarplan_core::parse::MAX_BYTES + 1);
    let errors = import(&huge).expect_err("too large");
    assert!(matches!(errors[0].problem, Problem::TooLarge { .. }));
}

#[test]
fn deep_nesting_is_refused_not_overflowing() {
    let xml = format!(
        "<schedule>{}{}</schedule>",
        "<x>".repeat(5_000),
        "</x>".repeat(5_000)
    );
    assert!(import(&xml).is_err());
    let json = format!(
        "{{\"schedule\": {}{}}}",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    assert!(import(&json).is_err());
}

#[test]
fn extreme_dates_are_left_out_not_overflowing() {
    let doc = |date: &str, duration: &str| {
        serde_json::json!({"schedule": {"conference": {"title": "x", "days": [{"index": 1,
            "date": "2026-01-01", "rooms": {"R": [
                {"id": 1, "date": "2026-01-01T10:00:00+01:00", "start": "10:00", "duration": "1:00", "title": "ok"},
                {"id": 2, "date": date, "duration": duration, "title": "edge"}
            ]}}]}}})
        .to_string()
    };
    let i = imported("edge", &doc("9998-12-31T23:00:00+14:00", "167:00"));
    assert_eq!(i.programme.sessions.len(), 2);
    for (date, duration) in [
        ("9999-12-31T23:59:59+14:00", "1:00"),
        ("+262143-12-31T23:59:59Z", "1:00"),
        ("0999-01-01T00:00:00-12:00", "1:00"),
    ] {
        let i = imported(date, &doc(date, duration));
        assert_eq!(i.programme.sessions.len(), 1, "{date}");
        assert!(!warnings(&i, |k| matches!(k, WarningKind::NoStart { .. })).is_empty());
    }
    let i = imported("week", &doc("2026-01-01T12:00:00+01:00", "999:00"));
    assert!(!warnings(&i, |k| matches!(k, WarningKind::BadDuration { .. })).is_empty());
}

#[test]
fn byte_order_mark_is_accepted() {
    let i = imported("bom", &format!("\u{feff}{AFTER_MIDNIGHT}"));
    assert_eq!(i.format, Format::FrabXml);
    let i = imported("bom", &format!("\u{feff}{DURATIONS}"));
    assert_eq!(i.format, Format::FrabJson);
}

// ---- Quirks of the real files, on the real files ----

#[test]
fn debconf_dates_in_utc_become_local() {
    let Some(text) = shared("debconf_dates_in_utc_become_local", "debconf23.xml") else {
        return;
    };
    let i = imported("debconf23", &text);
    let p = &i.programme;
    // <day date="2023-09-09" start="2023-09-09T21:30:00+00:00">: 03:00 on the 10th in Kochi.
    assert_warning(
        &i,
        "schedule/day[1]",
        WarningKind::DayDateNotLocal {
            given: date("2023-09-09"),
            local: date("2023-09-10"),
        },
    );
    assert_eq!(
        warnings(&i, |k| matches!(k, WarningKind::DayDateNotLocal { .. })).len(),
        8
    );
    assert_warning(
        &i,
        "schedule/day[1]/room[Anamudi]/event[35]",
        WarningKind::DatesNotLocal {
            offset: "+00:00".into(),
            local: "+05:30".into(),
        },
    );
    // <date>2023-09-10T01:30:00+00:00</date> <start>07:00</start>: breakfast at seven.
    let breakfast = session(p, "1");
    assert_eq!(breakfast.title, "Breakfast");
    assert_eq!(start(breakfast), "2023-09-10T07:00:00+05:30");
    assert_eq!(
        p.kind(breakfast),
        Kind::Meal,
        "no type: the title says meal"
    );
    assert!(warnings(&i, |k| matches!(k, WarningKind::AfterMidnight { .. })).is_empty());
}

#[test]
fn fosdem_2012_old_style_without_rooms_dates_or_zone() {
    let Some(text) = shared(
        "fosdem_2012_old_style_without_rooms_dates_or_zone",
        "fosdem-2012.xml",
    ) else {
        return;
    };
    let i = imported("fosdem-2012", &text);
    let p = &i.programme;
    assert_warning(
        &i,
        "",
        WarningKind::TimeZoneGuessed {
            city: "Brussels".into(),
            zone: "Europe/Brussels".into(),
        },
    );
    assert_warning(
        &i,
        "",
        WarningKind::LanguageMissing {
            count: 442,
            used: "en".into(),
        },
    );
    let s = session(p, "0");
    let text = s.abstract_text.as_deref().expect("abstract");
    // &lt;p&gt;… users&amp;#39; freedom …: escaped HTML with a doubly escaped apostrophe.
    assert!(text.contains("How is users' freedom protected"), "{text}");
    assert!(!text.contains("&#39;") && !text.contains("<p>"), "{text}");
    // Every abstract of both FOSDEM files ends up free of tags and references.
    for file in ["fosdem-2012.xml", "fosdem-2019.xml"] {
        let Some(text) = shared("fosdem_2012_old_style_without_rooms_dates_or_zone", file) else {
            return;
        };
        let i = imported(file, &text);
        for s in &i.programme.sessions {
            let a = s.abstract_text.as_deref().unwrap_or("");
            assert!(
                !a.contains("<p>") && !a.contains("&#"),
                "{file} {}: {a}",
                s.id
            );
        }
    }
}

#[test]
fn fosdem_2019_abstract_keeps_lists_and_links_as_markdown() {
    let Some(text) = shared(
        "fosdem_2019_abstract_keeps_lists_and_links_as_markdown",
        "fosdem-2019.xml",
    ) else {
        return;
    };
    let i = imported("fosdem-2019", &text);
    let with_list = i
        .programme
        .sessions
        .iter()
        .filter_map(|s| s.abstract_text.as_deref())
        .find(|a| a.contains("\n- ") && a.contains("]("))
        .expect("an abstract with a list and a link");
    let blocks = richtext::parse(with_list);
    assert!(
        blocks
            .iter()
            .any(|b| matches!(b, richtext::Block::List { .. }))
    );
}

#[test]
fn hub_v2_event_after_midnight_and_its_details() {
    let Some(text) = shared(
        "hub_v2_event_after_midnight_and_its_details",
        "hub-schedule2.json",
    ) else {
        return;
    };
    let i = imported("hub-schedule2", &text);
    let p = &i.programme;
    let late = session(p, "TPGRNN");
    assert_eq!(start(late), "2024-12-28T00:15:00+01:00");
    assert_eq!(late.day, 1, "listed under the date it starts on");
    assert_eq!(
        late.subtitle.as_deref(),
        Some("Most Wanted Using Deep Reinforcement Learning")
    );
    assert_warning(
        &i,
        "schedule.events[1]",
        WarningKind::AfterMidnight {
            day: date("2024-12-27"),
            date: date("2024-12-28"),
        },
    );
    let theme = &p.themes[late.themes[0]];
    assert_eq!(
        (theme.id.as_str(), theme.colour.as_str()),
        ("hardware-making", "#685b9d")
    );
    let open = session(p, "HQCCYH");
    assert_eq!(p.rooms[open.room.expect("room")].capacity, Some(3025));
    assert_eq!(
        open.url.as_deref(),
        Some("https://events.ccc.de/congress/2024/hub/event/38c3-opening-ceremony/")
    );
    let gabriela = &p.speakers[open.speakers[0]];
    assert!(
        gabriela
            .bio
            .as_deref()
            .unwrap_or("")
            .starts_with("Gabriela, the hacker")
    );
    assert!(
        !p.speakers.iter().any(|s| s.name == "Senficon"),
        "contributors are not speakers"
    );
}

#[test]
fn pretalx_export_says_utc_but_means_plus_one() {
    let Some(text) = shared(
        "pretalx_export_says_utc_but_means_plus_one",
        "pretalx-democon.json",
    ) else {
        return;
    };
    let i = imported("pretalx-democon", &text);
    assert_warning(
        &i,
        "",
        WarningKind::TimeZoneDisagrees {
            name: "UTC".into(),
            offset: "+01:00".into(),
            used: "Etc/GMT-1".into(),
        },
    );
    let s = session(&i.programme, "14");
    assert_eq!(s.title, "Managed stable function");
    assert_eq!(i.programme.kind(s), Kind::Workshop);
    assert_eq!(end(s), "2020-12-14T10:30:00+01:00", "01:30 long");
    let bio = i.programme.speakers[s.speakers[0]]
        .bio
        .as_deref()
        .unwrap_or("");
    assert!(bio.contains("\n\n"), "paragraphs kept: {bio}");
}

#[test]
fn camp_descriptions_lose_carriage_returns() {
    let Some(text) = shared(
        "camp_descriptions_lose_carriage_returns",
        "frab-camp2019.json",
    ) else {
        return;
    };
    let i = imported("camp2019", &text);
    let s = session(&i.programme, "10365");
    let a = s.abstract_text.as_deref().expect("abstract");
    assert!(a.starts_with("Introducing you to card10"), "{a}");
    assert!(a.contains("This year's 0b10nd edition") && !a.contains('\r'));
}

// ---- Each quirk on our own small fixtures ----

/// Issue 15: events without ids were numbered by position, so inserting one moved every
/// star after it onto another session; and without a short name the title made the id,
/// so editing the title lost every saved plan. Both now come from what does not move.
#[test]
fn ids_do_not_move_when_an_event_is_inserted_or_the_title_is_edited() {
    let ids_of = |text: &str| -> Vec<(String, String)> {
        let i = imported("edited", text);
        let mut v: Vec<(String, String)> = i
            .programme
            .sessions
            .iter()
            .map(|s| (s.title.clone(), s.id.clone()))
            .collect();
        v.sort();
        v
    };
    let mut doc: serde_json::Value = serde_json::from_str(WIDGET).expect("json");
    for talk in doc["talks"].as_array_mut().expect("talks") {
        talk.as_object_mut().expect("talk").remove("code");
        talk.as_object_mut().expect("talk").remove("id");
    }
    let before = ids_of(&doc.to_string());
    let mut inserted = doc.clone();
    let mut first = inserted["talks"][0].clone();
    first["title"] = serde_json::json!("Inserted first");
    inserted["talks"]
        .as_array_mut()
        .expect("talks")
        .insert(0, first);
    inserted["name"] = serde_json::json!({ "en": "A new title" });
    let after = ids_of(&inserted.to_string());
    for pair in &before {
        assert!(after.contains(pair), "{pair:?} kept in {after:?}");
    }
    assert_eq!(after.len(), before.len() + 1);
    let p = imported("titled", &inserted.to_string()).programme;
    assert_eq!(p.id, "programme-20261005", "the title does not make the id");
}

/// The quirks of frab-camp2019.json (descriptions with CR/LF line ends) and of
/// fosdem-2019.xml (HTML abstracts with lists and links), on our own fixture, so a clone
/// without ../shared/fixtures still checks them.
#[test]
fn carriage_returns_go_and_html_lists_become_markdown() {
    let i = imported("returns-and-lists", RETURNS_AND_LISTS);
    let p = &i.programme;
    let a = session(p, "1").abstract_text.as_deref().expect("abstract");
    assert!(a.starts_with("Introducing you to the badge."), "{a}");
    assert!(
        a.contains("This year's second edition") && !a.contains('\r'),
        "{a:?}"
    );
    let md = session(p, "2").abstract_text.as_deref().expect("abstract");
    assert!(
        md.contains("\n- ") && md.contains("](https://example.org/list)"),
        "{md}"
    );
    assert!(!md.contains("<li>") && !md.contains("<p>"), "{md}");
    let blocks = richtext::parse(md);
    assert!(
        blocks
            .iter()
            .any(|b| matches!(b, richtext::Block::List { .. })),
        "{blocks:?}"
    );
}

#[test]
fn durations_in_every_spelling() {
    let i = imported("durations", DURATIONS);
    let p = &i.programme;
    let cases = [
        ("1", "2026-05-04T09:30:00+02:00"),
        ("2", "2026-05-04T10:30:00+02:00"),
        ("3", "2026-05-04T12:00:00+02:00"),
        ("4", "2026-05-04T12:05:00+02:00"),
        ("5", "2026-05-04T14:30:00+02:00"),
        ("6", "2026-05-04T15:40:00+02:00"),
        ("7", "2026-05-04T16:15:00+02:00"),
        ("8", "2026-05-04T17:15:00+02:00"),
        ("9", "2026-05-04T18:15:00+02:00"),
    ];
    for (id, until) in cases {
        assert_eq!(end(session(p, id)), until, "event {id}");
    }
    let at = |n: usize| format!("schedule.conference.days[0].rooms.Hall[{n}]");
    for (n, value) in [(6, "0:00"), (7, "half an hour"), (8, "")] {
        assert_warning(
            &i,
            &at(n),
            WarningKind::BadDuration {
                value: value.into(),
                minutes: 15,
            },
        );
    }
    assert_warning(
        &i,
        &at(9),
        WarningKind::NoStart {
            value: "not a date".into(),
        },
    );
    assert!(p.session("10").is_none(), "left out");
    assert_eq!(p.sessions.len(), 9);
}

#[test]
fn zone_that_contradicts_the_offsets_is_overruled() {
    let i = imported("utc-disagrees", UTC_DISAGREES);
    assert_eq!(i.programme.conference.time_zone, "Etc/GMT-1");
    assert_eq!(
        start(session(&i.programme, "1")),
        "2026-01-20T09:00:00+01:00"
    );
    assert_warning(
        &i,
        "",
        WarningKind::TimeZoneDisagrees {
            name: "UTC".into(),
            offset: "+01:00".into(),
            used: "Etc/GMT-1".into(),
        },
    );
}

#[test]
fn wafer_utc_dates_beside_local_starts() {
    let i = imported("wafer-utc", WAFER_UTC);
    let p = &i.programme;
    assert_eq!(p.conference.days, [date("2026-09-10"), date("2026-09-11")]);
    assert_eq!(start(session(p, "1")), "2026-09-10T07:00:00+05:30");
    assert_eq!(start(session(p, "2")), "2026-09-10T10:30:00+05:30");
    assert_eq!(start(session(p, "3")), "2026-09-11T18:00:00+05:30");
    assert_eq!(session(p, "3").day, 1);
    assert_eq!(p.kind(session(p, "1")), Kind::Meal);
    assert_eq!(speaker_names(p, session(p, "3")), ["Asha Rao", "Bo Ek"]);
    assert_eq!(p.speakers.len(), 2, "people are merged by id");
    assert_warning(
        &i,
        "schedule/day[2]",
        WarningKind::DayDateNotLocal {
            given: date("2026-09-10"),
            local: date("2026-09-11"),
        },
    );
    assert_warning(
        &i,
        "schedule/day[1]/room[Anamudi]/event[1]",
        WarningKind::DatesNotLocal {
            offset: "+00:00".into(),
            local: "+05:30".into(),
        },
    );
}

#[test]
fn unknown_zone_takes_offsets_from_the_local_start_times() {
    let i = imported("unknown-zone", UNKNOWN_ZONE);
    let p = &i.programme;
    assert_eq!(p.conference.time_zone, "America/New_York");
    // 13:00 UTC written beside a local 09:00: New York summer time, found without tables.
    assert_eq!(start(session(p, "1")), "2026-07-01T09:00:00-04:00");
    // A start with no date at all gets the offset the other times showed.
    assert_eq!(start(session(p, "2")), "2026-07-01T11:00:00-04:00");
    assert_warning(
        &i,
        "",
        WarningKind::TimeZoneUnknown {
            name: "America/New_York".into(),
            used: "-04:00".into(),
        },
    );
}

#[test]
fn nights_past_midnight_old_style_days_and_summer_time() {
    let i = imported("after-midnight", AFTER_MIDNIGHT);
    let p = &i.programme;
    assert_eq!(
        p.conference.days,
        [date("2025-03-28"), date("2025-03-29"), date("2025-03-30")]
    );
    let runs_over = session(p, "101");
    assert_eq!(start(runs_over), "2025-03-28T22:00:00+01:00");
    assert_eq!(end(runs_over), "2025-03-28T23:30:00+01:00");
    // day_change 06:00: 01:00 on day one is the night after the 28th.
    assert_eq!(start(session(p, "102")), "2025-03-29T01:00:00+01:00");
    assert_warning(
        &i,
        "schedule/day[1]/event[102]",
        WarningKind::AfterMidnight {
            day: date("2025-03-28"),
            date: date("2025-03-29"),
        },
    );
    // The clocks go forward at 02:00 on 2025-03-30.
    assert_eq!(start(session(p, "202")), "2025-03-30T01:30:00+01:00");
    assert_eq!(start(session(p, "203")), "2025-03-30T04:00:00+02:00");
    assert_eq!(start(session(p, "201")), "2025-03-29T10:00:00+01:00");
    assert_warning(
        &i,
        "schedule/day[2]/event[202]",
        WarningKind::DayAdded {
            date: date("2025-03-30"),
        },
    );
    // No <room> wrapper: rooms come from the events; an empty <room> is no room.
    assert_eq!(room_name(p, runs_over).as_deref(), Some("Cellar"));
    assert_eq!(session(p, "103").room, None);
    assert_eq!(p.rooms.len(), 1);
    assert_warning(
        &i,
        "",
        WarningKind::TimeZoneGuessed {
            city: "Brussels".into(),
            zone: "Europe/Brussels".into(),
        },
    );
}

#[test]
fn escaped_and_doubly_escaped_html_and_markdown() {
    let i = imported("escaped", ESCAPED);
    let p = &i.programme;
    assert_eq!(p.conference.title.get("en", "en"), "Escapes & Markup");
    let s1 = session(p, "1");
    assert_eq!(s1.title, "Users' freedom & the cloud");
    assert_eq!(
        s1.abstract_text.as_deref(),
        Some(
            "How is users' freedom protected? \"Quoted\".\n\n\
             Second *paragraph* with [a link](https://example.org/more)."
        ),
        "HTML becomes our Markdown subset; the script is gone"
    );
    let s2 = session(p, "2");
    let md = s2.abstract_text.as_deref().expect("abstract");
    assert!(
        md.starts_with("We cover:\n\n- *parsing* & **validation**"),
        "{md}"
    );
    // The stored text keeps the author's Markdown; rendering makes only safe links.
    let blocks = richtext::parse(md);
    let rendered = format!("{blocks:?}");
    assert!(rendered.contains("https://example.org/real"));
    assert!(!rendered.contains("href: \"javascript"));
    let s3 = session(p, "3");
    assert_eq!(
        s3.abstract_text.as_deref(),
        Some("Short teaser.\n\nThe long description, in CDATA: <not a tag> & friends.")
    );
}

#[test]
fn languages_are_repaired_or_defaulted() {
    let i = imported("languages", LANGUAGES);
    let p = &i.programme;
    let lang = |id: &str| session(p, id).language.clone();
    assert_eq!(
        p.conference.language, "de",
        "the most common session language"
    );
    let expected = [
        ("1", "de"),
        ("2", "de"),
        ("3", "de"),
        ("4", "de"),
        ("5", "en"),
        ("6", "en"),
        ("7", "de"),
        ("8", "de"),
        ("9", "de"),
    ];
    for (id, code) in expected {
        assert_eq!(lang(id), code, "session {id}");
    }
    let at = |n: usize| format!("schedule.conference.days[0].rooms.Saal[{n}]");
    assert_warning(
        &i,
        &at(1),
        WarningKind::LanguageRepaired {
            from: "de, en".into(),
            to: "de".into(),
        },
    );
    assert_warning(
        &i,
        &at(5),
        WarningKind::LanguageRepaired {
            from: "English".into(),
            to: "en".into(),
        },
    );
    assert_warning(
        &i,
        &at(3),
        WarningKind::LanguageUnknown {
            from: "Klingon".into(),
            to: "de".into(),
        },
    );
    assert_warning(
        &i,
        &at(8),
        WarningKind::LanguageUnknown {
            from: "xx".into(),
            to: "de".into(),
        },
    );
    assert_warning(
        &i,
        "",
        WarningKind::LanguageMissing {
            count: 2,
            used: "de".into(),
        },
    );
    // "EN" and "de-AT" are fine as they are: no warning.
    assert!(
        !i.warnings
            .iter()
            .any(|w| w.path == at(4) || w.path == at(6))
    );
}

#[test]
fn ids_are_made_valid_and_unique() {
    let i = imported("ids", IDS);
    let p = &i.programme;
    assert_eq!(p.id, "ids-slugs-2026");
    let ids: Vec<&str> = p.sessions.iter().map(|s| s.id.as_str()).collect();
    // The event without an id gets one made from its title, start and room (issue 15: it
    // was `event-4`, its position, so inserting an event moved every star after it).
    let untitled = p
        .sessions
        .iter()
        .find(|s| s.title == "(untitled)")
        .expect("the untitled event")
        .id
        .clone();
    assert!(
        untitled.starts_with("event-") && untitled.len() == "event-".len() + 8,
        "{untitled}"
    );
    assert_warning(&i, "", WarningKind::IdsFromContent { count: 1 });
    for id in ["7", "7-2", "a-b-c", untitled.as_str(), "7-2-2"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert_eq!(session(p, "7").title, "First seven");
    assert_eq!(session(p, "7-2").title, "Second seven");
    assert_eq!(session(p, "7-2-2").title, "Claims the renamed id");
    let room = "schedule.conference.days[0].rooms.Room 1";
    assert_warning(
        &i,
        &format!("{room}[1]"),
        WarningKind::DuplicateId {
            id: "7".into(),
            renamed: "7-2".into(),
        },
    );
    assert_warning(
        &i,
        &format!("{room}[2]"),
        WarningKind::IdRewritten {
            from: "a b/c".into(),
            to: "a-b-c".into(),
        },
    );
    assert_warning(&i, &format!("{room}[3]"), WarningKind::NoTitle);
    assert_eq!(session(p, &untitled).title, "(untitled)");
    assert_warning(
        &i,
        &format!("{room}[3]"),
        WarningKind::UrlDropped {
            value: "javascript:alert(1)".into(),
        },
    );
    assert_eq!(
        session(p, &untitled).url.as_deref(),
        Some("https://example.org/ok"),
        "the first http(s) link"
    );
    // Two rooms whose names make the same id, and a person without an id.
    let room_ids: Vec<&str> = p.rooms.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(room_ids, ["room-1", "room-1-2"]);
    assert_eq!(speaker_names(p, session(p, "7-2")), ["Ada", "Nameless Id"]);
}

#[test]
fn blocks_only_where_seminars_start_together_in_three_rooms() {
    let i = imported("blocks", BLOCKS);
    let p = &i.programme;
    assert_eq!(p.blocks.len(), 1, "{:?}", p.blocks);
    let b = &p.blocks[0];
    assert_eq!(b.name.get("sv", "sv"), "10:00");
    assert_eq!(b.start.to_rfc3339(), "2026-06-10T10:00:00+02:00");
    assert_eq!(
        b.end.to_rfc3339(),
        "2026-06-10T11:00:00+02:00",
        "the latest end"
    );
    let in_block: Vec<&str> = p
        .sessions
        .iter()
        .filter(|s| s.block == Some(0))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(in_block, ["a2", "b2", "c2"]);
    // 11:00 in two rooms, lunch in three rooms, a keynote, a single talk: no blocks.
    for id in ["a1", "a3", "b3", "a4", "b4", "c4", "a5"] {
        assert_eq!(session(p, id).block, None, "{id}");
    }
    assert_eq!(p.kind(session(p, "a4")), Kind::Meal);
    assert_eq!(p.kind(session(p, "a1")), Kind::Plenary);
    // Track colours come from the palette, by name: Blue before Green.
    let colours: Vec<(&str, &str)> = p
        .themes
        .iter()
        .map(|t| (t.id.as_str(), t.colour.as_str()))
        .collect();
    assert_eq!(colours, [("green", "#359039"), ("blue", "#217de7")]);
}

#[test]
fn pretalx_widget_format() {
    let i = imported("widget", WIDGET);
    assert_eq!(i.format, Format::PretalxWidget);
    let p = &i.programme;
    assert_eq!(p.conference.days, [date("2026-10-05"), date("2026-10-06")]);
    assert_eq!(p.conference.time_zone, "Europe/Berlin");
    let talk = session(p, "ABC123");
    assert_eq!(room_name(p, talk).as_deref(), Some("Main hall"));
    assert_eq!(speaker_names(p, talk), ["Alex Example", "Kim Sample"]);
    assert_eq!(p.themes[talk.themes[0]].colour, "#aa3366");
    assert_eq!(end(talk), "2026-10-05T10:45:00+02:00");
    // No slug, event or name: the id comes from the first day, not `programme` (issue 15:
    // two such conferences on one site shared one plan), and the organiser is told.
    assert_eq!(p.id, "programme-20261005");
    assert_warning(
        &i,
        "",
        WarningKind::IdFromDays {
            id: "programme-20261005".into(),
        },
    );
    let coffee = session(p, "break-12");
    assert_eq!(coffee.title, "Coffee break");
    assert_eq!(p.kind(coffee), Kind::Break);
    assert_eq!(p.speakers[0].bio.as_deref(), Some("Writes widgets."));
}

#[test]
fn v2_times_written_in_utc_are_shown_local() {
    let i = imported("v2-utc", V2_UTC);
    let p = &i.programme;
    let open = session(p, "OPEN01");
    assert_eq!(start(open), "2026-12-27T10:30:00+01:00");
    assert_eq!(p.conference.language, "de", "the first of `languages`");
    assert_eq!(
        open.abstract_text.as_deref(),
        Some("Hallo"),
        "in the conference's language"
    );
    assert_eq!(speaker_names(p, open), ["Pat Speaker"]);
    assert_eq!(p.speakers[0].bio.as_deref(), Some("Pat speaks."));
    assert_eq!(p.rooms[0].capacity, Some(3000));
    assert_eq!(p.rooms[0].id, "saal-1");
    assert_warning(
        &i,
        "schedule.events[0]",
        WarningKind::DatesNotLocal {
            offset: "+00:00".into(),
            local: "+01:00".into(),
        },
    );
    let late = session(p, "LATE02");
    assert_eq!(p.kind(late), Kind::Social);
    assert_eq!(late.language, "de");
    assert_warning(
        &i,
        "schedule.events[1]",
        WarningKind::AfterMidnight {
            day: date("2026-12-27"),
            date: date("2026-12-28"),
        },
    );
}

#[test]
fn every_warning_reads_as_english() {
    for (name, text) in OWN {
        let i = imported(name, text);
        for w in &i.warnings {
            let d = w.describe();
            assert!(d.len() > 10 && !d.contains("{"), "{name}: {d}");
        }
    }
}

// The schema checks use `regex`, a native-only dev-dependency (this crate's tests are also
// compiled, not run, for wasm32 by clippy).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn imported_documents_satisfy_the_schema() {
    let v = super::schema::Validator::load();
    for (name, text) in OWN {
        let i = imported(name, text);
        let errors = v.validate(&i.document);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    for e in EXPECTED {
        let Some(text) = shared("imported_documents_satisfy_the_schema", e.file) else {
            return;
        };
        let i = imported(e.file, &text);
        let errors = v.validate(&i.document);
        assert!(errors.is_empty(), "{}: {errors:#?}", e.file);
    }
}
