//! The programme model: a validated conference programme that every other module reads.
//!
//! A `Programme` only exists after `parse::parse_programme` has checked it, so references
//! between its parts are plain indices that are always in range, and every session ends
//! after it starts. Nothing here knows about the browser.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A session's stable id, as written in the programme file. Saved plans refer to it.
pub type SessionId = String;

/// Text that is either one string or a map of language codes to translations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Localised(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, else in `fallback` (the programme's language), else any.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localised(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    pub fn plain(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }

    /// The same text with disguising characters removed (`text::clean`).
    pub fn cleaned(self) -> Self {
        match self {
            Text::Plain(s) => Text::Plain(crate::text::clean(&s)),
            // In place: collecting into a new map would sort it again (and instantiate a sort).
            Text::Localised(mut map) => {
                for v in map.values_mut() {
                    *v = crate::text::clean(v);
                }
                Text::Localised(map)
            }
        }
    }
}

/// What a session type is, so the widget can treat breaks and plenaries differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Plenary,
    Seminar,
    Workshop,
    Break,
    Meal,
    Social,
    Exhibition,
    Meeting,
    Other,
}

/// A session's booking status (`status` in the file); absent means open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Open,
    Full,
}

impl Kind {
    /// Breaks and meals are part of the day for everyone: there is nothing to choose.
    pub fn can_star(self) -> bool {
        !matches!(self, Kind::Break | Kind::Meal)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conference {
    pub title: Text,
    pub subtitle: Option<Text>,
    pub venue: Option<Text>,
    pub city: Option<String>,
    pub time_zone: String,
    pub language: String,
    pub days: Vec<NaiveDate>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Room {
    pub id: String,
    pub name: Text,
    pub capacity: Option<u32>,
    pub floor: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub id: String,
    pub name: Text,
    /// `#rrggbb`, validated.
    pub colour: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SessionType {
    pub id: String,
    pub name: Text,
    pub kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub id: String,
    pub name: Text,
}

/// A seminar block (*seminariepass*): a named time span in which parallel seminars run.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub id: String,
    pub name: Text,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub organisation: Option<String>,
    pub bio: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub id: SessionId,
    pub title: String,
    pub subtitle: Option<String>,
    /// Index into `Programme::types`.
    pub kind_ix: usize,
    /// Indices into `Programme::themes`.
    pub themes: Vec<usize>,
    pub room: Option<usize>,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub block: Option<usize>,
    /// BCP 47 code; the conference language when the file gives none.
    pub language: String,
    pub level: Option<usize>,
    pub tags: Vec<String>,
    pub abstract_text: Option<String>,
    pub speakers: Vec<usize>,
    pub url: Option<String>,
    /// Index into `Conference::days`.
    pub day: usize,
    /// `status: "full"`: no seats left. Still shown and starrable, but marked, and not a
    /// valid choice under `choose="one-per-block"`.
    pub full: bool,
}

impl Session {
    pub fn overlaps(&self, other: &Session) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A reference to the one read-only programme (an `Rc`), not to be confused with a
/// `share::SharedPlan`. Compared by identity, so passing it as a prop is cheap.
#[derive(Clone, Debug)]
pub struct ProgrammeRef(pub std::rc::Rc<Programme>);

impl PartialEq for ProgrammeRef {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ProgrammeRef {
    type Target = Programme;
    fn deref(&self) -> &Programme {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Programme {
    pub id: String,
    pub revision: Option<String>,
    pub conference: Conference,
    pub rooms: Vec<Room>,
    pub themes: Vec<Theme>,
    pub types: Vec<SessionType>,
    pub levels: Vec<Level>,
    pub blocks: Vec<Block>,
    pub speakers: Vec<Speaker>,
    /// In time order (start, then room order, then id).
    pub sessions: Vec<Session>,
    pub(crate) session_index: HashMap<SessionId, usize>,
}

impl Programme {
    /// Six hex digits that tell this programme from another with the same id (two pretalx
    /// conferences on one site, say): a hash of its title, time zone and days, which do
    /// not change as sessions are added, moved or renamed. Share links carry it.
    pub fn fingerprint(&self) -> String {
        let c = &self.conference;
        let mut text = format!(
            "{}\u{1f}{}",
            c.title.get(&c.language, &c.language),
            c.time_zone
        );
        for d in &c.days {
            text.push('\u{1f}');
            text.push_str(&d.to_string());
        }
        format!("{:06x}", crate::text::fnv1a(&text) & 0xff_ffff)
    }

    pub fn session(&self, id: &str) -> Option<&Session> {
        self.session_index.get(id).map(|&ix| &self.sessions[ix])
    }

    pub fn session_ix(&self, id: &str) -> Option<usize> {
        self.session_index.get(id).copied()
    }

    pub fn kind(&self, session: &Session) -> Kind {
        self.types[session.kind_ix].kind
    }

    pub fn lang(&self) -> &str {
        &self.conference.language
    }
}

/// A calendar date written `YYYY-MM-DD` (exactly: four, two and two ASCII digits), as the
/// format and the page URL write days. Hand-written so that the bundle needs none of
/// chrono's `strftime` parser; writing a date back is `NaiveDate`'s `Display`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}
