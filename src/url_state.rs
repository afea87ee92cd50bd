//! The view as a URL query string, and back: filters, search, the view and the open
//! session, so a view can be bookmarked, shared and reopened.
//!
//! Pure text in, text out; `browser::url` decides where in the URL it lives (hash, query
//! or nowhere). Parsing never fails: anything unknown, malformed or oversized is ignored.

use chrono::NaiveDate;

use crate::filter::{DayChoice, FACETS, Filters};
use crate::parse::valid_id;
use crate::state::View;

/// Longer input is not read at all (a hostile link must not cost time).
const MAX_LEN: usize = 4096;
/// Most ids one facet takes from a URL.
const MAX_IDS: usize = 50;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub filters: Filters,
    pub view: View,
    pub session: Option<String>,
    pub speaker: Option<String>,
    /// A shared plan (`share::encode`), until the visitor adopts, merges or dismisses it.
    pub share: Option<String>,
}

/// Percent-encodes everything but unreserved characters (and `,`, our list separator,
/// which is encoded inside values).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes percent-encoding and `+`; invalid sequences are kept as written.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl UrlState {
    /// Reads a query string (with or without a leading `?` or `#`).
    pub fn parse(input: &str) -> UrlState {
        let mut state = UrlState::default();
        if input.len() > MAX_LEN {
            return state;
        }
        let input = input.trim_start_matches(['?', '#', '/']);
        for pair in input.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode_component(v);
            let ids = || {
                v.split(',')
                    .filter(|id| valid_id(id))
                    .take(MAX_IDS)
                    .map(str::to_owned)
            };
            match k {
                "q" => {
                    state.filters.text = v
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(crate::search::MAX_QUERY_CHARS)
                        .collect()
                }
                "day" if v == "all" => state.filters.day = DayChoice::All,
                "day" => {
                    if let Ok(d) = NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                        state.filters.day = DayChoice::Date(d);
                    }
                }
                "starred" => state.filters.starred_only = v == "1",
                "view" if v == "mine" => state.view = View::MySchedule,
                "session" => state.session = ids().next(),
                "speaker" => state.speaker = ids().next(),
                "share" if v.len() <= crate::share::MAX_LEN => state.share = Some(v.clone()),
                _ => {
                    if let Some(&facet) = FACETS.iter().find(|&&f| f.key() == k) {
                        state.filters.set_mut(facet).extend(ids());
                    }
                }
            }
        }
        state
    }

    /// Writes the query string (without `?`), in a fixed order so equal states give
    /// equal strings. Empty for the default view.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view == View::MySchedule {
            parts.push("view=mine".into());
        }
        match &self.filters.day {
            DayChoice::Default => {}
            DayChoice::All => parts.push("day=all".into()),
            DayChoice::Date(d) => parts.push(format!("day={}", d.format("%Y-%m-%d"))),
        }
        let text = self.filters.text.trim();
        if !text.is_empty() {
            parts.push(format!("q={}", encode_component(text)));
        }
        for facet in FACETS {
            let set = self.filters.set(facet);
            if !set.is_empty() {
                let list: Vec<String> = set.iter().map(|id| encode_component(id)).collect();
                parts.push(format!("{}={}", facet.key(), list.join(",")));
            }
        }
        if self.filters.starred_only {
            parts.push("starred=1".into());
        }
        if let Some(s) = &self.session {
            parts.push(format!("session={}", encode_component(s)));
        }
        if let Some(s) = &self.speaker {
            parts.push(format!("speaker={}", encode_component(s)));
        }
        if let Some(s) = &self.share {
            parts.push(format!("share={}", encode_component(s)));
        }
        parts.join("&")
    }
}
