//! The programme generator: valid, exact in size, deterministic, realistic in shape.
//!
//! Generating and parsing is slow in debug builds (serde_json's escaping dominates), so
//! each size is generated once for all tests; 10,000 sessions are left to the benchmark.

use std::collections::HashMap;
use std::sync::LazyLock;

use seminarplan_core::generate::{layout, programme, programme_json, programme_json_in_rooms};
use seminarplan_core::model::{Kind, Programme};
use seminarplan_core::parse::parse_programme;

const SIZES: [usize; 3] = [10, 100, 1000];
const SEED: u64 = 1;

fn parsed_json(json: &str, what: &str) -> Programme {
    match parse_programme(json) {
        Ok(p) => p,
        Err(errors) => panic!("{what} is invalid: {:?}", &errors[..errors.len().min(5)]),
    }
}

fn parsed(sessions: usize, seed: u64) -> Programme {
    parsed_json(
        &programme_json(sessions, seed),
        &format!("generated({sessions}, {seed})"),
    )
}

/// Each of `SIZES` with `SEED`, as JSON and parsed.
static GENERATED: LazyLock<Vec<(usize, String, Programme)>> = LazyLock::new(|| {
    SIZES
        .iter()
        .map(|&n| {
            let json = programme_json(n, SEED);
            let p = parsed_json(&json, &format!("generated({n})"));
            (n, json, p)
        })
        .collect()
});

fn generated() -> impl Iterator<Item = (usize, &'static str, &'static Programme)> {
    GENERATED.iter().map(|(n, json, p)| (*n, json.as_str(), p))
}

/// Sessions per block, for every block of the programme.
fn block_sizes(p: &Programme) -> Vec<usize> {
    let mut sizes = vec![0; p.blocks.len()];
    for s in &p.sessions {
        if let Some(b) = s.block {
            sizes[b] += 1;
        }
    }
    sizes
}

#[test]
fn valid_with_exactly_n_sessions() {
    for (n, _, p) in generated() {
        assert_eq!(p.sessions.len(), n, "n = {n}");
        assert_eq!(p.id, format!("generated-{n}"));
        assert_eq!(p.themes.len(), 7);
        assert_eq!(p.levels.len(), 3);
        let kinds: Vec<Kind> = p.types.iter().map(|t| t.kind).collect();
        for kind in [
            Kind::Plenary,
            Kind::Seminar,
            Kind::Workshop,
            Kind::Break,
            Kind::Meal,
        ] {
            assert!(kinds.contains(&kind), "{kind:?}");
        }
        // The parser checked references, days and times; check the blocks' spans too.
        for s in &p.sessions {
            assert!(s.end > s.start, "{}", s.id);
            if let Some(b) = s.block {
                let block = &p.blocks[b];
                assert!(block.start <= s.start && s.end <= block.end, "{}", s.id);
            }
        }
    }
}

#[test]
fn small_sizes_are_exact_too() {
    // Around every change of layout: 1, 2 and 3 days, more talks per room.
    for n in [0, 1, 2, 3, 4, 5, 6, 9, 13, 14, 27, 60, 61, 200, 201] {
        let p = parsed(n, n as u64);
        assert_eq!(p.sessions.len(), n, "n = {n}");
        if n >= 3 {
            assert!(block_sizes(&p).iter().all(|&c| c >= 2), "n = {n}");
        }
    }
}

#[test]
fn deterministic_for_a_seed() {
    for (n, json, p) in generated() {
        assert!(programme_json(n, SEED) == json, "n = {n}");
        if n <= 100 {
            assert_eq!(&programme(n, SEED), p, "n = {n}");
        }
    }
}

#[test]
fn another_seed_gives_other_text() {
    for (n, _, a) in generated() {
        let b = parsed(n, SEED + 1);
        let differ = a
            .sessions
            .iter()
            .zip(&b.sessions)
            .filter(|(x, y)| x.title != y.title)
            .count();
        assert!(differ > n / 2, "n = {n}: only {differ} titles differ");
    }
}

#[test]
fn mostly_swedish_some_english() {
    for (n, _, p) in generated() {
        let mut by_lang: HashMap<&str, usize> = HashMap::new();
        for s in &p.sessions {
            *by_lang.entry(s.language.as_str()).or_default() += 1;
        }
        let en = by_lang.get("en").copied().unwrap_or(0);
        let sv = by_lang.get("sv").copied().unwrap_or(0);
        assert!(en > 0, "n = {n}: no English sessions");
        assert_eq!(en + sv, n, "n = {n}: {by_lang:?}");
        if n >= 1000 {
            assert!(
                (n * 3 / 100..=n * 15 / 100).contains(&en),
                "n = {n}: {en} in English"
            );
        }
    }
}

#[test]
fn every_block_has_at_least_two_sessions() {
    for (n, _, p) in generated() {
        let sizes = block_sizes(p);
        assert!(!sizes.is_empty(), "n = {n}");
        assert!(sizes.iter().all(|&c| c >= 2), "n = {n}: {sizes:?}");
    }
}

#[test]
fn text_lengths_are_realistic() {
    let (_, _, p) = generated().last().expect("1000 sessions");
    let words = |t: &str| t.split_whitespace().count();
    for s in p.sessions.iter().filter(|s| p.kind(s).can_star()) {
        assert!((4..=12).contains(&words(&s.title)), "{}: {}", s.id, s.title);
        let text = s.abstract_text.as_deref().expect("an abstract");
        assert!((60..=180).contains(&words(text)), "{}", s.id);
        assert!((2..=3).contains(&text.split("\n\n").count()), "{}", s.id);
        assert!((1..=3).contains(&s.speakers.len()), "{}", s.id);
        assert!((2..=4).contains(&s.tags.len()), "{}", s.id);
        for &sp in &s.speakers {
            assert!(p.speakers[sp].organisation.is_some());
        }
    }
    let all: String = p.sessions.iter().map(|s| s.title.as_str()).collect();
    assert!(all.contains('å') && all.contains('ä') && all.contains('ö'));
}

#[test]
fn layout_grows_with_size() {
    let small = layout(100);
    assert!((8..=12).contains(&small.rooms), "{small:?}");
    assert_eq!(small.talks_per_room, 1, "{small:?}");
    let big = layout(10_000);
    assert!(big.days >= 5 && big.rooms >= 40, "{big:?}");
}

#[test]
fn in_rooms_fixes_the_room_count() {
    // The timetable case of issue 17: 1,000 sessions in 70 rooms, most used on every day.
    let json = programme_json_in_rooms(1000, 70, SEED);
    let p = parsed_json(&json, "generated(1000 in 70 rooms)");
    assert_eq!(p.sessions.len(), 1000);
    assert_eq!(p.rooms.len(), 70);
    assert_eq!(p.id, "generated-1000-rooms70");
    assert!(block_sizes(&p).iter().all(|&c| c >= 2));
    for day in 0..p.conference.days.len() {
        let used: std::collections::HashSet<usize> = p
            .sessions
            .iter()
            .filter(|s| s.day == day)
            .filter_map(|s| s.room)
            .collect();
        assert!(used.len() >= 60, "day {day}: {} rooms used", used.len());
    }
    // The plain generator is unchanged by it: its own layout, not 70 rooms.
    assert!(layout(1000).rooms < 68);
    assert_eq!(programme_json_in_rooms(1000, 70, SEED), json);
}
