//! The sessions of a sheet as a programme's shape (`parse::raw`): rooms, themes, types, levels,
//! blocks and speakers made from their names; ids checked; conference days settled.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::super::checks;
use super::super::columns::{Field, fold};
use super::super::rows::Row;
use super::super::{SheetIssue, SheetNote, problem};
use super::{Entry, Sheet, note, slug};
use crate::import::Warning;
use crate::import::text::{self as itext, Language, PALETTE};
use crate::import::time::{self, Rule};
use crate::lang::Lang;
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
    document_as(rows, Vec::new(), false).map(|(document, _)| document)
}

/// Reads the rows into a document without the rows that have a problem, and their
/// problems; every problem when no row is left (the widget's reading for visitors).
pub(in super::super) fn document_leniently(
    rows: &[Row],
) -> Result<(Document, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    document_as(rows, Vec::new(), true)
}

/// Reads the rows into a document, strictly or (`lenient`) leniently, with `known`
/// problems found in the rows before (a workbook's formulas never calculated): their rows
/// count as rows with a problem.
pub(in super::super) fn document_as(
    rows: &[Row],
    known: Vec<ProgrammeError>,
    lenient: bool,
) -> Result<(Document, Vec<ProgrammeError>), Vec<ProgrammeError>> {
    let mut sheet = Sheet::new(rows)?;
    sheet.problems.extend(known);
    let mut entries = sheet.entries(rows);
    let days = days(&mut sheet, &entries);
    unique_ids(&mut sheet, &mut entries, &days);
    blocks_past_midnight(&mut sheet, &entries);
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
    let shape = Builder::new(rule).programme(&mut sheet, entries, &days);
    let document = Document {
        shape,
        warnings: sheet.warnings,
    };
    Ok((document, problems))
}

/// Written ids used twice are errors. Ids made from rows (no Id cell) are the slug of the
/// title, so that they survive every edit but a new title: rows moved, a new time, room or
/// date, the days moved. Titles used more than once (`Fika`, a workshop in two rooms) add
/// the conference day's number and the start (`fika-d2-1000`), then the room; only rows
/// the same in all of these (which nothing tells apart) are numbered, in row order.
fn unique_ids(sheet: &mut Sheet, entries: &mut [Entry], days: &[NaiveDate]) {
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
    let day_of = |d: NaiveDate| days.binary_search(&d).map_or(0, |i| i + 1);
    let when = |e: &Entry| {
        format!(
            "d{}-{:02}{:02}",
            day_of(e.date),
            e.start.hour(),
            e.start.minute()
        )
    };
    let room = |e: &Entry| e.room.as_deref().map(slug).unwrap_or_default();
    let steps: [&dyn Fn(&Entry) -> String; 2] = [&when, &room];
    let order: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].id_made).collect();
    for step in steps {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for &i in &order {
            *count.entry(entries[i].id.as_str()).or_default() += 1;
        }
        let twice: HashSet<String> = count
            .into_iter()
            .filter(|&(id, n)| n > 1 || ids.used.contains(id))
            .map(|(id, _)| id.to_owned())
            .collect();
        for &i in &order {
            if twice.contains(&entries[i].id) {
                let more = step(&entries[i]);
                if !more.is_empty() {
                    entries[i].id = format!("{}-{more}", entries[i].id);
                }
            }
        }
    }
    for &i in &order {
        entries[i].id = ids.claim(&entries[i].id);
    }
}

/// A block is within one day: a session in a block that goes on past midnight is a
/// problem at its row.
fn blocks_past_midnight(sheet: &mut Sheet, entries: &[Entry]) {
    let column = sheet.header.heading(Field::Block);
    for e in entries {
        let midnight = e.date.and_time(NaiveTime::MIN) + chrono::Duration::days(1);
        if let Some(block) = e.block.as_ref().filter(|_| e.end > midnight) {
            let issue = SheetIssue::BlockPastMidnight {
                block: block.clone(),
            };
            sheet.problems.push(problem(e.row, &column, issue));
        }
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
        self.id_as(&key_of(name), name, name)
    }

    /// The id of the thing known by `key`, named `name`, its id made from `id_from`.
    fn id_as(&mut self, key: &str, name: &str, id_from: &str) -> String {
        if let Some(&ix) = self.by_key.get(key) {
            return self.list[ix].0.clone();
        }
        let key = key.to_owned();
        let base = match slug(id_from) {
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
/// (a mention without an organisation is the first of that name). Each lookup is one
/// search of a map, however many people share a name.
#[derive(Default)]
struct People {
    ids: Ids,
    /// Per name: the first person of that name.
    first: HashMap<String, usize>,
    /// Per name and organisation: that person.
    with_org: HashMap<(String, String), usize>,
    /// Per name: those of that name whose organisation is not known yet, in order, and
    /// how many at the front have been given one since (always the first one is).
    without_org: HashMap<String, (Vec<usize>, usize)>,
    /// (id, name, organisation).
    list: Vec<(String, String, Option<String>)>,
}

impl People {
    fn id(&mut self, name: &str, organisation: Option<&str>) -> String {
        let key = key_of(name);
        let found = match organisation {
            None => self.first.get(&key).copied(),
            Some(org) => self
                .with_org
                .get(&(key.clone(), org.to_owned()))
                .copied()
                .or_else(|| {
                    let (list, given) = self.without_org.get(&key)?;
                    list.get(*given).copied()
                }),
        };
        if let Some(i) = found {
            if self.list[i].2.is_none()
                && let Some(org) = organisation
            {
                self.list[i].2 = Some(org.to_owned());
                self.with_org.insert((key.clone(), org.to_owned()), i);
                if let Some((_, given)) = self.without_org.get_mut(&key) {
                    *given += 1;
                }
            }
            return self.list[i].0.clone();
        }
        let base = match slug(name) {
            s if s.is_empty() => "x".to_owned(),
            s => s,
        };
        let id = self.ids.claim(&base);
        let i = self.list.len();
        self.first.entry(key.clone()).or_insert(i);
        match organisation {
            Some(org) => {
                self.with_org.insert((key, org.to_owned()), i);
            }
            None => {
                self.without_org.entry(key).or_default().0.push(i);
            }
        }
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
    /// Per block name (as `key_of` gives it): the first day it is used on, and whether
    /// it is used on another day too.
    block_days: HashMap<String, (NaiveDate, bool)>,
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
            block_days: HashMap::new(),
        }
    }

    fn at(&self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        let offset = time::fixed(self.rule.offset_at_local(local));
        local
            .and_local_timezone(offset)
            .single()
            .unwrap_or_else(|| local.and_utc().fixed_offset())
    }

    fn programme(
        mut self,
        sheet: &mut Sheet,
        entries: Vec<Entry>,
        days: &[NaiveDate],
    ) -> raw::Programme {
        let lang = language(sheet);
        for room in &sheet.meta.rooms {
            self.rooms.id(room);
        }
        self.block_days = block_days(&entries);
        let sessions = entries
            .into_iter()
            .map(|e| self.session(e, &lang))
            .collect();
        let meta = &sheet.meta;
        let title = meta
            .title
            .clone()
            .unwrap_or_else(|| if lang == "sv" { "Program" } else { "Programme" }.to_owned());
        let id = programme_id(sheet, days);
        let meta = &sheet.meta;
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
        let (start, end) = (self.at(e.starts()), self.at(e.end));
        let type_name = e
            .type_name
            .clone()
            .unwrap_or_else(|| default_type(&e.title, lang));
        let block = e.block.as_ref().map(|block| {
            // Blocks are per day: the same name on two days is two blocks, each named
            // with its day.
            let key = key_of(block);
            let id = if self.block_days.get(&key).is_some_and(|d| d.1) {
                let name = format!("{block} ({})", day_name(e.date, lang));
                self.blocks.id_as(
                    &format!("{key}\n{}", e.date),
                    &name,
                    &format!("{block} {:02}{:02}", e.date.month(), e.date.day()),
                )
            } else {
                self.blocks.id(block)
            };
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
            status: if e.full { Status::Full } else { Status::Open },
            title: e.title,
        }
    }

    /// Themes with colours from the palette, in the order of their names (so a colour
    /// does not change when rows move).
    fn themes(&self) -> Vec<raw::Theme> {
        let mut names: Vec<&str> = self.themes.list.iter().map(|(_, n)| n.as_str()).collect();
        names.sort_by_key(|n| fold(n));
        // Each name's place in that order, looked up at once (the first place of a name).
        let rank: HashMap<&str, usize> = names
            .iter()
            .enumerate()
            .rev()
            .map(|(r, n)| (*n, r))
            .collect();
        let theme = |(id, name): &(String, String)| raw::Theme {
            id: id.clone(),
            name: Text::Plain(name.clone()),
            colour: PALETTE[rank.get(name.as_str()).copied().unwrap_or(0) % PALETTE.len()]
                .to_owned(),
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
    if short && t.contains("lunch") {
        "Lunch".into()
    } else if short && (t.contains("middag") || t.contains("dinner")) {
        if sv { "Middag" } else { "Dinner" }.into()
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
    } else if has(&["middag", "mingel", "fest", "konsert", "kvall", "dinner"]) {
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

/// Per block name (as `key_of` gives it), its first day and whether it has others.
fn block_days(entries: &[Entry]) -> HashMap<String, (NaiveDate, bool)> {
    let mut days: HashMap<String, (NaiveDate, bool)> = HashMap::new();
    for e in entries {
        if let Some(block) = &e.block {
            let day = days.entry(key_of(block)).or_insert((e.date, false));
            day.1 |= day.0 != e.date;
        }
    }
    days
}

/// A day as a block's name shows it: `tisdag 16 mars`, `Tuesday 16 March`.
fn day_name(d: NaiveDate, lang: &str) -> String {
    if lang == "sv" { Lang::Sv } else { Lang::En }.long_date(d)
}

/// The programme's id: `# Id:`, else made from its first day (`programme-20270316`),
/// with a note, as the other importers do. Never from the title: renaming the conference
/// would make a new programme, and every visitor's plan and share link would belong to
/// one that no longer exists.
fn programme_id(sheet: &mut Sheet, days: &[NaiveDate]) -> String {
    if let Some(id) = sheet.meta.id.as_deref().map(slug).filter(|s| !s.is_empty()) {
        return id;
    }
    let id = match days.first() {
        Some(d) => format!("programme-{}", time::ymd(*d).replace('-', "")),
        None => "programme".to_owned(),
    };
    let n = SheetNote::IdFromDays { id: id.clone() };
    sheet.warnings.push(note(0, "", n));
    id
}
