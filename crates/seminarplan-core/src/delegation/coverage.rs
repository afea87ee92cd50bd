//! Who in the delegation goes where: per seminar block and per time slot, the sessions and
//! who attends each, the blocks nobody covers, and the sessions two or more attend.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::model::Programme;
use crate::plan::Plan;

use super::Delegation;

/// One of us: the visitor, or a colleague (index into `Delegation::colleagues`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Who {
    Me,
    Colleague(usize),
}

/// A session of a slot and who attends it (the visitor first, then colleagues in order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionCover {
    /// Index into `Programme::sessions`.
    pub session: usize,
    pub who: Vec<Who>,
}

impl SessionCover {
    /// Two or more of us in the same session.
    pub fn duplicate(&self) -> bool {
        self.who.len() >= 2
    }
}

/// A seminar block, or a time slot outside blocks, with its sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Index into `Programme::blocks`; `None` for a time slot outside blocks.
    pub block: Option<usize>,
    /// Index into `Conference::days`.
    pub day: usize,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    /// The sessions one can choose, in programme order.
    pub sessions: Vec<SessionCover>,
}

impl Slot {
    /// Nobody of us attends any session of the slot.
    pub fn uncovered(&self) -> bool {
        self.sessions.iter().all(|s| s.who.is_empty())
    }

    /// Sessions with two or more of us.
    pub fn duplicates(&self) -> impl Iterator<Item = &SessionCover> {
        self.sessions.iter().filter(|s| s.duplicate())
    }
}

/// Who attends each session chosen by anyone, keyed by session index.
pub fn attendance(
    programme: &Programme,
    mine: &Plan,
    team: &Delegation,
) -> BTreeMap<usize, Vec<Who>> {
    let mut out: BTreeMap<usize, Vec<Who>> = BTreeMap::new();
    let plans = std::iter::once((Who::Me, mine)).chain(
        team.colleagues
            .iter()
            .enumerate()
            .map(|(i, c)| (Who::Colleague(i), &c.plan)),
    );
    for (who, plan) in plans {
        for ix in plan
            .starred
            .iter()
            .filter_map(|id| programme.session_ix(id))
        {
            out.entry(ix).or_default().push(who);
        }
    }
    out
}

/// Every seminar block, and every time slot outside blocks that someone attends (or, in
/// a programme without blocks, where two or more sessions run in parallel), in time order.
pub fn coverage(programme: &Programme, mine: &Plan, team: &Delegation) -> Vec<Slot> {
    let who = attendance(programme, mine, team);
    let cover = |ix: usize| SessionCover {
        session: ix,
        who: who.get(&ix).cloned().unwrap_or_default(),
    };
    let mut slots: Vec<Slot> = programme
        .blocks
        .iter()
        .enumerate()
        .map(|(b, block)| {
            let sessions: Vec<SessionCover> = programme
                .sessions
                .iter()
                .enumerate()
                .filter(|(_, s)| s.block == Some(b) && programme.kind(s).can_star())
                .map(|(ix, _)| cover(ix))
                .collect();
            let day = sessions
                .first()
                .map_or(0, |s| programme.sessions[s.session].day);
            Slot {
                block: Some(b),
                day,
                start: block.start,
                end: block.end,
                sessions,
            }
        })
        .collect();
    let mut loose: BTreeMap<(DateTime<FixedOffset>, usize), Vec<usize>> = BTreeMap::new();
    for (ix, s) in programme.sessions.iter().enumerate() {
        if s.block.is_none() && programme.kind(s).can_star() {
            loose.entry((s.start, s.day)).or_default().push(ix);
        }
    }
    for ((start, day), ixs) in loose {
        let attended = ixs.iter().any(|ix| who.contains_key(ix));
        if attended || (programme.blocks.is_empty() && ixs.len() >= 2) {
            let end = ixs
                .iter()
                .map(|&ix| programme.sessions[ix].end)
                .max()
                .unwrap_or(start);
            slots.push(Slot {
                block: None,
                day,
                start,
                end,
                sessions: ixs.into_iter().map(cover).collect(),
            });
        }
    }
    slots.sort_by_key(|s| (s.start, s.block.is_none(), s.block));
    slots
}
