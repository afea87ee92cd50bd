//! Reads a `seminarplan/1` JSON document into a validated `Programme`.
//!
//! Two steps: serde reads the shape (with the path of any type error), then `validate`
//! checks what serde cannot: references, times, days and duplicates. Every problem is
//! collected with its place, so an organiser can fix the whole file in one go.
//! Never panics, whatever the input.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{
    Block, Conference, Level, Programme, Room, Session, SessionType, Speaker, Text, Theme,
};
use crate::text::clean;

mod sheet;

pub use sheet::SheetIssue;

pub const FORMAT: &str = "seminarplan/1";

/// Programme files larger than this are refused before parsing (a hostile or broken file
/// must not freeze the visitor's browser).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// One thing wrong with a programme file, and where. Serialisable, so the lazily loaded
/// importer (`import::handoff`) can hand its problems to the widget's first module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeError {
    /// A path such as `sessions[12].end`; empty for the whole document.
    pub path: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Not JSON at all, or cut short.
    Syntax {
        line: usize,
        column: usize,
    },
    /// A field has the wrong type or is missing; `detail` is serde's own words (English).
    Shape {
        detail: String,
    },
    TooLarge {
        bytes: usize,
    },
    /// Arrays or objects nested deeper than any programme needs (serde_json stops at 128
    /// levels, so deep input cannot exhaust the stack).
    TooDeep {
        line: usize,
        column: usize,
    },
    UnknownFormat {
        found: String,
    },
    Duplicate {
        id: String,
    },
    UnknownReference {
        kind: RefKind,
        id: String,
    },
    BadTime {
        value: String,
    },
    BadDate {
        value: String,
    },
    BadColour {
        value: String,
    },
    BadId {
        value: String,
    },
    EndNotAfterStart,
    /// A block that ends on a later day than it starts: blocks are within one day (the
    /// same name on two days is two blocks).
    BlockSpansDays,
    /// A session longer than [`MAX_SESSION_DAYS`] days: a mistake in its end (the year
    /// 9999), reported at its place like any other, as the importers do with durations.
    LongerThanAWeek,
    OutsideDays {
        date: NaiveDate,
    },
    NoDays,
    /// A spreadsheet's problem at its row (0: the whole file) and column (the heading as
    /// written; empty: the whole row); the path is empty.
    Sheet {
        row: usize,
        column: String,
        issue: SheetIssue,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefKind {
    Room,
    Theme,
    Type,
    Level,
    Block,
    Speaker,
}

fn err(path: impl Into<String>, problem: Problem) -> ProgrammeError {
    ProgrammeError {
        path: path.into(),
        problem,
    }
}

pub(crate) mod raw;

/// A JSON syntax error as a problem: nesting past serde_json's limit of 128 levels is
/// named as such, anything else is a syntax error at its place.
pub(crate) fn syntax_problem(e: &serde_json::Error) -> Problem {
    let (line, column) = (e.line(), e.column());
    if e.to_string().starts_with("recursion limit exceeded") {
        Problem::TooDeep { line, column }
    } else {
        Problem::Syntax { line, column }
    }
}

/// Parses and validates a programme file. On failure, returns every problem found.
pub fn parse_programme(input: &str) -> Result<Programme, Vec<ProgrammeError>> {
    if input.len() > MAX_BYTES {
        return Err(vec![err("", Problem::TooLarge { bytes: input.len() })]);
    }
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Check the format marker first, so a file of another format gets a clear message
    // rather than a list of missing fields.
    let marker: Marker = serde_json::from_str(input).map_err(|e| {
        let problem = if e.is_syntax() || e.is_eof() {
            syntax_problem(&e)
        } else {
            Problem::Shape {
                detail: e.to_string(),
            }
        };
        vec![err("", problem)]
    })?;
    if let Some(problem) = format_problem(marker.format) {
        return Err(vec![problem]);
    }
    parse_marked(input)
}

/// A JSON file's `format` marker, read without reading anything else (`import::own` tells
/// the formats apart by it).
#[derive(Deserialize)]
pub(crate) struct Marker {
    pub format: Option<serde_json::Value>,
}

/// What is wrong with a file's `format` marker, if anything: it must be `seminarplan/1`.
pub(crate) fn format_problem(format: Option<serde_json::Value>) -> Option<ProgrammeError> {
    let found = match format {
        Some(serde_json::Value::String(f)) if f == FORMAT => return None,
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => String::new(),
    };
    Some(err("format", Problem::UnknownFormat { found }))
}

/// Parses and validates a file (its byte order mark already dropped) whose marker the
/// caller has read and found right ([`format_problem`]), without reading the whole file a
/// second time for it.
pub(crate) fn parse_marked(input: &str) -> Result<Programme, Vec<ProgrammeError>> {
    let raw = read_shape(input).map_err(|e| vec![e])?;
    validate(raw)
}

/// [`parse_marked`] as the widget reads for visitors ([`validate_leniently`]): the
/// programme and the problems of the sessions left out.
pub(crate) fn parse_marked_leniently(
    input: &str,
) -> Result<(Programme, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    let (raw, mut left_out, removed) = match read_shape(input) {
        Ok(raw) => (raw, Vec::new(), Vec::new()),
        Err(first) => shape_without_bad_sessions(input, first)?,
    };
    let first = left_out.first().cloned();
    let renumber = |mut e: ProgrammeError| {
        if let Some(i) = session_of(&e.path) {
            e.path = at_session(&e.path, original(&removed, i));
        }
        e
    };
    match validate_leniently(raw) {
        // Nothing left to show: refused, as the strict reading refuses it.
        Ok((programme, _)) if programme.sessions.is_empty() && !left_out.is_empty() => {
            Err(left_out.into_iter().take(1).collect())
        }
        Ok((programme, more)) => {
            left_out.extend(more.into_iter().map(renumber));
            Ok((programme, left_out))
        }
        // As the strict reading: the first problem of shape, else every problem.
        Err(errors) => Err(match first {
            Some(first) => vec![first],
            None => errors.into_iter().map(renumber).collect(),
        }),
    }
}

/// How many sessions of the wrong shape a file may have before it is refused whole: each
/// is found by reading the file again.
const MAX_BAD_SHAPES: usize = 50;

/// The shape of a file whose sessions' shape is wrong (`first`, a problem at
/// `sessions[i]`), read again without each such session: the shape, the problems (at the
/// sessions' places in the file) and which sessions were taken out. A problem of shape
/// outside the sessions, or too many, refuses the file with `first`.
fn shape_without_bad_sessions(
    input: &str,
    first: ProgrammeError,
) -> Result<(raw::Programme, Vec<ProgrammeError>, Vec<usize>), Vec<ProgrammeError>> {
    let (mut text, mut problems, mut removed) = (input.to_owned(), Vec::new(), Vec::new());
    let mut problem = first.clone();
    for _ in 0..MAX_BAD_SHAPES {
        let Some(i) = session_of(&problem.path) else {
            break;
        };
        let Some(span) = session_span(&text, i) else {
            break;
        };
        let o = original(&removed, i);
        problem.path = at_session(&problem.path, o);
        problems.push(problem);
        removed.push(o);
        text.replace_range(span, "");
        match read_shape(&text) {
            Ok(raw) => return Ok((raw, problems, removed)),
            Err(next) => problem = next,
        }
    }
    Err(vec![first])
}

/// `path` (`sessions[i]…`) about session `n` instead.
fn at_session(path: &str, n: usize) -> String {
    let rest = path
        .find(']')
        .and_then(|end| path.get(end + 1..))
        .unwrap_or("");
    format!("sessions[{n}]{rest}")
}

/// The index in the file of the session now at `i`, with the sessions at `removed` (indices
/// in the file) taken out.
fn original(removed: &[usize], i: usize) -> usize {
    let mut sorted = removed.to_vec();
    sorted.sort_unstable();
    sorted
        .into_iter()
        .fold(i, |o, r| if r <= o { o + 1 } else { o })
}

/// The bytes to cut to take session `n` out of the top-level `sessions` array of JSON
/// text, with one comma beside it; `None` when there is no such session.
fn session_span(text: &str, n: usize) -> Option<std::ops::Range<usize>> {
    // The array's `[`, each comma between its elements, and its `]`.
    let mut bounds: Vec<usize> = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut last_string = (0, 0);
    for (at, c) in text.bytes().enumerate() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    last_string.1 = at;
                }
                _ => {}
            }
            continue;
        }
        let in_sessions = !bounds.is_empty();
        match c {
            b'"' => {
                in_string = true;
                last_string = (at + 1, at + 1);
            }
            b'[' if depth == 1 && text.get(last_string.0..last_string.1) == Some("sessions") => {
                bounds.push(at);
                depth += 1;
            }
            b'{' | b'[' => depth += 1,
            b']' if depth == 2 && in_sessions => {
                bounds.push(at);
                break;
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 2 && in_sessions => bounds.push(at),
            _ => {}
        }
    }
    let count = bounds.len().checked_sub(1)?;
    if n >= count || text.as_bytes().get(*bounds.last()?) != Some(&b']') {
        return None;
    }
    Some(match (count, n + 1 == count) {
        (1, _) => bounds[0] + 1..bounds[1],
        (_, false) => bounds[n] + 1..bounds[n + 1] + 1,
        (_, true) => bounds[n]..bounds[n + 1],
    })
}

fn read_shape(input: &str) -> Result<raw::Programme, ProgrammeError> {
    let syntax = |e: &serde_json::Error| err("", syntax_problem(e));
    // The shape is read without tracking paths, so parsing does not record a path for
    // every value; on an error the path is found from where serde_json stopped, by
    // `error_path`. (Dropping `serde_path_to_error` for this saved no wasm bytes: the
    // derived visitors are instantiated for serde_json instead; see BENCHMARKS.md.)
    serde_json::from_str(input).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            return syntax(&e);
        }
        err(
            error_path(input, e.line(), e.column()),
            Problem::Shape {
                detail: e.to_string(),
            },
        )
    })
}

/// The path (`sessions[3].title`) of the value serde_json was reading when it reported a
/// shape error at `line`/`column`, the way `serde_path_to_error` names it: the document
/// up to there is valid JSON, so a small scanner walks it keeping a stack of the objects
/// (with the key being read) and arrays (with the element's index) it is inside. A missing
/// field is reported just after its object's closing brace, so the path then names that
/// object, as it should.
fn error_path(input: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    // serde_json's position: `column` bytes of line `line` (1-based) have been consumed.
    let line_start = if line <= 1 {
        0
    } else {
        input
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(input.len(), |(i, _)| i + 1)
    };
    let bytes = input.as_bytes();
    let consumed = &bytes[..(line_start + column).min(bytes.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < consumed.len() {
        match consumed[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expect_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < consumed.len() && consumed[i] != b'"' {
                    i += if consumed[i] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    let raw = input.get(start..=i.min(consumed.len() - 1)).unwrap_or("");
                    let name = serde_json::from_str::<String>(raw)
                        .unwrap_or_else(|_| raw.trim_matches('"').to_owned());
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(name);
                    }
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Builds id → index for one list, reporting duplicates and malformed ids.
fn index_ids<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    errors: &mut Vec<ProgrammeError>,
) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        if !valid_id(id) {
            errors.push(err(
                format!("{list}[{i}].id"),
                Problem::BadId {
                    value: id.to_owned(),
                },
            ));
        }
        if map.insert(id.to_owned(), i).is_some() {
            errors.push(err(
                format!("{list}[{i}].id"),
                Problem::Duplicate { id: id.to_owned() },
            ));
        }
    }
    map
}

/// Ids end up in URLs, storage records and share links: keep them plain.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

fn time(
    value: &str,
    path: String,
    errors: &mut Vec<ProgrammeError>,
) -> Option<DateTime<FixedOffset>> {
    match DateTime::parse_from_rfc3339(value) {
        Ok(t) => Some(t),
        Err(_) => {
            errors.push(err(
                path,
                Problem::BadTime {
                    value: value.to_owned(),
                },
            ));
            None
        }
    }
}

fn resolve(
    map: &HashMap<String, usize>,
    kind: RefKind,
    id: &str,
    path: String,
    errors: &mut Vec<ProgrammeError>,
) -> Option<usize> {
    let found = map.get(id).copied();
    if found.is_none() {
        errors.push(err(
            path,
            Problem::UnknownReference {
                kind,
                id: id.to_owned(),
            },
        ));
    }
    found
}

/// Every id of a list of references (`sessions[3].themes`), resolved; unknown ones are
/// reported at `path[j]` and left out.
fn resolve_all(
    map: &HashMap<String, usize>,
    kind: RefKind,
    ids: &[String],
    path: &str,
    errors: &mut Vec<ProgrammeError>,
) -> Vec<usize> {
    ids.iter()
        .enumerate()
        .filter_map(|(j, id)| resolve(map, kind, id, format!("{path}[{j}]"), errors))
        .collect()
}

fn valid_colour(c: &str) -> bool {
    c.strip_prefix('#')
        .is_some_and(|h| h.len() == 6 && h.chars().all(|h| h.is_ascii_hexdigit()))
}

fn valid_url(u: &str) -> bool {
    let lower = u.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The start of a `seminarplan/1` document that is still arriving, closed after its last
/// whole session: a document of the sessions so far, when the sessions come last (as this
/// format is written: `demo/programme.json`, `--convert`). `None` before the first session
/// has arrived whole. Strings are skipped as JSON says, so braces in texts do not count.
pub(crate) fn sessions_so_far(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    // The last string at the top level, which names the value that follows it.
    let (mut string_start, mut last_top) = (0, "");
    let (mut in_sessions, mut cut) = (false, None);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    if depth == 1 {
                        last_top = text.get(string_start..i).unwrap_or_default();
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => (in_string, string_start) = (true, i + 1),
            b'{' | b'[' => {
                depth += 1;
                if depth == 2 {
                    in_sessions = b == b'[' && last_top == "sessions";
                }
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 2 && b == b'}' && in_sessions {
                    cut = Some(i + 1);
                }
            }
            _ => {}
        }
    }
    cut.and_then(|cut| text.get(..cut))
        .map(|start| format!("{start}]}}"))
}

/// Validates a programme's shape as read (`import::sheet` builds one without text):
/// strictly, as the check page and the command line do, so every problem stops it.
pub(crate) fn validate(raw: raw::Programme) -> Result<Programme, Vec<ProgrammeError>> {
    validate_as(raw, false).map(|(programme, _)| programme)
}

/// The same rules, read as the widget reads for visitors: a session with a problem is
/// left out and its problems returned beside the programme, so one bad session does not
/// hide the others. A problem outside the sessions (the conference, a list every session
/// refers to), or no session left, still refuses the file, with every problem.
pub(crate) fn validate_leniently(
    raw: raw::Programme,
) -> Result<(Programme, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    validate_as(raw, true)
}

/// The session a problem's path is in: `sessions[12].end` → 12.
pub fn session_of(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("sessions[")?;
    rest.get(..rest.find(']')?)?.parse().ok()
}

/// Leaves out of `sessions` every one a problem in `errors` is about, when each problem
/// is about a session and some session is left; returns the problems, or `Err` with them
/// when the file cannot be shown this way.
fn leave_out(
    sessions: &mut Vec<(usize, Session)>,
    errors: Vec<ProgrammeError>,
) -> Result<Vec<ProgrammeError>, Vec<ProgrammeError>> {
    // A sorted list, not a set: a set of another type is kilobytes of wasm.
    let mut bad = Vec::with_capacity(errors.len());
    for e in &errors {
        let Some(i) = session_of(&e.path) else {
            return Err(errors);
        };
        bad.push(i);
    }
    bad.sort_unstable();
    sessions.retain(|(i, _)| bad.binary_search(i).is_err());
    if sessions.is_empty() {
        return Err(errors);
    }
    Ok(errors)
}

fn validate_as(
    raw: raw::Programme,
    lenient: bool,
) -> Result<(Programme, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    let mut errors = Vec::new();
    if !valid_id(&raw.id) {
        errors.push(err(
            "id",
            Problem::BadId {
                value: raw.id.clone(),
            },
        ));
    }
    let days = conference_days(&raw.conference.days, &mut errors);
    let ix = Indexes::of(&raw, &mut errors);
    let raw::Programme {
        id,
        revision,
        conference,
        rooms,
        themes,
        types,
        levels,
        blocks,
        speakers,
        sessions,
    } = raw;
    let themes = validate_themes(themes, &mut errors);
    let day_index = Days::new(&days);
    let blocks = validate_blocks(blocks, &day_index, &mut errors);
    let language = clean(conference.language.trim());
    let mut sessions = validate_sessions(sessions, &ix, &day_index, &language, &mut errors);
    let left_out = if errors.is_empty() {
        errors
    } else if lenient {
        leave_out(&mut sessions, errors)?
    } else {
        return Err(errors);
    };
    let (sessions, session_index) = ordered(sessions.into_iter().map(|(_, s)| s).collect());
    let programme = Programme {
        id,
        revision,
        conference: Conference {
            title: conference.title.cleaned(),
            subtitle: conference.subtitle.map(Text::cleaned),
            venue: conference.venue.map(Text::cleaned),
            city: conference.city.map(|c| clean(&c)),
            time_zone: clean(&conference.time_zone),
            language,
            days,
            url: conference.url.filter(|u| valid_url(u)),
        },
        rooms: rooms.into_iter().map(room).collect(),
        themes,
        types: types.into_iter().map(session_type).collect(),
        levels: levels.into_iter().map(level).collect(),
        blocks,
        speakers: speakers.into_iter().map(speaker).collect(),
        sessions,
        session_index,
    };
    Ok((programme, left_out))
}

/// `conference.days`: each a date, and at least one.
fn conference_days(raw: &[String], errors: &mut Vec<ProgrammeError>) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for (i, d) in raw.iter().enumerate() {
        match crate::model::parse_date(d) {
            Some(date) => days.push(date),
            None => errors.push(err(
                format!("conference.days[{i}]"),
                Problem::BadDate { value: d.clone() },
            )),
        }
    }
    if raw.is_empty() {
        errors.push(err("conference.days", Problem::NoDays));
    }
    days
}

/// The longest a session may last, in days.
pub const MAX_SESSION_DAYS: i64 = 7;

fn max_session() -> chrono::Duration {
    chrono::Duration::days(MAX_SESSION_DAYS)
}

/// The conference days by date, looked up once per session and block (a list search per
/// session was quadratic in a file with many days).
struct Days {
    index: HashMap<NaiveDate, usize>,
    any: bool,
}

impl Days {
    fn new(days: &[NaiveDate]) -> Days {
        let mut index = HashMap::with_capacity(days.len());
        for (i, &d) in days.iter().enumerate() {
            // The first of equal dates, as a search from the start would find.
            index.entry(d).or_insert(i);
        }
        Days {
            index,
            any: !days.is_empty(),
        }
    }

    /// The index of the conference day `date` is, if any.
    fn of(&self, date: NaiveDate) -> Option<usize> {
        self.index.get(&date).copied()
    }

    fn is_empty(&self) -> bool {
        !self.any
    }
}

/// Id → index for every list sessions refer to.
struct Indexes {
    rooms: HashMap<String, usize>,
    themes: HashMap<String, usize>,
    types: HashMap<String, usize>,
    levels: HashMap<String, usize>,
    blocks: HashMap<String, usize>,
    speakers: HashMap<String, usize>,
}

impl Indexes {
    /// Every list's ids, reporting malformed and duplicate ones (sessions' too: nothing
    /// in the file refers to sessions, but their ids must still be unique).
    fn of(raw: &raw::Programme, errors: &mut Vec<ProgrammeError>) -> Indexes {
        let ix = Indexes {
            rooms: index_ids("rooms", raw.rooms.iter().map(|r| r.id.as_str()), errors),
            themes: index_ids("themes", raw.themes.iter().map(|t| t.id.as_str()), errors),
            types: index_ids("types", raw.types.iter().map(|t| t.id.as_str()), errors),
            levels: index_ids("levels", raw.levels.iter().map(|l| l.id.as_str()), errors),
            blocks: index_ids("blocks", raw.blocks.iter().map(|b| b.id.as_str()), errors),
            speakers: index_ids(
                "speakers",
                raw.speakers.iter().map(|s| s.id.as_str()),
                errors,
            ),
        };
        index_ids(
            "sessions",
            raw.sessions.iter().map(|s| s.id.as_str()),
            errors,
        );
        ix
    }
}

/// `themes`: each colour `#rrggbb`, kept in lower case.
fn validate_themes(raw: Vec<raw::Theme>, errors: &mut Vec<ProgrammeError>) -> Vec<Theme> {
    raw.into_iter()
        .enumerate()
        .map(|(i, t)| {
            if !valid_colour(&t.colour) {
                errors.push(err(
                    format!("themes[{i}].colour"),
                    Problem::BadColour {
                        value: t.colour.clone(),
                    },
                ));
            }
            Theme {
                id: t.id,
                name: t.name.cleaned(),
                colour: t.colour.to_ascii_lowercase(),
            }
        })
        .collect()
}

/// Whether `end` is on a later day than `start` (midnight itself ends the day before).
fn spans_days(start: DateTime<FixedOffset>, end: DateTime<FixedOffset>) -> bool {
    let last = end - chrono::Duration::seconds(1);
    last.date_naive() > start.date_naive()
}

/// `blocks`: times that parse, end after start on the same day, on a conference day.
fn validate_blocks(
    raw: Vec<raw::Block>,
    days: &Days,
    errors: &mut Vec<ProgrammeError>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, b) in raw.into_iter().enumerate() {
        let start = time(&b.start, format!("blocks[{i}].start"), errors);
        let end = time(&b.end, format!("blocks[{i}].end"), errors);
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                errors.push(err(format!("blocks[{i}].end"), Problem::EndNotAfterStart));
            } else if spans_days(start, end) {
                errors.push(err(format!("blocks[{i}].end"), Problem::BlockSpansDays));
            }
            if !days.is_empty() && days.of(start.date_naive()).is_none() {
                errors.push(err(
                    format!("blocks[{i}].start"),
                    Problem::OutsideDays {
                        date: start.date_naive(),
                    },
                ));
            }
            blocks.push(Block {
                id: b.id,
                name: b.name.cleaned(),
                start,
                end,
            });
        }
    }
    blocks
}

/// `sessions`: every reference resolved, times that parse, end after start, on a
/// conference day; a session without a language speaks the conference's.
fn validate_sessions(
    raw: Vec<raw::Session>,
    ix: &Indexes,
    days: &Days,
    conference_lang: &str,
    errors: &mut Vec<ProgrammeError>,
) -> Vec<(usize, Session)> {
    raw.into_iter()
        .enumerate()
        .filter_map(|(i, s)| {
            validate_session(i, s, ix, days, conference_lang, errors).map(|s| (i, s))
        })
        .collect()
}

/// One session (`sessions[i]`); `None` when it cannot be placed (errors reported).
fn validate_session(
    i: usize,
    s: raw::Session,
    ix: &Indexes,
    days: &Days,
    conference_lang: &str,
    errors: &mut Vec<ProgrammeError>,
) -> Option<Session> {
    let at = |field: &str| format!("sessions[{i}].{field}");
    let kind_ix = resolve(&ix.types, RefKind::Type, &s.kind, at("type"), errors);
    let themes = resolve_all(&ix.themes, RefKind::Theme, &s.themes, &at("themes"), errors);
    let room = s
        .room
        .as_deref()
        .and_then(|r| resolve(&ix.rooms, RefKind::Room, r, at("room"), errors));
    let block = s
        .block
        .as_deref()
        .and_then(|b| resolve(&ix.blocks, RefKind::Block, b, at("block"), errors));
    let level = s
        .level
        .as_deref()
        .and_then(|l| resolve(&ix.levels, RefKind::Level, l, at("level"), errors));
    let speakers = resolve_all(
        &ix.speakers,
        RefKind::Speaker,
        &s.speakers,
        &at("speakers"),
        errors,
    );
    let start = time(&s.start, at("start"), errors);
    let end = time(&s.end, at("end"), errors);
    let (Some(start), Some(end)) = (start, end) else {
        return None;
    };
    if end <= start {
        errors.push(err(at("end"), Problem::EndNotAfterStart));
    } else if end - start > max_session() {
        errors.push(err(at("end"), Problem::LongerThanAWeek));
    }
    let day = days.of(start.date_naive());
    if day.is_none() && !days.is_empty() {
        errors.push(err(
            at("start"),
            Problem::OutsideDays {
                date: start.date_naive(),
            },
        ));
    }
    let (Some(kind_ix), Some(day)) = (kind_ix, day) else {
        return None;
    };
    let language = s
        .language
        .map(|l| clean(l.trim()))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| conference_lang.to_owned());
    Some(Session {
        id: s.id,
        title: clean(&s.title),
        subtitle: s
            .subtitle
            .map(|t| clean(&t))
            .filter(|t| !t.trim().is_empty()),
        kind_ix,
        themes,
        room,
        start,
        end,
        block,
        language,
        level,
        tags: s.tags.iter().map(|t| clean(t)).collect(),
        abstract_text: s
            .abstract_text
            .map(|t| clean(&t))
            .filter(|t| !t.trim().is_empty()),
        speakers,
        url: s.url.filter(|u| valid_url(u)),
        day,
        full: s.status == crate::model::Status::Full,
    })
}

/// Sessions in programme order (start, room, id), and id → index.
fn ordered(mut sessions: Vec<Session>) -> (Vec<Session>, HashMap<String, usize>) {
    sessions.sort_by(|a, b| {
        (a.start, a.room.unwrap_or(usize::MAX), &a.id).cmp(&(
            b.start,
            b.room.unwrap_or(usize::MAX),
            &b.id,
        ))
    });
    let index = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    (sessions, index)
}

fn room(r: raw::Room) -> Room {
    Room {
        id: r.id,
        name: r.name.cleaned(),
        capacity: r.capacity,
        floor: r.floor.map(Text::cleaned),
    }
}

fn session_type(t: raw::SessionType) -> SessionType {
    SessionType {
        id: t.id,
        name: t.name.cleaned(),
        kind: t.kind,
    }
}

fn level(l: raw::Level) -> Level {
    Level {
        id: l.id,
        name: l.name.cleaned(),
    }
}

fn speaker(s: raw::Speaker) -> Speaker {
    Speaker {
        id: s.id,
        name: clean(&s.name),
        organisation: s
            .organisation
            .map(|o| clean(&o))
            .filter(|o| !o.trim().is_empty()),
        bio: s.bio.map(|b| clean(&b)).filter(|b| !b.trim().is_empty()),
    }
}
