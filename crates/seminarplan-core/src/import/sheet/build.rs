//! From the rows of a sheet to the sessions it describes, with every problem at its row
//! and column; then to a `seminarplan/1` document (in `document`).

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike};

use super::columns::{Field, Header, fold};
use super::rows::Row;
use super::values::{self, Person};
use super::{SheetIssue, SheetNote, problem};
use crate::import::text::{self as itext, Language};
use crate::import::{Warning, WarningKind};
use crate::parse::ProgrammeError;

pub(super) mod document;

pub(super) use document::{Document, document, document_leniently};

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
    pub end: NaiveTime,
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

impl Sheet {
    /// The header (the first row that is neither blank nor a comment) and the settings in
    /// the comment rows; `NoHeader` when there is no title column.
    pub(super) fn new(rows: &[Row]) -> Result<Self, Vec<ProgrammeError>> {
        let mut meta = Meta::default();
        let mut warnings = Vec::new();
        for row in rows.iter().filter(|r| r.comment().is_some()) {
            read_setting(row, &mut meta, &mut warnings);
        }
        let first = rows.iter().find(|r| !r.is_blank() && r.comment().is_none());
        let Some(first) = first else {
            return Err(vec![problem(0, "", SheetIssue::NoHeader)]);
        };
        let header = Header::new(&first.cells);
        if !header.has(Field::Title) {
            return Err(vec![problem(first.number, "", SheetIssue::NoHeader)]);
        }
        for (heading, field) in header.headings.iter().zip(&header.fields) {
            if field.is_none() && !heading.is_empty() {
                warnings.push(note(first.number, heading, SheetNote::UnknownColumn));
            }
        }
        if !header.has(Field::Id) {
            warnings.push(note(first.number, "", SheetNote::NoIdColumn));
        }
        let mut problems = Vec::new();
        if !header.has(Field::Start) {
            problems.push(problem(
                first.number,
                "",
                SheetIssue::MissingColumn {
                    name: "Start".into(),
                },
            ));
        }
        let year = values::first_year(rows.iter().map(|r| header.get(&r.cells, Field::Date)))
            .or_else(|| meta.days.first().map(|d| d.year()));
        Ok(Sheet {
            header,
            header_row: first.number,
            meta,
            problems,
            warnings,
            year,
        })
    }

    /// The session rows after the header (blank and comment rows skipped).
    pub(super) fn entries(&mut self, rows: &[Row]) -> Vec<Entry> {
        let header_row = self.header_row;
        rows.iter()
            .filter(|r| r.number > header_row && !r.is_blank() && r.comment().is_none())
            .filter_map(|r| self.entry(r))
            .collect()
    }

    fn cell<'a>(&self, row: &'a Row, field: Field) -> &'a str {
        self.header.get(&row.cells, field)
    }

    fn fail(&mut self, row: &Row, field: Field, issue: SheetIssue) {
        let column = self.header.heading(field);
        self.problems.push(problem(row.number, &column, issue));
    }

    fn warn(&mut self, row: &Row, field: Field, n: SheetNote) {
        let column = self.header.heading(field);
        self.warnings.push(note(row.number, &column, n));
    }

    fn entry(&mut self, row: &Row) -> Option<Entry> {
        let title = itext::line(self.cell(row, Field::Title));
        if title.is_empty() {
            self.fail(row, Field::Title, SheetIssue::NoTitle);
        }
        let (date, start, span_end) = self.when(row)?;
        let end = self.end(row, start, span_end)?;
        if title.is_empty() {
            return None;
        }
        let (id, id_made) = self.id(row, date, start, &title);
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
            block: optional(self.cell(row, Field::Block)).map(|b| itext::line(&b)),
            speakers: self.speakers(row),
            abstract_text: optional(self.cell(row, Field::Abstract)),
            language: self.language(row),
            level: optional(self.cell(row, Field::Level)).map(|l| itext::line(&l)),
            url: self.url(row),
            tags: values::list(self.cell(row, Field::Tags)),
            // TODO(issue 19): Field::Status (`full`, `fullbokad`) is recognised but not yet
            // read: map it to the per-session "full" status once the model has one.
            title,
        })
    }

    /// The date and start of a row, and an end written in the start cell (`09.30–10.15`).
    /// The start cell may carry the date too (`2027-03-16 09:30`).
    fn when(&mut self, row: &Row) -> Option<(NaiveDate, NaiveTime, Option<NaiveTime>)> {
        let start_cell = self.cell(row, Field::Start);
        let (date_in_start, time_text) = match start_cell.split_once(' ') {
            Some((d, t)) if crate::model::parse_date(d).is_some() => {
                (crate::model::parse_date(d), t.trim())
            }
            _ => (None, start_cell),
        };
        let date_cell = self.cell(row, Field::Date);
        let date = match (date_cell.is_empty(), date_in_start) {
            (true, Some(d)) => Some(d),
            (true, None) => {
                self.fail(row, Field::Date, SheetIssue::NoDate);
                None
            }
            (false, _) => {
                let d = values::date(date_cell, self.year);
                if d.is_none() {
                    let value = date_cell.to_owned();
                    self.fail(row, Field::Date, SheetIssue::NotADate { value });
                }
                d
            }
        };
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
        Some((date?, start, end))
    }

    /// The end: the End column, else the start cell's span, else start plus the length.
    fn end(
        &mut self,
        row: &Row,
        start: NaiveTime,
        span_end: Option<NaiveTime>,
    ) -> Option<NaiveTime> {
        let end_cell = self.cell(row, Field::End);
        let length = self.cell(row, Field::Duration);
        let (end, field) = if !end_cell.is_empty() {
            let Some(t) = values::time(end_cell) else {
                let value = end_cell.to_owned();
                self.fail(row, Field::End, SheetIssue::NotATime { value });
                return None;
            };
            (t, Field::End)
        } else if let Some(t) = span_end {
            (t, Field::Start)
        } else if !length.is_empty() {
            let Some(d) = values::duration(length) else {
                let value = length.to_owned();
                self.fail(row, Field::Duration, SheetIssue::NotADuration { value });
                return None;
            };
            let (t, wrapped) = start.overflowing_add_signed(d);
            if wrapped != 0 {
                self.fail(
                    row,
                    Field::Duration,
                    SheetIssue::EndNotAfterStart {
                        start: hhmm(start),
                        end: hhmm(t),
                    },
                );
                return None;
            }
            (t, Field::Duration)
        } else {
            self.warn(
                row,
                Field::Start,
                SheetNote::NoEnd {
                    minutes: DEFAULT_MINUTES,
                },
            );
            let (t, _) = start.overflowing_add_signed(Duration::minutes(DEFAULT_MINUTES));
            (t.max(start), Field::Start)
        };
        if end <= start {
            let (start, end) = (hhmm(start), hhmm(end));
            self.fail(row, field, SheetIssue::EndNotAfterStart { start, end });
            return None;
        }
        Some(end)
    }

    /// The row's id, and whether it was made from the row rather than written.
    fn id(&mut self, row: &Row, date: NaiveDate, start: NaiveTime, title: &str) -> (String, bool) {
        let cell = self.cell(row, Field::Id).trim().to_owned();
        if cell.is_empty() {
            // Written by hand: chrono's `format` would bring its strftime code into the wasm.
            let made = format!(
                "{:02}{:02}-{:02}{:02}-{}",
                date.month(),
                date.day(),
                start.hour(),
                start.minute(),
                slug(title)
            );
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
                .filter_map(|d| values::date(d, None))
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
