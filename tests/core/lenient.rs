//! One bad session does not hide the programme from visitors (issue 27, item 7): the
//! widget's reading (`import::read_here`) shows every session it can and reports the rest,
//! while the check page and the command line (`import::import`) refuse the file for the
//! same problems. One set of rules, two ways of reporting.

use serde_json::{Value, json};

use seminarplan_core::form::{Rule, host_failure, host_update};
use seminarplan_core::import::{import, read_here};
use seminarplan_core::lang::Lang;
use seminarplan_core::loading::{LeftOut, LoadError};
use seminarplan_core::model::ProgrammeRef;
use seminarplan_core::parse::Problem;
use seminarplan_core::state::{Action, AppState, Notice};

/// The small fixture with `edit` made to its JSON.
fn small_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(crate::SMALL).expect("JSON");
    edit(&mut doc);
    doc.to_string()
}

/// `programme` shown with `left_out` left out: the visitor is told in a notice, and the
/// host page's update (returned with the state) names every problem.
fn shown_with_left_out(
    programme: seminarplan_core::model::Programme,
    left_out: Vec<seminarplan_core::parse::ProgrammeError>,
) -> (AppState, Value) {
    let mut state = AppState::new(Lang::En);
    state.apply(Action::Loaded(ProgrammeRef(std::rc::Rc::new(programme))));
    state.apply(Action::LeftOut(LeftOut(left_out)));
    state.apply(Action::PlanLoaded(Default::default()));
    assert!(state.chrome.notices.contains(&Notice::SessionsLeftOut));
    let update: Value =
        serde_json::from_str(&host_update(&state, Rule::Any, false).expect("an update"))
            .expect("JSON");
    (state, update)
}

#[test]
fn a_session_ending_years_after_it_starts_is_left_out_and_the_rest_shown() {
    let text = small_with(|d| d["sessions"][1]["end"] = json!("2031-03-16T15:00:00+01:00"));
    let strict = import(&text).expect_err("the check page refuses it");
    assert!(matches!(strict[0].problem, Problem::LongerThanAWeek));
    let (programme, summary) = read_here(&text).expect("ours").expect("shown");
    assert_eq!(programme.sessions.len(), 4);
    assert!(programme.session("open").is_some());
    assert_eq!(summary.left_out, strict);
    assert_eq!(summary.left_out[0].path, "sessions[1].end");
}

#[test]
fn sessions_with_an_unknown_room_a_bad_time_or_a_twin_id_are_left_out() {
    let text = small_with(|d| {
        let twin = d["sessions"][0]["id"].clone();
        d["sessions"][2]["room"] = json!("ingen-sådan-sal 🚪");
        d["sessions"][3]["start"] = json!("16 mars kl. 13");
        d["sessions"][4]["id"] = twin;
    });
    let strict = import(&text).expect_err("refused");
    let (programme, summary) = read_here(&text).expect("ours").expect("shown");
    assert_eq!(programme.sessions.len(), 2);
    assert_eq!(summary.left_out.len(), strict.len());
    for e in &strict {
        assert!(summary.left_out.contains(e), "{e:?}");
    }
}

#[test]
fn a_file_with_nothing_to_show_or_a_broken_conference_is_refused_whole() {
    let none = small_with(|d| {
        for s in d["sessions"].as_array_mut().expect("sessions") {
            s["end"] = s["start"].clone();
        }
    });
    let here = read_here(&none)
        .expect("ours")
        .expect_err("nothing to show");
    assert_eq!(here, import(&none).expect_err("refused"));
    let days = small_with(|d| {
        d["conference"]["days"] = json!([]);
        d["sessions"][1]["end"] = json!("2031-03-16T15:00:00+01:00");
    });
    let here = read_here(&days).expect("ours").expect_err("no days");
    assert_eq!(here, import(&days).expect_err("refused"));
}

/// A sheet as Excel saves it, with two rows whose end is not a time.
const SHEET: &str = "Datum;Start;Slut;Titel;Lokal\r
2027-03-16;09.00;10.00;Första passet;Sal A\r
2027-03-16;10.30;10.75;Trasig sluttid;Sal A\r
2027-03-16;11.00;tolv;Utan sluttid;Sal B\r
2027-03-16;13.00;14.00;Sista – med å, ä och ö 🎉;Sal B\r
";

#[test]
fn a_sheet_with_bad_rows_shows_the_good_ones_and_names_the_bad() {
    let strict = import(SHEET).expect_err("the check page refuses it");
    assert_eq!(strict.len(), 2);
    let (programme, summary) = read_here(SHEET).expect("a sheet").expect("shown");
    let titles: Vec<&str> = programme
        .sessions
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Första passet", "Sista – med å, ä och ö 🎉"]);
    assert_eq!(summary.left_out, strict);
    let words: Vec<String> = summary
        .left_out
        .iter()
        .map(|e| Lang::Sv.problem(e))
        .collect();
    assert_eq!(
        words,
        [
            "rad 3, kolumn Slut: 10.75 är ingen tid",
            "rad 4, kolumn Slut: tolv är ingen tid"
        ]
    );
}

/// The same as a workbook, as Excel saves it: a time that is no time (D3) and a formula
/// never calculated (D4), each at its cell. (Workbooks are written with `zip`: native only.)
#[cfg(not(target_arch = "wasm32"))]
fn workbook_with_bad_rows() -> Vec<u8> {
    use crate::workbook::{header, n, rows, s, xlsx};
    let row = |r: usize, id: &str, start: &str, end: String, title: &str| {
        vec![
            s(&format!("A{r}"), id),
            n(&format!("B{r}"), 1, "46462"),
            n(&format!("C{r}"), 2, start),
            end,
            s(&format!("E{r}"), title),
        ]
    };
    let sheet = rows(&[
        header(),
        row(
            2,
            "x1",
            "0.375",
            n("D2", 2, "0.4166666666666667"),
            "Första passet",
        ),
        row(3, "x2", "0.4375", s("D3", "10.75"), "Trasig sluttid"),
        row(
            4,
            "x3",
            "0.4583333333333333",
            r#"<c r="D4" s="2"><f>C4+TIME(1,0,0)</f></c>"#.into(),
            "Aldrig uträknad",
        ),
        row(
            5,
            "x4",
            "0.5416666666666666",
            n("D5", 2, "0.5833333333333334"),
            "Sista – med å, ä och ö 🎉",
        ),
    ]);
    xlsx(&[("Program", &sheet)], &[], false)
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_workbook_with_bad_rows_shows_the_good_ones_as_a_sheet_does() {
    use seminarplan_core::import::{handoff, import_bytes};
    let bytes = workbook_with_bad_rows();
    let strict = import_bytes(&bytes).expect_err("the check page refuses it");
    assert_eq!(strict.len(), 2);
    // The widget's reading: the workbook reader's answer, read by the first module.
    let answer = handoff::write_workbook(&bytes);
    let (programme, document, summary) =
        handoff::read(&answer).unwrap_or_else(|e| panic!("shown: {e:?}"));
    let titles: Vec<&str> = (programme.sessions.iter())
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Första passet", "Sista – med å, ä och ö 🎉"]);
    // Handed over in words, in both languages, as the workbook reader worded them.
    for lang in [Lang::Sv, Lang::En] {
        let words = |problems: &[seminarplan_core::parse::ProgrammeError]| -> Vec<String> {
            problems.iter().map(|e| lang.problem(e)).collect()
        };
        assert_eq!(words(&summary.left_out), words(&strict));
    }
    // The kept copy is the document of the sessions shown.
    let kept = seminarplan_core::parse::parse_programme(document).expect("a document");
    assert_eq!(kept, programme);
    let words =
        |lang: Lang| -> Vec<String> { summary.left_out.iter().map(|e| lang.problem(e)).collect() };
    assert_eq!(
        words(Lang::Sv),
        [
            "rad 3, kolumn Slut (D3): 10.75 är ingen tid",
            "rad 4, kolumn Slut (D4): formeln har aldrig räknats ut: öppna och spara \
             arbetsboken i Excel eller LibreOffice"
        ]
    );
    // Visitors are told in one line, the host page every problem, as for a sheet.
    let (_, update) = shown_with_left_out(programme, summary.left_out);
    assert_eq!(
        update["problems"],
        json!([
            "row 3, column Slut (D3): 10.75 is not a time",
            "row 4, column Slut (D4): the formula was never calculated: open and save the \
             workbook in Excel or LibreOffice"
        ])
    );
}

#[test]
fn visitors_are_told_discreetly_and_the_host_page_fully() {
    let (programme, summary) = read_here(SHEET).expect("a sheet").expect("shown");
    let (mut state, update) = shown_with_left_out(programme, summary.left_out);
    assert_eq!(
        update["problems"],
        json!([
            "row 3, column Slut: 10.75 is not a time",
            "row 4, column Slut: tolv is not a time"
        ])
    );
    // A newer file without problems: the notice goes.
    let fixed = import(&SHEET.replace("10.75", "11.15").replace(";tolv;", ";12.00;"))
        .expect("fixed")
        .programme;
    state.apply(Action::Loaded(ProgrammeRef(std::rc::Rc::new(fixed))));
    state.apply(Action::LeftOut(LeftOut::default()));
    assert!(!state.chrome.notices.contains(&Notice::SessionsLeftOut));
    // A file refused whole names every problem in `seminarplan-error` too.
    let errors = import("Titel;Start\r\nUtan tid;\r\n").expect_err("refused");
    state.apply(Action::Failed(LoadError::Invalid(errors)));
    let failure: Value =
        serde_json::from_str(&host_failure(&state, Rule::Any, false).expect("a failure"))
            .expect("JSON");
    assert_eq!(failure["reason"], "invalid");
    assert!(!failure["problems"].as_array().expect("problems").is_empty());
}

#[test]
fn sessions_of_the_wrong_shape_are_left_out_at_their_place() {
    let text = small_with(|d| {
        d["sessions"][1]["start"] = json!(1300);
        d["sessions"][3]
            .as_object_mut()
            .expect("a session")
            .remove("title");
        d["sessions"][4]["end"] = json!("2031-03-16T15:00:00+01:00");
    });
    let strict = import(&text).expect_err("refused");
    assert_eq!(strict.len(), 1, "the strict reading stops at the first");
    let (programme, summary) = read_here(&text).expect("ours").expect("shown");
    let doc: Value = serde_json::from_str(crate::SMALL).expect("JSON");
    let mut ids: Vec<&str> = programme.sessions.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    let mut kept = [&doc["sessions"][0]["id"], &doc["sessions"][2]["id"]]
        .map(|id| id.as_str().unwrap_or_default());
    kept.sort_unstable();
    assert_eq!(ids, kept);
    let places: Vec<&str> = summary.left_out.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        places,
        ["sessions[1].start", "sessions[3]", "sessions[4].end"]
    );
    assert_eq!(summary.left_out[0], strict[0]);
    // The only session of the wrong shape: nothing to show, refused as the check page does.
    let alone = small_with(|d| {
        let first = d["sessions"][0].clone();
        d["sessions"] = json!([first]);
        d["sessions"][0]["start"] = json!(1300);
    });
    let here = read_here(&alone)
        .expect("ours")
        .expect_err("nothing to show");
    assert_eq!(here, import(&alone).expect_err("refused"));
}
