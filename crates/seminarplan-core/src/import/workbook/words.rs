//! The workbook reader's own problems, worded here in Swedish and English and handed on as
//! `SheetIssue::Worded`: their words live in the workbook reader's module (and the check
//! page's), never in the widget's first load, which only shows them.

use super::super::sheet::SheetIssue;
use super::{MAX_CELLS, MAX_EXPANDED};

/// What can be wrong in a workbook itself, beyond what the sheet reader finds in its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookIssue {
    /// A ZIP file that is neither an Excel (.xlsx) nor an OpenDocument (.ods) spreadsheet.
    NotAWorkbook,
    /// The workbook would expand to more than [`MAX_EXPANDED`] (a ZIP bomb, or far more
    /// than a programme needs): refused before anything is expanded.
    TooLarge,
    /// The workbook's parts cannot be read (`detail` in English, from the reader).
    Unreadable { detail: String },
    /// More filled cells than a sheet may have ([`MAX_CELLS`]).
    TooManyCells,
    /// A formula whose value was never calculated (the workbook was saved by a program
    /// that does not calculate): open and save it in Excel or LibreOffice.
    FormulaNotCalculated,
}

impl WorkbookIssue {
    /// The problem in both languages, as the sheet reader's problems are shown.
    pub fn worded(&self) -> SheetIssue {
        let (sv, en) = match self {
            WorkbookIssue::NotAWorkbook => (
                "en ZIP-fil som varken är en Excel-arbetsbok (.xlsx) eller ett \
                 OpenDocument-kalkylark (.ods)"
                    .to_owned(),
                "a ZIP file that is neither an Excel workbook (.xlsx) nor an \
                 OpenDocument spreadsheet (.ods)"
                    .to_owned(),
            ),
            WorkbookIssue::TooLarge => {
                let mb = MAX_EXPANDED / (1024 * 1024);
                (
                    format!(
                        "arbetsboken packas upp till mer än {mb} MB, mer än ett program \
                         behöver; läses inte. Ta bort bilder och tomma blad, eller spara som CSV."
                    ),
                    format!(
                        "the workbook expands to more than {mb} MB, more than a programme \
                         needs; not read. Remove pictures and empty sheets, or save it as CSV."
                    ),
                )
            }
            WorkbookIssue::Unreadable { detail } => (
                format!("arbetsboken går inte att läsa ({detail})"),
                format!("the workbook cannot be read ({detail})"),
            ),
            WorkbookIssue::TooManyCells => {
                let (thousands, rest) = (MAX_CELLS / 1000, MAX_CELLS % 1000);
                (
                    format!("fler än {thousands} {rest:03} ifyllda celler; läses inte"),
                    format!("more than {thousands},{rest:03} filled cells; not read"),
                )
            }
            WorkbookIssue::FormulaNotCalculated => (
                "formeln har aldrig räknats ut: öppna och spara arbetsboken i Excel eller \
                 LibreOffice"
                    .to_owned(),
                "the formula was never calculated: open and save the workbook in Excel or \
                 LibreOffice"
                    .to_owned(),
            ),
        };
        SheetIssue::Worded { sv, en }
    }
}
