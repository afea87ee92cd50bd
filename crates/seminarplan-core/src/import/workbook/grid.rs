//! A sheet's filled cells as a workbook reader finds them, with its merged ranges and its
//! formulas never calculated; then its rows, as the sheet reader reads a CSV's. Bounded:
//! no more than [`MAX_CELLS`] filled cells, columns past [`MAX_COLUMNS`] left out, and the
//! rows handed on hold no more than [`MAX_ROW_CELLS`] cells, empty ones included, so
//! millions of empty or far-apart cells cost nothing.

use std::collections::{BTreeMap, BTreeSet};

use super::super::sheet::{self, Row};
use super::WorkbookIssue;
use crate::parse::ProgrammeError;

/// The most filled cells a sheet may have (a programme of 5,000 sessions in 20 columns has
/// 100,000; `WorkbookIssue::TooManyCells` says so in its words).
pub const MAX_CELLS: usize = 200_000;
/// Columns past this one are not read (a programme sheet has about 20).
pub const MAX_COLUMNS: u32 = 256;
/// The most cells, empty ones between filled ones included, of the rows handed on.
pub const MAX_ROW_CELLS: usize = 2_000_000;

/// A sheet's rows, and its formulas never calculated (row number, column index).
pub(crate) type SheetRows = (Vec<Row>, Vec<(usize, usize)>);

/// A merged range, zero-based and inclusive.
#[derive(Clone, Copy, Debug)]
struct Merge {
    top: u32,
    left: u32,
    bottom: u32,
    right: u32,
}

#[derive(Default, Debug)]
pub(crate) struct Grid {
    /// Filled cells by (row, column), zero-based, trimmed.
    cells: BTreeMap<(u32, u32), String>,
    merges: Vec<Merge>,
    /// Formulas without a value, by (row, column).
    uncalculated: Vec<(u32, u32)>,
}

fn too_many() -> Vec<ProgrammeError> {
    vec![sheet::problem(0, "", WorkbookIssue::TooManyCells.worded())]
}

impl Grid {
    /// A cell's text (nothing for an empty one, or one past [`MAX_COLUMNS`]).
    pub(crate) fn put(
        &mut self,
        row: u32,
        col: u32,
        text: &str,
    ) -> Result<(), Vec<ProgrammeError>> {
        let text = text.trim();
        if col >= MAX_COLUMNS || text.is_empty() {
            return Ok(());
        }
        if self.cells.len() >= MAX_CELLS {
            return Err(too_many());
        }
        self.cells.insert((row, col), text.to_owned());
        Ok(())
    }

    /// A merged range from (`top`, `left`) to (`bottom`, `right`), inclusive.
    pub(crate) fn merge(
        &mut self,
        (top, left): (u32, u32),
        (bottom, right): (u32, u32),
    ) -> Result<(), Vec<ProgrammeError>> {
        if self.merges.len() >= MAX_CELLS {
            return Err(too_many());
        }
        if bottom >= top && right >= left && left < MAX_COLUMNS {
            self.merges.push(Merge {
                top,
                left,
                bottom,
                right: right.min(MAX_COLUMNS - 1),
            });
        }
        Ok(())
    }

    /// A formula whose value was never calculated.
    pub(crate) fn uncalculated(&mut self, row: u32, col: u32) -> Result<(), Vec<ProgrammeError>> {
        if self.uncalculated.len() >= MAX_CELLS {
            return Err(too_many());
        }
        if col < MAX_COLUMNS {
            self.uncalculated.push((row, col));
        }
        Ok(())
    }

    /// Every merged range's first value in each of its cells, in the rows that have
    /// cells of their own (a merged block cell beside the sessions it spans).
    fn fill_merges(&mut self) -> Result<(), Vec<ProgrammeError>> {
        let rows: BTreeSet<u32> = self.cells.keys().map(|&(r, _)| r).collect();
        let mut fills = Vec::new();
        for m in &self.merges {
            let Some(value) = self.cells.get(&(m.top, m.left)) else {
                continue;
            };
            for &row in rows.range(m.top..=m.bottom) {
                for col in m.left..=m.right {
                    if fills.len() >= MAX_CELLS {
                        return Err(too_many());
                    }
                    fills.push(((row, col), value.clone()));
                }
            }
        }
        self.cells.extend(fills);
        Ok(())
    }

    /// The rows (numbered from 1, as the spreadsheet shows them) and the formulas never
    /// calculated (row number, column index).
    pub(crate) fn rows(mut self) -> Result<SheetRows, Vec<ProgrammeError>> {
        self.fill_merges()?;
        let mut rows: Vec<Row> = Vec::new();
        let mut total = 0usize;
        for ((row, col), text) in self.cells {
            let number = row as usize + 1;
            if rows.last().is_none_or(|r| r.number != number) {
                rows.push(Row {
                    number,
                    cells: Vec::new(),
                });
            }
            let Some(last) = rows.last_mut() else {
                continue;
            };
            let col = col as usize;
            total += (col + 1).saturating_sub(last.cells.len());
            if total > MAX_ROW_CELLS {
                return Err(too_many());
            }
            last.cells.resize(col, String::new());
            last.cells.push(text);
        }
        let uncalculated = self
            .uncalculated
            .iter()
            .map(|&(r, c)| (r as usize + 1, c as usize))
            .collect();
        Ok((rows, uncalculated))
    }
}
