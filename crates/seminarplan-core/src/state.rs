//! The widget's state and every change to it, as plain data and pure functions.
//!
//! The Yew shell wraps `AppState` in one reducer (`app::Store`) and only ever changes it by
//! sending an `Action`; saving, fetching and the URL happen in effects outside.

use std::collections::BTreeSet;

use crate::filter::{DayChoice, Facet, Filters};
use crate::lang::Lang;
use crate::loading::LoadError;
use crate::model::{SessionId, Shared};
use crate::plan::Plan;
use crate::url_state::{UrlState, View};

/// How the programme is laid out: a list (the default, and the accessible form) or a
/// timetable grid with rooms side by side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    #[default]
    List,
    Grid,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Load {
    #[default]
    Loading,
    Ready(Shared),
    Failed(LoadError),
}

/// The programme shown is the last good copy kept in the browser, because loading a new
/// one failed: it may be out of date.
#[derive(Clone, Debug, PartialEq)]
pub struct Stale {
    /// Why the programme file could not be loaded this time.
    pub why: LoadError,
    /// When the copy shown was fetched, in milliseconds since 1970.
    pub fetched_ms: i64,
}

/// Messages to the visitor about their saved plan. Each is shown until dismissed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Notice {
    StorageUnavailable,
    StorageCorrupt,
    StorageFuture,
    /// The browser's storage is full: the plan could not be saved.
    StorageFull,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub load: Load,
    pub view: View,
    pub filters: Filters,
    /// The session whose page is open.
    pub open: Option<SessionId>,
    /// The speaker whose page is open.
    pub speaker: Option<String>,
    /// The filter panel, folded away on narrow screens.
    pub filters_open: bool,
    /// A plan someone shared through a link, waiting for the visitor's decision.
    pub shared: Option<crate::share::Shared>,
    /// The share dialog (link and QR code) is open.
    pub share_open: bool,
    pub layout: Layout,
    /// In the grid, whether sessions the filters leave out are dimmed or hidden.
    pub grid_mode: crate::grid::Mode,
    pub expanded: BTreeSet<SessionId>,
    pub plan: Plan,
    /// Set once the saved plan has been read: until then nothing may be written back.
    pub plan_loaded: bool,
    pub notices: BTreeSet<Notice>,
    /// Counts load attempts, so "try again" starts a new fetch.
    pub attempt: u32,
    /// Set when the programme shown is the last good copy, not a fresh one.
    pub stale: Option<Stale>,
    /// A retry is under way while the last good copy stays on screen.
    pub reloading: bool,
    /// When the programme cannot be shown at all: the plan saved for it, read from the
    /// browser so the visitor still sees what they chose.
    pub offline_plan: Option<Plan>,
    /// The delegation: colleagues' plans and links waiting for a decision.
    pub team: crate::delegation::actions::TeamState,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Loaded(Shared),
    /// Loading failed, and the last good copy kept in the browser is shown instead.
    LoadedStale(Shared, Stale),
    Failed(LoadError),
    /// Loading failed with nothing to show, but a saved plan for this address exists.
    OfflinePlan(Plan),
    Retry,
    SetLang(Lang),
    ShowView(View),
    SetDay(DayChoice),
    SetText(String),
    ToggleFacet(Facet, String),
    SetStarredOnly(bool),
    ClearFilters,
    ToggleFilterPanel,
    /// Opens (or with `None` closes) a session's page.
    OpenSession(Option<SessionId>),
    OpenSpeaker(Option<String>),
    /// The URL changed (back, forward, or the first load).
    FromUrl(Box<UrlState>),
    ToggleExpanded(SessionId),
    ToggleStar(SessionId),
    /// The saved plan was read (at start, when it changed elsewhere, or when the page is
    /// shown again): merged with the plan in memory, the later change to each session
    /// winning (`plan::reconcile`).
    PlanLoaded(Plan),
    /// Adds the sessions that could be read from a record set aside (the visitor asked).
    Restore(Plan),
    /// Star this session and unstar the starred ones it clashes with.
    ChooseInstead(SessionId),
    /// The visitor has seen what changed in the programme.
    AcknowledgeChanges,
    /// Show the seminars of one block (from My schedule's "nothing chosen yet").
    ShowBlock(String),
    /// Replace the own plan with the shared one (asked for explicitly).
    AdoptShared,
    /// Add the shared plan's sessions to the own plan.
    MergeShared,
    DismissShared,
    ShowShare(bool),
    SetLayout(Layout),
    SetGridMode(crate::grid::Mode),
    Notice(Notice),
    Dismiss(Notice),
    /// A change to the delegation (`delegation::actions`).
    Team(crate::delegation::actions::TeamAction),
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang,
            ..AppState::default()
        }
    }

    pub fn programme(&self) -> Option<&Shared> {
        match &self.load {
            Load::Ready(p) => Some(p),
            _ => None,
        }
    }

    /// What the URL should say about this state.
    pub fn url_state(&self) -> UrlState {
        UrlState {
            filters: self.filters.clone(),
            view: self.view,
            session: self.open.clone(),
            speaker: self.speaker.clone(),
            share: self
                .shared
                .as_ref()
                .map(|s| crate::share::encode(&s.programme, &s.ids))
                .map(|v| match self.team.shared_stamp {
                    0 => v,
                    stamp => crate::delegation::link::stamp_share(&v, stamp),
                }),
            team: self.team.incoming.as_ref().map(|(_, raw)| raw.clone()),
        }
    }

    fn fill_snapshots(&mut self) {
        if let Load::Ready(p) = &self.load {
            self.plan.fill_snapshots(p);
        }
    }

    /// `apply`, with the plan's changes stamped `now_ms` (the browser's clock) or later, so
    /// they win over older changes made in other tabs or widgets.
    pub fn apply_at(&mut self, action: Action, now_ms: i64) {
        let before = self.plan.stamps.clone();
        self.apply(action);
        if self.plan.stamps != before {
            let before = Plan {
                stamps: before,
                ..Plan::default()
            };
            self.plan.stamp_changes_since(&before, now_ms);
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Loaded(p) => {
                self.load = Load::Ready(p);
                self.stale = None;
                self.reloading = false;
                self.offline_plan = None;
            }
            Action::LoadedStale(p, stale) => {
                self.load = Load::Ready(p);
                self.stale = Some(stale);
                self.reloading = false;
                self.offline_plan = None;
            }
            Action::Failed(e) => {
                self.load = Load::Failed(e);
                self.reloading = false;
            }
            Action::OfflinePlan(plan) => self.offline_plan = Some(plan),
            Action::Retry => {
                self.attempt += 1;
                if self.stale.is_some() {
                    // The last good copy stays on screen while the fresh one is fetched.
                    self.reloading = true;
                } else {
                    self.load = Load::Loading;
                    self.offline_plan = None;
                }
            }
            Action::SetLang(lang) => self.lang = lang,
            Action::ShowView(view) => self.view = view,
            Action::SetDay(day) => self.filters.day = day,
            Action::SetText(text) => self.filters.text = text,
            Action::ToggleFacet(facet, id) => self.filters.toggle(facet, &id),
            Action::SetStarredOnly(on) => self.filters.starred_only = on,
            Action::ClearFilters => self.filters.clear(),
            Action::ToggleFilterPanel => self.filters_open = !self.filters_open,
            Action::OpenSession(id) => {
                self.open = id;
                self.speaker = None;
            }
            Action::OpenSpeaker(id) => {
                self.speaker = id;
                self.open = None;
            }
            Action::FromUrl(url) => {
                let url = *url;
                self.filters = url.filters;
                self.view = url.view;
                self.open = url.session;
                self.speaker = url.speaker;
                let share = url
                    .share
                    .as_deref()
                    .map(crate::delegation::link::split_stamp);
                self.team.shared_stamp = share.map_or(0, |(_, stamp)| stamp);
                self.shared = share.and_then(|(s, _)| crate::share::decode(s).ok());
                self.team.set_incoming(url.team);
            }
            Action::ToggleExpanded(id) => {
                if !self.expanded.remove(&id) {
                    self.expanded.insert(id);
                }
            }
            Action::ToggleStar(id) => {
                let starrable = self
                    .programme()
                    .and_then(|p| p.session(&id).map(|s| p.kind(s).can_star()))
                    // A starred id the programme no longer has can still be removed.
                    .unwrap_or_else(|| self.plan.is_starred(&id));
                if starrable {
                    self.plan.toggle(&id);
                    self.fill_snapshots();
                }
            }
            Action::PlanLoaded(plan) => {
                // What storage holds wins for snapshots (so an acknowledgement made
                // elsewhere is kept); for stars, the later change wins either way.
                self.plan = crate::plan::reconcile(&plan, &self.plan);
                self.plan_loaded = true;
                self.fill_snapshots();
            }
            Action::ChooseInstead(id) => {
                if let Load::Ready(p) = &self.load {
                    crate::plan::choose_instead(p, &mut self.plan, &id);
                }
            }
            Action::ShowBlock(id) => {
                let date = self.programme().and_then(|p| {
                    p.blocks
                        .iter()
                        .find(|b| b.id == id)
                        .map(|b| b.start.date_naive())
                });
                self.filters = Filters {
                    day: date.map_or(DayChoice::All, DayChoice::Date),
                    ..Filters::default()
                };
                self.filters.blocks.insert(id);
                self.view = View::Programme;
            }
            Action::AdoptShared => {
                if let Some(shared) = self.shared.take() {
                    self.plan.adopt(&shared.ids);
                    self.fill_snapshots();
                }
            }
            Action::Restore(found) => {
                self.plan.merge(&found);
                self.fill_snapshots();
                self.notices.remove(&Notice::StorageCorrupt);
                self.notices.remove(&Notice::StorageFuture);
            }
            Action::MergeShared => {
                if let Some(shared) = self.shared.take() {
                    self.plan.merge(&Plan {
                        starred: shared.ids,
                        ..Plan::default()
                    });
                    self.fill_snapshots();
                }
            }
            Action::DismissShared => self.shared = None,
            Action::ShowShare(open) => self.share_open = open,
            Action::SetLayout(layout) => self.layout = layout,
            Action::SetGridMode(mode) => self.grid_mode = mode,
            Action::AcknowledgeChanges => {
                if let Load::Ready(p) = &self.load {
                    self.plan.acknowledge(p);
                }
            }
            Action::Notice(n) => {
                self.notices.insert(n);
            }
            Action::Dismiss(n) => {
                self.notices.remove(&n);
            }
            Action::Team(a) => {
                let programme = match &self.load {
                    Load::Ready(p) => Some(p.0.clone()),
                    _ => None,
                };
                let around = crate::delegation::actions::Around {
                    programme: programme.as_deref(),
                    plan: &mut self.plan,
                    shared: &mut self.shared,
                };
                self.team.apply(a, around);
            }
        }
    }
}
