//! `seminarplan-check`: checks a programme file for organisers, natively.
//!
//! ```text
//! cargo run --bin seminarplan-check -- FILE [--convert OUT.json] [--html SNIPPET.html
//!     [--lang sv|en] [--src URL] [--loader URL]]
//! ```
//!
//! Recognises the format (ours, frab/c3voc JSON, frab/Pentabarf XML, pretalx widget JSON,
//! a spreadsheet saved as CSV or tab-separated text: docs/SPREADSHEET.md),
//! prints it with the counts (days, rooms, sessions, speakers), every warning and every
//! error with its place, and with `--convert` writes the programme as `seminarplan/1`
//! (pretty JSON). With `--html` it writes the snippet to paste into a page: the loader and
//! the `<seminar-plan>` element with the whole programme inside as HTML and schema.org
//! JSON-LD (`seminarplan_core::snippet`), in `--lang` (default `sv`), reading `--src`
//! (default: the file's own name, as converted) with the loader from `--loader` (default
//! `/seminarplan/seminar-plan.js`). Exit code: 0 read (warnings allowed), 1 errors, 2 usage or I/O trouble.
//! `FILE` may be `-` for standard input. On wasm32 this binary does nothing.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args().skip(1).collect())
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};
    use std::process::ExitCode;

    use seminarplan_core::import::{Imported, import_bytes};
    use seminarplan_core::lang::Lang;
    use seminarplan_core::snippet;

    /// Like `println!`, but a closed pipe (`| head`) is not an error.
    macro_rules! out {
        ($($arg:tt)*) => {{
            let _ = writeln!(std::io::stdout().lock(), $($arg)*);
        }};
    }

    const USAGE: &str = "usage: seminarplan-check FILE [--convert OUT.json]\n\
        \x20      [--html SNIPPET.html [--lang sv|en] [--src URL] [--loader URL]]\n\
        \n\
        Reads a programme (seminarplan/1, frab/c3voc schedule.json, frab/Pentabarf\n\
        schedule.xml, pretalx widget JSON, a spreadsheet as CSV, or the workbook itself,\n\
        .xlsx or .ods), prints its format, counts, warnings and\n\
        errors; --convert writes it as seminarplan/1 JSON. FILE may be - for stdin.\n\
        --html writes the snippet to paste into your page: the widget's element with\n\
        the whole programme inside as HTML and schema.org JSON-LD, in --lang (sv),\n\
        reading --src (the converted file's name), loader --loader\n\
        (/seminarplan/seminar-plan.js).\n\
        Exit code: 0 read (warnings allowed), 1 errors, 2 usage or I/O trouble.";

    struct Args {
        file: String,
        convert: Option<String>,
        html: Option<String>,
        lang: Option<String>,
        src: Option<String>,
        loader: Option<String>,
    }

    fn parse_args(args: Vec<String>) -> Result<Option<Args>, String> {
        let mut file = None;
        let mut convert = None;
        let (mut html, mut lang, mut src, mut loader) = (None, None, None, None);
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
                _ => (a.clone(), None),
            };
            let slot = match name.as_str() {
                "--convert" | "-o" => Some(&mut convert),
                "--html" => Some(&mut html),
                "--lang" => Some(&mut lang),
                "--src" => Some(&mut src),
                "--loader" => Some(&mut loader),
                _ => None,
            };
            if let Some(slot) = slot {
                match inline.or_else(|| it.next()) {
                    Some(value) => *slot = Some(value),
                    None => return Err(format!("{name} needs a value")),
                }
                continue;
            }
            match a.as_str() {
                "-h" | "--help" => return Ok(None),
                _ if a.starts_with('-') && a != "-" => {
                    return Err(format!("unknown option {a}"));
                }
                _ => {
                    if file.replace(a).is_some() {
                        return Err("give one file".into());
                    }
                }
            }
        }
        if lang.as_deref().is_some_and(|l| l != "sv" && l != "en") {
            return Err("--lang is sv or en".into());
        }
        match file {
            Some(file) => Ok(Some(Args {
                file,
                convert,
                html,
                lang,
                src,
                loader,
            })),
            None => Err("no file given".into()),
        }
    }

    fn read(file: &str) -> Result<Vec<u8>, String> {
        if file == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(buf)
        } else {
            std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
        }
    }

    fn report(imported: &Imported) {
        let p = &imported.programme;
        out!("format: {}", imported.format.describe());
        out!(
            "days: {}, rooms: {}, sessions: {}, speakers: {}",
            p.conference.days.len(),
            p.rooms.len(),
            p.sessions.len(),
            p.speakers.len()
        );
        out!(
            "themes: {}, types: {}, blocks: {}",
            p.themes.len(),
            p.types.len(),
            p.blocks.len()
        );
        if let (Some(first), Some(last)) = (p.conference.days.first(), p.conference.days.last()) {
            out!(
                "dates: {first} to {last}, time zone {}, language {}",
                p.conference.time_zone,
                p.conference.language
            );
        }
        if imported.warnings.is_empty() {
            out!("no warnings");
        } else {
            out!("{} warnings:", imported.warnings.len());
            for w in &imported.warnings {
                out!("  warning: {}", Lang::En.warning(w));
            }
        }
    }

    /// The order of fields in docs/FORMAT.md, for a document people read.
    fn field_order(keys: &[&String]) -> &'static [&'static str] {
        let has = |k: &str| keys.iter().any(|x| x.as_str() == k);
        if has("format") {
            &[
                "format",
                "id",
                "revision",
                "conference",
                "rooms",
                "themes",
                "types",
                "levels",
                "blocks",
                "speakers",
                "sessions",
            ]
        } else if has("time_zone") {
            &[
                "title",
                "subtitle",
                "venue",
                "city",
                "time_zone",
                "language",
                "days",
                "url",
            ]
        } else {
            &[
                "id",
                "title",
                "subtitle",
                "name",
                "type",
                "kind",
                "colour",
                "capacity",
                "floor",
                "organisation",
                "bio",
                "themes",
                "room",
                "start",
                "end",
                "block",
                "language",
                "level",
                "tags",
                "abstract",
                "speakers",
                "url",
            ]
        }
    }

    /// Pretty JSON with fields in the documented order (serde_json would sort them).
    fn pretty(v: &serde_json::Value, indent: usize, out: &mut String) {
        use serde_json::Value;
        let pad = |n: usize| "  ".repeat(n);
        match v {
            Value::Object(map) if !map.is_empty() => {
                let keys: Vec<&String> = map.keys().collect();
                let order = field_order(&keys);
                let mut sorted = keys.clone();
                sorted.sort_by_key(|k| {
                    (
                        order.iter().position(|o| o == k).unwrap_or(order.len()),
                        k.as_str(),
                    )
                });
                out.push_str("{\n");
                for (i, k) in sorted.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    out.push_str(&Value::String((*k).clone()).to_string());
                    out.push_str(": ");
                    if let Some(value) = map.get(k.as_str()) {
                        pretty(value, indent + 1, out);
                    }
                    out.push_str(if i + 1 < sorted.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
            Value::Array(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    pretty(item, indent + 1, out);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }

    pub fn run(args: Vec<String>) -> ExitCode {
        let args = match parse_args(args) {
            Ok(Some(a)) => a,
            Ok(None) => {
                out!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(e) => {
                eprintln!("seminarplan-check: {e}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let bytes = match read(&args.file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("seminarplan-check: {e}");
                return ExitCode::from(2);
            }
        };
        out!("file: {}", args.file);
        // Spreadsheets come in Windows-1252 or UTF-16 too, or as workbooks: `import_bytes` reads them.
        let imported = match import_bytes(&bytes) {
            Ok(i) => i,
            Err(errors) => {
                out!("{} errors:", errors.len());
                for e in &errors {
                    out!("  error: {}", Lang::En.problem(e));
                }
                return ExitCode::from(1);
            }
        };
        report(&imported);
        if let Some(out) = &args.convert {
            let mut json = String::new();
            pretty(&imported.document, 0, &mut json);
            json.push('\n');
            if let Err(e) = std::fs::write(out, json) {
                eprintln!("seminarplan-check: cannot write {out}: {e}");
                return ExitCode::from(2);
            }
            out!("written: {out}");
        }
        if let Some(out) = &args.html
            && let Err(e) = write_snippet(&imported, &args, out)
        {
            eprintln!("seminarplan-check: cannot write {out}: {e}");
            return ExitCode::from(2);
        }
        ExitCode::SUCCESS
    }

    /// Writes the snippet to `out` and says how large it is and what it leaves out.
    fn write_snippet(imported: &Imported, args: &Args, out: &str) -> std::io::Result<()> {
        let lang = Lang::from_code(args.lang.as_deref().unwrap_or("sv"));
        let src = args.src.clone().unwrap_or_else(|| {
            if imported.format == seminarplan_core::import::Format::Seminarplan {
                args.file
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or(&args.file)
                    .to_owned()
            } else {
                seminarplan_core::check::converted_name(&args.file)
            }
        });
        let loader = args
            .loader
            .as_deref()
            .unwrap_or("/seminarplan/seminar-plan.js");
        let content = snippet::content(&imported.programme, lang, Some(&src));
        let mut html = seminarplan_core::check::snippet(loader, &src, lang, &content.html);
        html.push('\n');
        std::fs::write(out, &html)?;
        out!("snippet: {out}, {} bytes, src {src}", html.len());
        if content.detail != snippet::Detail::Whole {
            let no_data = content.detail == snippet::Detail::WithoutSessionData;
            out!("  {}", Lang::En.snippet_lean(no_data));
        }
        if let Some(missing) = snippet::missing_for_search(&imported.programme, Lang::En) {
            out!("  search engines: {missing}");
        }
        Ok(())
    }
}
