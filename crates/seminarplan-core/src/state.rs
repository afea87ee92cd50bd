//! The widget's state and every change to it, as plain data and pure functions.
//!
//! The Yew shell wraps `AppState` in one reducer (`app::Store`) and only ever changes it by
//! sending an `Action`; saving, fetching and the URL happen in effects outside.

use std::collections::BTreeSet;

use crate::filter::{DayChoice, Facet, Filters};
use crate::lang::Lang;
use crate::loading::LoadError;
use crate::model::{ProgrammeRef, SessionId};
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
    Ready(ProgrammeRef),
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
    /// The page's address held a shared plan that could not be read (too long, cut off,
    /// or damaged): the receiver is told instead of the link doing nothing.
    ShareUnreadable,
    /// The visitor starred a session that is full (`status: "full"`).
    StarredFull,
    /// Some sessions of the programme file have problems and are not shown
    /// (`LoadStatus::left_out`).
    SessionsLeftOut,
    /// The widget stopped on what its part of the page's address held, and started again
    /// without it: that part was taken out of the address (issue 28).
    LinkDropped,
}

/// The programme file: whether it is loading, shown or failed, and what goes with that.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadStatus {
    pub load: Load,
    /// Counts load attempts, so "try again" starts a new fetch.
    pub attempt: u32,
    /// Set when the programme shown is the last good copy, not a fresh one.
    pub stale: Option<Stale>,
    /// A retry is under way while the last good copy stays on screen.
    pub reloading: bool,
    /// When the programme cannot be shown at all: the plan saved for it, read from the
    /// browser so the visitor still sees what they chose.
    pub offline_plan: Option<Plan>,
    /// While a large file is still being read: the sessions of its first rows
    /// (`import::preview`), shown to read but not to choose from. The programme stays
    /// `Loading`, so nothing of the plan, the URL or the change notices ever sees it.
    pub preview: Option<ProgrammeRef>,
    /// The sessions of the file shown that could not be read, with their problems.
    pub left_out: crate::loading::LeftOut,
}

/// How the widget is shown, beyond what the URL says: panels, layout and notices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chrome {
    /// The filter panel, folded away on narrow screens.
    pub filters_open: bool,
    /// The share dialog (link and QR code) is open.
    pub share_open: bool,
    pub layout: Layout,
    /// In the grid, whether sessions the filters leave out are dimmed or hidden.
    pub grid_mode: crate::grid::Mode,
    /// Session cards folded open.
    pub expanded: BTreeSet<SessionId>,
    pub notices: BTreeSet<Notice>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// Where the visitor is: the view, the filters, the open session or speaker, and a
    /// shared plan waiting for their decision (a valid `share::encode` value). The URL
    /// says exactly this.
    pub route: UrlState,
    pub loading: LoadStatus,
    pub chrome: Chrome,
    pub plan: Plan,
    /// Set once the saved plan has been read: until then nothing may be written back.
    pub plan_loaded: bool,
    /// The delegation: colleagues' plans kept next to the own (`delegation::actions`).
    pub team: crate::delegation::actions::TeamState,
    /// The sessions whose star this widget changed since the page loaded (not what came
    /// from another tab or widget): all that a form reset may undo.
    pub own_changes: BTreeSet<SessionId>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The first sessions of a large file still being read (`LoadStatus::preview`).
    Preview(ProgrammeRef),
    Loaded(ProgrammeRef),
    /// Loading failed, and the last good copy kept in the browser is shown instead.
    LoadedStale(ProgrammeRef, Stale),
    Failed(LoadError),
    /// Loading failed with nothing to show, but a saved plan for this address exists.
    OfflinePlan(Plan),
    /// The programme just shown left out sessions that have problems.
    LeftOut(crate::loading::LeftOut),
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
    /// The host form's reset: each session this widget changed since the page loaded
    /// (`AppState::own_changes`) goes back to how this plan has it, as a new change, so the
    /// merge with what storage holds keeps it. Stars made since in another tab or widget
    /// stay (issue 28: a reset used to remove them everywhere).
    ResetTo(Plan),
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
    /// A plan from the host page (`setPlan`), handled like a share link from here on.
    Offer(crate::share::SharedPlan),
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

    pub fn programme(&self) -> Option<&ProgrammeRef> {
        match &self.loading.load {
            Load::Ready(p) => Some(p),
            _ => None,
        }
    }

    /// What the URL should say about this state.
    pub fn url_state(&self) -> UrlState {
        self.route.clone()
    }

    /// The plan someone shared through a link, waiting for the visitor's decision.
    pub fn shared(&self) -> Option<crate::share::SharedPlan> {
        let value = self.route.share.as_deref()?;
        crate::share::decode(crate::delegation::link::split_stamp(value).0).ok()
    }

    /// A delegation link waiting for the visitor's decision.
    pub fn team_link(&self) -> Option<crate::delegation::link::TeamLink> {
        crate::delegation::link::decode_team(self.route.team.as_deref()?).ok()
    }

    /// Carries stars whose ids vanished to the sessions they became (`Plan::follow`),
    /// then snapshots what is newly starred.
    fn fill_snapshots(&mut self) {
        if let Load::Ready(p) = &self.loading.load {
            self.plan.follow(p);
            self.plan.fill_snapshots(p);
        }
    }

    /// `apply`, with the plan's changes stamped `now_ms` (the browser's clock) or later, so
    /// they win over older changes made in other tabs or widgets.
    ///
    /// A plan read from storage (`PlanLoaded`) keeps the stamps it was written with: those
    /// changes were made elsewhere, earlier. Stamping them again as made now would make
    /// two tabs write the same star back and forth, each copy newer than the last, and
    /// such a copy could then win over a later unstar made in the other tab.
    pub fn apply_at(&mut self, action: Action, now_ms: i64) {
        let from_storage = matches!(action, Action::PlanLoaded(_));
        let before = self.plan.stamps.clone();
        self.apply(action);
        if !from_storage && self.plan.stamps != before {
            let before = Plan {
                stamps: before,
                ..Plan::default()
            };
            self.plan.stamp_changes_since(&before, now_ms);
        }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Preview(_)
            | Action::Loaded(_)
            | Action::LoadedStale(..)
            | Action::Failed(_)
            | Action::OfflinePlan(_)
            | Action::Retry => {
                if matches!(action, Action::Loaded(_) | Action::LoadedStale(..)) {
                    self.chrome.notices.remove(&Notice::SessionsLeftOut);
                }
                self.loading.apply(action);
                // A newer programme under the same key: the saved plan follows it.
                if self.plan_loaded {
                    self.fill_snapshots();
                }
            }
            Action::LeftOut(left_out) => {
                if !left_out.0.is_empty() {
                    self.chrome.notices.insert(Notice::SessionsLeftOut);
                }
                self.loading.left_out = left_out;
            }
            Action::SetLang(lang) => self.lang = lang,
            Action::ShowView(_)
            | Action::SetDay(_)
            | Action::SetText(_)
            | Action::ToggleFacet(..)
            | Action::SetStarredOnly(_)
            | Action::ClearFilters
            | Action::OpenSession(_)
            | Action::OpenSpeaker(_)
            | Action::DismissShared
            | Action::Offer(_) => apply_route(&mut self.route, action),
            Action::FromUrl(url) => {
                // A shared plan the address held but that cannot be read (too long, cut
                // off, damaged) is said, not dropped in silence.
                let unreadable = url.share_unreadable
                    || url
                        .share
                        .as_deref()
                        .is_some_and(|s| crate::share::decode(s).is_err());
                if unreadable {
                    self.chrome.notices.insert(Notice::ShareUnreadable);
                }
                apply_route(&mut self.route, Action::FromUrl(url));
            }
            Action::ShowBlock(id) => {
                let date = self.programme().and_then(|p| {
                    p.blocks
                        .iter()
                        .find(|b| b.id == id)
                        .map(|b| b.start.date_naive())
                });
                let filters = &mut self.route.filters;
                *filters = Filters {
                    day: date.map_or(DayChoice::All, DayChoice::Date),
                    ..Filters::default()
                };
                filters.blocks.insert(id);
                self.route.view = View::Programme;
            }
            Action::ToggleFilterPanel
            | Action::ToggleExpanded(_)
            | Action::ShowShare(_)
            | Action::SetLayout(_)
            | Action::SetGridMode(_)
            | Action::Notice(_)
            | Action::Dismiss(_) => self.chrome.apply(action),
            Action::Team(a) => {
                let before = self.plan.starred.clone();
                let programme = self.programme().map(|p| p.0.clone());
                let around = crate::delegation::actions::Around {
                    programme: programme.as_deref(),
                    plan: &mut self.plan,
                    share: &mut self.route.share,
                    team_link: &mut self.route.team,
                };
                self.team.apply(a, around);
                self.fill_snapshots();
                self.note_own_changes(&before);
            }
            Action::PlanLoaded(_) | Action::ResetTo(_) => self.apply_to_plan(action),
            _ => {
                let before = self.plan.starred.clone();
                self.apply_to_plan(action);
                self.note_own_changes(&before);
            }
        }
    }

    /// Remembers the sessions whose star an action of this widget changed.
    fn note_own_changes(&mut self, before: &BTreeSet<SessionId>) {
        if *before != self.plan.starred {
            let changed = before.symmetric_difference(&self.plan.starred).cloned();
            self.own_changes.extend(changed);
        }
    }

    /// The actions that change the plan.
    fn apply_to_plan(&mut self, action: Action) {
        match action {
            Action::ToggleStar(id) => {
                let starrable = self
                    .programme()
                    .and_then(|p| p.session(&id).map(|s| p.kind(s).can_star()))
                    // A starred id the programme no longer has can still be removed.
                    .unwrap_or_else(|| self.plan.is_starred(&id));
                if starrable {
                    let full = self
                        .programme()
                        .and_then(|p| p.session(&id))
                        .is_some_and(|s| s.full);
                    // Starring a full session is allowed, but the visitor is told.
                    if self.plan.toggle(&id) && full {
                        self.chrome.notices.insert(Notice::StarredFull);
                    }
                }
            }
            Action::PlanLoaded(plan) => {
                // What storage holds wins for snapshots (so an acknowledgement made
                // elsewhere is kept); for stars, the later change wins either way.
                self.plan = crate::plan::reconcile(&plan, &self.plan);
                self.plan_loaded = true;
            }
            Action::ChooseInstead(id) => {
                if let Load::Ready(p) = &self.loading.load {
                    crate::plan::choose_instead(p, &mut self.plan, &id);
                }
            }
            Action::AdoptShared => {
                if let Some(shared) = self.shared() {
                    self.route.share = None;
                    self.plan.adopt(&shared.ids);
                }
            }
            Action::MergeShared => {
                if let Some(shared) = self.shared() {
                    self.route.share = None;
                    self.plan.merge(&Plan {
                        starred: shared.ids,
                        ..Plan::default()
                    });
                }
            }
            Action::ResetTo(target) => {
                for id in std::mem::take(&mut self.own_changes) {
                    let starred = target.starred.contains(&id);
                    if self.plan.is_starred(&id) != starred {
                        self.plan.set(&id, starred);
                    }
                }
            }
            Action::Restore(found) => {
                self.plan.merge(&found);
                self.chrome.notices.remove(&Notice::StorageCorrupt);
                self.chrome.notices.remove(&Notice::StorageFuture);
            }
            Action::AcknowledgeChanges => {
                if let Load::Ready(p) = &self.loading.load {
                    self.plan.acknowledge(p);
                }
            }
            _ => return,
        }
        self.fill_snapshots();
    }
}

/// The actions that change where the visitor is.
fn apply_route(route: &mut UrlState, action: Action) {
    match action {
        Action::ShowView(view) => route.view = view,
        Action::SetDay(day) => route.filters.day = day,
        Action::SetText(text) => route.filters.text = text,
        Action::ToggleFacet(facet, id) => route.filters.toggle(facet, &id),
        Action::SetStarredOnly(on) => route.filters.starred_only = on,
        Action::ClearFilters => route.filters.clear(),
        Action::OpenSession(id) => {
            route.session = id;
            route.speaker = None;
        }
        Action::OpenSpeaker(id) => {
            route.speaker = id;
            route.session = None;
        }
        Action::FromUrl(url) => {
            *route = *url;
            // Only a share link that can be read stays (written back in its own form, with
            // its fingerprint and stamp); only a delegation link that can be read stays.
            route.share = route.share.as_deref().and_then(|s| {
                let (value, stamp) = crate::delegation::link::split_stamp(s);
                let shared = crate::share::decode(value).ok()?;
                let value = crate::share::encode_with(
                    &shared.programme,
                    shared.fingerprint.as_deref(),
                    &shared.ids,
                );
                Some(match stamp {
                    0 => value,
                    stamp => crate::delegation::link::stamp_share(&value, stamp),
                })
            });
            route.team = route
                .team
                .take()
                .filter(|t| crate::delegation::link::decode_team(t).is_ok());
        }
        Action::DismissShared => route.share = None,
        // A plan from the host page waits for the visitor's choice, like a share link.
        Action::Offer(shared) => {
            route.share = Some(crate::share::encode_with(
                &shared.programme,
                shared.fingerprint.as_deref(),
                &shared.ids,
            ));
        }
        _ => {}
    }
}

impl LoadStatus {
    fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Preview(_) | Action::OfflinePlan(_)) {
            self.preview = None;
        }
        match action {
            // Only instead of "loading": a programme already shown (a kept copy while a
            // retry runs) is not replaced by part of one.
            Action::Preview(p) if self.load == Load::Loading => self.preview = Some(p),
            Action::Loaded(p) => {
                self.left_out = crate::loading::LeftOut::default();
                self.load = Load::Ready(p);
                self.stale = None;
                self.reloading = false;
                self.offline_plan = None;
            }
            Action::LoadedStale(p, stale) => {
                self.left_out = crate::loading::LeftOut::default();
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
            _ => {}
        }
    }
}

impl Chrome {
    fn apply(&mut self, action: Action) {
        match action {
            Action::ToggleFilterPanel => self.filters_open = !self.filters_open,
            // Removing an open card closes it; a closed one is opened.
            Action::ToggleExpanded(id) if !self.expanded.remove(&id) => {
                self.expanded.insert(id);
            }
            Action::ShowShare(open) => self.share_open = open,
            Action::SetLayout(layout) => self.layout = layout,
            Action::SetGridMode(mode) => self.grid_mode = mode,
            Action::Notice(n) => {
                self.notices.insert(n);
            }
            Action::Dismiss(n) => {
                self.notices.remove(&n);
            }
            _ => {}
        }
    }
}
