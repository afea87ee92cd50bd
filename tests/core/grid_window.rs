//! The timetable in windows: row heights that never depend on what is drawn, the tracks
//! and rows near a scroll position, where the timetable opens, and the keys that reach
//! every session of a 70-room day.

use std::collections::BTreeSet;

use seminarplan_core::generate::programme_json_in_rooms;
use seminarplan_core::grid::window::{
    CELL_LEAST_PX, ROW_PX, Step, View, WINDOW_FROM, Window, bounds, landing, next_window,
    row_heights, rows_css, step, window,
};
use seminarplan_core::grid::{Grid, Mode, layout};
use seminarplan_core::model::Programme;
use seminarplan_core::parse::parse_programme;

use super::demo;

fn rooms70() -> Programme {
    parse_programme(&programme_json_in_rooms(1000, 70, 2027))
        .expect("generated programmes are valid")
}

fn day0(p: &Programme) -> Grid {
    layout(p, 0, |_| true, Mode::Dim)
}

/// The view of the benchmark: a 650 × 598 px region at a scroll position.
fn view_at(left: f64, top: f64) -> View {
    View {
        left,
        top,
        width: 650.0,
        height: 598.0,
        axis: 68.0,
        header: 31.0,
        track: 160.0,
    }
}

fn shown(grid: &Grid, w: &Window) -> BTreeSet<usize> {
    (0..grid.items.len())
        .filter(|&i| w.shows(grid, &grid.items[i]))
        .collect()
}

const SHORT: &str = r#"{
  "format": "seminarplan/1", "id": "short",
  "conference": { "title": "Kort", "time_zone": "Europe/Stockholm", "language": "sv",
                  "days": ["2027-03-16"] },
  "rooms": [ { "id": "x", "name": "Sal Å" }, { "id": "y", "name": "Café 🎤" } ],
  "types": [ { "id": "t", "name": "Blixttal", "kind": "seminar" } ],
  "sessions": [
    { "id": "five", "title": "Fem minuter", "type": "t", "room": "x", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T09:05:00+01:00" },
    { "id": "ten", "title": "Tio minuter", "type": "t", "room": "x", "start": "2027-03-16T09:05:00+01:00", "end": "2027-03-16T09:15:00+01:00" },
    { "id": "long", "title": "Lång", "type": "t", "room": "y", "start": "2027-03-16T09:00:00+01:00", "end": "2027-03-16T10:00:00+01:00" }
  ]
}"#;

#[test]
fn rows_grow_only_where_a_short_session_needs_its_button() {
    let p = parse_programme(SHORT).expect("valid");
    let grid = day0(&p);
    let heights = row_heights(&grid, ROW_PX);
    assert_eq!(heights.len(), grid.rows);
    // Five minutes: one row holds the whole 26 px cell.
    assert!((heights[0] - CELL_LEAST_PX).abs() < 1e-9, "{heights:?}");
    // Ten minutes: two rows of 13 px.
    assert!((heights[1] - 13.0).abs() < 1e-9 && (heights[2] - 13.0).abs() < 1e-9);
    // The rest of the hour keeps its 8.8 px rows.
    assert!(heights[3..].iter().all(|&h| (h - ROW_PX).abs() < 1e-9));
    // Every session's rows hold its cell.
    for it in &grid.items {
        let have: f64 = heights[it.row..it.row + it.span].iter().sum();
        assert!(have >= CELL_LEAST_PX - 1e-9);
    }
}

#[test]
fn the_70_room_day_is_drawn_in_windows_near_the_scroll_position() {
    let p = rooms70();
    let grid = day0(&p);
    assert!(grid.items.len() > WINDOW_FROM, "{}", grid.items.len());
    let heights = row_heights(&grid, ROW_PX);
    let start = window(&grid, &heights, &view_at(0.0, 0.0), 0.5);
    assert_eq!(start.tracks.start, 0);
    assert!(start.rows.start == 0);
    let drawn = shown(&grid, &start);
    assert!(!drawn.is_empty());
    assert!(
        drawn.len() * 4 < grid.items.len(),
        "{} of {}",
        drawn.len(),
        grid.items.len()
    );
    // Far to the right and at the bottom: the last tracks and rows, not the first.
    let width = grid.tracks() as f64 * 160.0;
    let height: f64 = heights.iter().sum();
    let end = window(
        &grid,
        &heights,
        &view_at(width - 582.0, height - 567.0),
        0.5,
    );
    assert_eq!(end.tracks.end, grid.tracks());
    assert_eq!(end.rows.end, grid.rows);
    assert!(end.tracks.start > 60);
    // Wherever a session is, the window around it draws it.
    for it in &grid.items {
        let (x, y, _, _) = bounds(&grid, &heights, 160.0, it);
        let w = window(&grid, &heights, &view_at(x, y), 0.0);
        assert!(w.shows(&grid, it));
    }
}

#[test]
fn a_small_scroll_keeps_the_window_and_a_longer_one_moves_it_ahead() {
    let p = rooms70();
    let grid = day0(&p);
    let heights = row_heights(&grid, ROW_PX);
    let drawn = next_window(&grid, &heights, &view_at(0.0, 0.0), &Window::default());
    assert_eq!(drawn, window(&grid, &heights, &view_at(0.0, 0.0), 1.0));
    assert_eq!(
        next_window(&grid, &heights, &view_at(40.0, 30.0), &drawn),
        drawn
    );
    let later = next_window(&grid, &heights, &view_at(800.0, 0.0), &drawn);
    assert_ne!(later, drawn);
    // What is in view and half a viewport beyond is always drawn.
    assert!(later.covers(&window(&grid, &heights, &view_at(800.0, 0.0), 0.5)));
    // A window covers itself and an empty one; not a wider one.
    assert!(drawn.covers(&drawn) && drawn.covers(&Window::default()));
    assert!(!drawn.covers(&Window::all(&grid)));
}

#[test]
fn keys_reach_every_session_of_the_day_from_the_first() {
    let p = rooms70();
    let grid = day0(&p);
    let first = (0..grid.items.len())
        .min_by_key(|&i| (grid.items[i].row, grid.items[i].column))
        .expect("sessions");
    assert_eq!(step(&grid, 5, Step::First), Some(first).filter(|&f| f != 5));
    let mut seen = BTreeSet::from([first]);
    let mut todo = vec![first];
    let steps = [Step::Down, Step::Up, Step::Right, Step::Left];
    while let Some(at) = todo.pop() {
        for s in steps {
            if let Some(next) = step(&grid, at, s)
                && seen.insert(next)
            {
                todo.push(next);
            }
        }
    }
    assert_eq!(seen.len(), grid.items.len());
    // Right from the first session keeps to its time and ends in the last room.
    let mut at = first;
    let mut moves = 0;
    while let Some(next) = step(&grid, at, Step::Right) {
        assert!(grid.items[next].column > grid.items[at].column);
        at = next;
        moves += 1;
    }
    assert_eq!(grid.items[at].column, grid.rooms.len() - 1);
    assert!(moves >= 10);
    assert_eq!(
        step(&grid, first, Step::LastRoom).map(|i| grid.items[i].column),
        Some(grid.rooms.len() - 1)
    );
    // Down keeps to the room, in time order; Ctrl+End is the day's last session.
    let mut at = first;
    while let Some(next) = step(&grid, at, Step::Down) {
        assert_eq!(grid.items[next].column, grid.items[first].column);
        assert!(grid.items[next].row >= grid.items[at].row);
        at = next;
    }
    let last = step(&grid, first, Step::Last).expect("a last session");
    assert!(grid.items.iter().all(|it| it.row <= grid.items[last].row));
    // Page Down moves an hour or to the room's last session; Page Up back.
    if let Some(down) = step(&grid, first, Step::PageDown) {
        assert!(
            grid.items[down].row >= grid.items[first].row + 12
                || step(&grid, down, Step::Down).is_none()
        );
        assert!(step(&grid, down, Step::PageUp).is_some());
    }
    assert_eq!(step(&grid, first, Step::Up), None);
    assert_eq!(
        step(&grid, first, Step::FirstRoom).map(|i| grid.items[i].column),
        Some(0).filter(|_| grid.items[first].column != 0)
    );
}

#[test]
fn keys_name_their_steps() {
    let check = |key: &str, ctrl: bool, expected: Option<Step>| {
        assert_eq!(Step::from_key(key, ctrl), expected, "{key} {ctrl}");
    };
    check("ArrowDown", false, Some(Step::Down));
    check("ArrowUp", true, Some(Step::Up));
    check("ArrowRight", false, Some(Step::Right));
    check("ArrowLeft", false, Some(Step::Left));
    check("Home", false, Some(Step::FirstRoom));
    check("End", false, Some(Step::LastRoom));
    check("Home", true, Some(Step::First));
    check("End", true, Some(Step::Last));
    check("PageDown", false, Some(Step::PageDown));
    check("PageUp", false, Some(Step::PageUp));
    check("Enter", false, None);
    check(" ", false, None);
    check("Tab", false, None);
}

#[test]
fn the_timetable_opens_on_the_open_session_or_the_first_match() {
    let p = demo();
    let day = 0;
    let on_day = p.sessions.iter().filter(|s| s.day == day).count();
    let all = layout(&p, day, |_| true, Mode::Dim);
    // Nothing narrowed, nothing open: the top left, as always.
    assert_eq!(landing(&all, None, on_day), None);
    let late = all
        .items
        .iter()
        .position(|it| it.row > 20)
        .expect("a later session");
    assert_eq!(
        landing(&all, Some(all.items[late].session), on_day),
        Some(late)
    );
    // A search that found one session: the timetable opens on it, dimmed or hidden.
    let found = all.items[late].session;
    let dim = layout(&p, day, |ix| ix == found, Mode::Dim);
    assert_eq!(
        landing(&dim, None, on_day).map(|i| dim.items[i].session),
        Some(found)
    );
    let hide = layout(&p, day, |ix| ix == found, Mode::Hide);
    assert_eq!(
        landing(&hide, None, on_day).map(|i| hide.items[i].session),
        Some(found)
    );
    // A session open on another day does not count.
    let elsewhere = p
        .sessions
        .iter()
        .position(|s| s.day != day)
        .expect("another day");
    assert_eq!(landing(&all, Some(elsewhere), on_day), None);
}

#[test]
fn every_row_has_its_height_in_the_style_sheet() {
    let p = parse_programme(SHORT).expect("valid");
    let grid = day0(&p);
    let css = rows_css(&row_heights(&grid, ROW_PX), ROW_PX);
    assert_eq!(
        css,
        format!(
            ".sp-tt .sp-tt__grid{{grid-template-rows:auto max(var(--sp-tt-row),26.00px) \
             repeat(2,max(var(--sp-tt-row),13.00px)) repeat({},var(--sp-tt-row))}}",
            grid.rows - 3
        )
    );
}
