//! Workbooks as they are saved: Excel (.xlsx, also what Google Sheets publishes) and
//! OpenDocument (.ods, LibreOffice). Recognised by content, never by name: a ZIP archive
//! whose content types (`[Content_Types].xml`, or the ODF `mimetype`) say spreadsheet.
//!
//! The archive is measured from its central directory before anything is expanded (a ZIP
//! bomb, a huge shared-string table or more cells than any programme has are refused), then
//! the first sheet whose header row names the known columns is read into rows of cells,
//! each cell's text as a CSV export writes it (a date cell `2027-03-16`, a time cell
//! `13:00`, a duration `1:30`, a formula's cached value, a merged cell's value in every row
//! it covers), and those rows go to the sheet reader (`sheet::read_rows`): one set of rules
//! for a workbook and its CSV export, ids included. Every problem names the cell as Excel
//! shows it (`Slut (F6)`, row 6).
//!
//! Only the importer module and the check page reach this (`handoff::write_workbook`,
//! `import_bytes`); the widget's first module only asks [`signature`].

mod grid;
mod ods;
mod words;
mod xlsx;

use std::io::{Cursor, Read};

use super::sheet::{self, Row, SheetIssue, SheetNote};
use super::{Format, Imported, Warning, WarningKind};
use crate::parse::{Problem, ProgrammeError};

pub use grid::MAX_CELLS;
pub(crate) use grid::{Grid, SheetRows};
pub use words::WorkbookIssue;

/// The most an archive may expand to, in all its parts together: a programme of thousands
/// of sessions is a few megabytes. (`WorkbookIssue::TooLarge` says so in its words.)
pub const MAX_EXPANDED: u64 = 32 * 1024 * 1024;
/// The most a part over [`RATIO_FROM`] may expand per compressed byte (XML compresses about
/// 10:1; a ZIP bomb by thousands).
const MAX_RATIO: u64 = 200;
const RATIO_FROM: u64 = 1024 * 1024;
/// The most parts an archive may have (Excel writes about a dozen).
const MAX_PARTS: usize = 2000;
/// The most strings a shared-string table may announce (it is reserved before reading).
const MAX_SHARED_STRINGS: u64 = 500_000;
/// How much of a part is read to find its type or its first tag.
const HEAD_BYTES: u64 = 64 * 1024;

/// Whether `bytes` start as a ZIP archive does (an .xlsx or .ods, or another ZIP: the
/// importer tells). Cheap, so the widget's first module can ask it of every file.
pub fn signature(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The kind of workbook the archive's content types name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Ods,
}

/// A problem of the whole workbook (row 0, no column).
fn whole(issue: WorkbookIssue) -> Vec<ProgrammeError> {
    vec![sheet::problem(0, "", issue.worded())]
}

fn unreadable(detail: impl std::fmt::Display) -> Vec<ProgrammeError> {
    whole(WorkbookIssue::Unreadable {
        detail: detail.to_string(),
    })
}

fn too_large() -> Vec<ProgrammeError> {
    whole(WorkbookIssue::TooLarge)
}

/// Reads a workbook's programme sheet strictly, as [`sheet::read_rows`] reads a CSV's rows
/// (the check page, the CLI): every problem refuses it.
pub(crate) fn read(bytes: &[u8]) -> Result<Imported, Vec<ProgrammeError>> {
    read_as(bytes, false).map(|(imported, _)| imported)
}

/// Reads a workbook as the widget reads a CSV for visitors: the rows and sessions with a
/// problem are left out and their problems returned beside the programme; only a workbook
/// with nothing to show is refused (what the workbook reader module hands the widget).
pub(crate) fn read_leniently(
    bytes: &[u8],
) -> Result<(Imported, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    read_as(bytes, true)
}

fn read_as(
    bytes: &[u8],
    lenient: bool,
) -> Result<(Imported, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    let kind = measure(bytes)?;
    let sheets = match kind {
        Kind::Xlsx => xlsx::sheets(bytes)?,
        Kind::Ods => ods::sheets(bytes)?,
    };
    let (names, found) = choose(sheets)?;
    let Some((rows, uncalculated)) = found else {
        return Err(vec![sheet::problem(0, "", SheetIssue::NoHeader)]);
    };
    let cells = Addresses::new(&rows);
    // A formula never calculated is a problem at its cell, and its row's, like a value the
    // sheet reader cannot read.
    let uncalculated = (uncalculated.iter())
        .map(|&(row, col)| {
            let column = format!("{} ({})", cells.heading(col), address(row, col));
            sheet::problem(row, &column, WorkbookIssue::FormulaNotCalculated.worded())
        })
        .collect();
    // The sheet reader's problems name the heading: the cell's address is added.
    let placed = |mut problems: Vec<ProgrammeError>| {
        problems.iter_mut().for_each(|p| cells.problem(p));
        problems
    };
    let (mut imported, left_out) =
        sheet::read_rows_as(&rows, uncalculated, lenient).map_err(placed)?;
    imported.format = Format::Workbook;
    imported.warnings.iter_mut().for_each(|w| cells.warning(w));
    if !names.is_empty() {
        let note = SheetNote::SheetsIgnored { names };
        imported.warnings.insert(0, sheet_warning(note));
    }
    Ok((imported, placed(left_out)))
}

fn sheet_warning(note: SheetNote) -> Warning {
    Warning {
        path: String::new(),
        message: WarningKind::Sheet {
            row: 0,
            column: String::new(),
            note,
        },
    }
}

/// A sheet read: its name and its cells.
pub(crate) struct Sheet {
    pub name: String,
    pub grid: Grid,
}

/// The rows of the first sheet whose header names the known columns, with its formulas
/// never calculated (row number, column index); and the names of the other sheets.
fn choose(sheets: Vec<Sheet>) -> Result<(Vec<String>, Option<SheetRows>), Vec<ProgrammeError>> {
    let mut others = Vec::new();
    let mut found = None;
    for Sheet { name, grid } in sheets {
        if found.is_some() {
            others.push(name);
            continue;
        }
        let (rows, uncalculated) = grid.rows()?;
        if sheet::has_header(&rows) {
            found = Some((rows, uncalculated));
        } else {
            others.push(name);
        }
    }
    Ok((others, found))
}

/// The cell address as Excel shows it: column 5 of row 6 is `F6`.
pub fn address(row: usize, col: usize) -> String {
    format!("{}{row}", column_letters(col))
}

/// Column 0 is `A`, 25 `Z`, 26 `AA`.
fn column_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Where each heading of the chosen sheet is, to name a cell by its heading and address.
struct Addresses {
    headings: Vec<String>,
}

impl Addresses {
    fn new(rows: &[Row]) -> Self {
        let header = rows.iter().find(|r| !r.is_blank() && r.comment().is_none());
        Addresses {
            headings: header.map(|r| r.cells.clone()).unwrap_or_default(),
        }
    }

    /// The heading of column `col` (its letter when it has none).
    fn heading(&self, col: usize) -> String {
        match self.headings.get(col) {
            Some(h) if !h.is_empty() => h.clone(),
            _ => column_letters(col),
        }
    }

    /// `Slut` at row 6 → `Slut (F6)`; the whole row or file stays as it is.
    fn place(&self, row: usize, column: &mut String) {
        if row == 0 || column.is_empty() {
            return;
        }
        if let Some(col) = self.headings.iter().position(|h| h == column) {
            *column = format!("{column} ({})", address(row, col));
        }
    }

    fn problem(&self, p: &mut ProgrammeError) {
        if let Problem::Sheet { row, column, .. } = &mut p.problem {
            self.place(*row, column);
        }
    }

    fn warning(&self, w: &mut Warning) {
        if let WarningKind::Sheet { row, column, .. } = &mut w.message {
            self.place(*row, column);
        }
    }
}

/// Measures the archive from its central directory, before anything is expanded, and
/// tells its kind from its content types.
fn measure(bytes: &[u8]) -> Result<Kind, Vec<ProgrammeError>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if zip.len() > MAX_PARTS {
        return Err(too_large());
    }
    let mut total = 0u64;
    let mut strings = Vec::new();
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(unreadable)?;
        let (size, packed) = (part.size(), part.compressed_size());
        total = total.saturating_add(size);
        let ratio = size / packed.max(1);
        if total > MAX_EXPANDED || (size > RATIO_FROM && ratio > MAX_RATIO) {
            return Err(too_large());
        }
        let name = part.name().map_err(unreadable)?.to_ascii_lowercase();
        if name.ends_with("sharedstrings.xml") {
            strings.push(i);
        }
    }
    for i in strings {
        shared_strings_fit(&head(&mut zip, i)?)?;
    }
    let kind = if let Ok(i) = index(&zip, "mimetype")
        && head(&mut zip, i)?.trim() == "application/vnd.oasis.opendocument.spreadsheet"
    {
        Some(Kind::Ods)
    } else if let Ok(i) = index(&zip, "[Content_Types].xml") {
        let types = head(&mut zip, i)?;
        let sheet = types.contains("spreadsheetml.sheet.main+xml")
            || types.contains("ms-excel.sheet.macroEnabled.main+xml")
            || types.contains("spreadsheetml.template.main+xml");
        sheet.then_some(Kind::Xlsx)
    } else {
        None
    };
    kind.ok_or_else(|| whole(WorkbookIssue::NotAWorkbook))
}

fn index(zip: &zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<usize, ()> {
    zip.index_for_name(name).ok_or(())
}

/// The first [`HEAD_BYTES`] of a part, as text.
fn head(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, i: usize) -> Result<String, Vec<ProgrammeError>> {
    let part = zip.by_index(i).map_err(unreadable)?;
    let mut bytes = Vec::new();
    part.take(HEAD_BYTES)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Refuses a shared-string table that announces more strings than [`MAX_SHARED_STRINGS`]
/// (the reader would reserve room for all of them first), or whose opening tag is not in
/// its first [`HEAD_BYTES`].
fn shared_strings_fit(head: &str) -> Result<(), Vec<ProgrammeError>> {
    let tag = head
        .find("sst ")
        .or_else(|| head.find("sst>"))
        .and_then(|at| head.get(at..))
        .and_then(|rest| rest.find('>').and_then(|end| rest.get(..end)));
    let Some(tag) = tag else {
        return if head.len() < HEAD_BYTES as usize {
            Ok(())
        } else {
            Err(unreadable(
                "sharedStrings.xml has no table where one is expected",
            ))
        };
    };
    let digits: String = tag
        .find("uniqueCount")
        .and_then(|at| tag.get(at..))
        .map(|rest| {
            rest.chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect()
        })
        .unwrap_or_default();
    match digits.parse::<u64>() {
        _ if digits.is_empty() => Ok(()),
        Ok(n) if n <= MAX_SHARED_STRINGS => Ok(()),
        _ => Err(too_large()),
    }
}

/// A time of day from seconds since midnight: `13:00`, or `13:00:30` with seconds.
pub(crate) fn clock(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// A length from minutes: `1:30`.
pub(crate) fn length(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// A number as a CSV export writes it: `45`, `1.5`.
pub(crate) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// An ISO 8601 duration (`PT13H00M00S`, `P1DT2H`, `PT12H59M59.9999S`) in seconds, rounded.
pub(crate) fn iso_seconds(text: &str) -> Option<i64> {
    let rest = text.trim().strip_prefix('-').unwrap_or(text.trim());
    let rest = rest.strip_prefix('P')?;
    let (mut seconds, mut number, mut in_time) = (0f64, String::new(), false);
    for c in rest.chars() {
        let unit = match c {
            'T' => {
                in_time = true;
                continue;
            }
            '0'..='9' | '.' | ',' => {
                number.push(if c == ',' { '.' } else { c });
                continue;
            }
            'D' if !in_time => 86_400.0,
            'H' if in_time => 3600.0,
            'M' if in_time => 60.0,
            'S' if in_time => 1.0,
            _ => return None,
        };
        seconds += number.parse::<f64>().ok()? * unit;
        number.clear();
    }
    (number.is_empty() && seconds.is_finite() && seconds < 1e12).then(|| seconds.round() as i64)
}

/// An ISO 8601 date or date and time (`2027-03-16`, `2027-03-16T13:00:00.000`) as a CSV
/// export writes it: `2027-03-16`, `2027-03-16 13:00`.
pub(crate) fn iso_date(text: &str) -> String {
    let text = text.trim();
    let Some((date, time)) = text.split_once('T') else {
        return text.to_owned();
    };
    let mut parts = time.trim_end_matches('Z').split(':');
    let (h, m, s) = (parts.next(), parts.next(), parts.next().unwrap_or("0"));
    let seconds = match (
        h.and_then(|h| h.parse::<i64>().ok()),
        m.and_then(|m| m.parse::<i64>().ok()),
    ) {
        (Some(h), Some(m)) => h * 3600 + m * 60 + s.parse::<f64>().unwrap_or(0.0).round() as i64,
        _ => return text.replace('T', " "),
    };
    match seconds {
        0 => date.to_owned(),
        s if s < 86_400 => format!("{date} {}", clock(s)),
        _ => text.replace('T', " "),
    }
}
