//! The saved record: round trip, versions, and records we cannot read.

use seminarplan_core::plan::{Plan, Snapshot};
use seminarplan_core::saved::{DecodeError, aside_key, decode, encode, key};

#[test]
fn round_trip_keeps_every_star() {
    let mut plan = Plan::default();
    for id in ["s-101", "s-302", "plenum-oppning"] {
        plan.toggle(id);
    }
    assert_eq!(decode(&encode(&plan)), Ok(plan));
}

#[test]
fn key_includes_namespace_and_programme() {
    assert_eq!(
        key("default", "inkopsforum-2027"),
        "seminarplan:default:plan:inkopsforum-2027"
    );
    assert_ne!(key("a", "x"), key("b", "x"));
    assert_ne!(key("a", "x"), key("a", "y"));
    assert!(aside_key(&key("a", "x"), "123").starts_with(&key("a", "x")));
    assert_ne!(aside_key(&key("a", "x"), "123"), key("a", "x"));
}

#[test]
fn decode_table() {
    let cases: &[(&str, Result<&[&str], DecodeError>)] = &[
        (r#"{"v":1,"starred":["a","b"]}"#, Ok(&["a", "b"])),
        (r#"{"v":1,"starred":[]}"#, Ok(&[])),
        // Unknown fields from a later minor change are ignored.
        (r#"{"v":1,"starred":["a"],"extra":true}"#, Ok(&["a"])),
        // Ids that could never be a session are not kept.
        (r#"{"v":1,"starred":["a","<b>"]}"#, Ok(&["a"])),
        // Version 1 (no snapshots) is migrated.
        (r#"{"v":1,"starred":["b","a"]}"#, Ok(&["a", "b"])),
        (r#"{"v":2,"starred":["a"],"snapshots":{}}"#, Ok(&["a"])),
        (r#"{"v":3,"starred":["a"]}"#, Err(DecodeError::Future(3))),
        (r#"{"v":99}"#, Err(DecodeError::Future(99))),
        ("", Err(DecodeError::Corrupt)),
        ("not json", Err(DecodeError::Corrupt)),
        ("[1,2]", Err(DecodeError::Corrupt)),
        (r#"{"starred":["a"]}"#, Err(DecodeError::Corrupt)),
        (r#"{"v":1,"starred":"a"}"#, Err(DecodeError::Corrupt)),
        (r#"{"v":1,"starred":[1,2]}"#, Err(DecodeError::Corrupt)),
        (r#"{"v":-1,"starred":[]}"#, Err(DecodeError::Corrupt)),
    ];
    for (input, expected) in cases {
        let got = decode(input).map(|p| p.starred.into_iter().collect::<Vec<_>>());
        let expected = expected
            .clone()
            .map(|ids| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(got, expected, "input {input:?}");
    }
}

#[test]
fn oversized_record_is_refused() {
    let big = format!(r#"{{"v":1,"starred":["{}"]}}"#, "a".repeat(2 * 1024 * 1024));
    assert_eq!(decode(&big), Err(DecodeError::Corrupt));
}

#[test]
fn snapshots_survive_a_round_trip_and_stale_ones_are_dropped() {
    let mut plan = Plan::default();
    plan.toggle("s1");
    plan.snapshots.insert(
        "s1".into(),
        Snapshot {
            title: "Hållbar; upphandling".into(),
            start: "2027-03-16T14:00:00+01:00".into(),
            end: "2027-03-16T15:00:00+01:00".into(),
            room: Some("Sal A".into()),
            gone: false,
        },
    );
    assert_eq!(decode(&encode(&plan)), Ok(plan.clone()));
    // A snapshot of a session no longer starred is not kept.
    let text = r#"{"v":2,"starred":["a"],"snapshots":{"b":{"title":"B","start":"x","end":"y"}}}"#;
    assert!(decode(text).expect("valid").snapshots.is_empty());
}
