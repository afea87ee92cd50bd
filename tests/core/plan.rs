//! The plan: starring, clashes from real times, and starred ids the programme lost.

use seminarplan_core::plan::{Clash, Plan, clashes, clashing_with};
use serde_json::{Value, json};

use super::{SMALL, demo, small};

fn plan(ids: &[&str]) -> Plan {
    let mut p = Plan::default();
    for id in ids {
        p.toggle(id);
    }
    p
}

#[test]
fn toggle_stars_and_unstars() {
    let mut p = Plan::default();
    assert!(p.toggle("s1"));
    assert!(p.is_starred("s1"));
    assert!(!p.toggle("s1"));
    assert!(p.is_empty());
}

#[test]
fn clashes_table() {
    let programme = small();
    /// The clashes expected, as (a, b, same block).
    type Expected<'a> = &'a [(&'a str, &'a str, bool)];
    let cases: &[(&[&str], Expected)] = &[
        (&[], &[]),
        (&["s1"], &[]),
        (&["s1", "s2"], &[("s1", "s2", true)]),
        // The opening ends at 14:00 when s1 starts: touching is not a clash.
        (&["open", "s1"], &[]),
        // A session on another day never clashes.
        (&["s1", "d2"], &[]),
        (&["open", "s1", "s2", "d2"], &[("s1", "s2", true)]),
    ];
    for (starred, expected) in cases {
        let got = clashes(&programme, &plan(starred));
        let expected: Vec<Clash> = expected
            .iter()
            .map(|(a, b, same)| Clash {
                a: (*a).into(),
                b: (*b).into(),
                same_block: *same,
            })
            .collect();
        assert_eq!(got, expected, "starred {starred:?}");
    }
}

#[test]
fn overlap_outside_blocks_is_a_clash_too() {
    // Make the plenary run into the block: a clash from real times, not from blocks.
    let mut doc: Value = serde_json::from_str(SMALL).expect("json");
    doc["sessions"][0]["end"] = json!("2027-03-16T14:15:00+01:00");
    let programme = seminarplan_core::parse::parse_programme(&doc.to_string()).expect("valid");
    let got = clashes(&programme, &plan(&["open", "s2"]));
    assert_eq!(
        got,
        vec![Clash {
            a: "open".into(),
            b: "s2".into(),
            same_block: false
        }]
    );
}

#[test]
fn two_short_sessions_one_after_the_other_in_a_block_do_not_clash() {
    let mut doc: Value = serde_json::from_str(SMALL).expect("json");
    doc["sessions"][1]["end"] = json!("2027-03-16T14:30:00+01:00");
    doc["sessions"][2]["start"] = json!("2027-03-16T14:30:00+01:00");
    let programme = seminarplan_core::parse::parse_programme(&doc.to_string()).expect("valid");
    assert!(clashes(&programme, &plan(&["s1", "s2"])).is_empty());
}

#[test]
fn clashing_with_names_the_other_side() {
    let programme = small();
    let found = clashes(&programme, &plan(&["s1", "s2"]));
    assert_eq!(clashing_with(&found, "s1").collect::<Vec<_>>(), ["s2"]);
    assert_eq!(clashing_with(&found, "s2").collect::<Vec<_>>(), ["s1"]);
    assert_eq!(clashing_with(&found, "open").count(), 0);
}

#[test]
fn whole_block_starred_in_the_demo_clashes_pairwise() {
    let programme = demo();
    let block = programme
        .blocks
        .iter()
        .position(|b| b.id == "pass-3")
        .expect("pass-3");
    // Seminars that all run the whole block.
    let full: Vec<&str> = programme
        .sessions
        .iter()
        .filter(|s| {
            s.block == Some(block)
                && s.start == programme.blocks[block].start
                && s.end == programme.blocks[block].end
        })
        .map(|s| s.id.as_str())
        .collect();
    let n = full.len();
    assert!(n >= 2);
    let found = clashes(&programme, &plan(&full));
    assert_eq!(found.len(), n * (n - 1) / 2);
    assert!(found.iter().all(|c| c.same_block));
}

#[test]
fn starred_ids_the_programme_lost_are_reported_not_dropped() {
    let programme = small();
    let p = plan(&["s1", "gone-1"]);
    assert_eq!(p.missing(&programme).collect::<Vec<_>>(), ["gone-1"]);
    assert!(clashes(&programme, &p).is_empty());
}

#[test]
fn block_choices_show_chosen_and_empty_blocks() {
    use seminarplan_core::plan::block_choices;
    let programme = demo();
    let p = plan(&["s-101", "s-301", "s-302"]);
    let choices = block_choices(&programme, &p);
    assert_eq!(choices.len(), programme.blocks.len());
    // In time order.
    assert!(
        choices
            .windows(2)
            .all(|w| programme.blocks[w[0].block].start <= programme.blocks[w[1].block].start)
    );
    let by_id = |id: &str| {
        choices
            .iter()
            .find(|c| programme.blocks[c.block].id == id)
            .expect("block")
            .chosen
            .iter()
            .map(|&i| programme.sessions[i].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(by_id("pass-1"), ["s-101"]);
    assert_eq!(by_id("pass-2"), Vec::<String>::new());
    assert_eq!(by_id("pass-3"), ["s-301", "s-302"]);
}

#[test]
fn choose_instead_swaps_the_clashing_choice() {
    use seminarplan_core::plan::choose_instead;
    let programme = small();
    let mut p = plan(&["s1", "open", "d2"]);
    let removed = choose_instead(&programme, &mut p, "s2");
    assert_eq!(removed, ["s1"]);
    assert_eq!(
        p.starred.iter().map(String::as_str).collect::<Vec<_>>(),
        ["d2", "open", "s2"]
    );
    assert!(clashes(&programme, &p).is_empty());
    // Choosing what is already the only choice changes nothing.
    assert!(choose_instead(&programme, &mut p, "s2").is_empty());
    assert!(p.is_starred("s2"));
}

fn with(edit: impl FnOnce(&mut Value)) -> seminarplan_core::model::Programme {
    let mut doc: Value = serde_json::from_str(SMALL).expect("json");
    edit(&mut doc);
    seminarplan_core::parse::parse_programme(&doc.to_string()).expect("valid")
}

#[test]
fn snapshot_diff_reports_moved_renamed_room_and_cancelled() {
    use seminarplan_core::plan::{Change, changes};
    let before = small();
    let mut p = plan(&["s1", "s2", "open", "d2"]);
    p.fill_snapshots(&before);
    assert!(changes(&before, &p).is_empty(), "nothing changed yet");

    let after = with(|d| {
        // s1 moved half an hour, s2 renamed, the opening moved room, d2 cancelled.
        d["sessions"][1]["start"] = json!("2027-03-16T14:30:00+01:00");
        d["sessions"][1]["end"] = json!("2027-03-16T15:30:00+01:00");
        d["sessions"][2]["title"] = json!("Överprövningar 2.0");
        d["sessions"][0]["room"] = json!("a");
        d["sessions"].as_array_mut().expect("array").remove(4);
    });
    let found = changes(&after, &p);
    assert_eq!(
        found,
        vec![
            Change::Cancelled {
                id: "d2".into(),
                title: "Avslutning".into()
            },
            Change::RoomChanged {
                id: "open".into(),
                title: "Öppning".into(),
                from: Some("Stora salen".into()),
                to: Some("Sal A".into())
            },
            Change::Moved {
                id: "s1".into(),
                title: "Hållbar upphandling i praktiken".into(),
                from: "2027-03-16T14:00:00+01:00".into(),
                to: "2027-03-16T14:30:00+01:00".into()
            },
            Change::Renamed {
                id: "s2".into(),
                from: "Overprövningar".into(),
                to: "Överprövningar 2.0".into()
            },
        ]
    );
    // Once acknowledged, nothing is reported again, and the cancelled star is still there.
    p.acknowledge(&after);
    assert!(changes(&after, &p).is_empty());
    assert!(p.is_starred("d2"));
    assert_eq!(p.missing(&after).collect::<Vec<_>>(), ["d2"]);
}
