//! A programme file's shape, exactly as serde reads it, before validation. The spreadsheet
//! reader builds one directly and writes it out (`Serialize`) only when someone asks for
//! the converted document, so what it writes is what is read: fields that are absent,
//! empty or at their default are left out.

use serde::{Deserialize, Serialize};

use crate::model::{Kind, Status, Text};

#[derive(Deserialize, Serialize)]
pub struct Programme {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    pub conference: Conference,
    pub rooms: Vec<Room>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    pub types: Vec<SessionType>,
    #[serde(default)]
    pub levels: Vec<Level>,
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    pub sessions: Vec<Session>,
}

#[derive(Deserialize, Serialize)]
pub struct Conference {
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub time_zone: String,
    pub language: String,
    pub days: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Deserialize, Serialize)]
pub struct Room {
    pub id: String,
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Text>,
}

#[derive(Deserialize, Serialize)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    pub colour: String,
}

#[derive(Deserialize, Serialize)]
pub struct SessionType {
    pub id: String,
    pub name: Text,
    pub kind: Kind,
}

#[derive(Deserialize, Serialize)]
pub struct Level {
    pub id: String,
    pub name: Text,
}

#[derive(Deserialize, Serialize)]
pub struct Block {
    pub id: String,
    pub name: Text,
    pub start: String,
    pub end: String,
}

#[derive(Deserialize, Serialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
}

#[derive(Deserialize, Serialize)]
pub struct Session {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    pub start: String,
    pub end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    pub abstract_text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "is_open")]
    pub status: Status,
}

fn is_open(status: &Status) -> bool {
    *status == Status::Open
}
