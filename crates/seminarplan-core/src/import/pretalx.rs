//! pretalx's schedule widget JSON (`/schedule/widgets/schedule.json`): top-level `talks`,
//! `rooms`, `tracks` and `speakers`, talks referring to rooms and tracks by id and to
//! speakers by code, names possibly localised. Written from public knowledge of that
//! endpoint and tested on our own fixture only (see docs/IMPORT.md): the fixture from
//! pretalx in ../shared/fixtures is pretalx's frab-layout export, read by `frab_json`.

use serde_json::Value;

use super::build::{self, Draft, Event};
use super::frab_json::{get, items, localised, string};
use super::text;
use super::time::{self, When};
use crate::parse::ProgrammeError;

pub(crate) fn read(root: &Value) -> Result<Draft, Vec<ProgrammeError>> {
    let Some(talks) = get(root, "talks").and_then(Value::as_array) else {
        return Err(build::unreadable(
            "talks",
            "a pretalx widget file needs talks",
        ));
    };
    // The widget names no language; its localised names say which ones exist.
    let lang = items(get(root, "rooms"))
        .chain(items(get(root, "tracks")))
        .find_map(|x| get(x, "name").and_then(Value::as_object))
        .and_then(|m| {
            if m.contains_key("en") {
                Some("en".to_owned())
            } else {
                m.keys().next().cloned()
            }
        });
    let mut d = Draft {
        id: string(get(root, "slug")).or_else(|| string(get(root, "event"))),
        title: localised(get(root, "name"), lang.as_deref()),
        url: string(get(root, "url")),
        revision: string(get(root, "version")),
        zone: string(get(root, "timezone")),
        language: lang.clone(),
        start_date: string(get(root, "event_start")).and_then(|s| match time::parse_when(&s) {
            Some(When::Date(d)) => Some(d),
            Some(When::Local(n)) => Some(n.date()),
            Some(When::Exact(t)) => Some(t.date_naive()),
            None => None,
        }),
        ..Draft::default()
    };
    let lang = lang.as_deref();

    for r in items(get(root, "rooms")) {
        let (Some(key), Some(name)) = (string(get(r, "id")), localised(get(r, "name"), lang))
        else {
            continue;
        };
        let name = text::line(&name);
        if name.is_empty() || d.room_by_key(&key).is_some() {
            continue;
        }
        d.rooms.push(build::Room {
            key,
            name,
            slug: None,
            capacity: get(r, "capacity")
                .and_then(Value::as_u64)
                .and_then(|c| u32::try_from(c).ok()),
        });
    }
    for t in items(get(root, "tracks")) {
        let (Some(key), Some(name)) = (string(get(t, "id")), localised(get(t, "name"), lang))
        else {
            continue;
        };
        let name = text::line(&name);
        if name.is_empty() || d.track_by_key(&key).is_some() {
            continue;
        }
        d.tracks.push(build::Track {
            key,
            name,
            slug: None,
            colour: string(get(t, "color")),
        });
    }
    let speakers: Vec<&Value> = items(get(root, "speakers")).collect();

    for (i, talk) in talks.iter().enumerate() {
        let place = format!("talks[{i}]");
        let room = string(get(talk, "room")).and_then(|r| {
            if d.room_by_key(&r).is_some() {
                Some(r)
            } else {
                d.room(&r)
            }
        });
        let track = string(get(talk, "track")).and_then(|t| {
            if d.track_by_key(&t).is_some() {
                Some(t)
            } else {
                d.track(&t)
            }
        });
        let mut people = Vec::new();
        for code in items(get(talk, "speakers")) {
            // A code, or a speaker object.
            let code = string(Some(code)).or_else(|| string(get(code, "code")));
            let Some(code) = code else { continue };
            let listed = speakers
                .iter()
                .find(|s| string(get(s, "code")).as_deref() == Some(code.as_str()));
            let name = listed
                .and_then(|s| string(get(s, "name")))
                .unwrap_or_else(|| code.clone());
            let bio = listed.and_then(|s| localised(get(s, "biography"), lang));
            if let Some(k) = d.person(Some(&code), &name, bio.as_deref()) {
                people.push(k);
            }
        }
        let code = string(get(talk, "code"));
        // Breaks have no code and no speakers.
        let type_name = string(get(talk, "submission_type"))
            .or_else(|| localised(get(talk, "submission_type"), lang))
            .unwrap_or_else(|| {
                if code.is_none() && people.is_empty() {
                    "Break".into()
                } else {
                    "Talk".into()
                }
            });
        let e = Event {
            place,
            id: code.clone().or_else(|| {
                string(get(talk, "id")).map(|id| {
                    if code.is_none() {
                        format!("break-{id}")
                    } else {
                        id
                    }
                })
            }),
            title: localised(get(talk, "title"), lang).unwrap_or_default(),
            subtitle: None,
            type_name,
            track,
            room,
            date_time: string(get(talk, "start")),
            start: None,
            end: string(get(talk, "end")),
            duration: string(get(talk, "duration")),
            day: None,
            language: string(get(talk, "content_locale")),
            abstract_text: text::abstract_and_description(
                localised(get(talk, "abstract"), lang).as_deref(),
                localised(get(talk, "description"), lang).as_deref(),
            ),
            speakers: people,
            urls: string(get(talk, "url")).into_iter().collect(),
            own_url: true,
        };
        d.events.push(e);
    }
    Ok(d)
}
