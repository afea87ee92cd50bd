//! The shared second half of every importer: from a `Draft` (what the file says, as read)
//! to a `seminarplan/1` document, repairing times, days, ids and languages on the way and
//! deriving seminar blocks; then `parse::parse_programme` validates it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// The key of the room called `name`, adding it if new; `None` for an empty name.
    pub(crate) fn room(&mut self, name: &str) -> Option<String> {
        let name = text::line(name);
        if name.is_empty() {
            return None;
        }
        if let Some(r) = self.rooms.iter().find(|r| r.key == name || r.name == name) {
            return Some(r.key.clone());
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
        if let Some(t) = self.tracks.iter().find(|t| t.key == name || t.name == name) {
            return Some(t.key.clone());
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
        match self.people.iter_mut().find(|p| p.key == key) {
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

/// A session ready to be written, with what blocks need.
struct Out {
    place: String,
    value: Map<String, Value>,
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    kind: &'static str,
    room: Option<String>,
}

pub(crate) fn finish(mut d: Draft, format: Format) -> Result<Imported, Vec<ProgrammeError>> {
    let mut warnings = std::mem::take(&mut d.warnings);
    let mut warn = |path: &str, message: WarningKind| {
        warnings.push(Warning {
            path: path.to_owned(),
            message,
        })
    };

    // 1. Each event's written time, brought to local time where the file gives both a
    //    full date and a local start of day that disagree (wafer's UTC `<date>`).
    struct Written {
        exact: Option<DateTime<FixedOffset>>,
        /// The offset the exact time was written with, when it was not the local one.
        rewritten_from: Option<i32>,
    }
    let written: Vec<Written> = d
        .events
        .iter()
        .map(|ev| {
            let parsed = ev.date_time.as_deref().and_then(time::parse_when);
            let clock = ev.start.as_deref().and_then(time::parse_clock);
            match parsed {
                Some(When::Exact(t)) => match clock {
                    Some(c) if (t.hour(), t.minute()) != (c.hour(), c.minute()) => {
                        match time::offset_from_clock(t, c) {
                            Some(off) => Written {
                                exact: Some(t.with_timezone(&time::fixed(off))),
                                rewritten_from: Some(t.offset().local_minus_utc()),
                            },
                            None => Written {
                                exact: Some(t),
                                rewritten_from: None,
                            },
                        }
                    }
                    _ => Written {
                        exact: Some(t),
                        rewritten_from: None,
                    },
                },
                _ => Written {
                    exact: None,
                    rewritten_from: None,
                },
            }
        })
        .collect();

    // 2. The zone: the file's name if we know its rules and the offsets agree with it.
    let offsets: Vec<(NaiveDateTime, i32)> = written
        .iter()
        .filter_map(|w| w.exact)
        .map(|t| (t.naive_utc(), t.offset().local_minus_utc()))
        .collect();
    let common = mode(offsets.iter().map(|&(_, o)| o));
    let agrees = |rule: Rule| {
        offsets.is_empty() || offsets.iter().any(|&(utc, o)| rule.offset_at_utc(utc) == o)
    };
    let mut unknown_zone: Option<(String, i32)> = None;
    let named = d
        .zone
        .as_deref()
        .map(str::trim)
        .filter(|z| !z.is_empty())
        .map(str::to_owned);
    let (zone, zone_name) = match named {
        Some(name) => match time::rule_for(&name) {
            Some(rule) if agrees(rule) => (Zone::Rule(rule), name),
            Some(_) => {
                let off = common.unwrap_or(0);
                let used = time::etc_name(off).unwrap_or_else(|| name.clone());
                warn(
                    "",
                    WarningKind::TimeZoneDisagrees {
                        name,
                        offset: time::format_offset(off),
                        used: used.clone(),
                    },
                );
                (Zone::Fixed(off), used)
            }
            None => {
                let off = common.unwrap_or(0);
                unknown_zone = Some((name.clone(), off));
                (Zone::Fixed(off), name)
            }
        },
        None => {
            let guessed = d
                .city
                .as_deref()
                .and_then(time::zone_for_city)
                .and_then(|z| time::rule_for(z).map(|r| (z, r)))
                .filter(|&(_, r)| agrees(r));
            match guessed {
                Some((z, rule)) => {
                    warn(
                        "",
                        WarningKind::TimeZoneGuessed {
                            city: d.city.clone().unwrap_or_default(),
                            zone: z.to_owned(),
                        },
                    );
                    (Zone::Rule(rule), z.to_owned())
                }
                None => {
                    let off = common.unwrap_or(0);
                    let used = time::etc_name(off).unwrap_or_else(|| "UTC".into());
                    warn("", WarningKind::TimeZoneMissing { used: used.clone() });
                    (Zone::Fixed(off), used)
                }
            }
        }
    };
    let mut unknown_zone_used = false;
    let mut local_offset = |naive: NaiveDateTime| match zone {
        Zone::Rule(r) => r.offset_at_local(naive),
        Zone::Fixed(o) => {
            unknown_zone_used = true;
            o
        }
    };
    let to_local = |t: DateTime<FixedOffset>| match zone {
        Zone::Rule(r) => t.with_timezone(&time::fixed(r.offset_at_utc(t.naive_utc()))),
        Zone::Fixed(_) => t,
    };

    // 3. Days: their local dates, and the local time each starts.
    let mut day_dates: Vec<Option<NaiveDate>> = Vec::new();
    let mut day_starts: Vec<Option<NaiveTime>> = Vec::new();
    for day in &d.days {
        let start = match day.start.as_deref().and_then(time::parse_when) {
            Some(When::Exact(t)) => Some(to_local(t).naive_local()),
            Some(When::Local(n)) => Some(n),
            _ => None,
        };
        let date = match (day.date, start) {
            (Some(given), Some(s)) if s.date() != given => {
                warn(
                    &day.place,
                    WarningKind::DayDateNotLocal {
                        given,
                        local: s.date(),
                    },
                );
                Some(s.date())
            }
            (Some(given), _) => Some(given),
            (None, Some(s)) => Some(s.date()),
            (None, None) => None,
        };
        day_starts.push(start.filter(|s| Some(s.date()) == date).map(|s| s.time()));
        day_dates.push(date);
    }

    // 4. Each event's start and end.
    let mut rewritten: BTreeSet<(i32, i32)> = BTreeSet::new();
    let mut rewritten_at: Option<String> = None;
    struct Timed {
        ix: usize,
        start: DateTime<FixedOffset>,
        end: DateTime<FixedOffset>,
    }
    let mut timed: Vec<Timed> = Vec::new();
    for (ix, (ev, w)) in d.events.iter().zip(&written).enumerate() {
        let clock = ev.start.as_deref().and_then(time::parse_clock);
        let start = if let Some(t) = w.exact {
            let local = to_local(t);
            let from = w
                .rewritten_from
                .or_else(|| (local.offset() != t.offset()).then(|| t.offset().local_minus_utc()));
            if let Some(from) = from
                && rewritten.insert((from, local.offset().local_minus_utc()))
            {
                rewritten_at.get_or_insert_with(|| ev.place.clone());
            }
            Some(local)
        } else {
            match ev.date_time.as_deref().and_then(time::parse_when) {
                Some(When::Local(n)) => at_offset(n, local_offset(n)),
                Some(When::Date(date)) => clock
                    .map(|c| date.and_time(c))
                    .and_then(|n| at_offset(n, local_offset(n))),
                _ => {
                    let day = ev.day.and_then(|i| day_dates.get(i).copied().flatten());
                    match (day, clock) {
                        (Some(date), Some(c)) => {
                            let day_start =
                                ev.day.and_then(|i| day_starts.get(i).copied().flatten());
                            let next = match (day_start, d.day_change) {
                                (Some(s), _) => c < s,
                                (None, Some(change)) => c < change,
                                (None, None) => false,
                            };
                            let date = if next { date.succ_opt() } else { Some(date) };
                            date.map(|dd| dd.and_time(c))
                                .and_then(|n| at_offset(n, local_offset(n)))
                        }
                        _ => None,
                    }
                }
            }
        };
        let Some(start) = start else {
            let value = ev
                .date_time
                .clone()
                .or_else(|| ev.start.clone())
                .unwrap_or_default();
            warn(&ev.place, WarningKind::NoStart { value });
            continue;
        };
        let from_end = ev
            .end
            .as_deref()
            .and_then(time::parse_when)
            .and_then(|e| match e {
                When::Exact(t) => Some(t.with_timezone(start.offset())),
                When::Local(n) => at_offset(n, start.offset().local_minus_utc()),
                When::Date(_) => None,
            })
            .filter(|&e| e > start);
        let from_duration = || {
            ev.duration
                .as_deref()
                .and_then(time::parse_duration)
                .filter(|d| *d > Duration::zero())
                .and_then(|d| add(start, d))
        };
        let end = match from_end.or_else(from_duration) {
            Some(e) => e,
            None => {
                let value = ev
                    .duration
                    .clone()
                    .or_else(|| ev.end.clone())
                    .unwrap_or_default();
                warn(
                    &ev.place,
                    WarningKind::BadDuration {
                        value,
                        minutes: DEFAULT_MINUTES,
                    },
                );
                match add(start, Duration::minutes(DEFAULT_MINUTES)) {
                    Some(e) => e,
                    None => {
                        warn(
                            &ev.place,
                            WarningKind::NoStart {
                                value: time::rfc3339(start),
                            },
                        );
                        continue;
                    }
                }
            }
        };
        if let Some(day) = ev.day.and_then(|i| day_dates.get(i).copied().flatten())
            && start.date_naive() > day
        {
            warn(
                &ev.place,
                WarningKind::AfterMidnight {
                    day,
                    date: start.date_naive(),
                },
            );
        }
        timed.push(Timed { ix, start, end });
    }
    for (from, to) in &rewritten {
        warn(
            rewritten_at.as_deref().unwrap_or(""),
            WarningKind::DatesNotLocal {
                offset: time::format_offset(*from),
                local: time::format_offset(*to),
            },
        );
    }
    if let Some((name, off)) = unknown_zone
        && unknown_zone_used
    {
        warn(
            "",
            WarningKind::TimeZoneUnknown {
                name,
                used: time::format_offset(off),
            },
        );
    }

    // 5. The conference days: the file's days and every date a session starts on.
    let given: BTreeSet<NaiveDate> = day_dates.iter().flatten().copied().collect();
    let mut days = given.clone();
    let mut added: BTreeMap<NaiveDate, String> = BTreeMap::new();
    for t in &timed {
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
        warn(&place, WarningKind::DayAdded { date });
    }
    if days.is_empty()
        && let Some(start) = d.start_date
    {
        days.insert(start);
    }

    // 6. Rooms, themes and speakers with unique ids.
    let mut room_ids: HashMap<String, String> = HashMap::new();
    let mut ids = Ids::default();
    let mut rooms = Vec::new();
    for r in &d.rooms {
        let base = r
            .slug
            .as_deref()
            .filter(|s| valid_id(s))
            .map(str::to_owned)
            .unwrap_or_else(|| text::slug(&r.name));
        let base = if base.is_empty() { "room".into() } else { base };
        let (id, _) = ids.claim(&base);
        room_ids.insert(r.key.clone(), id.clone());
        let mut room = Map::new();
        room.insert("id".into(), json!(id));
        room.insert("name".into(), json!(r.name));
        if let Some(c) = r.capacity {
            room.insert("capacity".into(), json!(c));
        }
        rooms.push(Value::Object(room));
    }

    let mut theme_ids: HashMap<String, String> = HashMap::new();
    let mut ids = Ids::default();
    let mut uncoloured: Vec<&str> = d
        .tracks
        .iter()
        .filter(|t| t.colour.as_deref().and_then(text::colour).is_none())
        .map(|t| t.name.as_str())
        .collect();
    uncoloured.sort_unstable();
    uncoloured.dedup();
    let mut themes = Vec::new();
    for t in &d.tracks {
        let base = t
            .slug
            .as_deref()
            .filter(|s| valid_id(s))
            .map(str::to_owned)
            .unwrap_or_else(|| text::slug(&t.name));
        let base = if base.is_empty() {
            "theme".into()
        } else {
            base
        };
        let (id, _) = ids.claim(&base);
        theme_ids.insert(t.key.clone(), id.clone());
        let colour = t
            .colour
            .as_deref()
            .and_then(text::colour)
            .unwrap_or_else(|| {
                let rank = uncoloured.iter().position(|n| *n == t.name).unwrap_or(0);
                text::PALETTE
                    .get(rank % text::PALETTE.len())
                    .copied()
                    .unwrap_or("#37474f")
                    .to_owned()
            });
        themes.push(json!({ "id": id, "name": t.name, "colour": colour }));
    }

    let referenced: BTreeSet<&str> = timed
        .iter()
        .filter_map(|t| d.events.get(t.ix))
        .flat_map(|e| e.speakers.iter().map(String::as_str))
        .collect();
    let mut speaker_ids: HashMap<String, String> = HashMap::new();
    let mut ids = Ids::default();
    let mut speakers = Vec::new();
    for p in d
        .people
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
        speaker_ids.insert(p.key.clone(), id.clone());
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
        speakers.push(Value::Object(s));
    }

    // 7. Languages.
    let mut session_langs: Vec<Option<String>> = Vec::new();
    let mut lang_warnings: Vec<(String, WarningKind)> = Vec::new();
    let mut unknown_langs: Vec<(String, String)> = Vec::new();
    let mut missing = 0usize;
    for t in &timed {
        let Some(ev) = d.events.get(t.ix) else {
            session_langs.push(None);
            continue;
        };
        let raw = ev.language.as_deref().unwrap_or("");
        match text::language(raw) {
            Language::Empty => {
                missing += 1;
                session_langs.push(None);
            }
            Language::Code { code, repaired } => {
                if repaired {
                    lang_warnings.push((
                        ev.place.clone(),
                        WarningKind::LanguageRepaired {
                            from: raw.trim().to_owned(),
                            to: code.clone(),
                        },
                    ));
                }
                session_langs.push(Some(code));
            }
            Language::Unknown => {
                unknown_langs.push((ev.place.clone(), raw.trim().to_owned()));
                session_langs.push(None);
            }
        }
    }
    let conference_lang = match d.language.as_deref().map(text::language) {
        Some(Language::Code { code, .. }) => code,
        _ => {
            let used = mode_str(session_langs.iter().flatten().map(String::as_str))
                .unwrap_or("en")
                .to_owned();
            warn("", WarningKind::ConferenceLanguage { used: used.clone() });
            used
        }
    };
    for (place, kind) in lang_warnings {
        warn(&place, kind);
    }
    for (place, from) in unknown_langs {
        warn(
            &place,
            WarningKind::LanguageUnknown {
                from,
                to: conference_lang.clone(),
            },
        );
    }
    if missing > 0 {
        warn(
            "",
            WarningKind::LanguageMissing {
                count: missing,
                used: conference_lang.clone(),
            },
        );
    }

    // 8. Types and sessions.
    let mut type_ids: HashMap<String, String> = HashMap::new();
    let mut type_ids_taken = Ids::default();
    let mut types = Vec::new();
    let mut session_ids = Ids::default();
    let mut outs: Vec<Out> = Vec::new();
    for (n, (t, lang)) in timed.iter().zip(session_langs).enumerate() {
        let Some(ev) = d.events.get(t.ix) else {
            continue;
        };
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
        let type_id = match type_ids.get(&key) {
            Some(id) => id.clone(),
            None => {
                let base = text::slug(&key);
                let base = if base.is_empty() { "type".into() } else { base };
                let (id, _) = type_ids_taken.claim(&base);
                type_ids.insert(key.clone(), id.clone());
                types.push(json!({ "id": id, "name": key, "kind": kind }));
                id
            }
        };

        let raw_id = ev.id.as_deref().map(str::trim).filter(|i| !i.is_empty());
        let base = match raw_id {
            Some(raw) if valid_id(raw) => raw.to_owned(),
            Some(raw) => {
                let s = text::slug(raw);
                let s = if s.is_empty() {
                    format!("event-{}", n + 1)
                } else {
                    s
                };
                warn(
                    &ev.place,
                    WarningKind::IdRewritten {
                        from: raw.to_owned(),
                        to: s.clone(),
                    },
                );
                s
            }
            None => format!("event-{}", n + 1),
        };
        let (id, renamed) = session_ids.claim(&base);
        if renamed {
            warn(
                &ev.place,
                WarningKind::DuplicateId {
                    id: base,
                    renamed: id.clone(),
                },
            );
        }

        let mut s = Map::new();
        s.insert("id".into(), json!(id));
        let title = text::line(&ev.title);
        let title = if title.is_empty() {
            warn(&ev.place, WarningKind::NoTitle);
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
        let theme = ev.track.as_ref().and_then(|k| theme_ids.get(k));
        if let Some(theme) = theme {
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
        for k in &ev.speakers {
            if let Some(id) = speaker_ids.get(k)
                && !sp.contains(&id)
            {
                sp.push(id);
            }
        }
        if !sp.is_empty() {
            s.insert("speakers".into(), json!(sp));
        }
        // The first http(s) link. Other schemes (and a broken own URL) are reported;
        // relative links in link lists (FOSDEM 2012's attachments) are skipped quietly.
        let mut url = None;
        for (k, candidate) in ev.urls.iter().map(|u| u.trim()).enumerate() {
            if let Some(u) = text::web_url(candidate) {
                url = Some(u);
                break;
            }
            let has_scheme = candidate
                .split_once(':')
                .is_some_and(|(s, _)| !s.is_empty() && !s.contains(['/', '?', '#']));
            if !candidate.is_empty() && (has_scheme || (k == 0 && ev.own_url)) {
                warn(
                    &ev.place,
                    WarningKind::UrlDropped {
                        value: candidate.chars().take(200).collect(),
                    },
                );
            }
        }
        if let Some(u) = url {
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

    // 9. Blocks: seminars and workshops starting together in at least three rooms.
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

    // 10. The document.
    let title = d
        .title
        .as_deref()
        .map(text::line)
        .filter(|t| !t.is_empty())
        .or_else(|| d.id.clone())
        .unwrap_or_else(|| "Programme".into());
    let id =
        d.id.as_deref()
            .map(str::trim)
            .filter(|i| valid_id(i))
            .map(str::to_owned)
            .or_else(|| d.id.as_deref().map(text::slug).filter(|s| !s.is_empty()))
            .or_else(|| Some(text::slug(&title)).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "programme".into());
    let mut conference = Map::new();
    conference.insert("title".into(), json!(title));
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
    conference.insert("language".into(), json!(conference_lang));
    conference.insert(
        "days".into(),
        json!(days.iter().map(|d| time::ymd(*d)).collect::<Vec<_>>()),
    );
    if let Some(u) = d.url.as_deref().and_then(text::web_url) {
        conference.insert("url".into(), json!(u));
    }
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
    doc.insert("rooms".into(), Value::Array(rooms));
    doc.insert("themes".into(), Value::Array(themes));
    doc.insert("types".into(), Value::Array(types));
    doc.insert("blocks".into(), Value::Array(blocks));
    doc.insert("speakers".into(), Value::Array(speakers));
    let places: Vec<String> = outs.iter().map(|o| o.place.clone()).collect();
    doc.insert(
        "sessions".into(),
        Value::Array(outs.into_iter().map(|o| Value::Object(o.value)).collect()),
    );
    let document = Value::Object(doc);

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
                path: source_path(&e.path, &places),
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
