//! Hostile sizes and shapes (issue 8): huge texts are kept or bounded, deep nesting is
//! refused with a clear error, and nothing overflows the stack or takes long.

use seminarplan_core::import::import;
use seminarplan_core::lang::Lang;
use seminarplan_core::parse::{MAX_BYTES, Problem, parse_programme};
use seminarplan_core::richtext::{self, MAX_INPUT_BYTES};
use serde_json::{Value, json};

use super::SMALL;

/// The small fixture with its first session's `field` set to `value`.
fn small_with(field: &str, value: Value) -> String {
    let mut doc: Value = serde_json::from_str(SMALL).expect("the small fixture is JSON");
    doc["sessions"][0][field] = value;
    serde_json::to_string(&doc).expect("JSON")
}

/// Runs `f` on a thread with a small stack (1 MB, the stack a wasm32 build gets by default), so
/// recursion that depends on the input would overflow here first.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic and no stack overflow")
}

#[test]
fn a_ten_thousand_character_title_is_kept_whole() {
    let title = "Å".repeat(10_000);
    let text = small_with("title", json!(title));
    let programme = import(&text).expect("a long title is allowed").programme;
    assert_eq!(programme.sessions[0].title, title);
}

#[test]
fn a_ten_megabyte_abstract_is_read_and_its_rendering_is_bounded() {
    let paragraph = "Hållbar upphandling <b>i praktiken</b> med [länk](https://example.org). ";
    let abstract_text = paragraph.repeat(10 * 1024 * 1024 / paragraph.len() + 1);
    assert!(abstract_text.len() > 10 * 1024 * 1024);
    let text = small_with("abstract", json!(abstract_text));
    assert!(text.len() < MAX_BYTES, "under the file limit");
    let programme = on_small_stack(move || import(&text).map(|i| i.programme));
    let programme = programme.expect("a 10 MB abstract is allowed");
    let kept = programme.sessions[0]
        .abstract_text
        .clone()
        .unwrap_or_default();
    assert_eq!(kept.len(), abstract_text.len(), "the file's text is kept");
    let blocks = on_small_stack(move || richtext::parse(&kept));
    let shown = richtext::to_text(&blocks);
    assert!(
        shown.len() <= MAX_INPUT_BYTES + 16 && shown.trim_end().ends_with('…'),
        "what is shown is cut at the bound and marked ({} bytes)",
        shown.len()
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_parsing() {
    let text = format!(
        "{{\"format\":\"seminarplan/1\",\"x\":\"{}\"}}",
        "a".repeat(MAX_BYTES)
    );
    let Err(errors) = import(&text) else {
        panic!("a file over the limit must be refused")
    };
    assert!(
        matches!(errors[0].problem, Problem::TooLarge { .. }),
        "{errors:?}"
    );
    assert!(Lang::Sv.problem(&errors[0]).contains("för stor"));
}

#[test]
fn deeply_nested_json_is_refused_with_a_clear_error() {
    for (name, deep) in [
        (
            "arrays",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "objects",
            format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
        ),
        (
            "inside a programme",
            SMALL.replacen(
                "{",
                &format!("{{\"x\":{}{},", "[".repeat(100_000), "]".repeat(100_000)),
                1,
            ),
        ),
        ("unclosed", "[".repeat(100_000)),
    ] {
        let errors = on_small_stack(move || import(&deep).err()).expect("refused");
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            matches!(errors[0].problem, Problem::TooDeep { .. }),
            "{name}: {errors:?}"
        );
        let sv = Lang::Sv.problem(&errors[0]);
        let en = Lang::En.problem(&errors[0]);
        assert!(sv.contains("för djupt nästlad"), "{sv}");
        assert!(en.contains("nested too deeply"), "{en}");
    }
    // Our own parser, called directly, says the same.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = on_small_stack(move || parse_programme(&deep).err()).expect("refused");
    assert!(
        matches!(errors[0].problem, Problem::TooDeep { .. }),
        "{errors:?}"
    );
    // Shallow nesting inside a valid programme is fine (an unknown field is ignored).
    let shallow = SMALL.replacen("{", "{\"x\":[[[[[[[[[[]]]]]]]]]],", 1);
    assert!(import(&shallow).is_ok());
}

#[test]
fn deeply_nested_xml_is_refused_with_a_clear_error() {
    let deep = format!(
        "<?xml version=\"1.0\"?>{}{}",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    let errors = on_small_stack(move || import(&deep).err()).expect("refused");
    let text = Lang::En.problem(&errors[0]);
    assert!(text.contains("nested deeper than 64"), "{text}");
}

#[test]
fn deeply_nested_rich_text_is_bounded() {
    for deep in [
        "<b>".repeat(100_000),
        "<ul><li>".repeat(50_000),
        "*".repeat(100_000),
        "[".repeat(100_000),
        format!("{}x{}", "**".repeat(50_000), "**".repeat(50_000)),
    ] {
        let len = deep.len();
        let blocks = on_small_stack(move || richtext::parse(&deep));
        assert!(richtext::to_text(&blocks).len() <= len + 16);
    }
}

/// Issue 15: 50,000 events with the same id took minutes to import (each clash counted up
/// from `-2` again). They now import, every id unique, in well under a second in a release
/// build (BENCHMARKS.md; no timing assertion here).
#[test]
fn fifty_thousand_events_with_one_id_import() {
    use seminarplan_core::generate::{Hostile, hostile_frab};
    let text = hostile_frab(50_000, Hostile::SameId);
    let imported = import(&text).expect("imported");
    let p = &imported.programme;
    assert_eq!(p.sessions.len(), 50_000);
    let ids: std::collections::HashSet<&str> = p.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 50_000, "every id unique");
    assert!(ids.contains("0") && ids.contains("0-2") && ids.contains("0-50000"));
}

/// The other shapes that were quadratic: a room and a speaker per event, a day per event
/// (20,000 here to keep a debug run short; the benchmark imports 50,000 of each).
#[test]
fn twenty_thousand_rooms_or_days_import() {
    use seminarplan_core::generate::{Hostile, hostile_frab};
    let n = 20_000;
    for shape in [Hostile::ManyRooms, Hostile::ManyDays] {
        let imported = import(&hostile_frab(n, shape)).expect("imported");
        let p = &imported.programme;
        assert_eq!(p.sessions.len(), n, "{shape:?}");
        match shape {
            Hostile::ManyRooms => assert_eq!((p.rooms.len(), p.speakers.len()), (n, n)),
            _ => assert_eq!(p.conference.days.len(), n),
        }
    }
}
