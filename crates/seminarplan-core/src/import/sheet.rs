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

pub(crate) use rows::Row;

use super::{Format, Imported};
use crate::model::Programme;
use crate::parse::{self, Problem, ProgrammeError};

pub use crate::parse::SheetIssue;

/// What the organiser should know about a sheet that can still be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetNote {
    /// A column heading this reader does not know: the column is left out.
    UnknownColumn,
    /// No Id column: ids are made from date, start and title, so a visitor's stars are lost
    /// when one of them changes.
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
/// "Unicode text"), else Windows-1252 (Excel's "CSV (semikolonavgränsad)" on Windows).
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
        Err(e) => from_windows_1252(e.as_bytes()),
    }
}

/// Windows-1252 text as UTF-8: runs of ASCII (most of a sheet) are copied whole.
fn from_windows_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for run in bytes.split_inclusive(|b| !b.is_ascii()) {
        let (ascii, last) = match run.split_last() {
            Some((&b, ascii)) if !b.is_ascii() => (ascii, Some(b)),
            _ => (run, None),
        };
        out.push_str(std::str::from_utf8(ascii).unwrap_or_default());
        out.extend(last.map(windows_1252));
    }
    out
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
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

/// Whether `text` looks like a programme sheet: its first line that is not blank or a
/// comment has at least two cells naming known columns, one of them the title.
pub(crate) fn looks_like(text: &str) -> bool {
    let sep = rows::separator(text);
    let Some(line) = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("sep="))
    else {
        return false;
    };
    let cells: Vec<String> = line
        .split(char::from(sep))
        .map(|c| c.trim().trim_matches('"').to_owned())
        .collect();
    let header = columns::Header::new(&cells);
    header.known() >= 2 && header.has(columns::Field::Title)
}

/// Reads a programme sheet, with the `seminarplan/1` document it converts to (for the
/// check page's download and `seminarplan-check`).
pub(crate) fn read(text: &str) -> Result<Imported, Vec<ProgrammeError>> {
    written(shape(text)?)
}

/// The document of a sheet read, with the validated programme.
fn written(document: build::Document) -> Result<Imported, Vec<ProgrammeError>> {
    /// The document as written: the format, then the programme's fields.
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
    let value = serde_json::to_value(written).map_err(|e| {
        vec![ProgrammeError {
            path: String::new(),
            problem: Problem::Shape {
                detail: e.to_string(),
            },
        }]
    })?;
    Ok(Imported {
        programme: parse::validate(document.shape)?,
        format: Format::Sheet,
        warnings: document.warnings,
        document: value,
    })
}

/// Reads a programme sheet into the programme only, with how many warnings it gave: what
/// the widget needs, without writing out a document nobody reads.
pub(crate) fn programme(text: &str) -> Result<(Programme, usize), Vec<ProgrammeError>> {
    let document = shape(text)?;
    Ok((parse::validate(document.shape)?, document.warnings.len()))
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
    if text.len() > parse::MAX_BYTES {
        return Err(vec![ProgrammeError {
            path: String::new(),
            problem: Problem::TooLarge { bytes: text.len() },
        }]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rows = rows::read(text, rows::separator(text));
    build::document(&rows)
}

// The entry point for rows that are not CSV text: a workbook's sheet (`import::workbook`)
// is read into rows of cells, each cell's text as a CSV export would write it, and read
// by the same rules from here on.

/// Whether `rows` look like a programme sheet: the first row that is neither blank nor a
/// comment names at least two known columns, one of them the title (as [`looks_like`]).
pub(crate) fn has_header(rows: &[Row]) -> bool {
    rows.iter()
        .find(|r| !r.is_blank() && r.comment().is_none())
        .is_some_and(|first| {
            let header = columns::Header::new(&first.cells);
            header.known() >= 2 && header.has(columns::Field::Title)
        })
}

/// Reads rows of cells (each with its row number in the spreadsheet) as [`read`] reads a
/// CSV's rows.
pub(crate) fn read_rows(rows: &[Row]) -> Result<Imported, Vec<ProgrammeError>> {
    written(build::document(rows)?)
}
