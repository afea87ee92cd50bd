//! "Now and next" during the conference: which sessions are running, which start next, and
//! where the "now" line goes in a day's list and grid.
//!
//! The clock is passed in, so all of this is pure and testable. The day is read in the
//! offsets the programme writes its times in (the conference's local time); no time zone
//! database is needed.

use chrono::{DateTime, FixedOffset};

use crate::model::Programme;
use crate::plan::Plan;

/// What is on now and what comes next, on the conference day `now` falls on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NowNext {
    /// Index into `Conference::days`.
    pub day: usize,
    /// `now` in the day's offset (the conference's local time), for its label.
    pub at: DateTime<FixedOffset>,
    /// Sessions running now (start ≤ now < end): the visitor's starred first, then the
    /// most recently started (so a day-long exhibition comes after the seminar that just
    /// began), then programme order.
    pub now: Vec<usize>,
    /// The next block: every session starting at `next_start`, and the sessions of the
    /// same seminar blocks that start later; starred first, then programme order.
    pub next: Vec<usize>,
    /// The first start after `now` that day; `None` when nothing else starts that day.
    pub next_start: Option<DateTime<FixedOffset>>,
}

/// The conference day `now` falls on, reading the date in the offset of that day's first
/// session. `None` when `now` is on no conference day (or that day has no sessions).
///
/// One pass over the sessions, whatever the number of days (it runs on every render, and
/// a hostile file can have as many days as sessions).
pub fn day_of(programme: &Programme, now: DateTime<FixedOffset>) -> Option<usize> {
    let days = &programme.conference.days;
    let mut offsets: Vec<Option<FixedOffset>> = vec![None; days.len()];
    for s in &programme.sessions {
        if let Some(slot @ None) = offsets.get_mut(s.day) {
            *slot = Some(*s.start.offset());
        }
    }
    offsets.iter().zip(days).position(|(offset, &date)| {
        offset.is_some_and(|o| now.with_timezone(&o).date_naive() == date)
    })
}

/// Now and next at `now`. `None` outside the conference: when `now` is on no conference
/// day, or after that day's last session has ended. Before the day's first session, `now`
/// is empty and `next` holds the first sessions.
pub fn now_next(programme: &Programme, now: DateTime<FixedOffset>, plan: &Plan) -> Option<NowNext> {
    let day = day_of(programme, now)?;
    let today = || {
        programme
            .sessions
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.day == day)
    };
    let (_, first) = today().next()?;
    let last_end = today().map(|(_, s)| s.end).max()?;
    if now >= last_end {
        return None;
    }
    let starred = |ix: usize| plan.is_starred(&programme.sessions[ix].id);

    let mut running: Vec<usize> = today()
        .filter(|(_, s)| s.start <= now && now < s.end)
        .map(|(ix, _)| ix)
        .collect();
    running.sort_by_key(|&ix| {
        (
            !starred(ix),
            std::cmp::Reverse(programme.sessions[ix].start),
            ix,
        )
    });

    let next_start = today().map(|(_, s)| s.start).filter(|&t| t > now).min();
    let mut next: Vec<usize> = Vec::new();
    if let Some(at) = next_start {
        let blocks: Vec<usize> = today()
            .filter(|(_, s)| s.start == at)
            .filter_map(|(_, s)| s.block)
            .collect();
        next = today()
            .filter(|(_, s)| {
                s.start == at || (s.start > now && s.block.is_some_and(|b| blocks.contains(&b)))
            })
            .map(|(ix, _)| ix)
            .collect();
        next.sort_by_key(|&ix| (!starred(ix), ix));
    }
    Some(NowNext {
        day,
        at: now.with_timezone(first.start.offset()),
        now: running,
        next,
        next_start,
    })
}

/// Where the "now" line goes on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    /// `now` in the day's offset (for its label, and `Grid::row_at`).
    pub at: DateTime<FixedOffset>,
    /// The first session of the day (in programme order) that starts after `now`: a list
    /// draws the line just before it (or before its block, if it opens the block). `None`
    /// when nothing else starts that day.
    pub before: Option<usize>,
}

/// The "now" line for `day`: only while `now` is on that day, between its first start and
/// its last end.
pub fn now_marker(programme: &Programme, day: usize, now: DateTime<FixedOffset>) -> Option<Marker> {
    if day_of(programme, now)? != day {
        return None;
    }
    let today = || {
        programme
            .sessions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.day == day)
    };
    let (_, first) = today().next()?;
    let last_end = today().map(|(_, s)| s.end).max()?;
    if now < first.start || now >= last_end {
        return None;
    }
    Some(Marker {
        at: now.with_timezone(first.start.offset()),
        before: today().find(|(_, s)| s.start > now).map(|(ix, _)| ix),
    })
}
