//! The view in the URL: round trips, and hostile or broken input ignored.

use seminarplan_core::filter::{DayChoice, Facet, Filters};
use seminarplan_core::url_state::View;
use seminarplan_core::url_state::{UrlState, decode_component, encode_component};

#[test]
fn round_trip_of_a_full_view() {
    let mut filters = Filters {
        text: "hållbar upphandling & mer".into(),
        day: DayChoice::Date(chrono::NaiveDate::from_ymd_opt(2027, 3, 17).expect("date")),
        starred_only: true,
        ..Filters::default()
    };
    filters.toggle(Facet::Theme, "hallbarhet");
    filters.toggle(Facet::Theme, "juridik");
    filters.toggle(Facet::Language, "en");
    filters.toggle(Facet::Room, "sal-a");
    filters.toggle(Facet::Block, "pass-3");
    filters.toggle(Facet::Type, "seminarium");
    filters.toggle(Facet::Level, "grund");
    let state = UrlState {
        filters,
        view: View::MySchedule,
        session: Some("s-301".into()),
        speaker: Some("anna-berg".into()),
        share: Some("inkopsforum-2027~s-101".into()),
        share_unreadable: false,
        team: Some("inkopsforum-2027~~Anna Berg.5~s-101".into()),
    };
    let query = state.to_query();
    assert_eq!(UrlState::parse(&query), state, "{query}");
    assert_eq!(UrlState::parse(&format!("?{query}")), state);
    assert_eq!(UrlState::parse(&format!("#{query}")), state);
}

#[test]
fn default_view_is_an_empty_query() {
    assert_eq!(UrlState::default().to_query(), "");
    assert_eq!(UrlState::parse(""), UrlState::default());
}

#[test]
fn readable_urls() {
    let mut filters = Filters {
        text: "hallbar lou".into(),
        day: DayChoice::All,
        ..Filters::default()
    };
    filters.toggle(Facet::Theme, "hallbarhet");
    let state = UrlState {
        filters,
        ..UrlState::default()
    };
    assert_eq!(state.to_query(), "day=all&q=hallbar+lou&theme=hallbarhet");
}

#[test]
fn hostile_and_broken_input_is_ignored() {
    let cases = [
        "session=<script>alert(1)</script>",
        "theme=%ZZ,%",
        "day=yesterday",
        "q=%00%01%02",
        "=&&&=",
        "session=javascript:alert(1)",
        "%",
        "q=%E2%82",
    ];
    for input in cases {
        let s = UrlState::parse(input);
        assert!(
            s.session.as_deref().is_none_or(|id| !id.contains('<')),
            "{input}"
        );
        assert!(s.filters.text.chars().all(|c| !c.is_control()), "{input}");
    }
    let long = format!("q={}", "a".repeat(10_000));
    assert_eq!(UrlState::parse(&long), UrlState::default());
    let many = format!(
        "theme={}",
        (0..500)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(UrlState::parse(&many).filters.themes.len(), 50);
}

#[test]
fn percent_encoding_round_trips() {
    for s in ["", "abc", "å ä ö", "a&b=c,d", "100%", "emoji 🎉"] {
        assert_eq!(decode_component(&encode_component(s)), s);
    }
    assert_eq!(decode_component("%"), "%");
    assert_eq!(decode_component("%4"), "%4");
    assert_eq!(decode_component("a+b"), "a b");
}

#[test]
fn the_pages_own_query_parameters_survive() {
    use seminarplan_core::url_state::{Scope, merge, share_part, widget_part};
    let alone = Scope::default();
    // A CMS page (WordPress's `page_id`) with the widget's state after it.
    let page = "?page_id=12&sp.q=hallbar&sp.lang=en&utm_source=nyhetsbrev&sp.view=mine";
    assert_eq!(widget_part(page, &alone), "q=hallbar&lang=en&view=mine");
    assert_eq!(
        merge(page, "day=all", &alone),
        "page_id=12&utm_source=nyhetsbrev&sp.day=all"
    );
    assert_eq!(merge(page, "", &alone), "page_id=12&utm_source=nyhetsbrev");
    assert_eq!(merge("", "q=x", &alone), "sp.q=x");
    assert_eq!(merge("?", "", &alone), "");
    // A share link opened in a widget that keeps nothing in the URL.
    assert_eq!(
        share_part("?page_id=12&sp.share=abc~s-1&sp.q=x", &alone),
        "share=abc~s-1"
    );
    assert_eq!(share_part("?page_id=12", &alone), "");
    assert_eq!(
        share_part("?team=p~~A.1~s-1&page_id=12&sp.share=abc~s-1", &alone),
        "team=p~~A.1~s-1&share=abc~s-1"
    );
    let state = UrlState::parse(&share_part("?page_id=12&share=abc~s-1&q=x", &alone));
    assert_eq!(state.share.as_deref(), Some("abc~s-1"));
    assert!(state.filters.text.is_empty());
}

/// Issue 28: WordPress with WPML or Polylang puts `lang=en` in every address of the
/// English pages, and the widget read it as its language filter (only English sessions
/// shown); clearing the filters then dropped the page's `lang`, and the reload showed the
/// Swedish page. The widget's keys now carry a prefix; the page's `lang=` and `q=` are the
/// page's, kept whatever the widget writes, and old links' other plain keys still read.
#[test]
fn the_host_pages_lang_and_q_are_never_the_widgets() {
    use seminarplan_core::url_state::{Scope, link_query, merge, widget_part};
    for scope in [Scope::default(), Scope::alone("inkopsforum")] {
        let page = "?lang=en&q=node/12&page_id=3";
        assert_eq!(widget_part(page, &scope), "", "{scope:?}");
        let state = UrlState::parse(&widget_part(page, &scope));
        assert!(!state.filters.is_active());
        // Clearing the filters (the widget writes nothing) keeps the page's own.
        assert_eq!(merge(page, "", &scope), "lang=en&q=node/12&page_id=3");
        assert_eq!(
            link_query(page, "lang,page_id", "share=a", &scope),
            format!("lang=en&page_id=3&{}.share=a", scope.name())
        );
        // Old links still read, but for the keys host pages use themselves.
        let old = "?lang=en&session=s-101&day=all&theme=hallbarhet&share=p~s-1";
        assert_eq!(
            widget_part(old, &scope),
            "session=s-101&day=all&theme=hallbarhet&share=p~s-1"
        );
        // The widget's own filter, with the page's `lang` beside it.
        let both = format!("?lang=en&{}.lang=sv", scope.name());
        assert_eq!(widget_part(&both, &scope), "lang=sv");
        assert_eq!(merge(&both, "", &scope), "lang=en");
    }
}

/// Issue 28: with one widget, links were `?share=…`; after a second widget was added,
/// both read only `ns.share=…`, so printed QR codes were ignored without a word (and the
/// reverse when a widget was removed). A widget now writes the same keys alone or not,
/// and an old plain `share=`/`team=` still reaches the page's first widget.
#[test]
fn a_link_keeps_working_when_a_widget_is_added_or_removed() {
    use seminarplan_core::url_state::{Scope, share_part, widget_part};
    for ns in ["default", "inkopsforum"] {
        let (alone, several) = (Scope::alone(ns), Scope::named(ns));
        assert_eq!(alone.write("share=p~s-1"), several.write("share=p~s-1"));
        let link = format!("?{}", alone.write("share=p~s-1&session=s-2"));
        assert_eq!(widget_part(&link, &several), "share=p~s-1&session=s-2");
        let link = format!("?{}", several.write("team=p~1~~A~s-1"));
        assert_eq!(share_part(&link, &alone), "team=p~1~~A~s-1");
        // Links of the first versions (plain keys): their plan reaches the page's first
        // widget, and only that one.
        let first = several.clone().reading_old_links();
        assert_eq!(
            widget_part("?share=p~s-1&session=s-2", &first),
            "share=p~s-1"
        );
        assert_eq!(share_part("?team=p~1~~A~s-1", &first), "team=p~1~~A~s-1");
        assert_eq!(widget_part("?share=p~s-1&session=s-2", &several), "");
    }
}

/// Two widgets on one page, both keeping their view in the query string: a search in
/// one showed up in the other after Back ("Inga programpunkter matchar"), and opening a
/// session in one dropped the other's search from the address. Each widget's keys now
/// carry its namespace; a widget reads and replaces only its own.
#[test]
fn widgets_sharing_a_page_keep_their_own_keys() {
    use seminarplan_core::url_state::{Scope, link_query, merge, share_part, widget_part};
    let (main, side) = (Scope::named("huvud"), Scope::named("sido"));
    let page = "?page_id=3&huvud.q=hallbar&sido.session=s-1&q=gammal&huvud.x=1";
    // (The page's `q=gammal` is the page's: no widget reads or drops it.)
    assert_eq!(widget_part(page, &main), "q=hallbar");
    assert_eq!(widget_part(page, &side), "session=s-1");
    // Opening a session in the side widget leaves the main widget's search alone.
    assert_eq!(
        merge(page, "session=s-2&day=all", &side),
        "page_id=3&huvud.q=hallbar&q=gammal&huvud.x=1&sido.session=s-2&sido.day=all"
    );
    assert_eq!(
        merge(page, "", &main),
        "page_id=3&sido.session=s-1&q=gammal&huvud.x=1"
    );
    // The state read back is the widget's own, with the plain keys.
    let state = UrlState::parse(&widget_part(&merge(page, "q=x&view=mine", &main), &main));
    assert_eq!(state.filters.text, "x");
    assert_eq!(state.view, seminarplan_core::url_state::View::MySchedule);
    // A shared plan is for the widget that made the link.
    let shared = "?huvud.share=abc~s-1&sido.team=p~~A.1~s-1";
    assert_eq!(share_part(shared, &main), "share=abc~s-1");
    assert_eq!(share_part(shared, &side), "team=p~~A.1~s-1");
    assert_eq!(
        link_query("?page_id=3&sido.q=x", "page_id,sido.q", "share=a", &main),
        "page_id=3&sido.q=x&huvud.share=a"
    );
    assert_eq!(
        link_query("?page_id=3&huvud.q=x", "page_id,huvud.q", "share=a", &main),
        "page_id=3&huvud.share=a"
    );
    // A namespace that is a prefix of another's is not confused with it.
    assert_eq!(widget_part("?huvud2.q=x&huvud.q=y", &main), "q=y");
}

/// Issue 15: share links copied the host page's query (tracking parameters, a CMS
/// preview token) into the link and its QR code. Only the widget's own parameters go, and
/// of the page's only those the organiser names in `keep-params`.
#[test]
fn share_links_carry_only_the_widgets_parameters_and_those_kept() {
    use seminarplan_core::url_state::{Scope, link_query};
    let alone = Scope::default();
    let page = "?page_id=12&utm_source=nyhetsbrev&preview_token=hemlig&sp.q=x&fbclid=abc";
    assert_eq!(
        link_query(page, "", "share=p~s-1", &alone),
        "sp.share=p~s-1"
    );
    assert_eq!(
        link_query(page, "page_id", "share=p~s-1", &alone),
        "page_id=12&sp.share=p~s-1"
    );
    // A widget key named in keep-params is still the widget's (never duplicated).
    assert_eq!(
        link_query(page, " page_id , sp.q ", "share=a", &alone),
        "page_id=12&sp.share=a"
    );
    assert_eq!(link_query("", "page_id", "share=a", &alone), "sp.share=a");
    assert_eq!(link_query(page, "page_id", "", &alone), "page_id=12");
}

/// Issue 15: `?now=` pinned the clock even of a widget told to keep out of the URL.
#[test]
fn now_from_the_page_url_only_when_the_widget_reads_the_url() {
    use seminarplan_core::url_state::now_param;
    let page = "?page_id=1&now=2027-03-16T10%3A00%3A00%2B01%3A00";
    assert_eq!(
        now_param(page, true).as_deref(),
        Some("2027-03-16T10:00:00+01:00")
    );
    assert_eq!(now_param(page, false), None);
    assert_eq!(now_param("?q=1", true), None);
}
