//! From the rows of a sheet to the sessions it describes, with every problem at its row
//! and column; then to a `seminarplan/1` document (in `document`).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::columns::{Field, Header, fold};
use super::rows::{self, Row};
use super::values::{self, Fits, Order, Person, Said};
use super::{SheetIssue, SheetNote, problem};
use crate::import::text::{self as itext, Language};
use crate::import::{Warning, WarningKind};
use crate::parse::ProgrammeError;

pub(super) mod document;

pub(super) use document::{Document, document, document_as, document_leniently};

/// Length assumed for a session with neither an end nor a length.
const DEFAULT_MINUTES: i64 = 30;

/// What the comment rows say about the conference (`# Konferens: …`).
#[derive(Default)]
pub(super) struct Meta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub zone: Option<String>,
    pub language: Option<String>,
    pub id: Option<String>,
    pub revision: Option<String>,
    pub url: Option<String>,
    pub days: Vec<NaiveDate>,
    /// The rooms in the order the grid shows them (`# Lokaler: Stora salen, Sal A`).
    pub rooms: Vec<String>,
}

/// One session as its row gives it.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub row: usize,
    pub id: String,
    /// Whether the id was made from the row (no Id cell).
    pub id_made: bool,
    pub title: String,
    pub subtitle: Option<String>,
    pub date: NaiveDate,
    pub start: NaiveTime,
    /// The end, on the session's date or after it (past midnight).
    pub end: NaiveDateTime,
    pub room: Option<String>,
    pub themes: Vec<String>,
    pub type_name: Option<String>,
    pub block: Option<String>,
    pub speakers: Vec<Person>,
    pub abstract_text: Option<String>,
    pub language: Option<String>,
    pub level: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub full: bool,
}

impl Entry {
    /// The start as a date and time.
    pub(super) fn starts(&self) -> NaiveDateTime {
        self.date.and_time(self.start)
    }
}

/// The date of the rows above, for a row whose Datum cell is empty.
#[derive(Clone, Copy)]
enum Above {
    /// No row above has a date.
    Nothing,
    /// The row above gave a date that could not be read (its problem is reported there).
    Unreadable,
    Date(NaiveDate),
}

/// What the rows read so far pass on to the next one: dates and block names are often
/// written only on the first row of a day or a block (what merged cells export as).
struct Carried {
    date: Above,
    /// The last session's date, start and block.
    last: Option<(NaiveDate, NaiveTime, Option<String>)>,
    /// Rows whose date was taken from the row above.
    dates_filled: Vec<usize>,
    /// Rows whose block was taken from the row above.
    blocks_filled: Vec<usize>,
    /// Rows that are not sessions (a title row, notes, totals, a day's heading).
    not_used: Vec<usize>,
}

/// The sheet being read: its header, what was found wrong and what was noted.
pub(super) struct Sheet {
    pub header: Header,
    pub header_row: usize,
    pub meta: Meta,
    pub problems: Vec<ProgrammeError>,
    pub warnings: Vec<Warning>,
    /// The year of the first full date, for dates written without one.
    year: Option<i32>,
    /// The order of every date written with slashes, from those that can be read one way
    /// only; `None` when there is none, or no way to tell.
    order: Option<Order>,
    /// Whether dates written with slashes could not be told apart (reported once).
    order_unknown: bool,
}

pub(super) fn note(row: usize, column: &str, note: SheetNote) -> Warning {
    Warning {
        path: String::new(),
        message: WarningKind::Sheet {
            row,
            column: column.to_owned(),
            note,
        },
    }
}

/// A cell's text, if any (`parse` removes disguising characters from what it shows).
fn optional(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// Unknown columns named one by one; more are counted in one note.
const UNKNOWN_COLUMNS_NAMED: usize = 10;
/// The longest a session may last when it ends past midnight by an end at or before its
/// start: longer, and the end is a typing error (`13.00`–`12.00`), not a night.
const NIGHT_HOURS: i64 = 12;

impl Sheet {
    /// The header (the first of the top rows naming a Title column and another known
    /// one; blank rows, comment rows and a title row above it aside) and the settings in
    /// the comment rows; `NoHeader` when there is none.
    pub(super) fn new(rows: &[Row]) -> Result<Self, Vec<ProgrammeError>> {
        let mut meta = Meta::default();
        let mut warnings = Vec::new();
        for row in rows.iter().filter(|r| r.comment().is_some()) {
            read_setting(row, &mut meta, &mut warnings);
        }
        let Some((at, header)) = rows::find_header(rows) else {
            let first = rows.iter().find(|r| !r.is_blank() && r.comment().is_none());
            let row = first.map_or(0, |r| r.number);
            return Err(vec![problem(row, "", SheetIssue::NoHeader)]);
        };
        let header_row = rows[at].number;
        unknown_columns(&header, header_row, &mut warnings);
        if !header.has(Field::Id) {
            warnings.push(note(header_row, "", SheetNote::NoIdColumn));
        }
        let mut problems = Vec::new();
        if !header.has(Field::Start) {
            let name = "Start".into();
            problems.push(problem(header_row, "", SheetIssue::MissingColumn { name }));
        }
        let mut sheet = Sheet {
            header,
            header_row,
            meta,
            problems,
            warnings,
            year: None,
            order: None,
            order_unknown: false,
        };
        sheet.settle_dates(&rows[at + 1..]);
        Ok(sheet)
    }

    /// The order of dates with slashes, for the whole sheet, and the year of dates
    /// written without one.
    fn settle_dates(&mut self, rows: &[Row]) {
        let cells: Vec<(usize, &str)> = rows
            .iter()
            .map(|r| (r.number, self.cell(r, Field::Date)))
            .collect();
        let year = values::first_year(cells.iter().map(|c| c.1), None)
            .or_else(|| self.meta.days.first().map(|d| d.year()));
        let (mut day, mut month, mut both) = (0usize, 0usize, None);
        for &(row, cell) in &cells {
            match values::fits(cell, year) {
                Some(Fits::DayFirst) => day += 1,
                Some(Fits::MonthFirst) => month += 1,
                Some(Fits::Both) => both = both.or(Some((row, cell.to_owned()))),
                None => {}
            }
        }
        self.order = if day > 0 || month > 0 {
            Some(if month > day {
                Order::MonthFirst
            } else {
                Order::DayFirst
            })
        } else {
            both.as_ref()
                .and_then(|_| self.order_from_days(&cells, year))
        };
        if let (None, Some((row, value))) = (self.order, both) {
            self.order_unknown = true;
            let column = self.header.heading(Field::Date);
            let issue = SheetIssue::DateOrderUnknown { value };
            self.problems.push(problem(row, &column, issue));
        }
        self.year = values::first_year(cells.iter().map(|c| c.1), self.order).or(year);
    }

    /// The order in which every date with slashes is one of the days `# Dagar` names,
    /// when only one order does that.
    fn order_from_days(&self, cells: &[(usize, &str)], year: Option<i32>) -> Option<Order> {
        let mut days = self.meta.days.clone();
        days.sort_unstable();
        let fit = |order| {
            !days.is_empty()
                && cells.iter().all(|&(_, cell)| {
                    values::fits(cell, year).is_none()
                        || values::date(cell, year, Some(order))
                            .is_some_and(|d| days.binary_search(&d).is_ok())
                })
        };
        match (fit(Order::DayFirst), fit(Order::MonthFirst)) {
            (true, false) => Some(Order::DayFirst),
            (false, true) => Some(Order::MonthFirst),
            _ => None,
        }
    }

    /// The session rows after the header; blank rows, comment rows and rows that are not
    /// sessions (notes, totals, a day's heading) skipped, the last said in one note.
    pub(super) fn entries(&mut self, rows: &[Row]) -> Vec<Entry> {
        let header_row = self.header_row;
        let mut carried = Carried {
            date: Above::Nothing,
            last: None,
            dates_filled: Vec::new(),
            blocks_filled: Vec::new(),
            not_used: rows
                .iter()
                .filter(|r| r.number < header_row && !r.is_blank() && r.comment().is_none())
                .map(|r| r.number)
                .collect(),
        };
        let mut entries = Vec::new();
        for row in rows
            .iter()
            .filter(|r| r.number > header_row && !r.is_blank() && r.comment().is_none())
        {
            match self.not_a_session(row, &mut carried) {
                Skip::No => {}
                Skip::DayHeading => continue,
                Skip::NotUsed => {
                    carried.not_used.push(row.number);
                    continue;
                }
            }
            if let Some(entry) = self.entry(row, &mut carried) {
                carried.last = Some((entry.date, entry.start, entry.block.clone()));
                entries.push(entry);
            }
        }
        self.carried_notes(carried);
        entries
    }

    /// Notes for what the rows carried: filled-down dates and blocks, rows not used.
    fn carried_notes(&mut self, carried: Carried) {
        if !carried.dates_filled.is_empty() {
            let rows = carried.dates_filled;
            let column = self.header.heading(Field::Date);
            self.warnings
                .push(note(0, &column, SheetNote::DatesFilled { rows }));
        }
        if !carried.blocks_filled.is_empty() {
            let rows = carried.blocks_filled;
            let column = self.header.heading(Field::Block);
            self.warnings
                .push(note(0, &column, SheetNote::BlocksFilled { rows }));
        }
        if !carried.not_used.is_empty() {
            let rows = carried.not_used;
            self.warnings
                .push(note(0, "", SheetNote::RowsNotUsed { rows }));
        }
    }

    /// A row that is no session: it has no start, end or length, and only one cell
    /// filled in (a title row, a note, a day's heading; a date alone is the date of the
    /// rows below), or no title (totals), or something else than a date in its Datum
    /// cell (`Summa`).
    fn not_a_session(&self, row: &Row, carried: &mut Carried) -> Skip {
        let empty = |field| self.cell(row, field).is_empty();
        if !(empty(Field::Start) && empty(Field::End) && empty(Field::Duration)) {
            return Skip::No;
        }
        let date_cell = self.cell(row, Field::Date);
        let date = values::date(date_cell, self.year, self.order);
        let alone = row.filled() == 1;
        if !(alone || empty(Field::Title) || (!date_cell.is_empty() && date.is_none())) {
            return Skip::No;
        }
        // A day's heading (`onsdag 17 mars 2027`), in whatever column: the date of the
        // rows below.
        let heading = row.cells.iter().find(|c| !c.is_empty());
        if let Some(d) = heading
            .filter(|_| alone)
            .and_then(|c| values::date(c, self.year, self.order))
        {
            carried.date = Above::Date(d);
            return Skip::DayHeading;
        }
        Skip::NotUsed
    }

    /// The cell of `field` in the row: a leading apostrophe (which spreadsheet programs
    /// use to keep `'09.30` as text) is not part of it.
    fn cell<'a>(&self, row: &'a Row, field: Field) -> &'a str {
        let cell = self.header.get(&row.cells, field);
        cell.strip_prefix('\'').map_or(cell, str::trim)
    }

    fn fail(&mut self, row: &Row, field: Field, issue: SheetIssue) {
        let column = self.header.heading(field);
        self.problems.push(problem(row.number, &column, issue));
    }

    fn warn(&mut self, row: &Row, field: Field, n: SheetNote) {
        let column = self.header.heading(field);
        self.warnings.push(note(row.number, &column, n));
    }

    fn entry(&mut self, row: &Row, carried: &mut Carried) -> Option<Entry> {
        let title = itext::line(self.cell(row, Field::Title));
        if title.is_empty() {
            self.fail(row, Field::Title, SheetIssue::NoTitle);
        }
        let (date, start, span_end) = self.when(row, carried)?;
        let end = self.end(row, date.and_time(start), span_end)?;
        let full = self.status(row)?;
        if title.is_empty() {
            return None;
        }
        let block = self.block(row, date, start, carried);
        let (id, id_made) = self.id(row, &title);
        Some(Entry {
            row: row.number,
            id,
            id_made,
            subtitle: optional(self.cell(row, Field::Subtitle)),
            date,
            start,
            end,
            room: optional(self.cell(row, Field::Room)).map(|r| itext::line(&r)),
            themes: values::list(self.cell(row, Field::Theme)),
            type_name: optional(self.cell(row, Field::Type)).map(|t| itext::line(&t)),
            block,
            speakers: self.speakers(row),
            abstract_text: optional(self.cell(row, Field::Abstract)),
            language: self.language(row),
            level: optional(self.cell(row, Field::Level)).map(|l| itext::line(&l)),
            url: self.url(row),
            tags: values::list(self.cell(row, Field::Tags)),
            full,
            title,
        })
    }

    /// The block of a row: its Pass cell; an empty one is the block of the row above
    /// when both start on the same day at the same time (parallel sessions of one block,
    /// the block's name written once or in merged cells). A plenary or a break between
    /// blocks starts at another time, so it is never put in a block it is not in.
    fn block(
        &self,
        row: &Row,
        date: NaiveDate,
        start: NaiveTime,
        carried: &mut Carried,
    ) -> Option<String> {
        if let Some(block) = optional(self.cell(row, Field::Block)) {
            return Some(itext::line(&block));
        }
        let (d, s, block) = carried.last.as_ref()?;
        let block = block.clone().filter(|_| (*d, *s) == (date, start))?;
        carried.blocks_filled.push(row.number);
        Some(block)
    }

    /// Whether the session is fully booked (`Some(true)`), open (`Some(false)`) or
    /// cancelled (`None`: left out, and said so).
    fn status(&mut self, row: &Row) -> Option<bool> {
        let cell = self.cell(row, Field::Status);
        match values::status(cell) {
            Some(Said::Open) => Some(false),
            Some(Said::Full) => Some(true),
            Some(Said::Cancelled) => {
                let value = cell.to_owned();
                self.warn(row, Field::Status, SheetNote::Cancelled { value });
                None
            }
            None => {
                let value = cell.to_owned();
                self.warn(row, Field::Status, SheetNote::StatusUnknown { value });
                Some(false)
            }
        }
    }

    /// The date and start of a row, and an end written in the start cell (`09.30–10.15`).
    /// The start cell may carry the date too (`2027-03-16 09:30`); an empty date is the
    /// date of the rows above.
    fn when(
        &mut self,
        row: &Row,
        carried: &mut Carried,
    ) -> Option<(NaiveDate, NaiveTime, Option<Written>)> {
        let start_cell = self.cell(row, Field::Start);
        let (date_in_start, time_text) = match start_cell.split_once(' ') {
            Some((d, t)) if crate::model::parse_date(d).is_some() => {
                (crate::model::parse_date(d), t.trim())
            }
            _ => (None, start_cell),
        };
        let date = self.date(row, date_in_start, carried);
        let span = if time_text.is_empty() {
            self.fail(row, Field::Start, SheetIssue::NoStart);
            None
        } else {
            let s = values::time_span(time_text);
            if s.is_none() {
                let value = time_text.to_owned();
                self.fail(row, Field::Start, SheetIssue::NotATime { value });
            }
            s
        };
        let (start, end) = span?;
        let end = end.map(|t| Written::Time(t, Field::Start));
        Some((date?, start, end))
    }

    /// The row's date: its Datum cell, else a date in its start cell, else the date of
    /// the rows above (noted once for all such rows).
    fn date(
        &mut self,
        row: &Row,
        in_start: Option<NaiveDate>,
        carried: &mut Carried,
    ) -> Option<NaiveDate> {
        let cell = self.cell(row, Field::Date);
        if cell.is_empty() {
            return match (in_start, carried.date) {
                (Some(d), _) => Some(d),
                (None, Above::Date(d)) => {
                    carried.dates_filled.push(row.number);
                    Some(d)
                }
                (None, Above::Unreadable) => None,
                (None, Above::Nothing) => {
                    self.fail(row, Field::Date, SheetIssue::NoDate);
                    None
                }
            };
        }
        let d = values::date(cell, self.year, self.order);
        carried.date = d.map_or(Above::Unreadable, Above::Date);
        if d.is_none() {
            let value = cell.to_owned();
            let issue = match (self.order, values::fits(cell, self.year)) {
                // Reported once for the sheet.
                (None, Some(Fits::Both)) if self.order_unknown => return None,
                (Some(order), Some(_)) => SheetIssue::DateOrder {
                    value,
                    day_first: order == Order::DayFirst,
                },
                _ => SheetIssue::NotADate { value },
            };
            self.fail(row, Field::Date, issue);
        }
        d
    }

    /// The end: the End column, else the start cell's span, else start plus the length.
    /// An end at or before the start is past midnight (a dinner `19.30`–`01.00`), when
    /// that makes the session last at most [`NIGHT_HOURS`]; `24.00` is midnight.
    fn end(
        &mut self,
        row: &Row,
        start: NaiveDateTime,
        span_end: Option<Written>,
    ) -> Option<NaiveDateTime> {
        let end_cell = self.cell(row, Field::End);
        let length = self.cell(row, Field::Duration);
        let written = if !end_cell.is_empty() {
            if values::is_midnight_after(end_cell) {
                Written::Midnight
            } else if let Some(t) = values::time(end_cell) {
                Written::Time(t, Field::End)
            } else {
                let value = end_cell.to_owned();
                self.fail(row, Field::End, SheetIssue::NotATime { value });
                return None;
            }
        } else if let Some(w) = span_end {
            w
        } else if !length.is_empty() {
            let Some(d) = values::duration(length) else {
                let value = length.to_owned();
                self.fail(row, Field::Duration, SheetIssue::NotADuration { value });
                return None;
            };
            return Some(start + d);
        } else {
            let minutes = DEFAULT_MINUTES;
            self.warn(row, Field::Start, SheetNote::NoEnd { minutes });
            return Some(start + Duration::minutes(DEFAULT_MINUTES));
        };
        let (t, field) = match written {
            Written::Midnight => {
                return Some(start.date().and_time(NaiveTime::MIN) + Duration::days(1));
            }
            Written::Time(t, field) => (t, field),
        };
        let same_day = start.date().and_time(t);
        if same_day > start {
            return Some(same_day);
        }
        let next_day = same_day + Duration::days(1);
        if next_day - start > Duration::hours(NIGHT_HOURS) {
            let (start, end) = (hhmm(start.time()), hhmm(t));
            self.fail(row, field, SheetIssue::EndNotAfterStart { start, end });
            return None;
        }
        let end = hhmm(t);
        self.warn(row, field, SheetNote::EndsNextDay { end });
        Some(next_day)
    }

    /// The row's id as written in the Id column, or, when the cell is empty, the slug of
    /// its title, made unique later (`document::unique_ids`).
    fn id(&mut self, row: &Row, title: &str) -> (String, bool) {
        let cell = self.cell(row, Field::Id).trim().to_owned();
        if cell.is_empty() {
            let made = made_id(title);
            if self.header.has(Field::Id) {
                self.warn(row, Field::Id, SheetNote::IdMade { id: made.clone() });
            }
            return (made, true);
        }
        if crate::parse::valid_id(&cell) {
            return (cell, false);
        }
        let to = match slug(&cell) {
            s if s.is_empty() => format!("rad-{}", row.number),
            s => s,
        };
        self.warn(
            row,
            Field::Id,
            SheetNote::IdRewritten {
                from: cell,
                to: to.clone(),
            },
        );
        (to, false)
    }

    /// Speakers of the cell; the Organisation column names the organisation of those
    /// whose brackets do not.
    fn speakers(&self, row: &Row) -> Vec<Person> {
        let org = optional(self.cell(row, Field::Organisation));
        values::people(self.cell(row, Field::Speakers))
            .into_iter()
            .map(|mut p| {
                if p.organisation.is_none() {
                    p.organisation.clone_from(&org);
                }
                p
            })
            .collect()
    }

    fn language(&mut self, row: &Row) -> Option<String> {
        let raw = self.cell(row, Field::Language);
        match itext::language(raw) {
            Language::Empty => None,
            Language::Code { code, .. } => Some(code),
            Language::Unknown => {
                let value = raw.to_owned();
                self.warn(row, Field::Language, SheetNote::LanguageUnknown { value });
                None
            }
        }
    }

    fn url(&mut self, row: &Row) -> Option<String> {
        let raw = self.cell(row, Field::Url);
        if raw.is_empty() {
            return None;
        }
        let url = itext::web_url(raw);
        if url.is_none() {
            let value = raw.to_owned();
            self.warn(row, Field::Url, SheetNote::LinkDropped { value });
        }
        url
    }
}

/// Whether a row is left out of the sessions, and why.
enum Skip {
    No,
    /// A day's heading: the date of the rows below.
    DayHeading,
    /// Not a session: said in one note.
    NotUsed,
}

/// An end as written: a time in a column, or `24.00`.
#[derive(Clone, Copy)]
enum Written {
    Time(NaiveTime, Field),
    Midnight,
}

/// Notes for the header's unknown columns: the first few by name, the rest counted.
fn unknown_columns(header: &Header, row: usize, warnings: &mut Vec<Warning>) {
    let unknown: Vec<&String> = header
        .headings
        .iter()
        .zip(&header.fields)
        .filter(|(heading, field)| field.is_none() && !heading.is_empty())
        .map(|(heading, _)| heading)
        .collect();
    for heading in unknown.iter().take(UNKNOWN_COLUMNS_NAMED) {
        warnings.push(note(row, heading, SheetNote::UnknownColumn));
    }
    if unknown.len() > UNKNOWN_COLUMNS_NAMED {
        let count = unknown.len() - UNKNOWN_COLUMNS_NAMED;
        warnings.push(note(row, "", SheetNote::MoreUnknownColumns { count }));
    }
}

/// The longest part of a made id taken from a title.
const MADE_ID_CHARS: usize = 60;

/// An id made from a title: its slug, cut at a word within [`MADE_ID_CHARS`]; `punkt`
/// for a title with no letter or digit.
pub(super) fn made_id(title: &str) -> String {
    let s = slug(title);
    let s = if s.len() > MADE_ID_CHARS {
        let mut end = MADE_ID_CHARS;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let cut = s.get(..end).unwrap_or_default();
        cut.rfind('-')
            .and_then(|i| cut.get(..i))
            .unwrap_or(cut)
            .to_owned()
    } else {
        s
    };
    if s.is_empty() { "punkt".to_owned() } else { s }
}

/// `HH:MM`.
pub(super) fn hhmm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A name as an ASCII-friendly id: `Linnésalen` → `linnesalen`, `Sal A` → `sal-a`.
pub(super) fn slug(name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'Å' | 'Ä' | 'À' | 'Á' | 'Â' => 'A',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'Ö' | 'Ø' | 'Ó' | 'Ò' | 'Ô' => 'O',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'ü' | 'ú' | 'ù' => 'u',
            'Ü' | 'Ú' | 'Ù' => 'U',
            'í' | 'ì' | 'ï' => 'i',
            'Í' | 'Ì' | 'Ï' => 'I',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ç' => 'c',
            'Ç' => 'C',
            c => c,
        })
        .collect();
    itext::slug(&plain)
}

/// `# Key: value` rows: the conference's title, place, zone, language, days, ….
fn read_setting(row: &Row, meta: &mut Meta, warnings: &mut Vec<Warning>) {
    let text = row.cells.join(", ");
    let text = text.trim_start_matches('#').trim();
    let Some((key, value)) = text.split_once(':') else {
        return;
    };
    let value = value.trim().trim_end_matches([',', ' ']).to_owned();
    let slot = match fold(key).as_str() {
        "konferens" | "conference" | "titel" | "title" => &mut meta.title,
        "undertitel" | "subtitle" => &mut meta.subtitle,
        "plats" | "venue" | "lokal" | "anlaggning" => &mut meta.venue,
        "stad" | "city" | "ort" => &mut meta.city,
        "tidszon" | "timezone" | "zon" => &mut meta.zone,
        "sprak" | "language" => &mut meta.language,
        "id" | "programid" => &mut meta.id,
        "version" | "revision" | "andrad" | "updated" => &mut meta.revision,
        "webbplats" | "website" | "url" | "lank" | "link" => &mut meta.url,
        "lokaler" | "salar" | "rooms" => {
            meta.rooms = values::list(&value);
            return;
        }
        "dagar" | "days" => {
            meta.days = values::list(&value)
                .iter()
                .filter_map(|d| values::date(d, None, None))
                .collect();
            return;
        }
        _ => {
            if !key.trim().contains(' ') && !key.trim().is_empty() {
                let key = key.trim().to_owned();
                warnings.push(note(row.number, "", SheetNote::UnknownSetting { key }));
            }
            return;
        }
    };
    if !value.is_empty() {
        *slot = Some(value);
    }
}
