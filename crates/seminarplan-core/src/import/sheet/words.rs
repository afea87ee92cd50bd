//! The words of the spreadsheet reader (kept here, beside what they describe, so that the
//! reader needs nothing above it): its problems and notes, at their place as the organiser sees it
//! ("rad 14, kolumn Slut: 10.75 är ingen tid"), in Swedish and English.

use super::{SheetIssue, SheetNote};
use crate::import::{Warning, WarningKind};
use crate::lang::Lang;

impl Lang {
    /// "rad 14, kolumn Slut: ", "rad 14: ", or nothing for the whole file.
    pub fn sheet_place(self, row: usize, column: &str) -> String {
        let row_word = self.pick("rad", "row");
        let column_word = self.pick("kolumn", "column");
        match (row, column.is_empty()) {
            (0, true) => String::new(),
            (0, false) => format!("{column_word} {column}: "),
            (_, true) => format!("{row_word} {row}: "),
            (_, false) => format!("{row_word} {row}, {column_word} {column}: "),
        }
    }

    /// A warning in this language: a sheet's at its row and column; other importers'
    /// warnings are in English with their place in the source.
    pub fn warning(self, w: &Warning) -> String {
        match &w.message {
            WarningKind::Sheet { row, column, note } => {
                format!(
                    "{}{}",
                    self.sheet_place(*row, column),
                    self.sheet_note(note)
                )
            }
            _ => w.describe(),
        }
    }

    pub fn sheet_issue(self, issue: &SheetIssue) -> String {
        let sv = self == Lang::Sv;
        match issue {
            SheetIssue::NotADate { value } if sv => format!("{value} är inget datum"),
            SheetIssue::NotADate { value } => format!("{value} is not a date"),
            SheetIssue::NotATime { value } if sv => format!("{value} är ingen tid"),
            SheetIssue::NotATime { value } => format!("{value} is not a time"),
            SheetIssue::NotADuration { value } if sv => format!("{value} är ingen längd"),
            SheetIssue::NotADuration { value } => format!("{value} is not a length of time"),
            SheetIssue::NoDate => self.pick("datum saknas", "the date is missing").into(),
            SheetIssue::NoStart => self.pick("starttid saknas", "the start is missing").into(),
            SheetIssue::NoTitle => self.pick("titel saknas", "the title is missing").into(),
            SheetIssue::EndNotAfterStart { start, end } if sv => {
                format!("slutar {end}, inte efter starten {start}")
            }
            SheetIssue::EndNotAfterStart { start, end } => {
                format!("ends at {end}, not after its start {start}")
            }
            SheetIssue::OutsideDays { date, first, last } if sv => {
                format!("{date} är utanför konferensdagarna ({first} – {last})")
            }
            SheetIssue::OutsideDays { date, first, last } => {
                format!("{date} is outside the conference days ({first} – {last})")
            }
            SheetIssue::DuplicateId { id, other_row } if sv => {
                format!("id {id} finns redan på rad {other_row}")
            }
            SheetIssue::DuplicateId { id, other_row } => {
                format!("id {id} is already used on row {other_row}")
            }
            SheetIssue::NoHeader => self
                .pick(
                    "hittar ingen rad med kolumnrubriker och en kolumn Titel",
                    "no row of column headings with a Title column",
                )
                .into(),
            SheetIssue::MissingColumn { name } if sv => format!("kolumnen {name} saknas"),
            SheetIssue::MissingColumn { name } => format!("the column {name} is missing"),
            SheetIssue::NoSessions => self
                .pick(
                    "inga programpunkter under rubrikerna",
                    "no sessions below the headings",
                )
                .into(),
            SheetIssue::NotAWorkbook => self
                .pick(
                    "en ZIP-fil som varken är en Excel-arbetsbok (.xlsx) eller ett \
                     OpenDocument-kalkylark (.ods)",
                    "a ZIP file that is neither an Excel workbook (.xlsx) nor an \
                     OpenDocument spreadsheet (.ods)",
                )
                .into(),
            SheetIssue::WorkbookTooLarge => self
                .pick(
                    "arbetsboken packas upp till mer än 32 MB, mer än ett program behöver; \
                     läses inte. Ta bort bilder och tomma blad, eller spara som CSV.",
                    "the workbook expands to more than 32 MB, more than a programme needs; \
                     not read. Remove pictures and empty sheets, or save it as CSV.",
                )
                .into(),
            SheetIssue::WorkbookUnreadable { detail } if sv => {
                format!("arbetsboken går inte att läsa ({detail})")
            }
            SheetIssue::WorkbookUnreadable { detail } => {
                format!("the workbook cannot be read ({detail})")
            }
            SheetIssue::TooManyCells => self
                .pick(
                    "fler än 200 000 ifyllda celler; läses inte",
                    "more than 200,000 filled cells; not read",
                )
                .into(),
            SheetIssue::FormulaNotCalculated => self
                .pick(
                    "formeln har aldrig räknats ut: öppna och spara arbetsboken i Excel \
                     eller LibreOffice",
                    "the formula was never calculated: open and save the workbook in \
                     Excel or LibreOffice",
                )
                .into(),
        }
    }

    pub fn sheet_note(self, note: &SheetNote) -> String {
        let sv = self == Lang::Sv;
        match note {
            SheetNote::UnknownColumn => self
                .pick("okänd kolumn, används inte", "unknown column, not used")
                .into(),
            SheetNote::NoIdColumn => self
                .pick(
                    "ingen kolumn Id: besökarnas stjärnor och delade länkar försvinner när \
                     en programpunkts datum, start eller titel ändras. Lägg till en kolumn Id.",
                    "no Id column: visitors' stars and shared links are lost when a \
                     session's date, start or title changes. Add an Id column.",
                )
                .into(),
            SheetNote::IdMade { id } if sv => format!("tomt id, använder {id}"),
            SheetNote::IdMade { id } => format!("empty id, using {id}"),
            SheetNote::IdRewritten { from, to } if sv => {
                format!("id {from} har tecken som inte går i ett id, använder {to}")
            }
            SheetNote::IdRewritten { from, to } => {
                format!("id {from} has characters an id cannot have, using {to}")
            }
            SheetNote::RoomTwice { room, other_row } if sv => {
                format!("{room} är bokad samtidigt på rad {other_row}")
            }
            SheetNote::RoomTwice { room, other_row } => {
                format!("{room} is booked at the same time on row {other_row}")
            }
            SheetNote::SpeakerTwice { speaker, other_row } if sv => {
                format!("{speaker} talar samtidigt på rad {other_row}")
            }
            SheetNote::SpeakerTwice { speaker, other_row } => {
                format!("{speaker} speaks at the same time on row {other_row}")
            }
            SheetNote::NoEnd { minutes } if sv => {
                format!("varken slut eller längd, räknar med {minutes} minuter")
            }
            SheetNote::NoEnd { minutes } => {
                format!("neither an end nor a length, assuming {minutes} minutes")
            }
            SheetNote::LinkDropped { value } if sv => {
                format!("{value} är ingen webblänk (http/https), används inte")
            }
            SheetNote::LinkDropped { value } => {
                format!("{value} is not a web link (http/https), not used")
            }
            SheetNote::LanguageUnknown { value } if sv => {
                format!("{value} är inget språk, använder konferensens språk")
            }
            SheetNote::LanguageUnknown { value } => {
                format!("{value} is not a language, using the conference's language")
            }
            SheetNote::UnknownSetting { key } if sv => format!("okänd inställning {key}"),
            SheetNote::UnknownSetting { key } => format!("unknown setting {key}"),
            SheetNote::TimeZoneUnknown { name, used } if sv => {
                format!("okänd tidszon {name}, använder {used}")
            }
            SheetNote::TimeZoneUnknown { name, used } => {
                format!("unknown time zone {name}, using {used}")
            }
            SheetNote::SheetsIgnored { names } if sv => {
                format!(
                    "bladen {} är inte programmet och läses inte",
                    names.join(", ")
                )
            }
            SheetNote::SheetsIgnored { names } => {
                format!(
                    "the sheets {} are not the programme and are not read",
                    names.join(", ")
                )
            }
        }
    }
}
