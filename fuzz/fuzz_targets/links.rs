//! Anything a visitor can be sent: share links of both formats (with a stamp or not),
//! delegation links (`team=`) and URL state, read the way a page load reads them
//! (`Action::FromUrl`, which writes a share link back in its own form). What is read must
//! be written back and read the same.
#![no_main]
use std::sync::OnceLock;

use seminarplan_core::delegation::link;
use seminarplan_core::model::Programme;
use seminarplan_core::share;
use seminarplan_core::state::{Action, AppState};
use seminarplan_core::url_state::UrlState;

fn demo() -> &'static Programme {
    static DEMO: OnceLock<Programme> = OnceLock::new();
    DEMO.get_or_init(|| {
        seminarplan_core::parse::parse_programme(seminarplan_core::DEMO_PROGRAMME)
            .expect("the demo is valid")
    })
}

fn team_round_trip(text: &str) {
    let Ok(team) = link::decode_team(text) else {
        return;
    };
    let mut programme = demo().clone();
    programme.id.clone_from(&team.programme);
    let people: Vec<_> = team
        .people
        .iter()
        .map(|p| (p.name.clone(), p.stamp, link::resolve(&programme, &p.tokens)))
        .collect();
    let rows: Vec<_> = people.iter().map(|(n, s, ids)| (n.as_str(), *s, ids)).collect();
    let again = link::decode_team(&link::encode_team(&programme, &rows)).expect("reads back");
    let read: Vec<_> = again
        .people
        .iter()
        .map(|p| (p.name.clone(), p.stamp, link::resolve(&programme, &p.tokens)))
        .collect();
    assert_eq!(read, people);
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (value, _) = link::split_stamp(text);
    if let Ok(shared) = share::decode(value) {
        let written =
            share::encode_with(&shared.programme, shared.fingerprint.as_deref(), &shared.ids);
        assert_eq!(share::decode(&written), Ok(shared));
    }
    team_round_trip(text);
    let state = UrlState::parse(text);
    assert_eq!(UrlState::parse(&state.to_query()), state);
    let mut app = AppState::default();
    app.apply(Action::FromUrl(Box::new(state)));
    let _ = app.url_state().to_query();
});
