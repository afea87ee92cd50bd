//! A delegation plans together: colleagues kept next to the own plan, the merge rule for a
//! newer link, names as untrusted text, the delegation link (and its length as a QR code),
//! coverage per block, and a plan as a day (free time, other rooms and floors).

use std::collections::BTreeSet;

use seminarplan_core::delegation::coverage::{Who, coverage};
use seminarplan_core::delegation::day::{Before, Walk, day_plan, days_with_choices};
use seminarplan_core::delegation::link::{
    MIN_PREFIX, base36, decode_team, encode_team, from_base36, qr_version, resolve, split_stamp,
    stamp_share,
};
use seminarplan_core::delegation::{
    Delegation, MAX_NAME_CHARS, Outcome, RenameError, clean_name, initials,
};
use seminarplan_core::model::Programme;
use seminarplan_core::plan::{Change, Plan};
use seminarplan_core::saved::{DecodeError, decode_team as load, encode_team as store, team_key};
use seminarplan_core::share::{self, ShareError};
use seminarplan_core::url_state::encode_component;

use super::demo;

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn plan(list: &[&str]) -> Plan {
    Plan {
        starred: ids(list),
        ..Plan::default()
    }
}

/// The demo programme with its JSON edited by `edit`.
fn demo_edited(edit: impl FnOnce(&mut serde_json::Value)) -> Programme {
    let mut json: serde_json::Value =
        serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("demo is JSON");
    edit(&mut json);
    seminarplan_core::parse::parse_programme(&json.to_string()).expect("still valid")
}

/// The demo programme with every session id replaced by a GUID (as Pretalx-like or CMS
/// exports write them), and the GUID of each demo id.
fn demo_with_guids() -> (Programme, impl Fn(&str) -> String) {
    fn guid(id: &str) -> String {
        // A deterministic, well-spread hex string per id (FNV-1a, twice).
        let mut h: u64 = 0xcbf29ce484222325;
        let mut hex = String::new();
        for round in 0..2u8 {
            for b in id.bytes().chain([round]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x100000001b3);
            }
            hex.push_str(&format!("{h:016x}"));
        }
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
    let p = demo_edited(|json| {
        for s in json["sessions"].as_array_mut().expect("sessions") {
            let id = s["id"].as_str().expect("id").to_owned();
            s["id"] = serde_json::Value::String(guid(&id));
        }
    });
    (p, guid)
}

#[test]
fn names_are_cleaned_and_bounded() {
    assert_eq!(clean_name("  Anna   Berg \n"), Some("Anna Berg".into()));
    // Bidi overrides, zero-width characters and controls are dropped; `~` too.
    assert_eq!(
        clean_name("\u{202E}anna\u{200B}\u{0007} ~Bo"),
        Some("anna Bo".into())
    );
    assert_eq!(clean_name(" \u{200B}\u{202E} "), None);
    assert_eq!(clean_name(""), None);
    let long = "Å".repeat(100);
    assert_eq!(
        clean_name(&long).map(|n| n.chars().count()),
        Some(MAX_NAME_CHARS)
    );
    // Markup stays text: the shell escapes it like every other text.
    assert_eq!(clean_name("<b>Eve</b>"), Some("<b>Eve</b>".into()));
    assert_eq!(initials("anna berg"), "AB");
    assert_eq!(initials("Åsa"), "Å");
    assert_eq!(initials("Karl Johan Nilsson"), "KJ");
}

#[test]
fn colleagues_are_added_renamed_and_removed() {
    let p = demo();
    let mut team = Delegation::default();
    assert_eq!(
        team.add_or_update("Anna", ids(&["s-102"]), 100, false, Some(&p)),
        Outcome::Added
    );
    assert_eq!(
        team.add_or_update("Bo", ids(&["s-101"]), 100, false, Some(&p)),
        Outcome::Added
    );
    assert_eq!(
        team.add_or_update(" \u{202E} ", ids(&["s-101"]), 100, false, None),
        Outcome::BadName
    );
    assert_eq!(team.len(), 2);
    // Snapshots are taken, so later changes can be pointed out.
    assert!(team.colleagues[0].plan.snapshots.contains_key("s-102"));
    assert_eq!(team.rename("anna", "Anna Berg"), Ok(()));
    assert_eq!(team.colleagues[0].name, "Anna Berg");
    assert_eq!(team.rename("Anna Berg", "BO"), Err(RenameError::Taken));
    assert_eq!(
        team.rename("Anna Berg", "\u{200B}"),
        Err(RenameError::Empty)
    );
    assert_eq!(team.rename("Cia", "Dan"), Err(RenameError::NoSuchColleague));
    assert!(team.remove("bo"));
    assert!(!team.remove("bo"));
    assert_eq!(team.colleagues.len(), 1);
    assert_eq!(team.colleagues[0].plan.starred, ids(&["s-102"]));
}

#[test]
fn a_newer_link_from_the_same_colleague_replaces_an_older_one_does_not() {
    let mut team = Delegation::default();
    team.add_or_update("Anna", ids(&["s-102"]), 200, false, None);
    // Newer (a larger stamp) replaces; the name matches without regard to case.
    assert_eq!(
        team.add_or_update("ANNA", ids(&["s-103"]), 300, false, None),
        Outcome::Replaced
    );
    assert_eq!(team.colleagues[0].plan.starred, ids(&["s-103"]));
    assert_eq!(team.colleagues[0].stamp, 300);
    assert_eq!(team.colleagues[0].name, "Anna", "the kept name stays");
    // Older, or as old, is refused unless asked for.
    for stamp in [250, 300, 0] {
        assert_eq!(
            team.add_or_update("Anna", ids(&["s-104"]), stamp, false, None),
            Outcome::NotNewer,
            "stamp {stamp}"
        );
    }
    assert_eq!(team.colleagues[0].plan.starred, ids(&["s-103"]));
    assert_eq!(
        team.add_or_update("Anna", ids(&["s-104"]), 0, true, None),
        Outcome::Replaced
    );
    assert_eq!(team.colleagues[0].plan.starred, ids(&["s-104"]));
    assert_eq!(
        team.colleagues[0].stamp, 300,
        "forcing never lowers the stamp"
    );
    assert_eq!(
        team.add_or_update("Anna", ids(&["s-104"]), 400, false, None),
        Outcome::Unchanged
    );
    assert_eq!(team.colleagues[0].stamp, 400);
}

#[test]
fn share_links_carry_a_stamp_and_old_links_still_read() {
    let value = share::encode("inkopsforum-2027", &ids(&["s-101", "s-302"]));
    let stamped = stamp_share(&value, 1_795_000_000);
    assert_eq!(stamped, format!("{value}~~{}", base36(1_795_000_000)));
    assert_eq!(split_stamp(&stamped), (value.as_str(), 1_795_000_000));
    let shared = share::decode(split_stamp(&stamped).0).expect("valid");
    assert_eq!(shared.ids, ids(&["s-101", "s-302"]));
    // A link made before stamps: stamp 0, value unchanged.
    assert_eq!(split_stamp(&value), (value.as_str(), 0));
    // Something that is not a stamp is left for `share::decode` to refuse.
    assert_eq!(split_stamp("p~~Xyz"), ("p~~Xyz", 0));
    assert_eq!(share::decode("p~~Xyz"), Err(ShareError::Malformed));
    assert_eq!(from_base36(&base36(0)), Some(0));
    assert_eq!(from_base36(&base36(u64::MAX)), Some(u64::MAX));
    assert_eq!(from_base36("zzzzzzzzzzzzz"), None);
}

#[test]
fn a_delegation_link_carries_every_name_and_choice() {
    let p = demo();
    let anna = ids(&["s-102", "s-203", "plenum-oppning"]);
    let bo = ids(&["s-101"]);
    let empty = BTreeSet::new();
    let value = encode_team(
        &p,
        &[
            ("Anna Berg", 5, &anna),
            ("Bo.Ek", 7, &bo),
            ("Åsa", 0, &empty),
        ],
    );
    assert_eq!(
        value,
        format!(
            "inkopsforum-2027*{}~7~~Anna Berg.2~plenum-o~s-102~s-203~~Bo.Ek.0~s-101~~Åsa.7",
            p.fingerprint()
        ),
        "the programme with its fingerprint, the newest stamp once, each person's distance \
         from it; ids as unique prefixes"
    );
    let link = decode_team(&value).expect("valid");
    assert_eq!(link.programme, "inkopsforum-2027");
    let names: Vec<&str> = link.people.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Bo.Ek", "Åsa"]);
    let stamps: Vec<u64> = link.people.iter().map(|q| q.stamp).collect();
    assert_eq!(stamps, [5, 7, 0]);
    assert_eq!(resolve(&p, &link.people[0].tokens), anna);
    assert_eq!(resolve(&p, &link.people[2].tokens), empty);
    // Through the URL (percent-encoded) and back.
    let url =
        seminarplan_core::url_state::UrlState::parse(&format!("team={}", encode_component(&value)));
    assert_eq!(url.team.as_deref(), Some(value.as_str()));
}

#[test]
fn hostile_delegation_links_are_refused_or_cleaned() {
    let cases: &[(&str, ShareError)] = &[
        ("", ShareError::Malformed),
        ("~1~~Anna~s-1", ShareError::Malformed),
        ("p~~Anna~s-1", ShareError::Malformed),
        ("p~X~~Anna~s-1", ShareError::Malformed),
        ("p~1~~", ShareError::Malformed),
        ("p~1~~\u{202E}.1~s-1", ShareError::Malformed),
        ("p~1~~Anna~<script>", ShareError::Malformed),
        ("p~1~~Anna~s-1~", ShareError::Malformed),
    ];
    for (input, expected) in cases {
        assert_eq!(decode_team(input), Err(*expected), "{input:?}");
    }
    let long = format!("p~1~~A~{}", "a".repeat(5000));
    assert_eq!(decode_team(&long), Err(ShareError::TooLong));
    let crowd: String = (0..40).map(|i| format!("~~P{i}")).collect();
    assert_eq!(
        decode_team(&format!("p~1{crowd}")),
        Err(ShareError::TooLong)
    );
    let link = decode_team("p~9~~\u{202E}Eve\u{2066}.1~s-1~~eve~s-2").expect("cleaned");
    assert_eq!(
        link.people.len(),
        1,
        "a repeated name keeps its first person"
    );
    assert_eq!(link.people[0].name, "Eve");
    // A name without a readable stamp keeps all its text, stamp 0.
    assert_eq!(link.people[0].stamp, 8);
    // A name without a readable difference keeps all its text and the newest stamp; a
    // difference larger than the stamp is read as 0.
    let link = decode_team("p~9~~Dr. X~s-1~~Cy.z~s-2").expect("valid");
    assert_eq!(
        (link.people[0].name.as_str(), link.people[0].stamp),
        ("Dr. X", 9)
    );
    assert_eq!(link.people[1].stamp, 0);
}

#[test]
fn long_ids_are_written_as_short_unique_prefixes() {
    let (p, guid) = demo_with_guids();
    let anna: BTreeSet<String> = ["s-101", "s-203"].iter().map(|id| guid(id)).collect();
    let value = encode_team(&p, &[("Anna", 1, &anna)]);
    let link = decode_team(&value).expect("valid");
    for token in &link.people[0].tokens {
        assert!(token.len() < 36, "{token} is shortened");
        assert!(token.chars().count() >= MIN_PREFIX);
    }
    assert_eq!(resolve(&p, &link.people[0].tokens), anna);
    // A token that matches no session, or several, stays as written (shown as missing).
    let first = guid("s-101");
    let shared_prefix = &first[..1];
    let unknown = vec!["ffffffffff".to_owned(), shared_prefix.to_owned()];
    let got = resolve(&p, &unknown);
    assert!(got.contains("ffffffffff"));
    assert!(got.contains(shared_prefix));
}

/// A delegation of `n` (at most six), each with one seminar in each of the eight blocks,
/// as a link on an organiser's site.
fn delegation_url(p: &Programme, id_of: &dyn Fn(&str) -> String, n: usize) -> String {
    let names = [
        "Anna Berg",
        "Bo Ek",
        "Cecilia Lind",
        "David Holm",
        "Eva Sjö",
        "Fredrik Ås",
    ];
    let plans: Vec<BTreeSet<String>> = (0..n)
        .map(|person| {
            (1..=8)
                .map(|block| id_of(&format!("s-{block}0{}", person + 1)))
                .collect()
        })
        .collect();
    // Made over a morning: the stamps differ by minutes.
    let people: Vec<(&str, u64, &BTreeSet<String>)> = names
        .iter()
        .zip(&plans)
        .enumerate()
        .map(|(i, (name, ids))| (*name, 1_795_000_000 + 600 * i as u64, ids))
        .collect();
    let value = encode_team(p, &people);
    let link = decode_team(&value).expect("valid");
    for ((person, ids), (_, stamp, _)) in link.people.iter().zip(&plans).zip(&people) {
        assert_eq!(&resolve(p, &person.tokens), ids, "{}", person.name);
        assert_eq!(person.stamp, *stamp);
    }
    format!(
        "https://www.inkopsforum.se/program/?team={}",
        encode_component(&value)
    )
}

/// The measurement SECURITY.md and the README quote (QR versions at medium error
/// correction, as the share dialog draws them). Version 10 (57 modules) is what a phone
/// reads at arm's length from another phone's screen; up to version 17 (85 modules) when
/// the code is at least 7 cm wide, on a laptop screen or an A4 page.
#[test]
fn a_delegation_link_fits_a_readable_qr_code() {
    let p = demo();
    let (g, guid) = demo_with_guids();
    let mut report = Vec::new();
    for n in 1..=6 {
        let demo_url = delegation_url(&p, &|id| id.to_owned(), n);
        let guid_url = delegation_url(&g, &guid, n);
        let dv = qr_version(&demo_url).expect("fits a QR code");
        let gv = qr_version(&guid_url).expect("fits a QR code");
        report.push((n, demo_url.len(), dv, guid_url.len(), gv));
    }
    for (n, dl, dv, gl, gv) in &report {
        println!(
            "{n} × 8 blocks: demo ids {dl} characters, QR {dv}; GUIDs {gl} characters, QR {gv}"
        );
    }
    let (_, _, demo6, _, guid6) = report[5];
    assert!(demo6 <= 17, "six people, demo ids: version {demo6}");
    assert!(guid6 <= 17, "six people, GUIDs: version {guid6}");
    let (_, _, demo2, _, guid2) = report[1];
    assert!(
        demo2 <= 10,
        "two people fit a phone screen: version {demo2}"
    );
    assert!(
        guid2 <= 10,
        "two people fit a phone screen: version {guid2}"
    );
    // Without the prefixes, six people's GUIDs alone would be 1,776 characters.
    assert!(report[5].3 < 6 * 8 * 37, "{}", report[5].3);
}

#[test]
fn coverage_shows_who_goes_where_duplicates_and_uncovered_blocks() {
    let p = demo();
    let mine = plan(&["s-101"]);
    let mut team = Delegation::default();
    team.add_or_update("Anna", ids(&["s-102", "s-201"]), 1, false, Some(&p));
    team.add_or_update("Bo", ids(&["s-101", "plenum-oppning"]), 1, false, Some(&p));
    let slots = coverage(&p, &mine, &team);
    let name = |slot: &seminarplan_core::delegation::coverage::Slot| {
        slot.block.map_or_else(
            || p.sessions[slot.sessions[0].session].id.clone(),
            |b| p.blocks[b].id.clone(),
        )
    };
    let order: Vec<String> = slots.iter().map(name).collect();
    assert_eq!(
        order,
        [
            "plenum-oppning",
            "pass-1",
            "pass-2",
            "pass-3",
            "pass-4",
            "pass-5",
            "pass-6",
            "pass-7",
            "pass-8"
        ],
        "every block, and the slots outside blocks that someone attends"
    );
    let pass1 = &slots[1];
    assert!(!pass1.uncovered());
    let who_of = |id: &str| {
        pass1
            .sessions
            .iter()
            .find(|s| p.sessions[s.session].id == id)
            .map(|s| s.who.clone())
            .expect("in the block")
    };
    assert_eq!(who_of("s-101"), [Who::Me, Who::Colleague(1)]);
    assert_eq!(who_of("s-102"), [Who::Colleague(0)]);
    assert!(who_of("s-103").is_empty());
    let dups: Vec<&str> = pass1
        .duplicates()
        .map(|s| p.sessions[s.session].id.as_str())
        .collect();
    assert_eq!(dups, ["s-101"]);
    assert!(!slots[2].uncovered(), "Anna covers pass 2");
    assert!(slots[2].duplicates().next().is_none());
    let uncovered: Vec<String> = slots.iter().filter(|s| s.uncovered()).map(name).collect();
    assert_eq!(
        uncovered,
        ["pass-3", "pass-4", "pass-5", "pass-6", "pass-7", "pass-8"]
    );
    // Taking an uncovered session covers its block.
    let mine = plan(&["s-101", "s-303"]);
    let slots = coverage(&p, &mine, &team);
    assert!(!slots[3].uncovered());
}

#[test]
fn a_colleagues_cancelled_or_moved_choice_is_pointed_out() {
    let p = demo();
    let mut team = Delegation::default();
    team.add_or_update(
        "Anna",
        ids(&["s-102", "s-201", "s-301"]),
        1,
        false,
        Some(&p),
    );
    team.add_or_update("Bo", ids(&["s-101"]), 1, false, Some(&p));
    let newer = demo_edited(|json| {
        let sessions = json["sessions"].as_array_mut().expect("sessions");
        sessions.retain(|s| s["id"] != "s-102");
        for s in sessions.iter_mut() {
            if s["id"] == "s-201" {
                s["start"] = "2027-03-16T16:30:00+01:00".into();
            }
        }
    });
    let changes = team.changes(&newer);
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(matches!(&changes[0], (0, Change::Cancelled { id, .. }) if id == "s-102"));
    assert!(matches!(&changes[1], (0, Change::Moved { id, .. }) if id == "s-201"));
    team.acknowledge(&newer);
    assert!(team.changes(&newer).is_empty());
}

#[test]
fn my_day_shows_free_time_and_room_and_floor_changes() {
    let p = demo();
    let ix = |id: &str| p.session_ix(id).expect("in the demo");
    // Day 1: s-101 (Stora salen, floor 2) 14:45-15:45, s-203 (Sal B, floor 3) 16:15.
    // Day 2: s-302 (Sal A, floor 3) 08:30-09:40, s-403 (Sal B, floor 3) 10:10.
    let mine = plan(&["s-101", "s-203", "s-302", "s-403", "s-404"]);
    let day1 = day_plan(&p, &mine, 0);
    assert_eq!(day1.len(), 2);
    assert_eq!(day1[0].session, ix("s-101"));
    assert_eq!(day1[0].before, Before::First);
    assert_eq!(day1[0].walk, Walk::Stay);
    assert_eq!(day1[1].before, Before::Free(30));
    assert!(matches!(day1[1].walk, Walk::Floor { .. }));
    let day2 = day_plan(&p, &mine, 1);
    assert_eq!(day2[1].session, ix("s-403"));
    assert_eq!(day2[1].before, Before::Free(30));
    assert!(matches!(day2[1].walk, Walk::Room { .. }), "same floor");
    assert_eq!(day2[2].before, Before::Overlap, "s-403 and s-404 clash");
    assert_eq!(days_with_choices(&p, &mine), [0, 1]);
    // The same room twice: no walk; back to back.
    let same = plan(&["s-207", "s-208"]);
    let steps = day_plan(&p, &same, 0);
    assert_eq!(steps[1].before, Before::Free(15));
    assert_eq!(steps[1].walk, Walk::Stay);
}

#[test]
fn the_colleagues_record_round_trips_and_refuses_what_it_cannot_read() {
    let p = demo();
    let mut team = Delegation::default();
    team.add_or_update("Anna", ids(&["s-102"]), 9, false, Some(&p));
    team.add_or_update("Bo", ids(&[]), 0, false, Some(&p));
    assert_eq!(load(&store(&team).expect("fits")), Ok(team.clone()));
    team.me = clean_name("Cia \u{202E}");
    assert_eq!(load(&store(&team).expect("fits")), Ok(team.clone()));
    assert_eq!(team.me.as_deref(), Some("Cia"));
    assert_eq!(
        team_key("default", "inkopsforum-2027"),
        "seminarplan:default:team:inkopsforum-2027"
    );
    assert_ne!(
        team_key("default", "x"),
        seminarplan_core::saved::key("default", "x")
    );
    assert_eq!(
        load(r#"{"v":2,"colleagues":[]}"#),
        Err(DecodeError::Future(2))
    );
    for bad in [
        "",
        "[]",
        r#"{"colleagues":[]}"#,
        r#"{"v":1,"colleagues":[{"name":"A"}]}"#,
    ] {
        assert_eq!(load(bad), Err(DecodeError::Corrupt), "{bad:?}");
    }
    // Names from storage are untrusted too; a name lost to cleaning or repeated keeps its
    // plan under a numbered name.
    let odd = r#"{"v":1,"colleagues":[
        {"name":"\u202eAnna","stamp":1,"plan":{"v":2,"starred":["s-101"]}},
        {"name":"anna","stamp":1,"plan":{"v":1,"starred":["s-102"]}},
        {"name":"\u200b","plan":{"v":1,"starred":["s-103","<x>"]}}]}"#;
    let team = load(odd).expect("readable");
    let names: Vec<&str> = team.colleagues.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Anna", "anna 2", "3"]);
    assert_eq!(team.colleagues[2].plan.starred, ids(&["s-103"]));
}

mod state {
    //! The delegation through the app state: a shared link kept as a colleague's, a
    //! delegation link taken, and the own plan changed only by the usual merge.

    use std::rc::Rc;

    use seminarplan_core::delegation::Outcome;
    use seminarplan_core::delegation::actions::TeamAction;
    use seminarplan_core::lang::Lang;
    use seminarplan_core::model::ProgrammeRef;
    use seminarplan_core::state::{Action, AppState};
    use seminarplan_core::url_state::UrlState;

    use super::{demo, ids, split_stamp};

    fn ready() -> AppState {
        let mut s = AppState::new(Lang::Sv);
        s.apply(Action::Loaded(ProgrammeRef(Rc::new(demo()))));
        s.apply(Action::Team(TeamAction::Loaded(Default::default())));
        s
    }

    fn names(s: &AppState) -> Vec<String> {
        s.team
            .colleagues
            .colleagues
            .iter()
            .map(|c| c.name.clone())
            .collect()
    }

    fn open(s: &mut AppState, query: &str) {
        s.apply(Action::FromUrl(Box::new(UrlState::parse(query))));
    }

    #[test]
    fn a_shared_link_becomes_a_colleague_and_a_newer_one_updates_them() {
        let mut s = ready();
        s.apply(Action::ToggleStar("s-103".into()));
        open(&mut s, "share=inkopsforum-2027~s-101~s-201~~1a");
        let stamp = s.route.share.as_deref().map(split_stamp).map(|(_, t)| t);
        assert_eq!(stamp, Some(36 + 10));
        // The stamp stays in the URL while the link waits.
        assert_eq!(
            s.url_state().share.as_deref(),
            Some("inkopsforum-2027~s-101~s-201~~1a")
        );
        s.apply(Action::Team(TeamAction::AddShared {
            name: " Anna ".into(),
            force: false,
        }));
        assert!(s.shared().is_none(), "handled");
        assert_eq!(s.team.outcomes, [("Anna".to_owned(), Outcome::Added)]);
        assert_eq!(s.plan.starred, ids(&["s-103"]), "my own plan is untouched");
        assert_eq!(
            s.team.colleagues.colleagues[0].plan.starred,
            ids(&["s-101", "s-201"])
        );
        // An older link from Anna waits for "replace anyway".
        open(&mut s, "share=inkopsforum-2027~s-102~~10");
        s.apply(Action::Team(TeamAction::AddShared {
            name: "anna".into(),
            force: false,
        }));
        assert_eq!(s.team.outcomes, [("anna".to_owned(), Outcome::NotNewer)]);
        assert!(s.shared().is_some());
        s.apply(Action::Team(TeamAction::AddShared {
            name: "anna".into(),
            force: true,
        }));
        assert_eq!(
            s.team.colleagues.colleagues[0].plan.starred,
            ids(&["s-102"])
        );
        assert!(s.shared().is_none());
    }

    #[test]
    fn a_delegation_link_is_taken_as_colleagues_and_one_plan_as_my_own() {
        let mut s = ready();
        s.apply(Action::ToggleStar("s-103".into()));
        let value = "inkopsforum-2027~9~~Anna~s-101~~Bo.2~s-2~~Cia~s-301";
        open(&mut s, &format!("team={value}"));
        assert_eq!(s.url_state().team.as_deref(), Some(value));
        s.apply(Action::Team(TeamAction::TakeTeam {
            mine: Some("CIA".into()),
            force: false,
        }));
        assert!(s.team_link().is_none());
        assert_eq!(
            s.plan.starred,
            ids(&["s-103", "s-301"]),
            "merged, not replaced"
        );
        assert_eq!(names(&s), ["Anna", "Bo"]);
        // "s-2" is a prefix of every session of pass 2: it stays unresolved, shown as missing.
        assert_eq!(s.team.colleagues.colleagues[1].plan.starred, ids(&["s-2"]));
        assert_eq!(s.team.colleagues.colleagues[1].stamp, 7);
        s.apply(Action::Team(TeamAction::Rename {
            from: "Bo".into(),
            to: "anna".into(),
        }));
        assert!(s.team.rename_error.is_some());
        s.apply(Action::Team(TeamAction::Remove("Bo".into())));
        assert_eq!(s.team.colleagues.len(), 1);
        s.apply(Action::Team(TeamAction::SetMyName("  ".into())));
        assert_eq!(s.team.colleagues.me, None);
        // The view is in the URL like the others.
        open(&mut s, "view=team");
        assert_eq!(s.url_state().to_query(), "view=team");
        // Colleagues added before the kept record was read are not lost when it is.
        let mut early = AppState::new(Lang::Sv);
        early.apply(Action::Loaded(ProgrammeRef(Rc::new(demo()))));
        early.apply(Action::FromUrl(Box::new(UrlState::parse(
            "share=inkopsforum-2027~s-101~~9",
        ))));
        early.apply(Action::Team(TeamAction::AddShared {
            name: "Dan".into(),
            force: false,
        }));
        let mut kept = seminarplan_core::delegation::Delegation::default();
        kept.add_or_update("Eva", ids(&["s-102"]), 1, false, None);
        early.apply(Action::Team(TeamAction::Loaded(kept)));
        assert_eq!(names(&early), ["Eva", "Dan"]);
        // A link that cannot be read is ignored.
        open(&mut s, "team=%3Cscript%3E");
        assert!(s.team_link().is_none());
    }
}

/// Issue 28: a delegation link named its programme by its id only, so a link made for one
/// programme was taken by another with the same id (two sheets without an Id line on one
/// site). It carries the fingerprint, as share links do; links without one still read.
#[test]
fn a_delegation_link_names_its_programme_by_more_than_its_id() {
    use seminarplan_core::delegation::actions::{Around, TeamAction, TeamState};
    let p = demo();
    let mut other = demo();
    other.conference.days[0] = other.conference.days[0] + chrono::Days::new(7);
    assert_eq!(other.id, p.id);
    let anna = ids(&["s-102"]);
    let value = encode_team(&p, &[("Anna", 5, &anna)]);
    let link = decode_team(&value).expect("valid");
    assert_eq!(link.fingerprint, Some(p.fingerprint()));
    assert!(link.is_for(&p));
    assert!(!link.is_for(&other), "another programme with the same id");
    let old = decode_team("inkopsforum-2027~5~~Anna~s-102").expect("still read");
    assert!(old.fingerprint.is_none() && old.is_for(&p) && old.is_for(&other));
    for bad in ["p*abc~1~~A~s-1", "p*zzzzzz~1~~A~s-1", "*abcdef~1~~A~s-1"] {
        assert_eq!(decode_team(bad), Err(ShareError::Malformed), "{bad}");
    }
    // Taken in the programme it was made for; not in the other.
    for (programme, taken) in [(&p, true), (&other, false)] {
        let mut team = TeamState::default();
        let (mut own, mut share, mut team_link) = (Plan::default(), None, Some(value.clone()));
        let around = Around {
            programme: Some(programme),
            plan: &mut own,
            share: &mut share,
            team_link: &mut team_link,
        };
        team.apply(
            TeamAction::TakeTeam {
                mine: None,
                force: false,
            },
            around,
        );
        assert_eq!(team.colleagues.find("Anna").is_some(), taken);
    }
}

/// Issue 28: a name with an invisible character (soft hyphen, Arabic letter mark,
/// invisible operators, variation selectors, tag characters, Hangul filler) showed as a
/// second colleague looking exactly like the first. They are cleaned away, and names are
/// compared after cleaning.
#[test]
fn names_that_look_the_same_are_one_name() {
    for hidden in [
        "\u{00AD}",
        "\u{061C}",
        "\u{2061}",
        "\u{2062}",
        "\u{2063}",
        "\u{2064}",
        "\u{FE0F}",
        "\u{E0041}",
        "\u{E0100}",
        "\u{3164}",
        "\u{115F}",
        "\u{FFA0}",
        "\u{034F}",
        "\u{180E}",
    ] {
        assert_eq!(
            clean_name(&format!("An{hidden}na")).as_deref(),
            Some("Anna"),
            "{hidden:?}"
        );
        let mut team = Delegation::default();
        team.add_or_update("Anna", ids(&["s-101"]), 1, false, None);
        let outcome = team.add_or_update(&format!("Anna{hidden}"), ids(&["s-102"]), 2, false, None);
        assert_eq!(outcome, Outcome::Replaced, "{hidden:?}");
        assert_eq!(team.len(), 1, "{hidden:?}");
        assert!(team.find(&format!("{hidden}anna")).is_some(), "{hidden:?}");
    }
    // A name that is nothing but invisible characters is no name.
    assert_eq!(clean_name("\u{3164}\u{00AD}\u{E0020}"), None);
}

/// Issue 28: the colleagues record could be written larger than it can be read back
/// (`MAX_RECORD`). Plans keep only their stars first; then nothing is written.
#[test]
fn the_colleagues_record_is_never_written_larger_than_it_can_be_read() {
    use seminarplan_core::saved::MAX_RECORD;
    let p = demo();
    let mut team = Delegation::default();
    // Snapshots make the plans large; the stars alone fit.
    let many: BTreeSet<String> = (0..2_000).map(|i| format!("x-{i:0>60}")).collect();
    for n in 0..6 {
        team.add_or_update(&format!("Kollega {n}"), many.clone(), 1, false, Some(&p));
    }
    for c in &mut team.colleagues {
        for id in &many {
            c.plan.snapshots.insert(
                id.clone(),
                seminarplan_core::plan::Snapshot {
                    title: "Å".repeat(40),
                    start: "2027-03-16T09:00:00+01:00".into(),
                    end: "2027-03-16T10:00:00+01:00".into(),
                    room: Some("Aulan".into()),
                    gone: false,
                    found: None,
                },
            );
        }
    }
    let text = store(&team).expect("the stars fit");
    assert!(text.len() <= MAX_RECORD, "{} bytes", text.len());
    let back = load(&text).expect("reads back");
    assert_eq!(back.len(), 6);
    assert_eq!(back.colleagues[5].plan.starred, many);
    // Twenty colleagues with 2,000 long ids each: not even the stars fit.
    let mut huge = Delegation::default();
    let long: BTreeSet<String> = (0..2_000).map(|i| format!("y-{i:0>120}")).collect();
    for n in 0..20 {
        huge.add_or_update(&format!("K {n}"), long.clone(), 1, false, None);
    }
    assert!(store(&huge).is_err());
}

/// Issue 28: when the programme's id changed during a visit (a kept copy with id A, then
/// a retry that loaded B), A's colleagues were written under B's key before B's record
/// was read. Colleagues are ready to be written only for the programme they were read for.
#[test]
fn colleagues_read_for_one_programme_are_not_written_for_another() {
    use seminarplan_core::delegation::actions::{Around, TeamAction, TeamState};
    let a = demo();
    let mut b = demo();
    b.id = "inkopsforum-2027-b".into();
    let mut team = TeamState::default();
    let mut kept = Delegation::default();
    kept.add_or_update("Anna", ids(&["s-101"]), 1, false, None);
    let (mut own, mut share, mut link) = (Plan::default(), None, None);
    let around = Around {
        programme: Some(&a),
        plan: &mut own,
        share: &mut share,
        team_link: &mut link,
    };
    team.apply(TeamAction::Loaded(kept), around);
    assert!(team.ready_for(&a));
    assert!(!team.ready_for(&b), "A's colleagues are not B's");
    let around = Around {
        programme: Some(&b),
        plan: &mut own,
        share: &mut share,
        team_link: &mut link,
    };
    team.apply(TeamAction::Loaded(Delegation::default()), around);
    assert!(team.ready_for(&b));
    assert!(team.colleagues.is_empty(), "B's record, not A's colleagues");
}

/// Issue 28: a colleagues record that was set aside (written by a newer version, say) had
/// no restore. What can be read of it is restored next to the colleagues kept since.
#[test]
fn a_colleagues_record_set_aside_can_be_restored() {
    use seminarplan_core::delegation::actions::{Around, TeamAction, TeamState};
    use seminarplan_core::saved::salvage_team;
    let mut team = Delegation::default();
    team.add_or_update("Anna", ids(&["s-102"]), 9, false, None);
    let text = store(&team)
        .expect("fits")
        .replacen("\"v\":1", "\"v\":7", 1);
    assert_eq!(load(&text), Err(DecodeError::Future(7)));
    let found = salvage_team(&text);
    assert_eq!(found.colleagues.len(), 1);
    assert_eq!(found.colleagues[0].plan.starred, ids(&["s-102"]));
    assert!(salvage_team("not json").is_empty());
    let mut state = TeamState::default();
    let mut kept = Delegation::default();
    kept.add_or_update("Bo", ids(&["s-101"]), 1, false, None);
    let (mut own, mut share, mut link) = (Plan::default(), None, None);
    state.apply(
        TeamAction::Loaded(kept),
        Around {
            programme: None,
            plan: &mut own,
            share: &mut share,
            team_link: &mut link,
        },
    );
    state.apply(
        TeamAction::Restore(found),
        Around {
            programme: None,
            plan: &mut own,
            share: &mut share,
            team_link: &mut link,
        },
    );
    let names: Vec<&str> = state
        .colleagues
        .colleagues
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Bo", "Anna"]);
}
