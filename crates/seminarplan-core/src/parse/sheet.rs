//! What can be wrong in a spreadsheet (`import::sheet`), as a problem of the one validator's
//! kind: `Problem::Sheet` carries it with its row and column.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What is wrong in a sheet, so that it cannot be shown (said in the reader's language by
/// `import::sheet`'s words).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetIssue {
    NotADate {
        value: String,
    },
    NotATime {
        value: String,
    },
    NotADuration {
        value: String,
    },
    /// No date for the row: no date column, or an empty cell.
    NoDate,
    NoStart,
    NoTitle,
    /// The end (`end`) is not after the start (`start`), both `HH:MM`.
    EndNotAfterStart {
        start: String,
        end: String,
    },
    /// A date outside the conference days `first`..`last`.
    OutsideDays {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    /// The id is also the id of row `other_row`.
    DuplicateId {
        id: String,
        other_row: usize,
    },
    /// The file has no row of column headings with a title column.
    NoHeader,
    /// A column without which no session can be read (`Titel`, `Start`).
    MissingColumn {
        name: String,
    },
    /// Headings but not one session.
    NoSessions,
    /// Every date written with slashes can be read day first and month first
    /// (`3/4/2027`), so the sheet's order cannot be told; `value` is the first of them.
    DateOrderUnknown {
        value: String,
    },
    /// A date that can only be read in the other order than the sheet's other dates
    /// (`day_first`: theirs is day first).
    DateOrder {
        value: String,
        day_first: bool,
    },
    /// A session of the block `block` goes on past midnight: a block is within one day.
    BlockPastMidnight {
        block: String,
    },
    /// A problem another module found and worded itself, in Swedish (`sv`) and English
    /// (`en`): the workbook reader (`import::workbook`), and every problem the importer or
    /// the workbook reader hands the widget (`import::handoff`). The widget's first module
    /// only shows the words, so other readers' problems weigh nothing on its first load.
    Worded {
        sv: String,
        en: String,
    },
}
