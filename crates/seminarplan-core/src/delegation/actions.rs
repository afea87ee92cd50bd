//! The delegation's part of the app state (`AppState::team`) and every change to it
//! (`Action::Team`): colleagues read from storage, a shared plan kept as a colleague's, a
//! delegation link taken, a colleague renamed or removed. `state` hands over the parts of
//! the app state these changes read and write, so this module does not import it.
//!
//! The visitor's own plan changes here only through the usual merge (`Plan::merge`), when
//! the visitor says which person of a delegation link they are.

use crate::model::Programme;
use crate::plan::Plan;

use super::link::{decode_team, resolve, split_stamp};
use super::{Delegation, Outcome, RenameError};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamState {
    pub colleagues: Delegation,
    /// Set once the kept colleagues have been read: until then nothing may be written.
    pub loaded: bool,
    /// The programme whose colleagues were read last (`ready_for`).
    pub loaded_for: Option<String>,
    /// Who of the delegation link waiting in the URL was merged into the own plan (so
    /// "replace anyway" neither adds them as a colleague nor merges them twice).
    pub merged_me: Option<String>,
    /// What the last add or take did, per name, until dismissed.
    pub outcomes: Vec<(String, Outcome)>,
    /// Why the last rename was refused.
    pub rename_error: Option<RenameError>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TeamAction {
    /// The kept colleagues were read (at start, or changed in another tab).
    Loaded(Delegation),
    /// Keep the shared plan waiting for a decision as this colleague's (`force`: even
    /// when it is not newer than the one kept).
    AddShared {
        name: String,
        force: bool,
    },
    /// Take the delegation link: everyone as colleagues, except `mine`, whose sessions
    /// are merged into the visitor's own plan.
    TakeTeam {
        mine: Option<String>,
        force: bool,
    },
    DismissTeam,
    Rename {
        from: String,
        to: String,
    },
    Remove(String),
    /// The visitor has seen what changed in the colleagues' sessions.
    AcknowledgeChanges,
    DismissOutcomes,
    /// The visitor's own name in the delegation links they make.
    SetMyName(String),
    /// Adds the colleagues that could be read from a record set aside (the visitor asked);
    /// a colleague kept already keeps the kept plan unless the restored one is newer.
    Restore(Delegation),
}

/// The parts of the app state a delegation change may read or write besides `team`.
pub struct Around<'a> {
    pub programme: Option<&'a Programme>,
    /// The visitor's own plan: changed only through `Plan::merge`.
    pub plan: &'a mut Plan,
    /// The share value waiting in the URL (`share=`, maybe stamped): cleared once kept.
    pub share: &'a mut Option<String>,
    /// The delegation value waiting in the URL (`team=`): cleared once taken.
    pub team_link: &'a mut Option<String>,
}

impl TeamState {
    /// Whether the colleagues held are `programme`'s, read from its record, so they may
    /// be written under its key. Issue 28: when the programme's id changed during a visit
    /// (a kept copy with id A, then a retry loading B), A's colleagues were written under
    /// B's key before B's record was read.
    pub fn ready_for(&self, programme: &Programme) -> bool {
        self.loaded && self.loaded_for.as_deref() == Some(programme.id.as_str())
    }

    pub fn apply(&mut self, action: TeamAction, around: Around<'_>) {
        match action {
            TeamAction::Loaded(team) => self.loaded(team, around.programme),
            TeamAction::AddShared { name, force } => self.add_shared(&name, force, around),
            TeamAction::TakeTeam { mine, force } => self.take_team(mine.as_deref(), force, around),
            TeamAction::DismissTeam => {
                *around.team_link = None;
                self.merged_me = None;
            }
            TeamAction::Rename { from, to } => {
                self.rename_error = self.colleagues.rename(&from, &to).err();
            }
            TeamAction::Remove(name) => {
                self.colleagues.remove(&name);
            }
            TeamAction::AcknowledgeChanges => {
                if let Some(p) = around.programme {
                    self.colleagues.acknowledge(p);
                }
            }
            TeamAction::SetMyName(name) => self.colleagues.me = super::clean_name(&name),
            TeamAction::Restore(found) => {
                for c in found.colleagues {
                    self.colleagues.add_or_update(
                        &c.name,
                        c.plan.starred,
                        c.stamp,
                        false,
                        around.programme,
                    );
                }
                self.colleagues.me = self.colleagues.me.take().or(found.me);
            }
            TeamAction::DismissOutcomes => {
                self.outcomes.clear();
                self.rename_error = None;
            }
        }
    }

    fn loaded(&mut self, team: Delegation, programme: Option<&Programme>) {
        let before = std::mem::replace(&mut self.colleagues, team);
        if !self.loaded {
            // Colleagues added before the record was first read are kept too.
            for c in before.colleagues {
                self.colleagues
                    .add_or_update(&c.name, c.plan.starred, c.stamp, false, programme);
            }
            self.colleagues.me = self.colleagues.me.take().or(before.me);
        }
        self.loaded = true;
        self.loaded_for = programme.map(|p| p.id.clone());
        if let Some(p) = programme {
            self.colleagues.fill_snapshots(p);
        }
    }

    fn add_shared(&mut self, name: &str, force: bool, around: Around<'_>) {
        let Some((value, stamp)) = around.share.as_deref().map(split_stamp) else {
            return;
        };
        let Ok(shared) = crate::share::decode(value) else {
            return;
        };
        let outcome =
            self.colleagues
                .add_or_update(name, shared.ids, stamp, force, around.programme);
        if !matches!(
            outcome,
            Outcome::NotNewer | Outcome::BadName | Outcome::Full
        ) {
            // Kept: the link is handled. Otherwise it waits, so the visitor can decide.
            *around.share = None;
        }
        let shown = super::clean_name(name).unwrap_or_default();
        self.outcomes = vec![(shown, outcome)];
    }

    fn take_team(&mut self, mine: Option<&str>, force: bool, around: Around<'_>) {
        let Some(link) = around
            .team_link
            .as_deref()
            .and_then(|v| decode_team(v).ok())
        else {
            return;
        };
        let programme = around.programme;
        // A link made for another programme (the same id, another fingerprint) is not
        // taken; the offer says so.
        if programme.is_some_and(|p| !link.is_for(p)) {
            return;
        }
        let ids = |tokens: &[String]| match programme {
            Some(p) => resolve(p, tokens),
            None => {
                // `extend`, not `collect()`, which sorts first: kilobytes of wasm.
                let mut set = std::collections::BTreeSet::new();
                set.extend(tokens.iter().cloned());
                set
            }
        };
        let already = self.merged_me.take();
        let mine = mine.map(str::to_owned).or_else(|| already.clone());
        let is_mine = |name: &str| {
            mine.as_deref()
                .and_then(super::clean_name)
                .is_some_and(|m| m.to_lowercase() == name.to_lowercase())
        };
        let mut outcomes = Vec::new();
        for person in &link.people {
            if is_mine(&person.name) {
                if already.is_none() {
                    around.plan.merge(&Plan {
                        starred: ids(&person.tokens),
                        ..Plan::default()
                    });
                }
                continue;
            }
            let outcome = self.colleagues.add_or_update(
                &person.name,
                ids(&person.tokens),
                person.stamp,
                force,
                programme,
            );
            outcomes.push((person.name.clone(), outcome));
        }
        if outcomes.iter().any(|(_, o)| *o == Outcome::NotNewer) {
            // Some kept plans are newer: the link waits for "replace anyway".
            self.merged_me = mine;
        } else {
            *around.team_link = None;
        }
        self.outcomes = outcomes;
    }
}
