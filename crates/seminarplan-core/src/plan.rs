//! The visitor's own schedule (`Plan`): which sessions they starred, and where those clash.
//!
//! A clash is computed from real times, for every kind of session: two starred sessions
//! clash when their time spans overlap (touching is not overlapping). Whether they share a
//! seminar block is reported too, because "you picked two seminars in pass 3" is what a
//! visitor understands fastest.
//!
//! A plan is also a record that several writers share: two widgets on one page, two tabs,
//! a page restored from the back/forward cache. Each star and unstar carries a stamp (see
//! [`Plan::stamps`]), and [`reconcile`] merges two copies so that the later change to
//! each session wins: a stale copy can never undo a newer choice made elsewhere.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Programme, Session, SessionId};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub starred: BTreeSet<SessionId>,
    /// What each starred session looked like when the visitor last saw it, so a newer
    /// programme's changes can be pointed out.
    pub snapshots: BTreeMap<SessionId, Snapshot>,
    /// When each session was last starred or unstarred: milliseconds since 1970 when the
    /// browser's clock is known, else a count that only grows. An id here that is not in
    /// `starred` was removed (remembered, so an older copy cannot bring it back); a
    /// starred id without a stamp was starred before stamps existed (as if at 0).
    pub stamps: BTreeMap<SessionId, i64>,
}

/// How many removals a plan remembers (the most recent ones).
pub const MAX_REMOVALS: usize = 256;

/// A starred session as the visitor last saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub title: String,
    /// RFC 3339, as in the programme.
    pub start: String,
    pub end: String,
    /// The room's name in the programme's language.
    pub room: Option<String>,
    /// The session had already disappeared and the visitor was told.
    pub gone: bool,
    /// The star was carried over from a session whose id vanished ([`Plan::follow`]), and
    /// how that session was found again; cleared once the visitor has seen it.
    pub found: Option<Found>,
}

/// How a starred session whose id is no longer in the programme was found again
/// ([`Plan::follow`]): a sheet without an Id column makes ids from the row, so a new
/// title or time gives a session a new id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// The one session at the same start and in the same room (its title changed).
    TimeAndRoom,
    /// The one session with the same title (it moved, or the days moved).
    Title,
}

impl Snapshot {
    pub fn of(programme: &Programme, s: &Session) -> Snapshot {
        Snapshot {
            title: s.title.clone(),
            start: s.start.to_rfc3339(),
            end: s.end.to_rfc3339(),
            room: s.room.map(|r| {
                programme.rooms[r]
                    .name
                    .get(programme.lang(), programme.lang())
                    .to_owned()
            }),
            gone: false,
            found: None,
        }
    }
}

/// What changed about a starred session since the visitor last saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Moved {
        id: SessionId,
        title: String,
        from: String,
        to: String,
    },
    Renamed {
        id: SessionId,
        from: String,
        to: String,
    },
    RoomChanged {
        id: SessionId,
        title: String,
        from: Option<String>,
        to: Option<String>,
    },
    Cancelled {
        id: SessionId,
        title: String,
    },
    /// The starred session's id vanished, and the star now marks `title`, found `by` its
    /// time and room or its title (the changes that follow say what else changed).
    Found {
        id: SessionId,
        title: String,
        by: Found,
    },
}

/// The changes between the snapshots and the programme, in the plan's id order.
pub fn changes(programme: &Programme, plan: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    for id in &plan.starred {
        let Some(old) = plan.snapshots.get(id) else {
            continue;
        };
        let Some(s) = programme.session(id) else {
            if !old.gone {
                out.push(Change::Cancelled {
                    id: id.clone(),
                    title: old.title.clone(),
                });
            }
            continue;
        };
        let now = Snapshot::of(programme, s);
        if let Some(by) = old.found {
            out.push(Change::Found {
                id: id.clone(),
                title: now.title.clone(),
                by,
            });
        }
        if now.start != old.start || now.end != old.end {
            out.push(Change::Moved {
                id: id.clone(),
                title: now.title.clone(),
                from: old.start.clone(),
                to: now.start.clone(),
            });
        }
        if now.title != old.title {
            out.push(Change::Renamed {
                id: id.clone(),
                from: old.title.clone(),
                to: now.title.clone(),
            });
        }
        if now.room != old.room {
            out.push(Change::RoomChanged {
                id: id.clone(),
                title: now.title.clone(),
                from: old.room.clone(),
                to: now.room.clone(),
            });
        }
    }
    out
}

impl Plan {
    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }

    /// Stars or unstars; returns whether the session is starred afterwards.
    pub fn toggle(&mut self, id: &str) -> bool {
        let on = !self.starred.contains(id);
        self.set(id, on);
        on
    }

    /// Stars (`on`) or unstars `id`, stamped later than anything this plan knows of.
    /// Nothing happens when it already is so.
    pub fn set(&mut self, id: &str, on: bool) {
        if self.starred.contains(id) == on {
            return;
        }
        let stamp = self.latest() + 1;
        if on {
            self.starred.insert(id.to_owned());
        } else {
            self.starred.remove(id);
            self.snapshots.remove(id);
        }
        self.stamps.insert(id.to_owned(), stamp);
        self.forget_old_removals();
    }

    /// The latest stamp in the plan (0 for none).
    pub fn latest(&self) -> i64 {
        self.stamps.values().copied().max().unwrap_or(0)
    }

    /// Raises every stamp that differs from `before` to at least `now_ms`: the changes
    /// just made happened now, which orders them after changes made earlier elsewhere
    /// (whose stamps this plan may not know yet).
    pub fn stamp_changes_since(&mut self, before: &Plan, now_ms: i64) {
        for (id, stamp) in self.stamps.iter_mut() {
            if before.stamps.get(id) != Some(stamp) {
                *stamp = (*stamp).max(now_ms);
            }
        }
    }

    /// Keeps only the [`MAX_REMOVALS`] most recent removals.
    pub(crate) fn forget_old_removals(&mut self) {
        let mut removed: Vec<(i64, SessionId)> = self
            .stamps
            .iter()
            .filter(|(id, _)| !self.starred.contains(*id))
            .map(|(id, &t)| (t, id.clone()))
            .collect();
        if removed.len() <= MAX_REMOVALS {
            return;
        }
        removed.sort_unstable();
        for (_, id) in &removed[..removed.len() - MAX_REMOVALS] {
            self.stamps.remove(id);
        }
    }

    /// Stars exactly `ids`: every other starred session is unstarred (adopting a plan
    /// someone shared). Each change is stamped, so it reaches the other copies.
    pub fn adopt(&mut self, ids: &BTreeSet<SessionId>) {
        let gone: Vec<SessionId> = self.starred.difference(ids).cloned().collect();
        for id in gone {
            self.set(&id, false);
        }
        for id in ids {
            self.set(id, true);
        }
    }

    /// Takes a snapshot of every starred session that has none (newly starred, or saved
    /// by an older version), so later changes can be noticed.
    pub fn fill_snapshots(&mut self, programme: &Programme) {
        for id in &self.starred {
            if !self.snapshots.contains_key(id)
                && let Some(s) = programme.session(id)
            {
                self.snapshots
                    .insert(id.clone(), Snapshot::of(programme, s));
            }
        }
    }

    /// Carries each star whose id the programme no longer has to the session it became,
    /// when exactly one can be told: the one at the same start in the same room, else the
    /// one with the same title. A session the visitor starred or unstarred themselves is
    /// never taken, and a session already reported gone stays so. The old id is unstarred
    /// and the new one starred (both stamped, so every copy of the plan follows); the new
    /// one keeps the old snapshot, marked [`Snapshot::found`], so `changes` says what
    /// happened. Returns whether anything was carried over.
    pub fn follow(&mut self, programme: &Programme) -> bool {
        let mut vanished: Vec<(SessionId, Snapshot)> = self
            .starred
            .iter()
            .filter(|id| programme.session(id).is_none())
            .filter_map(|id| Some((id.clone(), self.snapshots.get(id)?.clone())))
            .filter(|(_, old)| !old.gone)
            .collect();
        let before = vanished.len();
        // Sessions found by a title only they have show how far the days moved; then a
        // title several sessions have (Lunch on each day) is told by that shift.
        let mut shifts: Vec<i64> = Vec::new();
        vanished.retain(|(id, old)| {
            let Some((new, by)) = self.found_again(programme, old, None) else {
                return true;
            };
            if let (Found::Title, Some(from), Some(s)) =
                (by, start_of(old), programme.session(&new))
            {
                shifts.push((s.start - from).num_minutes());
            }
            self.carry(id, new, old.clone(), by);
            false
        });
        // The shift most sessions moved by.
        let count = |m: &i64| shifts.iter().filter(|s| *s == m).count();
        let shift = shifts.iter().max_by_key(|m| count(m)).copied();
        for (id, old) in vanished.clone() {
            if let Some((new, by)) = shift.and_then(|m| self.found_again(programme, &old, Some(m)))
            {
                self.carry(&id, new, old, by);
                vanished.retain(|(v, _)| *v != id);
            }
        }
        vanished.len() < before
    }

    /// Moves the star of `id` to `new`, which keeps `old` as its snapshot.
    fn carry(&mut self, id: &str, new: SessionId, old: Snapshot, by: Found) {
        self.set(id, false);
        self.set(&new, true);
        let found = Some(by);
        self.snapshots.insert(new, Snapshot { found, ..old });
    }

    /// The one session `old` has become, and how it was told (see [`Plan::follow`]);
    /// with `shift` (minutes), only a session with the same title that start that much
    /// later.
    fn found_again(
        &self,
        programme: &Programme,
        old: &Snapshot,
        shift: Option<i64>,
    ) -> Option<(SessionId, Found)> {
        let free = |s: &&Session| {
            !self.stamps.contains_key(&s.id)
                && !self.starred.contains(&s.id)
                && programme.kind(s).can_star()
        };
        let start = start_of(old);
        let only = |mut found: Vec<&Session>| match found.len() {
            1 => found.pop().map(|s| s.id.clone()),
            _ => None,
        };
        let same_title = programme
            .sessions
            .iter()
            .filter(free)
            .filter(|s| s.title == old.title);
        if let Some(m) = shift {
            let start = start.map(|t| t + chrono::Duration::minutes(m));
            let shifted = same_title.filter(|s| Some(s.start) == start).collect();
            return only(shifted).map(|id| (id, Found::Title));
        }
        let same_place = programme
            .sessions
            .iter()
            .filter(free)
            .filter(|s| Some(s.start) == start)
            .filter(|s| {
                let lang = programme.lang();
                let room = s.room.map(|r| programme.rooms[r].name.get(lang, lang));
                room == old.room.as_deref()
            })
            .collect();
        if let Some(id) = only(same_place) {
            return Some((id, Found::TimeAndRoom));
        }
        only(same_title.collect()).map(|id| (id, Found::Title))
    }

    /// The visitor has seen the changes: remember the programme as it is now.
    pub fn acknowledge(&mut self, programme: &Programme) {
        for id in &self.starred {
            match programme.session(id) {
                Some(s) => {
                    self.snapshots
                        .insert(id.clone(), Snapshot::of(programme, s));
                }
                None => {
                    if let Some(old) = self.snapshots.get_mut(id) {
                        old.gone = true;
                    }
                }
            }
        }
    }

    /// Adds everything starred in `other` (merging a shared plan into one's own).
    pub fn merge(&mut self, other: &Plan) {
        for id in &other.starred {
            self.set(id, true);
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

/// When a snapshot's session started.
fn start_of(old: &Snapshot) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    chrono::DateTime::parse_from_rfc3339(&old.start).ok()
}

/// One session as one copy of a plan knows it: starred or not, and when that was decided
/// (`None`: this copy has never heard of the session).
fn known(plan: &Plan, id: &str) -> Option<(i64, bool)> {
    let starred = plan.starred.contains(id);
    match plan.stamps.get(id) {
        Some(&t) => Some((t, starred)),
        None if starred => Some((0, true)),
        None => None,
    }
}

/// Two copies of a plan merged: for each session the later decision wins (on equal
/// stamps a star wins over a removal, so nothing chosen is lost). Snapshots come from
/// `mine` first. The result is the same whichever copy is `mine`, apart from snapshots,
/// and merging it again with either copy changes nothing.
pub fn reconcile(mine: &Plan, theirs: &Plan) -> Plan {
    // `extend`, not `collect()`, which sorts first: kilobytes of wasm.
    let mut ids: BTreeSet<&SessionId> = BTreeSet::new();
    ids.extend(
        [mine, theirs]
            .into_iter()
            .flat_map(|p| p.starred.iter().chain(p.stamps.keys())),
    );
    let mut out = Plan::default();
    for id in ids {
        let (stamp, on) = match (known(mine, id), known(theirs, id)) {
            (Some(a), Some(b)) => a.max(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => continue,
        };
        if on {
            out.starred.insert(id.clone());
            let snapshot = mine.snapshots.get(id).or_else(|| theirs.snapshots.get(id));
            if let Some(snapshot) = snapshot {
                out.snapshots.insert(id.clone(), snapshot.clone());
            }
        }
        if stamp != 0 || !on {
            out.stamps.insert(id.clone(), stamp);
        }
    }
    out.forget_old_removals();
    out
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

/// A seminar block and the starred sessions in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockChoice {
    /// Index into `Programme::blocks`.
    pub block: usize,
    /// Starred sessions in the block (indices, in programme order); empty when nothing
    /// is chosen yet, more than one when they clash.
    pub chosen: Vec<usize>,
}

/// Every seminar block in time order, with what the visitor chose in it.
pub fn block_choices(programme: &Programme, plan: &Plan) -> Vec<BlockChoice> {
    let mut order: Vec<usize> = (0..programme.blocks.len()).collect();
    order.sort_by_key(|&b| (programme.blocks[b].start, b));
    order
        .into_iter()
        .map(|block| BlockChoice {
            block,
            chosen: programme
                .sessions
                .iter()
                .enumerate()
                .filter(|(_, s)| s.block == Some(block) && plan.is_starred(&s.id))
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

/// Stars `id` and unstars every starred session it clashes with ("choose this instead").
/// Returns the ids that were unstarred.
pub fn choose_instead(programme: &Programme, plan: &mut Plan, id: &str) -> Vec<SessionId> {
    let Some(chosen) = programme.session(id) else {
        return Vec::new();
    };
    let removed: Vec<SessionId> = plan
        .starred
        .iter()
        .filter(|other| other.as_str() != id)
        .filter(|other| programme.session(other).is_some_and(|o| o.overlaps(chosen)))
        .cloned()
        .collect();
    for other in &removed {
        plan.set(other, false);
    }
    plan.set(id, true);
    plan.fill_snapshots(programme);
    removed
}
