//! Parsing and every validation rule, each error with its place.

use chrono::NaiveDate;
use seminarplan_core::model::Kind;
use seminarplan_core::parse::{Problem, ProgrammeError, RefKind, parse_programme};
use serde_json::{Value, json};

use super::{SMALL, demo, small};

#[test]
fn small_fixture_parses_with_everything_in_place() {
    let p = small();
    assert_eq!(p.id, "liten-2027");
    assert_eq!(p.conference.days.len(), 2);
    assert_eq!(p.rooms.len(), 3);
    assert_eq!(p.sessions.len(), 5);
    let s1 = p.session("s1").expect("s1");
    assert_eq!(s1.title, "Hållbar upphandling i praktiken");
    assert_eq!(p.rooms[s1.room.expect("room")].id, "a");
    assert_eq!(p.blocks[s1.block.expect("block")].id, "pass-1");
    assert_eq!(p.speakers[s1.speakers[0]].name, "Anna Berg");
    assert_eq!(s1.language, "sv", "defaults to the conference language");
    assert_eq!(p.session("s2").expect("s2").language, "en");
    assert_eq!(s1.day, 0);
    assert_eq!(p.session("d2").expect("d2").day, 1);
    // Colours are normalised to lower case.
    assert_eq!(p.themes[0].colour, "#2e7d32");
    assert_eq!(p.kind(p.session("fika").expect("fika")), Kind::Break);
    // Sessions are in time order, then room order.
    let ids: Vec<&str> = p.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["open", "s1", "s2", "fika", "d2"]);
}

#[test]
fn demo_programme_is_valid_and_big_enough() {
    let p = demo();
    assert_eq!(p.conference.days.len(), 3);
    assert!(p.blocks.len() >= 6, "at least six seminar blocks");
    for (b, block) in p.blocks.iter().enumerate() {
        let n = p.sessions.iter().filter(|s| s.block == Some(b)).count();
        assert!((6..=10).contains(&n), "{} has {n} seminars", block.id);
    }
    let seminars = p
        .sessions
        .iter()
        .filter(|s| matches!(p.kind(s), Kind::Seminar | Kind::Workshop))
        .count();
    assert!(seminars >= 50, "{seminars} seminars");
    assert!(p.sessions.iter().any(|s| s.language == "en"));
}

#[test]
fn byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{SMALL}");
    assert!(parse_programme(&with_bom).is_ok());
}

/// Applies `edit` to the small fixture and returns the errors of parsing the result.
fn errors_after(edit: impl FnOnce(&mut Value)) -> Vec<ProgrammeError> {
    let mut doc: Value = serde_json::from_str(SMALL).expect("fixture is JSON");
    edit(&mut doc);
    match parse_programme(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e,
    }
}

fn check(name: &str, edit: impl FnOnce(&mut Value), path: &str, problem: Problem) {
    let errors = errors_after(edit);
    let expected = ProgrammeError {
        path: path.to_owned(),
        problem,
    };
    assert!(
        errors.contains(&expected),
        "{name}: expected {expected:?}, got {errors:?}"
    );
}

#[test]
#[allow(clippy::too_many_lines)] // A plain table of cases, one `check` per validation error.
fn every_validation_error_names_its_place() {
    check(
        "duplicate session id",
        |d| d["sessions"][2]["id"] = json!("s1"),
        "sessions[2].id",
        Problem::Duplicate { id: "s1".into() },
    );
    check(
        "duplicate room id",
        |d| d["rooms"][1]["id"] = json!("stora"),
        "rooms[1].id",
        Problem::Duplicate { id: "stora".into() },
    );
    check(
        "unknown room",
        |d| d["sessions"][1]["room"] = json!("sal-x"),
        "sessions[1].room",
        Problem::UnknownReference {
            kind: RefKind::Room,
            id: "sal-x".into(),
        },
    );
    check(
        "unknown theme",
        |d| d["sessions"][1]["themes"] = json!(["hallbarhet", "okand"]),
        "sessions[1].themes[1]",
        Problem::UnknownReference {
            kind: RefKind::Theme,
            id: "okand".into(),
        },
    );
    check(
        "unknown type",
        |d| d["sessions"][0]["type"] = json!("fest"),
        "sessions[0].type",
        Problem::UnknownReference {
            kind: RefKind::Type,
            id: "fest".into(),
        },
    );
    check(
        "unknown block",
        |d| d["sessions"][2]["block"] = json!("pass-9"),
        "sessions[2].block",
        Problem::UnknownReference {
            kind: RefKind::Block,
            id: "pass-9".into(),
        },
    );
    check(
        "unknown level",
        |d| d["sessions"][1]["level"] = json!("expert"),
        "sessions[1].level",
        Problem::UnknownReference {
            kind: RefKind::Level,
            id: "expert".into(),
        },
    );
    check(
        "unknown speaker",
        |d| d["sessions"][1]["speakers"] = json!(["anna", "nobody"]),
        "sessions[1].speakers[1]",
        Problem::UnknownReference {
            kind: RefKind::Speaker,
            id: "nobody".into(),
        },
    );
    check(
        "end before start",
        |d| d["sessions"][0]["end"] = json!("2027-03-16T12:00:00+01:00"),
        "sessions[0].end",
        Problem::EndNotAfterStart,
    );
    check(
        "end equal to start",
        |d| d["sessions"][0]["end"] = json!("2027-03-16T13:00:00+01:00"),
        "sessions[0].end",
        Problem::EndNotAfterStart,
    );
    check(
        "block end before start",
        |d| d["blocks"][0]["end"] = json!("2027-03-16T13:00:00+01:00"),
        "blocks[0].end",
        Problem::EndNotAfterStart,
    );
    check(
        "session outside the days",
        |d| {
            d["sessions"][4]["start"] = json!("2027-03-20T09:00:00+01:00");
            d["sessions"][4]["end"] = json!("2027-03-20T10:00:00+01:00");
        },
        "sessions[4].start",
        Problem::OutsideDays {
            date: NaiveDate::from_ymd_opt(2027, 3, 20).expect("date"),
        },
    );
    check(
        "block outside the days",
        |d| {
            d["blocks"][0]["start"] = json!("2027-03-15T14:00:00+01:00");
        },
        "blocks[0].start",
        Problem::OutsideDays {
            date: NaiveDate::from_ymd_opt(2027, 3, 15).expect("date"),
        },
    );
    check(
        "time without offset",
        |d| d["sessions"][3]["start"] = json!("2027-03-16T15:00:00"),
        "sessions[3].start",
        Problem::BadTime {
            value: "2027-03-16T15:00:00".into(),
        },
    );
    check(
        "bad day",
        |d| d["conference"]["days"][1] = json!("17/3 2027"),
        "conference.days[1]",
        Problem::BadDate {
            value: "17/3 2027".into(),
        },
    );
    check(
        "no days",
        |d| d["conference"]["days"] = json!([]),
        "conference.days",
        Problem::NoDays,
    );
    check(
        "bad colour",
        |d| d["themes"][0]["colour"] = json!("red; background:url(x)"),
        "themes[0].colour",
        Problem::BadColour {
            value: "red; background:url(x)".into(),
        },
    );
    check(
        "bad id",
        |d| d["sessions"][1]["id"] = json!("s 1<script>"),
        "sessions[1].id",
        Problem::BadId {
            value: "s 1<script>".into(),
        },
    );
    check(
        "bad programme id",
        |d| d["id"] = json!(""),
        "id",
        Problem::BadId { value: "".into() },
    );
    check(
        "wrong format",
        |d| d["format"] = json!("frab"),
        "format",
        Problem::UnknownFormat {
            found: "frab".into(),
        },
    );
    check(
        "missing format",
        |d| {
            d.as_object_mut().expect("object").remove("format");
        },
        "format",
        Problem::UnknownFormat { found: "".into() },
    );
}

#[test]
fn shape_errors_carry_the_path() {
    let errors = errors_after(|d| d["sessions"][3]["title"] = json!(42));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "sessions[3].title");
    assert!(matches!(errors[0].problem, Problem::Shape { .. }));

    let errors = errors_after(|d| {
        d["sessions"][1]
            .as_object_mut()
            .expect("object")
            .remove("start");
    });
    assert_eq!(errors[0].path, "sessions[1]");
    match &errors[0].problem {
        Problem::Shape { detail } => assert!(detail.contains("start"), "{detail}"),
        other => panic!("unexpected {other:?}"),
    }

    let errors = errors_after(|d| d["types"][0]["kind"] = json!("party"));
    assert_eq!(errors[0].path, "types[0].kind");
}

/// The path of a shape error, in compact and in pretty-printed (multi-line) JSON alike.
fn shape_path(edit: impl Fn(&mut Value)) -> Vec<String> {
    let mut doc: Value = serde_json::from_str(SMALL).expect("fixture is JSON");
    edit(&mut doc);
    let texts = [
        doc.to_string(),
        serde_json::to_string_pretty(&doc).expect("JSON"),
    ];
    texts
        .iter()
        .map(|text| {
            let errors = parse_programme(text).expect_err("a shape error");
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(
                matches!(errors[0].problem, Problem::Shape { .. }),
                "{errors:?}"
            );
            errors[0].path.clone()
        })
        .collect()
}

#[test]
fn shape_error_paths_name_the_value_in_any_layout() {
    let both = |p: &str| vec![p.to_owned(), p.to_owned()];
    // A wrong value inside a list inside a list item.
    assert_eq!(
        shape_path(|d| d["sessions"][2]["themes"] = json!(["t", 7])),
        both("sessions[2].themes[1]")
    );
    // A list or object where a string belongs, and a string where a list belongs.
    assert_eq!(
        shape_path(|d| d["sessions"][4]["title"] = json!(["a", "b"])),
        both("sessions[4].title")
    );
    assert_eq!(shape_path(|d| d["rooms"] = json!("many")), both("rooms"));
    assert_eq!(shape_path(|d| d["rooms"] = json!([5])), both("rooms[0]"));
    // A text that is neither a string nor a map of strings.
    assert_eq!(
        shape_path(|d| d["conference"]["title"] = json!({ "sv": 1 })),
        both("conference.title")
    );
    // A negative capacity; a missing field of the document itself, and of a block.
    assert_eq!(
        shape_path(|d| d["rooms"][1]["capacity"] = json!(-3)),
        both("rooms[1].capacity")
    );
    assert_eq!(
        shape_path(|d| {
            d.as_object_mut().expect("object").remove("sessions");
        }),
        both("")
    );
    assert_eq!(
        shape_path(|d| {
            d["blocks"][0]
                .as_object_mut()
                .expect("object")
                .remove("end");
        }),
        both("blocks[0]")
    );
    // Keys with escapes and unknown fields (ignored) before the wrong value.
    assert_eq!(
        shape_path(|d| {
            d["sessions"][1]["a\"\\y"] = json!({ "deep": [1, { "a": "}]" }] });
            d["sessions"][1]["url"] = json!(false);
        }),
        both("sessions[1].url")
    );
}

#[test]
fn several_errors_are_reported_together() {
    let errors = errors_after(|d| {
        d["sessions"][1]["room"] = json!("x");
        d["sessions"][2]["room"] = json!("y");
        d["sessions"][0]["end"] = json!("2027-03-16T12:00:00+01:00");
    });
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn broken_text_reports_line_and_column_and_never_panics() {
    let cut = &SMALL[..SMALL.len() / 2];
    let errors = parse_programme(cut).expect_err("truncated");
    assert!(matches!(errors[0].problem, Problem::Syntax { .. }));

    for input in [
        "",
        "null",
        "[]",
        "42",
        "{",
        "\"x\"",
        "{\"format\": 1}",
        "{\"format\": \"seminarplan/1\"}",
    ] {
        let errors = parse_programme(input).expect_err(input);
        assert!(!errors.is_empty(), "{input}");
    }
    let errors =
        parse_programme("{\n  \"format\": \"seminarplan/1\",\n  x\n}").expect_err("syntax");
    assert_eq!(errors[0].problem, Problem::Syntax { line: 3, column: 3 });
}

#[test]
fn every_prefix_of_the_demo_is_refused_without_panic() {
    let text = seminarplan_core::DEMO_PROGRAMME;
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            assert!(parse_programme(&text[..cut]).is_err());
        }
        cut += 997;
    }
}

#[test]
fn too_large_is_refused_before_parsing() {
    let huge = " ".repeat(seminarplan_core::parse::MAX_BYTES + 1);
    let errors = parse_programme(&huge).expect_err("too large");
    assert!(matches!(errors[0].problem, Problem::TooLarge { .. }));
}

#[test]
fn unsafe_urls_are_dropped() {
    let p = {
        let mut doc: Value = serde_json::from_str(SMALL).expect("json");
        doc["sessions"][1]["url"] = json!("javascript:alert(1)");
        doc["sessions"][2]["url"] = json!("https://example.org/s2");
        parse_programme(&doc.to_string()).expect("valid")
    };
    assert_eq!(p.session("s1").expect("s1").url, None);
    assert_eq!(
        p.session("s2").expect("s2").url.as_deref(),
        Some("https://example.org/s2")
    );
}

#[test]
fn disguising_characters_are_removed_from_programme_text() {
    let mut doc: Value = serde_json::from_str(SMALL).expect("json");
    doc["sessions"][1]["title"] = json!("Safe \u{202e}txet desrever\u{202c} title\u{0007}");
    doc["speakers"][0]["name"] = json!("Anna\u{2066} Berg\u{2069}");
    doc["rooms"][0]["name"] = json!({ "sv": "Stora\u{202d} salen", "en": "Big hall" });
    doc["sessions"][1]["abstract"] = json!("Rad ett\nrad två\tmed tab");
    let p = parse_programme(&doc.to_string()).expect("valid");
    let s1 = p.session("s1").expect("s1");
    assert_eq!(s1.title, "Safe txet desrever title");
    assert_eq!(p.speakers[0].name, "Anna Berg");
    assert_eq!(p.rooms[0].name.get("sv", "sv"), "Stora salen");
    assert_eq!(
        s1.abstract_text.as_deref(),
        Some("Rad ett\nrad två\tmed tab")
    );
}
