//! A plan as a day will be lived: the chosen sessions of one day in time order, the free
//! time before each, and whether getting there means another room or another floor.

use crate::model::{Programme, Text};
use crate::plan::Plan;

/// What lies between the previous chosen session and this one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    /// The first chosen session of the day.
    First,
    /// Free time, in whole minutes (more than zero).
    Free(i64),
    /// It starts as the previous one ends.
    Straight,
    /// It starts before the previous one ends (a clash).
    Overlap,
}

/// Getting from the previous chosen session's room to this one's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Walk {
    /// The same room, the first session, or a room the programme does not give.
    Stay,
    /// Another room on the same floor (or floors not given). Room indices.
    Room { from: usize, to: usize },
    /// Another room on another floor. Room indices.
    Floor { from: usize, to: usize },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Index into `Programme::sessions`.
    pub session: usize,
    pub before: Before,
    pub walk: Walk,
}

fn floor(programme: &Programme, room: usize) -> Option<&Text> {
    programme.rooms[room].floor.as_ref()
}

/// The chosen sessions of `day` (index into `Conference::days`) as steps.
pub fn day_plan(programme: &Programme, plan: &Plan, day: usize) -> Vec<Step> {
    let mut chosen: Vec<usize> = plan
        .starred
        .iter()
        .filter_map(|id| programme.session_ix(id))
        .filter(|&ix| programme.sessions[ix].day == day)
        .collect();
    chosen.sort_unstable();
    let mut steps: Vec<Step> = Vec::with_capacity(chosen.len());
    let mut last_end = None;
    let mut last_room = None;
    for ix in chosen {
        let s = &programme.sessions[ix];
        let before = match last_end {
            None => Before::First,
            Some(end) if s.start < end => Before::Overlap,
            Some(end) if s.start == end => Before::Straight,
            Some(end) => match (s.start - end).num_minutes() {
                0 => Before::Straight,
                m => Before::Free(m),
            },
        };
        let walk = match (last_room, s.room) {
            (Some(from), Some(to)) if from != to => {
                match (floor(programme, from), floor(programme, to)) {
                    (Some(a), Some(b)) if a != b => Walk::Floor { from, to },
                    _ => Walk::Room { from, to },
                }
            }
            _ => Walk::Stay,
        };
        last_end = Some(last_end.map_or(s.end, |e: chrono::DateTime<_>| e.max(s.end)));
        if s.room.is_some() {
            last_room = s.room;
        }
        steps.push(Step {
            session: ix,
            before,
            walk,
        });
    }
    steps
}

/// The days (indices into `Conference::days`) on which `plan` has a session.
pub fn days_with_choices(programme: &Programme, plan: &Plan) -> Vec<usize> {
    let mut days: Vec<usize> = plan
        .starred
        .iter()
        .filter_map(|id| programme.session(id))
        .map(|s| s.day)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}
