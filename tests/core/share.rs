//! Share links: round trip, refusal of malformed and oversized links, and the QR matrix.

use std::collections::BTreeSet;

use seminarplan_core::lang::Lang;
use seminarplan_core::share::{MAX_IDS, MAX_LEN, ShareError, decode, encode, encode_for, qr};
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

fn guid(i: usize) -> String {
    format!("{i:08x}-1a2b-4c3d-8e4f-{:012x}", i * 7919)
}

/// Issue 15: about 110 GUID-named sessions made a link over 4,096 characters. The compact
/// list writes each GUID in 23 characters and each other id after what it shares with
/// the one before: now 150 GUIDs fit with room to spare, and every id reads back.
#[test]
fn compact_links_are_shorter_and_read_back() {
    let p = super::demo();
    let guids: BTreeSet<String> = (0..150).map(guid).collect();
    let old = encode(&p.id, &guids);
    let new = encode_for(&p, &guids);
    assert!(
        old.len() > MAX_LEN,
        "the first format: {} characters",
        old.len()
    );
    assert!(new.len() < 3_700, "{} characters", new.len());
    let back = decode(&new).expect("reads back");
    assert_eq!(back.ids, guids);
    assert!(back.is_for(&p));

    // Ids that share their start, upper-case hex, numbers, letters beyond ASCII.
    let mixed = ids(&[
        "s-101",
        "s-207",
        "s-208",
        "s-2080",
        "10365",
        "10366",
        "ÅÄÖ-1",
        "ÅÄÖ-2",
        "ABCDEF01-1A2B-4C3D-8E4F-000000000000",
        "plenum",
    ]);
    let value = encode_for(&p, &mixed);
    assert_eq!(decode(&value).expect("reads back").ids, mixed, "{value}");
    let demo_three = ids(&["s-101", "s-207", "s-208"]);
    assert_eq!(
        encode_for(&p, &demo_three),
        format!("inkopsforum-2027*{}~0s-101~2207~48", p.fingerprint())
    );
}

/// Issue 15: a link was accepted by any programme with the same id (two pretalx
/// conferences on one site both had the id `programme`). The fingerprint tells them apart;
/// links of the first format, without one, are still read.
#[test]
fn a_link_names_its_programme_by_more_than_its_id() {
    let p = super::demo();
    let mut other = super::demo();
    other.conference.days[0] = other.conference.days[0] + chrono::Days::new(7);
    assert_eq!(other.id, p.id);
    assert_ne!(other.fingerprint(), p.fingerprint());
    let link = decode(&encode_for(&p, &ids(&["s-101"]))).expect("valid");
    assert!(link.is_for(&p));
    assert!(
        !link.is_for(&other),
        "another programme with the same id refuses it"
    );
    let first_format = decode("inkopsforum-2027~s-101").expect("still read");
    assert_eq!(first_format.fingerprint, None);
    assert!(first_format.is_for(&p) && first_format.is_for(&other));
    // Malformed compact entries are refused, never a panic.
    for bad in [
        "p*abcdef~0",
        "p*abcdef~5abc",
        "p*abcdef~0a~9b",
        "p*abcdef~Gshort",
        "p*abcdef~G!!!!!!!!!!!!!!!!!!!!!!",
        "p*abcdef~ÅÄÖ",
        "p*abcdef~~0a",
        "p*xyz~0a",
        "p*~0a",
    ] {
        assert_eq!(
            decode(bad).map(|s| s.ids),
            Err(ShareError::Malformed),
            "{bad:?}"
        );
    }
}

/// A value written without a fingerprint (a host page's offer, an old link written back)
/// reads back as the same plan: only a fingerprinted value is read in the compact form.
#[test]
fn a_value_without_a_fingerprint_reads_back() {
    let ids: BTreeSet<String> = ["s-101", "s-201", "s-2010"].map(String::from).into();
    let value = seminarplan_core::share::encode_with("p", None, &ids);
    let back = seminarplan_core::share::decode(&value).expect("reads back");
    assert_eq!((back.programme.as_str(), back.ids), ("p", ids));
}

/// Issue 28: a link whose ids share 34 `a`s and an `é` (36 bytes, more than the 35 a
/// compact entry can say) crashed the widget on every load: the link is written back in
/// its own form, and the cap of 35 bytes fell inside `é`. The visitor's own share button
/// did the same for session ids a spreadsheet made from Swedish titles.
#[test]
fn ids_sharing_more_than_35_bytes_beyond_ascii_are_written_and_read_back() {
    let a34 = "a".repeat(34);
    let query = format!(
        "share={}",
        seminarplan_core::url_state::encode_component(&format!("x*000000~0{a34}é1~0{a34}é2"))
    );
    let mut state = AppState::new(Lang::Sv);
    state.apply(Action::FromUrl(Box::new(UrlState::parse(&query))));
    let written = state.route.share.clone().expect("the link is kept");
    assert_eq!(
        decode(&written).expect("reads back").ids,
        ids(&[&format!("{a34}é1"), &format!("{a34}é2")])
    );
    // Every length of shared start around the cap, with characters of 2, 3 and 4 bytes
    // (and ids sharing several of them), through the visitor's own share button.
    let p = super::demo();
    // (Letters all: an id holds letters, digits and `-_.:` only.)
    for ch in ["é", "å", "中", "𝔸"] {
        for pad in 28..40 {
            let start = format!("{}{ch}{ch}", "b".repeat(pad));
            let plan = ids(&[
                &format!("{start}1"),
                &format!("{start}2"),
                &format!("{start}{ch}3"),
            ]);
            let value = encode_for(&p, &plan);
            assert_eq!(decode(&value).map(|s| s.ids), Ok(plan), "{value}");
        }
    }
}
