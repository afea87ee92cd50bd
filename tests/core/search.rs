//! Swedish-aware search: folding one way, several words, highlighting.

use seminarplan_core::search::{Index, Segment, highlight, terms};

use super::{demo, small};

/// Which of the small fixture's sessions a query finds.
fn found(query: &str) -> Vec<String> {
    let p = small();
    let index = Index::new(&p);
    let t = terms(query);
    (0..p.sessions.len())
        .filter(|&i| index.matches(i, &t))
        .map(|i| p.sessions[i].id.clone())
        .collect()
}

#[test]
fn search_table() {
    let cases: &[(&str, &[&str])] = &[
        // Without diacritics finds with and without.
        ("hallbar", &["s1"]),
        ("HALLBAR", &["s1"]),
        ("ostersund", &["s1"]),
        // With diacritics matches exactly.
        ("hållbar", &["s1"]),
        ("Hållbar", &["s1"]),
        ("östersund", &["s1"]),
        ("håll", &["s1"]),
        ("hål", &["s1"]),
        ("hal", &["s1"]),
        // `ö` typed means `ö`: "Overprövningar" has "pr-ö-v", but no "övn" spelled "ovn".
        ("prövning", &["s2"]),
        ("provning", &["s2"]),
        ("pråvning", &[]),
        // Speaker names, organisations, tags, abstract.
        ("anna berg", &["s1"]),
        ("kommun", &["s1"]),
        ("klimatkrav", &["s1"]),
        ("andra stycket", &["s1"]),
        ("bo ek", &["s2"]),
        // Several words: all must match.
        ("hallbar praktiken", &["s1"]),
        ("hallbar overprovningar", &[]),
        // Empty and blank queries are no query: nothing is searched for.
        ("", &["open", "s1", "s2", "fika", "d2"]),
        ("   ", &["open", "s1", "s2", "fika", "d2"]),
        ("zzz", &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(found(query), *expected, "query {query:?}");
    }
}

#[test]
fn a_typed_a_ring_does_not_match_a_plain_a() {
    // The demo has "Hållbar" but also many plain "hal…" words: `hål` must not find those.
    let p = demo();
    let index = Index::new(&p);
    let exact = terms("hål");
    let folded = terms("hal");
    let n_exact = (0..p.sessions.len())
        .filter(|&i| index.matches(i, &exact))
        .count();
    let n_folded = (0..p.sessions.len())
        .filter(|&i| index.matches(i, &folded))
        .count();
    assert!(n_exact >= 1);
    assert!(n_folded > n_exact, "folded {n_folded} vs exact {n_exact}");
}

#[test]
fn terms_are_split_deduplicated_and_bounded() {
    let t = terms("  Hållbar  hallbar hållbar \"lou\" ");
    let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["hållbar", "hallbar", "lou"]);
    assert!(t[0].exact && !t[1].exact);
    let many = (0..50)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(terms(&many).len(), seminarplan_core::search::MAX_TERMS);
    let long = "a".repeat(100_000);
    assert_eq!(
        terms(&long)[0].text.len(),
        seminarplan_core::search::MAX_QUERY_CHARS
    );
}

fn hits(text: &str, query: &str) -> Vec<String> {
    highlight(text, &terms(query))
        .into_iter()
        .filter(|s| s.hit)
        .map(|s| s.text.to_owned())
        .collect()
}

#[test]
fn highlight_marks_the_original_text() {
    assert_eq!(hits("Hållbar upphandling", "hallbar"), ["Hållbar"]);
    assert_eq!(hits("Östersunds kommun", "ostersund"), ["Östersund"]);
    assert_eq!(hits("Hållbar och hallbar", "håll"), ["Håll"]);
    assert_eq!(
        hits("Upphandling i praktiken", "praktik upp"),
        ["Upp", "praktik"]
    );
    assert_eq!(hits("abc", ""), Vec::<String>::new());
    let whole: Vec<Segment> = highlight("Gröna ramavtal", &terms("avtal"));
    assert_eq!(
        whole,
        vec![
            Segment {
                text: "Gröna ram",
                hit: false
            },
            Segment {
                text: "avtal",
                hit: true
            }
        ]
    );
    // Overlapping terms merge into one mark.
    assert_eq!(hits("ramavtalet", "ramav avtal"), ["ramavtal"]);
    // Characters whose lower case is longer do not shift positions.
    assert_eq!(hits("İstanbul avtal", "avtal"), ["avtal"]);
}

#[test]
fn highlight_marks_every_place_in_any_script() {
    // The marks are found by searching lowered and folded copies of the text (issue 29:
    // a card works them out at each keystroke); they land on the original's characters
    // after emoji, joiners and letters of two to four bytes, overlapping places too.
    assert_eq!(
        hits("Ramavtal, ramavtalet och RAMAVTALEN", "avtal"),
        ["avtal", "avtal", "AVTAL"]
    );
    assert_eq!(hits("aaa baaab", "aa"), ["aaa", "aaa"]);
    assert_eq!(hits("Ååå ÄÄ öö – aaa", "a"), ["Ååå", "ÄÄ", "aaa"]);
    assert_eq!(hits("Ååå ÄÄ öö – aaa", "å"), ["Ååå"]);
    assert_eq!(hits("☕ kaffe och 🎉 fest", "kaffe 🎉"), ["kaffe", "🎉"]);
    assert_eq!(hits("👩\u{200d}💻 och ÖSTERSUND", "ost"), ["ÖST"]);
    assert_eq!(hits("ⱥrbete i Ⱥrbete", "ⱥr"), ["ⱥr", "Ⱥr"]);
    assert_eq!(hits("zero\u{200b}width zero", "zero"), ["zero", "zero"]);
    assert_eq!(hits("Straße STRASSE", "ss"), ["SS"]);
    assert_eq!(hits("Gröna ramavtal", "grona"), ["Gröna"]);
    assert_eq!(hits("Gröna ramavtal", "gröna"), ["Gröna"]);
    assert!(
        hits("Grona ramavtal", "gröna").is_empty(),
        "typed with ö, means ö"
    );
}

/// Issue 29: typing on searches only what the last query found. `narrows` says when
/// that is sound; the narrowed search finds exactly what a whole search finds.
#[test]
fn typing_on_narrows_the_last_search() {
    use seminarplan_core::search::narrows;
    let cases: &[(&str, &str, bool)] = &[
        // A word typed on, a word added, a word with its diacritics.
        ("förnyad", "förny", true),
        ("förnyad k", "förnyad", true),
        ("förnyad kon", "förnyad k", true),
        ("förnyad", "forny", true),
        ("FÖRNYAD", "förny", true),
        // Deleting, or a word changed, or a plain word does not narrow one with diacritics.
        ("förny", "förnyad", false),
        ("förnyad", "förnyad k", false),
        ("fornyad", "förny", false),
        ("konkurrens", "förny", false),
        ("å", "a", true),
        ("a", "å", false),
        // Nothing before: nothing to narrow.
        ("k", "", false),
    ];
    for &(now, before, expected) in cases {
        assert_eq!(
            narrows(&terms(now), &terms(before)),
            expected,
            "{now:?} after {before:?}"
        );
    }
    let p = seminarplan_core::generate::programme(600, 2027);
    let index = Index::new(&p);
    let typed = "förnyad konkurrensutsättning";
    let mut before: Option<(Vec<_>, Vec<bool>)> = None;
    for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
        let t = terms(&typed[..end]);
        let whole = index.hits(&t, None);
        if let Some((last, hits)) = &before
            && narrows(&t, last)
        {
            assert_eq!(index.hits(&t, Some(hits)), whole, "{:?}", &typed[..end]);
        }
        before = Some((t, whole));
    }
    assert!(before.is_some_and(|(_, hits)| hits.iter().any(|&h| h)));
}

/// Issue 29: the answers to the last searches are kept. Typing on and deleting letters
/// (a typo mended, a word taken back) finds exactly what a whole search finds, and a
/// query typed a moment ago is not searched again.
#[test]
fn recent_searches_answer_as_a_whole_search_does() {
    use seminarplan_core::search::Recent;
    use std::rc::Rc;
    let p = seminarplan_core::generate::programme(600, 2027);
    let index = Rc::new(Index::new(&p));
    let mut recent = Recent::default();
    let typed = "förnyad konkurrensutsättning";
    let mut queries: Vec<&str> = typed
        .char_indices()
        .map(|(i, c)| &typed[..i + c.len_utf8()])
        .collect();
    let back: Vec<&str> = queries.iter().rev().skip(1).take(14).copied().collect();
    queries.extend(back);
    queries.extend(["förnyad konkurrensutsättningar", "ramavtal", "förnyad konk"]);
    let mut answers = std::collections::HashMap::new();
    let mut reused = 0;
    for (n, query) in queries.into_iter().enumerate() {
        let t = terms(query);
        let hits = recent.hits(&index, t.clone());
        assert_eq!(*hits, index.hits(&t, None), "{query:?}");
        // Every letter deleted (12 in the browser benchmark) comes back to a query
        // among the last 32.
        if let Some((when, before)) = answers.insert(query, (n, hits.clone()))
            && n - when <= 32
        {
            assert!(Rc::ptr_eq(&before, &hits), "{query:?} was searched again");
            reused += 1;
        }
    }
    assert!(reused >= 14, "{reused}");
    // Another index (the programme changed, or more of it was built): searched afresh.
    let other = Rc::new(Index::new(&seminarplan_core::generate::programme(50, 1)));
    let t = terms("förnyad");
    assert_eq!(*recent.hits(&other, t.clone()), other.hits(&t, None));
}

/// The sessions of `p` that `index` finds for `query`.
fn finds(p: &seminarplan_core::model::Programme, index: &Index, query: &str) -> Vec<usize> {
    let t = terms(query);
    (0..p.sessions.len())
        .filter(|&i| index.matches(i, &t))
        .collect()
}

#[test]
fn an_index_built_in_steps_finds_what_one_built_at_once_finds() {
    // Issue 29: the widget builds the index a few sessions at a time after the first
    // paint, so that building it never holds up a keystroke for long.
    let json = seminarplan_core::generate::programme_json(300, 2027);
    let p = seminarplan_core::parse::parse_programme(&json).expect("generated is valid");
    let whole = Index::new(&p);
    let mut steps = Index::default();
    let mut n = 0;
    while !steps.extend(&p, 7) {
        n += 1;
        assert!(!steps.is_whole(&p));
    }
    assert_eq!(
        n,
        2 * 300 / 7,
        "one step per 7 sessions, folded text then lowered"
    );
    assert_eq!(steps, whole);
    assert!(
        !steps.extend(&p, 7) || steps == whole,
        "a whole index stays as it is"
    );
    for query in [
        "upphandling",
        "förnyad konkurrensutsättning",
        "hallbar",
        "ö",
        "e",
    ] {
        assert_eq!(
            finds(&p, &steps, query),
            finds(&p, &whole, query),
            "{query:?}"
        );
    }
    assert!(!finds(&p, &whole, "upphandling").is_empty());
}

#[test]
fn an_index_not_yet_whole_finds_nothing_beyond_what_is_in() {
    // Whoever searches must make it whole first (`use_search_index` does): a session not
    // yet in is never found, never found wrongly.
    let p = small();
    let mut index = Index::default();
    assert!(!index.extend(&p, 2));
    assert_eq!(finds(&p, &index, "hallbar"), [1]);
    assert!(finds(&p, &index, "bo ek").is_empty(), "s2 is not in yet");
    assert!(index.extend(&p, usize::MAX));
    assert_eq!(finds(&p, &index, "bo ek"), [2]);
}

#[test]
fn a_word_typed_without_diacritics_needs_only_the_folded_text_built_first() {
    // Issue 29: a visitor's first keystroke, typed as soon as the sessions are painted,
    // builds what the steps left at once. The folded text comes first, so that keystroke
    // (nearly always a plain letter) waits for half the index, not all of it.
    let p = small();
    let mut index = Index::default();
    let plain = terms("bo ek");
    let exact = terms("hållbar");
    assert!(!index.ready_for(&p, &plain));
    index.extend_for(&p, &plain);
    assert!(index.ready_for(&p, &plain), "folded text of every session");
    assert!(!index.is_whole(&p), "the lowered text is not built");
    assert!(
        !index.ready_for(&p, &exact),
        "a word with diacritics needs it"
    );
    assert_eq!(finds(&p, &index, "bo ek"), [2]);
    assert_eq!(finds(&p, &index, "hallbar"), [1]);
    assert!(
        finds(&p, &index, "hållbar").is_empty(),
        "never found wrongly"
    );
    index.extend_for(&p, &exact);
    assert!(index.is_whole(&p));
    assert_eq!(index, Index::new(&p));
    assert_eq!(finds(&p, &index, "hållbar"), [1]);
}

#[test]
fn text_is_lowered_and_folded_the_same_in_ascii_runs_and_around_them() {
    // The index lowers ASCII in bulk and everything else character by character; the
    // characters where the two meet, and ones whose lower case is longer in UTF-8 (Ⱥ, 2
    // bytes, becomes ⱥ, 3 bytes) or several characters (İ stays İ), must still be found.
    let mut p = small();
    let titles = [
        "ÅSA Östlund på CAFÉ",
        "Ⱥrbete i STRASSE ⱥ och Straße",
        "Emoji ☕ mitt i ORD\u{200b}ET, och İstanbul",
    ];
    for (s, title) in p.sessions.iter_mut().zip(titles) {
        s.title = title.to_owned();
    }
    let index = Index::new(&p);
    let cases: &[(&str, &[usize])] = &[
        ("åsa östlund", &[0]),
        ("asa ostlund", &[0]),
        ("café", &[0]),
        ("cafe", &[0]),
        ("CAFÉ", &[0]),
        ("ⱥrbete", &[1]),
        ("Ⱥrbete", &[1]),
        ("strasse", &[1]),
        ("straße", &[1]),
        ("☕", &[2]),
        ("mitt i ord", &[2]),
        ("İstanbul", &[2]),
    ];
    for (query, expected) in cases {
        assert_eq!(finds(&p, &index, query), *expected, "{query:?}");
    }
}

#[test]
fn a_word_of_one_letter_searches_but_is_not_marked() {
    use seminarplan_core::search::marked_terms;
    let words = |ts: Vec<seminarplan_core::search::Term>| -> Vec<String> {
        ts.into_iter().map(|t| t.text).collect()
    };
    assert_eq!(words(terms("Förnyad K å 😀")), ["förnyad", "k", "å", "😀"]);
    assert_eq!(words(marked_terms("Förnyad K å 😀")), ["förnyad"]);
    assert_eq!(words(marked_terms("ké 😀😀")), ["ké", "😀😀"]);
}
