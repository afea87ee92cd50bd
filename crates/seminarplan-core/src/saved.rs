//! The saved plan as stored in the browser: one versioned JSON record per programme.
//!
//! Pure encoding and decoding only; `browser::storage` does the reading and writing.
//! Decoding never panics: a record it cannot read is reported, so the caller can set it
//! aside instead of overwriting what the visitor chose.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::plan::{Found, Plan, Snapshot};

/// The record version this build writes. Version 1 had no snapshots; it is migrated.
pub const VERSION: u32 = 2;

/// Records larger than this are not decoded (a plan is a few kilobytes at most), and
/// [`encode`] never writes one.
pub const MAX_RECORD: usize = 1024 * 1024;

/// The storage key of a programme's plan. `namespace` lets several widgets on one site
/// keep separate plans.
pub fn key(namespace: &str, programme_id: &str) -> String {
    format!("seminarplan:{namespace}:plan:{programme_id}")
}

/// The storage key of the visitor's layout choice (list or grid).
pub fn layout_key(namespace: &str) -> String {
    format!("seminarplan:{namespace}:layout")
}

/// The storage key of the visitor's language choice.
pub fn lang_key(namespace: &str) -> String {
    format!("seminarplan:{namespace}:lang")
}

/// Where a record that could not be read is set aside.
pub fn aside_key(key: &str, stamp: &str) -> String {
    format!("{key}:unreadable:{stamp}")
}

#[derive(Serialize, Deserialize)]
struct Record {
    v: u32,
    starred: Vec<String>,
    #[serde(default)]
    snapshots: BTreeMap<String, SavedSnapshot>,
    /// When each starred session was starred (`Plan::stamps`); older records have none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    at: BTreeMap<String, i64>,
    /// Sessions unstarred, and when: so an older copy elsewhere cannot bring them back.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    removed: BTreeMap<String, i64>,
}

#[derive(Serialize, Deserialize)]
struct SavedSnapshot {
    title: String,
    start: String,
    end: String,
    #[serde(default)]
    room: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    gone: bool,
    /// `Snapshot::found`: `"time-room"` or `"title"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    found: Option<String>,
}

/// `Snapshot::found` as stored, and back (anything else is read as none).
fn found_text(found: Option<Found>) -> Option<String> {
    found.map(|by| match by {
        Found::TimeAndRoom => "time-room".to_owned(),
        Found::Title => "title".to_owned(),
    })
}

fn found_from(text: Option<&str>) -> Option<Found> {
    match text? {
        "time-room" => Some(Found::TimeAndRoom),
        "title" => Some(Found::Title),
        _ => None,
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a record we can read at all.
    Corrupt,
    /// Written by a newer version of the widget.
    Future(u32),
}

/// The plan is too large to be saved as one record (thousands of stars).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLarge;

/// The record for `plan`, never larger than [`MAX_RECORD`] (what [`decode`] accepts): when
/// it would be, the snapshots are left out first (they only serve to point out changes),
/// then the remembered removals and stamps. When the stars alone do not fit, nothing is
/// written: `TooLarge`.
pub fn encode(plan: &Plan) -> Result<String, TooLarge> {
    let mut record = Record {
        v: VERSION,
        starred: plan.starred.iter().cloned().collect(),
        snapshots: BTreeMap::new(),
        at: BTreeMap::new(),
        removed: BTreeMap::new(),
    };
    // Maps filled by `insert`, here and in `decode`: `collect()` into a `BTreeMap` sorts
    // first, and each sort is kilobytes of wasm (BENCHMARKS.md, issue 14).
    for (id, s) in &plan.snapshots {
        if plan.starred.contains(id) {
            let saved = SavedSnapshot {
                title: s.title.clone(),
                start: s.start.clone(),
                end: s.end.clone(),
                room: s.room.clone(),
                gone: s.gone,
                found: found_text(s.found),
            };
            record.snapshots.insert(id.clone(), saved);
        }
    }
    for (id, &t) in &plan.stamps {
        if plan.starred.contains(id) {
            record.at.insert(id.clone(), t);
        } else {
            record.removed.insert(id.clone(), t);
        }
    }
    let fits = |r: &Record| {
        serde_json::to_string(r)
            .ok()
            .filter(|text| text.len() <= MAX_RECORD)
    };
    if let Some(text) = fits(&record) {
        return Ok(text);
    }
    record.snapshots.clear();
    if let Some(text) = fits(&record) {
        return Ok(text);
    }
    record.removed.clear();
    record.at.clear();
    fits(&record).ok_or(TooLarge)
}

pub fn decode(text: &str) -> Result<Plan, DecodeError> {
    if text.len() > MAX_RECORD {
        return Err(DecodeError::Corrupt);
    }
    let version: VersionOnly = serde_json::from_str(text).map_err(|_| DecodeError::Corrupt)?;
    if version.v > VERSION {
        return Err(DecodeError::Future(version.v));
    }
    // Version 1 is version 2 without snapshots: the same reader migrates it.
    let record: Record = serde_json::from_str(text).map_err(|_| DecodeError::Corrupt)?;
    let mut starred = std::collections::BTreeSet::new();
    starred.extend(
        record
            .starred
            .into_iter()
            .filter(|id| crate::parse::valid_id(id)),
    );
    let mut stamps = record.at;
    stamps.retain(|id, _| starred.contains(id));
    stamps.extend(
        record
            .removed
            .into_iter()
            .filter(|(id, _)| crate::parse::valid_id(id) && !starred.contains(id)),
    );
    let mut snapshots = BTreeMap::new();
    for (id, s) in record.snapshots {
        if starred.contains(&id) {
            let snapshot = Snapshot {
                title: s.title,
                start: s.start,
                end: s.end,
                found: found_from(s.found.as_deref()),
                room: s.room,
                gone: s.gone,
            };
            snapshots.insert(id, snapshot);
        }
    }
    let mut plan = Plan {
        starred,
        snapshots,
        stamps,
    };
    // A record keeps no more removals than a plan does.
    plan.forget_old_removals();
    Ok(plan)
}

/// The starred sessions that can still be read from a record [`decode`] refused: a record
/// from a newer version (its `starred` list), or one cut short (every complete id in its
/// `starred` list). For offering to restore a record that was set aside.
pub fn salvage(text: &str) -> Plan {
    let mut plan = Plan::default();
    // Cut at a character boundary: a record cut inside `å` panicked (issue 28).
    let (text, _) = text.split_at(text.floor_char_boundary(MAX_RECORD));
    let Some((_, rest)) = text.split_once("\"starred\"") else {
        return plan;
    };
    let Some((_, list)) = rest.split_once('[') else {
        return plan;
    };
    let list = list.split_once(']').map_or(list, |(list, _)| list);
    // Each complete string of the list: `"id"`; a last one cut short has no closing quote.
    let mut parts = list.split('"');
    parts.next();
    while let (Some(id), Some(_)) = (parts.next(), parts.next()) {
        if crate::parse::valid_id(id) {
            plan.set(id, true);
        }
    }
    plan
}

/// The version of the colleagues record (`encode_team`) this build writes.
pub const TEAM_VERSION: u32 = 1;

/// The storage key of the colleagues kept for a programme (`delegation::Delegation`).
pub fn team_key(namespace: &str, programme_id: &str) -> String {
    format!("seminarplan:{namespace}:team:{programme_id}")
}

#[derive(Serialize, Deserialize)]
struct TeamRecord {
    v: u32,
    #[serde(default)]
    colleagues: Vec<SavedColleague>,
    /// The visitor's own name in delegation links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    me: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct SavedColleague {
    name: String,
    #[serde(default)]
    stamp: u64,
    /// The colleague's plan, as `encode` writes the visitor's own.
    plan: serde_json::Value,
}

/// The colleagues as a versioned JSON record, never larger than [`MAX_RECORD`] (what
/// [`decode_team`] accepts; issue 28: it could be written larger than it could be read
/// back): when it would be, the colleagues' plans keep only their stars; when even those
/// do not fit, nothing is written: `TooLarge`.
pub fn encode_team(team: &crate::delegation::Delegation) -> Result<String, TooLarge> {
    let stars_only = |plan: &Plan| serde_json::json!({ "v": VERSION, "starred": plan.starred });
    let whole = |plan: &Plan| {
        encode(plan)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| stars_only(plan))
    };
    let record = |plan_of: &dyn Fn(&Plan) -> serde_json::Value| TeamRecord {
        v: TEAM_VERSION,
        me: team.me.clone(),
        colleagues: team
            .colleagues
            .iter()
            .map(|c| SavedColleague {
                name: c.name.clone(),
                stamp: c.stamp,
                plan: plan_of(&c.plan),
            })
            .collect(),
    };
    let fits = |r: TeamRecord| {
        serde_json::to_string(&r)
            .ok()
            .filter(|text| text.len() <= MAX_RECORD)
    };
    fits(record(&whole))
        .or_else(|| fits(record(&stars_only)))
        .ok_or(TooLarge)
}

/// Reads the colleagues record. Names are untrusted text and cleaned again
/// (`delegation::clean_name`); an unreadable record is an error, to be set aside.
pub fn decode_team(text: &str) -> Result<crate::delegation::Delegation, DecodeError> {
    if text.len() > MAX_RECORD {
        return Err(DecodeError::Corrupt);
    }
    let version: VersionOnly = serde_json::from_str(text).map_err(|_| DecodeError::Corrupt)?;
    if version.v > TEAM_VERSION {
        return Err(DecodeError::Future(version.v));
    }
    let record: TeamRecord = serde_json::from_str(text).map_err(|_| DecodeError::Corrupt)?;
    team_of(record, decode)
}

/// The colleagues that can still be read from a record [`decode_team`] refused, for
/// restoring one that was set aside (issue 28: it had no restore): one from a newer
/// version (read as this one reads its own, each plan as far as [`salvage`] reads it).
/// Nothing from a record that is not JSON.
pub fn salvage_team(text: &str) -> crate::delegation::Delegation {
    let record = (text.len() <= MAX_RECORD)
        .then(|| serde_json::from_str::<TeamRecord>(text).ok())
        .flatten();
    record
        .and_then(|r| team_of(r, |plan| Ok(salvage(plan))).ok())
        .unwrap_or_default()
}

/// The colleagues of a record read, each plan read by `plan_of`.
fn team_of(
    record: TeamRecord,
    plan_of: impl Fn(&str) -> Result<Plan, DecodeError>,
) -> Result<crate::delegation::Delegation, DecodeError> {
    let mut team = crate::delegation::Delegation {
        me: record.me.as_deref().and_then(crate::delegation::clean_name),
        ..Default::default()
    };
    for (n, c) in record.colleagues.into_iter().enumerate() {
        let plan = plan_of(&c.plan.to_string())?;
        // A name lost to cleaning, or repeated, gets a number: the plan is never dropped.
        let name = crate::delegation::clean_name(&c.name)
            .filter(|name| team.find(name).is_none())
            .unwrap_or_else(|| {
                format!(
                    "{} {}",
                    c.name
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .take(20)
                        .collect::<String>(),
                    n + 1
                )
                .trim()
                .to_owned()
            });
        team.colleagues.push(crate::delegation::Colleague {
            name,
            stamp: c.stamp,
            plan,
        });
    }
    Ok(team)
}
