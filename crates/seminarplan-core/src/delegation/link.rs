//! Links for a delegation: the stamp a personal share link carries, and one link for the
//! whole delegation.
//!
//! A personal share link (`share::encode`) gets its stamp appended as `~~` and the stamp in
//! base 36 (`inkopsforum-2027~s-101~~t4k2a9`); a link without one is read as before, with
//! stamp 0. A delegation link (`team=` in the URL) is the programme id, then per person
//! `~~`, the name, `.`, the stamp, and the person's sessions each after a `~`:
//! `inkopsforum-2027~~Anna.t4k2a9~s-101~s-203~~Bo.t4k2b0~s-102`. Names may hold any text
//! but `~` (the URL percent-encodes it); the stamp follows the name's last `.`. The
//! programme id carries the programme's fingerprint after a `*`, as a share link does
//! (`inkopsforum-2027*3fa2c1~t4k2a9~~Anna…`), so a link made for another programme with
//! the same id is told apart (issue 28); links without one are still read.
//!
//! Sessions are written as the shortest prefix of their id that no other session of the
//! programme shares, but never shorter than `MIN_PREFIX` characters: long ids (GUIDs)
//! shrink to a few characters, short ones stay whole. Reading resolves a token to the
//! session whose id it is, else to the one session whose id starts with it; a token that
//! matches none or several stays as written, so it shows as a missing session instead of
//! silently becoming another one.

use std::collections::BTreeSet;

use crate::model::{Programme, SessionId};
use crate::parse::valid_id;
use crate::share::ShareError;

use super::{MAX_COLLEAGUES, clean_name};

/// The shortest id prefix a delegation link writes (shorter ids are written whole). Five
/// characters keep a prefix unique even when a few sessions are added later: a new random
/// hex id shares a given five-character prefix once in a million, and a token that then
/// matches two sessions resolves to neither.
pub const MIN_PREFIX: usize = 5;
/// Longest delegation value read.
pub const MAX_LEN: usize = 4000;

/// One person in a delegation link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Cleaned (`clean_name`).
    pub name: String,
    pub stamp: u64,
    /// Session ids or unique prefixes of them; `resolve` turns them into ids.
    pub tokens: Vec<String>,
}

/// A delegation link, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamLink {
    pub programme: String,
    /// The programme's fingerprint when the link carries one (earlier links do not).
    pub fingerprint: Option<String>,
    pub people: Vec<Person>,
}

impl TeamLink {
    /// Whether the link was made from `programme`: the same id, and the same fingerprint
    /// when it carries one.
    pub fn is_for(&self, programme: &Programme) -> bool {
        crate::share::made_for(&self.programme, self.fingerprint.as_deref(), programme)
    }
}

/// A number in base 36 (digits, then lower-case letters).
pub fn base36(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads `base36`; `None` for anything else (upper case, empty, too large).
pub fn from_base36(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 13 {
        return None;
    }
    text.chars().try_fold(0u64, |n, c| {
        let d = match c {
            '0'..='9' => u64::from(c) - u64::from('0'),
            'a'..='z' => u64::from(c) - u64::from('a') + 10,
            _ => return None,
        };
        n.checked_mul(36)?.checked_add(d)
    })
}

/// A personal share value with its stamp.
pub fn stamp_share(value: &str, stamp: u64) -> String {
    format!("{value}~~{}", base36(stamp))
}

/// A personal share value without its stamp, and the stamp (0 for links without one).
pub fn split_stamp(value: &str) -> (&str, u64) {
    match value.rsplit_once("~~") {
        Some((rest, stamp)) => match from_base36(stamp) {
            Some(n) => (rest, n),
            None => (value, 0),
        },
        None => (value, 0),
    }
}

fn common_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Every session id of the programme, sorted.
fn sorted_ids(programme: &Programme) -> Vec<&str> {
    let mut ids: Vec<&str> = programme.sessions.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids
}

/// How `id` is written in a delegation link: its shortest unique prefix (at least
/// `MIN_PREFIX` characters), or the whole id.
fn short_form<'a>(sorted: &[&str], id: &'a str) -> &'a str {
    let Ok(at) = sorted.binary_search(&id) else {
        return id;
    };
    let before = at.checked_sub(1).map_or(0, |p| common_chars(sorted[p], id));
    let after = sorted.get(at + 1).map_or(0, |n| common_chars(n, id));
    let chars = (before.max(after) + 1).max(MIN_PREFIX);
    match id.char_indices().nth(chars) {
        Some((end, _)) => id.split_at(end).0,
        None => id,
    }
}

/// The delegation link's value: `people` as (name, stamp, sessions). Names are cleaned;
/// a person whose name cleans to nothing is left out. The newest stamp is written once;
/// each person's is written as its distance from that one, and left out when it is the
/// newest (unless the name holds a `.`).
pub fn encode_team(programme: &Programme, people: &[(&str, u64, &BTreeSet<SessionId>)]) -> String {
    let sorted = sorted_ids(programme);
    let newest = people.iter().map(|p| p.1).max().unwrap_or(0);
    let mut out = format!(
        "{}*{}~{}",
        programme.id,
        programme.fingerprint(),
        base36(newest)
    );
    for (name, stamp, ids) in people.iter().take(MAX_COLLEAGUES + 1) {
        let Some(name) = clean_name(name) else {
            continue;
        };
        out.push_str("~~");
        out.push_str(&name);
        if *stamp != newest || name.contains('.') {
            out.push('.');
            out.push_str(&base36(newest - stamp));
        }
        for id in ids.iter().take(crate::share::MAX_IDS) {
            out.push('~');
            out.push_str(short_form(&sorted, id));
        }
    }
    out
}

fn person(head: &str, newest: u64) -> Option<Person> {
    let (name, back) = match head.rsplit_once('.') {
        Some((name, back)) => match from_base36(back) {
            Some(n) => (name, n),
            None => (head, 0),
        },
        None => (head, 0),
    };
    Some(Person {
        name: clean_name(name)?,
        stamp: newest.saturating_sub(back),
        tokens: Vec::new(),
    })
}

/// Reads a delegation value. Refuses anything malformed or oversized; a name that repeats
/// (without regard to case) keeps its first person only.
pub fn decode_team(value: &str) -> Result<TeamLink, ShareError> {
    if value.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let mut groups = value.split("~~");
    let (programme, newest) = groups
        .next()
        .and_then(|head| head.split_once('~'))
        .and_then(|(p, stamp)| Some((p, from_base36(stamp)?)))
        .ok_or(ShareError::Malformed)?;
    let (programme, fingerprint) = crate::share::programme_of(programme)?;
    let mut people: Vec<Person> = Vec::new();
    for group in groups {
        let mut parts = group.split('~');
        let mut p = parts
            .next()
            .and_then(|head| person(head, newest))
            .ok_or(ShareError::Malformed)?;
        for token in parts {
            if !valid_id(token) {
                return Err(ShareError::Malformed);
            }
            p.tokens.push(token.to_owned());
        }
        if p.tokens.len() > crate::share::MAX_IDS || people.len() > MAX_COLLEAGUES {
            return Err(ShareError::TooLong);
        }
        if !people
            .iter()
            .any(|q| q.name.to_lowercase() == p.name.to_lowercase())
        {
            people.push(p);
        }
    }
    Ok(TeamLink {
        programme: programme.to_owned(),
        fingerprint,
        people,
    })
}

/// The session ids `tokens` stand for in `programme` (see the module doc).
pub fn resolve(programme: &Programme, tokens: &[String]) -> BTreeSet<SessionId> {
    let sorted = sorted_ids(programme);
    tokens
        .iter()
        .map(|t| {
            if programme.session(t).is_some() {
                return t.clone();
            }
            let from = sorted.partition_point(|id| *id < t.as_str());
            let mut matches = sorted[from..]
                .iter()
                .take_while(|id| id.starts_with(t.as_str()));
            match (matches.next(), matches.next()) {
                (Some(one), None) => (*one).to_owned(),
                _ => t.clone(),
            }
        })
        .collect()
}

/// The QR code version (1-40) `text` needs at medium error correction, or `None` when it
/// does not fit at all. Phones read up to about version 10 at arm's length from a screen
/// or an A4 page; up to 15 with care (see SECURITY.md and README).
pub fn qr_version(text: &str) -> Option<i16> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    match code.version() {
        qrcode::Version::Normal(v) => Some(v),
        qrcode::Version::Micro(_) => Some(1),
    }
}
