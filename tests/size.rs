#![cfg(not(target_arch = "wasm32"))]
//! The first-load size of the release bundle (issue 17): what a visitor's browser
//! downloads before the widget can paint, measured in `dist/` after `trunk build --release`.
//!
//! `scripts/test.sh` runs `cargo test --test size -- --nocapture` right after the release
//! build, so the figures are printed with every test run. The test fails only when the
//! first load grows above [`CEILING_BROTLI`]: not a timed test, a number that shows a
//! regression. Lower the ceiling when a change makes the bundle smaller; raise it only on
//! purpose, with the reason in BENCHMARKS.md ("First-load size in CI").
//!
//! Before the first paint of a programme in our own format the browser loads the loader
//! (`seminar-plan.js`), the widget's wasm-bindgen JavaScript and its wasm module, as the
//! loader names them; the widget's CSS is compiled into the wasm. The parts loaded when
//! needed are listed apart with when they load: the importer (a programme file in another
//! format: frab, Pentabarf, pretalx; before that file's first paint), the workbook reader
//! (a workbook, .xlsx or .ods; likewise) and
//! the organisers' check page (`check.html` only). Any other JavaScript or wasm file in
//! `dist/` is listed too. The programme file (here the demo) is data, not code.

#[path = "support/compressed.rs"]
mod compressed;
use compressed::{brotli_len, gzip_len};

use std::path::{Path, PathBuf};

/// The most the first load may weigh, brotli (quality 11) bytes. Set at 300,000 when it
/// measured 295,772 (BENCHMARKS.md, "First-load size in CI"); raised on purpose when the
/// spreadsheet reader, the check page, the registration form and the delegation view
/// joined the first load (issues 16, 18, 19: 384,905 measured; BENCHMARKS.md), again with
/// about 5 KB of room, so that a new dependency or embedded data is still seen. Lowered to
/// 369,000 when the frab/Pentabarf/pretalx readers and the check page left the first load
/// for modules loaded when needed (363,524 measured). Lowered to 365,000 when B-tree maps and
/// sets stopped being built by `collect()` (359,559 measured; BENCHMARKS.md, issue 14).
/// Raised to 375,000 when the sheet reader learnt committees' sheets and the widget came to
/// show a file's good sessions instead of refusing it, with plans following changed ids
/// (issue 27; measured on the branches apart: 371,247 and 369,877; BENCHMARKS.md).
/// Raised to 390,000 when the branches of issues 27, 28, 30, 31 and 32 came together
/// (383,093 measured; BENCHMARKS.md "First load after issues 27–32"). Lowered to 385,000
/// when the widget's CSS came to be minified at build time (issue 29: 380,129 measured;
/// BENCHMARKS.md "Size cuts (issue 29)"). Raised to 392,000 when issue 29's speed work came
/// together (389,451 measured: the timetable drawn in windows with its keys, the list
/// drawn in two steps, the index built in steps; BENCHMARKS.md "Size cuts (issue 29)").
/// Lowered to 386,000 when the importer's and the workbook reader's problems came to
/// cross in words, not JSON (380,228 measured; BENCHMARKS.md "The workbook reader"), then
/// set at 388,000 for issue 29's second round on the keystroke and the star (+2.5 KB on
/// its branch: the plan written after the paint, cards compared by their marks;
/// BENCHMARKS.md "A second round").
const CEILING_BROTLI: usize = 388_000;

/// Issue 17's budget, printed beside the figure (not enforced: not met with Yew, see
/// BENCHMARKS.md "The floor").
const BUDGET_BROTLI: usize = 140 * 1024;

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist")
}

/// The file name a `const NAME = "./file";` line of the built loader gives.
fn loader_constant(loader: &str, name: &str) -> String {
    let prefix = format!("const {name} = \"./");
    let line = loader
        .lines()
        .find_map(|l| l.trim().strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("dist/seminar-plan.js has no `{prefix}…` line"));
    let file = line.split('"').next().unwrap_or_default();
    assert!(
        !file.is_empty() && !file.contains("__SP_"),
        "dist/seminar-plan.js names no file for {name}: was it built by scripts/loader.sh?"
    );
    file.to_owned()
}

/// Raw, gzip -9 and brotli q11 bytes of one file of `dist/`.
fn sizes(name: &str) -> [usize; 3] {
    let bytes = std::fs::read(dist().join(name))
        .unwrap_or_else(|e| panic!("dist/{name}: {e} (run `trunk build --release` first)"));
    [bytes.len(), gzip_len(&bytes), brotli_len(&bytes)]
}

fn row(what: &str, s: [usize; 3]) -> String {
    format!(
        "| {what} | {:.1} | {:.1} | {:.1} |",
        s[0] as f64 / 1024.0,
        s[1] as f64 / 1024.0,
        s[2] as f64 / 1024.0
    )
}

/// The parts the loader loads when needed: what, when, and its two files' loader names.
const LATER: [(&str, &str, &str); 3] = [
    (
        "the importer",
        "a programme file in another tool's format, before its first paint",
        "IMPORT",
    ),
    (
        "the workbook reader",
        "a workbook, .xlsx or .ods, before its first paint",
        "WORKBOOK",
    ),
    (
        "the check page",
        "on check.html only, with the widget for its preview",
        "CHECK",
    ),
];

fn add(total: &mut [usize; 3], s: [usize; 3]) {
    for (t, v) in total.iter_mut().zip(s) {
        *t += v;
    }
}

/// Every `.js` and `.wasm` file of `dist/` that is not in `known`.
fn other_parts(known: &[String]) -> Vec<String> {
    let mut later: Vec<String> = std::fs::read_dir(dist())
        .expect("read dist/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| (n.ends_with(".js") || n.ends_with(".wasm")) && !known.contains(n))
        .collect();
    later.sort();
    later
}

#[test]
fn first_load_stays_under_its_ceiling() {
    let loader = std::fs::read_to_string(dist().join("seminar-plan.js"))
        .expect("dist/seminar-plan.js: run `trunk build --release` first");
    let first = vec![
        "seminar-plan.js".to_owned(),
        loader_constant(&loader, "BINDINGS"),
        loader_constant(&loader, "WASM"),
    ];
    let mut lines = vec![
        "| before the first paint | raw KB | gzip KB | brotli KB |".to_owned(),
        "|---|---:|---:|---:|".to_owned(),
    ];
    let mut total = [0; 3];
    for name in &first {
        let s = sizes(name);
        lines.push(row(name, s));
        add(&mut total, s);
    }
    lines.push(row("**first load**", total));
    let mut known = first.clone();
    for (what, when, constant) in LATER {
        let mut part = [0; 3];
        for suffix in ["_BINDINGS", "_WASM"] {
            let name = loader_constant(&loader, &format!("{constant}{suffix}"));
            add(&mut part, sizes(&name));
            known.push(name);
        }
        lines.push(row(&format!("later: {what} ({when})"), part));
        if constant == "IMPORT" || constant == "WORKBOOK" {
            let mut with = total;
            add(&mut with, part);
            lines.push(row(
                &format!("first load of such a programme (with {what})"),
                with,
            ));
        }
    }
    for name in other_parts(&known) {
        lines.push(row(
            &format!("later, not named by the loader: {name}"),
            sizes(&name),
        ));
    }
    if dist().join("demo/programme.json").is_file() {
        lines.push(row(
            "data: demo/programme.json",
            sizes("demo/programme.json"),
        ));
    }
    println!("{}", lines.join("\n"));
    println!(
        "first load: {} bytes brotli; ceiling {CEILING_BROTLI}; issue 17's budget {BUDGET_BROTLI}",
        total[2]
    );
    assert!(
        total[2] <= CEILING_BROTLI,
        "the first load grew to {} bytes brotli, above its ceiling of {CEILING_BROTLI} \
         (tests/size.rs): find what grew (BENCHMARKS.md, twiggy), or raise the ceiling on \
         purpose with the reason in BENCHMARKS.md",
        total[2]
    );
}

#[path = "../build/css_min.rs"]
mod css_min;

/// What CSS reads in `css`: its tokens, split at whitespace and at the characters around
/// which the minifier drops it, with comments out (strings are ours and hold no comment).
fn tokens(css: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        plain.push_str(&rest[..at]);
        plain.push(' ');
        rest = rest[at..]
            .find("*/")
            .map_or("", |end| &rest[at + end + 2..]);
    }
    plain.push_str(rest);
    let mut out = Vec::new();
    for word in plain.split_whitespace() {
        let mut token = String::new();
        for c in word.chars() {
            if matches!(c, '{' | '}' | ';' | ',' | '>') {
                out.extend((!token.is_empty()).then(|| std::mem::take(&mut token)));
                out.push(c.to_string());
            } else {
                token.push(c);
            }
        }
        out.extend((!token.is_empty()).then_some(token));
    }
    out
}

/// The widget's CSS is compiled into the wasm minified (issue 29): every token of
/// `styles/` is still there in the same order (so no two words were joined and no
/// string changed), and the comments and spaces are gone.
#[test]
fn the_widget_css_is_minified_without_changing_a_token() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("styles");
    let mut css = String::new();
    for entry in std::fs::read_dir(&dir).expect("read styles/") {
        let path = entry.expect("a file of styles/").path();
        css.push_str(&std::fs::read_to_string(&path).expect("read a style sheet"));
        css.push('\n');
    }
    css.push_str(".a :hover{content:\"a  /* b */ ; c\"} .b + .c { margin: calc(1px + 2em) }");
    let small = css_min::minify(&css);
    assert_eq!(tokens(&small), tokens(&css));
    assert!(
        !small.replace("\"a  /* b */ ; c\"", "").contains("/*"),
        "no comment is left"
    );
    assert!(
        small.contains("content:\"a  /* b */ ; c\""),
        "strings are copied"
    );
    assert!(small.contains(".a :hover{"), "a descendant's space is kept");
    assert!(small.contains("calc(1px + 2em)"), "calc's spaces are kept");
    assert!(
        small.len() * 10 < css.len() * 8,
        "at least a fifth smaller: {} of {} bytes",
        small.len(),
        css.len()
    );
}
