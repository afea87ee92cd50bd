//! The visitor's own schedule (`Plan`): which sessions they starred, and where those clash.
//!
//! A clash is computed from real times, for every kind of session: two starred sessions
//! clash when their time spans overlap (touching is not overlapping). Whether they share a
//! seminar block is reported too, because "you picked two seminars in pass 3" is what a
//! visitor understands fastest.

use std::collections::BTreeSet;

use crate::model::{Programme, SessionId};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub starred: BTreeSet<SessionId>,
}

impl Plan {
    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }

    /// Stars or unstars; returns whether the session is starred afterwards.
    pub fn toggle(&mut self, id: &str) -> bool {
        if self.starred.remove(id) {
            false
        } else {
            self.starred.insert(id.to_owned());
            true
        }
    }

    pub fn len(&self) -> usize {
        self.starred.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starred.is_empty()
    }

    /// Starred ids the programme no longer has (cancelled sessions): never dropped silently.
    pub fn missing<'a>(&'a self, programme: &'a Programme) -> impl Iterator<Item = &'a str> {
        self.starred
            .iter()
            .map(String::as_str)
            .filter(|id| programme.session(id).is_none())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    /// The earlier of the two (by programme order).
    pub a: SessionId,
    pub b: SessionId,
    pub same_block: bool,
}

/// Every pair of starred sessions that overlap in time, in programme order.
pub fn clashes(programme: &Programme, plan: &Plan) -> Vec<Clash> {
    let mut chosen: Vec<usize> = plan
        .starred
        .iter()
        .filter_map(|id| programme.session_ix(id))
        .collect();
    chosen.sort_unstable();
    let mut out = Vec::new();
    // Sessions are sorted by start, so the inner loop can stop at the first session that
    // starts after `a` ends.
    for (n, &ia) in chosen.iter().enumerate() {
        let a = &programme.sessions[ia];
        for &ib in &chosen[n + 1..] {
            let b = &programme.sessions[ib];
            if b.start >= a.end {
                break;
            }
            if a.overlaps(b) {
                out.push(Clash {
                    a: a.id.clone(),
                    b: b.id.clone(),
                    same_block: a.block.is_some() && a.block == b.block,
                });
            }
        }
    }
    out
}

/// The ids each session clashes with, for marking cards.
pub fn clashing_with<'a>(clashes: &'a [Clash], id: &'a str) -> impl Iterator<Item = &'a str> {
    clashes.iter().filter_map(move |c| {
        if c.a == id {
            Some(c.b.as_str())
        } else if c.b == id {
            Some(c.a.as_str())
        } else {
            None
        }
    })
}
