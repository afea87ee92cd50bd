//! Excel workbooks (.xlsx) through calamine: each sheet's cells streamed one by one (never
//! its whole rectangle), typed by their number formats (a date, a time of day, a duration),
//! with their merged ranges; formulas by their cached values, without expanding shared
//! formulas.

use std::io::Cursor;

use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType, Reader, Xlsx};

use super::{Grid, Sheet, clock, length, number, unreadable};
use crate::parse::ProgrammeError;

type Book<'a> = Xlsx<Cursor<&'a [u8]>>;

/// Every sheet of the workbook, in order (the archive was measured first).
pub(super) fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Vec<ProgrammeError>> {
    let mut book: Book<'_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let is_1904 = book.has_1904_epoch();
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let grid = grid(&mut book, &name, is_1904)?;
        sheets.push(Sheet { name, grid });
    }
    Ok(sheets)
}

/// One sheet's cells. A chart sheet (not a worksheet) has none.
fn grid(book: &mut Book<'_>, name: &str, is_1904: bool) -> Result<Grid, Vec<ProgrammeError>> {
    let mut grid = Grid::default();
    let merges = match book.merge_cells_by_sheet_name(name) {
        Ok(merges) => merges,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(grid),
        Err(e) => return Err(unreadable(e)),
    };
    for m in merges {
        grid.merge(m.start, m.end)?;
    }
    let mut cells = match book.worksheet_cells_reader(name) {
        Ok(cells) => cells,
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(grid),
        Err(e) => return Err(unreadable(e)),
    };
    while let Some(cell) = cells
        .next_cell_with_formula_metadata()
        .map_err(unreadable)?
    {
        let (row, col) = cell.pos;
        if cell.formula.is_some() && matches!(cell.value, DataRef::Empty) {
            grid.uncalculated(row, col)?;
            continue;
        }
        grid.put(row, col, &text(&cell.value, is_1904))?;
    }
    Ok(grid)
}

/// A cell's text as a CSV export writes it.
fn text(value: &DataRef<'_>, is_1904: bool) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_owned(),
        DataRef::DateTime(d) => date_time(d, is_1904),
        DataRef::DateTimeIso(s) => super::iso_date(s),
        DataRef::DurationIso(s) => {
            super::iso_seconds(s).map_or_else(|| s.clone(), |secs| length((secs + 30) / 60))
        }
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// A date or time cell: Excel stores days since its epoch, the time of day as the
/// fraction (0.5416… is 13:00). A date alone is `2027-03-16`, a time alone `13:00`, both
/// `2027-03-16 13:00`; a duration (`[h]:mm`) is its length, `1:30`.
fn date_time(d: &ExcelDateTime, is_1904: bool) -> String {
    let value = d.as_f64();
    if !value.is_finite() {
        return String::new();
    }
    if d.is_duration() {
        return length((value * 1440.0).round() as i64);
    }
    let mut days = value.floor();
    let mut seconds = ((value - days) * 86_400.0).round() as i64;
    if seconds >= 86_400 {
        days += 1.0;
        seconds -= 86_400;
    }
    if (0.0..1.0).contains(&value) {
        return clock(seconds);
    }
    let day = ExcelDateTime::new(days, ExcelDateTimeType::DateTime, is_1904);
    let (y, m, dd, ..) = day.to_ymd_hms_milli();
    let date = format!("{y:04}-{m:02}-{dd:02}");
    if seconds == 0 {
        date
    } else {
        format!("{date} {}", clock(seconds))
    }
}
