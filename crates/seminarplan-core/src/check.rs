//! The organisers' check page, without the page: a programme file (any format the widget
//! reads, a spreadsheet included) becomes a report in the organiser's language — every
//! problem and warning at its place, what was found, the file converted to
//! `seminarplan/1`, and the `<seminar-plan>` snippet to paste into their site (with the
//! programme inside it as HTML and JSON-LD: `snippet`). Nothing here leaves the browser;
//! the web crate only shows the report.

use crate::import::{self, Format};
use crate::lang::Lang;
use crate::model::ProgrammeRef;

/// What the check page shows about one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The format recognised, when the file could be read.
    pub format: Option<Format>,
    /// "3 dagar, 11 lokaler, 81 programpunkter, 90 talare", when it could be read.
    pub counts: Option<String>,
    /// Why the programme cannot be shown, each at its place. Empty when it can.
    pub problems: Vec<String>,
    /// What the organiser should know although it can be shown, each at its place.
    pub warnings: Vec<String>,
    /// The programme as a `seminarplan/1` file (pretty JSON), when it could be read.
    pub document: Option<String>,
    /// The programme read, for the snippet's static content.
    pub programme: Option<ProgrammeRef>,
    /// What search engines' event listings lack (the venue, the city, the dates), if any.
    pub search: Option<String>,
}

impl Report {
    /// Whether the widget can show the programme.
    pub fn readable(&self) -> bool {
        self.problems.is_empty() && self.document.is_some()
    }
}

/// Checks a file's bytes (decoded as spreadsheets need: UTF-8, UTF-16 or Windows-1252).
pub fn check(bytes: &[u8], lang: Lang) -> Report {
    match import::import_bytes(bytes) {
        Ok(imported) => {
            let p = &imported.programme;
            Report {
                format: Some(imported.format),
                counts: Some(lang.check_counts(
                    p.conference.days.len(),
                    p.rooms.len(),
                    p.sessions.len(),
                    p.speakers.len(),
                )),
                problems: Vec::new(),
                warnings: imported.warnings.iter().map(|w| lang.warning(w)).collect(),
                document: serde_json::to_string_pretty(&imported.document).ok(),
                search: crate::snippet::missing_for_search(p, lang),
                programme: Some(ProgrammeRef(std::rc::Rc::new(imported.programme))),
            }
        }
        Err(errors) => Report {
            format: None,
            counts: None,
            problems: errors.iter().map(|e| lang.problem(e)).collect(),
            warnings: Vec::new(),
            document: None,
            programme: None,
            search: None,
        },
    }
}

/// The HTML an organiser pastes into their page: the loader from `loader_url` and the
/// element reading `src`, in `lang`, with `content` inside it (the static programme,
/// `snippet::content`, or nothing). Attribute values are escaped.
pub fn snippet(loader_url: &str, src: &str, lang: Lang, content: &str) -> String {
    let attr = crate::snippet::attr;
    let inside = if content.is_empty() {
        String::new()
    } else {
        format!("\n{content}\n")
    };
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<seminar-plan src=\"{}\" lang=\"{}\">{inside}</seminar-plan>",
        attr(loader_url),
        attr(src),
        lang.code()
    )
}

/// A name for the converted file: `programme.csv` → `programme.json`.
pub fn converted_name(source: &str) -> String {
    let base = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let stem: String = stem
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if stem.is_empty() || stem == "programme" && base.ends_with(".json") {
        "programme.seminarplan.json".into()
    } else {
        format!("{stem}.json")
    }
}
