//! Filters and faceted counts over the small fixture and the demo programme.

use std::collections::BTreeSet;

use seminarplan_core::filter::{DayChoice, Facet, Filters, resolve_day, run, starred_among};
use seminarplan_core::model::Programme;
use seminarplan_core::plan::Plan;
use seminarplan_core::search::Index;

use super::{demo, small};

fn ids(p: &Programme, list: &[usize]) -> Vec<String> {
    list.iter().map(|&i| p.sessions[i].id.clone()).collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// Runs `filters` over all days of the small fixture.
fn check(filters: Filters, plan: &Plan, expected: &[&str]) {
    let p = small();
    let out = run(&p, &Index::new(&p), plan, &filters, None);
    assert_eq!(ids(&p, &out.matching), expected, "{filters:?}");
}

#[test]
fn each_facet_alone_and_combined() {
    let none = Plan::default();
    let mut starred = Plan::default();
    starred.toggle("s2");
    let f = Filters::default;
    let cases: Vec<(Filters, &Plan, &[&str])> = vec![
        (f(), &none, &["open", "s1", "s2", "fika", "d2"]),
        (
            Filters {
                themes: set(&["hallbarhet"]),
                ..f()
            },
            &none,
            &["s1"],
        ),
        (
            Filters {
                themes: set(&["hallbarhet", "juridik"]),
                ..f()
            },
            &none,
            &["s1", "s2"],
        ),
        (
            Filters {
                types: set(&["plenum"]),
                ..f()
            },
            &none,
            &["open", "d2"],
        ),
        (
            Filters {
                rooms: set(&["stora"]),
                ..f()
            },
            &none,
            &["open", "d2"],
        ),
        (
            Filters {
                blocks: set(&["pass-1"]),
                ..f()
            },
            &none,
            &["s1", "s2"],
        ),
        (
            Filters {
                languages: set(&["en"]),
                ..f()
            },
            &none,
            &["s2"],
        ),
        (
            Filters {
                levels: set(&["grund"]),
                ..f()
            },
            &none,
            &["s1"],
        ),
        (
            Filters {
                starred_only: true,
                ..f()
            },
            &starred,
            &["s2"],
        ),
        (
            Filters {
                text: "hallbar".into(),
                ..f()
            },
            &none,
            &["s1"],
        ),
        // Combined: AND across facets.
        (
            Filters {
                types: set(&["seminarium"]),
                languages: set(&["sv"]),
                ..f()
            },
            &none,
            &["s1"],
        ),
        (
            Filters {
                themes: set(&["hallbarhet"]),
                languages: set(&["en"]),
                ..f()
            },
            &none,
            &[],
        ),
        (
            Filters {
                blocks: set(&["pass-1"]),
                text: "bo".into(),
                ..f()
            },
            &none,
            &["s2"],
        ),
        // Unknown ids (an old link) filter nothing rather than everything.
        (
            Filters {
                themes: set(&["borttaget"]),
                ..f()
            },
            &none,
            &["open", "s1", "s2", "fika", "d2"],
        ),
    ];
    for (filters, plan, expected) in cases {
        check(filters, plan, expected);
    }
}

#[test]
fn the_day_narrows_the_list_but_not_the_day_counts() {
    let p = small();
    let index = Index::new(&p);
    let filters = Filters {
        types: set(&["plenum"]),
        ..Filters::default()
    };
    let out = run(&p, &index, &Plan::default(), &filters, Some(1));
    assert_eq!(ids(&p, &out.matching), ["d2"]);
    assert_eq!(out.counts.days, [1, 1]);
    assert_eq!(out.counts.all_days, 2);
}

#[test]
fn counts_apply_the_other_filters_only() {
    let p = small();
    let index = Index::new(&p);
    // Theme "hallbarhet" chosen: the theme counts ignore the theme filter itself…
    let filters = Filters {
        themes: set(&["hallbarhet"]),
        ..Filters::default()
    };
    let out = run(&p, &index, &Plan::default(), &filters, None);
    assert_eq!(out.counts.themes, [1, 1], "hallbarhet, juridik");
    // …while the other facets count within the chosen theme.
    assert_eq!(out.counts.types, [0, 1, 0], "plenum, seminarium, paus");
    assert_eq!(out.counts.rooms, [0, 1, 0]);
    assert_eq!(
        out.counts.languages,
        [("en".to_string(), 0), ("sv".to_string(), 1)]
    );

    // Adding a language that gives nothing: zero counts are reported, not hidden.
    let filters = Filters {
        languages: set(&["en"]),
        text: "hallbar".into(),
        ..Filters::default()
    };
    let out = run(&p, &index, &Plan::default(), &filters, None);
    assert!(out.matching.is_empty());
    assert_eq!(
        out.counts.languages,
        [("en".to_string(), 0), ("sv".to_string(), 1)]
    );
    assert_eq!(out.counts.themes, [0, 0]);
}

#[test]
fn starred_count_follows_the_other_filters() {
    let p = small();
    let mut plan = Plan::default();
    plan.toggle("s1");
    plan.toggle("d2");
    let filters = Filters {
        types: set(&["seminarium"]),
        ..Filters::default()
    };
    let out = run(&p, &Index::new(&p), &plan, &filters, None);
    assert_eq!(out.counts.starred, 1);
}

#[test]
fn starred_among_the_matching_is_the_starred_count_of_a_run_with_the_plan() {
    let p = demo();
    let index = Index::new(&p);
    let mut plan = Plan::default();
    for s in p.sessions.iter().step_by(3) {
        plan.toggle(&s.id);
    }
    // A session the programme no longer has is not counted.
    plan.toggle("gone-since-yesterday");
    let cases = [
        Filters::default(),
        Filters {
            themes: set(&[&p.themes[0].id]),
            ..Filters::default()
        },
        Filters {
            text: "upphandling".into(),
            languages: set(&["sv"]),
            ..Filters::default()
        },
    ];
    for filters in cases {
        for day in [None, Some(0), Some(1)] {
            let with_plan = run(&p, &index, &plan, &filters, day);
            let without = run(&p, &index, &Plan::default(), &filters, day);
            assert_eq!(with_plan.matching, without.matching, "{filters:?} {day:?}");
            assert_eq!(
                starred_among(&p, &plan, &without.matching),
                with_plan.counts.starred,
                "{filters:?} {day:?}"
            );
        }
    }
    assert!(
        starred_among(
            &p,
            &plan,
            &run(&p, &index, &plan, &Filters::default(), None).matching
        ) > 0
    );
}

#[test]
fn demo_theme_language_and_search_combine() {
    let p = demo();
    let index = Index::new(&p);
    let theme = &p.themes[0].id;
    let filters = Filters {
        themes: set(&[theme]),
        languages: set(&["sv"]),
        text: "upphandling".into(),
        ..Filters::default()
    };
    let out = run(&p, &index, &Plan::default(), &filters, None);
    // Derive the expectation from the data directly.
    let expected: Vec<usize> = (0..p.sessions.len())
        .filter(|&i| {
            let s = &p.sessions[i];
            let text = format!(
                "{} {} {} {}",
                s.title,
                s.subtitle.clone().unwrap_or_default(),
                s.abstract_text.clone().unwrap_or_default(),
                s.tags.join(" ")
            )
            .to_lowercase();
            let people = s
                .speakers
                .iter()
                .map(|&sp| {
                    format!(
                        "{} {}",
                        p.speakers[sp].name,
                        p.speakers[sp].organisation.clone().unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            s.themes.contains(&0)
                && s.language == "sv"
                && (text.contains("upphandling") || people.contains("upphandling"))
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(out.matching, expected);
}

#[test]
fn filters_toggle_clear_and_count() {
    let mut f = Filters::default();
    assert!(!f.is_active());
    f.toggle(Facet::Theme, "a");
    f.toggle(Facet::Room, "b");
    f.text = "x".into();
    f.day = DayChoice::All;
    assert!(f.is_active());
    assert_eq!(f.active_count(), 3);
    f.toggle(Facet::Theme, "a");
    assert_eq!(f.active_count(), 2);
    f.clear();
    assert!(!f.is_active());
    assert_eq!(f.day, DayChoice::All, "clearing filters keeps the day");
}

#[test]
fn day_choice_resolves() {
    let p = small();
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    assert_eq!(resolve_day(&p, &DayChoice::Default, None), Some(0));
    assert_eq!(
        resolve_day(&p, &DayChoice::Default, Some(d("2027-03-17"))),
        Some(1)
    );
    assert_eq!(
        resolve_day(&p, &DayChoice::Default, Some(d("2030-01-01"))),
        Some(0)
    );
    assert_eq!(resolve_day(&p, &DayChoice::All, None), None);
    assert_eq!(
        resolve_day(&p, &DayChoice::Date(d("2027-03-17")), None),
        Some(1)
    );
    assert_eq!(
        resolve_day(&p, &DayChoice::Date(d("2031-03-17")), None),
        Some(0)
    );
}
