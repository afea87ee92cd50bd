//! Drawing a large timetable in windows: each row's height in px (so the grid's shape
//! never depends on which cells are drawn), which tracks and rows lie near a scroll
//! position, where a session is first shown, and the arrow-key moves from session to
//! session that let a keyboard reach cells not drawn yet.
//!
//! Everything here is arithmetic on a [`Grid`]; the shell measures the scroll region
//! and draws what [`Window::shows`].

use std::ops::Range;

use super::{Grid, Placed};

/// A grid with more sessions than this is drawn in windows; a smaller one is drawn whole,
/// every session in the Tab order, as before windowing.
pub const WINDOW_FROM: usize = 150;

/// The least height of a session's cell, px: its 24 px button (WCAG 2.5.8 target size)
/// and its 1 px margins (timetable.css).
pub const CELL_LEAST_PX: f64 = 26.0;

/// The height of a row of 5 minutes, px, unless the page sets `--sp-tt-row`.
pub const ROW_PX: f64 = 8.8;

/// Rows a Page key moves: an hour.
pub const PAGE_ROWS: usize = 12;

/// Each row's height in px: `base`, grown where a short session's cell needs room for its
/// button. Like a CSS grid's auto rows, the shortest spans are settled first, each
/// spreading what it lacks evenly over its rows.
pub fn row_heights(grid: &Grid, base: f64) -> Vec<f64> {
    let mut heights = vec![base; grid.rows];
    let mut items: Vec<&Placed> = grid.items.iter().collect();
    items.sort_by_key(|it| it.span);
    for it in items {
        let rows = it.row..(it.row + it.span).min(grid.rows);
        if rows.is_empty() {
            continue;
        }
        let have: f64 = heights[rows.clone()].iter().sum();
        if have < CELL_LEAST_PX {
            let more = (CELL_LEAST_PX - have) / rows.len() as f64;
            for h in &mut heights[rows] {
                *h += more;
            }
        }
    }
    heights
}

/// The rows of a grid as CSS for `.sp-tt__grid`: the headers' row (`auto`), then each
/// row, `var(--sp-tt-row)` where it has the `base` height, else at least its height in
/// px, runs of one size as `repeat()`. With every row's height set, drawing some cells
/// and not others never moves the rest.
pub fn rows_css(heights: &[f64], base: f64) -> String {
    let size = |h: f64| {
        if (h - base).abs() < 0.005 {
            "var(--sp-tt-row)".to_owned()
        } else {
            format!("max(var(--sp-tt-row),{h:.2}px)")
        }
    };
    let mut css = String::from(".sp-tt .sp-tt__grid{grid-template-rows:auto");
    let mut i = 0;
    while i < heights.len() {
        let one = size(heights[i]);
        let run = heights[i..].iter().take_while(|&&h| size(h) == one).count();
        if run > 1 {
            css.push_str(&format!(" repeat({run},{one})"));
        } else {
            css.push(' ');
            css.push_str(&one);
        }
        i += run;
    }
    css.push('}');
    css
}

/// The timetable's measures, px, as the shell reads them from the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// The scroll region's scroll offsets…
    pub left: f64,
    pub top: f64,
    /// …and its visible size.
    pub width: f64,
    pub height: f64,
    /// The sticky time axis's width and the sticky room headers' height, which cover the
    /// region's left and top edge.
    pub axis: f64,
    pub header: f64,
    /// One track's width.
    pub track: f64,
}

impl View {
    /// Before anything is measured: the region at its top left, 800 × 600 px.
    pub fn at_start() -> View {
        View {
            left: 0.0,
            top: 0.0,
            width: 800.0,
            height: 600.0,
            axis: 68.0,
            header: 31.0,
            track: 160.0,
        }
    }
}

/// The tracks and rows drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub tracks: Range<usize>,
    pub rows: Range<usize>,
}

impl Window {
    /// All of `grid`.
    pub fn all(grid: &Grid) -> Window {
        Window {
            tracks: 0..grid.tracks(),
            rows: 0..grid.rows,
        }
    }

    /// Whether this window holds all of `other`.
    pub fn covers(&self, other: &Window) -> bool {
        let within = |outer: &Range<usize>, inner: &Range<usize>| {
            inner.is_empty() || (outer.start <= inner.start && inner.end <= outer.end)
        };
        within(&self.tracks, &other.tracks) && within(&self.rows, &other.rows)
    }

    /// Whether any part of the placed session lies in the window.
    pub fn shows(&self, grid: &Grid, it: &Placed) -> bool {
        let (track, width) = grid.tracks_of(it);
        overlaps(&self.tracks, &(track..track + width))
            && overlaps(&self.rows, &(it.row..it.row + it.span))
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The tracks and rows within `margin` viewports of what `view` shows (a margin of 0.5
/// adds half the visible width on the left and the right, half the height above and
/// below). `heights` are [`row_heights`].
pub fn window(grid: &Grid, heights: &[f64], view: &View, margin: f64) -> Window {
    let seen_width = (view.width - view.axis).max(0.0);
    let seen_height = (view.height - view.header).max(0.0);
    let (x0, x1) = (
        view.left - margin * seen_width,
        view.left + seen_width * (1.0 + margin),
    );
    let (y0, y1) = (
        view.top - margin * seen_height,
        view.top + seen_height * (1.0 + margin),
    );
    let track = view.track.max(1.0);
    let tracks = grid.tracks();
    let first = ((x0 / track).floor().max(0.0) as usize).min(tracks);
    let last = ((x1 / track).ceil().max(0.0) as usize).clamp(first, tracks);
    // Rows by their tops: a row is drawn if any of it lies between y0 and y1.
    let mut rows = grid.rows..grid.rows;
    let mut top = 0.0;
    for (row, h) in heights.iter().enumerate().take(grid.rows) {
        let bottom = top + h;
        if bottom > y0 && top < y1 {
            if rows.start == grid.rows {
                rows.start = row;
            }
            rows.end = row + 1;
        }
        top = bottom;
    }
    if rows.start == grid.rows {
        rows = 0..0;
    }
    Window {
        tracks: first..last,
        rows,
    }
}

/// The window to draw after a scroll: `drawn` while it still covers what is within half
/// a viewport of `view`, otherwise what lies within a whole viewport of it. So a scroll
/// redraws only every half viewport or so (each redraw costs a frame on a slow phone),
/// and always ahead of what comes into view.
pub fn next_window(grid: &Grid, heights: &[f64], view: &View, drawn: &Window) -> Window {
    if drawn.covers(&window(grid, heights, view, 0.5)) {
        drawn.clone()
    } else {
        window(grid, heights, view, 1.0)
    }
}

/// Where the placed session `it` is in the grid, px from the top left of the first track
/// and row: (left, top, width, height).
pub fn bounds(grid: &Grid, heights: &[f64], track_px: f64, it: &Placed) -> (f64, f64, f64, f64) {
    let (track, width) = grid.tracks_of(it);
    let top: f64 = heights.iter().take(it.row).sum();
    let height: f64 = heights.iter().skip(it.row).take(it.span).sum();
    (
        track as f64 * track_px,
        top,
        width as f64 * track_px,
        height,
    )
}

/// The session a timetable opens on (index into `Grid::items`): the one open (`open`,
/// index into `Programme::sessions`), else, when the filters leave sessions out (dimmed
/// or hidden: `day_sessions` is how many the day has), the first that matches, as the
/// list showed it. `None`: the top left, as always.
pub fn landing(grid: &Grid, open: Option<usize>, day_sessions: usize) -> Option<usize> {
    if let Some(found) = open.and_then(|s| grid.items.iter().position(|it| it.session == s)) {
        return Some(found);
    }
    let narrowed = grid.items.len() < day_sessions || grid.items.iter().any(|it| it.dim);
    if !narrowed {
        return None;
    }
    grid.items.iter().position(|it| !it.dim)
}

/// A key's move from session to session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next or previous session in the same room.
    Down,
    Up,
    /// The session nearest in time in the next or previous room.
    Right,
    Left,
    /// The session nearest in time in the first or last room (Home, End).
    FirstRoom,
    LastRoom,
    /// The day's first or last session (Ctrl+Home, Ctrl+End).
    First,
    Last,
    /// An hour later or earlier in the same room (Page Down, Page Up).
    PageDown,
    PageUp,
}

impl Step {
    /// The step a key makes (`KeyboardEvent.key`, with Ctrl or Cmd held), if any.
    pub fn from_key(key: &str, ctrl: bool) -> Option<Step> {
        Some(match (key, ctrl) {
            ("ArrowDown", _) => Step::Down,
            ("ArrowUp", _) => Step::Up,
            ("ArrowRight", _) => Step::Right,
            ("ArrowLeft", _) => Step::Left,
            ("Home", false) => Step::FirstRoom,
            ("End", false) => Step::LastRoom,
            ("Home", true) => Step::First,
            ("End", true) => Step::Last,
            ("PageDown", _) => Step::PageDown,
            ("PageUp", _) => Step::PageUp,
            _ => return None,
        })
    }
}

/// The session (index into `Grid::items`) that `step` moves to from `from`; `None` where
/// there is none that way (the edge of the day).
pub fn step(grid: &Grid, from: usize, step: Step) -> Option<usize> {
    let here = grid.items.get(from)?;
    let order = |it: &Placed| (it.row, it.lane, it.session);
    let in_column = |c: usize| {
        let mut mine: Vec<usize> = (0..grid.items.len())
            .filter(|&i| grid.items[i].column == c)
            .collect();
        mine.sort_by_key(|&i| order(&grid.items[i]));
        mine
    };
    let column = in_column(here.column);
    let at = column.iter().position(|&i| i == from)?;
    let last_column = grid.rooms.len().checked_sub(1)?;
    let nearest_in = |c: usize| nearest(grid, &in_column(c), here.row);
    let across = |columns: Vec<usize>| columns.into_iter().find_map(nearest_in);
    let target = match step {
        Step::Down => column.get(at + 1).copied(),
        Step::Up => at.checked_sub(1).map(|a| column[a]),
        Step::Right => across((here.column + 1..=last_column).collect()),
        Step::Left => across((0..here.column).rev().collect()),
        Step::FirstRoom => across((0..=last_column).collect()),
        Step::LastRoom => across((0..=last_column).rev().collect()),
        Step::First => (0..grid.items.len()).min_by_key(|&i| reading(grid, i)),
        Step::Last => (0..grid.items.len()).max_by_key(|&i| reading(grid, i)),
        Step::PageDown => column[at + 1..]
            .iter()
            .copied()
            .find(|&i| grid.items[i].row >= here.row + PAGE_ROWS)
            .or_else(|| column.last().copied()),
        Step::PageUp => column[..at]
            .iter()
            .rev()
            .copied()
            .find(|&i| grid.items[i].row + PAGE_ROWS <= here.row)
            .or_else(|| column.first().copied()),
    };
    target.filter(|&t| t != from)
}

/// Reading order: time, then room, then lane.
fn reading(grid: &Grid, i: usize) -> (usize, usize, usize) {
    let it = &grid.items[i];
    (it.row, it.column, it.lane)
}

/// Of `candidates`, the one running at `row`, else the one starting nearest to it
/// (the earlier of two as near).
fn nearest(grid: &Grid, candidates: &[usize], row: usize) -> Option<usize> {
    candidates.iter().copied().min_by_key(|&i| {
        let it = &grid.items[i];
        let distance = if it.row <= row && row < it.row + it.span {
            0
        } else {
            it.row.abs_diff(row)
        };
        (distance, it.row, it.lane)
    })
}
