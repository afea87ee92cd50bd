//! The rows of a spreadsheet export as a CSV reader sees them (`csv-core`): quoted cells
//! with separators, line breaks and padding (`"# Dagar: 2027-03-16, 2027-03-17",,,,`),
//! blank rows written as `;;;;`, any line end (CRLF, LF, or CR alone as Mac Excel's
//! "CSV (Macintosh)" writes). Every row keeps the number the spreadsheet program shows: a
//! blank line is a row, a cell with line breaks is still one row, and an Excel `sep=;`
//! line is hidden (Excel does not show it, so the row after it is row 1).

use csv_core::{ReadRecordResult, ReaderBuilder};

use super::columns::Header;

/// One row of cells, trimmed, with its row number as the spreadsheet program shows it
/// (1 = the first row). This is also how a workbook (.xlsx, .ods) hands its rows to the
/// reader (`sheet::read_rows`): text per cell, rows numbered as Excel numbers them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// A row of cells as given, each trimmed of spaces and invisible characters, without
    /// empty cells at the end.
    pub fn new(number: usize, cells: impl IntoIterator<Item = String>) -> Row {
        let mut cells: Vec<String> = cells.into_iter().map(|c| tidy(&c)).collect();
        // Empty trailing columns (`a;b;;;`) are nothing.
        while cells.len() > 1 && cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        Row { number, cells }
    }

    /// Whether every cell is empty (a blank row, or `;;;;`).
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }

    /// A comment row: its first cell starts with `#`.
    pub(crate) fn comment(&self) -> Option<&str> {
        self.cells.first()?.strip_prefix('#')
    }

    /// How many cells have text.
    pub(crate) fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// A cell without the spaces and invisible characters around it (no-break and zero-width
/// spaces, a stray byte order mark), which copying from a web page or a PDF brings.
fn tidy(cell: &str) -> String {
    cell.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
    })
    .to_owned()
}

/// How much of a file is looked at to tell its separator: the header is near the top.
const PROBE_BYTES: usize = 64 * 1024;
/// How many rows that are neither blank nor comments may stand above the header (a title
/// row, a line of notes).
pub(crate) const HEADER_SEARCH_ROWS: usize = 10;

/// The separator: an Excel `sep=;` line decides outright; else the one of `;`, TAB and
/// `,` with which the rows, read as a CSV reader reads them, have a header naming the
/// most known columns; else the one most used on the first line that is not a comment.
pub(crate) fn separator(text: &str) -> u8 {
    if let Some(sep) = sep_line(text) {
        return sep;
    }
    let probe = probe(text);
    let best = [b';', b'\t', b',']
        .into_iter()
        .filter_map(|sep| {
            let rows = read_rows(probe, sep, true);
            let (_, header) = find_header(&rows)?;
            Some((header.known(), sep))
        })
        .max_by_key(|&(known, sep)| (known, sep == b';'));
    best.map_or_else(|| by_count(probe), |(_, sep)| sep)
}

/// The start of the text, up to a line end, for telling the separator.
fn probe(text: &str) -> &str {
    if text.len() <= PROBE_BYTES {
        return text;
    }
    let head = &text.as_bytes()[..PROBE_BYTES];
    let end = head
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(PROBE_BYTES);
    let mut end = end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

/// `sep=;` on the first line (Excel writes it, and hides it).
fn sep_line(text: &str) -> Option<u8> {
    let first = text.split(['\r', '\n']).next()?;
    let sep = first.trim().strip_prefix("sep=")?;
    Some(sep.bytes().next().unwrap_or(b';'))
}

/// The separator most used on the first line that is neither blank nor a comment.
fn by_count(text: &str) -> u8 {
    let header = text
        .split(['\r', '\n'])
        .find(|l| !l.trim().is_empty() && !l.trim_start_matches('"').starts_with('#'))
        .unwrap_or("");
    let count = |sep: u8| header.bytes().filter(|&c| c == sep).count();
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&s| (count(s), s == b';'))
        .unwrap_or(b';')
}

/// The header row: the first of the top rows (blank and comment rows aside) that names
/// the Title column and at least one other known column.
pub(crate) fn find_header(rows: &[Row]) -> Option<(usize, Header)> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank() && r.comment().is_none())
        .take(HEADER_SEARCH_ROWS)
        .find_map(|(i, r)| {
            let header = Header::new(&r.cells);
            header.is_header().then_some((i, header))
        })
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
                let number = lines.record(input, start, &out[..nout]);
                rows.push(Row::new(number, cells(&out[..nout], &ends[..nend])));
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
        // Excel hides the line: what follows it is row 1 there.
        for row in &mut rows {
            row.number -= 1;
        }
    }
    rows
}

fn cells<'a>(out: &'a [u8], ends: &'a [usize]) -> impl Iterator<Item = String> + 'a {
    let mut from = 0;
    ends.iter().map(move |&to| {
        let cell = String::from_utf8_lossy(&out[from..to]).into_owned();
        from = to;
        cell
    })
}

/// Line ends in `bytes`, as a CSV reader counts them: `\r\n`, `\n` or a `\r` alone.
fn line_ends(bytes: &[u8], next: Option<u8>) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| {
            b == b'\n' || (b == b'\r' && bytes.get(i + 1).copied().or(next) != Some(b'\n'))
        })
        .count()
}

/// Counts lines to give each record its spreadsheet row.
#[derive(Default)]
struct Lines {
    /// Where the counting has reached in the input.
    at: usize,
    /// Line ends before `at`.
    ends: usize,
    /// Line ends inside cells so far (they do not start a new row).
    inside: usize,
}

impl Lines {
    /// The row of the record that the reader took from `input[from..]` (blank lines
    /// before it included), whose cells are `cells`.
    fn record(&mut self, input: &[u8], from: usize, cells: &[u8]) -> usize {
        let first = input[from..]
            .iter()
            .position(|&b| b != b'\r' && b != b'\n')
            .map_or(input.len(), |i| from + i)
            .max(self.at);
        self.ends += line_ends(&input[self.at..first], input.get(first).copied());
        self.at = first;
        let row = self.ends + 1 - self.inside;
        self.inside += line_ends(cells, None);
        row
    }
}
