//! The view as a URL query string, and back: filters, search, the view and the open
//! session, so a view can be bookmarked, shared and reopened.
//!
//! Pure text in, text out; `browser::url` decides where in the URL it lives (hash, query
//! or nowhere). Parsing never fails: anything unknown, malformed or oversized is ignored.

use crate::filter::{DayChoice, FACETS, Filters};
use crate::parse::valid_id;

/// Longer input is not read at all (a hostile link must not cost time).
const MAX_LEN: usize = 4096;
/// Most ids one facet takes from a URL.
const MAX_IDS: usize = 50;

/// The views of the widget: the whole programme, the visitor's own schedule, or the
/// delegation's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Programme,
    MySchedule,
    /// The delegation: colleagues' schedules next to the visitor's own.
    Team,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub filters: Filters,
    pub view: View,
    pub session: Option<String>,
    pub speaker: Option<String>,
    /// A shared plan (`share::encode`), until the visitor adopts, merges or dismisses it.
    pub share: Option<String>,
    /// The address held a `share=` value too long to read: the receiver is told.
    pub share_unreadable: bool,
    /// A delegation link (`delegation::link::encode_team`), until the visitor takes it.
    pub team: Option<String>,
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
            // Not read, but a shared plan in it is reported rather than dropped silently.
            state.share_unreadable = input
                .trim_start_matches(['?', '#', '/'])
                .split('&')
                .any(|pair| pair.starts_with("share="));
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
                    let text: String = v
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(crate::search::MAX_QUERY_CHARS)
                        .collect();
                    // Trimmed as `to_query` writes it, so a link reads back the same.
                    state.filters.text = text.trim().to_owned();
                }
                "day" if v == "all" => state.filters.day = DayChoice::All,
                "day" => {
                    if let Some(d) = crate::model::parse_date(&v) {
                        state.filters.day = DayChoice::Date(d);
                    }
                }
                "starred" => state.filters.starred_only = v == "1",
                "view" if v == "mine" => state.view = View::MySchedule,
                "view" if v == "team" => state.view = View::Team,
                "session" => state.session = ids().next(),
                "speaker" => state.speaker = ids().next(),
                "share" if v.len() <= crate::share::MAX_LEN => state.share = Some(v.clone()),
                "share" => state.share_unreadable = true,
                "team" if v.len() <= crate::delegation::link::MAX_LEN => {
                    state.team = Some(v.clone())
                }
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
        match self.view {
            View::MySchedule => parts.push("view=mine".into()),
            View::Team => parts.push("view=team".into()),
            View::Programme => {}
        }
        match &self.filters.day {
            DayChoice::Default => {}
            DayChoice::All => parts.push("day=all".into()),
            DayChoice::Date(d) => parts.push(format!("day={d}")),
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
        if let Some(s) = &self.team {
            parts.push(format!("team={}", encode_component(s)));
        }
        parts.join("&")
    }
}

/// The keys the widget reads from a query string; every other pair belongs to the page.
fn is_widget_key(key: &str) -> bool {
    matches!(
        key,
        "q" | "day" | "starred" | "view" | "session" | "speaker" | "share" | "team"
    ) || FACETS.iter().any(|f| f.key() == key)
}

/// Old plain keys that are also common parameters of host pages, so never read as the
/// widget's: WPML's and Polylang's `lang=en` on every address of a WordPress site, and
/// Drupal's (and many search forms') `q=` (issue 28).
const HOST_KEYS: &[&str] = &["lang", "q"];

/// Whose pairs of a query string are a widget's. A widget writes its keys with a prefix,
/// its namespace (`inkopsforum.q=`; `sp.q=` for the namespace `default`), whether it is
/// alone on its page or not, so a link keeps working when a widget is added to the page
/// or removed from it, and no key collides with the host page's own (`lang=`, `q=`,
/// `page_id=`). Links of earlier versions are still read: plain keys (`share=`,
/// `session=`), except those host pages use themselves (`HOST_KEYS`), by a widget alone
/// on its page; on a page with several, only their `share=` and `team=`, and only by the
/// page's first widget (`reading_old_links`: the one a link from when it was alone was
/// most likely made by); a widget that writes the address drops the old keys it read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    prefix: String,
    alone: bool,
    old_links: bool,
}

impl Default for Scope {
    /// The page's only widget, with the namespace `default`.
    fn default() -> Scope {
        Scope::alone("default")
    }
}

impl Scope {
    /// The keys of a widget alone on its page.
    pub fn alone(namespace: &str) -> Scope {
        Scope {
            prefix: prefix(namespace),
            alone: true,
            old_links: true,
        }
    }

    /// The keys of a widget that shares its page with others.
    pub fn named(namespace: &str) -> Scope {
        Scope {
            prefix: prefix(namespace),
            alone: false,
            old_links: false,
        }
    }

    /// This scope, also reading the plain `share=` and `team=` of links made before the
    /// page had several widgets (for the page's first widget).
    pub fn reading_old_links(self) -> Scope {
        Scope {
            old_links: true,
            ..self
        }
    }

    /// Whether the widget is alone on its page.
    pub fn is_alone(&self) -> bool {
        self.alone
    }

    /// The plain widget key that `key` stands for in this scope, if it is this widget's.
    fn own<'a>(&self, key: &'a str) -> Option<&'a str> {
        if let Some(plain) = key
            .strip_prefix(self.prefix.as_str())
            .and_then(|k| k.strip_prefix('.'))
        {
            return is_widget_key(plain).then_some(plain);
        }
        let old = if self.alone {
            is_widget_key(key) && !HOST_KEYS.contains(&key)
        } else {
            self.old_links && matches!(key, "share" | "team")
        };
        old.then_some(key)
    }

    /// Its prefix, to tell its history entries from others'.
    pub fn name(&self) -> &str {
        &self.prefix
    }

    /// `pairs` (`q=x&day=all`, plain keys) as this scope writes them.
    pub fn write(&self, pairs: &str) -> String {
        pairs
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| format!("{}.{pair}", self.prefix))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// This widget's pairs of `query` (with or without a leading `?`), with plain keys.
    fn mine(&self, query: &str) -> Vec<String> {
        split(query)
            .filter_map(|(key, pair)| {
                let plain = self.own(key)?;
                let (_, value) = pair.split_at(key.len());
                Some(format!("{plain}{value}"))
            })
            .collect()
    }

    /// The pairs of `query` that are not this widget's: the page's and other widgets'.
    fn others<'a>(&self, query: &'a str) -> Vec<&'a str> {
        split(query)
            .filter(|(key, _)| self.own(key).is_none())
            .map(|(_, pair)| pair)
            .collect()
    }
}

/// The pairs of a query string (with or without a leading `?`), each with its key.
fn split(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| (pair.split_once('=').map_or(pair, |(k, _)| k), pair))
}

/// The widget's part of a page's query string, with plain keys: the page's own
/// parameters (say WordPress's `page_id=12`) and other widgets' left out.
pub fn widget_part(query: &str, scope: &Scope) -> String {
    scope.mine(query).join("&")
}

/// The page's query string with the widget's part replaced by `widget` (plain keys,
/// without `?`): everything that is not this widget's first, unchanged, then the widget's.
pub fn merge(page_query: &str, widget: &str, scope: &Scope) -> String {
    let mut parts: Vec<String> = scope
        .others(page_query)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let widget = scope.write(widget);
    if !widget.is_empty() {
        parts.push(widget);
    }
    parts.join("&")
}

/// Only the widget's `share=` and `team=` pairs of a query string, with plain keys (what
/// a widget that keeps no state in the URL still reads: a shared plan opened on another
/// device).
pub fn share_part(query: &str, scope: &Scope) -> String {
    scope
        .mine(query)
        .into_iter()
        .filter(|pair| pair.starts_with("share=") || pair.starts_with("team="))
        .collect::<Vec<_>>()
        .join("&")
}

/// The prefix of a namespace's keys.
fn prefix(namespace: &str) -> String {
    match namespace {
        "default" | "" => "sp".to_owned(),
        ns => ns.to_owned(),
    }
}

/// The query of a link to this page that carries `widget` (plain keys, without `?`): the
/// widget's own parameters and, of the page's, only those the organiser named in `keep`
/// (the element's `keep-params`, comma-separated: say WordPress's `page_id`, without
/// which the page is not found). Everything else the page's address holds (tracking
/// parameters, a CMS preview token, another widget's state) stays out of the link and its
/// QR code.
pub fn link_query(page_query: &str, keep: &str, widget: &str, scope: &Scope) -> String {
    let kept: Vec<&str> = keep
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty() && scope.own(k).is_none())
        .collect();
    let mut parts: Vec<String> = split(page_query)
        .filter(|(key, _)| kept.contains(key))
        .map(|(_, pair)| pair.to_owned())
        .collect();
    let widget = scope.write(widget);
    if !widget.is_empty() {
        parts.push(widget);
    }
    parts.join("&")
}

/// `now=` from a page's query string, for a widget that reads its state from the URL: a
/// widget with `url="none"` takes nothing from the address but a shared plan, so
/// `honoured` is false for it and the clock cannot be set from outside.
pub fn now_param(page_query: &str, honoured: bool) -> Option<String> {
    if !honoured {
        return None;
    }
    page_query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("now="))
        .map(decode_component)
}
