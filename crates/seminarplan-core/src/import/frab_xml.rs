//! frab/Pentabarf `schedule.xml`, as frab, FOSDEM (old style with `<event>` straight under
//! `<day>`, and new style with `<room>` wrappers) and wafer (DebConf) write it.

use super::build::{Day, Draft, Event};
use super::text;
use super::time::{self, When};
use super::xml::{self, Element};
use crate::parse::{Problem, ProgrammeError};

pub(crate) fn read(input: &str) -> Result<Draft, Vec<ProgrammeError>> {
    let root = xml::parse(input).map_err(|e| {
        vec![ProgrammeError {
            path: String::new(),
            problem: Problem::Shape {
                detail: format!(
                    "not well-formed XML (line {}, column {}): {}",
                    e.line, e.column, e.message
                ),
            },
        }]
    })?;
    if root.name != "schedule" {
        return Err(vec![ProgrammeError {
            path: String::new(),
            problem: Problem::UnknownFormat {
                found: format!("XML <{}>", root.name.chars().take(40).collect::<String>()),
            },
        }]);
    }
    let empty = Element::default();
    let conf = root.child("conference").unwrap_or(&empty);
    let mut d = Draft {
        id: conf.child_text("acronym"),
        title: conf.child_text("title"),
        subtitle: conf.child_text("subtitle"),
        venue: conf.child_text("venue"),
        city: conf.child_text("city"),
        url: conf
            .child_text("url")
            .or_else(|| conf.child_text("base_url")),
        revision: root.child_text("version"),
        zone: conf.child_text("time_zone_name"),
        language: conf.child_text("language"),
        day_change: conf
            .child_text("day_change")
            .and_then(|c| time::parse_clock(&c)),
        start_date: conf
            .child_text("start")
            .and_then(|s| match time::parse_when(&s) {
                Some(When::Date(d)) => Some(d),
                Some(When::Local(n)) => Some(n.date()),
                Some(When::Exact(t)) => Some(t.date_naive()),
                None => None,
            }),
        ..Draft::default()
    };

    for (di, day) in root.all("day").enumerate() {
        let day_place = format!("schedule/day[{}]", di + 1);
        d.days.push(Day {
            date: day
                .attr("date")
                .and_then(time::parse_when)
                .and_then(|w| match w {
                    When::Date(d) => Some(d),
                    _ => None,
                }),
            start: day.attr("start").map(str::to_owned),
            place: day_place.clone(),
        });
        // New style: <room name="…"><event>…; old style: <event> straight under <day>.
        let mut events: Vec<(Option<&str>, &Element)> = Vec::new();
        for child in day.elements() {
            match child.name.as_str() {
                "room" => {
                    let name = child.attr("name");
                    events.extend(child.all("event").map(|e| (name, e)));
                }
                "event" => events.push((None, child)),
                _ => {}
            }
        }
        for (n, (room_name, ev)) in events.into_iter().enumerate() {
            let label = ev
                .attr("id")
                .map(|id| id.chars().take(40).collect::<String>())
                .unwrap_or_else(|| (n + 1).to_string());
            let place = match room_name {
                Some(r) => format!("{day_place}/room[{r}]/event[{label}]"),
                None => format!("{day_place}/event[{label}]"),
            };
            let e = event(&mut d, ev, room_name, place, di);
            d.events.push(e);
        }
    }
    Ok(d)
}

fn event(d: &mut Draft, ev: &Element, room_name: Option<&str>, place: String, day: usize) -> Event {
    let room = room_name
        .filter(|r| !r.trim().is_empty())
        .map(str::to_owned)
        .or_else(|| ev.child_text("room"))
        .and_then(|r| d.room(&r));
    let track = ev.child_text("track").and_then(|t| d.track(&t));
    let mut speakers = Vec::new();
    if let Some(persons) = ev.child("persons") {
        for p in persons.all("person") {
            let name = p.text();
            if let Some(k) = d.person(p.attr("id"), &name, None) {
                speakers.push(k);
            }
        }
    }
    let mut urls: Vec<String> = ev.child_text("url").into_iter().collect();
    if let Some(links) = ev.child("links") {
        urls.extend(
            links
                .all("link")
                .filter_map(|l| l.attr("href").map(str::to_owned)),
        );
    }
    Event {
        place,
        id: ev
            .attr("id")
            .map(str::to_owned)
            .or_else(|| ev.attr("guid").map(str::to_owned))
            .or_else(|| ev.child_text("slug")),
        title: ev.child_text("title").unwrap_or_default(),
        subtitle: ev.child_text("subtitle"),
        type_name: ev.child_text("type").unwrap_or_default(),
        track,
        room,
        date_time: ev.child_text("date"),
        start: ev.child_text("start"),
        end: ev.child_text("end"),
        duration: ev.child_text("duration"),
        day: Some(day),
        language: ev.child_text("language"),
        abstract_text: text::abstract_and_description(
            ev.child("abstract").map(Element::text).as_deref(),
            ev.child("description").map(Element::text).as_deref(),
        ),
        speakers,
        own_url: ev.child_text("url").is_some(),
        urls,
    }
}
