//! The timetable layout: columns per room, 5-minute rows, spans, lanes, dim and hide.

use chrono::{DateTime, FixedOffset};
use seminarplan_core::grid::{
    Column, Grid, MOST_LINES, Mode, Placed, layout, lines_css, lines_that_fit, placement_css,
};
use seminarplan_core::model::Programme;
use seminarplan_core::parse::parse_programme;

use super::{demo, small};

fn at(rfc: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc).expect("time")
}

fn placed<'a>(grid: &'a Grid, p: &Programme, id: &str) -> &'a Placed {
    let ix = p.session_ix(id).expect(id);
    grid.items
        .iter()
        .find(|i| i.session == ix)
        .unwrap_or_else(|| panic!("{id} is not in the grid"))
}

fn room_ids(grid: &Grid, p: &Programme) -> Vec<String> {
    grid.rooms
        .iter()
        .map(|c| c.room.map_or("-".to_owned(), |r| p.rooms[r].id.clone()))
        .collect()
}

/// A programme whose single room has sessions overlapping three deep, then two deep,
/// then not at all; and sessions at odd minutes and without a room.
const LANES: &str = r#"{
  "format": "seminarplan/1", "id": "lanes",
  "conference": { "title": "Lanes", "time_zone": "Europe/Stockholm", "language": "sv",
                  "days": ["2027-03-16", "2027-03-17"] },
  "rooms": [ { "id": "x", "name": "X" }, { "id": "y", "name": "Y" }, { "id": "z", "name": "Z" } ],
  "types": [ { "id": "t", "name": "T", "kind": "seminar" } ],
  "sessions": [
    { "id": "a", "title": "A", "type": "t", "room": "y", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T10:00:00+01:00" },
    { "id": "b", "title": "B", "type": "t", "room": "y", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T10:00:00+01:00" },
    { "id": "c", "title": "C", "type": "t", "room": "y", "start": "2027-03-16T09:30:00+01:00", "end": "2027-03-16T10:30:00+01:00" },
    { "id": "d", "title": "D", "type": "t", "room": "y", "start": "2027-03-16T11:00:00+01:00", "end": "2027-03-16T12:00:00+01:00" },
    { "id": "e", "title": "E", "type": "t", "room": "y", "start": "2027-03-16T11:30:00+01:00", "end": "2027-03-16T12:30:00+01:00" },
    { "id": "f", "title": "F", "type": "t", "room": "y", "start": "2027-03-16T13:00:00+01:00", "end": "2027-03-16T13:30:00+01:00" },
    { "id": "odd", "title": "Odd", "type": "t", "room": "x", "start": "2027-03-16T08:43:00+01:00", "end": "2027-03-16T08:51:00+01:00" },
    { "id": "loose", "title": "Loose", "type": "t", "start": "2027-03-16T13:20:00+01:00", "end": "2027-03-16T13:40:00+01:00" }
  ]
}"#;

fn lanes() -> Programme {
    parse_programme(LANES).expect("the lanes programme is valid")
}

#[test]
fn small_day_one_columns_rows_and_spans() {
    let p = small();
    let grid = layout(&p, 0, |_| true, Mode::Dim);
    assert_eq!(grid.day, 0);
    // Rooms in programme order, then the coffee without a room.
    assert_eq!(room_ids(&grid, &p), ["stora", "a", "b", "-"]);
    assert_eq!(grid.start, at("2027-03-16T13:00:00+01:00"));
    assert_eq!(grid.end(), at("2027-03-16T15:30:00+01:00"));
    assert_eq!(grid.rows, 30);
    assert_eq!(grid.tracks(), 4);
    // (id, column, row, span)
    let cases = [
        ("open", 0, 0, 12),
        ("s1", 1, 12, 12),
        ("s2", 2, 12, 12),
        ("fika", 3, 24, 6),
    ];
    for (id, column, row, span) in cases {
        let it = placed(&grid, &p, id);
        assert_eq!((it.column, it.row, it.span), (column, row, span), "{id}");
        assert_eq!((it.lane, it.lanes, it.dim), (0, 1, false), "{id}");
        assert_eq!(grid.tracks_of(it), (column, 1), "{id}");
    }
    // Reading order is programme order.
    let order: Vec<usize> = grid.items.iter().map(|i| i.session).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted);
    assert_eq!(
        grid.hours,
        [
            (0, "13:00".to_owned()),
            (12, "14:00".to_owned()),
            (24, "15:00".to_owned())
        ]
    );
    // The second day only uses the big hall.
    let day2 = layout(&p, 1, |_| true, Mode::Dim);
    assert_eq!(room_ids(&day2, &p), ["stora"]);
    assert_eq!((day2.rows, day2.items.len()), (12, 1));
}

#[test]
fn dim_keeps_the_day_and_hide_leaves_out() {
    let p = small();
    let s1 = p.session_ix("s1").expect("s1");
    let dim = layout(&p, 0, |ix| ix == s1, Mode::Dim);
    assert_eq!(dim.items.len(), 4);
    assert_eq!(room_ids(&dim, &p), ["stora", "a", "b", "-"]);
    assert_eq!(dim.rows, 30);
    for it in &dim.items {
        assert_eq!(it.dim, it.session != s1, "{}", p.sessions[it.session].id);
    }

    let hide = layout(&p, 0, |ix| ix == s1, Mode::Hide);
    assert_eq!(room_ids(&hide, &p), ["a"]);
    assert_eq!(hide.start, at("2027-03-16T14:00:00+01:00"));
    assert_eq!(hide.rows, 12);
    assert_eq!(
        hide.items,
        [Placed {
            session: s1,
            column: 0,
            lane: 0,
            lanes: 1,
            row: 0,
            span: 12,
            dim: false
        }]
    );

    // Nothing kept: an empty grid in Hide mode, everything dimmed in Dim mode.
    let none = layout(&p, 0, |_| false, Mode::Hide);
    assert!(none.is_empty());
    assert_eq!((none.rows, none.tracks(), none.hours.len()), (0, 0, 0));
    assert_eq!(none.row_at(at("2027-03-16T13:30:00+01:00")), None);
    let all_dim = layout(&p, 0, |_| false, Mode::Dim);
    assert!(all_dim.items.iter().all(|i| i.dim));
    assert_eq!(all_dim.items.len(), 4);
    // A day that does not exist is empty, not a panic.
    assert!(layout(&p, 9, |_| true, Mode::Dim).is_empty());
}

#[test]
fn overlapping_sessions_in_one_room_get_lanes() {
    let p = lanes();
    let grid = layout(&p, 0, |_| true, Mode::Dim);
    assert_eq!(room_ids(&grid, &p), ["x", "y", "-"]);
    // The day runs 08:43–13:40: rounded to 08:30–14:00.
    assert_eq!(grid.start, at("2027-03-16T08:30:00+01:00"));
    assert_eq!(grid.rows, 66);
    assert_eq!(
        grid.rooms,
        [
            Column {
                room: Some(0),
                lanes: 1,
                track: 0
            },
            Column {
                room: Some(1),
                lanes: 3,
                track: 1
            },
            Column {
                room: None,
                lanes: 1,
                track: 4
            },
        ]
    );
    assert_eq!(grid.tracks(), 5);
    // (id, lane, lanes, first track, tracks)
    let cases = [
        // a, b and c overlap: three lanes; c takes the third since a and b still run.
        ("a", 0, 3, 1, 1),
        ("b", 1, 3, 2, 1),
        ("c", 2, 3, 3, 1),
        // d and e overlap: two lanes sharing the column's three tracks.
        ("d", 0, 2, 1, 1),
        ("e", 1, 2, 2, 2),
        // f overlaps nothing in its room: the whole column.
        ("f", 0, 1, 1, 3),
        ("odd", 0, 1, 0, 1),
        ("loose", 0, 1, 4, 1),
    ];
    for (id, lane, lanes, track, width) in cases {
        let it = placed(&grid, &p, id);
        assert_eq!((it.lane, it.lanes), (lane, lanes), "{id}");
        assert_eq!(grid.tracks_of(it), (track, width), "{id}");
    }
    // Odd minutes: 08:43 falls in row 2 (08:40–08:45) and 08:51 in row 4, so it covers
    // rows 2 to 4.
    let odd = placed(&grid, &p, "odd");
    assert_eq!((odd.row, odd.span), (2, 3));
    // Hours from the first full hour on.
    let hours: Vec<&str> = grid.hours.iter().map(|(_, h)| h.as_str()).collect();
    assert_eq!(hours, ["09:00", "10:00", "11:00", "12:00", "13:00"]);
    assert_eq!(grid.hours[0].0, 6);
    // A room with no session that day gets no column; a day without sessions is empty.
    assert!(!grid.rooms.iter().any(|c| c.room == Some(2)));
    assert!(layout(&p, 1, |_| true, Mode::Dim).is_empty());
}

#[test]
fn hiding_a_session_frees_its_lane() {
    let p = lanes();
    let b = p.session_ix("b").expect("b");
    let grid = layout(&p, 0, |ix| ix != b, Mode::Hide);
    assert_eq!(
        (placed(&grid, &p, "a").lane, placed(&grid, &p, "c").lane),
        (0, 1)
    );
    assert_eq!(placed(&grid, &p, "c").lanes, 2);
    // Dimmed sessions are still shown, so they keep their lanes.
    let dim = layout(&p, 0, |ix| ix != b, Mode::Dim);
    assert_eq!(placed(&dim, &p, "c").lane, 2);
    assert!(placed(&dim, &p, "b").dim);
}

#[test]
fn demo_first_day() {
    let p = demo();
    let grid = layout(&p, 0, |_| true, Mode::Dim);
    let day: Vec<_> = p.sessions.iter().filter(|s| s.day == 0).collect();
    assert_eq!(grid.items.len(), day.len());
    // Registration opens 10:30; the dinner ends 23:30.
    assert_eq!(grid.start, at("2027-03-16T10:30:00+01:00"));
    assert_eq!(grid.rows, 13 * 12);
    // Every room is used on the first day, in programme order; nothing lacks a room.
    let expected: Vec<String> = p.rooms.iter().map(|r| r.id.clone()).collect();
    assert_eq!(room_ids(&grid, &p), expected);

    // The 75-minute opening plenary spans 15 rows from 13:00.
    let plenary = placed(&grid, &p, "plenum-oppning");
    assert_eq!((plenary.row, plenary.span), (30, 15));
    assert_eq!(
        p.rooms[grid.rooms[plenary.column].room.expect("room")].id,
        "stora-salen"
    );

    // The parallel seminars of pass 1 share their rows, each in its own room's column.
    let pass1: Vec<&Placed> = grid
        .items
        .iter()
        .filter(|i| {
            p.sessions[i.session]
                .block
                .is_some_and(|b| p.blocks[b].id == "pass-1")
        })
        .collect();
    assert_eq!(pass1.len(), 8);
    assert!(pass1.iter().all(|i| (i.row, i.span) == (51, 12)));
    let mut columns: Vec<usize> = pass1.iter().map(|i| i.column).collect();
    columns.sort_unstable();
    columns.dedup();
    assert_eq!(columns.len(), 8, "one column each");

    // In the foyer the exhibition runs beside registration and the coffee breaks.
    let foyer = grid
        .rooms
        .iter()
        .position(|c| c.room.is_some_and(|r| p.rooms[r].id == "foajen"))
        .expect("foyer column");
    assert_eq!(grid.rooms[foyer].lanes, 2);
    for (id, lane) in [
        ("registrering-1", 0),
        ("utstallning-1", 1),
        ("paus-1a", 0),
        ("paus-1b", 0),
    ] {
        let it = placed(&grid, &p, id);
        assert_eq!((it.column, it.lane, it.lanes), (foyer, lane, 2), "{id}");
    }
    // The short seminars in Sal D follow each other: one lane each.
    assert_eq!(placed(&grid, &p, "s-207").lanes, 1);
    assert_eq!(placed(&grid, &p, "s-208").lanes, 1);
    assert_eq!(grid.tracks(), p.rooms.len() + 1);

    // No two sessions share a track during the same rows.
    for (n, a) in grid.items.iter().enumerate() {
        for b in &grid.items[n + 1..] {
            let (ta, wa) = grid.tracks_of(a);
            let (tb, wb) = grid.tracks_of(b);
            let tracks = ta < tb + wb && tb < ta + wa;
            let rows = a.row < b.row + b.span && b.row < a.row + a.span;
            assert!(
                !(tracks && rows),
                "{} hides {}",
                p.sessions[a.session].id,
                p.sessions[b.session].id
            );
        }
    }
}

#[test]
fn demo_hours_and_rows_by_time() {
    let p = demo();
    let grid = layout(&p, 1, |_| true, Mode::Dim);
    // The exhibition opens 08:00, the debate ends 17:30.
    assert_eq!(grid.start, at("2027-03-17T08:00:00+01:00"));
    assert_eq!(grid.rows, 114);
    assert_eq!(grid.hours.len(), 10);
    assert_eq!(grid.hours[0], (0, "08:00".to_owned()));
    assert_eq!(grid.hours[9], (108, "17:00".to_owned()));
    let cases = [
        ("2027-03-17T07:59:00+01:00", None),
        ("2027-03-17T08:00:00+01:00", Some(0)),
        ("2027-03-17T08:04:59+01:00", Some(0)),
        ("2027-03-17T08:05:00+01:00", Some(1)),
        // The same instant written in UTC.
        ("2027-03-17T09:00:00Z", Some(24)),
        ("2027-03-17T17:29:00+01:00", Some(113)),
        ("2027-03-17T17:30:00+01:00", None),
    ];
    for (t, row) in cases {
        assert_eq!(grid.row_at(at(t)), row, "{t}");
    }
}

#[test]
fn placement_classes_start_below_the_headers() {
    let css = placement_css(3, 2);
    for rule in [
        ".sp-tt .sp-row-0{grid-row-start:2}",
        ".sp-tt .sp-row-2{grid-row-start:4}",
        ".sp-tt .sp-span-3{grid-row-end:span 3}",
        ".sp-tt .sp-col-1{grid-column-start:3}",
        ".sp-tt .sp-cspan-2{grid-column-end:span 2}",
    ] {
        assert!(css.contains(rule), "{rule} missing in {css}");
    }
    assert!(!css.contains("sp-row-3"));
    assert!(!css.contains("sp-span-0"));
    assert_eq!(css.matches('{').count(), 3 + 3 + 2 + 2);
}

/// Issue 15: a session ending in the year 9999 made the timetable ask for millions of
/// rows ("capacity overflow"); the visitor saw an error instead of the day. The grid now
/// stops at `MAX_ROWS` and every other session keeps its place.
#[test]
fn one_absurd_end_still_shows_every_other_session() {
    use seminarplan_core::grid::MAX_ROWS;
    let mut p = small();
    let plain = layout(&p, 0, |_| true, Mode::Dim);
    let s1 = p.session_ix("s1").expect("s1");
    p.sessions[s1].end = at("9999-12-31T23:00:00+01:00");
    let grid = layout(&p, 0, |_| true, Mode::Dim);
    assert!(grid.rows <= MAX_ROWS, "{} rows", grid.rows);
    assert_eq!(
        grid.items.len(),
        plain.items.len(),
        "every session is placed"
    );
    for (before, after) in plain.items.iter().zip(&grid.items) {
        if before.session != s1 {
            assert_eq!(before, after, "{}", p.sessions[before.session].id);
        }
    }
    let long = placed(&grid, &p, "s1");
    assert_eq!(long.row + long.span, grid.rows, "drawn to the grid's end");
    assert!(grid.hours.len() <= MAX_ROWS / 12);
    // The placement sheet for such a grid stays small.
    assert!(placement_css(grid.rows, grid.tracks()).len() < 100_000);
}

#[test]
fn a_cell_shows_the_whole_lines_its_height_holds() {
    // 5-minute rows: 10 and 15 minutes hold one line, 25 two, 50 four, two hours twelve.
    for (span, lines) in [(1, 1), (2, 1), (3, 1), (5, 2), (10, 4), (24, 12)] {
        assert_eq!(lines_that_fit(span), lines, "{span} rows");
    }
    let css = lines_css();
    assert!(css.contains(".sp-tt .sp-lines-2 .sp-tt__title{-webkit-line-clamp:1}"));
    assert!(css.contains(&format!(
        ".sp-tt .sp-lines-{} .sp-tt__title{{-webkit-line-clamp:{}}}",
        MOST_LINES - 1,
        MOST_LINES - 2
    )));
    assert!(!css.contains("sp-lines-1 "));
    assert!(!css.contains(&format!("sp-lines-{MOST_LINES} ")));
}
