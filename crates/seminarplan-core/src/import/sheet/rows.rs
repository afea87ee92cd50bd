//! The rows of a spreadsheet export, read with `csv-core`: the separator is found from the
//! header line, and every row keeps the number the organiser sees in the spreadsheet (a
//! blank line is a row; a cell with line breaks is still one row).

use csv_core::{ReadRecordResult, ReaderBuilder};

/// One row of cells, trimmed, with its row number in the spreadsheet (1 = the first line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// Whether every cell is empty (a blank row, or `;;;;`).
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }

    /// A comment row: its first cell starts with `#`.
    pub(crate) fn comment(&self) -> Option<&str> {
        self.cells.first()?.strip_prefix('#')
    }
}

/// The separator most used on the first line that is neither blank nor a comment:
/// `;` (Swedish Excel), TAB or `,`; an Excel `sep=;` line decides outright.
pub(crate) fn separator(text: &str) -> u8 {
    let mut lines = text.lines().map(str::trim_end);
    let header = lines
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    if let Some(sep) = header.strip_prefix("sep=") {
        return sep.bytes().next().unwrap_or(b';');
    }
    let count = |sep: char| header.chars().filter(|&c| c == sep).count();
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&s| (count(char::from(s)), s == b';'))
        .unwrap_or(b';')
}

/// Every row of `text`, cut at `separator`; an Excel `sep=` line is left out.
pub(crate) fn read(text: &str, separator: u8) -> Vec<Row> {
    read_rows(text, separator, true)
}

/// The rows of `text` that a line end closes: the start of a file still arriving, whose
/// last row may be cut anywhere, even inside a quoted cell.
pub(crate) fn read_closed(text: &str, separator: u8) -> Vec<Row> {
    read_rows(text, separator, false)
}

/// The rows of `text`; with `to_end`, the last one too when no line end closes it.
fn read_rows(text: &str, separator: u8, to_end: bool) -> Vec<Row> {
    let input = text.as_bytes();
    let mut reader = ReaderBuilder::new().delimiter(separator).build();
    let mut out = vec![0u8; 1024];
    let mut ends = vec![0usize; 32];
    let (mut pos, mut start, mut nout, mut nend) = (0usize, 0usize, 0usize, 0usize);
    let mut lines = Lines::default();
    let mut rows = Vec::new();
    loop {
        let (res, nin, o, e) =
            reader.read_record(&input[pos..], &mut out[nout..], &mut ends[nend..]);
        pos += nin;
        nout += o;
        nend += e;
        match res {
            // Reading on from the end tells the reader the text ends there.
            ReadRecordResult::InputEmpty if !to_end && pos == input.len() => break,
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let number = lines.record(&input[start..pos], &out[..nout]);
                let cells = cells(&out[..nout], &ends[..nend]);
                rows.push(Row { number, cells });
                start = pos;
                nout = 0;
                nend = 0;
            }
            ReadRecordResult::End => break,
        }
    }
    if rows
        .first()
        .is_some_and(|r| r.cells.len() == 1 && r.cells[0].starts_with("sep="))
    {
        rows.remove(0);
    }
    rows
}

fn cells(out: &[u8], ends: &[usize]) -> Vec<String> {
    let mut from = 0;
    let mut cells: Vec<String> = ends
        .iter()
        .map(|&to| {
            let cell = String::from_utf8_lossy(&out[from..to]).trim().to_owned();
            from = to;
            cell
        })
        .collect();
    // Empty trailing columns (`a;b;;;`) are nothing.
    while cells.len() > 1 && cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    cells
}

/// Counts lines to give each record its spreadsheet row.
#[derive(Default)]
struct Lines {
    /// Line breaks read so far.
    breaks: usize,
    /// Line breaks inside cells so far (they do not start a new row).
    inside: usize,
}

impl Lines {
    /// The row of a record read from `consumed` (blank lines before it included).
    fn record(&mut self, consumed: &[u8], cells: &[u8]) -> usize {
        let lead = consumed
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .filter(|&&b| b == b'\n')
            .count();
        let row = self.breaks + lead + 1 - self.inside;
        self.breaks += consumed.iter().filter(|&&b| b == b'\n').count();
        self.inside += cells.iter().filter(|&&b| b == b'\n').count();
        row
    }
}
