//! OpenDocument spreadsheets (.ods, LibreOffice), read from `content.xml` as a stream of
//! XML events (quick-xml, which calamine brings anyway): repeated rows and cells
//! (`number-rows-repeated`, `number-columns-repeated`, a million of them at the end of every
//! LibreOffice sheet) are counted, never expanded unless filled; typed values as they are
//! (`office:date-value`, `office:time-value`, `office:value`); merged ranges from
//! `number-rows-spanned` and `number-columns-spanned`; nesting bounded.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Grid, Sheet, clock, iso_date, iso_seconds, unreadable};
use crate::parse::ProgrammeError;

/// Deepest element nesting accepted.
const MAX_DEPTH: usize = 100;

/// Every sheet of the spreadsheet, in order (the archive was measured first).
pub(super) fn sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Vec<ProgrammeError>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(unreadable)?
        .read_to_string(&mut xml)
        .map_err(unreadable)?;
    read_content(&xml)
}

/// The cell being read.
#[derive(Default)]
struct Cell {
    /// The typed value, when it has one (a number, a date, a time).
    value: Option<String>,
    /// The text of its paragraphs.
    text: String,
    paragraphs: usize,
    /// Inside a paragraph (its text is the cell's).
    open: usize,
    repeat: u32,
    spans: (u32, u32),
    formula: bool,
    /// Depth inside an annotation (a comment on the cell), whose text is not the cell's.
    note: usize,
}

/// Where the reader is.
#[derive(Default)]
struct State {
    sheets: Vec<Sheet>,
    /// The sheet being read, its next row and column, and the current row's repeat.
    sheet: Option<Sheet>,
    row: u32,
    col: u32,
    row_repeat: u32,
    /// The current row's filled cells (column, text), written once per repeat at its end.
    row_cells: Vec<(u32, String)>,
    cell: Option<Cell>,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

fn count(e: &BytesStart<'_>, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

fn read_content(xml: &str) -> Result<Vec<Sheet>, Vec<ProgrammeError>> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(unreadable)?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(unreadable(format!(
                        "content.xml nests elements deeper than {MAX_DEPTH}"
                    )));
                }
                state.start(&e, false)?;
            }
            Event::Empty(e) => {
                state.start(&e, true)?;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                state.end(e.name().as_ref())?;
            }
            Event::Text(t) => state.text(&t.xml10_content()),
            Event::CData(t) => state.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => quick_xml::escape::resolve_predefined_entity(&r)
                        .and_then(|s| s.chars().next()),
                };
                if let Some(c) = c {
                    state.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.sheets)
}

impl State {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), Vec<ProgrammeError>> {
        let name = e.name();
        if let Some(cell) = self.cell.as_mut() {
            match name.as_ref() {
                "office:annotation" if !empty => cell.note += 1,
                _ if cell.note > 0 => {}
                "text:p" | "text:h" => {
                    if cell.paragraphs > 0 {
                        cell.text.push('\n');
                    }
                    cell.paragraphs += 1;
                    cell.open += usize::from(!empty);
                }
                "text:s" => {
                    let n = count(e, "text:c").min(1000) as usize;
                    cell.text.extend(std::iter::repeat_n(' ', n));
                }
                "text:tab" => cell.text.push('\t'),
                "text:line-break" => cell.text.push('\n'),
                _ => {}
            }
            return Ok(());
        }
        match name.as_ref() {
            "table:table" if !empty => {
                self.sheet = Some(Sheet {
                    name: attr(e, "table:name").unwrap_or_default(),
                    grid: Grid::default(),
                });
                self.row = 0;
            }
            "table:table-row" if self.sheet.is_some() => {
                self.col = 0;
                self.row_repeat = count(e, "table:number-rows-repeated");
                self.row_cells.clear();
                if empty {
                    self.end_row()?;
                }
            }
            "table:table-cell" | "table:covered-table-cell" if self.sheet.is_some() => {
                self.cell = Some(cell(e));
                if empty {
                    self.end_cell()?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), Vec<ProgrammeError>> {
        if let Some(cell) = self.cell.as_mut() {
            match name {
                "office:annotation" => cell.note = cell.note.saturating_sub(1),
                "text:p" | "text:h" if cell.note == 0 => cell.open = cell.open.saturating_sub(1),
                _ => {}
            }
        }
        match name {
            "table:table-cell" | "table:covered-table-cell" => self.end_cell()?,
            "table:table-row" => self.end_row()?,
            "table:table" => {
                if let Some(sheet) = self.sheet.take() {
                    self.sheets.push(sheet);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if let Some(cell) = self.cell.as_mut()
            && cell.note == 0
            && cell.open > 0
        {
            cell.text.push_str(text);
        }
    }

    /// A cell ends: its value is kept for the row's end, its merge and an uncalculated
    /// formula noted; the column moves on by its repeat.
    fn end_cell(&mut self) -> Result<(), Vec<ProgrammeError>> {
        let (Some(cell), Some(sheet)) = (self.cell.take(), self.sheet.as_mut()) else {
            return Ok(());
        };
        let (row, col) = (self.row, self.col);
        self.col = col.saturating_add(cell.repeat);
        if cell.spans != (1, 1) {
            let (rows, cols) = cell.spans;
            let end = (row.saturating_add(rows - 1), col.saturating_add(cols - 1));
            sheet.grid.merge((row, col), end)?;
        }
        let text = cell.value.unwrap_or(cell.text);
        if text.trim().is_empty() {
            if cell.formula {
                sheet.grid.uncalculated(row, col)?;
            }
            return Ok(());
        }
        let last = col
            .saturating_add(cell.repeat)
            .min(super::grid::MAX_COLUMNS);
        // Columns only grow within a row, so a row holds at most MAX_COLUMNS cells.
        for c in col..last {
            self.row_cells.push((c, text.clone()));
        }
        Ok(())
    }

    /// A row ends: its filled cells are written once for each repeat; an empty row only
    /// moves the row number on.
    fn end_row(&mut self) -> Result<(), Vec<ProgrammeError>> {
        let Some(sheet) = self.sheet.as_mut() else {
            return Ok(());
        };
        let (first, repeat) = (self.row, self.row_repeat.max(1));
        self.row = first.saturating_add(repeat);
        if self.row_cells.is_empty() {
            return Ok(());
        }
        for row in first..first.saturating_add(repeat) {
            for (col, text) in &self.row_cells {
                sheet.grid.put(row, *col, text)?;
            }
        }
        self.row_cells.clear();
        Ok(())
    }
}

/// A cell's attributes: its typed value, repeat, spans and whether it holds a formula.
fn cell(e: &BytesStart<'_>) -> Cell {
    let kind = attr(e, "office:value-type").unwrap_or_default();
    let value = match kind.as_str() {
        "float" | "percentage" | "currency" => attr(e, "office:value")
            .map(|v| v.trim().parse::<f64>().map_or(v.clone(), super::number)),
        "date" => attr(e, "office:date-value").map(|v| iso_date(&v)),
        "time" => attr(e, "office:time-value").map(|v| iso_seconds(&v).map_or(v, clock)),
        "boolean" => attr(e, "office:boolean-value").map(|v| v.to_uppercase()),
        _ => None,
    };
    Cell {
        value,
        repeat: count(e, "table:number-columns-repeated"),
        spans: (
            count(e, "table:number-rows-spanned"),
            count(e, "table:number-columns-spanned"),
        ),
        formula: attr(e, "table:formula").is_some() && kind.is_empty(),
        ..Cell::default()
    }
}
