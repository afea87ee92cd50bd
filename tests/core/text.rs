//! `text::clean`: its fast path (a text with nothing to remove is copied whole) removes
//! exactly what the character-by-character rule removes.

use seminarplan_core::generate::Rng;
use seminarplan_core::text::clean;

/// The rule `clean` keeps: bidirectional overrides, embeddings, isolates and marks, and
/// control characters other than line breaks and tabs, are removed.
fn by_chars(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
                && (!c.is_control() || c == '\n' || c == '\t')
        })
        .collect()
}

/// Characters on both sides of every byte pattern the fast path looks at.
const EDGES: &[char] = &[
    'a', 'å', 'Ä', '\n', '\t', '\r', '\0', '\u{1f}', ' ', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}',
    '\u{bf}', '\u{2000}', '\u{200b}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2010}', '\u{2013}',
    '’', '\u{2029}', '\u{202a}', '\u{202e}', '\u{202f}', '\u{2065}', '\u{2066}', '\u{2069}',
    '\u{206a}', '€', '\u{2fff}', '\u{3000}', '😀',
];

#[test]
fn every_character_near_the_edges_is_kept_or_removed_as_the_rule_says() {
    for &c in EDGES {
        for &d in EDGES {
            let text = format!("x{c}{d}y");
            assert_eq!(clean(&text), by_chars(&text), "{text:?}");
            let bare = format!("{c}");
            assert_eq!(clean(&bare), by_chars(&bare), "{bare:?}");
        }
    }
    assert_eq!(
        clean("Upphandling – LOU\u{202e} i\tpraktiken\n"),
        "Upphandling – LOU i\tpraktiken\n"
    );
    assert_eq!(clean("Säkerhet ’24"), "Säkerhet ’24");
}

#[test]
fn random_texts_are_cleaned_as_the_rule_says() {
    let mut rng = Rng::new(0x7e47_c1ea_0000_0001);
    for _ in 0..20_000 {
        let len = rng.below(12);
        let text: String = (0..len).map(|_| EDGES[rng.below(EDGES.len())]).collect();
        assert_eq!(clean(&text), by_chars(&text), "{text:?}");
    }
}
