//! Build script: the widget's style sheets (`styles/`, in cascade order) minified into one
//! file that `src/browser/sheets.rs` compiles into the wasm (issue 29, BENCHMARKS.md "Size
//! cuts").

#[path = "build/css_min.rs"]
mod css_min;

/// The widget's own CSS files, in cascade order (the demo page's and the check page's
/// are not the widget's).
const SHEETS: [&str; 11] = [
    "base",
    "header",
    "programme",
    "card",
    "notices",
    "filters",
    "page",
    "schedule",
    "timetable",
    "form",
    "delegation",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/css_min.rs");
    let mut css = String::new();
    for name in SHEETS {
        let path = format!("styles/{name}.css");
        println!("cargo:rerun-if-changed={path}");
        css.push_str(&std::fs::read_to_string(&path).expect("read a widget style sheet"));
        css.push('\n');
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR is set by Cargo"));
    std::fs::write(out.join("widget.css"), css_min::minify(&css)).expect("write widget.css");
}
