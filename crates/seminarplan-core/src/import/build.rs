//! The shared second half of every importer: from a `Draft` (what the file says, as read)
//! to a `seminarplan/1` document, repairing times, days, ids and languages on the way and
//! deriving seminar blocks; then `parse::parse_programme` validates it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde_json::{Map, Value, json};

use super::text::{self, Ids, Language};
use super::time::{self, Rule, When};
use super::{Format, Imported, Warning, WarningKind};
use crate::parse::{self, Problem, ProgrammeError, valid_id};

/// Assumed length of a session whose duration is missing or unusable.
const DEFAULT_MINUTES: i64 = 15;
/// Least number of rooms in which seminars must start together to form a block.
pub(crate) const BLOCK_MIN_ROOMS: usize = 3;

/// What a schedule file says, as read, before any repair.
#[derive(Default)]
pub(crate) struct Draft {
    /// Short name (acronym); becomes the programme id.
    pub id: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub url: Option<String>,
    pub revision: Option<String>,
    /// The time zone name the file gives.
    pub zone: Option<String>,
    /// The programme's own language, as the file gives it.
    pub language: Option<String>,
    /// frab's `day_change`: starts before it belong to the previous day.
    pub day_change: Option<NaiveTime>,
    pub start_date: Option<NaiveDate>,
    pub days: Vec<Day>,
    pub rooms: Vec<Room>,
    pub tracks: Vec<Track>,
    pub people: Vec<Person>,
    pub events: Vec<Event>,
    pub warnings: Vec<Warning>,
    /// Rooms, tracks and people by key and by name, so that each event's references are
    /// found in constant time (a list search per event was quadratic).
    pub(crate) found: Found,
}

/// Position by key and by name of the rooms, tracks and people of a [`Draft`], brought up
/// to date before each look-up with whatever was added since (importers push to the
/// lists directly). The first with a key or name wins, as a search from the start would.
#[derive(Default)]
pub(crate) struct Found {
    rooms: Lookup,
    tracks: Lookup,
    people: Lookup,
}

#[derive(Default)]
struct Lookup {
    keys: HashMap<String, usize>,
    names: HashMap<String, usize>,
    seen: usize,
}

impl Lookup {
    fn catch_up<'a, T: 'a>(
        &mut self,
        items: &'a [T],
        key_name: impl Fn(&'a T) -> (&'a str, &'a str),
    ) {
        for (i, item) in items.iter().enumerate().skip(self.seen) {
            let (key, name) = key_name(item);
            self.keys.entry(key.to_owned()).or_insert(i);
            self.names.entry(name.to_owned()).or_insert(i);
        }
        self.seen = items.len();
    }

    /// The first whose key is `key` or whose name is `name`.
    fn either(&self, key: &str, name: &str) -> Option<usize> {
        match (self.keys.get(key), self.names.get(name)) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        }
    }

    fn key(&self, key: &str) -> Option<usize> {
        self.keys.get(key).copied()
    }
}

/// A conference day of the file.
pub(crate) struct Day {
    pub date: Option<NaiveDate>,
    /// When the day starts, as written (`day_start`, `start=`).
    pub start: Option<String>,
    pub place: String,
}

pub(crate) struct Room {
    /// How events refer to it (its name or guid).
    pub key: String,
    pub name: String,
    pub slug: Option<String>,
    pub capacity: Option<u32>,
}

pub(crate) struct Track {
    pub key: String,
    pub name: String,
    pub slug: Option<String>,
    pub colour: Option<String>,
}

pub(crate) struct Person {
    pub key: String,
    pub name: String,
    pub bio: Option<String>,
}

#[derive(Default)]
pub(crate) struct Event {
    /// Where it is in the source, for warnings and errors.
    pub place: String,
    pub id: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub type_name: String,
    /// A `Track::key`.
    pub track: Option<String>,
    /// A `Room::key`.
    pub room: Option<String>,
    /// A full date and time (`date`, v2 `start`).
    pub date_time: Option<String>,
    /// The local start time of day (`start`, `HH:MM`).
    pub start: Option<String>,
    pub end: Option<String>,
    pub duration: Option<String>,
    /// Index into `Draft::days`.
    pub day: Option<usize>,
    pub language: Option<String>,
    pub abstract_text: Option<String>,
    /// `Person::key`s.
    pub speakers: Vec<String>,
    /// Candidate links, best first; the first http(s) one is kept.
    pub urls: Vec<String>,
    /// Whether `urls[0]` is the event's own URL (rather than one of its links).
    pub own_url: bool,
}

impl Draft {
    /// The first room whose key is `key` or whose name is `name`.
    pub(crate) fn room_ix(&mut self, key: &str, name: &str) -> Option<usize> {
        let lookup = &mut self.found.rooms;
        lookup.catch_up(&self.rooms, |r| (r.key.as_str(), r.name.as_str()));
        lookup.either(key, name)
    }

    /// The first room whose key is `key`.
    pub(crate) fn room_by_key(&mut self, key: &str) -> Option<usize> {
        let lookup = &mut self.found.rooms;
        lookup.catch_up(&self.rooms, |r| (r.key.as_str(), r.name.as_str()));
        lookup.key(key)
    }

    /// The first track whose key is `key`.
    pub(crate) fn track_by_key(&mut self, key: &str) -> Option<usize> {
        let lookup = &mut self.found.tracks;
        lookup.catch_up(&self.tracks, |t| (t.key.as_str(), t.name.as_str()));
        lookup.key(key)
    }

    /// The first track whose key is `key` or whose name is `name`.
    pub(crate) fn track_ix(&mut self, key: &str, name: &str) -> Option<usize> {
        let lookup = &mut self.found.tracks;
        lookup.catch_up(&self.tracks, |t| (t.key.as_str(), t.name.as_str()));
        lookup.either(key, name)
    }

    /// The key of the room called `name`, adding it if new; `None` for an empty name.
    pub(crate) fn room(&mut self, name: &str) -> Option<String> {
        let name = text::line(name);
        if name.is_empty() {
            return None;
        }
        if let Some(r) = self.room_ix(&name, &name) {
            return Some(self.rooms[r].key.clone());
        }
        self.rooms.push(Room {
            key: name.clone(),
            name: name.clone(),
            slug: None,
            capacity: None,
        });
        Some(name)
    }

    /// The key of the track called `name`, adding it if new; `None` for an empty name.
    pub(crate) fn track(&mut self, name: &str) -> Option<String> {
        let name = text::line(name);
        if name.is_empty() {
            return None;
        }
        if let Some(t) = self.track_ix(&name, &name) {
            return Some(self.tracks[t].key.clone());
        }
        self.tracks.push(Track {
            key: name.clone(),
            name: name.clone(),
            slug: None,
            colour: None,
        });
        Some(name)
    }

    /// The key of a person (`key` or, without one, the name), adding them if new.
    pub(crate) fn person(
        &mut self,
        key: Option<&str>,
        name: &str,
        bio: Option<&str>,
    ) -> Option<String> {
        let name = text::line(name);
        let key = key
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .or_else(|| (!name.is_empty()).then(|| name.clone()))?;
        let bio = bio.and_then(text::rich);
        let lookup = &mut self.found.people;
        lookup.catch_up(&self.people, |p| (p.key.as_str(), p.key.as_str()));
        match lookup.key(&key).and_then(|i| self.people.get_mut(i)) {
            Some(p) => {
                if p.bio.is_none() {
                    p.bio = bio;
                }
                if p.name.is_empty() {
                    p.name = name;
                }
            }
            None => self.people.push(Person {
                key: key.clone(),
                name,
                bio,
            }),
        }
        Some(key)
    }
}

/// How local offsets are found once the file's zone is settled.
#[derive(Clone, Copy)]
enum Zone {
    Rule(Rule),
    /// Offsets as written; naive times get this offset.
    Fixed(i32),
}

impl Zone {
    /// `t` in the zone's local time (a fixed zone keeps the offset written).
    fn to_local(self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        match self {
            Zone::Rule(r) => t.with_timezone(&time::fixed(r.offset_at_utc(t.naive_utc()))),
            Zone::Fixed(_) => t,
        }
    }
}

/// The most frequent value.
fn mode(values: impl Iterator<Item = i32>) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, -i64::from(v)))
        .map(|(v, _)| v)
}

fn add(t: DateTime<FixedOffset>, d: Duration) -> Option<DateTime<FixedOffset>> {
    t.checked_add_signed(d)
}

fn at_offset(naive: NaiveDateTime, secs: i32) -> Option<DateTime<FixedOffset>> {
    naive.and_local_timezone(time::fixed(secs)).single()
}

/// The warnings of an import, in the order the steps find them.
struct Warnings(Vec<Warning>);

impl Warnings {
    fn warn(&mut self, path: &str, message: WarningKind) {
        self.0.push(Warning {
            path: path.to_owned(),
            message,
        });
    }
}

/// Step 1: an event's full date and time as written, brought to local time where the file
/// also gives a local start of day that disagrees (wafer's UTC `<date>`).
struct Written {
    exact: Option<DateTime<FixedOffset>>,
    /// The offset the exact time was written with, when it was not the local one.
    rewritten_from: Option<i32>,
}

/// Step 2: the zone settled on.
struct Settled {
    zone: Zone,
    /// The zone's name in the document.
    name: String,
    /// A zone the file names but whose rules are unknown, and the offset used instead.
    unknown: Option<(String, i32)>,
}

/// Step 3: each day of the file, by index: its local date and the local time it starts.
struct LocalDays {
    dates: Vec<Option<NaiveDate>>,
    starts: Vec<Option<NaiveTime>>,
}

/// Step 4: an event (by index into `Draft::events`) with its local start and end.
struct Timed {
    ix: usize,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
}

/// Step 6: one list of the document (rooms, themes or speakers), and the id each of the
/// file's keys became.
struct Listed {
    values: Vec<Value>,
    ids: HashMap<String, String>,
}

/// Step 7: each timed event's language, and the conference's.
struct Languages {
    sessions: Vec<Option<String>>,
    conference: String,
}

/// A session ready to be written, with what blocks need.
struct Out {
    place: String,
    value: Map<String, Value>,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    kind: &'static str,
    room: Option<String>,
}

/// Step 8: the session types and the sessions.
struct Sessions {
    types: Vec<Value>,
    outs: Vec<Out>,
}

pub(crate) fn finish(mut d: Draft, format: Format) -> Result<Imported, Vec<ProgrammeError>> {
    let mut w = Warnings(std::mem::take(&mut d.warnings));
    let written: Vec<Written> = d.events.iter().map(written).collect();
    let settled = settle_zone(&d, &written, &mut w);
    let local = local_days(&d.days, settled.zone, &mut w);
    let timed = timed_events(&d, &written, &settled, &local, &mut w);
    let days = conference_days(&d, &local, &timed, &mut w);
    let rooms = rooms(&d.rooms);
    let themes = themes(&d.tracks);
    let speakers = speakers(&d.people, &d.events, &timed);
    let languages = languages(&d, &timed, &mut w);
    let refs = [&rooms.ids, &themes.ids, &speakers.ids];
    let Sessions { types, mut outs } =
        sessions(&d.events, &timed, languages.sessions, refs, &mut w);
    let blocks = blocks(&mut outs);
    let places: Vec<String> = outs.iter().map(|o| o.place.clone()).collect();
    let conference = conference(&d, &settled.name, &languages.conference, &days);
    let lists = [
        ("rooms", rooms.values),
        ("themes", themes.values),
        ("types", types),
        ("blocks", blocks),
        ("speakers", speakers.values),
        (
            "sessions",
            outs.into_iter().map(|o| Value::Object(o.value)).collect(),
        ),
    ];
    let document = document(&d, &days, conference, lists, &mut w);
    validated(document, &places, format, w.0)
}

/// Step 1 for one event.
fn written(ev: &Event) -> Written {
    let Some(When::Exact(t)) = ev.date_time.as_deref().and_then(time::parse_when) else {
        return Written {
            exact: None,
            rewritten_from: None,
        };
    };
    let clock = ev.start.as_deref().and_then(time::parse_clock);
    if let Some(c) = clock
        && (t.hour(), t.minute()) != (c.hour(), c.minute())
        && let Some(off) = time::offset_from_clock(t, c)
    {
        return Written {
            exact: Some(t.with_timezone(&time::fixed(off))),
            rewritten_from: Some(t.offset().local_minus_utc()),
        };
    }
    Written {
        exact: Some(t),
        rewritten_from: None,
    }
}

/// Step 2, the zone: the file's name if we know its rules and the offsets agree with it;
/// else a zone guessed from the city; else the most common offset written.
fn settle_zone(d: &Draft, written: &[Written], w: &mut Warnings) -> Settled {
    let offsets: Vec<(NaiveDateTime, i32)> = written
        .iter()
        .filter_map(|w| w.exact)
        .map(|t| (t.naive_utc(), t.offset().local_minus_utc()))
        .collect();
    let common = mode(offsets.iter().map(|&(_, o)| o));
    let agrees = |rule: Rule| {
        offsets.is_empty() || offsets.iter().any(|&(utc, o)| rule.offset_at_utc(utc) == o)
    };
    let fixed = |name: String| Settled {
        zone: Zone::Fixed(common.unwrap_or(0)),
        name,
        unknown: None,
    };
    let named = d.zone.as_deref().map(str::trim).filter(|z| !z.is_empty());
    if let Some(name) = named {
        let name = name.to_owned();
        return match time::rule_for(&name) {
            Some(rule) if agrees(rule) => Settled {
                zone: Zone::Rule(rule),
                name,
                unknown: None,
            },
            Some(_) => {
                let off = common.unwrap_or(0);
                let used = time::etc_name(off).unwrap_or_else(|| name.clone());
                let offset = time::format_offset(off);
                let used_too = used.clone();
                w.warn("", WarningKind::TimeZoneDisagrees { name, offset, used });
                fixed(used_too)
            }
            None => Settled {
                unknown: Some((name.clone(), common.unwrap_or(0))),
                ..fixed(name)
            },
        };
    }
    let guessed = d
        .city
        .as_deref()
        .and_then(time::zone_for_city)
        .and_then(|z| time::rule_for(z).map(|r| (z, r)))
        .filter(|&(_, r)| agrees(r));
    if let Some((z, rule)) = guessed {
        let city = d.city.clone().unwrap_or_default();
        w.warn(
            "",
            WarningKind::TimeZoneGuessed {
                city,
                zone: z.to_owned(),
            },
        );
        return Settled {
            zone: Zone::Rule(rule),
            name: z.to_owned(),
            unknown: None,
        };
    }
    let used = time::etc_name(common.unwrap_or(0)).unwrap_or_else(|| "UTC".into());
    w.warn("", WarningKind::TimeZoneMissing { used: used.clone() });
    fixed(used)
}

/// Step 3, days: their local dates, and the local time each starts.
fn local_days(days: &[Day], zone: Zone, w: &mut Warnings) -> LocalDays {
    let mut local = LocalDays {
        dates: Vec::new(),
        starts: Vec::new(),
    };
    for day in days {
        let start = match day.start.as_deref().and_then(time::parse_when) {
            Some(When::Exact(t)) => Some(zone.to_local(t).naive_local()),
            Some(When::Local(n)) => Some(n),
            _ => None,
        };
        let date = match (day.date, start) {
            (Some(given), Some(s)) if s.date() != given => {
                let local = s.date();
                w.warn(&day.place, WarningKind::DayDateNotLocal { given, local });
                Some(local)
            }
            (Some(given), _) => Some(given),
            (None, Some(s)) => Some(s.date()),
            (None, None) => None,
        };
        let starts = start.filter(|s| Some(s.date()) == date).map(|s| s.time());
        local.starts.push(starts);
        local.dates.push(date);
    }
    local
}

/// What step 4 notes while it places events: offsets rewritten to local time (with the
/// first place it happened), and whether a naive time took an unknown zone's offset.
#[derive(Default)]
struct Placing {
    rewritten: BTreeSet<(i32, i32)>,
    rewritten_at: Option<String>,
    fixed_used: bool,
}

impl Placing {
    fn local_offset(&mut self, zone: Zone, naive: NaiveDateTime) -> i32 {
        match zone {
            Zone::Rule(r) => r.offset_at_local(naive),
            Zone::Fixed(o) => {
                self.fixed_used = true;
                o
            }
        }
    }
}

/// Step 4, each event's start and end; events without a usable start are left out.
fn timed_events(
    d: &Draft,
    written: &[Written],
    settled: &Settled,
    local: &LocalDays,
    w: &mut Warnings,
) -> Vec<Timed> {
    let mut placing = Placing::default();
    let mut timed = Vec::new();
    for (ix, (ev, wr)) in d.events.iter().zip(written).enumerate() {
        let start = start_of(ev, wr, settled.zone, local, d.day_change, &mut placing);
        let Some(start) = start else {
            let value = ev
                .date_time
                .clone()
                .or_else(|| ev.start.clone())
                .unwrap_or_default();
            w.warn(&ev.place, WarningKind::NoStart { value });
            continue;
        };
        let Some(end) = end_of(ev, start, w) else {
            continue;
        };
        if let Some(day) = ev.day.and_then(|i| local.dates.get(i).copied().flatten())
            && start.date_naive() > day
        {
            let date = start.date_naive();
            w.warn(&ev.place, WarningKind::AfterMidnight { day, date });
        }
        timed.push(Timed { ix, start, end });
    }
    for (from, to) in &placing.rewritten {
        w.warn(
            placing.rewritten_at.as_deref().unwrap_or(""),
            WarningKind::DatesNotLocal {
                offset: time::format_offset(*from),
                local: time::format_offset(*to),
            },
        );
    }
    if let Some((name, off)) = settled.unknown.clone()
        && placing.fixed_used
    {
        let used = time::format_offset(off);
        w.warn("", WarningKind::TimeZoneUnknown { name, used });
    }
    timed
}

/// An event's local start: its exact time in the zone, or a naive date and time, or the
/// time of day on its day (the next date when before the day's start or `day_change`).
fn start_of(
    ev: &Event,
    written: &Written,
    zone: Zone,
    local: &LocalDays,
    day_change: Option<NaiveTime>,
    placing: &mut Placing,
) -> Option<DateTime<FixedOffset>> {
    if let Some(t) = written.exact {
        let at = zone.to_local(t);
        let from = written
            .rewritten_from
            .or_else(|| (at.offset() != t.offset()).then(|| t.offset().local_minus_utc()));
        if let Some(from) = from
            && placing
                .rewritten
                .insert((from, at.offset().local_minus_utc()))
        {
            placing.rewritten_at.get_or_insert_with(|| ev.place.clone());
        }
        return Some(at);
    }
    let clock = ev.start.as_deref().and_then(time::parse_clock);
    let mut at = |n: NaiveDateTime| at_offset(n, placing.local_offset(zone, n));
    match ev.date_time.as_deref().and_then(time::parse_when) {
        Some(When::Local(n)) => at(n),
        Some(When::Date(date)) => clock.and_then(|c| at(date.and_time(c))),
        _ => {
            let day = ev.day.and_then(|i| local.dates.get(i).copied().flatten());
            let (Some(date), Some(c)) = (day, clock) else {
                return None;
            };
            let day_start = ev.day.and_then(|i| local.starts.get(i).copied().flatten());
            let next = match (day_start, day_change) {
                (Some(s), _) => c < s,
                (None, Some(change)) => c < change,
                (None, None) => false,
            };
            let date = if next { date.succ_opt() } else { Some(date) };
            date.and_then(|dd| at(dd.and_time(c)))
        }
    }
}

/// An event's end: its end time, else start plus duration, else start plus the default
/// length (with a warning); `None` when even that cannot be written.
fn end_of(
    ev: &Event,
    start: DateTime<FixedOffset>,
    w: &mut Warnings,
) -> Option<DateTime<FixedOffset>> {
    let from_end = ev
        .end
        .as_deref()
        .and_then(time::parse_when)
        .and_then(|e| match e {
            When::Exact(t) => Some(t.with_timezone(start.offset())),
            When::Local(n) => at_offset(n, start.offset().local_minus_utc()),
            When::Date(_) => None,
        })
        // An end more than a week after the start is a mistake (the parser refuses such
        // a session): the duration, or the default length, is used instead, with a warning.
        .filter(|&e| e > start && e - start <= Duration::days(crate::parse::MAX_SESSION_DAYS));
    let from_duration = || {
        ev.duration
            .as_deref()
            .and_then(time::parse_duration)
            .filter(|d| *d > Duration::zero())
            .and_then(|d| add(start, d))
    };
    if let Some(end) = from_end.or_else(from_duration) {
        return Some(end);
    }
    let value = ev
        .duration
        .clone()
        .or_else(|| ev.end.clone())
        .unwrap_or_default();
    let minutes = DEFAULT_MINUTES;
    w.warn(&ev.place, WarningKind::BadDuration { value, minutes });
    let end = add(start, Duration::minutes(DEFAULT_MINUTES));
    if end.is_none() {
        let value = time::rfc3339(start);
        w.warn(&ev.place, WarningKind::NoStart { value });
    }
    end
}

/// Step 5, the conference days: the file's days and every date a session starts on.
fn conference_days(
    d: &Draft,
    local: &LocalDays,
    timed: &[Timed],
    w: &mut Warnings,
) -> BTreeSet<NaiveDate> {
    let given: BTreeSet<NaiveDate> = local.dates.iter().flatten().copied().collect();
    let mut days = given.clone();
    let mut added: BTreeMap<NaiveDate, String> = BTreeMap::new();
    for t in timed {
        let date = t.start.date_naive();
        if days.insert(date) && !given.is_empty() {
            let place = d
                .events
                .get(t.ix)
                .map(|e| e.place.clone())
                .unwrap_or_default();
            added.insert(date, place);
        }
    }
    for (date, place) in added {
        w.warn(&place, WarningKind::DayAdded { date });
    }
    if days.is_empty()
        && let Some(start) = d.start_date
    {
        days.insert(start);
    }
    days
}

/// A valid slug given by the file, else one made from `name`, else `fallback`.
fn base_id(slug: Option<&str>, name: &str, fallback: &str) -> String {
    let base = slug
        .filter(|s| valid_id(s))
        .map(str::to_owned)
        .unwrap_or_else(|| text::slug(name));
    if base.is_empty() {
        fallback.into()
    } else {
        base
    }
}

/// Step 6a, rooms with unique ids.
fn rooms(rooms: &[Room]) -> Listed {
    let mut listed = Listed {
        values: Vec::new(),
        ids: HashMap::new(),
    };
    let mut ids = Ids::default();
    for r in rooms {
        let (id, _) = ids.claim(&base_id(r.slug.as_deref(), &r.name, "room"));
        listed.ids.insert(r.key.clone(), id.clone());
        let mut room = Map::new();
        room.insert("id".into(), json!(id));
        room.insert("name".into(), json!(r.name));
        if let Some(c) = r.capacity {
            room.insert("capacity".into(), json!(c));
        }
        listed.values.push(Value::Object(room));
    }
    listed
}

/// Step 6b, themes with unique ids and a colour each: the file's, or the palette's in the
/// order of the uncoloured themes' names.
fn themes(tracks: &[Track]) -> Listed {
    let mut listed = Listed {
        values: Vec::new(),
        ids: HashMap::new(),
    };
    let mut ids = Ids::default();
    let mut uncoloured: Vec<&str> = tracks
        .iter()
        .filter(|t| t.colour.as_deref().and_then(text::colour).is_none())
        .map(|t| t.name.as_str())
        .collect();
    uncoloured.sort_unstable();
    uncoloured.dedup();
    for t in tracks {
        let (id, _) = ids.claim(&base_id(t.slug.as_deref(), &t.name, "theme"));
        listed.ids.insert(t.key.clone(), id.clone());
        let colour = t
            .colour
            .as_deref()
            .and_then(text::colour)
            .unwrap_or_else(|| {
                let rank = uncoloured.binary_search(&t.name.as_str()).unwrap_or(0);
                text::PALETTE
                    .get(rank % text::PALETTE.len())
                    .copied()
                    .unwrap_or("#37474f")
                    .to_owned()
            });
        let theme = json!({ "id": id, "name": t.name, "colour": colour });
        listed.values.push(theme);
    }
    listed
}

/// Step 6c, the speakers of the timed events, with unique ids.
fn speakers(people: &[Person], events: &[Event], timed: &[Timed]) -> Listed {
    let referenced: BTreeSet<&str> = timed
        .iter()
        .filter_map(|t| events.get(t.ix))
        .flat_map(|e| e.speakers.iter().map(String::as_str))
        .collect();
    let mut listed = Listed {
        values: Vec::new(),
        ids: HashMap::new(),
    };
    let mut ids = Ids::default();
    for p in people
        .iter()
        .filter(|p| referenced.contains(p.key.as_str()))
    {
        let base = if valid_id(&p.key) {
            p.key.clone()
        } else {
            text::slug(&p.key)
        };
        let base = if base.is_empty() {
            text::slug(&p.name)
        } else {
            base
        };
        let base = if base.is_empty() {
            "speaker".into()
        } else {
            base
        };
        let (id, _) = ids.claim(&base);
        listed.ids.insert(p.key.clone(), id.clone());
        let mut s = Map::new();
        s.insert("id".into(), json!(id));
        let name = if p.name.is_empty() {
            p.key.clone()
        } else {
            p.name.clone()
        };
        s.insert("name".into(), json!(name));
        if let Some(bio) = &p.bio {
            s.insert("bio".into(), json!(bio));
        }
        listed.values.push(Value::Object(s));
    }
    listed
}

/// Step 7, languages: each session's, repaired where possible, and the conference's (the
/// file's, else the most common session language, else English).
fn languages(d: &Draft, timed: &[Timed], w: &mut Warnings) -> Languages {
    let mut sessions: Vec<Option<String>> = Vec::new();
    let mut repaired: Vec<(String, WarningKind)> = Vec::new();
    let mut unknown: Vec<(String, String)> = Vec::new();
    let mut missing = 0usize;
    for t in timed {
        let Some(ev) = d.events.get(t.ix) else {
            sessions.push(None);
            continue;
        };
        let raw = ev.language.as_deref().unwrap_or("");
        match text::language(raw) {
            Language::Empty => {
                missing += 1;
                sessions.push(None);
            }
            Language::Code { code, repaired: r } => {
                if r {
                    let from = raw.trim().to_owned();
                    let to = code.clone();
                    repaired.push((ev.place.clone(), WarningKind::LanguageRepaired { from, to }));
                }
                sessions.push(Some(code));
            }
            Language::Unknown => {
                unknown.push((ev.place.clone(), raw.trim().to_owned()));
                sessions.push(None);
            }
        }
    }
    let conference = match d.language.as_deref().map(text::language) {
        Some(Language::Code { code, .. }) => code,
        _ => {
            let used = mode_str(sessions.iter().flatten().map(String::as_str))
                .unwrap_or("en")
                .to_owned();
            w.warn("", WarningKind::ConferenceLanguage { used: used.clone() });
            used
        }
    };
    for (place, kind) in repaired {
        w.warn(&place, kind);
    }
    for (place, from) in unknown {
        let to = conference.clone();
        w.warn(&place, WarningKind::LanguageUnknown { from, to });
    }
    if missing > 0 {
        let used = conference.clone();
        w.warn(
            "",
            WarningKind::LanguageMissing {
                count: missing,
                used,
            },
        );
    }
    Languages {
        sessions,
        conference,
    }
}

/// The session types met so far: the id each label became, and the document's entries.
#[derive(Default)]
struct Types {
    ids: HashMap<String, String>,
    taken: Ids,
    values: Vec<Value>,
}

impl Types {
    /// The type id and kind of an event: its type label, else a kind read from its title,
    /// else "Other".
    fn of(&mut self, ev: &Event) -> (String, &'static str) {
        let type_label = text::line(&ev.type_name);
        let (key, kind) = if type_label.is_empty() {
            match text::kind_from_title(&ev.title) {
                Some((kind, label)) => (label.to_owned(), kind),
                None => ("Other".to_owned(), "other"),
            }
        } else {
            let kind = text::kind_for(&type_label);
            (type_label, kind)
        };
        if let Some(id) = self.ids.get(&key) {
            return (id.clone(), kind);
        }
        let base = text::slug(&key);
        let base = if base.is_empty() { "type".into() } else { base };
        let (id, _) = self.taken.claim(&base);
        self.ids.insert(key.clone(), id.clone());
        self.values
            .push(json!({ "id": id, "name": key, "kind": kind }));
        (id, kind)
    }
}

/// Step 8, types and sessions. `refs` are the ids of rooms, themes and speakers (step 6).
fn sessions(
    events: &[Event],
    timed: &[Timed],
    languages: Vec<Option<String>>,
    refs: [&HashMap<String, String>; 3],
    w: &mut Warnings,
) -> Sessions {
    let [room_ids, theme_ids, speaker_ids] = refs;
    let mut types = Types::default();
    let mut session_ids = Ids::default();
    let mut outs: Vec<Out> = Vec::new();
    let mut without_id = 0;
    for (t, lang) in timed.iter().zip(languages) {
        let Some(ev) = events.get(t.ix) else {
            continue;
        };
        let (type_id, kind) = types.of(ev);
        let id = session_id(ev, t.start, &mut session_ids, w);
        if ev.id.as_deref().is_none_or(|i| i.trim().is_empty()) {
            without_id += 1;
        }
        let mut s = Map::new();
        s.insert("id".into(), json!(id));
        let title = text::line(&ev.title);
        let title = if title.is_empty() {
            w.warn(&ev.place, WarningKind::NoTitle);
            "(untitled)".to_owned()
        } else {
            title
        };
        s.insert("title".into(), json!(title));
        if let Some(sub) = ev
            .subtitle
            .as_deref()
            .map(text::line)
            .filter(|x| !x.is_empty())
        {
            s.insert("subtitle".into(), json!(sub));
        }
        s.insert("type".into(), json!(type_id));
        if let Some(theme) = ev.track.as_ref().and_then(|k| theme_ids.get(k)) {
            s.insert("themes".into(), json!([theme]));
        }
        let room = ev.room.as_ref().and_then(|k| room_ids.get(k)).cloned();
        if let Some(room) = &room {
            s.insert("room".into(), json!(room));
        }
        s.insert("start".into(), json!(time::rfc3339(t.start)));
        s.insert("end".into(), json!(time::rfc3339(t.end)));
        if let Some(lang) = lang {
            s.insert("language".into(), json!(lang));
        }
        if let Some(a) = &ev.abstract_text {
            s.insert("abstract".into(), json!(a));
        }
        let mut sp: Vec<&String> = Vec::new();
        let mut seen: HashSet<&String> = HashSet::new();
        for k in &ev.speakers {
            if let Some(id) = speaker_ids.get(k)
                && seen.insert(id)
            {
                sp.push(id);
            }
        }
        if !sp.is_empty() {
            s.insert("speakers".into(), json!(sp));
        }
        if let Some(u) = first_web_url(ev, w) {
            s.insert("url".into(), json!(u));
        }
        outs.push(Out {
            place: ev.place.clone(),
            value: s,
            start: t.start,
            end: t.end,
            kind,
            room,
        });
    }
    if without_id > 0 {
        w.warn("", WarningKind::IdsFromContent { count: without_id });
    }
    Sessions {
        types: types.values,
        outs,
    }
}

/// A session's unique id: the file's id (made into a slug when invalid), else one made
/// from what the session is (`event-` and a hash of its title, start and room), so that
/// inserting an event does not move every star after it onto another session, as
/// numbering by position did; renamed when taken.
fn session_id(
    ev: &Event,
    start: DateTime<FixedOffset>,
    taken: &mut Ids,
    w: &mut Warnings,
) -> String {
    let from_content = || {
        let what = format!(
            "{}\u{1f}{}\u{1f}{}",
            text::line(&ev.title),
            time::rfc3339(start),
            ev.room.as_deref().unwrap_or_default()
        );
        format!("event-{:08x}", crate::text::fnv1a(&what) & 0xffff_ffff)
    };
    let raw_id = ev.id.as_deref().map(str::trim).filter(|i| !i.is_empty());
    let base = match raw_id {
        Some(raw) if valid_id(raw) => raw.to_owned(),
        Some(raw) => {
            let s = text::slug(raw);
            let s = if s.is_empty() { from_content() } else { s };
            let from = raw.to_owned();
            w.warn(
                &ev.place,
                WarningKind::IdRewritten {
                    from,
                    to: s.clone(),
                },
            );
            s
        }
        None => from_content(),
    };
    let (id, renamed) = taken.claim(&base);
    if renamed {
        let renamed = id.clone();
        w.warn(&ev.place, WarningKind::DuplicateId { id: base, renamed });
    }
    id
}

/// The first http(s) link of an event. Other schemes (and a broken own URL) are
/// reported; relative links in link lists (FOSDEM 2012's attachments) are skipped quietly.
fn first_web_url(ev: &Event, w: &mut Warnings) -> Option<String> {
    for (k, candidate) in ev.urls.iter().map(|u| u.trim()).enumerate() {
        if let Some(u) = text::web_url(candidate) {
            return Some(u);
        }
        let has_scheme = candidate
            .split_once(':')
            .is_some_and(|(s, _)| !s.is_empty() && !s.contains(['/', '?', '#']));
        if !candidate.is_empty() && (has_scheme || (k == 0 && ev.own_url)) {
            let value = candidate.chars().take(200).collect();
            w.warn(&ev.place, WarningKind::UrlDropped { value });
        }
    }
    None
}

/// Step 9, blocks: seminars and workshops starting together in at least three rooms. Each
/// member session gets its block's id.
fn blocks(outs: &mut [Out]) -> Vec<Value> {
    let mut groups: BTreeMap<DateTime<FixedOffset>, Vec<usize>> = BTreeMap::new();
    for (i, o) in outs.iter().enumerate() {
        if matches!(o.kind, "seminar" | "workshop") {
            groups.entry(o.start).or_default().push(i);
        }
    }
    let mut blocks = Vec::new();
    let mut block_ids = Ids::default();
    for (start, members) in groups {
        let rooms_used: BTreeSet<&str> = members
            .iter()
            .filter_map(|&i| outs.get(i).and_then(|o| o.room.as_deref()))
            .collect();
        if rooms_used.len() < BLOCK_MIN_ROOMS {
            continue;
        }
        let end = members
            .iter()
            .filter_map(|&i| outs.get(i).map(|o| o.end))
            .max()
            .unwrap_or(start);
        // A block is within one day (`parse` refuses one that is not): sessions going on
        // past midnight make no block.
        if (end - chrono::Duration::seconds(1)).date_naive() > start.date_naive() {
            continue;
        }
        let (id, _) = block_ids.claim(&format!(
            "block-{}-{:02}{:02}",
            time::ymd(start.date_naive()).replace('-', ""),
            start.hour(),
            start.minute()
        ));
        blocks.push(json!({ "id": id, "name": time::hhmm(start), "start": time::rfc3339(start), "end": time::rfc3339(end) }));
        for &i in &members {
            if let Some(o) = outs.get_mut(i) {
                o.value.insert("block".into(), json!(id));
            }
        }
    }
    blocks
}

/// The id of a programme whose file gives no short name: `programme-` and its first day
/// (`programme-20261005`), which neither editing the title nor adding sessions changes.
fn derived_id(days: &BTreeSet<NaiveDate>) -> String {
    match days.first() {
        Some(d) => format!("programme-{}", time::ymd(*d).replace('-', "")),
        None => "programme".to_owned(),
    }
}

/// The conference's title: the file's, else its short name, else "Programme".
fn title(d: &Draft) -> String {
    d.title
        .as_deref()
        .map(text::line)
        .filter(|t| !t.is_empty())
        .or_else(|| d.id.clone())
        .unwrap_or_else(|| "Programme".into())
}

/// Step 10a, the document's `conference` object.
fn conference(
    d: &Draft,
    zone_name: &str,
    language: &str,
    days: &BTreeSet<NaiveDate>,
) -> Map<String, Value> {
    let mut conference = Map::new();
    conference.insert("title".into(), json!(title(d)));
    for (field, value) in [
        ("subtitle", &d.subtitle),
        ("venue", &d.venue),
        ("city", &d.city),
    ] {
        if let Some(v) = value.as_deref().map(text::line).filter(|v| !v.is_empty()) {
            conference.insert(field.into(), json!(v));
        }
    }
    conference.insert("time_zone".into(), json!(zone_name));
    conference.insert("language".into(), json!(language));
    conference.insert(
        "days".into(),
        json!(days.iter().map(|d| time::ymd(*d)).collect::<Vec<_>>()),
    );
    if let Some(u) = d.url.as_deref().and_then(text::web_url) {
        conference.insert("url".into(), json!(u));
    }
    conference
}

/// Step 10b, the document: its id (the file's short name or a slug of it, else of the
/// title), revision, `conference` and the lists, in the order the format writes them.
fn document(
    d: &Draft,
    days: &BTreeSet<NaiveDate>,
    conference: Map<String, Value>,
    lists: [(&str, Vec<Value>); 6],
    w: &mut Warnings,
) -> Value {
    let id =
        d.id.as_deref()
            .map(str::trim)
            .filter(|i| valid_id(i))
            .map(str::to_owned)
            .or_else(|| d.id.as_deref().map(text::slug).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| {
                // Not from the title: editing the title would change the id and lose
                // every visitor's saved plan. The organiser is told to give a short name.
                let id = derived_id(days);
                w.warn("", WarningKind::IdFromDays { id: id.clone() });
                id
            });
    let mut doc = Map::new();
    doc.insert("format".into(), json!(parse::FORMAT));
    doc.insert("id".into(), json!(id));
    if let Some(r) = d
        .revision
        .as_deref()
        .map(text::line)
        .filter(|r| !r.is_empty())
    {
        doc.insert("revision".into(), json!(r));
    }
    doc.insert("conference".into(), Value::Object(conference));
    for (name, values) in lists {
        doc.insert(name.into(), Value::Array(values));
    }
    Value::Object(doc)
}

/// Step 11: the document validated as `seminarplan/1`; an error in a session is reported
/// at the event's place in the source file.
fn validated(
    document: Value,
    places: &[String],
    format: Format,
    warnings: Vec<Warning>,
) -> Result<Imported, Vec<ProgrammeError>> {
    match parse::parse_programme(&document.to_string()) {
        Ok(programme) => Ok(Imported {
            programme,
            format,
            warnings,
            document,
        }),
        Err(errors) => Err(errors
            .into_iter()
            .map(|e| ProgrammeError {
                path: source_path(&e.path, places),
                problem: e.problem,
            })
            .collect()),
    }
}

/// The most frequent string (the first of equals).
fn mode_str<'a>(values: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.into_iter().find(|&(_, n)| n == best).map(|(v, _)| v)
}

/// `sessions[3].end` of the written document as the event's place in the source file.
fn source_path(path: &str, places: &[String]) -> String {
    let Some(rest) = path.strip_prefix("sessions[") else {
        return path.to_owned();
    };
    let Some(close) = rest.find(']') else {
        return path.to_owned();
    };
    let place = rest
        .get(..close)
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|i| places.get(i));
    match place {
        Some(p) => format!("{p}{}", rest.get(close + 1..).unwrap_or("")),
        None => path.to_owned(),
    }
}

/// An error for a file this importer cannot read at all.
pub(crate) fn unreadable(path: &str, detail: impl Into<String>) -> Vec<ProgrammeError> {
    vec![ProgrammeError {
        path: path.to_owned(),
        problem: Problem::Shape {
            detail: detail.into(),
        },
    }]
}
