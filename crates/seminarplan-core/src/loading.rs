//! Loading the programme over the network, as decisions: how long to wait, what each kind
//! of failure is called, when a response is not a programme at all, and the last good
//! programme kept in the browser (its storage key, its record, and when it is used).
//!
//! `browser::fetch` and `browser::storage` do the I/O; everything they decide comes from
//! here, so it is tested natively.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::plan::Plan;

/// How long the programme request may take, headers and body together, unless the
/// organiser sets `timeout` (milliseconds) on the widget's element.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;
/// The shortest and longest timeout the attribute can set.
pub const MIN_TIMEOUT_MS: u32 = 500;
pub const MAX_TIMEOUT_MS: u32 = 120_000;

/// The timeout from the element's `timeout` (or `data-timeout`) attribute (milliseconds), kept within
/// [`MIN_TIMEOUT_MS`]..=[`MAX_TIMEOUT_MS`]; anything unreadable gives the default.
pub fn timeout_ms(attr: Option<&str>) -> u32 {
    attr.and_then(|a| a.trim().parse::<u32>().ok())
        .map_or(DEFAULT_TIMEOUT_MS, |ms| {
            ms.clamp(MIN_TIMEOUT_MS, MAX_TIMEOUT_MS)
        })
}

/// Why the programme file could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFault {
    /// The address is not one the browser can request.
    BadUrl,
    /// No answer: offline, the server is down, or the browser blocked the request.
    Network,
    /// HTTP 404 or 410: there is no file at the address.
    NotFound,
    /// Any other HTTP status that is not success.
    Status(u16),
    /// No complete answer within the timeout.
    Timeout,
    /// The answer broke off before the whole file had arrived.
    Truncated,
    /// The address answered with a web page, not a programme file (a wrong address on a
    /// site that answers every path with its front page).
    WebPage,
    /// The file is larger than [`MAX_FETCH_BYTES`]: refused by its `Content-Length`
    /// before any of it is read, or as soon as that much has arrived.
    TooLarge,
}

/// The largest programme file fetched: the parser's own limit, so nothing larger is ever
/// held in memory, whatever the server says about it.
pub const MAX_FETCH_BYTES: usize = crate::parse::MAX_BYTES;

/// Refuses an answer by its `Content-Length` header, before reading the body. A missing
/// or unreadable header refuses nothing (the body's length is checked as it arrives).
pub fn length_fault(content_length: Option<&str>) -> Option<FetchFault> {
    let length: u64 = content_length?.trim().parse().ok()?;
    (length > MAX_FETCH_BYTES as u64).then_some(FetchFault::TooLarge)
}

/// A body read chunk by chunk, refused the moment it passes [`MAX_FETCH_BYTES`] (a server
/// may send no length, or a false one).
#[derive(Debug, Default)]
pub struct Body {
    bytes: Vec<u8>,
}

impl Body {
    /// An empty body with room for the `length` the server announced (no more than the
    /// limit), so that a large file is not copied again each time it outgrows its buffer:
    /// the wasm memory, which never shrinks, would keep the high-water mark of those
    /// copies.
    pub fn expecting(length: Option<u64>) -> Body {
        let room = length.map_or(0, |l| usize::try_from(l).unwrap_or(MAX_FETCH_BYTES));
        Body {
            bytes: Vec::with_capacity(room.min(MAX_FETCH_BYTES)),
        }
    }

    /// Adds the next chunk, or refuses it if the body would then pass the limit.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), FetchFault> {
        if self.bytes.len() + chunk.len() > MAX_FETCH_BYTES {
            self.bytes = Vec::new();
            return Err(FetchFault::TooLarge);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    /// The bytes so far.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether `more` bytes would still fit (checked before copying a chunk out of JS).
    pub fn fits(&self, more: usize) -> bool {
        self.bytes.len().saturating_add(more) <= MAX_FETCH_BYTES
    }

    /// The text: UTF-8 (a byte order mark dropped), UTF-16 with a byte order mark, or
    /// else Windows-1252, as spreadsheets are saved (`import::sheet::decode`).
    pub fn text(self) -> String {
        crate::import::sheet::decode_owned(self.bytes)
    }

    /// What arrived: a workbook's bytes as they are (a ZIP archive, for the importer), or
    /// else the text.
    pub fn contents(self) -> Contents {
        if crate::import::workbook::signature(&self.bytes) {
            Contents::Workbook(self.bytes)
        } else {
            Contents::Text(self.text())
        }
    }
}

/// A programme file as it arrived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contents {
    /// A text file (our format, another tool's, a CSV).
    Text(String),
    /// A workbook (.xlsx, .ods), recognised by its ZIP signature: read by the importer.
    Workbook(Vec<u8>),
}

/// When to try showing a large file's first sessions while the rest arrives
/// (`import::preview`): first once [`PREVIEW_BYTES`] have arrived, then each time what has
/// arrived has doubled (a document of our format may hold megabytes of speakers before its
/// first session), until a try shows something. Only for a file large enough to take a
/// while to read: one whose `Content-Length`, when the server gives one, is at least four
/// times [`PREVIEW_BYTES`], and only while no more than half of it has arrived. Smaller
/// files are read whole before anything is shown. And only when the first sessions would
/// otherwise wait: a file of [`READ_LONG_BYTES`] or more (or of unknown length) takes long
/// to read however fast it came; a smaller one only when the rest would take
/// [`ARRIVES_SLOWLY_MS`] or more to arrive at the pace so far (a phone network). On a fast
/// one the whole file is there a moment later, and a preview only put off the moment the
/// widget answers (issue 29).
#[derive(Clone, Debug, Default)]
pub struct PreviewTries {
    next: usize,
    shown: bool,
}

impl PreviewTries {
    /// Whether to try now, with `read` bytes of the file here `elapsed_ms` after its
    /// first byte could.
    pub fn due(&mut self, read: usize, length: Option<u64>, elapsed_ms: f64) -> bool {
        let next = self.next.max(PREVIEW_BYTES);
        let large = length.is_none_or(|l| l >= 4 * PREVIEW_BYTES as u64 && read as u64 <= l / 2);
        if self.shown || read < next || !large {
            return false;
        }
        let reads_long = length.is_none_or(|l| l >= READ_LONG_BYTES);
        let rest = length.map_or(0, |l| l.saturating_sub(read as u64)) as f64;
        let arrives_slowly = elapsed_ms * rest / read as f64 >= ARRIVES_SLOWLY_MS;
        if !reads_long && !arrives_slowly {
            return false;
        }
        self.next = read.saturating_mul(2);
        true
    }

    /// A try showed the first sessions: no more tries.
    pub fn shown(&mut self) {
        self.shown = true;
    }
}

pub use crate::import::PREVIEW_BYTES;

/// A file at least this large is previewed however fast it arrives: 10,000 sessions
/// (16 MB) take seconds to read on a phone.
pub const READ_LONG_BYTES: u64 = 4 * 1024 * 1024;
/// How long the rest of a smaller file must be expected to take to arrive before its
/// first sessions are shown apart.
pub const ARRIVES_SLOWLY_MS: f64 = 200.0;

/// The fault an HTTP status stands for, or `None` for success (2xx).
pub fn status_fault(status: u16) -> Option<FetchFault> {
    match status {
        200..=299 => None,
        404 | 410 => Some(FetchFault::NotFound),
        other => Some(FetchFault::Status(other)),
    }
}

/// Whether a successful answer can be a programme file.
///
/// The `Content-Type` header is not trusted either way: organisers serve programme files
/// from wherever they can, often as `text/plain` or `application/octet-stream`, and the
/// importer recognises JSON and XML by their content. Only an HTML page is refused here,
/// with its own message, because it is always a wrong address and "not valid JSON at
/// line 1" would not say so.
pub fn check_body(content_type: &str, body: &str) -> Result<(), FetchFault> {
    let head: String = body
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let html_type = content_type
        .split(';')
        .next()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/html"));
    let html_body = head.starts_with("<!doctype html") || head.starts_with("<html");
    let programme_like = head.starts_with('{') || head.starts_with("<?xml");
    if html_body || (html_type && !programme_like && head.starts_with('<')) {
        Err(FetchFault::WebPage)
    } else {
        Ok(())
    }
}

/// The last good programme, kept in the browser so that the widget can still show it
/// (marked as possibly out of date) when the network fails.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cached {
    /// The programme address it was fetched from, exactly as the element gave it.
    pub src: String,
    /// The programme's id, so the saved plan can be found even without the text.
    pub id: String,
    /// When it was fetched, in milliseconds since 1970.
    pub fetched_ms: i64,
    /// The file as fetched; `None` when it was too large to keep (see [`MAX_CACHED_TEXT`]).
    #[serde(default)]
    pub text: Option<String>,
}

/// The cache record's version.
pub const CACHE_VERSION: u32 = 1;

/// Programme files longer than this (in bytes) are not kept: localStorage holds about
/// 5 MB per site, and the visitor's plan must always fit beside the copy.
pub const MAX_CACHED_TEXT: usize = 2 * 1024 * 1024;

#[derive(Deserialize)]
struct CacheRecord {
    v: u32,
    #[serde(flatten)]
    cached: Cached,
}

/// The storage key of the last good programme fetched from `src`. The address is hashed
/// (FNV-1a, 64 bits) so keys stay short and free of characters storage tools mangle.
pub fn cache_key(namespace: &str, src: &str) -> String {
    format!("seminarplan:{namespace}:programme:{:016x}", fnv1a(src))
}

/// Whether `key` is one of the programme copies of `namespace` (so they can be dropped
/// when the plan needs the room).
pub fn is_cache_key(namespace: &str, key: &str) -> bool {
    key.strip_prefix(&format!("seminarplan:{namespace}:programme:"))
        .is_some_and(|rest| rest.len() == 16 && rest.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The record to store for a programme just fetched: with its text when that is small
/// enough, else only its id (so the saved plan is still found).
pub fn encode_cache(src: &str, id: &str, fetched_ms: i64, text: &str) -> String {
    let keep = text.len() <= MAX_CACHED_TEXT;
    encode_record(src, id, fetched_ms, keep.then_some(text))
}

/// The same record without the text: what is stored when the full one does not fit.
pub fn without_text(record: &Cached) -> String {
    encode_record(&record.src, &record.id, record.fetched_ms, None)
}

/// [`CacheRecord`] as it is written, borrowing the text: a copy of a 2 MB file written
/// after the first paint, beside the programme and its search index, is not copied again.
#[derive(Serialize)]
struct RecordOut<'a> {
    v: u32,
    src: &'a str,
    id: &'a str,
    fetched_ms: i64,
    text: Option<&'a str>,
}

fn encode_record(src: &str, id: &str, fetched_ms: i64, text: Option<&str>) -> String {
    serde_json::to_string(&RecordOut {
        v: CACHE_VERSION,
        src,
        id,
        fetched_ms,
        text,
    })
    .unwrap_or_default()
}

/// Reads a stored copy for `src`. Anything else (another version, another address that
/// happens to share the hash, a damaged record, a bad id) is `None`: the copy is only a
/// convenience and is never trusted beyond what it says.
pub fn decode_cache(src: &str, stored: &str) -> Option<Cached> {
    // A copy is never larger than the text limit plus its escaping and fields.
    if stored.len() > 2 * MAX_CACHED_TEXT + 4096 {
        return None;
    }
    let record: CacheRecord = serde_json::from_str(stored).ok()?;
    let mut cached = record.cached;
    // A stored time beyond what a calendar can show (another tab's bug, a hand-edited
    // record) is clamped, so the copy still serves and no date arithmetic overflows.
    cached.fetched_ms = cached.fetched_ms.clamp(0, MAX_FETCHED_MS);
    (record.v == CACHE_VERSION && cached.src == src && crate::parse::valid_id(&cached.id))
        .then_some(cached)
}

/// Whether a copy of the programme fetched from `src` is kept: not for a `blob:` or
/// `data:` address (the check page's preview), which no later visit can fetch again, so
/// each check would leave one more copy in the site's storage.
pub fn keeps_copy(src: &str) -> bool {
    let scheme = src.trim_start().get(..5).unwrap_or_default();
    !(scheme.eq_ignore_ascii_case("blob:") || scheme.eq_ignore_ascii_case("data:"))
}

/// Whether a stored copy (`encode_cache`'s record) is of a `blob:` or `data:` address,
/// which [`keeps_copy`] no longer keeps: left by an older version, and dropped.
pub fn is_unkept_copy(stored: &str) -> bool {
    serde_json::from_str::<CacheRecord>(stored).is_ok_and(|r| !keeps_copy(&r.cached.src))
}

/// The programme id whose saved plan (and colleagues) a programme just fetched from the
/// same address takes over: the id of the copy kept for that address, when it differs
/// from `id` (the organiser renamed the conference, or its days moved, and the id made
/// from them changed). The plan follows its address: the old record is merged into the
/// new one and stays where it was (a share link or another page may still name it);
/// `Plan::follow` then carries each star to the session it became.
pub fn plan_follows<'a>(kept: Option<&'a Cached>, id: &str) -> Option<&'a str> {
    kept.map(|k| k.id.as_str()).filter(|old| *old != id)
}

/// How long after its last starred session a conference's plan still follows its address
/// to a programme with a new id ([`plan_follows`]): a conference postponed after its days is
/// followed, next year's conference at the same address is a new one.
pub const FOLLOW_DAYS: i64 = 30;

/// Whether `old`, the plan of the programme an address had before, follows it to the new
/// one (at `now_ms`): unless every starred session it knows the time of ended more than
/// [`FOLLOW_DAYS`] ago.
pub fn plan_carries(old: &Plan, now_ms: i64) -> bool {
    let ends = old.starred.iter().filter_map(|id| {
        let end = &old.snapshots.get(id)?.end;
        DateTime::parse_from_rfc3339(end)
            .ok()
            .map(|t| t.timestamp_millis())
    });
    let mut known = ends.peekable();
    known.peek().is_none() || known.any(|end| end + FOLLOW_DAYS * 86_400_000 >= now_ms)
}

/// The latest `fetched_ms` a copy may carry: the last millisecond of the year 9999 (UTC),
/// far enough from chrono's limits for any time zone's local date.
pub const MAX_FETCHED_MS: i64 = 253_402_300_799_999;

/// One starred session as the saved plan remembers it, for showing the plan when no
/// programme can be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedSession {
    pub id: String,
    /// The title when starred; the id when the record has no snapshot of it.
    pub title: String,
    pub start: Option<DateTime<FixedOffset>>,
    pub end: Option<DateTime<FixedOffset>>,
    pub room: Option<String>,
}

/// The saved plan's sessions in time order (those without a known time last).
pub fn saved_sessions(plan: &Plan) -> Vec<SavedSession> {
    let time = |t: &str| DateTime::parse_from_rfc3339(t).ok();
    let mut out: Vec<SavedSession> = plan
        .starred
        .iter()
        .map(|id| match plan.snapshots.get(id) {
            Some(s) => SavedSession {
                id: id.clone(),
                title: s.title.clone(),
                start: time(&s.start),
                end: time(&s.end),
                room: s.room.clone(),
            },
            None => SavedSession {
                id: id.clone(),
                title: id.clone(),
                start: None,
                end: None,
                room: None,
            },
        })
        .collect();
    out.sort_by(|a, b| {
        (a.start.is_none(), a.start, &a.title).cmp(&(b.start.is_none(), b.start, &b.title))
    });
    out
}

/// The sessions of a programme file that could not be shown, with their problems: the
/// widget shows the rest (`import::read_here`), tells visitors discreetly and the
/// organiser fully (the console, the `seminarplan-load` event).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeftOut(pub Vec<crate::parse::ProgrammeError>);

/// Why the programme is not shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched.
    Fetch(FetchFault),
    /// The file was read but is not a valid programme.
    Invalid(Vec<crate::parse::ProgrammeError>),
}
