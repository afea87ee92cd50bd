//! Programmes kept in a spreadsheet: CSV or tab-separated text as Excel (Swedish: `;`,
//! Windows-1252 or UTF-8 with a BOM, CRLF), Google Sheets (`,`, UTF-8), LibreOffice and
//! Numbers write it. One row per session, columns named in Swedish or English in any order
//! (docs/SPREADSHEET.md). Comment rows (`# Konferens: Inköpsforum 2027`) may name the
//! conference. The rows become a programme's shape (`parse::raw`) that `parse` validates like
//! every other import; every problem is reported at its row and column as
//! the organiser sees them (`rad 14, kolumn Slut`).

mod build;
mod checks;
mod columns;
mod rows;
mod values;
mod words;

use super::{Format, Imported};
use crate::model::Programme;
use crate::parse::{self, Problem, ProgrammeError};

pub use crate::parse::SheetIssue;
pub use rows::Row;

/// What the organiser should know about a sheet that can still be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetNote {
    /// A column heading this reader does not know: the column is left out.
    UnknownColumn,
    /// No Id column: ids are made from the titles, so a visitor's star on a session whose
    /// title changes can only follow it by its time and room.
    NoIdColumn,
    /// An empty Id cell: `id` was made from the row.
    IdMade { id: String },
    /// An id with characters ids cannot have: `to` used.
    IdRewritten { from: String, to: String },
    /// The room is booked for row `other_row` at the same time.
    RoomTwice { room: String, other_row: usize },
    /// The speaker is in row `other_row` at the same time, in another room.
    SpeakerTwice { speaker: String, other_row: usize },
    /// No end and no length: `minutes` assumed.
    NoEnd { minutes: i64 },
    /// Not an http(s) link: left out.
    LinkDropped { value: String },
    /// Not a language: the conference language used.
    LanguageUnknown { value: String },
    /// A `# key: value` comment row naming something this reader does not know.
    UnknownSetting { key: String },
    /// A time zone this reader has no rules for: `used` assumed.
    TimeZoneUnknown { name: String, used: String },
    /// More unknown columns than are named one by one.
    MoreUnknownColumns { count: usize },
    /// No `# Id:` row: the programme's id `id` was made from its first day.
    IdFromDays { id: String },
    /// Rows with an empty date: the date of the row above used.
    DatesFilled { rows: Vec<usize> },
    /// Rows with an empty block: the block of the row above (same day, same start) used.
    BlocksFilled { rows: Vec<usize> },
    /// Rows that are not sessions (a title row, notes, totals, a day's heading): not used.
    RowsNotUsed { rows: Vec<usize> },
    /// The end is at or before the start: the session ends at `end` the next day.
    EndsNextDay { end: String },
    /// The Status cell says the session is cancelled: it is left out.
    Cancelled { value: String },
    /// A Status this reader does not know: the session is shown as open.
    StatusUnknown { value: String },
    /// A workbook's sheets that are not the programme, by name: not read.
    SheetsIgnored { names: Vec<String> },
}

/// A sheet problem at its place: row 0 is the whole file, an empty column the whole row.
pub(crate) fn problem(row: usize, column: &str, issue: SheetIssue) -> ProgrammeError {
    ProgrammeError {
        path: String::new(),
        problem: Problem::Sheet {
            row,
            column: column.to_owned(),
            issue,
        },
    }
}

/// Text from a file's bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM (Excel's
/// "Unicode text"), Mac Roman when lines end in a carriage return alone (Mac Excel's
/// "CSV (Macintosh)"), else Windows-1252 (Excel's "CSV (semikolonavgränsad)" on Windows).
pub fn decode(bytes: &[u8]) -> String {
    decode_owned(bytes.to_vec())
}

/// [`decode`] for bytes the caller gives up: UTF-8 (the common case) becomes the text
/// without being copied, which matters for a file of many megabytes.
pub fn decode_owned(mut bytes: Vec<u8>) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes);
    }
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    if bom {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if bom => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) if mac_lines(e.as_bytes()) => single_byte(e.as_bytes(), mac_roman),
        Err(e) => single_byte(e.as_bytes(), windows_1252),
    }
}

/// Whether lines end in a carriage return alone, as only the Mac's old text files do
/// (a line break inside a cell may still be a line feed).
fn mac_lines(bytes: &[u8]) -> bool {
    let feeds = bytes.iter().filter(|&&b| b == b'\n').count();
    let lone = bytes
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(bytes.last() == Some(&b'\r'));
    lone > feeds
}

/// Text in a single-byte encoding as UTF-8: runs of ASCII (most of a sheet) are copied
/// whole, the other bytes through `high`.
fn single_byte(bytes: &[u8], high: fn(u8) -> char) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for run in bytes.split_inclusive(|b| !b.is_ascii()) {
        let (ascii, last) = match run.split_last() {
            Some((&b, ascii)) if !b.is_ascii() => (ascii, Some(b)),
            _ => (run, None),
        };
        out.push_str(std::str::from_utf8(ascii).unwrap_or_default());
        out.extend(last.map(high));
    }
    out
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Mac Roman, the Mac's own encoding before Unicode, above ASCII.
fn mac_roman(b: u8) -> char {
    const HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
    HIGH.chars()
        .nth(usize::from(b.saturating_sub(0x80)))
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Windows-1252: Latin-1 except 0x80–0x9F (`€`, `–`, `’`, …).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Reads a programme sheet, with the `seminarplan/1` document it converts to (for the
/// check page's download and `seminarplan-check`).
pub(crate) fn read(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    imported(shape(text)?)
}

/// Reads the rows of a spreadsheet, however they were read (a CSV file, a workbook's
/// sheet), with the same rules as a CSV file: each [`Row`] gives its cells' text and its
/// number as the spreadsheet program shows it, so that every problem is at the row and
/// column the organiser sees.
pub fn read_rows(rows: &[Row]) -> Result<Imported, Vec<ProgrammeError>> {
    imported(build::document(rows)?)
}

/// The rows of a sheet's text (decoded, see [`decode`]), as this reader sees them: the
/// separator found, quoted cells read, each row numbered as the spreadsheet program shows
/// it.
pub fn rows_of(text: &str) -> Vec<Row> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    rows::read(text, rows::separator(text))
}

/// The programme of a document, with the document as written.
fn imported(document: build::Document) -> Result<Imported, Vec<ProgrammeError>> {
    let value = written(&document)?;
    Ok(Imported {
        programme: parse::validate(document.shape)?,
        format: Format::Sheet,
        warnings: document.warnings,
        document: value,
    })
}

/// Reads rows as [`read_rows`] does, with `known` problems found in them before (a
/// workbook's formulas never calculated, at their rows): strictly (every problem refuses
/// them), or (`lenient`) as the widget reads a CSV for visitors, the rows and sessions with
/// a problem left out of the programme and its document and their problems returned beside
/// it; only rows with nothing to show are refused.
pub(crate) fn read_rows_as(
    rows: &[Row],
    known: Vec<ProgrammeError>,
    lenient: bool,
) -> Result<(Imported, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    let (document, left_out) = build::document_as(rows, known, lenient)?;
    if !lenient {
        return imported(document).map(|imported| (imported, left_out));
    }
    let mut value = written(&document)?;
    let (programme, more) = validate_leniently(document.shape, &left_out)?;
    // The sessions the validation left out, out of the document too (by their index).
    let mut bad: Vec<usize> = more
        .iter()
        .filter_map(|e| parse::session_of(&e.path))
        .collect();
    bad.sort_unstable();
    if let Some(sessions) = value.get_mut("sessions").and_then(|s| s.as_array_mut()) {
        let mut index = 0..;
        sessions.retain(|_| index.next().is_some_and(|i| bad.binary_search(&i).is_err()));
    }
    let imported = Imported {
        programme,
        format: Format::Sheet,
        warnings: document.warnings,
        document: value,
    };
    Ok((imported, left_out.into_iter().chain(more).collect()))
}

/// A document as written: the format, then the programme's fields.
fn written(document: &build::Document) -> Result<serde_json::Value, Vec<ProgrammeError>> {
    #[derive(serde::Serialize)]
    struct Written<'a> {
        format: &'static str,
        #[serde(flatten)]
        programme: &'a parse::raw::Programme,
    }
    let written = Written {
        format: parse::FORMAT,
        programme: &document.shape,
    };
    serde_json::to_value(written).map_err(|e| {
        vec![ProgrammeError {
            path: String::new(),
            problem: Problem::Shape {
                detail: e.to_string(),
            },
        }]
    })
}

/// The sheet's shape validated leniently: the sessions that fail are left out and
/// returned; refused, the sheet's own problems (`left_out`, the rows already left out)
/// come first, as the strict reading gives them.
fn validate_leniently(
    shape: crate::parse::raw::Programme,
    left_out: &[ProgrammeError],
) -> Result<(Programme, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    parse::validate_leniently(shape).map_err(|problems| {
        if left_out.is_empty() {
            problems
        } else {
            left_out.to_vec()
        }
    })
}

/// Reads a programme sheet into the programme only, with how many warnings it gave (what
/// the widget needs, without writing out a document nobody reads), as the widget reads for
/// visitors: the rows and sessions with a problem are left out and their problems
/// returned (`parse::validate_leniently`); only a sheet with nothing to show is refused.
pub(crate) fn programme_leniently(
    text: &str,
) -> Result<(super::Shown, usize), Vec<ProgrammeError>> {
    let (document, mut left_out) = shape_as(text, true)?;
    let (programme, more) = validate_leniently(document.shape, &left_out)?;
    left_out.extend(more);
    Ok(((programme, left_out), document.warnings.len()))
}

/// The programme in the rows at the start of a sheet that is still arriving, those a line
/// end closes, to show while the rest is read; `None` when they have a problem. Their
/// sessions are the whole sheet's, with the same ids: rows never depend on later rows.
pub(crate) fn preview(text: &str) -> Option<Programme> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document = build::document(&rows::read_closed(text, rows::separator(text))).ok()?;
    parse::validate(document.shape).ok()
}

/// The rows of a sheet as a programme's shape, not yet validated.
fn shape(text: &str) -> Result<build::Document, Vec<ProgrammeError>> {
    shape_as(text, false).map(|(document, _)| document)
}

/// [`shape`], strictly or (`lenient`) without the rows that have a problem, whose
/// problems come beside it.
fn shape_as(
    text: &str,
    lenient: bool,
) -> Result<(build::Document, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    if text.len() > parse::MAX_BYTES {
        return Err(vec![ProgrammeError {
            path: String::new(),
            problem: Problem::TooLarge { bytes: text.len() },
        }]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = rows::read(text, rows::separator(text));
    if lenient {
        return build::document_leniently(&rows);
    }
    build::document(&rows).map(|document| (document, Vec::new()))
}

// The entry point for rows that are not CSV text: a workbook's sheet (`import::workbook`)
// is read into rows of cells, each cell's text as a CSV export would write it, and read
// by the same rules from here on.

/// Whether `rows` look like a programme sheet: a row near the top (below any title row)
/// names the known columns, the title among them, as a CSV's header row must.
pub(crate) fn has_header(rows: &[Row]) -> bool {
    rows::find_header(rows).is_some()
}
