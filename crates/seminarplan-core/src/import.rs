//! Imports programmes published by other tools: frab/c3voc `schedule.json` (v1 and the v2
//! flat layout, and pretalx's export in frab layout), frab/Pentabarf/wafer `schedule.xml`,
//! the pretalx widget JSON, and spreadsheets saved as CSV or tab-separated text (`sheet`);
//! our own `seminarplan/1` passes straight through.
//!
//! Each importer reads its format into a `build::Draft`; `build::finish` repairs what real
//! exports get wrong (time zones, durations, days, ids, languages, escaped HTML), derives
//! seminar blocks, writes a `seminarplan/1` document and hands it to
//! `parse::parse_programme`, so validation stays in one place. Every repair is reported as
//! a `Warning` with its place in the source. Never panics; input is bounded by
//! `parse::MAX_BYTES`. See docs/IMPORT.md.

mod build;
mod frab_json;
mod frab_xml;
pub mod handoff;
mod pretalx;
pub mod sheet;
mod text;
mod time;
pub mod workbook;
mod xml;

use chrono::NaiveDate;
use serde_json::Value;

use crate::contrast;
use crate::model::Programme;
use crate::parse::{self, Problem, ProgrammeError};

/// The format a file was recognised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Our own `seminarplan/1`.
    Seminarplan,
    /// frab/c3voc `schedule.json`: v1 (days → rooms → events, also pretalx's export) or
    /// the v2 flat event list.
    FrabJson,
    /// frab/Pentabarf `schedule.xml` (also wafer's and FOSDEM's).
    FrabXml,
    /// pretalx's schedule widget JSON (`talks`, `rooms`, `speakers`).
    PretalxWidget,
    /// A spreadsheet saved as CSV or tab-separated text, one row per session.
    Sheet,
    /// A workbook as it is saved (.xlsx, .ods), read as its CSV export would be.
    Workbook,
}

impl Format {
    /// A name for people.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Seminarplan => "Seminarplan (seminarplan/1)",
            Format::FrabJson => "frab/c3voc schedule.json",
            Format::FrabXml => "frab/Pentabarf schedule.xml",
            Format::PretalxWidget => "pretalx widget JSON",
            Format::Sheet => "spreadsheet (CSV/TSV)",
            Format::Workbook => "workbook (.xlsx/.ods)",
        }
    }
}

/// A programme read from another format, with what was repaired on the way.
#[derive(Clone, Debug)]
pub struct Imported {
    pub programme: Programme,
    pub format: Format,
    pub warnings: Vec<Warning>,
    /// The programme as a `seminarplan/1` document (what `--convert` writes).
    pub document: Value,
}

/// Something the importer repaired or assumed, and where in the source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The place in the source: `schedule.conference.days[0].rooms.Curie[3]` for JSON,
    /// `schedule/day[1]/room[Janson]/event[8967]` for XML; empty for the whole file.
    pub path: String,
    pub message: WarningKind,
}

impl Warning {
    /// `path: message`, in plain English.
    pub fn describe(&self) -> String {
        if self.path.is_empty() {
            self.message.describe()
        } else {
            format!("{}: {}", self.path, self.message.describe())
        }
    }
}

/// What was repaired. An enum, so the widget can say it in the visitor's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// The file names no time zone; `used` was assumed.
    TimeZoneMissing { used: String },
    /// The file names no time zone; one was chosen from the conference's city.
    TimeZoneGuessed { city: String, zone: String },
    /// A zone the importer has no rules for; times without an offset were read as `used`.
    TimeZoneUnknown { name: String, used: String },
    /// The named zone contradicts the offsets the times carry (`UTC` beside `+01:00`): the
    /// offsets were trusted, and the programme's zone is `used`.
    TimeZoneDisagrees {
        name: String,
        offset: String,
        used: String,
    },
    /// Times were written with another offset than the local one (wafer writes `<date>` in
    /// UTC beside a local `<start>`): shown in local time.
    DatesNotLocal { offset: String, local: String },
    /// A day's date is not its local date (wafer writes it in UTC).
    DayDateNotLocal { given: NaiveDate, local: NaiveDate },
    /// The session belongs to conference day `day` in the file but starts after midnight:
    /// it is listed under the calendar date it starts on.
    AfterMidnight { day: NaiveDate, date: NaiveDate },
    /// Sessions start on a date the file's day list lacks: the date was added.
    DayAdded { date: NaiveDate },
    /// The duration or end was missing, unreadable or not after the start: `minutes` used.
    BadDuration { value: String, minutes: i64 },
    /// The event has no usable start time and was left out.
    NoStart { value: String },
    /// The event has no title; "(untitled)" is shown.
    NoTitle,
    /// A language field that is not one language code (`de, en`, `German`): `to` used.
    LanguageRepaired { from: String, to: String },
    /// A language field with nothing recognisable: the conference language `to` used.
    LanguageUnknown { from: String, to: String },
    /// `count` sessions give no language: they show in the conference language `used`.
    LanguageMissing { count: usize, used: String },
    /// The file names no language of its own: `used` was chosen.
    ConferenceLanguage { used: String },
    /// An id used twice; the later one was renamed.
    DuplicateId { id: String, renamed: String },
    /// An id with characters our ids do not allow, rewritten.
    IdRewritten { from: String, to: String },
    /// Sessions without an id of their own: theirs are made from title, start and room,
    /// so a change to one of those takes visitors' stars off that session.
    IdsFromContent { count: usize },
    /// The file gives no short name (acronym, slug): the programme's id was made from its
    /// first day, and may be shared with another programme of that day.
    IdFromDays { id: String },
    /// A link that is not http(s), dropped.
    UrlDropped { value: String },
    /// A theme colour too faint against the widget's cards to be seen (WCAG 1.4.11 asks
    /// 3:1 for the colour stripe): `ratio` in hundredths, cut, against `background` (say
    /// "dark mode card background #23262d"). Shown anyway; the organiser should pick
    /// another colour.
    ThemeContrast {
        theme: String,
        colour: String,
        ratio: u32,
        background: String,
    },
    /// Something about a spreadsheet row (`row` 0: the whole file) and column (empty: the
    /// whole row), said in the reader's language by `lang::Lang::sheet_note`.
    Sheet {
        row: usize,
        column: String,
        note: sheet::SheetNote,
    },
}

impl WarningKind {
    /// The warning in plain English (for the command line).
    pub fn describe(&self) -> String {
        match self {
            WarningKind::TimeZoneMissing { used } => {
                format!("the file names no time zone; assumed {used}")
            }
            WarningKind::TimeZoneGuessed { city, zone } => {
                format!("the file names no time zone; used {zone}, the zone of {city}")
            }
            WarningKind::TimeZoneUnknown { name, used } => format!(
                "no rules for time zone {name}; times without an offset were read as {used}"
            ),
            WarningKind::TimeZoneDisagrees { name, offset, used } => format!(
                "the file's time zone {name} contradicts the times' offset {offset}; \
                 trusted the offsets (time zone {used})"
            ),
            WarningKind::DatesNotLocal { offset, local } => format!(
                "times are written with offset {offset}, not in local time; shown in local \
                 time ({local})"
            ),
            WarningKind::DayDateNotLocal { given, local } => {
                format!("the day's date {given} is not its local date; used {local}")
            }
            WarningKind::AfterMidnight { day, date } => format!(
                "belongs to conference day {day} but starts after midnight; listed under {date}"
            ),
            WarningKind::DayAdded { date } => {
                format!("sessions start on {date}, which is not a conference day; added it")
            }
            WarningKind::BadDuration { value, minutes } => {
                if value.is_empty() {
                    format!("no duration or end; assumed {minutes} minutes")
                } else {
                    format!("duration or end \"{value}\" is not usable; assumed {minutes} minutes")
                }
            }
            WarningKind::NoStart { value } => {
                format!("no usable start time (\"{value}\"); the event was left out")
            }
            WarningKind::NoTitle => "the event has no title; shown as \"(untitled)\"".into(),
            WarningKind::LanguageRepaired { from, to } => {
                format!("language \"{from}\" is not one language code; used {to}")
            }
            WarningKind::LanguageUnknown { from, to } => {
                format!("language \"{from}\" is not a language code; used {to}")
            }
            WarningKind::LanguageMissing { count, used } => {
                format!("{count} sessions give no language; they show as {used}")
            }
            WarningKind::ConferenceLanguage { used } => {
                format!("the file names no language of its own; used {used}")
            }
            WarningKind::DuplicateId { id, renamed } => {
                format!("id \"{id}\" is used more than once; this one is now \"{renamed}\"")
            }
            WarningKind::IdRewritten { from, to } => {
                format!("id \"{from}\" has characters ids cannot have; now \"{to}\"")
            }
            WarningKind::IdsFromContent { count } => format!(
                "{count} sessions have no id; theirs are made from title, start and room, \
                 so changing one of those takes visitors' stars off that session: give each \
                 session an id that never changes"
            ),
            WarningKind::IdFromDays { id } => format!(
                "the file gives no short name (acronym or slug); the programme's id is \"{id}\", \
                 made from its first day: give it a short name of its own so that its saved \
                 plans and share links cannot mix with another programme's"
            ),
            WarningKind::UrlDropped { value } => {
                format!("link \"{value}\" is not http(s); dropped")
            }
            WarningKind::ThemeContrast {
                theme,
                colour,
                ratio,
                background,
            } => format!(
                "theme \"{theme}\" colour {colour} has contrast {}.{:02}:1 against the \
                 {background}; its colour stripe needs at least 3:1 (WCAG 1.4.11), choose \
                 a colour of medium lightness",
                ratio / 100,
                ratio % 100
            ),
            WarningKind::Sheet { row, column, note } => {
                let en = crate::lang::Lang::En;
                format!("{}{}", en.sheet_place(*row, column), en.sheet_note(note))
            }
        }
    }
}

fn error(path: &str, problem: Problem) -> Vec<ProgrammeError> {
    vec![ProgrammeError {
        path: path.to_owned(),
        problem,
    }]
}

/// Reads a programme file's bytes in any supported format: a workbook (.xlsx, .ods) as it
/// is (`workbook`), else the text decoded first (UTF-8, UTF-16 with a BOM, else
/// Windows-1252, as spreadsheet programs save), see `sheet::decode`.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, Vec<ProgrammeError>> {
    if bytes.len() > parse::MAX_BYTES {
        return Err(error("", Problem::TooLarge { bytes: bytes.len() }));
    }
    if workbook::signature(bytes) {
        return import_workbook(bytes);
    }
    import(&sheet::decode(bytes))
}

/// Reads a workbook (.xlsx, .ods) only, as [`import_bytes`] would: what the workbook reader
/// module does (`handoff::write_workbook`), without the other readers.
pub(crate) fn import_workbook(bytes: &[u8]) -> Result<Imported, Vec<ProgrammeError>> {
    if bytes.len() > parse::MAX_BYTES {
        return Err(error("", Problem::TooLarge { bytes: bytes.len() }));
    }
    with_contrast(workbook::read(bytes)?)
}

/// Reads a workbook (.xlsx, .ods) as the widget reads a CSV for visitors
/// (`workbook::read_leniently`): the rows and sessions with a problem left out, their
/// problems beside the programme. What the workbook reader module hands the widget.
pub(crate) fn import_workbook_leniently(
    bytes: &[u8],
) -> Result<(Imported, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    if bytes.len() > parse::MAX_BYTES {
        return Err(error("", Problem::TooLarge { bytes: bytes.len() }));
    }
    let (imported, left_out) = workbook::read_leniently(bytes)?;
    Ok((with_contrast(imported)?, left_out))
}

/// Reads a programme in any supported format, recognised from its content; theme colours
/// that are hard to see are reported with the repairs.
pub fn import(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    with_contrast(import_format(text)?)
}

fn with_contrast(mut imported: Imported) -> Result<Imported, Vec<ProgrammeError>> {
    imported
        .warnings
        .extend(contrast_warnings(&imported.programme));
    Ok(imported)
}

/// Reads a file in another tool's format only (frab, Pentabarf, pretalx), as [`import`]
/// would: what the importer module does with what `read_here` leaves to it.
pub(crate) fn import_other_tool(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    if text.len() > parse::MAX_BYTES {
        return Err(error("", Problem::TooLarge { bytes: text.len() }));
    }
    with_contrast(other_tool(text)?)
}

/// One warning per theme colour and colour scheme that falls short of 3:1.
pub fn contrast_warnings(programme: &Programme) -> Vec<Warning> {
    let plang = programme.lang();
    contrast::theme_problems(programme)
        .into_iter()
        .filter_map(|c| {
            let theme = programme.themes.get(c.theme)?;
            Some(Warning {
                path: format!("themes[{}].colour", c.theme),
                message: WarningKind::ThemeContrast {
                    theme: theme.name.get(plang, plang).to_owned(),
                    colour: c.colour.hex(),
                    // Cut, never rounded up: 2.999 must not read as 3.00.
                    ratio: (c.ratio * 100.0).floor() as u32,
                    background: format!(
                        "{} {} {}",
                        c.background.scheme.describe(),
                        c.background.name,
                        c.background.colour.hex()
                    ),
                },
            })
        })
        .collect()
}

fn import_format(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    if text.len() > parse::MAX_BYTES {
        return Err(error("", Problem::TooLarge { bytes: text.len() }));
    }
    match own(text) {
        Some(programme) => Ok(Imported {
            programme: programme?,
            format: Format::Seminarplan,
            warnings: Vec::new(),
            document: serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
                .unwrap_or(Value::Null),
        }),
        None => foreign(text),
    }
}

/// What was read and how, for the organiser's console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The format's name for people (`Format::describe`).
    pub format: String,
    /// How many repairs and warnings (`seminarplan-check` lists them).
    pub warnings: usize,
    /// The problems of the sessions left out, so that one bad session does not hide the
    /// programme from visitors (`parse::validate_leniently`); the check page and
    /// `seminarplan-check` refuse the file for each of them.
    pub left_out: Vec<ProgrammeError>,
}

/// Reads the formats the widget's first module reads itself: our own and spreadsheets.
/// `None` for any other (frab, Pentabarf, pretalx, or no format at all): the widget hands
/// those to the importer, a module loaded when first needed (`handoff`), so their readers
/// are not in the code every visitor downloads.
///
/// Read as for visitors: a session with a problem is left out (`Summary::left_out`) and
/// the rest shown; only a file with nothing to show is refused, with every problem.
pub fn read_here(text: &str) -> Option<Result<(Programme, Summary), Vec<ProgrammeError>>> {
    let summary = |(programme, left_out), format: Format, warnings: usize| {
        let warnings = warnings + contrast_warnings(&programme).len();
        let format = format.describe().to_owned();
        let summary = Summary {
            format,
            warnings,
            left_out,
        };
        (programme, summary)
    };
    if let Some(own) = own_as(text, true) {
        return Some(own.map(|read| summary(read, Format::Seminarplan, 0)));
    }
    let body = sheet_body(text)?;
    Some(
        sheet::programme_leniently(body)
            .map(|(read, warnings)| summary(read, Format::Sheet, warnings)),
    )
}

/// The text without its byte order mark, when it is not JSON or XML: a sheet, or text
/// that the sheet reader explains (no row of headings) in words an organiser reads,
/// rather than a JSON parser's.
fn sheet_body(text: &str) -> Option<&str> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = body.trim_start();
    (!start.starts_with(['{', '[', '<']) && !json_scalar(start)).then_some(body)
}

/// Whether the text is nothing, or one JSON value that is no object or array (`42`,
/// `"text"`, `true`): left to the JSON reader, which says what it is. Told by hand: a
/// JSON parse here would cost the widget's wasm.
fn json_scalar(text: &str) -> bool {
    let t = text.trim();
    let quoted = t.len() > 1 && t.starts_with('"') && t.ends_with('"') && {
        let inner = t.get(1..t.len() - 1).unwrap_or_default();
        let mut escaped = false;
        inner.chars().all(|c| {
            let ok = escaped || c != '"';
            escaped = !escaped && c == '\\';
            ok
        })
    };
    t.is_empty()
        || quoted
        || matches!(t, "true" | "false" | "null")
        || t.bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
}

/// How much of a large sheet is read for its first sessions (`preview`), about 200 rows:
/// enough for the first screen, read in a blink.
pub const PREVIEW_BYTES: usize = 256 * 1024;

/// The programme of a large file's first bytes, while the rest is still arriving: the
/// sessions that have arrived whole, for the widget to show at once. Our own format (when
/// its sessions come last, as it is written) and spreadsheets (their first
/// [`PREVIEW_BYTES`]); `None` for other formats, or
/// when what has arrived has a problem (the whole file will say). Every session in it is
/// in the whole file too, the same (`sheet::preview` says what only later rows can add).
pub fn preview(head: &[u8]) -> Option<Programme> {
    // UTF-16 is left to the whole file.
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return None;
    }
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if body.trim_ascii_start().starts_with(b"{") {
        // Up to the last whole character: the file is cut anywhere.
        let text = match std::str::from_utf8(body) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(&body[..e.valid_up_to()]).ok()?,
        };
        return own(&parse::sessions_so_far(text)?)?.ok();
    }
    // A line end is one byte in UTF-8 and Windows-1252, never part of a longer character.
    let head = &head[..head.len().min(PREVIEW_BYTES)];
    let end = head.iter().rposition(|&b| b == b'\n')? + 1;
    let text = sheet::decode(&head[..end]);
    sheet::preview(sheet_body(&text)?).filter(|p| !p.sessions.is_empty())
}

/// Whether a file whose first bytes are `head` will surely need the importer: XML, or JSON
/// that names frab's `schedule` or pretalx's `talks` before any `format`. (A workbook goes
/// to the workbook reader, loaded once the whole file is here.) Only a hint, to
/// load the importer while the rest of the file arrives: a wrong guess costs a download
/// or a wait, never a wrong reading (`read_here` decides on the whole text).
pub fn needs_importer(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let body = head
        .trim_start_matches(['\u{feff}', '\u{fffd}'])
        .trim_start();
    if body.starts_with('<') {
        return true;
    }
    if !body.starts_with('{') {
        return false;
    }
    let at = |key: &str| body.find(&format!("\"{key}\"")).unwrap_or(usize::MAX);
    at("schedule").min(at("talks")) < at("format")
}

/// Reads a file in our own format, `seminarplan/1`; `None` when the file is in another
/// format (or not a JSON object), for [`foreign`]. Syntax errors in what starts as a JSON
/// object are reported here, worded as the validator words them.
pub fn own(text: &str) -> Option<Result<Programme, Vec<ProgrammeError>>> {
    own_as(text, false).map(|read| read.map(|(programme, _)| programme))
}

/// A programme with the problems of the sessions left out.
pub(crate) type Shown = (Programme, Vec<ProgrammeError>);

/// A programme with the problems of the sessions left out, or why it cannot be shown.
type Read = Result<Shown, Vec<ProgrammeError>>;

/// [`own`], strictly or (`lenient`) leaving out the sessions with a problem.
fn own_as(text: &str, lenient: bool) -> Option<Read> {
    if text.len() > parse::MAX_BYTES {
        return Some(Err(error("", Problem::TooLarge { bytes: text.len() })));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !body.trim_start().starts_with('{') {
        return None;
    }
    match serde_json::from_str::<parse::Marker>(body) {
        // serde skips unknown fields without its depth limit; refuse deep nesting anywhere,
        // as reading the whole document does (the check page, the command line).
        Ok(parse::Marker { format: Some(_) }) if nests_too_deep(body) => {
            Some(Err(match serde_json::from_str::<Value>(body) {
                Err(e) => json_failure(text, &e),
                Ok(_) => error("", Problem::TooDeep { line: 1, column: 1 }),
            }))
        }
        Ok(parse::Marker {
            format: Some(format),
        }) => Some(match parse::format_problem(Some(format)) {
            Some(problem) => Err(vec![problem]),
            None if lenient => parse::parse_marked_leniently(body),
            None => parse::parse_marked(body).map(|p| (p, Vec::new())),
        }),
        Ok(parse::Marker { format: None }) => None,
        Err(e) => Some(Err(json_failure(text, &e))),
    }
}

/// Whether JSON text nests arrays and objects deeper than serde_json's limit of 128 levels
/// (outside strings), which a reader that skips unknown fields would not notice.
fn nests_too_deep(json: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in json.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > 128 {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The problems of a file that is not valid JSON: too deep, or the validator's own
/// wording with line and column.
fn json_failure(text: &str, e: &serde_json::Error) -> Vec<ProgrammeError> {
    if matches!(parse::syntax_problem(e), Problem::TooDeep { .. }) {
        return error("", parse::syntax_problem(e));
    }
    parse::parse_programme(text)
        .err()
        .unwrap_or_else(|| error("", Problem::Syntax { line: 1, column: 1 }))
}

/// Reads a file in another format, recognised from its content: a spreadsheet, or another
/// tool's format.
fn foreign(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    match sheet_body(text) {
        Some(body) => sheet::read(body),
        None => other_tool(text),
    }
}

/// Reads a file in another tool's format: frab/Pentabarf XML, frab JSON or the pretalx
/// widget JSON (all the importer module reads: `handoff::write`, which adds the contrast
/// warnings as [`import`] does).
fn other_tool(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim_start().starts_with('<') {
        let draft = frab_xml::read(body)?;
        return build::finish(draft, Format::FrabXml);
    }
    let value: Value = serde_json::from_str(body).map_err(|e| json_failure(text, &e))?;
    let Some(top) = value.as_object() else {
        return Err(error(
            "",
            Problem::UnknownFormat {
                found: json_kind(&value).into(),
            },
        ));
    };
    if top.contains_key("format") {
        let programme = parse::parse_programme(text)?;
        return Ok(Imported {
            programme,
            format: Format::Seminarplan,
            warnings: Vec::new(),
            document: value,
        });
    }
    if top.get("schedule").is_some_and(Value::is_object) {
        let draft = frab_json::read(&value)?;
        return build::finish(draft, Format::FrabJson);
    }
    if top.get("talks").is_some_and(Value::is_array) {
        let draft = pretalx::read(&value)?;
        return build::finish(draft, Format::PretalxWidget);
    }
    Err(error(
        "format",
        Problem::UnknownFormat {
            found: "JSON without \"format\", \"schedule\" or \"talks\"".into(),
        },
    ))
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "JSON null",
        Value::Bool(_) => "a JSON boolean",
        Value::Number(_) => "a JSON number",
        Value::String(_) => "a JSON string",
        Value::Array(_) => "a JSON array",
        Value::Object(_) => "a JSON object",
    }
}
