//! Swedish-aware text search: case-insensitive and diacritic-tolerant one way only.
//!
//! A query word typed without diacritics matches with or without them (`hallbar` finds
//! "hållbar", `ostersund` finds "Östersund"); a word typed with them matches exactly
//! (`hål` finds "hål", not "hal"), because a Swede typing `å` means `å`. Every word must
//! match somewhere (AND). Text is folded one character to one character, so match
//! positions carry over to the original text for highlighting.

use std::rc::Rc;

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
    // Nor for Latin-1 (å, ä, ö, é …): its capitals (not ×) are their small letter less 32.
    if c < '\u{100}' {
        return match c {
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        };
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

/// Appends `text` to `out` with every character through `map`, ASCII ones lower-cased
/// in bulk: most programme text is ASCII, and a run of it is copied and lower-cased as
/// bytes rather than decoded and pushed character by character (on a first visit the
/// browser runs this before it has optimised it, at the visitor's first keystroke).
fn push_mapped(out: &mut String, text: &str, map: fn(char) -> char) {
    let mut rest = text;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let Some((run, tail)) = rest.split_at_checked(ascii) else {
            break;
        };
        let from = out.len();
        out.push_str(run);
        out.get_mut(from..).map(str::make_ascii_lowercase);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        out.push(map(c));
        rest = chars.as_str();
    }
}

/// The searchable text of session `ix` of `programme` (title, subtitle, abstract,
/// speakers and their organisations, tags), one line each, every character through `map`.
fn searchable(programme: &Programme, ix: usize, map: fn(char) -> char) -> String {
    let Some(s) = programme.sessions.get(ix) else {
        return String::new();
    };
    let len = s.title.len()
        + s.subtitle.as_ref().map_or(0, String::len)
        + s.abstract_text.as_ref().map_or(0, String::len)
        + 64;
    let mut text = String::with_capacity(len);
    let mut add = |t: &str| {
        push_mapped(&mut text, t, map);
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
    text
}

/// The searchable text of every session, prepared once per programme. It can be built
/// in steps ([`Index::extend`]), so that building it never holds up a visitor's input for
/// long: first the folded text of every session (what a word typed without diacritics,
/// nearly every first keystroke, is looked for in), then the lowered text where it
/// differs. [`Index::matches`] only answers for what is built so far, so whoever searches
/// with it first builds what the search needs ([`Index::ready_for`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    /// Every session's text lower-cased and without diacritics. (Shared, so that a copy
    /// of an index taken to build on while a search holds it costs no text.)
    folded: Vec<Rc<str>>,
    /// Every session's text lower-cased, where that differs from `folded` (most English
    /// text does not: one copy then serves both).
    lowered: Vec<Option<Rc<str>>>,
}

impl Index {
    /// The index of every session of `programme`.
    pub fn new(programme: &Programme) -> Self {
        let mut index = Index::default();
        index.extend(programme, usize::MAX);
        index
    }

    /// Adds up to `count` more sessions' text of `programme` (the one it was started
    /// for), folded text first; says whether every session is in now.
    pub fn extend(&mut self, programme: &Programme, count: usize) -> bool {
        let all = programme.sessions.len();
        let mut left = count;
        while left > 0 && self.folded.len() < all {
            self.folded
                .push(searchable(programme, self.folded.len(), fold).into());
            left -= 1;
        }
        while left > 0 && self.lowered.len() < all {
            let ix = self.lowered.len();
            let lowered = searchable(programme, ix, lower);
            let same = self.folded.get(ix).is_some_and(|f| **f == *lowered);
            self.lowered.push((!same).then(|| lowered.into()));
            left -= 1;
        }
        self.is_whole(programme)
    }

    /// Whether every session of `programme` is in.
    pub fn is_whole(&self, programme: &Programme) -> bool {
        self.lowered.len() >= programme.sessions.len()
    }

    /// Whether what is built is enough to search every session of `programme` for
    /// `terms`: the folded text, and the lowered text too for a word typed with
    /// diacritics. Otherwise `extend` what is missing first.
    pub fn ready_for(&self, programme: &Programme, terms: &[Term]) -> bool {
        self.folded.len() >= programme.sessions.len()
            && (self.is_whole(programme) || !terms.iter().any(|t| t.exact))
    }

    /// Builds what [`Index::ready_for`] needs to search `programme` for `terms`.
    pub fn extend_for(&mut self, programme: &Programme, terms: &[Term]) {
        let folded = programme.sessions.len().saturating_sub(self.folded.len());
        let exact = terms.iter().any(|t| t.exact);
        self.extend(programme, if exact { usize::MAX } else { folded });
    }

    /// For every session, whether it contains every term; `narrowing` the same for a
    /// query these terms [`narrows`], so only the sessions it found are searched.
    pub fn hits(&self, terms: &[Term], narrowing: Option<&[bool]>) -> Vec<bool> {
        (0..self.folded.len())
            .map(|ix| {
                narrowing.is_none_or(|before| before.get(ix).copied().unwrap_or(false))
                    && self.matches(ix, terms)
            })
            .collect()
    }

    /// Whether session `ix` contains every term (never, for a session not yet built).
    pub fn matches(&self, ix: usize, terms: &[Term]) -> bool {
        let Some(folded) = self.folded.get(ix) else {
            return false;
        };
        terms.iter().all(|t| {
            if t.exact {
                match self.lowered.get(ix) {
                    Some(lowered) => lowered.as_deref().unwrap_or(folded),
                    None => return false,
                }
                .contains(t.text.as_str())
            } else {
                folded.contains(t.text.as_str())
            }
        })
    }
}

/// Where `needle` occurs in `hay`, overlapping places too, as ranges of characters (the
/// text is lowered or folded one character to one, so they are the original's too).
fn char_matches(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let len = needle.chars().count();
    let mut out = Vec::new();
    let (mut from, mut counted, mut chars) = (0, 0, 0);
    while len > 0
        && let Some(at) = hay.get(from..).and_then(|rest| rest.find(needle))
    {
        let start = from + at;
        chars += hay.get(counted..start).map_or(0, |s| s.chars().count());
        counted = start;
        out.push((chars, chars + len));
        let first = hay.get(start..).and_then(|rest| rest.chars().next());
        from = start + first.map_or(1, char::len_utf8);
    }
    out
}

/// How many answers [`Recent`] keeps.
const RECENT: usize = 32;

/// The answers to the last searches of one index, newest first: typing on searches only
/// the sessions a query it narrows found, and a letter deleted finds the answer it had
/// (issue 29: a whole search was the largest part of such a keystroke's script).
#[derive(Debug, Default)]
pub struct Recent {
    index: Option<Rc<Index>>,
    answers: Vec<(Vec<Term>, Rc<Vec<bool>>)>,
}

impl Recent {
    /// For every session of `index`, whether it contains every term of `terms`.
    pub fn hits(&mut self, index: &Rc<Index>, terms: Vec<Term>) -> Rc<Vec<bool>> {
        if !self.index.as_ref().is_some_and(|i| Rc::ptr_eq(i, index)) {
            self.answers.clear();
            self.index = Some(index.clone());
        }
        let hits = match self.answers.iter().position(|(t, _)| *t == terms) {
            Some(at) => self.answers.remove(at).1,
            None => {
                let before = (self.answers.iter()).find(|(wider, _)| narrows(&terms, wider));
                Rc::new(index.hits(&terms, before.map(|(_, hits)| hits.as_slice())))
            }
        };
        self.answers.insert(0, (terms, hits.clone()));
        self.answers.truncate(RECENT);
        hits
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
    let whole = || vec![Segment { text, hit: false }];
    if terms.is_empty() || text.is_empty() {
        return whole();
    }
    let mapped = |wanted: bool, map: fn(char) -> char| {
        wanted.then(|| {
            let mut out = String::with_capacity(text.len());
            push_mapped(&mut out, text, map);
            out
        })
    };
    let lowered = mapped(terms.iter().any(|t| t.exact), lower);
    let folded = mapped(terms.iter().any(|t| !t.exact), fold);
    let mut found = Vec::new();
    for term in terms {
        let hay = if term.exact { &lowered } else { &folded };
        found.extend(char_matches(hay.as_deref().unwrap_or_default(), &term.text));
    }
    // Most texts a card shows hold none of the words: nothing more to work out.
    if found.is_empty() {
        return whole();
    }
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut hit = vec![false; offsets.len()];
    for (from, to) in found {
        if let Some(marked) = hit.get_mut(from..to) {
            marked.fill(true);
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
