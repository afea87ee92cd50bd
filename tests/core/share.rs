//! Share links: round trip, refusal of malformed and oversized links, and the QR matrix.

use std::collections::BTreeSet;

use seminarplan_core::share::{MAX_IDS, MAX_LEN, ShareError, decode, encode, qr};
use seminarplan_core::state::{Action, AppState};
use seminarplan_core::url_state::UrlState;

fn ids(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn round_trip() {
    let plan = ids(&["s-101", "s-302", "plenum-oppning"]);
    let value = encode("inkopsforum-2027", &plan);
    assert_eq!(value, "inkopsforum-2027~plenum-oppning~s-101~s-302");
    let shared = decode(&value).expect("valid");
    assert_eq!(shared.programme, "inkopsforum-2027");
    assert_eq!(shared.ids, plan);
    assert_eq!(decode("p").expect("empty plan").ids.len(), 0);
}

#[test]
fn malformed_and_oversized_links_are_refused() {
    let cases: &[(&str, ShareError)] = &[
        ("", ShareError::Malformed),
        ("~s-1", ShareError::Malformed),
        ("p~", ShareError::Malformed),
        ("p~s 1", ShareError::Malformed),
        ("p~<script>", ShareError::Malformed),
        ("p~~s-1", ShareError::Malformed),
    ];
    for (input, expected) in cases {
        assert_eq!(decode(input), Err(*expected), "{input:?}");
    }
    let long = format!("p~{}", "a".repeat(MAX_LEN));
    assert_eq!(decode(&long), Err(ShareError::TooLong));
    let many = format!(
        "p~{}",
        (0..=MAX_IDS)
            .map(|i| format!("{i}"))
            .collect::<Vec<_>>()
            .join("~")
    );
    assert_eq!(decode(&many), Err(ShareError::TooLong));
}

#[test]
fn qr_matrix_is_square_with_finder_patterns() {
    let m = qr("http://127.0.0.1:8080/?share=inkopsforum-2027~s-101~s-302").expect("fits");
    assert_eq!(m.dark.len(), m.width * m.width);
    assert!(m.width >= 21);
    // The top-left finder pattern: a dark 7×7 ring.
    for i in 0..7 {
        assert!(m.dark[i], "top row of the finder");
        assert!(m.dark[i * m.width], "left column of the finder");
    }
    assert!(!m.dark[m.width + 1], "inside the ring is light");
    assert_eq!(m.size(), m.width + 8);
    assert!(m.svg_path().starts_with("M4 4h1v1h-1z"));
    assert!(qr(&"x".repeat(5000)).is_none(), "too long for a QR code");
}

#[test]
fn a_shared_link_is_merged_or_adopted_only_when_asked() {
    let mut state = AppState::default();
    let mut own = seminarplan_core::plan::Plan::default();
    own.toggle("mine");
    state.apply(Action::PlanLoaded(own));
    let url = UrlState::parse("share=p~s-1~s-2");
    state.apply(Action::FromUrl(Box::new(url)));
    assert_eq!(state.shared().map(|s| s.ids.len()), Some(2));
    assert_eq!(
        state.plan.len(),
        1,
        "nothing changes before the visitor decides"
    );
    let mut merged = state.clone();
    merged.apply(Action::MergeShared);
    assert_eq!(merged.plan.starred, ids(&["mine", "s-1", "s-2"]));
    assert!(merged.shared().is_none());
    assert_eq!(
        merged.url_state().share,
        None,
        "the link's plan leaves the URL once handled"
    );
    let mut adopted = state.clone();
    adopted.apply(Action::AdoptShared);
    assert_eq!(adopted.plan.starred, ids(&["s-1", "s-2"]));
    state.apply(Action::DismissShared);
    assert_eq!(state.plan.starred, ids(&["mine"]));
    // A malformed share link is ignored.
    state.apply(Action::FromUrl(Box::new(UrlState::parse(
        "share=%3Cscript%3E",
    ))));
    assert!(state.shared().is_none());
}
