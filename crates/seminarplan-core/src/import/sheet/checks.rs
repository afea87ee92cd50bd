//! What is possible but probably wrong in a sheet: a room booked for two sessions at once,
//! a speaker in two places at once. Warnings at the later row, naming the earlier one.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::SheetNote;
use super::build::{Entry, document, note};
use super::columns::{Field, Header};
use crate::import::Warning;

/// Sessions everyone shares a room for, which may overlap anything.
const SHARED_KINDS: [&str; 4] = ["break", "meal", "exhibition", "social"];

fn span(e: &Entry) -> (NaiveDateTime, NaiveDateTime) {
    (e.starts(), e.end)
}

/// For each group of entries, every entry that starts before an earlier one has ended,
/// with that earlier one.
fn overlaps(groups: HashMap<String, Vec<&Entry>>) -> Vec<(String, &Entry, &Entry)> {
    let mut found = Vec::new();
    for (name, mut group) in groups {
        group.sort_by_key(|e| (span(e), e.row));
        let mut longest: Option<&Entry> = None;
        for e in group {
            match longest {
                Some(l) if span(e).0 < span(l).1 => {
                    found.push((name.clone(), e, l));
                    if span(e).1 > span(l).1 {
                        longest = Some(e);
                    }
                }
                _ => longest = Some(e),
            }
        }
    }
    found.sort_by_key(|(_, e, _)| e.row);
    found
}

/// Warnings for rooms and speakers booked twice at once.
pub(super) fn collisions(entries: &[Entry], header: &Header, warnings: &mut Vec<Warning>) {
    let mut rooms: HashMap<String, Vec<&Entry>> = HashMap::new();
    let mut people: HashMap<String, Vec<&Entry>> = HashMap::new();
    for e in entries {
        let type_name = e
            .type_name
            .clone()
            .unwrap_or_else(|| document::default_type(&e.title, ""));
        if let Some(room) = &e.room
            && !SHARED_KINDS.contains(&document::kind(&type_name))
        {
            rooms.entry(room.clone()).or_default().push(e);
        }
        for p in &e.speakers {
            people.entry(p.name.clone()).or_default().push(e);
        }
    }
    let column = header.heading(Field::Room);
    for (room, e, other) in overlaps(rooms) {
        let n = SheetNote::RoomTwice {
            room,
            other_row: other.row,
        };
        warnings.push(note(e.row, &column, n));
    }
    let column = header.heading(Field::Speakers);
    for (speaker, e, other) in overlaps(people) {
        let n = SheetNote::SpeakerTwice {
            speaker,
            other_row: other.row,
        };
        warnings.push(note(e.row, &column, n));
    }
}
