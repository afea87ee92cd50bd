//! The saved plan as stored in the browser: one versioned JSON record per programme.
//!
//! Pure encoding and decoding only; `browser::storage` does the reading and writing.
//! Decoding never panics: a record it cannot read is reported, so the caller can set it
//! aside instead of overwriting what the visitor chose.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use crate::plan::{Plan, Snapshot};

/// The record version this build writes. Version 1 had no snapshots; it is migrated.
pub const VERSION: u32 = 2;

/// Records larger than this are not decoded (a plan is a few kilobytes at most).
const MAX_RECORD: usize = 1024 * 1024;

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

pub fn encode(plan: &Plan) -> String {
    let record = Record {
        v: VERSION,
        starred: plan.starred.iter().cloned().collect(),
        snapshots: plan
            .snapshots
            .iter()
            .filter(|(id, _)| plan.starred.contains(*id))
            .map(|(id, s)| {
                (
                    id.clone(),
                    SavedSnapshot {
                        title: s.title.clone(),
                        start: s.start.clone(),
                        end: s.end.clone(),
                        room: s.room.clone(),
                        gone: s.gone,
                    },
                )
            })
            .collect(),
    };
    serde_json::to_string(&record).unwrap_or_default()
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
    let starred: std::collections::BTreeSet<String> = record
        .starred
        .into_iter()
        .filter(|id| crate::parse::valid_id(id))
        .collect();
    let snapshots = record
        .snapshots
        .into_iter()
        .filter(|(id, _)| starred.contains(id))
        .map(|(id, s)| {
            (
                id,
                Snapshot {
                    title: s.title,
                    start: s.start,
                    end: s.end,
                    room: s.room,
                    gone: s.gone,
                },
            )
        })
        .collect();
    Ok(Plan { starred, snapshots })
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
    plan: Record,
}

/// The colleagues as a versioned JSON record.
pub fn encode_team(team: &crate::delegation::Delegation) -> String {
    let record = TeamRecord {
        v: TEAM_VERSION,
        me: team.me.clone(),
        colleagues: team
            .colleagues
            .iter()
            .map(|c| SavedColleague {
                name: c.name.clone(),
                stamp: c.stamp,
                plan: serde_json::from_str(&encode(&c.plan)).unwrap_or(Record {
                    v: VERSION,
                    starred: c.plan.starred.iter().cloned().collect(),
                    snapshots: BTreeMap::new(),
                }),
            })
            .collect(),
    };
    serde_json::to_string(&record).unwrap_or_default()
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
    let mut team = crate::delegation::Delegation {
        me: record.me.as_deref().and_then(crate::delegation::clean_name),
        ..Default::default()
    };
    for (n, c) in record.colleagues.into_iter().enumerate() {
        let plan_text = serde_json::to_string(&c.plan).map_err(|_| DecodeError::Corrupt)?;
        let plan = decode(&plan_text)?;
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
