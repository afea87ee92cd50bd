//! Taking a plan along without an account: the plan as a compact link, and that link as
//! a QR code matrix.
//!
//! A share value names the programme by its id and its fingerprint
//! (`Programme::fingerprint`), so a link from another programme with the same id is told
//! apart, then lists the starred ids, sorted, each after a `~` (a character no id may
//! contain) and written short: a digit or letter saying how many characters it shares
//! with the id before it (`0`–`9`, `a`–`z` for 0–35), then the rest; or `G` and 22
//! characters for a GUID (36 characters in lower-case hex). So
//! `inkopsforum-2027*3fa2c1~0s-101~2207~48` holds `s-101`, `s-207` and `s-208`, and about
//! 150 GUID-named sessions fit where 110 did.
//!
//! The first format (`id~s-101~s-207`, no `*`) is still read. Decoding never panics and
//! refuses anything malformed or oversized.

use std::collections::BTreeSet;

use crate::model::Programme;
use crate::parse::valid_id;

/// Longest share value read (a hostile link must not cost time or memory).
pub const MAX_LEN: usize = 4000;
/// Most sessions one link carries.
pub const MAX_IDS: usize = 300;

/// A plan someone shared: for which programme, and which sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedPlan {
    pub programme: String,
    /// The programme's fingerprint when the link carries one (links of the first format
    /// do not).
    pub fingerprint: Option<String>,
    pub ids: BTreeSet<String>,
}

impl SharedPlan {
    /// Whether the link was made from `programme`: the same id, and the same fingerprint
    /// when it carries one.
    pub fn is_for(&self, programme: &Programme) -> bool {
        made_for(&self.programme, self.fingerprint.as_deref(), programme)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    Malformed,
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The share value of `ids` in `programme`.
pub fn encode_for(programme: &Programme, ids: &BTreeSet<String>) -> String {
    encode_with(&programme.id, Some(&programme.fingerprint()), ids)
}

/// The share value of `ids` for a programme id and, if known, its fingerprint.
pub fn encode_with(
    programme_id: &str,
    fingerprint: Option<&str>,
    ids: &BTreeSet<String>,
) -> String {
    // Only a value with a fingerprint is read as the compact form (see `decode`); without
    // one, the first format is the one that reads back.
    let Some(f) = fingerprint else {
        return encode(programme_id, ids);
    };
    let mut out = programme_id.to_owned();
    out.push('*');
    out.push_str(f);
    let mut previous = "";
    for id in ids.iter().take(MAX_IDS) {
        out.push('~');
        match guid_bytes(id) {
            Some(bytes) => {
                out.push('G');
                out.push_str(&base64(&bytes));
            }
            None => {
                // At most 35 bytes shared, cut back to a character boundary: a cap that
                // fell inside `é` panicked (issue 28).
                let shared =
                    id.floor_char_boundary(common_prefix(previous, id).min(DIGITS.len() - 1));
                let (_, rest) = id.split_at(shared);
                out.push(DIGITS[shared] as char);
                out.push_str(rest);
            }
        }
        previous = id;
    }
    out
}

/// The value of the first format, kept for the tests of its reading.
pub fn encode(programme_id: &str, ids: &BTreeSet<String>) -> String {
    let mut out = programme_id.to_owned();
    for id in ids.iter().take(MAX_IDS) {
        out.push('~');
        out.push_str(id);
    }
    out
}

/// Bytes `a` and `b` share at the start, at a character boundary of both.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8())
}

/// The 16 bytes of a lower-case hex GUID (`8-4-4-4-12`).
fn guid_bytes(id: &str) -> Option<[u8; 16]> {
    let b = id.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let hex: Vec<u8> = b.iter().copied().filter(|&c| c != b'-').collect();
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).enumerate() {
        let nibble = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

fn guid_text(bytes: &[u8; 16]) -> String {
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Base64url without padding (16 bytes: 22 characters).
fn base64(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64(text: &str) -> Option<[u8; 16]> {
    if text.len() != 22 {
        return None;
    }
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::with_capacity(16);
    for c in text.bytes() {
        let v = B64.iter().position(|&x| x == c)? as u32;
        bits = bits << 6 | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count & 0xff) as u8);
        }
    }
    out.try_into().ok()
}

pub fn decode(value: &str) -> Result<SharedPlan, ShareError> {
    if value.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let mut parts = value.split('~');
    let head = parts.next().unwrap_or_default();
    let (programme, fingerprint) = programme_of(head)?;
    let compact = fingerprint.is_some();
    let mut ids = BTreeSet::new();
    let mut previous = String::new();
    for part in parts {
        let id = if compact {
            expand(&previous, part).ok_or(ShareError::Malformed)?
        } else {
            part.to_owned()
        };
        if !valid_id(&id) {
            return Err(ShareError::Malformed);
        }
        previous.clone_from(&id);
        ids.insert(id);
        if ids.len() > MAX_IDS {
            return Err(ShareError::TooLong);
        }
    }
    Ok(SharedPlan {
        programme: programme.to_owned(),
        fingerprint,
        ids,
    })
}

/// One entry of the compact list, after the id before it.
fn expand(previous: &str, entry: &str) -> Option<String> {
    let tag = *entry.as_bytes().first()?;
    // `get`, not indexing: a first character of several bytes is refused, not a panic.
    let rest = entry.get(1..)?;
    if tag == b'G' {
        return unbase64(rest).map(|b| guid_text(&b));
    }
    let shared = DIGITS.iter().position(|&d| d == tag)?;
    let prefix = previous.get(..shared)?;
    Some(format!("{prefix}{rest}"))
}

/// A QR code as a square of modules, row by row, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The QR code of `text` (medium error correction), or `None` if it does not fit.
pub fn qr(text: &str) -> Option<QrMatrix> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some(QrMatrix { width, dark })
}

impl QrMatrix {
    /// An SVG path (`M x y h1 v1 h-1 z` per dark module) with a quiet zone of 4.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for (i, &dark) in self.dark.iter().enumerate() {
            if dark {
                let (x, y) = (i % self.width + 4, i / self.width + 4);
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
        d
    }

    /// The side of the SVG view box, quiet zone included.
    pub fn size(&self) -> usize {
        self.width + 8
    }
}

/// A link's programme part, `id` or `id*fingerprint` (six hex digits, as share and
/// delegation links write it): the id, and the fingerprint in lower case.
pub(crate) fn programme_of(head: &str) -> Result<(&str, Option<String>), ShareError> {
    let (programme, fingerprint) = match head.split_once('*') {
        Some((id, f)) if f.len() == 6 && f.bytes().all(|b| b.is_ascii_hexdigit()) => {
            (id, Some(f.to_ascii_lowercase()))
        }
        Some(_) => return Err(ShareError::Malformed),
        None => (head, None),
    };
    if !valid_id(programme) {
        return Err(ShareError::Malformed);
    }
    Ok((programme, fingerprint))
}

/// Whether a link naming `id` and perhaps a `fingerprint` was made from `programme`: the
/// same id, and the same fingerprint when it carries one (share and delegation links).
pub(crate) fn made_for(id: &str, fingerprint: Option<&str>, programme: &Programme) -> bool {
    id == programme.id && fingerprint.is_none_or(|f| f == programme.fingerprint())
}
