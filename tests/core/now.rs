//! Now and next at the edges of sessions, blocks and days, and the "now" line.

use chrono::{DateTime, FixedOffset};
use seminarplan_core::grid::{Mode, layout};
use seminarplan_core::model::Programme;
use seminarplan_core::now::{Marker, NowNext, day_of, now_marker, now_next};
use seminarplan_core::parse::parse_programme;
use seminarplan_core::plan::Plan;

use super::{demo, small};

fn at(rfc: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc).expect("time")
}

fn plan(ids: &[&str]) -> Plan {
    let mut p = Plan::default();
    for id in ids {
        p.toggle(id);
    }
    p
}

fn ids(p: &Programme, list: &[usize]) -> Vec<String> {
    list.iter().map(|&ix| p.sessions[ix].id.clone()).collect()
}

/// Two seminar blocks with a gap between them (no break session), each with a session
/// that starts later in the block.
const GAP: &str = r#"{
  "format": "seminarplan/1", "id": "gap",
  "conference": { "title": "Gap", "time_zone": "Europe/Stockholm", "language": "sv",
                  "days": ["2027-03-16"] },
  "rooms": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
  "types": [ { "id": "t", "name": "T", "kind": "seminar" } ],
  "blocks": [
    { "id": "p1", "name": "Pass 1", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T10:00:00+01:00" },
    { "id": "p2", "name": "Pass 2", "start": "2027-03-16T10:30:00+01:00", "end": "2027-03-16T11:30:00+01:00" }
  ],
  "sessions": [
    { "id": "x1", "title": "X1", "type": "t", "room": "a", "block": "p1", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T10:00:00+01:00" },
    { "id": "x2", "title": "X2", "type": "t", "room": "b", "block": "p1", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T09:30:00+01:00" },
    { "id": "x3", "title": "X3", "type": "t", "room": "b", "block": "p1", "start": "2027-03-16T09:30:00+01:00", "end": "2027-03-16T10:00:00+01:00" },
    { "id": "y1", "title": "Y1", "type": "t", "room": "a", "block": "p2", "start": "2027-03-16T10:30:00+01:00", "end": "2027-03-16T11:30:00+01:00" },
    { "id": "y2", "title": "Y2", "type": "t", "room": "b", "block": "p2", "start": "2027-03-16T10:30:00+01:00", "end": "2027-03-16T11:00:00+01:00" },
    { "id": "y3", "title": "Y3", "type": "t", "room": "b", "block": "p2", "start": "2027-03-16T11:00:00+01:00", "end": "2027-03-16T11:30:00+01:00" }
  ]
}"#;

fn gap() -> Programme {
    parse_programme(GAP).expect("the gap programme is valid")
}

/// (now, starred, expected now, expected next, expected next start); `None` for no
/// strip at all.
type Case<'a> = (
    &'a str,
    &'a [&'a str],
    Option<(&'a [&'a str], &'a [&'a str], Option<&'a str>)>,
);

fn check(p: &Programme, cases: &[Case]) {
    for &(now, starred, expected) in cases {
        let got = now_next(p, at(now), &plan(starred));
        match expected {
            None => assert_eq!(got, None, "{now}"),
            Some((running, next, next_start)) => {
                let got = got.unwrap_or_else(|| panic!("{now}: expected now and next"));
                assert_eq!(ids(p, &got.now), running, "now at {now}");
                assert_eq!(ids(p, &got.next), next, "next at {now}");
                assert_eq!(got.next_start, next_start.map(at), "next start at {now}");
            }
        }
    }
}

#[test]
fn small_programme_edges() {
    let p = small();
    check(
        &p,
        &[
            // The day before, and the day after the conference.
            ("2027-03-15T13:30:00+01:00", &[], None),
            ("2027-03-18T09:30:00+01:00", &[], None),
            // Early on the first day: nothing yet, the opening next.
            (
                "2027-03-16T07:00:00+01:00",
                &[],
                Some((&[], &["open"], Some("2027-03-16T13:00:00+01:00"))),
            ),
            // A minute before the opening.
            (
                "2027-03-16T12:59:00+01:00",
                &[],
                Some((&[], &["open"], Some("2027-03-16T13:00:00+01:00"))),
            ),
            // Exactly at the start: running.
            (
                "2027-03-16T13:00:00+01:00",
                &[],
                Some((&["open"], &["s1", "s2"], Some("2027-03-16T14:00:00+01:00"))),
            ),
            // During the opening: the whole seminar block is next.
            (
                "2027-03-16T13:30:00+01:00",
                &[],
                Some((&["open"], &["s1", "s2"], Some("2027-03-16T14:00:00+01:00"))),
            ),
            // The visitor's choice comes first.
            (
                "2027-03-16T13:30:00+01:00",
                &["s2"],
                Some((&["open"], &["s2", "s1"], Some("2027-03-16T14:00:00+01:00"))),
            ),
            // Exactly at the opening's end it is over; the block runs.
            (
                "2027-03-16T14:00:00+01:00",
                &["s2"],
                Some((&["s2", "s1"], &["fika"], Some("2027-03-16T15:00:00+01:00"))),
            ),
            // During the last session of the day nothing else starts.
            (
                "2027-03-16T15:10:00+01:00",
                &[],
                Some((&["fika"], &[], None)),
            ),
            // At its end, and after it: the day is over.
            ("2027-03-16T15:30:00+01:00", &[], None),
            ("2027-03-16T20:00:00+01:00", &[], None),
            // The second day.
            (
                "2027-03-17T08:00:00+01:00",
                &[],
                Some((&[], &["d2"], Some("2027-03-17T09:00:00+01:00"))),
            ),
            ("2027-03-17T10:00:00+01:00", &[], None),
        ],
    );
}

#[test]
fn the_day_is_read_in_the_programmes_offset() {
    let p = small();
    // 23:30 UTC on the 16th is 00:30 on the 17th in Sweden: the second day.
    let late = at("2027-03-16T23:30:00Z");
    assert_eq!(day_of(&p, late), Some(1));
    let got = now_next(&p, late, &Plan::default()).expect("the second day");
    assert_eq!(got.day, 1);
    assert_eq!(ids(&p, &got.next), ["d2"]);
    assert_eq!(got.at, at("2027-03-17T00:30:00+01:00"));
    assert_eq!(got.at.offset().local_minus_utc(), 3600);
    // 12:30 UTC is 13:30 in Sweden: the opening runs.
    let got = now_next(&p, at("2027-03-16T12:30:00Z"), &Plan::default()).expect("day one");
    assert_eq!(ids(&p, &got.now), ["open"]);
    // 23:30 in Sweden on the 15th is 22:30 UTC: not a conference day.
    assert_eq!(day_of(&p, at("2027-03-15T22:30:00Z")), None);
    assert_eq!(day_of(&p, at("2027-03-15T23:00:00Z")), Some(0));
}

#[test]
fn breaks_between_blocks_and_sessions_later_in_a_block() {
    let p = gap();
    check(
        &p,
        &[
            // Inside pass 1: x3 starts later in the same block and is next on its own.
            (
                "2027-03-16T09:15:00+01:00",
                &[],
                Some((&["x1", "x2"], &["x3"], Some("2027-03-16T09:30:00+01:00"))),
            ),
            // The one that started last comes first, unless the visitor chose another.
            (
                "2027-03-16T09:45:00+01:00",
                &[],
                Some((
                    &["x3", "x1"],
                    &["y1", "y2", "y3"],
                    Some("2027-03-16T10:30:00+01:00"),
                )),
            ),
            (
                "2027-03-16T09:45:00+01:00",
                &["x1", "y3"],
                Some((
                    &["x1", "x3"],
                    &["y3", "y1", "y2"],
                    Some("2027-03-16T10:30:00+01:00"),
                )),
            ),
            // In the gap between the blocks nothing runs; the whole next block is next,
            // with the session that starts later in it.
            (
                "2027-03-16T10:00:00+01:00",
                &[],
                Some((&[], &["y1", "y2", "y3"], Some("2027-03-16T10:30:00+01:00"))),
            ),
            (
                "2027-03-16T10:29:59+01:00",
                &["y2"],
                Some((&[], &["y2", "y1", "y3"], Some("2027-03-16T10:30:00+01:00"))),
            ),
            // y2 ends as y3 starts.
            (
                "2027-03-16T11:00:00+01:00",
                &[],
                Some((&["y3", "y1"], &[], None)),
            ),
            ("2027-03-16T11:30:00+01:00", &[], None),
        ],
    );
}

#[test]
fn demo_during_a_block_and_in_a_break() {
    let p = demo();
    let t = at("2027-03-16T15:00:00+01:00");
    let got: NowNext = now_next(&p, t, &plan(&["s-105"])).expect("the first day");
    // Everything running, derived from the data: pass 1 and the exhibition.
    let mut expected: Vec<usize> = p
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.start <= t && t < s.end)
        .map(|(ix, _)| ix)
        .collect();
    let mut running = got.now.clone();
    running.sort_unstable();
    expected.sort_unstable();
    assert_eq!(running, expected);
    assert_eq!(got.now.len(), 9);
    // The visitor's seminar first, the day-long exhibition last.
    assert_eq!(p.sessions[got.now[0]].id, "s-105");
    assert_eq!(
        p.sessions[*got.now.last().expect("some")].id,
        "utstallning-1"
    );
    // Next: the coffee break at 15:45, which is in no block.
    assert_eq!(ids(&p, &got.next), ["paus-1b"]);

    // During that break the whole of pass 2 is next, with the short seminar at 17:00.
    let got = now_next(&p, at("2027-03-16T16:00:00+01:00"), &Plan::default()).expect("day one");
    assert_eq!(ids(&p, &got.now), ["paus-1b", "utstallning-1"]);
    let pass2: Vec<String> = p
        .sessions
        .iter()
        .filter(|s| s.block.is_some_and(|b| p.blocks[b].id == "pass-2"))
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(ids(&p, &got.next), pass2);
    assert!(pass2.contains(&"s-208".to_owned()));
    assert_eq!(got.next_start, Some(at("2027-03-16T16:15:00+01:00")));

    // Between the exhibition closing and the dinner nothing runs.
    let got = now_next(&p, at("2027-03-16T18:45:00+01:00"), &Plan::default()).expect("day one");
    assert!(got.now.is_empty());
    assert_eq!(ids(&p, &got.next), ["middag"]);
    // The dinner ends 23:30.
    assert!(now_next(&p, at("2027-03-16T23:30:00+01:00"), &Plan::default()).is_none());
    // The last day ends with lunch at 13:45.
    assert!(now_next(&p, at("2027-03-18T13:44:00+01:00"), &Plan::default()).is_some());
    assert!(now_next(&p, at("2027-03-18T13:45:00+01:00"), &Plan::default()).is_none());
    assert!(now_next(&p, at("2027-03-19T09:00:00+01:00"), &Plan::default()).is_none());
}

#[test]
fn now_marker_for_list_and_grid() {
    let p = small();
    let ix = |id: &str| p.session_ix(id).expect(id);
    let cases = [
        // (day, now, expected line before, or no line)
        (0, "2027-03-16T12:59:00+01:00", None),
        (0, "2027-03-16T13:00:00+01:00", Some(Some(ix("s1")))),
        (0, "2027-03-16T13:30:00+01:00", Some(Some(ix("s1")))),
        (0, "2027-03-16T14:30:00+01:00", Some(Some(ix("fika")))),
        (0, "2027-03-16T15:10:00+01:00", Some(None)),
        (0, "2027-03-16T15:30:00+01:00", None),
        // Another day shown than today: no line.
        (1, "2027-03-16T13:30:00+01:00", None),
        (0, "2027-03-17T09:30:00+01:00", None),
        (1, "2027-03-17T09:30:00+01:00", Some(None)),
    ];
    for (day, now, expected) in cases {
        let got = now_marker(&p, day, at(now));
        assert_eq!(got.map(|m| m.before), expected, "day {day} at {now}");
    }
    // The line's row in the day's grid, from a time in UTC.
    let marker: Marker = now_marker(&p, 0, at("2027-03-16T12:30:00Z")).expect("on day one");
    assert_eq!(marker.at, at("2027-03-16T13:30:00+01:00"));
    assert_eq!(seminarplan_core::time::clock(marker.at), "13:30");
    let grid = layout(&p, 0, |_| true, Mode::Dim);
    assert_eq!(grid.row_at(marker.at), Some(6));
}
