//! The sessions of a sheet as a programme's shape (`parse::raw`): rooms, themes, types, levels,
//! blocks and speakers made from their names; ids checked; conference days settled.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use super::super::checks;
use super::super::columns::{Field, fold};
use super::super::rows::Row;
use super::super::{SheetIssue, SheetNote, problem};
use super::{Entry, Sheet, note, slug};
use crate::import::Warning;
use crate::import::text::{self as itext, Language, PALETTE};
use crate::import::time::{self, Rule};
use crate::model::{Kind, Status, Text};
use crate::parse::{ProgrammeError, raw};

/// The zone of a sheet that names none.
const DEFAULT_ZONE: &str = "Europe/Stockholm";
/// A date this many days from the sheet's most used date is taken for a typing error.
const FAR_DAYS: i64 = 14;

/// A sheet read into a programme's shape, not yet validated, with what the organiser
/// should know.
pub(in super::super) struct Document {
    pub shape: raw::Programme,
    pub warnings: Vec<Warning>,
}

/// Reads the rows into a document, or every problem found.
pub(in super::super) fn document(rows: &[Row]) -> Result<Document, Vec<ProgrammeError>> {
    document_as(rows, false).map(|(document, _)| document)
}

/// Reads the rows into a document without the rows that have a problem, and their
/// problems; every problem when no row is left (the widget's reading for visitors).
pub(in super::super) fn document_leniently(
    rows: &[Row],
) -> Result<(Document, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    document_as(rows, true)
}

fn document_as(
    rows: &[Row],
    lenient: bool,
) -> Result<(Document, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    let mut sheet = Sheet::new(rows)?;
    let mut entries = sheet.entries(rows);
    unique_ids(&mut sheet, &mut entries);
    let days = days(&mut sheet, &entries);
    if entries.is_empty() && sheet.problems.is_empty() {
        let row = sheet.header_row;
        sheet
            .problems
            .push(problem(row, "", SheetIssue::NoSessions));
    }
    let row_of = |p: &ProgrammeError| match &p.problem {
        crate::parse::Problem::Sheet { row, .. } => *row,
        _ => 0,
    };
    let mut problems = std::mem::take(&mut sheet.problems);
    problems.sort_by_key(row_of);
    // Sorted by row already: no set needed.
    let bad: Vec<usize> = problems.iter().map(row_of).collect();
    entries.retain(|e| bad.binary_search(&e.row).is_err());
    if !problems.is_empty() && (!lenient || entries.is_empty() || bad.first() == Some(&0)) {
        return Err(problems);
    }
    let rule = zone(&mut sheet);
    checks::collisions(&entries, &sheet.header, &mut sheet.warnings);
    let shape = Builder::new(rule).programme(&sheet, entries, &days);
    let document = Document {
        shape,
        warnings: sheet.warnings,
    };
    Ok((document, problems))
}

/// Written ids used twice are errors; ids made from rows get the room, then a number.
fn unique_ids(sheet: &mut Sheet, entries: &mut [Entry]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut ids = Ids::default();
    for e in entries.iter().filter(|e| !e.id_made) {
        if let Some(&other_row) = seen.get(&e.id) {
            let column = sheet.header.heading(Field::Id);
            let issue = SheetIssue::DuplicateId {
                id: e.id.clone(),
                other_row,
            };
            sheet.problems.push(problem(e.row, &column, issue));
        } else {
            seen.insert(e.id.clone(), e.row);
            ids.used.insert(e.id.clone());
        }
    }
    let mut made: HashMap<String, usize> = HashMap::new();
    for e in entries.iter().filter(|e| e.id_made) {
        *made.entry(e.id.clone()).or_default() += 1;
    }
    for e in entries.iter_mut().filter(|e| e.id_made) {
        if made[&e.id] > 1
            && let Some(room) = &e.room
        {
            e.id = format!("{}-{}", e.id, slug(room));
        }
        e.id = ids.claim(&e.id);
    }
}

/// The conference days: those the sheet names (`# Dagar:`), else every date used. A date
/// outside them, or far from the others (a typing error), is a problem at its row.
fn days(sheet: &mut Sheet, entries: &[Entry]) -> Vec<NaiveDate> {
    let mut days = sheet.meta.days.clone();
    if days.is_empty() {
        let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for e in entries {
            *counts.entry(e.date).or_default() += 1;
        }
        let most = counts.iter().max_by_key(|&(_, n)| *n).map(|(d, _)| *d);
        days = counts
            .keys()
            .copied()
            .filter(|d| most.is_none_or(|m| (*d - m).num_days().abs() <= FAR_DAYS))
            .collect();
    }
    days.sort_unstable();
    days.dedup();
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return days;
    };
    let column = sheet.header.heading(Field::Date);
    for e in entries
        .iter()
        .filter(|e| days.binary_search(&e.date).is_err())
    {
        let issue = SheetIssue::OutsideDays {
            date: e.date,
            first,
            last,
        };
        sheet.problems.push(problem(e.row, &column, issue));
    }
    days
}

/// The zone's rule (`# Tidszon:`, else Europe/Stockholm).
fn zone(sheet: &mut Sheet) -> (String, Rule) {
    let name = sheet
        .meta
        .zone
        .clone()
        .unwrap_or_else(|| DEFAULT_ZONE.into());
    match time::rule_for(&name) {
        Some(rule) => (name, rule),
        None => {
            let used = DEFAULT_ZONE.to_owned();
            let n = SheetNote::TimeZoneUnknown { name, used };
            sheet.warnings.push(note(0, "", n));
            (DEFAULT_ZONE.into(), Rule::Eu { std: 3600 })
        }
    }
}

/// Hands out ids unique within one list: `base`, else `base-2`, `base-3`, …; remembers
/// the next number of each base, so that a thousand people called Anna Berg cost no more
/// than one each.
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn claim(&mut self, base: &str) -> String {
        if self.used.insert(base.to_owned()) {
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let candidate = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// Things made from their names (rooms, themes, …): an id for each spelling, case and
/// spacing aside, in order of first use.
#[derive(Default)]
struct Named {
    ids: Ids,
    by_key: HashMap<String, usize>,
    /// (id, name as first written).
    list: Vec<(String, String)>,
}

impl Named {
    fn id(&mut self, name: &str) -> String {
        let key = key_of(name);
        if let Some(&ix) = self.by_key.get(&key) {
            return self.list[ix].0.clone();
        }
        let base = match slug(name) {
            s if s.is_empty() => "x".to_owned(),
            s => s,
        };
        let id = self.ids.claim(&base);
        self.by_key.insert(key, self.list.len());
        self.list.push((id.clone(), name.to_owned()));
        id
    }
}

/// A name with case and spacing set aside.
fn key_of(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Speakers, known by name; the same name with two different organisations is two people
/// (a mention without an organisation is the first of that name).
#[derive(Default)]
struct People {
    ids: Ids,
    by_name: HashMap<String, Vec<usize>>,
    /// (id, name, organisation).
    list: Vec<(String, String, Option<String>)>,
}

impl People {
    fn id(&mut self, name: &str, organisation: Option<&str>) -> String {
        let key = key_of(name);
        let same = self.by_name.get(&key).cloned().unwrap_or_default();
        let found = match organisation {
            None => same.first().copied(),
            Some(org) => same
                .iter()
                .copied()
                .find(|&i| self.list[i].2.as_deref() == Some(org))
                .or_else(|| same.iter().copied().find(|&i| self.list[i].2.is_none())),
        };
        if let Some(i) = found {
            if self.list[i].2.is_none() {
                self.list[i].2 = organisation.map(str::to_owned);
            }
            return self.list[i].0.clone();
        }
        let base = match slug(name) {
            s if s.is_empty() => "x".to_owned(),
            s => s,
        };
        let id = self.ids.claim(&base);
        self.by_name.entry(key).or_default().push(self.list.len());
        self.list
            .push((id.clone(), name.to_owned(), organisation.map(str::to_owned)));
        id
    }
}

struct Builder {
    zone: String,
    rule: Rule,
    rooms: Named,
    themes: Named,
    types: Named,
    levels: Named,
    blocks: Named,
    speakers: People,
    /// Per block id: its earliest start and latest end.
    spans: HashMap<String, (DateTime<FixedOffset>, DateTime<FixedOffset>)>,
}

impl Builder {
    fn new((zone, rule): (String, Rule)) -> Self {
        Builder {
            zone,
            rule,
            rooms: Named::default(),
            themes: Named::default(),
            types: Named::default(),
            levels: Named::default(),
            blocks: Named::default(),
            speakers: People::default(),
            spans: HashMap::new(),
        }
    }

    fn at(&self, date: NaiveDate, t: NaiveTime) -> DateTime<FixedOffset> {
        let local = date.and_time(t);
        let offset = time::fixed(self.rule.offset_at_local(local));
        local
            .and_local_timezone(offset)
            .single()
            .unwrap_or_else(|| local.and_utc().fixed_offset())
    }

    fn programme(
        mut self,
        sheet: &Sheet,
        entries: Vec<Entry>,
        days: &[NaiveDate],
    ) -> raw::Programme {
        let lang = language(sheet);
        for room in &sheet.meta.rooms {
            self.rooms.id(room);
        }
        let sessions = entries
            .into_iter()
            .map(|e| self.session(e, &lang))
            .collect();
        let meta = &sheet.meta;
        let title = meta
            .title
            .clone()
            .unwrap_or_else(|| if lang == "sv" { "Program" } else { "Programme" }.to_owned());
        let id = meta
            .id
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| Some(slug(&title)).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "program".into());
        let conference = raw::Conference {
            title: Text::Plain(title),
            subtitle: meta.subtitle.clone().map(Text::Plain),
            venue: meta.venue.clone().map(Text::Plain),
            city: meta.city.clone(),
            time_zone: self.zone.clone(),
            language: lang,
            days: days.iter().map(|d| time::ymd(*d)).collect(),
            url: meta.url.as_deref().and_then(itext::web_url),
        };
        raw::Programme {
            id,
            revision: meta.revision.clone(),
            conference,
            rooms: self.rooms.list.iter().map(room).collect(),
            themes: self.themes(),
            types: self.types.list.iter().map(session_type).collect(),
            levels: self.levels.list.iter().map(level).collect(),
            blocks: self.blocks(),
            speakers: self.speakers(),
            sessions,
        }
    }

    fn session(&mut self, e: Entry, lang: &str) -> raw::Session {
        let (start, end) = (self.at(e.date, e.start), self.at(e.date, e.end));
        let type_name = e
            .type_name
            .clone()
            .unwrap_or_else(|| default_type(&e.title, lang));
        let block = e.block.as_ref().map(|block| {
            let id = self.blocks.id(block);
            let span = self.spans.entry(id.clone()).or_insert((start, end));
            *span = (span.0.min(start), span.1.max(end));
            id
        });
        raw::Session {
            id: e.id,
            subtitle: e.subtitle,
            kind: self.types.id(&type_name),
            themes: e.themes.iter().map(|t| self.themes.id(t)).collect(),
            room: e.room.as_ref().map(|room| self.rooms.id(room)),
            start: time::rfc3339(start),
            end: time::rfc3339(end),
            block,
            language: e.language,
            level: e.level.as_ref().map(|level| self.levels.id(level)),
            tags: e.tags,
            abstract_text: e.abstract_text,
            speakers: e
                .speakers
                .iter()
                .map(|p| self.speakers.id(&p.name, p.organisation.as_deref()))
                .collect(),
            url: e.url,
            status: Status::Open,
            title: e.title,
        }
    }

    /// Themes with colours from the palette, in the order of their names (so a colour
    /// does not change when rows move).
    fn themes(&self) -> Vec<raw::Theme> {
        let mut names: Vec<&str> = self.themes.list.iter().map(|(_, n)| n.as_str()).collect();
        names.sort_by_key(|n| fold(n));
        let theme = |(id, name): &(String, String)| {
            let ix = names.iter().position(|n| n == name).unwrap_or(0);
            raw::Theme {
                id: id.clone(),
                name: Text::Plain(name.clone()),
                colour: PALETTE[ix % PALETTE.len()].to_owned(),
            }
        };
        self.themes.list.iter().map(theme).collect()
    }

    fn blocks(&self) -> Vec<raw::Block> {
        let block = |(id, name): &(String, String)| {
            let (start, end) = self.spans.get(id)?;
            Some(raw::Block {
                id: id.clone(),
                name: Text::Plain(name.clone()),
                start: time::rfc3339(*start),
                end: time::rfc3339(*end),
            })
        };
        self.blocks.list.iter().filter_map(block).collect()
    }

    fn speakers(&self) -> Vec<raw::Speaker> {
        let speaker = |(id, name, organisation): &(String, String, Option<String>)| raw::Speaker {
            id: id.clone(),
            name: name.clone(),
            organisation: organisation.clone(),
            bio: None,
        };
        self.speakers.list.iter().map(speaker).collect()
    }
}

fn room((id, name): &(String, String)) -> raw::Room {
    raw::Room {
        id: id.clone(),
        name: Text::Plain(name.clone()),
        capacity: None,
        floor: None,
    }
}

fn session_type((id, name): &(String, String)) -> raw::SessionType {
    raw::SessionType {
        id: id.clone(),
        name: Text::Plain(name.clone()),
        kind: kind_of(kind(name)),
    }
}

fn level((id, name): &(String, String)) -> raw::Level {
    raw::Level {
        id: id.clone(),
        name: Text::Plain(name.clone()),
    }
}

/// The programme's language: `# Språk:`, else English when the headings are English.
fn language(sheet: &Sheet) -> String {
    if let Some(Language::Code { code, .. }) = sheet.meta.language.as_deref().map(itext::language) {
        return code;
    }
    let title = fold(&sheet.header.heading(Field::Title));
    if title == "title" { "en" } else { "sv" }.to_owned()
}

/// The type of a row without one: a meal or a break when the title says so, else a session.
pub(in super::super) fn default_type(title: &str, lang: &str) -> String {
    let t = fold(title);
    let short = title.split_whitespace().count() <= 4;
    let sv = lang == "sv";
    if short && (t.contains("lunch") || t.contains("middag")) {
        "Lunch".into()
    } else if short
        && ["paus", "kaffe", "fika", "break", "coffee"]
            .iter()
            .any(|w| t.contains(w))
    {
        if sv { "Paus" } else { "Break" }.into()
    } else if sv {
        "Programpunkt".into()
    } else {
        "Session".into()
    }
}

/// The model's kind for a name [`kind`] gives.
fn kind_of(name: &str) -> Kind {
    match name {
        "plenary" => Kind::Plenary,
        "seminar" => Kind::Seminar,
        "workshop" => Kind::Workshop,
        "break" => Kind::Break,
        "meal" => Kind::Meal,
        "social" => Kind::Social,
        "exhibition" => Kind::Exhibition,
        "meeting" => Kind::Meeting,
        _ => Kind::Other,
    }
}

/// The kind of a session type, from its name in Swedish or English.
pub(in super::super) fn kind(name: &str) -> &'static str {
    let t = fold(name);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["paus", "kaffe", "fika"]) {
        "break"
    } else if has(&["middag", "mingel", "fest", "konsert", "kvall"]) {
        "social"
    } else if has(&["lunch", "frukost", "maltid"]) {
        "meal"
    } else if has(&["arsmote", "stamma", "mote"]) {
        "meeting"
    } else if has(&["utstallning", "monter", "exhibition", "expo"]) {
        "exhibition"
    } else if has(&["plenum", "huvudtal", "oppning", "avslutning"]) {
        "plenary"
    } else if has(&["seminari", "foredrag", "panel", "programpunkt", "session"]) {
        "seminar"
    } else if has(&["registrering"]) {
        "other"
    } else {
        itext::kind_for(name)
    }
}
