//! What the lazily loaded importer hands the widget's first module. The first module reads
//! our own format and spreadsheets (`import::read_here`); a file in another tool's format
//! (frab JSON or XML, Pentabarf, pretalx) goes, as text, to a second wasm module that holds
//! those readers (`seminarplan-import`, loaded the first time a file needs it), and so does
//! a workbook (.xlsx, .ods), as its bytes, to its own module (`write_workbook`); either
//! comes back as one text:
//!
//! - `ok\t<format>\t<warnings>\n<problems>\n<document>`: the file as a `seminarplan/1`
//!   document, which the first module validates with its own parser, so both see the same
//!   programme. A workbook is read as the widget reads a CSV for visitors, so its document
//!   holds the sessions that can be shown, and the problems of those left out come before
//!   it, one per line;
//! - `err\n<problems>`: why the file cannot be read, one problem per line.
//!
//! A problem's line is its words in Swedish and English, `<sv>\t<en>`, written by the module
//! that found it (`Lang::problem`), so the first module only shows them
//! (`SheetIssue::Worded`): it carries neither the other readers' words nor a JSON reader for
//! problems (BENCHMARKS.md, "The handoff in words").
//!
//! Both sides are here, so a change to one is a change to the other and the round trip is
//! tested natively (tests/core/handoff.rs).

use super::Summary;
use crate::lang::Lang;
use crate::model::Programme;
use crate::parse::{self, Problem, ProgrammeError, SheetIssue};

/// The importer's side: reads `text` in another tool's format (frab, Pentabarf, pretalx;
/// the first module reads ours and spreadsheets itself) and writes the handoff text.
pub fn write(text: &str) -> String {
    answer(super::import_other_tool(text), &[])
}

/// The workbook reader's side (.xlsx, .ods; `import::workbook`), given the bytes: read as
/// the widget reads a CSV for visitors, the sessions with a problem left out and reported.
pub fn write_workbook(bytes: &[u8]) -> String {
    match super::import_workbook_leniently(bytes) {
        Ok((imported, left_out)) => answer(Ok(imported), &left_out),
        Err(problems) => answer(Err(problems), &[]),
    }
}

fn answer(
    read: Result<super::Imported, Vec<ProgrammeError>>,
    left_out: &[ProgrammeError],
) -> String {
    match read {
        Ok(imported) => format!(
            "ok\t{}\t{}\n{}\n{}",
            imported.format.describe(),
            imported.warnings.len(),
            lines(left_out),
            imported.document
        ),
        Err(problems) => format!("err\n{}", lines(&problems)),
    }
}

/// One line per problem, `<sv>\t<en>\n`, with no tab or line end inside the words.
fn lines(problems: &[ProgrammeError]) -> String {
    let clean = |words: String| words.replace(['\t', '\n', '\r'], " ");
    problems
        .iter()
        .map(|e| {
            let (sv, en) = (clean(Lang::Sv.problem(e)), clean(Lang::En.problem(e)));
            format!("{sv}\t{en}\n")
        })
        .collect()
}

/// The first module's side: the programme, the document it was read from (kept as the
/// offline copy, so reading it again needs no importer) and the importer's summary; or the
/// problems. A handoff that is not one of the two shapes is reported as a file in an
/// unknown format, never trusted.
pub fn read(handoff: &str) -> Result<(Programme, &str, Summary), Vec<ProgrammeError>> {
    let (head, mut rest) = handoff.split_once('\n').unwrap_or((handoff, ""));
    let mut problems = Vec::new();
    let body = loop {
        match rest.split_once('\n') {
            Some(("", body)) if head != "err" => break body,
            Some((line, more)) => {
                problems.push(worded(line).ok_or_else(|| garbled("problem"))?);
                rest = more;
            }
            None if head == "err" && rest.is_empty() && !problems.is_empty() => {
                return Err(problems);
            }
            None => return Err(garbled("answer")),
        }
    };
    let mut fields = head.split('\t');
    let (Some("ok"), Some(format), Some(warnings), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(garbled("answer"));
    };
    let programme = parse::parse_programme(body)?;
    let summary = Summary {
        format: format.to_owned(),
        warnings: warnings.parse().unwrap_or(0),
        left_out: problems,
    };
    Ok((programme, body, summary))
}

/// A problem's line: its words in Swedish and English, shown as they are.
fn worded(line: &str) -> Option<ProgrammeError> {
    let (sv, en) = line.split_once('\t')?;
    let issue = SheetIssue::Worded {
        sv: sv.to_owned(),
        en: en.to_owned(),
    };
    Some(ProgrammeError {
        path: String::new(),
        problem: Problem::Sheet {
            row: 0,
            column: String::new(),
            issue,
        },
    })
}

fn garbled(what: &str) -> Vec<ProgrammeError> {
    vec![ProgrammeError {
        path: String::new(),
        problem: Problem::UnknownFormat {
            found: format!("an importer {what} that cannot be read"),
        },
    }]
}
