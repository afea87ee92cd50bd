//! The registration form's view of the plan: the choice per block, validity under
//! `one-per-block` (full sessions are no valid choice), the report the host page gets,
//! setting the plan from the host page, and the `full` status in the format.

use seminarplan_core::form::{self, Invalid, Rule, SetError, SetOutcome};
use seminarplan_core::lang::Lang;
use seminarplan_core::model::Programme;
use seminarplan_core::parse::parse_programme;
use seminarplan_core::plan::Plan;
use seminarplan_core::share::ShareError;
use seminarplan_core::state::{Action, AppState, Notice};
use serde_json::{Value, json};

use super::SMALL;

/// The small fixture with a second block on day 2: `t1` (full), `t2` and `t3`; and a third
/// block whose only seminar is full.
fn programme() -> Programme {
    let mut doc: Value = serde_json::from_str(SMALL).expect("json");
    let blocks = doc["blocks"].as_array_mut().expect("blocks");
    blocks.push(
        json!({ "id": "pass-2", "name": { "sv": "Seminariepass 2", "en": "Seminar block 2" },
        "start": "2027-03-17T10:00:00+01:00", "end": "2027-03-17T11:00:00+01:00" }),
    );
    blocks.push(json!({ "id": "pass-3", "name": "Seminariepass 3",
        "start": "2027-03-17T13:00:00+01:00", "end": "2027-03-17T14:00:00+01:00" }));
    let sessions = doc["sessions"].as_array_mut().expect("sessions");
    for (id, block, status, start) in [
        ("t1", "pass-2", Some("full"), "10"),
        ("t2", "pass-2", Some("open"), "10"),
        ("t3", "pass-2", None, "10"),
        ("u1", "pass-3", Some("full"), "13"),
    ] {
        let mut s = json!({ "id": id, "title": format!("Seminarium {id}"), "type": "seminarium",
            "block": block, "start": format!("2027-03-17T{start}:00:00+01:00"),
            "end": format!("2027-03-17T{start}:45:00+01:00") });
        if let Some(status) = status {
            s["status"] = json!(status);
        }
        sessions.push(s);
    }
    parse_programme(&doc.to_string()).expect("valid")
}

fn plan(ids: &[&str]) -> Plan {
    let mut p = Plan::default();
    for id in ids {
        p.toggle(id);
    }
    p
}

#[test]
fn status_full_is_read_and_open_is_the_default() {
    let p = programme();
    let full = |id: &str| p.session(id).expect(id).full;
    assert!(full("t1"));
    assert!(full("u1"));
    assert!(!full("t2"), "status open");
    assert!(!full("t3"), "no status");
    assert!(!full("s1"));
}

#[test]
fn an_unknown_status_is_a_shape_error_at_its_place() {
    let mut doc: Value = serde_json::from_str(SMALL).expect("json");
    doc["sessions"][1]["status"] = json!("sold-out");
    let errors = parse_programme(&doc.to_string()).expect_err("refused");
    assert!(errors[0].path.starts_with("sessions[1]"), "{:?}", errors[0]);
}

#[test]
fn the_choice_per_block_in_time_order() {
    let p = programme();
    let picks = form::picks(&p, &plan(&["t2", "s1", "s2", "open"]), Lang::En);
    let got: Vec<(&str, &str, Vec<&str>)> = picks
        .iter()
        .map(|b| {
            let chosen = b.chosen.iter().map(String::as_str).collect();
            (b.id.as_str(), b.name.as_str(), chosen)
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("pass-1", "Seminariepass 1", vec!["s1", "s2"]),
            ("pass-2", "Seminar block 2", vec!["t2"]),
            ("pass-3", "Seminariepass 3", vec![]),
        ]
    );
}

#[test]
fn the_report_holds_exactly_the_plan_in_programme_order_without_cancelled_ids() {
    let p = programme();
    let report = form::report(&p, &plan(&["t2", "gone-away", "open"]), Lang::Sv);
    assert_eq!(report.programme, "liten-2027");
    assert_eq!(report.chosen, vec!["open", "t2"]);
    let json = serde_json::to_value(&report).expect("serialises");
    assert_eq!(json["blocks"][1]["chosen"], json!(["t2"]));
    assert_eq!(json["blocks"][1]["name"], json!("Seminariepass 2"));
}

#[test]
fn validity_with_one_per_block() {
    let p = programme();
    let check = |ids: &[&str]| form::check(&p, &plan(ids), Rule::OnePerBlock, false);
    // pass-3 only has a full seminar: it needs no choice.
    assert!(check(&["s1", "t2"]).is_valid());
    assert!(check(&["s1", "t3", "u1"]).is_valid());
    assert_eq!(
        check(&["s1"]),
        Invalid {
            missing: vec![1],
            ..Invalid::default()
        }
    );
    assert_eq!(
        check(&[]),
        Invalid {
            missing: vec![0, 1],
            ..Invalid::default()
        }
    );
    // A full session is no valid choice; a full one beside an open one is not two.
    assert_eq!(
        check(&["s1", "t1"]),
        Invalid {
            full: vec![1],
            ..Invalid::default()
        }
    );
    assert!(check(&["s1", "t1", "t2"]).is_valid());
    assert_eq!(
        check(&["s1", "s2", "t2", "t3"]),
        Invalid {
            too_many: vec![0, 1],
            ..Invalid::default()
        }
    );
}

#[test]
fn flags_and_messages_name_the_blocks_in_the_visitors_language() {
    let p = programme();
    let invalid = form::check(&p, &plan(&["t1"]), Rule::OnePerBlock, false);
    assert!(invalid.value_missing());
    assert!(!invalid.custom_error());
    assert_eq!(
        invalid.message(&p, Lang::Sv),
        "Välj ett seminarium i: Seminariepass 1. Ditt val är fullbokat i: Seminariepass 2. Välj ett annat seminarium."
    );
    assert_eq!(
        invalid.message(&p, Lang::En),
        "Choose a seminar in: Seminariepass 1. Your choice is full in: Seminar block 2. Choose another seminar."
    );
    let two = form::check(&p, &plan(&["s1", "s2", "t2"]), Rule::OnePerBlock, false);
    assert!(two.custom_error() && !two.value_missing());
    assert_eq!(
        two.message(&p, Lang::Sv),
        "Välj bara ett seminarium i: Seminariepass 1."
    );
    assert_eq!(Invalid::default().message(&p, Lang::Sv), "");
}

#[test]
fn required_asks_for_something_and_any_rule_asks_nothing_of_blocks() {
    let p = programme();
    let empty = form::check(&p, &Plan::default(), Rule::Any, true);
    assert!(empty.nothing && empty.value_missing());
    assert_eq!(empty.message(&p, Lang::En), "Choose at least one seminar.");
    assert!(form::check(&p, &plan(&["s1"]), Rule::Any, true).is_valid());
    assert!(form::check(&p, &Plan::default(), Rule::Any, false).is_valid());
    // A cancelled id is nothing chosen.
    assert!(form::check(&p, &plan(&["gone"]), Rule::Any, true).nothing);
}

#[test]
fn the_choose_attribute() {
    assert_eq!(Rule::from_attr(Some(" One-Per-Block ")), Rule::OnePerBlock);
    assert_eq!(Rule::from_attr(Some("any")), Rule::Any);
    assert_eq!(Rule::from_attr(None), Rule::Any);
}

fn ready(starred: &[&str]) -> AppState {
    let mut state = AppState::new(Lang::Sv);
    state.apply(Action::Loaded(seminarplan_core::model::ProgrammeRef(
        std::rc::Rc::new(programme()),
    )));
    state.apply(Action::PlanLoaded(plan(starred)));
    state
}

fn set(state: &mut AppState, ids: &[&str], merge: bool) -> Result<SetOutcome, SetError> {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let (actions, outcome) = form::set_plan(state, &ids, merge)?;
    for action in actions {
        state.apply(action);
    }
    Ok(outcome)
}

fn starred(state: &AppState) -> Vec<&str> {
    state.plan.starred.iter().map(String::as_str).collect()
}

#[test]
fn setting_the_plan_never_loses_what_the_visitor_chose() {
    let mut state = ready(&[]);
    assert_eq!(
        set(&mut state, &["s1", "t2"], false),
        Ok(SetOutcome::Replaced)
    );
    assert_eq!(starred(&state), vec!["s1", "t2"]);
    assert!(state.shared().is_none());
    assert_eq!(
        set(&mut state, &["t2", "s1"], false),
        Ok(SetOutcome::Unchanged)
    );
    assert_eq!(set(&mut state, &["t3"], true), Ok(SetOutcome::Merged));
    assert_eq!(starred(&state), vec!["s1", "t2", "t3"]);
    // Replacing would drop t3: the visitor is asked, as with a share link.
    assert_eq!(set(&mut state, &["s2"], false), Ok(SetOutcome::Asked));
    assert_eq!(starred(&state), vec!["s1", "t2", "t3"]);
    let offered = state.shared().expect("offered");
    assert_eq!(offered.programme, "liten-2027");
    state.apply(Action::AdoptShared);
    assert_eq!(starred(&state), vec!["s2"]);
}

#[test]
fn setting_the_plan_is_validated_as_a_share_link_and_waits_for_the_saved_plan() {
    let mut state = ready(&["s1"]);
    assert_eq!(
        set(&mut state, &["s2", "bad id"], false),
        Err(SetError::Refused(ShareError::Malformed))
    );
    assert_eq!(
        set(&mut state, &["a~b"], false),
        Err(SetError::Refused(ShareError::Malformed))
    );
    let many: Vec<String> = (0..=seminarplan_core::share::MAX_IDS)
        .map(|i| format!("x{i}"))
        .collect();
    assert_eq!(
        form::set_plan(&state, &many, true).map(|(_, o)| o),
        Err(SetError::Refused(ShareError::TooLong))
    );
    assert_eq!(starred(&state), vec!["s1"]);
    let mut unread = AppState::new(Lang::Sv);
    assert_eq!(set(&mut unread, &["s1"], false), Err(SetError::NotReady));
    unread.apply(Action::Loaded(seminarplan_core::model::ProgrammeRef(
        std::rc::Rc::new(programme()),
    )));
    assert_eq!(set(&mut unread, &["s1"], false), Err(SetError::NotReady));
}

#[test]
fn starring_a_full_session_works_but_warns() {
    let mut state = ready(&[]);
    state.apply(Action::ToggleStar("t2".into()));
    assert!(!state.chrome.notices.contains(&Notice::StarredFull));
    state.apply(Action::ToggleStar("t1".into()));
    assert!(state.plan.is_starred("t1"));
    assert!(state.chrome.notices.contains(&Notice::StarredFull));
    state.apply(Action::Dismiss(Notice::StarredFull));
    // Unstarring does not warn.
    state.apply(Action::ToggleStar("t1".into()));
    assert!(!state.plan.is_starred("t1"));
    assert!(!state.chrome.notices.contains(&Notice::StarredFull));
    assert_eq!(Lang::Sv.full(), "Fullbokad");
    assert_eq!(Lang::En.full(), "Full");
}

#[test]
fn the_host_is_told_nothing_before_the_saved_plan_was_read_and_then_exactly_the_plan() {
    let mut state = AppState::new(Lang::En);
    assert_eq!(form::host_update(&state, Rule::OnePerBlock, false), None);
    state.apply(Action::Loaded(seminarplan_core::model::ProgrammeRef(
        std::rc::Rc::new(programme()),
    )));
    assert_eq!(form::host_update(&state, Rule::OnePerBlock, false), None);
    state.apply(Action::PlanLoaded(plan(&["s1"])));
    let json = form::host_update(&state, Rule::OnePerBlock, false).expect("ready");
    let update: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(update["programme"], json!("liten-2027"));
    assert_eq!(update["revision"], json!("1"));
    assert_eq!(update["stale"], json!(false));
    assert_eq!(update["plan"]["chosen"], json!(["s1"]));
    assert_eq!(
        update["validity"],
        json!({ "valueMissing": true, "customError": false,
            "message": "Choose a seminar in: Seminar block 2." })
    );
    assert_eq!(form::host_failure(&state, Rule::OnePerBlock, false), None);
}

#[test]
fn a_failed_load_keeps_a_form_that_needs_a_choice_from_being_sent() {
    let mut state = AppState::new(Lang::Sv);
    state.apply(Action::Failed(
        seminarplan_core::loading::LoadError::Invalid(Vec::new()),
    ));
    let failure: Value =
        serde_json::from_str(&form::host_failure(&state, Rule::Any, true).expect("failed"))
            .expect("json");
    assert_eq!(failure["reason"], json!("invalid"));
    assert_eq!(failure["validity"]["valueMissing"], json!(true));
    assert_eq!(failure["validity"]["message"], failure["message"]);
    let free: Value =
        serde_json::from_str(&form::host_failure(&state, Rule::Any, false).expect("failed"))
            .expect("json");
    assert_eq!(free["validity"]["valueMissing"], json!(false));
}

/// The host form's reset undoes what this widget changed since the page loaded, and a
/// copy read back from storage afterwards (older changes) cannot bring the dropped star
/// back. Issue 28: the reset applied the whole plan at page load, so a star made since in
/// another tab (or another widget of the same namespace) was removed everywhere; it stays.
#[test]
fn a_form_reset_undoes_only_this_widgets_changes_and_survives_the_merge() {
    use seminarplan_core::plan::reconcile;
    use seminarplan_core::share::SharedPlan;
    let starred = |p: &Plan| p.starred.iter().cloned().collect::<Vec<_>>();
    let mut state = AppState::default();
    let mut at_load = Plan::default();
    at_load.set("s1", true);
    state.apply(Action::PlanLoaded(at_load.clone()));
    // In this widget: s1 unstarred, s3 starred (a plan offered and merged).
    state.apply(Action::ToggleStar("s1".into()));
    state.apply(Action::Offer(SharedPlan {
        programme: "p".into(),
        fingerprint: None,
        ids: ["s3".to_owned()].into(),
    }));
    state.apply(Action::MergeShared);
    assert_eq!(starred(&state.plan), ["s3"]);
    // In another tab: s9 starred; this tab reads it from storage.
    let mut other_tab = state.plan.clone();
    other_tab.set("s9", true);
    let stored = other_tab.clone();
    state.apply(Action::PlanLoaded(other_tab));
    assert_eq!(starred(&state.plan), ["s3", "s9"]);
    state.apply(Action::ResetTo(at_load));
    assert_eq!(
        starred(&state.plan),
        ["s1", "s9"],
        "this widget's changes undone, the other tab's star kept"
    );
    let merged = reconcile(&stored, &state.plan);
    assert_eq!(
        starred(&merged),
        ["s1", "s9"],
        "the older stored copy does not undo the reset"
    );
    // A second reset has nothing left to undo.
    state.apply(Action::ResetTo(Plan::default()));
    assert_eq!(starred(&state.plan), ["s1", "s9"]);
}
