//! Swedish-aware text search: case-insensitive and diacritic-tolerant one way only.
//!
//! A query word typed without diacritics matches with or without them (`hallbar` finds
//! "hållbar", `ostersund` finds "Östersund"); a word typed with them matches exactly
//! (`hål` finds "hål", not "hal"), because a Swede typing `å` means `å`. Every word must
//! match somewhere (AND). Text is folded one character to one character, so match
//! positions carry over to the original text for highlighting.

use crate::model::Programme;

/// Longest query we look at; longer input (a pasted essay, a hostile URL) is cut.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words we combine.
pub const MAX_TERMS: usize = 12;

/// Lower-cases one character to one character.
fn lower(c: char) -> char {
    // Most programme text is ASCII: no Unicode table lookup for it.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Lower-cases and strips diacritics, one character to one character.
fn fold(c: char) -> char {
    fold_lowered(lower(c))
}

/// [`fold`] of a character that is already lower-cased.
fn fold_lowered(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        other => other,
    }
}

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Lower-cased.
    pub text: String,
    /// Typed with diacritics: matched against the lower-cased text, not the folded one.
    pub exact: bool,
}

/// The words of a query that cards mark: not a word of one letter, which would mark that
/// letter all over every card, and redraw them all, at the first letter of each word
/// typed (issue 29). It still searches ([`terms`]).
pub fn marked_terms(query: &str) -> Vec<Term> {
    terms(query)
        .into_iter()
        .filter(|term| term.text.chars().nth(1).is_some())
        .collect()
}

/// Splits a query into words. Empty when there is nothing to search for.
pub fn terms(query: &str) -> Vec<Term> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut out: Vec<Term> = Vec::new();
    for word in query.split(|c: char| c.is_whitespace() || c == '"' || c == ',') {
        if word.is_empty() {
            continue;
        }
        let text: String = word.chars().map(lower).collect();
        let exact = text.chars().any(|c| fold(c) != c);
        let term = Term { text, exact };
        if !out.contains(&term) {
            out.push(term);
        }
        if out.len() == MAX_TERMS {
            break;
        }
    }
    out
}

/// Whether every session that contains all of `narrower` also contains all of `wider`:
/// each word of `wider` is part of a word of `narrower`, matched the same way or, for a
/// word typed without diacritics, part of the other's folding. Typing on at the end of a
/// query narrows it, so only the sessions the last query found need searching again.
pub fn narrows(narrower: &[Term], wider: &[Term]) -> bool {
    !wider.is_empty()
        && wider.iter().all(|w| {
            narrower.iter().any(|n| match (n.exact, w.exact) {
                (false, false) | (true, true) => n.text.contains(w.text.as_str()),
                (true, false) => n
                    .text
                    .chars()
                    .map(fold_lowered)
                    .collect::<String>()
                    .contains(w.text.as_str()),
                (false, true) => false,
            })
        })
}

/// `text` with every character through `map`, ASCII ones lower-cased in bulk: most
/// programme text is ASCII, and a run of it is copied and lower-cased as bytes rather than
/// decoded and pushed character by character (on a first visit the browser runs this
/// before it has optimised it, so the difference is large).
fn map_chars(text: &str, map: fn(char) -> char) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let Some((run, tail)) = rest.split_at_checked(ascii) else {
            break;
        };
        let from = out.len();
        out.extend_from_slice(run.as_bytes());
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            let mut buf = [0u8; 4];
            out.extend_from_slice(map(c).encode_utf8(&mut buf).as_bytes());
        }
        rest = chars.as_str();
    }
    // Only whole characters went in, so this never fails.
    String::from_utf8(out).unwrap_or_default()
}

/// The searchable text of every session, prepared once per programme. It can be built
/// in steps ([`Index::extend`]), so that building it never holds up a visitor's input for
/// long; [`Index::matches`] only answers for the sessions built so far, so whoever
/// searches with it first makes it whole ([`Index::is_whole`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    lowered: Vec<String>,
    /// The lowered text without diacritics, where that differs from `lowered` (most
    /// English text does not: one copy then serves both).
    folded: Vec<Option<String>>,
}

impl Index {
    /// The index of every session of `programme`.
    pub fn new(programme: &Programme) -> Self {
        let mut index = Index::default();
        index.extend(programme, usize::MAX);
        index
    }

    /// Adds up to `count` more sessions of `programme` (the one it was started for);
    /// says whether every session is in now.
    pub fn extend(&mut self, programme: &Programme, count: usize) -> bool {
        let from = self.lowered.len();
        let to = from.saturating_add(count).min(programme.sessions.len());
        for s in programme.sessions.get(from..to).unwrap_or_default() {
            let mut text = String::new();
            let mut add = |t: &str| {
                text.push_str(t);
                text.push('\n');
            };
            add(&s.title);
            s.subtitle.as_deref().map(&mut add);
            s.abstract_text.as_deref().map(&mut add);
            for &sp in &s.speakers {
                let speaker = &programme.speakers[sp];
                add(&speaker.name);
                speaker.organisation.as_deref().map(&mut add);
            }
            for tag in &s.tags {
                add(tag);
            }
            let low = map_chars(&text, lower);
            // Folding only changes non-ASCII letters: an ASCII text is its own folding.
            let fold = (!low.is_ascii())
                .then(|| map_chars(&low, fold_lowered))
                .filter(|f| *f != low);
            self.lowered.push(low);
            self.folded.push(fold);
        }
        self.is_whole(programme)
    }

    /// Whether every session of `programme` is in.
    pub fn is_whole(&self, programme: &Programme) -> bool {
        self.lowered.len() >= programme.sessions.len()
    }

    /// For every session, whether it contains every term; `narrowing` the same for a
    /// query these terms [`narrows`], so only the sessions it found are searched.
    pub fn hits(&self, terms: &[Term], narrowing: Option<&[bool]>) -> Vec<bool> {
        (0..self.lowered.len())
            .map(|ix| {
                narrowing.is_none_or(|before| before.get(ix).copied().unwrap_or(false))
                    && self.matches(ix, terms)
            })
            .collect()
    }

    /// Whether session `ix` contains every term.
    pub fn matches(&self, ix: usize, terms: &[Term]) -> bool {
        let (Some(lowered), Some(folded)) = (self.lowered.get(ix), self.folded.get(ix)) else {
            return false;
        };
        let folded = folded.as_deref().unwrap_or(lowered);
        terms.iter().all(|t| {
            if t.exact {
                lowered.contains(t.text.as_str())
            } else {
                folded.contains(t.text.as_str())
            }
        })
    }
}

/// A piece of text, marked when a query word matched it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub hit: bool,
}

/// Cuts `text` into segments, marking every place a term matches.
pub fn highlight<'a>(text: &'a str, terms: &[Term]) -> Vec<Segment<'a>> {
    if terms.is_empty() || text.is_empty() {
        return vec![Segment { text, hit: false }];
    }
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let lowered: Vec<char> = text.chars().map(lower).collect();
    let folded: Vec<char> = text.chars().map(fold).collect();
    let mut hit = vec![false; lowered.len()];
    for term in terms {
        let needle: Vec<char> = term.text.chars().collect();
        let hay = if term.exact { &lowered } else { &folded };
        if needle.is_empty() || needle.len() > hay.len() {
            continue;
        }
        for start in 0..=hay.len() - needle.len() {
            if hay[start..start + needle.len()] == needle[..] {
                hit[start..start + needle.len()].fill(true);
            }
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=hit.len() {
        if i == hit.len() || hit[i] != hit[start] {
            let from = offsets[start];
            let to = offsets.get(i).copied().unwrap_or(text.len());
            out.push(Segment {
                text: text.get(from..to).unwrap_or_default(),
                hit: hit[start],
            });
            start = i;
        }
    }
    out
}
