//! The programme as plain HTML inside the `<seminar-plan>` element, for visitors whose
//! browser runs no script or WebAssembly, for search engines, and for the seconds before
//! the widget has started: a heading per day and per seminar block, each session with its
//! time, title, room, speakers, type and theme, its abstract in a `<details>`, and a stable
//! `id` (`#s-301`); then the conference as schema.org `Event` data in JSON-LD, every session
//! a `subEvent`.
//!
//! Everything from the programme file is escaped here (text, attributes, and `<` `>` `&` in
//! the JSON-LD, so no title can close the `<script>` data block); abstracts go through
//! `richtext`, so only its fixed set of tags and `http`/`https`/`mailto` links come out. No
//! class or style beyond one class on the wrapper: the host page's own CSS styles it.
//!
//! A huge programme leaves its abstracts out (of the HTML and the JSON-LD alike) when the
//! whole would exceed [`BUDGET`] (1 MB: the demo's 81 sessions make 147 kB, 1,000
//! generated sessions 2.4 MB with their abstracts and 0.97 MB without), and then, if it
//! still would, the sessions' JSON-LD (the conference's own stays): a CMS takes a paste of
//! a few hundred kilobytes, and every session in the HTML is what visitors and search
//! engines need most ([`Detail`]). The wrapper carries a fingerprint of its content, so the
//! check page can tell a pasted snippet that is older than the file.

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value, json};

use crate::lang::Lang;
use crate::model::{Programme, Session};
use crate::richtext::{self, Block as RichBlock, Inline};
use crate::text::fnv1a;
use crate::time;

/// The most a snippet may weigh (bytes; about 100 kB compressed) before it leaves things
/// out: the abstracts first, then the sessions' JSON-LD ([`Detail`]).
pub const BUDGET: usize = 1_000_000;
/// The longest `description` of a session in the JSON-LD (characters); the abstract in the
/// HTML is whole.
const DESCRIPTION_CHARS: usize = 300;
/// The wrapper's class: the loader looks for it to know that the element has content.
pub const CLASS: &str = "seminarplan-static";
const FINGERPRINT_ATTR: &str = "data-seminarplan-fingerprint";

/// How much of the programme a snippet holds: all of it, unless that would pass [`BUDGET`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything.
    Whole,
    /// The abstracts left out (of the HTML and the JSON-LD).
    WithoutAbstracts,
    /// The abstracts left out, and the JSON-LD is the conference alone, without a
    /// `subEvent` per session (the HTML still has every session).
    WithoutSessionData,
}

/// What the snippet holds, beside its HTML.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// The element's content: the static programme and the JSON-LD.
    pub html: String,
    /// How much it holds.
    pub detail: Detail,
    /// The fingerprint written on the wrapper.
    pub fingerprint: String,
}

/// The element's content for `programme` in `lang`; `src` (the programme file's address,
/// if any) is linked under it for visitors without the widget. Each session stays in the
/// HTML whatever the size; past [`BUDGET`] the abstracts go first, then the sessions'
/// JSON-LD.
pub fn content(programme: &Programme, lang: Lang, src: Option<&str>) -> Content {
    // The lean one first: it is cheap, and when even it is too large the whole one (many
    // times larger) need not be made.
    let lean = content_at(programme, lang, src, Detail::WithoutAbstracts);
    if lean.html.len() > BUDGET {
        return content_at(programme, lang, src, Detail::WithoutSessionData);
    }
    let whole = content_at(programme, lang, src, Detail::Whole);
    if whole.html.len() <= BUDGET {
        whole
    } else {
        lean
    }
}

/// The element's content holding as much as `detail` says, whatever its size.
pub fn content_at(programme: &Programme, lang: Lang, src: Option<&str>, detail: Detail) -> Content {
    let abstracts = detail == Detail::Whole;
    let mut body = String::with_capacity(programme.sessions.len() * 700);
    write_programme(&mut body, programme, lang, abstracts);
    if !abstracts {
        body.push_str(&format!(
            "<p>{}</p>\n",
            esc(lang.snippet_abstracts_left_out())
        ));
    }
    let data = format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        json_ld_text(&json_ld(programme, lang, detail))
    );
    // Of what the file gives, not of where it is: the link below is left out.
    let fingerprint = format!("{:016x}", fnv1a(&format!("{body}{data}")));
    if let Some(src) = src.filter(|s| !s.trim().is_empty()) {
        body.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>\n",
            attr(src),
            esc(lang.snippet_file())
        ));
    }
    let revision = programme
        .revision
        .as_deref()
        .map(|r| format!(" data-seminarplan-revision=\"{}\"", attr(r)))
        .unwrap_or_default();
    let html = format!(
        "<div class=\"{CLASS}\" lang=\"{}\"{revision} {FINGERPRINT_ATTR}=\"{fingerprint}\">\n{body}{data}</div>",
        lang.code()
    );
    Content {
        html,
        detail,
        fingerprint,
    }
}

/// Text for an HTML text node.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a double-quoted HTML attribute value.
pub fn attr(text: &str) -> String {
    esc(text).replace('"', "&quot;")
}

/// The heading levels: the snippet sits under the host page's own `<h1>`.
const CONFERENCE_H: u8 = 2;

fn write_programme(out: &mut String, p: &Programme, lang: Lang, abstracts: bool) {
    let c = &p.conference;
    let plang = p.lang();
    let ui = lang.code();
    out.push_str(&format!(
        "<h{CONFERENCE_H}>{}</h{CONFERENCE_H}>\n",
        esc(c.title.get(ui, plang))
    ));
    let mut about: Vec<String> = Vec::new();
    if let Some(sub) = &c.subtitle {
        about.push(esc(sub.get(ui, plang)));
    }
    let place: Vec<&str> = [
        c.venue.as_ref().map(|v| v.get(ui, plang)),
        c.city.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !place.is_empty() {
        about.push(esc(&place.join(", ")));
    }
    if !about.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", about.join("<br>")));
    }
    for (day_ix, day) in c.days.iter().enumerate() {
        let sessions: Vec<&Session> = p.sessions.iter().filter(|s| s.day == day_ix).collect();
        if sessions.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<h3 id=\"d-{day}\">{}</h3>\n",
            esc(&lang.long_date(*day))
        ));
        for group in day_groups(&sessions) {
            let level = match group.block {
                Some(b) => {
                    let block = &p.blocks[b];
                    out.push_str(&format!(
                        "<h4>{} <small>{}</small></h4>\n",
                        esc(block.name.get(ui, plang)),
                        time::span(block.start, block.end)
                    ));
                    5
                }
                None => 4,
            };
            for s in group.sessions {
                write_session(out, p, s, (lang, level), abstracts);
            }
        }
    }
}

/// Sessions of one day as they are headed: a seminar block's sessions together under its
/// heading (where its first session is), every other session on its own.
struct Group<'a> {
    block: Option<usize>,
    sessions: Vec<&'a Session>,
}

fn day_groups<'a>(sessions: &[&'a Session]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for &s in sessions {
        match s.block {
            Some(b) => match groups.iter_mut().find(|g| g.block == Some(b)) {
                Some(g) => g.sessions.push(s),
                None => groups.push(Group {
                    block: Some(b),
                    sessions: vec![s],
                }),
            },
            None => groups.push(Group {
                block: None,
                sessions: vec![s],
            }),
        }
    }
    groups
}

fn time_el(t: DateTime<FixedOffset>) -> String {
    format!(
        "<time datetime=\"{}\">{}</time>",
        t.to_rfc3339(),
        time::clock(t)
    )
}

fn write_session(
    out: &mut String,
    p: &Programme,
    s: &Session,
    (lang, h): (Lang, u8),
    abstracts: bool,
) {
    let plang = p.lang();
    let ui = lang.code();
    let own_lang = if s.language == plang {
        String::new()
    } else {
        format!(" lang=\"{}\"", attr(&s.language))
    };
    out.push_str(&format!(
        "<article id=\"{}\">\n<h{h}{own_lang}>{}</h{h}>\n",
        attr(&s.id),
        esc(&s.title)
    ));
    if let Some(sub) = &s.subtitle {
        out.push_str(&format!("<p{own_lang}><i>{}</i></p>\n", esc(sub)));
    }
    let mut when = format!("{}–{}", time_el(s.start), time_el(s.end));
    if let Some(r) = s.room {
        when.push_str(&format!(
            " · {}: {}",
            esc(lang.room()),
            esc(p.rooms[r].name.get(ui, plang))
        ));
    }
    out.push_str(&format!("<p>{when}</p>\n"));
    let mut what = format!(
        "{}: {}",
        esc(lang.session_type()),
        esc(p.types[s.kind_ix].name.get(ui, plang))
    );
    if !s.themes.is_empty() {
        let themes: Vec<String> = s
            .themes
            .iter()
            .map(|&t| esc(p.themes[t].name.get(ui, plang)))
            .collect();
        what.push_str(&format!(" · {}: {}", esc(lang.theme()), themes.join(", ")));
    }
    if s.full {
        what.push_str(&format!(" · <strong>{}</strong>", esc(lang.full())));
    }
    out.push_str(&format!("<p>{what}</p>\n"));
    if !s.speakers.is_empty() {
        let names: Vec<String> = s
            .speakers
            .iter()
            .map(|&i| {
                let sp = &p.speakers[i];
                match &sp.organisation {
                    Some(org) => format!("<bdi>{}</bdi> ({})", esc(&sp.name), esc(org)),
                    None => format!("<bdi>{}</bdi>", esc(&sp.name)),
                }
            })
            .collect();
        out.push_str(&format!(
            "<p>{}: {}</p>\n",
            esc(lang.speakers()),
            names.join(", ")
        ));
    }
    if abstracts && let Some(text) = s.abstract_text.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str(&format!(
            "<details><summary>{}</summary><div{own_lang}>",
            esc(lang.snippet_about())
        ));
        rich_html(out, &richtext::parse(text));
        out.push_str("</div></details>\n");
    }
    out.push_str("</article>\n");
}

/// An abstract's blocks as HTML: paragraphs, lists, emphasis, links (already made safe by
/// `richtext`), line breaks; every text escaped.
fn rich_html(out: &mut String, blocks: &[RichBlock]) {
    for b in blocks {
        match b {
            RichBlock::Paragraph(inlines) => {
                out.push_str("<p>");
                inline_html(out, inlines);
                out.push_str("</p>");
            }
            RichBlock::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str("<li>");
                    inline_html(out, item);
                    out.push_str("</li>");
                }
                out.push_str(&format!("</{tag}>"));
            }
        }
    }
}

fn inline_html(out: &mut String, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Em(c) => {
                out.push_str("<em>");
                inline_html(out, c);
                out.push_str("</em>");
            }
            Inline::Strong(c) => {
                out.push_str("<strong>");
                inline_html(out, c);
                out.push_str("</strong>");
            }
            Inline::Link { href, children } => {
                out.push_str(&format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">",
                    attr(href)
                ));
                inline_html(out, children);
                out.push_str("</a>");
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
}

/// The conference as a schema.org `Event`, every session a `subEvent` with its times (RFC
/// 3339, with the programme's offsets), place and performers; as much as `detail` says.
pub fn json_ld(p: &Programme, lang: Lang, detail: Detail) -> Value {
    let c = &p.conference;
    let plang = p.lang();
    let ui = lang.code();
    let mut event = Map::new();
    event.insert("@context".into(), json!("https://schema.org"));
    event.insert("@type".into(), json!("Event"));
    event.insert("name".into(), json!(c.title.get(ui, plang)));
    if let Some(sub) = &c.subtitle {
        event.insert("description".into(), json!(sub.get(ui, plang)));
    }
    if let (Some(first), Some(last)) = (
        p.sessions.iter().map(|s| s.start).min(),
        p.sessions.iter().map(|s| s.end).max(),
    ) {
        event.insert("startDate".into(), json!(first.to_rfc3339()));
        event.insert("endDate".into(), json!(last.to_rfc3339()));
    }
    event.insert(
        "eventStatus".into(),
        json!("https://schema.org/EventScheduled"),
    );
    event.insert(
        "eventAttendanceMode".into(),
        json!("https://schema.org/OfflineEventAttendanceMode"),
    );
    event.insert("inLanguage".into(), json!(plang));
    if let Some(url) = &c.url {
        event.insert("url".into(), json!(url));
    }
    if let Some(place) = venue(p, ui) {
        event.insert("location".into(), place);
    }
    if detail != Detail::WithoutSessionData {
        let descriptions = detail == Detail::Whole;
        let sessions: Vec<Value> = p
            .sessions
            .iter()
            .map(|s| sub_event(p, s, ui, descriptions))
            .collect();
        event.insert("subEvent".into(), Value::Array(sessions));
    }
    Value::Object(event)
}

/// The venue as a `Place` with its address; `None` when the programme names neither venue
/// nor city.
fn venue(p: &Programme, ui: &str) -> Option<Value> {
    let c = &p.conference;
    let name = c
        .venue
        .as_ref()
        .map(|v| v.get(ui, p.lang()))
        .or(c.city.as_deref())?;
    let mut place = Map::new();
    place.insert("@type".into(), json!("Place"));
    place.insert("name".into(), json!(name));
    if let Some(city) = &c.city {
        place.insert(
            "address".into(),
            json!({ "@type": "PostalAddress", "addressLocality": city }),
        );
    }
    Some(Value::Object(place))
}

fn sub_event(p: &Programme, s: &Session, ui: &str, descriptions: bool) -> Value {
    let plang = p.lang();
    let mut e = Map::new();
    e.insert("@type".into(), json!("Event"));
    e.insert("@id".into(), json!(format!("#{}", s.id)));
    e.insert("name".into(), json!(s.title));
    e.insert("startDate".into(), json!(s.start.to_rfc3339()));
    e.insert("endDate".into(), json!(s.end.to_rfc3339()));
    // The room, inside the conference's place (which carries the address).
    if let Some(r) = s.room {
        e.insert(
            "location".into(),
            json!({ "@type": "Place", "name": p.rooms[r].name.get(ui, plang) }),
        );
    }
    if !s.speakers.is_empty() {
        let people: Vec<Value> = s
            .speakers
            .iter()
            .map(|&i| {
                let sp = &p.speakers[i];
                match &sp.organisation {
                    Some(org) => json!({ "@type": "Person", "name": sp.name,
                        "affiliation": { "@type": "Organization", "name": org } }),
                    None => json!({ "@type": "Person", "name": sp.name }),
                }
            })
            .collect();
        e.insert("performer".into(), Value::Array(people));
    }
    let mut keywords: Vec<&str> = vec![p.types[s.kind_ix].name.get(ui, plang)];
    keywords.extend(s.themes.iter().map(|&t| p.themes[t].name.get(ui, plang)));
    e.insert("keywords".into(), json!(keywords.join(", ")));
    if s.language != plang {
        e.insert("inLanguage".into(), json!(s.language));
    }
    if let Some(url) = &s.url {
        e.insert("url".into(), json!(url));
    }
    if descriptions && let Some(text) = &s.abstract_text {
        let plain = description(text);
        if !plain.is_empty() {
            e.insert("description".into(), json!(plain));
        }
    }
    Value::Object(e)
}

/// An abstract as plain text, cut at a word to [`DESCRIPTION_CHARS`].
fn description(text: &str) -> String {
    let blocks = richtext::parse(text);
    let plain: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            RichBlock::Paragraph(i) => richtext::plain(i),
            RichBlock::List { items, .. } => items
                .iter()
                .map(|i| richtext::plain(i))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    let words = plain
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if words.chars().count() <= DESCRIPTION_CHARS {
        return words;
    }
    let cut: String = words.chars().take(DESCRIPTION_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut.get(..at).unwrap_or(&cut))
}

/// JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` (which only
/// occur inside strings) written as `\u` escapes, so nothing can end the data block.
pub fn json_ld_text(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// What schema.org data for Google's Event rich results lacks in this programme, in the
/// organiser's language: the venue, the city (the address) and the dates.
pub fn missing_for_search(p: &Programme, lang: Lang) -> Option<String> {
    let c = &p.conference;
    let mut missing = Vec::new();
    if c.venue.is_none() {
        missing.push(lang.snippet_missing_venue());
    }
    if c.city.is_none() {
        missing.push(lang.snippet_missing_city());
    }
    if p.sessions.is_empty() || c.days.is_empty() {
        missing.push(lang.snippet_missing_dates());
    }
    (!missing.is_empty()).then(|| lang.snippet_missing(&missing))
}

/// How a snippet pasted into a page compares with the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pasted {
    /// The text holds no static programme of ours.
    NotFound,
    /// It is what the file gives now.
    Current,
    /// It was made from another version of the file (its revision, when it had one).
    Outdated { revision: Option<String> },
}

/// Compares a pasted snippet (or a whole page holding one) with what `programme` gives now,
/// in the language the pasted one was made in.
pub fn compare(pasted: &str, programme: &Programme) -> Pasted {
    let Some(at) = pasted.find(&format!("class=\"{CLASS}\"")) else {
        return Pasted::NotFound;
    };
    let rest = pasted.get(at..).unwrap_or_default();
    let tag = rest.find('>').and_then(|e| rest.get(..e)).unwrap_or(rest);
    let Some(fingerprint) = attribute(tag, FINGERPRINT_ATTR) else {
        return Pasted::NotFound;
    };
    let lang = Lang::from_code(attribute(tag, "lang").unwrap_or("sv"));
    if content(programme, lang, None).fingerprint == fingerprint {
        Pasted::Current
    } else {
        Pasted::Outdated {
            revision: attribute(tag, "data-seminarplan-revision").map(unescape_attr),
        }
    }
}

/// The value of `name="…"` in the start of a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let rest = tag.get(start..)?;
    rest.get(..rest.find('"')?)
}

fn unescape_attr(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
