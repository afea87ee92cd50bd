//! The app state reducer: every action, applied to plain data.

use seminarplan_core::filter::{DayChoice, Facet};
use seminarplan_core::lang::Lang;
use seminarplan_core::loading::FetchFault;
use seminarplan_core::loading::LoadError;
use seminarplan_core::model::ProgrammeRef;
use seminarplan_core::plan::Plan;
use seminarplan_core::state::{Action, AppState, Load, Notice, Stale};
use seminarplan_core::url_state::View;
use std::rc::Rc;

use super::small;

fn ready() -> AppState {
    let mut s = AppState::new(Lang::Sv);
    s.apply(Action::Loaded(ProgrammeRef(Rc::new(small()))));
    s
}

#[test]
fn starts_loading_in_the_given_language() {
    let s = AppState::new(Lang::En);
    assert_eq!(s.loading.load, Load::Loading);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.route.view, View::Programme);
    assert!(!s.plan_loaded);
}

#[test]
fn stars_toggle_but_breaks_cannot_be_starred() {
    let mut s = ready();
    s.apply(Action::ToggleStar("s1".into()));
    assert!(s.plan.is_starred("s1"));
    s.apply(Action::ToggleStar("fika".into()));
    assert!(!s.plan.is_starred("fika"), "a coffee break is not a choice");
    s.apply(Action::ToggleStar("s1".into()));
    assert!(s.plan.is_empty());
}

#[test]
fn a_cancelled_star_can_be_removed_but_unknown_ids_not_added() {
    let mut s = ready();
    s.apply(Action::PlanLoaded(Plan {
        starred: ["gone".to_string()].into(),
        ..Plan::default()
    }));
    s.apply(Action::ToggleStar("gone".into()));
    assert!(s.plan.is_empty());
    s.apply(Action::ToggleStar("never-existed".into()));
    assert!(s.plan.is_empty());
}

#[test]
fn days_views_and_language() {
    let mut s = ready();
    s.apply(Action::SetDay(DayChoice::All));
    assert_eq!(s.route.filters.day, DayChoice::All);
    s.apply(Action::ShowView(View::MySchedule));
    assert_eq!(s.route.view, View::MySchedule);
    s.apply(Action::SetLang(Lang::En));
    assert_eq!(s.lang, Lang::En);
    s.apply(Action::ToggleExpanded("s1".into()));
    assert!(s.chrome.expanded.contains("s1"));
    s.apply(Action::ToggleExpanded("s1".into()));
    assert!(s.chrome.expanded.is_empty());
}

#[test]
fn plan_loading_and_notices() {
    let mut s = ready();
    let mut plan = Plan::default();
    plan.toggle("s2");
    s.apply(Action::PlanLoaded(plan.clone()));
    assert!(s.plan_loaded);
    assert_eq!(s.plan.starred, plan.starred);
    // A plan saved without snapshots gets them from the programme on load.
    assert_eq!(s.plan.snapshots["s2"].title, "Overprövningar");
    s.apply(Action::Notice(Notice::StorageCorrupt));
    s.apply(Action::Notice(Notice::StorageCorrupt));
    assert_eq!(s.chrome.notices.len(), 1, "each notice once");
    s.apply(Action::Dismiss(Notice::StorageCorrupt));
    assert!(s.chrome.notices.is_empty());
}

#[test]
fn failure_and_retry() {
    let mut s = AppState::new(Lang::Sv);
    s.apply(Action::Failed(LoadError::Fetch(FetchFault::NotFound)));
    assert!(matches!(s.loading.load, Load::Failed(_)));
    let mut saved = Plan::default();
    saved.toggle("s1");
    s.apply(Action::OfflinePlan(saved.clone()));
    assert_eq!(
        s.loading.offline_plan,
        Some(saved),
        "the saved plan is kept to show"
    );
    let before = s.loading.attempt;
    s.apply(Action::Retry);
    assert_eq!(s.loading.load, Load::Loading);
    assert_eq!(s.loading.attempt, before + 1);
    assert_eq!(s.loading.offline_plan, None);
}

#[test]
fn a_stale_programme_stays_on_screen_through_a_retry_until_a_fresh_one_comes() {
    let mut s = AppState::new(Lang::Sv);
    let stale = Stale {
        why: LoadError::Fetch(FetchFault::Timeout),
        fetched_ms: 1_800_000_000_000,
    };
    s.apply(Action::LoadedStale(
        ProgrammeRef(Rc::new(small())),
        stale.clone(),
    ));
    assert!(s.programme().is_some(), "the last good copy is shown");
    assert_eq!(s.loading.stale, Some(stale.clone()));
    s.apply(Action::ToggleStar("s1".into()));
    assert!(s.plan.is_starred("s1"), "the copy can be used as usual");

    s.apply(Action::Retry);
    assert!(s.programme().is_some(), "retrying keeps the copy on screen");
    assert!(s.loading.reloading);
    // The retry fails again: still the copy, no longer reloading.
    s.apply(Action::LoadedStale(ProgrammeRef(Rc::new(small())), stale));
    assert!(!s.loading.reloading);
    assert!(s.loading.stale.is_some());
    // A fresh programme clears the mark.
    s.apply(Action::Retry);
    s.apply(Action::Loaded(ProgrammeRef(Rc::new(small()))));
    assert_eq!(s.loading.stale, None);
    assert!(!s.loading.reloading);
    assert!(s.plan.is_starred("s1"));
}

#[test]
fn filters_session_pages_and_the_url() {
    let mut s = ready();
    s.apply(Action::ToggleFacet(Facet::Theme, "hallbarhet".into()));
    s.apply(Action::SetText("hallbar".into()));
    s.apply(Action::SetStarredOnly(true));
    assert_eq!(s.route.filters.active_count(), 3);
    s.apply(Action::OpenSession(Some("s1".into())));
    let url = s.url_state();
    assert_eq!(url.session.as_deref(), Some("s1"));
    assert_eq!(
        url.to_query(),
        "q=hallbar&theme=hallbarhet&starred=1&session=s1"
    );
    s.apply(Action::OpenSpeaker(Some("anna".into())));
    assert_eq!(s.route.session, None, "one page at a time");
    s.apply(Action::ClearFilters);
    assert!(!s.route.filters.is_active());

    // Back/forward: the URL decides the whole view.
    let mut other = ready();
    other.apply(Action::FromUrl(Box::new(url.clone())));
    assert_eq!(other.url_state(), url);
}

#[test]
fn a_plan_read_again_is_merged_not_taken_over() {
    let mut s = ready();
    s.apply(Action::PlanLoaded(Plan::default()));
    s.apply_at(Action::ToggleStar("s1".into()), 1_800_000_000_000);
    assert!(
        s.plan.stamps["s1"] >= 1_800_000_000_000,
        "the star is stamped now"
    );
    // A copy read from storage that does not know about the star yet (written by another
    // widget before it) does not take it away, and its own star is added.
    let mut other = Plan::default();
    other.set("s2", true);
    s.apply(Action::PlanLoaded(other));
    let ids: Vec<&str> = s.plan.starred.iter().map(String::as_str).collect();
    assert_eq!(ids, ["s1", "s2"]);
    // An empty read (the key was removed elsewhere) empties nothing.
    s.apply(Action::PlanLoaded(Plan::default()));
    assert_eq!(s.plan.len(), 2);
    // A record set aside and read back in part: its stars are added, the notice goes.
    s.apply(Action::Notice(Notice::StorageCorrupt));
    let mut found = Plan::default();
    found.set("s3", true);
    s.apply(Action::Restore(found));
    assert!(s.plan.is_starred("s3"));
    assert!(s.chrome.notices.is_empty());
}

/// A plan read from storage keeps the stamps it was written with. Before, it was stamped
/// again as made now, so two tabs wrote the same star back and forth with ever newer
/// stamps, and one of those copies could win over a later unstar in the other tab (seen
/// as a flaky `star_in_one_tab_appears_in_another` under load).
#[test]
fn a_plan_read_from_storage_keeps_its_stamps() {
    let mut s = ready();
    s.apply(Action::PlanLoaded(Plan::default()));
    let mut elsewhere = Plan::default();
    elsewhere.set("s1", true);
    let written = elsewhere.stamps["s1"];
    s.apply_at(Action::PlanLoaded(elsewhere.clone()), 1_800_000_000_000);
    assert_eq!(
        s.plan.stamps["s1"], written,
        "not stamped again as made now"
    );
    assert_eq!(
        (&s.plan.starred, &s.plan.stamps),
        (&elsewhere.starred, &elsewhere.stamps),
        "so there is nothing new to write back"
    );
    // The visitor's own change made later is stamped now, and wins over the old copy.
    s.apply_at(Action::ToggleStar("s1".into()), 1_800_000_000_001);
    let merged = seminarplan_core::plan::reconcile(&elsewhere, &s.plan);
    assert!(!merged.is_starred("s1"), "the later unstar wins");
}

#[test]
fn a_preview_shows_while_loading_and_never_counts_as_the_programme() {
    let part = || ProgrammeRef(Rc::new(small()));
    let mut s = AppState::new(Lang::Sv);
    s.apply(Action::Preview(part()));
    assert!(s.loading.preview.is_some());
    // Nothing that acts on the programme (the plan, the URL, the notices) sees it.
    assert_eq!(s.loading.load, Load::Loading);
    assert!(s.programme().is_none());
    s.apply(Action::Loaded(part()));
    assert!(s.loading.preview.is_none());
    assert!(s.programme().is_some());

    // A failure ends the preview too: the error is shown, not part of a programme.
    let mut s = AppState::new(Lang::Sv);
    s.apply(Action::Preview(part()));
    s.apply(Action::Failed(LoadError::Fetch(FetchFault::Truncated)));
    assert!(s.loading.preview.is_none());
    assert!(matches!(s.loading.load, Load::Failed(_)));

    // While a kept copy is shown and a retry runs, part of a file does not replace it.
    let mut s = AppState::new(Lang::Sv);
    s.apply(Action::LoadedStale(
        part(),
        Stale {
            why: LoadError::Fetch(FetchFault::Network),
            fetched_ms: 0,
        },
    ));
    s.apply(Action::Retry);
    s.apply(Action::Preview(part()));
    assert!(s.loading.preview.is_none());
    assert!(s.programme().is_some());
}
