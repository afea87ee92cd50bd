//! The delegation's part of the app state (`AppState::team`) and every change to it
//! (`Action::Team`): colleagues read from storage, a shared plan kept as a colleague's, a
//! delegation link taken, a colleague renamed or removed.
//!
//! The visitor's own plan changes here only through the usual merge (`Plan::merge`), when
//! the visitor says which person of a delegation link they are.

use crate::model::SessionId;
use crate::state::AppState;

use super::link::{TeamLink, resolve};
use super::{Delegation, Outcome, RenameError};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamState {
    pub colleagues: Delegation,
    /// Set once the kept colleagues have been read: until then nothing may be written.
    pub loaded: bool,
    /// The stamp of the shared plan waiting for a decision (`AppState::shared`).
    pub shared_stamp: u64,
    /// A delegation link waiting for the visitor's decision, and its value as in the URL.
    pub incoming: Option<(TeamLink, String)>,
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
}

impl TeamState {
    /// Reads the delegation link of a URL (`None`: no link, or one that cannot be read).
    pub fn set_incoming(&mut self, value: Option<String>) {
        self.incoming = value.and_then(|v| super::link::decode_team(&v).ok().map(|l| (l, v)));
    }
}

impl AppState {
    pub(crate) fn apply_team(&mut self, action: TeamAction) {
        match action {
            TeamAction::Loaded(team) => {
                self.team.colleagues = team;
                self.team.loaded = true;
                if let Some(p) = self.programme() {
                    let p = p.clone();
                    self.team.colleagues.fill_snapshots(&p);
                }
            }
            TeamAction::AddShared { name, force } => self.add_shared(&name, force),
            TeamAction::TakeTeam { mine, force } => self.take_team(mine.as_deref(), force),
            TeamAction::DismissTeam => self.team.incoming = None,
            TeamAction::Rename { from, to } => {
                self.team.rename_error = self.team.colleagues.rename(&from, &to).err();
            }
            TeamAction::Remove(name) => {
                self.team.colleagues.remove(&name);
            }
            TeamAction::AcknowledgeChanges => {
                if let Some(p) = self.programme() {
                    let p = p.clone();
                    self.team.colleagues.acknowledge(&p);
                }
            }
            TeamAction::DismissOutcomes => {
                self.team.outcomes.clear();
                self.team.rename_error = None;
            }
        }
    }

    fn add_shared(&mut self, name: &str, force: bool) {
        let Some(shared) = self.shared.take() else {
            return;
        };
        let programme = self.programme().cloned();
        let outcome = self.team.colleagues.add_or_update(
            name,
            shared.ids.clone(),
            self.team.shared_stamp,
            force,
            programme.as_deref(),
        );
        if matches!(
            outcome,
            Outcome::NotNewer | Outcome::BadName | Outcome::Full
        ) {
            // Nothing was kept: the link waits, so the visitor can decide otherwise.
            self.shared = Some(shared);
        }
        let shown = super::clean_name(name).unwrap_or_default();
        self.team.outcomes = vec![(shown, outcome)];
    }

    fn take_team(&mut self, mine: Option<&str>, force: bool) {
        let Some((link, raw)) = self.team.incoming.take() else {
            return;
        };
        let programme = self.programme().cloned();
        let ids = |tokens: &[String]| match &programme {
            Some(p) => resolve(p, tokens),
            None => tokens
                .iter()
                .cloned()
                .collect::<std::collections::BTreeSet<SessionId>>(),
        };
        let is_mine = |name: &str| mine.is_some_and(|m| m.to_lowercase() == name.to_lowercase());
        let mut outcomes = Vec::new();
        for person in &link.people {
            if is_mine(&person.name) {
                self.plan.merge(&crate::plan::Plan {
                    starred: ids(&person.tokens),
                    ..Default::default()
                });
                if let Some(p) = &programme {
                    self.plan.fill_snapshots(p);
                }
                continue;
            }
            let outcome = self.team.colleagues.add_or_update(
                &person.name,
                ids(&person.tokens),
                person.stamp,
                force,
                programme.as_deref(),
            );
            outcomes.push((person.name.clone(), outcome));
        }
        if outcomes.iter().any(|(_, o)| *o == Outcome::NotNewer) {
            // Some kept plans are newer: the link waits for "replace anyway". Whoever was
            // merged into the own plan is not merged twice.
            let rest = TeamLink {
                programme: link.programme.clone(),
                people: link
                    .people
                    .into_iter()
                    .filter(|p| !is_mine(&p.name))
                    .collect(),
            };
            self.team.incoming = Some((rest, raw));
        }
        self.team.outcomes = outcomes;
    }
}
