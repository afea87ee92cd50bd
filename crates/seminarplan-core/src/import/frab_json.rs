//! frab/c3voc `schedule.json`: v1 (`schedule.conference.days[].rooms{room: [events]}`, also
//! pretalx's export in frab layout) and the v2 flat layout (`schedule.events[]`,
//! `schedule.persons[]`, rooms and tracks listed in `schedule.conference`).

use serde_json::Value;

use super::build::{self, Day, Draft, Event};
use super::text;
use super::time::{self, When};
use crate::parse::ProgrammeError;

/// A string field, or a number written as text; trimmed, `None` when empty.
pub(crate) fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string or a map of language codes to strings (v2's localisable strings): the text in
/// `lang` if given, else English, else the first.
pub(crate) fn localised(v: Option<&Value>, lang: Option<&str>) -> Option<String> {
    match v? {
        Value::Object(map) => {
            let pick = |k: &str| map.get(k).and_then(|x| string(Some(x)));
            lang.and_then(pick)
                .or_else(|| pick("en"))
                .or_else(|| map.values().find_map(|x| string(Some(x))))
        }
        other => string(Some(other)),
    }
}

/// The field `key` of a JSON object (`None` for anything else).
pub(crate) fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_object()?.get(key)
}

/// The elements of a JSON array (none for anything else).
pub(crate) fn items(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    v.and_then(Value::as_array)
        .map(|a| a.iter())
        .into_iter()
        .flatten()
}

pub(crate) fn read(root: &Value) -> Result<Draft, Vec<ProgrammeError>> {
    let schedule = get(root, "schedule").unwrap_or(&Value::Null);
    let Some(conf) = get(schedule, "conference").filter(|c| c.is_object()) else {
        return Err(build::unreadable(
            "schedule.conference",
            "a frab schedule.json needs schedule.conference",
        ));
    };
    let mut d = Draft {
        id: string(get(conf, "acronym")),
        title: string(get(conf, "title")),
        subtitle: string(get(conf, "subtitle")),
        venue: string(get(conf, "venue")),
        city: string(get(conf, "city")),
        url: string(get(conf, "url")).or_else(|| string(get(schedule, "base_url"))),
        revision: string(get(schedule, "version")),
        zone: string(get(conf, "time_zone_name")),
        language: get(conf, "defaults")
            .and_then(|x| string(get(x, "language")))
            .or_else(|| items(get(conf, "languages")).find_map(|l| string(Some(l)))),
        day_change: string(get(conf, "day_change")).and_then(|c| time::parse_clock(&c)),
        start_date: string(get(conf, "start")).and_then(|s| match time::parse_when(&s) {
            Some(When::Date(d)) => Some(d),
            Some(When::Local(n)) => Some(n.date()),
            Some(When::Exact(t)) => Some(t.date_naive()),
            None => None,
        }),
        ..Draft::default()
    };
    let lang = d.language.clone();

    // Rooms and tracks the conference lists, in its order (pretalx and v2).
    for r in items(get(conf, "rooms")) {
        let Some(name) = localised(get(r, "name"), lang.as_deref()) else {
            continue;
        };
        let name = text::line(&name);
        let key = string(get(r, "guid"))
            .filter(|g| d.room_by_key(g).is_none())
            .unwrap_or_else(|| name.clone());
        if name.is_empty() || d.room_ix(&key, &name).is_some() {
            continue;
        }
        d.rooms.push(build::Room {
            key,
            name,
            slug: string(get(r, "slug")),
            capacity: get(r, "capacity")
                .and_then(Value::as_u64)
                .and_then(|c| u32::try_from(c).ok()),
        });
    }
    for t in items(get(conf, "tracks")) {
        let Some(name) = localised(get(t, "name"), lang.as_deref()).map(|n| text::line(&n)) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let slug = string(get(t, "slug"));
        let key = slug.clone().unwrap_or_else(|| name.clone());
        if d.track_ix(&key, &name).is_some() {
            continue;
        }
        let colour = string(get(t, "color")).or_else(|| {
            get(t, "colors")
                .and_then(|c| string(get(c, "light")).or_else(|| string(get(c, "dark"))))
        });
        d.tracks.push(build::Track {
            key,
            name,
            slug,
            colour,
        });
    }

    let days: Vec<&Value> = items(get(conf, "days")).collect();
    for (di, day) in days.iter().enumerate() {
        d.days.push(Day {
            date: string(get(day, "date")).and_then(|s| match time::parse_when(&s) {
                Some(When::Date(d)) => Some(d),
                _ => None,
            }),
            start: string(get(day, "day_start")).or_else(|| string(get(day, "start"))),
            place: format!("schedule.conference.days[{di}]"),
        });
    }

    let persons: Vec<&Value> = items(get(schedule, "persons")).collect();
    if let Some(events) = get(schedule, "events").and_then(Value::as_array) {
        // v2: a flat list of events; each belongs to the day whose span holds its start.
        let spans: Vec<Option<(When, When)>> = days
            .iter()
            .map(|day| {
                let s = string(get(day, "start")).and_then(|s| time::parse_when(&s))?;
                let e = string(get(day, "end")).and_then(|s| time::parse_when(&s))?;
                Some((s, e))
            })
            .collect();
        for (i, ev) in events.iter().enumerate() {
            let place = format!("schedule.events[{i}]");
            let start = string(get(ev, "start"));
            let day = start.as_deref().and_then(time::parse_when).and_then(|s| {
                spans.iter().position(|span| match (span, s) {
                    (Some((When::Exact(a), When::Exact(b))), When::Exact(t)) => *a <= t && t < *b,
                    _ => false,
                })
            });
            let mut e = event(&mut d, ev, place, lang.as_deref(), &persons);
            e.date_time = start;
            e.day = day;
            d.events.push(e);
        }
    } else {
        // v1: days → rooms → events.
        for (di, day) in days.iter().enumerate() {
            let Some(rooms) = get(day, "rooms").and_then(Value::as_object) else {
                continue;
            };
            for (room_name, list) in rooms {
                for (ei, ev) in items(Some(list)).enumerate() {
                    let place = format!("schedule.conference.days[{di}].rooms.{room_name}[{ei}]");
                    let mut e = event(&mut d, ev, place, lang.as_deref(), &persons);
                    e.room = d.room(room_name).or(e.room);
                    e.date_time = string(get(ev, "date"));
                    e.start = string(get(ev, "start"));
                    e.day = Some(di);
                    d.events.push(e);
                }
            }
        }
    }
    Ok(d)
}

/// What v1 and v2 events share.
fn event(
    d: &mut Draft,
    ev: &Value,
    place: String,
    lang: Option<&str>,
    persons: &[&Value],
) -> Event {
    let room = match get(ev, "room") {
        Some(Value::Object(_)) => {
            let r = get(ev, "room").unwrap_or(&Value::Null);
            let guid = string(get(r, "guid"));
            let known = guid
                .as_ref()
                .and_then(|g| d.room_by_key(g))
                .map(|x| d.rooms[x].key.clone());
            known.or_else(|| {
                let name = localised(get(r, "name"), lang).or_else(|| string(get(r, "slug")))?;
                d.room(&name)
            })
        }
        other => localised(other, lang).and_then(|n| d.room(&n)),
    };
    let track = match get(ev, "track") {
        Some(Value::Object(t)) => {
            let slug = t.get("slug").and_then(|s| string(Some(s)));
            // A track's key is its slug whenever it has one, so the key finds it.
            let known = slug
                .as_ref()
                .and_then(|s| d.track_by_key(s))
                .map(|x| d.tracks[x].key.clone());
            known.or_else(|| {
                let name = t
                    .get("name")
                    .and_then(|n| localised(Some(n), lang))
                    .or(slug)?;
                d.track(&name)
            })
        }
        other => localised(other, lang).and_then(|n| d.track(&n)),
    };

    let mut speakers = Vec::new();
    for p in items(get(ev, "persons")).chain(items(get(ev, "participants"))) {
        let role = string(get(p, "role")).map(|r| r.to_ascii_lowercase());
        if role
            .as_deref()
            .is_some_and(|r| !matches!(r, "speaker" | "moderator" | "presenter" | "host"))
        {
            continue;
        }
        let key = string(get(p, "code"))
            .or_else(|| string(get(p, "id")))
            .or_else(|| string(get(p, "guid")));
        let listed = string(get(p, "guid")).and_then(|g| {
            persons
                .iter()
                .find(|x| string(get(x, "guid")).as_deref() == Some(g.as_str()))
        });
        let name = string(get(p, "public_name"))
            .or_else(|| string(get(p, "name")))
            .or_else(|| listed.and_then(|x| string(get(x, "name"))))
            .unwrap_or_default();
        let bio = localised(get(p, "biography"), lang)
            .or_else(|| listed.and_then(|x| localised(get(x, "biography"), lang)));
        if let Some(k) = d.person(key.as_deref(), &name, bio.as_deref()) {
            speakers.push(k);
        }
    }

    let mut urls: Vec<String> = string(get(ev, "url")).into_iter().collect();
    for l in items(get(ev, "links")) {
        match l {
            Value::String(s) => urls.push(s.clone()),
            other => urls.extend(string(get(other, "url"))),
        }
    }

    Event {
        place,
        id: string(get(ev, "id"))
            .or_else(|| string(get(ev, "code")))
            .or_else(|| string(get(ev, "guid")))
            .or_else(|| string(get(ev, "slug"))),
        title: localised(get(ev, "title"), lang).unwrap_or_default(),
        subtitle: localised(get(ev, "subtitle"), lang),
        type_name: string(get(ev, "type")).unwrap_or_default(),
        track,
        room,
        date_time: None,
        start: None,
        end: string(get(ev, "end")),
        duration: string(get(ev, "duration")),
        day: None,
        language: string(get(ev, "language")),
        abstract_text: text::abstract_and_description(
            localised(get(ev, "abstract"), lang).as_deref(),
            localised(get(ev, "description"), lang).as_deref(),
        ),
        speakers,
        own_url: string(get(ev, "url")).is_some(),
        urls,
    }
}
