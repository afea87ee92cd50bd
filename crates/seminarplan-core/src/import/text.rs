//! Text repairs shared by the importers: ids, languages, session kinds, titles and abstracts.

use std::collections::HashSet;

use crate::parse::valid_id;
use crate::richtext;
use crate::text::decode_entities;

/// Longest id we make from a name.
const MAX_SLUG: usize = 64;

/// A name as an id: lower case; letters, digits, `.` and `_` kept; anything else becomes `-`.
/// Empty when nothing usable is left.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '.' || c == '_' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
            if out.len() >= MAX_SLUG {
                break;
            }
        } else {
            dash = true;
        }
    }
    let trimmed = out.trim_matches(['-', '.']).to_owned();
    if valid_id(&trimmed) {
        trimmed
    } else {
        String::new()
    }
}

/// Hands out ids that are unique within one list.
#[derive(Default)]
pub(crate) struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// `base` if still free, else `base-2`, `base-3`, …; and whether it had to be changed.
    pub(crate) fn claim(&mut self, base: &str) -> (String, bool) {
        if self.used.insert(base.to_owned()) {
            return (base.to_owned(), false);
        }
        let mut n = 2usize;
        loop {
            let candidate = format!("{base}-{n}");
            if self.used.insert(candidate.clone()) {
                return (candidate, true);
            }
            n += 1;
        }
    }
}

/// ISO 639-1 codes.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca \
ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv \
ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks \
ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr \
nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss \
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Language names and three-letter codes seen in real exports.
const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("englisch", "en"),
    ("eng", "en"),
    ("german", "de"),
    ("deutsch", "de"),
    ("deu", "de"),
    ("ger", "de"),
    ("french", "fr"),
    ("français", "fr"),
    ("francais", "fr"),
    ("fra", "fr"),
    ("spanish", "es"),
    ("español", "es"),
    ("spa", "es"),
    ("italian", "it"),
    ("italiano", "it"),
    ("dutch", "nl"),
    ("nederlands", "nl"),
    ("swedish", "sv"),
    ("svenska", "sv"),
    ("swe", "sv"),
    ("portuguese", "pt"),
    ("polish", "pl"),
    ("russian", "ru"),
    ("czech", "cs"),
    ("danish", "da"),
    ("norwegian", "no"),
    ("finnish", "fi"),
];

fn known_code(code: &str) -> bool {
    code.len() == 2 && ISO_639_1.split(' ').any(|c| c == code)
}

/// What a language field says.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Language {
    /// Nothing written.
    Empty,
    /// A code; `repaired` when the field said something else (`de, en`, `German`, `EN_us`).
    Code { code: String, repaired: bool },
    /// Nothing recognisable (`xx`, `Klingon`, `?`).
    Unknown,
}

/// The first valid two-letter language in a language field.
pub(crate) fn language(raw: &str) -> Language {
    let lower = raw.trim().to_lowercase();
    if lower.is_empty() {
        return Language::Empty;
    }
    let words = lower.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '_'));
    for word in words.filter(|w| !w.is_empty()) {
        let primary = word.split(['-', '_']).next().unwrap_or("");
        let code = if known_code(primary) {
            Some(primary.to_owned())
        } else {
            NAMES
                .iter()
                .find(|(name, _)| *name == primary)
                .map(|(_, c)| (*c).to_owned())
        };
        if let Some(code) = code {
            let exact = lower == code
                || (lower.starts_with(&format!("{code}-")) && word == lower)
                || (lower.starts_with(&format!("{code}_")) && word == lower);
            return Language::Code {
                repaired: !exact,
                code,
            };
        }
    }
    Language::Unknown
}

/// Our session kinds for a type name, and for a session with no type, its title.
pub(crate) fn kind_for(type_name: &str) -> &'static str {
    let t: String = type_name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["keynote", "plenary", "plenum"]) {
        "plenary"
    } else if has(&["workshop", "handson", "hands on", "tutorial"]) {
        "workshop"
    } else if has(&["lunch", "dinner", "breakfast", "meal"]) {
        "meal"
    } else if has(&["break", "pause", "coffee", "fika"]) {
        "break"
    } else if has(&["meeting", "bof", "discussion", "keysigning"]) {
        "meeting"
    } else if has(&["party", "social", "concert", "performance"]) {
        "social"
    } else if has(&[
        "lecture",
        "talk",
        "seminar",
        "presentation",
        "devroom",
        "maintrack",
    ]) {
        "seminar"
    } else {
        "other"
    }
}

/// For a session with no type: a meal or a break when its short title says so ("Lunch",
/// "Afternoon break"; not "Breaking the web" or a long talk title mentioning lunch).
pub(crate) fn kind_from_title(title: &str) -> Option<(&'static str, &'static str)> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let any = |set: &[&str]| words.iter().any(|w| set.contains(w));
    if any(&["lunch", "dinner", "breakfast", "meal", "brunch", "supper"]) {
        Some(("meal", "Meal"))
    } else if any(&["break", "pause", "coffee", "fika", "kaffee", "tea"]) {
        Some(("break", "Break"))
    } else {
        None
    }
}

/// Decodes character references, twice when the text was escaped twice (`&amp;#39;`).
pub(crate) fn decode_twice(s: &str) -> String {
    let once = decode_entities(s);
    if once == s {
        once
    } else {
        decode_entities(&once)
    }
}

/// A one-line text (title, name): references decoded, whitespace collapsed, control
/// characters removed.
pub(crate) fn line(s: &str) -> String {
    let decoded = decode_twice(s);
    let decoded = if richtext::looks_like_html(&decoded) {
        richtext::parse(&decoded)
            .iter()
            .map(|b| match b {
                richtext::Block::Paragraph(i) => richtext::plain(i),
                richtext::Block::List { items, .. } => items
                    .iter()
                    .map(|i| richtext::plain(i))
                    .collect::<Vec<_>>()
                    .join(" "),
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        decoded
    };
    decoded
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A longer text (abstract, bio) in our format's plain text: HTML is turned into the Markdown
/// subset `richtext` reads; plain text and Markdown keep their wording with references
/// decoded (twice when escaped twice) and line ends normalised.
pub(crate) fn rich(s: &str) -> Option<String> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    if s.trim().is_empty() {
        return None;
    }
    let text = if richtext::looks_like_html(&s) {
        richtext::to_text(&richtext::parse(&s))
    } else {
        let decoded = decode_twice(&s);
        if richtext::looks_like_html(&decoded) {
            richtext::to_text(&richtext::parse(&decoded))
        } else {
            decoded
                .chars()
                .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
                .collect()
        }
    };
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// An event's abstract and description as one text: both when they differ, one when one
/// repeats the other.
pub(crate) fn abstract_and_description(
    abstract_text: Option<&str>,
    description: Option<&str>,
) -> Option<String> {
    let a = abstract_text.and_then(rich);
    let d = description.and_then(rich);
    match (a, d) {
        (Some(a), Some(d)) => {
            if d.contains(&a) {
                Some(d)
            } else if a.contains(&d) {
                Some(a)
            } else {
                Some(format!("{a}\n\n{d}"))
            }
        }
        (a, d) => a.or(d),
    }
}

/// The colours given to tracks that bring none, in order of the tracks' names: all of
/// medium lightness, so each has 3:1 against both the light and the dark card
/// (`contrast::theme_problems` finds nothing; tested in tests/core/contrast.rs).
pub(crate) const PALETTE: [&str; 12] = [
    "#217de7", "#359039", "#db4d4d", "#ad56e1", "#ce5d00", "#008b98", "#e73382", "#a57266",
    "#6976d6", "#8b8019", "#658291", "#008e7d",
];

/// `#rrggbb` in lower case, if `c` is one (or `#rgb`).
pub(crate) fn colour(c: &str) -> Option<String> {
    let c = c.trim();
    let hex = c.strip_prefix('#')?;
    if !hex.chars().all(|h| h.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|h| [h, h])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

/// An http(s) URL, trimmed; `None` for anything else.
pub(crate) fn web_url(u: &str) -> Option<String> {
    let u = u.trim();
    let lower = u.to_ascii_lowercase();
    ((lower.starts_with("https://") || lower.starts_with("http://")) && u.len() > 8)
        .then(|| richtext::safe_href(u))
        .flatten()
}
