//! The timetable layout of one day: rooms as columns, time running down in 5-minute rows,
//! each session placed by column, row and span, with lanes where sessions in one room
//! overlap so that none hides another.
//!
//! Times are compared as instants and labelled in the offset the programme wrote them in
//! (the conference's local time); no time zone database is needed.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Timelike};

use crate::model::Programme;
use crate::time;

pub mod window;

/// Minutes per grid row.
pub const ROW_MINUTES: i64 = 5;

/// The most rows a day's grid has: two days. A session longer than that (a programme
/// can hold one ending in the year 9999) is drawn to the grid's end, so one absurd value
/// cannot make the day's timetable too large to build and hide every other session.
pub const MAX_ROWS: usize = 2 * 24 * 60 / ROW_MINUTES as usize;

/// What happens to the sessions that do not match the filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// They stay in place, marked `dim`, so the day keeps its shape.
    #[default]
    Dim,
    /// They are left out, and so are rooms and hours that only they used.
    Hide,
}

/// One column of the timetable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Index into `Programme::rooms`; `None` for the column of sessions without a room.
    pub room: Option<usize>,
    /// The most lanes any of its sessions needs (1 when nothing overlaps).
    pub lanes: usize,
    /// Its first track: columns lie side by side on `Grid::tracks` tracks, one per lane.
    pub track: usize,
}

/// A session's place in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Index into `Programme::sessions`.
    pub session: usize,
    /// Index into `Grid::rooms`.
    pub column: usize,
    /// Its lane among the sessions it overlaps in its room (0-based)…
    pub lane: usize,
    /// …and how many lanes those overlapping sessions need.
    pub lanes: usize,
    /// The first row (0-based; row 0 starts at `Grid::start`).
    pub row: usize,
    /// Rows covered, at least 1.
    pub span: usize,
    /// It does not match the filters (only in `Mode::Dim`).
    pub dim: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Index into `Conference::days`.
    pub day: usize,
    /// Rooms in programme order, only those used, then one column for sessions without
    /// a room if there are any.
    pub rooms: Vec<Column>,
    /// The time at the top of row 0: the day's first start, rounded down to the hour or
    /// half hour.
    pub start: DateTime<FixedOffset>,
    /// Rows down to the day's last end, rounded up to the hour or half hour.
    pub rows: usize,
    /// In programme order (time, then room), which is also the reading order.
    pub items: Vec<Placed>,
    /// Every full hour inside the grid: its row and its label ("09:00").
    pub hours: Vec<(usize, String)>,
}

impl Grid {
    /// Whether nothing is placed (no session that day, or none kept).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The time at the bottom of the last row.
    pub fn end(&self) -> DateTime<FixedOffset> {
        self.start + Duration::minutes(self.rows as i64 * ROW_MINUTES)
    }

    /// All tracks side by side: the sum of the columns' lanes.
    pub fn tracks(&self) -> usize {
        self.rooms.iter().map(|c| c.lanes).sum()
    }

    /// The tracks a session covers: (first track, how many). Lanes share their column's
    /// tracks evenly, so a session that overlaps nothing fills its whole column.
    pub fn tracks_of(&self, placed: &Placed) -> (usize, usize) {
        let column = &self.rooms[placed.column];
        let lanes = placed.lanes.max(1);
        let from = placed.lane * column.lanes / lanes;
        let to = (placed.lane + 1) * column.lanes / lanes;
        (column.track + from, (to - from).max(1))
    }

    /// The row `t` falls in, if it is inside the grid.
    pub fn row_at(&self, t: DateTime<FixedOffset>) -> Option<usize> {
        if self.rows == 0 || t < self.start || t >= self.end() {
            return None;
        }
        Some(((t - self.start).num_minutes() / ROW_MINUTES) as usize)
    }
}

/// `t` rounded down to the hour or half hour, in its own offset.
fn floor_half_hour(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let minute = t.minute() % 30;
    t - Duration::minutes(i64::from(minute))
        - Duration::seconds(i64::from(t.second()))
        - Duration::nanoseconds(i64::from(t.nanosecond()))
}

/// `t` rounded up to the hour or half hour, in its own offset.
fn ceil_half_hour(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let floor = floor_half_hour(t);
    if floor < t {
        floor + Duration::minutes(30)
    } else {
        floor
    }
}

/// Whole rows from `from` to `to`, rounded down.
fn rows_down(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> usize {
    ((to - from).num_minutes().max(0) / ROW_MINUTES) as usize
}

/// Whole rows from `from` to `to`, rounded up.
fn rows_up(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> usize {
    let seconds = (to - from).num_seconds().max(0);
    let row = ROW_MINUTES * 60;
    ((seconds + row - 1) / row) as usize
}

/// Lays out one day. Sessions failing `keep` are marked `dim` (`Mode::Dim`) or left out
/// (`Mode::Hide`). A day index out of range gives an empty grid.
pub fn layout(programme: &Programme, day: usize, keep: impl Fn(usize) -> bool, mode: Mode) -> Grid {
    // The sessions shown, with whether they match.
    let shown: Vec<(usize, bool)> = programme
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.day == day)
        .map(|(ix, _)| (ix, keep(ix)))
        .filter(|&(_, kept)| kept || mode == Mode::Dim)
        .collect();

    let Some(start) = shown
        .iter()
        .map(|&(ix, _)| programme.sessions[ix].start)
        .min()
        .map(floor_half_hour)
    else {
        return empty(programme, day);
    };
    let end = shown
        .iter()
        .map(|&(ix, _)| programme.sessions[ix].end)
        .max()
        .map_or(start, ceil_half_hour)
        .min(start + Duration::minutes(MAX_ROWS as i64 * ROW_MINUTES));
    let rows = rows_up(start, end);

    // Columns: the rooms used, in programme order, then "no room".
    let mut used = vec![false; programme.rooms.len()];
    let mut roomless = false;
    for &(ix, _) in &shown {
        match programme.sessions[ix].room {
            Some(r) => used[r] = true,
            None => roomless = true,
        }
    }
    let mut rooms: Vec<Column> = used
        .iter()
        .enumerate()
        .filter(|&(_, &u)| u)
        .map(|(r, _)| Column {
            room: Some(r),
            lanes: 1,
            track: 0,
        })
        .collect();
    if roomless {
        rooms.push(Column {
            room: None,
            lanes: 1,
            track: 0,
        });
    }
    let column_of = |room: Option<usize>| {
        rooms
            .iter()
            .position(|c| c.room == room)
            .expect("every shown session's room has a column")
    };

    let mut items: Vec<Placed> = shown
        .iter()
        .map(|&(ix, kept)| {
            let s = &programme.sessions[ix];
            let row = rows_down(start, s.start).min(rows.saturating_sub(1));
            let span = rows_up(start, s.end).min(rows).saturating_sub(row).max(1);
            Placed {
                session: ix,
                column: column_of(s.room),
                lane: 0,
                lanes: 1,
                row,
                span,
                dim: !kept,
            }
        })
        .collect();

    // Lanes: within each column, sessions that overlap (directly or through others) form
    // a cluster; each takes the first lane free at its start.
    for (c, column) in rooms.iter_mut().enumerate() {
        let mine: Vec<usize> = (0..items.len()).filter(|&i| items[i].column == c).collect();
        let mut cluster: Vec<usize> = Vec::new();
        let mut lane_ends: Vec<DateTime<FixedOffset>> = Vec::new();
        let mut cluster_end: Option<DateTime<FixedOffset>> = None;
        let mut finish = |cluster: &mut Vec<usize>, lanes: usize, items: &mut Vec<Placed>| {
            for &i in cluster.iter() {
                items[i].lanes = lanes;
            }
            cluster.clear();
            column.lanes = column.lanes.max(lanes);
        };
        for i in mine {
            let s = &programme.sessions[items[i].session];
            if cluster_end.is_some_and(|e| s.start >= e) {
                finish(&mut cluster, lane_ends.len(), &mut items);
                lane_ends.clear();
            }
            let lane = match lane_ends.iter().position(|&e| e <= s.start) {
                Some(l) => {
                    lane_ends[l] = s.end;
                    l
                }
                None => {
                    lane_ends.push(s.end);
                    lane_ends.len() - 1
                }
            };
            items[i].lane = lane;
            cluster.push(i);
            cluster_end = Some(cluster_end.map_or(s.end, |e| e.max(s.end)));
        }
        finish(&mut cluster, lane_ends.len().max(1), &mut items);
    }
    let mut track = 0;
    for column in &mut rooms {
        column.track = track;
        track += column.lanes;
    }

    // Full hours, labelled in the grid's offset.
    let mut hours = Vec::new();
    let mut hour = if start.minute() == 0 {
        start
    } else {
        start + Duration::minutes(30)
    };
    while hour < end {
        hours.push((rows_down(start, hour), time::clock(hour)));
        hour += Duration::hours(1);
    }

    Grid {
        day,
        rooms,
        start,
        rows,
        items,
        hours,
    }
}

/// The grid of a day with nothing to show: no rows, starting at the day's first session
/// (or its midnight).
fn empty(programme: &Programme, day: usize) -> Grid {
    let on_day = programme.sessions.iter().find(|s| s.day == day);
    let start = match (on_day, programme.conference.days.get(day)) {
        (Some(s), _) => floor_half_hour(s.start),
        (None, date) => {
            let offset = programme.sessions.first().map_or_else(
                || FixedOffset::east_opt(0).expect("zero offset"),
                |s| *s.start.offset(),
            );
            let date = date.copied().unwrap_or_default();
            date.and_time(NaiveTime::MIN)
                .and_local_timezone(offset)
                .single()
                .unwrap_or_default()
        }
    };
    Grid {
        day,
        rooms: Vec::new(),
        start,
        rows: 0,
        items: Vec::new(),
        hours: Vec::new(),
    }
}

/// A cell's line classes (`sp-lines-N`) go up to this; a taller cell shows its whole title.
pub const MOST_LINES: usize = 12;

/// How many lines of text fit in a session's cell `span` rows (of 5 minutes) tall, by
/// timetable.css: a row is at least 8.8 px, a cell loses 8.8 px to its margin, padding and
/// border, and a line is 13.6 px × 1.2. Rows only grow (to give a short session a 24 px
/// button), so the lines counted always fit. A cell of one line shows the title alone; a
/// taller one the time and then the title cut to the lines left, with an ellipsis
/// ([`lines_css`]), so no line is ever cut through the middle.
pub fn lines_that_fit(span: usize) -> usize {
    const ROW: f64 = 8.8;
    const LOST: f64 = 8.8;
    const LINE: f64 = 13.6 * 1.2;
    let lines = ((span as f64 * ROW - LOST) / LINE).floor();
    (lines as usize).max(1)
}

/// The placement classes a grid of `rows` rows and `tracks` tracks uses, as CSS:
/// `sp-row-N` (first row N, 0-based), `sp-span-N` (N rows), `sp-col-N` (first track N,
/// 0-based) and `sp-cspan-N` (N tracks), scoped to `.sp-tt`. Grid line 1 holds the
/// room headers and the time axis, so row 0 and track 0 start on line 2.
///
/// A strict Content-Security-Policy blocks inline `style` attributes, so the shell
/// installs this as a constructed style sheet (`browser::grid_sheet`).
pub fn placement_css(rows: usize, tracks: usize) -> String {
    let mut css = String::with_capacity((rows + tracks) * 80);
    for n in 0..rows {
        css.push_str(&format!(".sp-tt .sp-row-{n}{{grid-row-start:{}}}", n + 2));
    }
    for n in 1..=rows {
        css.push_str(&format!(".sp-tt .sp-span-{n}{{grid-row-end:span {n}}}"));
    }
    for n in 0..tracks {
        css.push_str(&format!(
            ".sp-tt .sp-col-{n}{{grid-column-start:{}}}",
            n + 2
        ));
    }
    for n in 1..=tracks {
        css.push_str(&format!(".sp-tt .sp-cspan-{n}{{grid-column-end:span {n}}}"));
    }
    css
}

/// The title's line count for each `sp-lines-N` cell below [`MOST_LINES`]: the lines
/// the cell holds but the time's. Installed with [`placement_css`].
pub fn lines_css() -> String {
    (2..MOST_LINES)
        .map(|n| {
            format!(
                ".sp-tt .sp-lines-{n} .sp-tt__title{{-webkit-line-clamp:{}}}",
                n - 1
            )
        })
        .collect()
}
