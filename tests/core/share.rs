//! Share links: round trip, refusal of malformed and oversized links, and the QR matrix.

use std::collections::BTreeSet;

use seminarplan_core::lang::Lang;
use seminarplan_core::share::{MAX_IDS, MAX_LEN, ShareError, decode, encode, qr};
use seminarplan_core::state::{Action, AppState, Notice};
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
    // A malformed share link offers nothing, and the receiver is told (issue 15).
    state.apply(Action::FromUrl(Box::new(UrlState::parse(
        "share=%3Cscript%3E",
    ))));
    assert!(state.shared().is_none());
    assert!(state.chrome.notices.contains(&Notice::ShareUnreadable));
}

/// Issue 15: a share link over 4,096 characters was dropped by the receiver without a
/// word (as a whole query too long to read, or as a `share=` value too long to decode).
#[test]
fn an_oversized_share_link_is_reported_to_the_receiver() {
    let guid = |i: usize| format!("{i:08x}-0000-4000-8000-000000000000");
    let ids: BTreeSet<String> = (0..120).map(guid).collect();
    let value = encode("p", &ids);
    assert!(value.len() > 4096, "{} characters", value.len());
    for query in [
        format!("share={value}"),
        format!("page_id=1&share={value}"),
        format!("share=p~{}", "a".repeat(MAX_LEN)),
    ] {
        let mut state = AppState::default();
        state.apply(Action::FromUrl(Box::new(UrlState::parse(&query))));
        assert!(state.shared().is_none());
        assert!(
            state.chrome.notices.contains(&Notice::ShareUnreadable),
            "told about {} characters",
            query.len()
        );
    }
    // A long address without a shared plan reports nothing.
    let mut state = AppState::default();
    let long = format!("q={}", "a".repeat(5000));
    state.apply(Action::FromUrl(Box::new(UrlState::parse(&long))));
    assert!(state.chrome.notices.is_empty());
    for lang in [Lang::Sv, Lang::En] {
        assert!(lang.share_unreadable().ends_with('.'));
    }
}
