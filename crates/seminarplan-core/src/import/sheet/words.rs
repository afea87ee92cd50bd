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
            SheetIssue::DateOrderUnknown { value } if sv => format!(
                "{value} kan vara både dag/månad och månad/dag, och det kan alla datum med / i \
                 arket: skriv datumen som 2027-03-16 eller 16 mars 2027"
            ),
            SheetIssue::DateOrderUnknown { value } => format!(
                "{value} can be day/month or month/day, and so can every date with / in the \
                 sheet: write the dates as 2027-03-16 or 16 March 2027"
            ),
            SheetIssue::DateOrder { value, day_first } if sv => {
                let (theirs, this) = order_words_sv(*day_first);
                format!(
                    "{value} går bara att läsa som {this}, men arkets andra datum är {theirs}: \
                     skriv alla datum på samma sätt"
                )
            }
            SheetIssue::DateOrder { value, day_first } => {
                let (theirs, this) = order_words_en(*day_first);
                format!(
                    "{value} can only be read as {this}, but the sheet's other dates are \
                     {theirs}: write every date the same way"
                )
            }
            SheetIssue::BlockPastMidnight { block } if sv => format!(
                "passet {block} fortsätter efter midnatt: ett pass ligger inom en dag, ta \
                 bort passet från raden eller rätta sluttiden"
            ),
            SheetIssue::BlockPastMidnight { block } => format!(
                "the block {block} goes on past midnight: a block is within one day, take \
                 the row out of the block or correct its end"
            ),
            SheetIssue::Worded { sv: swedish, en } => if sv { swedish } else { en }.clone(),
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
                    "ingen kolumn Id: programpunkterna känns igen på sina titlar, så en \
                     besökares stjärna på en programpunkt som byter titel följer bara med \
                     om tid och lokal är desamma. Lägg till en kolumn Id.",
                    "no Id column: sessions are known by their titles, so a visitor's star \
                     on a session whose title changes follows it only if its time and room \
                     stay the same. Add an Id column.",
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
            SheetNote::MoreUnknownColumns { count } if sv => {
                format!("och {count} okända kolumner till, används inte")
            }
            SheetNote::MoreUnknownColumns { count } => {
                format!("and {count} more unknown columns, not used")
            }
            SheetNote::IdFromDays { id } if sv => format!(
                "ingen rad # Id: programmets id blir {id}, efter första dagen. Skriv en rad \
                 # Id: med ett kort namn (till exempel # Id: inkopsforum-2027) så att \
                 besökarnas planer följer med om dagarna flyttas."
            ),
            SheetNote::IdFromDays { id } => format!(
                "no # Id: row: the programme's id is {id}, from its first day. Write a row \
                 # Id: with a short name (say # Id: inkopsforum-2027) so that visitors' \
                 plans follow if the days move."
            ),
            SheetNote::DatesFilled { rows } if sv => format!(
                "tomt datum på {}: samma dag som raden ovanför",
                rows_sv(rows)
            ),
            SheetNote::DatesFilled { rows } => format!(
                "empty date on {}: the same day as the row above",
                rows_en(rows)
            ),
            SheetNote::BlocksFilled { rows } if sv => format!(
                "tomt pass på {}: samma pass som raden ovanför, som börjar samma dag och tid",
                rows_sv(rows)
            ),
            SheetNote::BlocksFilled { rows } => format!(
                "empty block on {}: the block of the row above, which starts on the same \
                 day at the same time",
                rows_en(rows)
            ),
            SheetNote::RowsNotUsed { rows } if sv => format!(
                "{} är ingen programpunkt (bara en cell ifylld, eller varken titel eller \
                 starttid) och används inte",
                capital(&rows_sv(rows))
            ),
            SheetNote::RowsNotUsed { rows } => format!(
                "{} {} (only one cell filled in, or neither a title nor a start)",
                capital(&rows_en(rows)),
                if rows.len() == 1 {
                    "is not a session and is not used"
                } else {
                    "are not sessions and are not used"
                }
            ),
            SheetNote::EndsNextDay { end } if sv => {
                format!("slutar {end} dagen efter (sluttiden är före starttiden)")
            }
            SheetNote::EndsNextDay { end } => {
                format!("ends at {end} the next day (the end is before the start)")
            }
            SheetNote::Cancelled { value } if sv => {
                format!("{value}: programpunkten visas inte")
            }
            SheetNote::Cancelled { value } => format!("{value}: the session is not shown"),
            SheetNote::StatusUnknown { value } if sv => format!(
                "okänd status {value}, visas som öppen (skriv fullbokad, inställd eller \
                 lämna tomt)"
            ),
            SheetNote::StatusUnknown { value } => format!(
                "unknown status {value}, shown as open (write full, cancelled or leave it \
                 empty)"
            ),
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

/// (the sheet's order, this date's order) in Swedish.
fn order_words_sv(day_first: bool) -> (&'static str, &'static str) {
    if day_first {
        ("dag/månad", "månad/dag")
    } else {
        ("månad/dag", "dag/månad")
    }
}

/// (the sheet's order, this date's order) in English.
fn order_words_en(day_first: bool) -> (&'static str, &'static str) {
    if day_first {
        ("day/month", "month/day")
    } else {
        ("month/day", "day/month")
    }
}

/// Rows as a list with runs joined: `rad 3–5, 9` / `rader 3–5, 9`.
fn row_list(rows: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}–{}", rows[i], rows[j])
        } else {
            rows[i].to_string()
        });
        i = j + 1;
    }
    parts.join(", ")
}

fn rows_sv(rows: &[usize]) -> String {
    format!("rad {}", row_list(rows))
}

fn rows_en(rows: &[usize]) -> String {
    let word = if rows.len() == 1 { "row" } else { "rows" };
    format!("{word} {}", row_list(rows))
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
