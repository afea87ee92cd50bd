//! A visitor's stars survive every edit a committee makes to a sheet that keeps a
//! session's row (issue 27, item 1): the conference's name, a title, a room, a time, the
//! order of the rows, the days moving; with and without an Id column. Each edited sheet is
//! loaded the way the widget loads it: the saved record is read under the programme's id,
//! following the address's previous id (`loading::plan_follows`), and the state carries
//! each star to the session it became (`Plan::follow`).

use seminarplan_core::import::import;
use seminarplan_core::lang::Lang;
use seminarplan_core::loading::{self, Cached};
use seminarplan_core::model::{Programme, ProgrammeRef};
use seminarplan_core::plan::{self, Change, Found, Plan};
use seminarplan_core::saved;
use seminarplan_core::state::{Action, AppState};

/// Swedish Excel: `;`, a title row naming the conference, one speaker per row (who the
/// row is about, which no edit below changes), the same title on two days.
const SHEET: &str = "\u{feff}# Konferens: Inköpsforum 2028\r
# Stad: Uppsala\r
Datum;Start;Slut;Titel;Lokal;Talare\r
2028-03-14;09:00;10:00;Öppning – välkommen;Stora salen;Karin Lindqvist\r
2028-03-14;10:30;11:30;Hållbar upphandling;Sal A;Linnea Backman\r
2028-03-14;10:30;11:30;\"Avtal; uppföljning & vite 📄\";Sal B;Maria Svedberg\r
2028-03-14;12:00;13:00;Frågestund;Sal C;Kocken Åsa\r
2028-03-15;09:00;10:00;Kategoristyrning;Sal A;Per-Olof Sandström\r
2028-03-15;12:00;13:00;Frågestund;Sal C;Kocken Örjan\r
2028-03-15;13:00;14:00;Avslutning;Stora salen;Elin Haraldsson\r
";

/// The speakers whose sessions the visitor stars.
const STARRED: [&str; 4] = [
    "Linnea Backman",
    "Maria Svedberg",
    "Per-Olof Sandström",
    "Kocken Örjan",
];

/// The same sheet with an Id column in front.
fn with_ids(sheet: &str) -> String {
    let mut n = 0;
    sheet
        .split("\r\n")
        .map(|line| {
            if line.starts_with('#') || line.starts_with('\u{feff}') || line.is_empty() {
                line.to_owned()
            } else if line.starts_with("Datum") {
                format!("Id;{line}")
            } else {
                n += 1;
                format!("p{n};{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn read(sheet: &str) -> Programme {
    match import(sheet) {
        Ok(imported) => imported.programme,
        Err(problems) => panic!("the sheet is refused: {problems:?}\n{sheet}"),
    }
}

/// The speaker of a session, by id.
fn speaker(p: &Programme, id: &str) -> String {
    let s = p.session(id).unwrap_or_else(|| panic!("no session {id}"));
    p.speakers[s.speakers[0]].name.clone()
}

fn id_of(p: &Programme, name: &str) -> String {
    p.sessions
        .iter()
        .find(|s| p.speakers[s.speakers[0]].name == name)
        .map(|s| s.id.clone())
        .unwrap_or_else(|| panic!("no session of {name}"))
}

/// A visit: the programme loads, then the record kept under its id is read.
fn visit(programme: &Programme, record: Option<&str>) -> AppState {
    let mut state = AppState::new(Lang::Sv);
    state.apply_at(
        Action::Loaded(ProgrammeRef(std::rc::Rc::new(programme.clone()))),
        1,
    );
    let stored = record.map_or_else(Plan::default, |r| saved::decode(r).expect("a record"));
    state.apply_at(Action::PlanLoaded(stored), 2);
    state
}

/// The storage the widget keeps: one record per programme id, and the id of the last copy
/// fetched from the address.
struct Browser {
    records: std::collections::BTreeMap<String, String>,
    kept: Option<Cached>,
}

impl Browser {
    /// Loads `programme` as the widget does: the plan of the address's previous id is
    /// merged into this id's (`storage::follow_address`), then the visit reads it, and
    /// what the visit changed is written back.
    fn load(&mut self, programme: &Programme) -> AppState {
        if let Some(from) = loading::plan_follows(self.kept.as_ref(), &programme.id) {
            let old = self
                .records
                .get(from)
                .map(|r| saved::decode(r).expect("old"));
            // A visit a month before the first days.
            let now = chrono::DateTime::parse_from_rfc3339("2028-02-14T12:00:00+01:00")
                .expect("a time")
                .timestamp_millis();
            assert!(
                old.as_ref()
                    .is_none_or(|old| loading::plan_carries(old, now))
            );
            let new = self
                .records
                .get(&programme.id)
                .map(|r| saved::decode(r).expect("new"));
            let merged = plan::reconcile(&new.unwrap_or_default(), &old.unwrap_or_default());
            let text = saved::encode(&merged).expect("fits");
            self.records.insert(programme.id.clone(), text);
        }
        self.kept = Some(Cached {
            src: "/programme.csv".into(),
            id: programme.id.clone(),
            fetched_ms: 0,
            text: None,
        });
        let state = visit(
            programme,
            self.records.get(&programme.id).map(String::as_str),
        );
        let text = saved::encode(&state.plan).expect("fits");
        self.records.insert(programme.id.clone(), text);
        state
    }
}

/// Stars the sessions of [`STARRED`] in `sheet`, then loads `edited`: of its sessions,
/// exactly those of `still_there` are starred (by their row's speaker).
fn keeps_stars(sheet: &str, edited: &str, still_there: &[&str]) -> (Programme, AppState) {
    let before = read(sheet);
    let mut browser = Browser {
        records: Default::default(),
        kept: None,
    };
    let mut state = browser.load(&before);
    for name in STARRED {
        state.apply_at(Action::ToggleStar(id_of(&before, name)), 10);
    }
    browser
        .records
        .insert(before.id.clone(), saved::encode(&state.plan).expect("fits"));
    let after = read(edited);
    let state = browser.load(&after);
    let mut starred: Vec<String> = state
        .plan
        .starred
        .iter()
        .filter(|id| after.session(id).is_some())
        .map(|id| speaker(&after, id))
        .collect();
    starred.sort();
    let mut expected: Vec<String> = still_there.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(starred, expected, "{edited}");
    (after, state)
}

/// An edit to a sheet's text.
type Edit = Box<dyn Fn(&str) -> String>;

/// Every edit, each as a change to the sheet's text.
fn edits() -> Vec<(&'static str, Edit)> {
    vec![
        (
            "the conference renamed",
            Box::new(|s: &str| s.replace("Inköpsforum 2028", "Inköpsforum 2028 i Uppsala")),
        ),
        (
            "a title changed",
            Box::new(|s: &str| {
                s.replace(";Hållbar upphandling;", ";Hållbar upphandling i praktiken;")
            }),
        ),
        (
            "a room changed",
            Box::new(|s: &str| s.replace(";Sal B;Maria", ";Linnésalen;Maria")),
        ),
        (
            "a time changed",
            Box::new(|s: &str| {
                s.replace(
                    "2028-03-15;09:00;10:00;Kategoristyrning",
                    "2028-03-15;10:15;11:00;Kategoristyrning",
                )
            }),
        ),
        (
            "the rows reordered",
            Box::new(|s: &str| {
                let lines: Vec<&str> = s.split("\r\n").collect();
                let (head, rows) = lines.split_at(3);
                let mut rows: Vec<&str> = rows.iter().copied().filter(|l| !l.is_empty()).collect();
                rows.reverse();
                format!("{}\r\n{}\r\n", head.join("\r\n"), rows.join("\r\n"))
            }),
        ),
        (
            "the conference postponed four weeks",
            Box::new(|s: &str| {
                s.replace("2028-03-14", "2028-04-11")
                    .replace("2028-03-15", "2028-04-12")
            }),
        ),
        (
            "renamed, postponed and reordered at once",
            Box::new(|s: &str| {
                let s = s
                    .replace("Inköpsforum 2028", "Inköpsforum 2028 (nytt datum)")
                    .replace("2028-03-14", "2028-05-02")
                    .replace("2028-03-15", "2028-05-03");
                let lines: Vec<&str> = s.split("\r\n").collect();
                let (head, rows) = lines.split_at(3);
                let mut rows: Vec<&str> = rows.iter().copied().filter(|l| !l.is_empty()).collect();
                rows.rotate_left(3);
                format!("{}\r\n{}\r\n", head.join("\r\n"), rows.join("\r\n"))
            }),
        ),
    ]
}

#[test]
fn a_saved_plan_keeps_every_session_through_every_edit_without_an_id_column() {
    for (what, edit) in edits() {
        let edited = edit(SHEET);
        assert_ne!(edited, SHEET, "{what}: the edit changed nothing");
        let (after, state) = keeps_stars(SHEET, &edited, &STARRED);
        // Every star is on a session of the programme: none is reported gone.
        let changes = plan::changes(&after, &state.plan);
        assert!(
            !changes
                .iter()
                .any(|c| matches!(c, Change::Cancelled { .. })),
            "{what}: {changes:?}"
        );
    }
}

#[test]
fn a_saved_plan_keeps_every_session_through_every_edit_with_an_id_column() {
    let sheet = with_ids(SHEET);
    for (what, edit) in edits() {
        let edited = edit(&sheet);
        let (after, state) = keeps_stars(&sheet, &edited, &STARRED);
        // With ids written, no star had to be found again.
        let changes = plan::changes(&after, &state.plan);
        assert!(
            !changes
                .iter()
                .any(|c| matches!(c, Change::Cancelled { .. } | Change::Found { .. })),
            "{what}: {changes:?}"
        );
    }
}

#[test]
fn the_change_notice_says_how_a_star_was_found_and_what_changed() {
    let edited = SHEET.replace(";Hållbar upphandling;", ";Hållbar upphandling i praktiken;");
    let (after, state) = keeps_stars(SHEET, &edited, &STARRED);
    let texts: Vec<String> = plan::changes(&after, &state.plan)
        .iter()
        .map(|c| Lang::Sv.change(c))
        .collect();
    assert_eq!(
        texts,
        [
            "Hållbar upphandling i praktiken: din stjärna följde med, passet på samma tid i samma lokal",
            "Hållbar upphandling: heter nu Hållbar upphandling i praktiken",
        ]
    );
    // Without an Id column a session's made id is its title, so a new time keeps it.
    let moved = SHEET.replace(
        "2028-03-15;09:00;10:00;Kategoristyrning",
        "2028-03-15;10:15;11:00;Kategoristyrning",
    );
    let (after, state) = keeps_stars(SHEET, &moved, &STARRED);
    let changes = plan::changes(&after, &state.plan);
    assert!(
        matches!(&changes[..], [Change::Moved { id, .. }] if id == "kategoristyrning"),
        "{changes:?}"
    );
    // A written id that changes together with the time: found by its title.
    let before = with_ids(SHEET);
    let moved = before.replace(
        "p5;2028-03-15;09:00;10:00;Kategoristyrning",
        "k-styr;2028-03-15;10:15;11:00;Kategoristyrning",
    );
    let (after, state) = keeps_stars(&before, &moved, &STARRED);
    let changes = plan::changes(&after, &state.plan);
    assert!(
        matches!(&changes[..], [Change::Found { by: Found::Title, title, .. }, Change::Moved { .. }] if title == "Kategoristyrning"),
        "{changes:?}"
    );
    // Once seen, the notice is gone, and the next visit keeps the stars where they are.
    let mut state = state;
    state.apply_at(Action::AcknowledgeChanges, 20);
    assert!(plan::changes(&after, &state.plan).is_empty());
    let record = saved::encode(&state.plan).expect("fits");
    let again = visit(&after, Some(&record));
    assert_eq!(again.plan.starred, state.plan.starred);
}

#[test]
fn a_session_really_gone_is_in_the_change_notice_and_the_rest_stay() {
    let edited: String = SHEET
        .split_inclusive("\r\n")
        .filter(|line| !line.contains("Maria Svedberg"))
        .collect();
    let still = ["Linnea Backman", "Per-Olof Sandström", "Kocken Örjan"];
    let (after, state) = keeps_stars(SHEET, &edited, &still);
    let changes = plan::changes(&after, &state.plan);
    let texts: Vec<String> = changes.iter().map(|c| Lang::En.change(c)).collect();
    assert_eq!(
        texts,
        ["Avtal; uppföljning & vite 📄: cancelled or removed"],
        "{changes:?}"
    );
    // The Frågestund of day 1, which has the title of a starred one, was not starred.
    assert!(!state.plan.starred.contains(&id_of(&after, "Kocken Åsa")));
}

#[test]
fn a_star_never_lands_on_a_session_the_visitor_unstarred() {
    let before = read(SHEET);
    let mut plan = Plan::default();
    let talk = id_of(&before, "Linnea Backman");
    let other = id_of(&before, "Maria Svedberg");
    plan.set(&talk, true);
    plan.set(&other, true);
    plan.set(&other, false);
    plan.fill_snapshots(&before);
    // The title of the starred talk changes, and the unstarred one takes its slot.
    let edited = SHEET
        .replace(";Hållbar upphandling;Sal A", ";Nytt namn;Sal C")
        .replace(";Sal B;Maria", ";Sal A;Maria");
    let after = read(&edited);
    assert!(after.session(&other).is_some());
    plan.follow(&after);
    assert!(!plan.starred.contains(&other));
    assert_eq!(plan::changes(&after, &plan).len(), 1);
}

#[test]
fn a_plan_follows_a_postponed_conference_but_not_into_next_year() {
    let before = read(SHEET);
    let mut plan = Plan::default();
    plan.set(&id_of(&before, "Linnea Backman"), true);
    plan.fill_snapshots(&before);
    let at = |rfc: &str| {
        chrono::DateTime::parse_from_rfc3339(rfc)
            .expect("a time")
            .timestamp_millis()
    };
    // Before the days, and shortly after them (postponed at the last minute): it follows.
    assert!(loading::plan_carries(
        &plan,
        at("2028-02-01T12:00:00+01:00")
    ));
    assert!(loading::plan_carries(
        &plan,
        at("2028-04-01T12:00:00+02:00")
    ));
    // A year on, the address holds next year's conference: it starts afresh.
    assert!(!loading::plan_carries(
        &plan,
        at("2029-02-01T12:00:00+01:00")
    ));
    // Stars whose times are unknown (a shared link's) follow.
    let mut bare = Plan::default();
    bare.set("s-1", true);
    assert!(loading::plan_carries(
        &bare,
        at("2029-02-01T12:00:00+01:00")
    ));
}
