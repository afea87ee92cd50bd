//! What the lazily loaded importer hands the widget's first module. The first module reads
//! our own format and spreadsheets (`import::read_here`); a file in another tool's format
//! (frab JSON or XML, Pentabarf, pretalx) goes, as text, to a second wasm module that holds
//! those readers (`seminarplan-import`, loaded the first time a file needs it), and so does
//! a workbook (.xlsx, .ods), as its bytes (`write_workbook`); either comes back as one text:
//!
//! - `ok\t<format>\t<warnings>\n<document>`: the file as a `seminarplan/1` document, which
//!   the first module validates with its own parser, so both see the same programme; a
//!   workbook is read as the widget reads a CSV for visitors, so its document holds the
//!   sessions that can be shown and a fourth field, `\t<left out>`, the problems of those
//!   left out as JSON (`[ProgrammeError]`; serde_json writes no tab or line end in it);
//! - `err\n<problems>`: the problems as JSON (`[ProgrammeError]`), so the widget words them
//!   in the visitor's language exactly as if it had read the file itself.
//!
//! Both sides are here, so a change to one is a change to the other and the round trip is
//! tested natively (tests/core/handoff.rs).

use super::Summary;
use crate::model::Programme;
use crate::parse::{self, Problem, ProgrammeError};

/// The importer's side: reads `text` in another tool's format (frab, Pentabarf, pretalx;
/// the first module reads ours and spreadsheets itself) and writes the handoff text.
pub fn write(text: &str) -> String {
    answer(super::import_other_tool(text), "")
}

/// The workbook reader's side (.xlsx, .ods; `import::workbook`), given the bytes: read as
/// the widget reads a CSV for visitors, the sessions with a problem left out and reported.
pub fn write_workbook(bytes: &[u8]) -> String {
    match super::import_workbook_leniently(bytes) {
        Ok((imported, left_out)) if !left_out.is_empty() => {
            let head = format!("\t{}", json(&left_out));
            answer(Ok(imported), &head)
        }
        read => answer(read.map(|(imported, _)| imported), ""),
    }
}

fn answer(read: Result<super::Imported, Vec<ProgrammeError>>, more: &str) -> String {
    match read {
        Ok(imported) => format!(
            "ok\t{}\t{}{more}\n{}",
            imported.format.describe(),
            imported.warnings.len(),
            imported.document
        ),
        Err(problems) => format!("err\n{}", json(&problems)),
    }
}

fn json(problems: &[ProgrammeError]) -> String {
    serde_json::to_string(problems).unwrap_or_else(|_| "[]".into())
}

/// The first module's side: the programme, the document it was read from (kept as the
/// offline copy, so reading it again needs no importer) and the importer's summary; or the
/// problems. A handoff that is not one of the two shapes is reported as a file in an
/// unknown format, never trusted.
pub fn read(handoff: &str) -> Result<(Programme, &str, Summary), Vec<ProgrammeError>> {
    let (head, body) = handoff.split_once('\n').unwrap_or((handoff, ""));
    if head == "err" {
        return Err(serde_json::from_str::<Vec<ProgrammeError>>(body)
            .ok()
            .filter(|problems| !problems.is_empty())
            .unwrap_or_else(|| garbled("problems")));
    }
    let mut fields = head.split('\t');
    let (Some("ok"), Some(format), Some(warnings), left_out, None) = (
        fields.next(),
        fields.next(),
        fields.next(),
        fields
            .next()
            .map(serde_json::from_str::<Vec<ProgrammeError>>),
        fields.next(),
    ) else {
        return Err(garbled("answer"));
    };
    let Ok(left_out) = left_out.unwrap_or(Ok(Vec::new())) else {
        return Err(garbled("answer"));
    };
    let programme = parse::parse_programme(body)?;
    let summary = Summary {
        format: format.to_owned(),
        warnings: warnings.parse().unwrap_or(0),
        left_out,
    };
    Ok((programme, body, summary))
}

fn garbled(what: &str) -> Vec<ProgrammeError> {
    vec![ProgrammeError {
        path: String::new(),
        problem: Problem::UnknownFormat {
            found: format!("an importer {what} that cannot be read"),
        },
    }]
}
