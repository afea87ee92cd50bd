//! The saved record: round trip, versions, and records we cannot read.

use seminarplan_core::plan::{MAX_REMOVALS, Plan, Snapshot, reconcile};
use seminarplan_core::saved::{
    DecodeError, MAX_RECORD, TooLarge, aside_key, decode, encode, key, salvage,
};

#[test]
fn round_trip_keeps_every_star() {
    let mut plan = Plan::default();
    for id in ["s-101", "s-302", "plenum-oppning"] {
        plan.toggle(id);
    }
    assert_eq!(decode(&encode(&plan).expect("a small plan fits")), Ok(plan));
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
            found: None,
        },
    );
    assert_eq!(
        decode(&encode(&plan).expect("a small plan fits")),
        Ok(plan.clone())
    );
    // A snapshot of a session no longer starred is not kept.
    let text = r#"{"v":2,"starred":["a"],"snapshots":{"b":{"title":"B","start":"x","end":"y"}}}"#;
    assert!(decode(text).expect("valid").snapshots.is_empty());
}

/// A plan with `ids` starred one after another.
fn starred(ids: &[&str]) -> Plan {
    let mut plan = Plan::default();
    for id in ids {
        plan.set(id, true);
    }
    plan
}

#[test]
fn stamps_and_removals_survive_a_round_trip() {
    let mut plan = starred(&["a", "b", "c"]);
    plan.set("b", false);
    let text = encode(&plan).expect("fits");
    let back = decode(&text).expect("readable");
    assert_eq!(back, plan);
    assert_eq!(back.starred.len(), 2);
    assert!(back.stamps.contains_key("b"), "the removal is remembered");
    // A record of the version before stamps reads with none, and still merges.
    let old = decode(r#"{"v":2,"starred":["a"]}"#).expect("readable");
    assert!(old.stamps.is_empty());
    assert!(reconcile(&old, &back).starred.contains("a"));
}

#[test]
fn two_copies_that_each_starred_one_session_merge_to_both() {
    // Two widgets (or tabs) started from the same saved plan, each starred another
    // session: whichever writes last, both stars are kept.
    let saved = starred(&["s-101"]);
    let mut one = saved.clone();
    one.set("s-207", true);
    let mut two = saved.clone();
    two.set("s-208", true);
    for (a, b) in [(&one, &two), (&two, &one)] {
        let merged = reconcile(a, b);
        let ids: Vec<&str> = merged.starred.iter().map(String::as_str).collect();
        assert_eq!(ids, ["s-101", "s-207", "s-208"]);
        // Merging again with either copy changes nothing.
        assert_eq!(reconcile(&merged, a).starred, merged.starred);
        assert_eq!(reconcile(b, &merged).starred, merged.starred);
    }
}

#[test]
fn the_later_change_wins_and_a_stale_copy_cannot_undo_it() {
    let stale = starred(&["x", "y"]);
    let mut newer = stale.clone();
    newer.set("x", false);
    newer.stamp_changes_since(&stale, 1_800_000_000_000);
    // The stale copy (a page restored from the back/forward cache) still has x.
    assert!(!reconcile(&stale, &newer).starred.contains("x"));
    assert!(!reconcile(&newer, &stale).starred.contains("x"));
    // Starring x again later (from the stale copy, once it has merged) brings it back.
    let mut again = reconcile(&stale, &newer);
    let before = again.clone();
    again.set("x", true);
    again.stamp_changes_since(&before, 1_800_000_000_500);
    assert!(reconcile(&newer, &again).starred.contains("x"));
    // On equal stamps a star wins over a removal: nothing chosen is lost.
    let mut on = Plan::default();
    on.starred.insert("z".into());
    on.stamps.insert("z".into(), 5);
    let mut off = Plan::default();
    off.stamps.insert("z".into(), 5);
    assert!(reconcile(&off, &on).starred.contains("z"));
}

#[test]
fn an_empty_copy_does_not_empty_the_plan() {
    // Another tab set the record aside and removed the key: this tab reads nothing.
    let mine = starred(&["a", "b"]);
    assert_eq!(reconcile(&mine, &Plan::default()), mine);
}

#[test]
fn removals_remembered_are_bounded() {
    let mut plan = Plan::default();
    for n in 0..MAX_REMOVALS + 50 {
        let id = format!("s{n}");
        plan.set(&id, true);
        plan.set(&id, false);
    }
    assert_eq!(plan.stamps.len(), MAX_REMOVALS);
    // The most recent ones are kept.
    assert!(plan.stamps.contains_key(&format!("s{}", MAX_REMOVALS + 49)));
    assert!(!plan.stamps.contains_key("s0"));
}

#[test]
fn encode_never_writes_a_record_decode_refuses() {
    // About 100 stars whose snapshots have very long titles: over 1 MB with them.
    let mut plan = Plan::default();
    for n in 0..120 {
        let id = format!("s-{n}");
        plan.set(&id, true);
        plan.snapshots.insert(
            id,
            Snapshot {
                title: "Lång titel ".repeat(1000),
                start: "2027-03-16T14:00:00+01:00".into(),
                end: "2027-03-16T15:00:00+01:00".into(),
                room: Some("Sal A".into()),
                gone: false,
                found: None,
            },
        );
    }
    let text = encode(&plan).expect("the stars fit without the snapshots");
    assert!(text.len() <= MAX_RECORD, "{} bytes", text.len());
    let back = decode(&text).expect("what encode writes, decode reads");
    assert_eq!(back.starred, plan.starred, "every star is kept");
    // Stars alone too many for one record: nothing is written rather than a record
    // that could not be read back.
    let mut huge = Plan::default();
    for n in 0..6000 {
        huge.starred.insert(format!("{n:0>190}"));
    }
    assert_eq!(encode(&huge), Err(TooLarge));
}

#[test]
fn salvage_reads_what_it_can_of_a_record_set_aside() {
    let ids = |p: Plan| p.starred.into_iter().collect::<Vec<_>>();
    // Cut short: the complete ids before the cut.
    assert_eq!(ids(salvage(r#"{"v":2,"starred":["s-101","s-2"#)), ["s-101"]);
    // From a newer version: its starred list.
    assert_eq!(
        ids(salvage(r#"{"v":7,"starred":["b","a"],"new":{"x":1}}"#)),
        ["a", "b"]
    );
    // Nothing readable: nothing.
    assert!(ids(salvage("not json")).is_empty());
    assert!(ids(salvage(r#"{"v":2,"starred":["<script>"]}"#)).is_empty());
}

/// Issue 28: restoring an oversized record set aside panicked when the 1 MB cut fell inside
/// `å` (`start byte index … is not a char boundary`). Every cut position inside a
/// two-, three- and four-byte character is tried; the ids before the cut are kept.
#[test]
fn salvage_of_an_oversized_record_cut_inside_a_character_keeps_what_precedes_it() {
    for ch in ["å", "€", "😀"] {
        for shift in 0..ch.len() {
            let mut text = format!(r#"{{"v":9,"starred":["s-101","Åsa-{}-"#, "x".repeat(shift));
            while text.len() <= MAX_RECORD + 8 {
                text.push_str(ch);
            }
            let ids: Vec<String> = salvage(&text).starred.into_iter().collect();
            assert_eq!(ids, ["s-101"], "{ch} shifted by {shift}");
        }
    }
}
