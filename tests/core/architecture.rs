//! Architecture invariants, checked by reading the sources (see ARCHITECTURE.md).

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER_CRATES: &[&str] = &["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"];
const CORE: &str = "crates/seminarplan-core";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every Rust source of both crates: the web crate's `src/` and the core's.
fn all_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join(CORE).join("src"), &mut files);
    files.sort();
    files
}

/// The compiler holds the boundary: the core crate cannot name a crate its manifest lacks.
/// This reads the manifest, so that adding one is a failing test, not a quiet change.
#[test]
fn the_core_crate_has_no_browser_dependency() {
    let manifest = fs::read_to_string(root().join(CORE).join("Cargo.toml")).expect("manifest");
    let offenders: Vec<&str> = manifest
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| {
            BROWSER_CRATES
                .iter()
                .any(|k| l.starts_with(&format!("{k} ")) || l.starts_with(&format!("{k}=")))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "browser crates in the core: {offenders:?}"
    );
}

#[test]
fn shell_modules_exist_only_on_wasm() {
    let lib = fs::read_to_string(root().join("src/lib.rs")).expect("lib.rs");
    for module in ["app", "browser", "components", "embed"] {
        let decl = format!("#[cfg(target_arch = \"wasm32\")]\npub mod {module};");
        assert!(
            lib.contains(&decl),
            "lib.rs must declare `{module}` for wasm32 only"
        );
    }
}

#[test]
fn every_module_says_what_it_owns() {
    let missing: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| {
            !fs::read_to_string(p)
                .expect("read")
                .trim_start()
                .starts_with("//!")
        })
        .map(|p| relative(&p))
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a //! doc line: {missing:?}"
    );
}

#[test]
fn only_the_storage_module_touches_local_storage() {
    let offenders: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| relative(p) != "src/browser/storage.rs")
        .filter(|p| {
            fs::read_to_string(p)
                .expect("read")
                .contains("local_storage")
        })
        .map(|p| relative(&p))
        .collect();
    assert!(
        offenders.is_empty(),
        "localStorage used outside browser/storage.rs: {offenders:?}"
    );
}

#[test]
fn components_use_component_not_the_deprecated_macro() {
    let offenders: Vec<String> = all_sources()
        .into_iter()
        .filter(|p| {
            fs::read_to_string(p)
                .expect("read")
                .contains("#[function_component")
        })
        .map(|p| relative(&p))
        .collect();
    assert!(offenders.is_empty(), "{offenders:?}");
}

/// The order in which the core's modules may import each other, lowest first, as
/// rust-analyzer's tidy tests hold their rules: each module with the `crate::` modules it
/// may name. A module may only allow modules above it in this table, so the table itself
/// has no cycle (`the_import_table_runs_one_way`), and the sources may not step outside it
/// (`core_modules_import_only_what_the_table_allows`). A new module gets a row here.
const IMPORT_ORDER: &[(&str, &[&str])] = &[
    // Leaves: they import nothing from the crate.
    ("lang", &[]),
    ("text", &[]),
    ("time", &[]),
    // The programme model.
    ("model", &["text"]),
    // Reading programmes: rich text, our format, the foreign formats.
    ("richtext", &["text"]),
    ("parse", &["model", "text"]),
    ("contrast", &["model"]),
    (
        "import",
        &["contrast", "lang", "model", "parse", "richtext", "text"],
    ),
    ("generate", &["model", "parse"]),
    // The domain: what the widget decides about a programme and a plan.
    ("search", &["model"]),
    ("plan", &["model"]),
    ("filter", &["lang", "model", "plan", "search"]),
    ("loading", &["import", "parse", "plan"]),
    ("share", &["model", "parse"]),
    ("agenda", &["model"]),
    ("ics", &["model"]),
    ("now", &["model", "plan"]),
    ("grid", &["model", "time"]),
    (
        "delegation",
        &["lang", "model", "parse", "plan", "share", "text"],
    ),
    ("saved", &["delegation", "parse", "plan"]),
    // The view in a URL, the app state, and every word shown.
    (
        "url_state",
        &["delegation", "filter", "model", "parse", "search", "share"],
    ),
    (
        "state",
        &[
            "delegation",
            "filter",
            "grid",
            "lang",
            "loading",
            "model",
            "plan",
            "share",
            "url_state",
        ],
    ),
    (
        "i18n",
        &[
            "filter", "import", "lang", "loading", "parse", "plan", "time",
        ],
    ),
    // The programme as static HTML and JSON-LD inside the element (the snippet).
    (
        "snippet",
        &["i18n", "lang", "model", "richtext", "text", "time"],
    ),
    // The organisers' check page as a report, in their language.
    (
        "check",
        &["i18n", "import", "lang", "model", "parse", "snippet"],
    ),
    // The host page's view of the plan (the registration form).
    (
        "form",
        &[
            "i18n", "lang", "loading", "model", "parse", "plan", "share", "state",
        ],
    ),
    // The organisers' check page's report: a file through `import`, said by `i18n`.
    ("check", &["i18n", "import", "lang", "model", "snippet"]),
];

/// The top-level module a core source belongs to (`import/build.rs` is `import`); `None`
/// for the crate root and the binaries, which use the crate from outside.
fn core_module(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root().join(CORE).join("src")).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (name != "lib" && name != "bin").then_some(name)
}

/// The modules named after `crate::` in `source`, comments left out: `crate::x::…` gives
/// `x`, and `crate::{x::…, y}` gives `x` and `y`.
fn crate_imports(source: &str) -> Vec<String> {
    fn ident(s: &str) -> &str {
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        &s[..end]
    }
    let mut found = Vec::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                found.extend(inner.split(',').map(|i| ident(i.trim()).to_owned()));
            } else {
                found.push(ident(rest).to_owned());
            }
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

#[test]
fn the_import_table_runs_one_way() {
    for (at, (module, allowed)) in IMPORT_ORDER.iter().enumerate() {
        let above: Vec<&str> = IMPORT_ORDER[..at].iter().map(|(m, _)| *m).collect();
        for dep in *allowed {
            assert!(
                above.contains(dep),
                "IMPORT_ORDER: `{module}` may import `{dep}`, which is not above it"
            );
        }
    }
}

#[test]
fn core_modules_import_only_what_the_table_allows() {
    let mut offences = Vec::new();
    let mut files = Vec::new();
    rust_files(&root().join(CORE).join("src"), &mut files);
    files.sort();
    for path in files {
        let Some(module) = core_module(&path) else {
            continue;
        };
        let Some((_, allowed)) = IMPORT_ORDER.iter().find(|(m, _)| *m == module) else {
            offences.push(format!(
                "{}: module `{module}` has no row in IMPORT_ORDER",
                relative(&path)
            ));
            continue;
        };
        let source = fs::read_to_string(&path).expect("read");
        for dep in crate_imports(&source) {
            if dep != module && !allowed.contains(&dep.as_str()) {
                offences.push(format!(
                    "{}: `{module}` imports `crate::{dep}`, which IMPORT_ORDER does not allow",
                    relative(&path)
                ));
            }
        }
    }
    offences.dedup();
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

/// Components that may still run long outside their `html!`: (file, component, why).
/// None since web14 moved App's hooks into `src/hooks/` and its state into a context.
const LONG_COMPONENTS: &[(&str, &str, &str)] = &[];

/// Lines of a component's body outside its `html!` invocations. Braces are counted as
/// written, which holds for this code base's formatted sources.
fn lines_outside_html(body: &[&str]) -> usize {
    let mut outside = 0;
    let mut html_depth: Option<i64> = None;
    for line in body {
        let opens = line.matches('{').count() as i64;
        let closes = line.matches('}').count() as i64;
        match html_depth {
            Some(depth) => {
                let depth = depth + opens - closes;
                html_depth = (depth > 0).then_some(depth);
            }
            None if line.contains("html! {") => {
                let depth = opens - closes;
                html_depth = (depth > 0).then_some(depth);
            }
            None => outside += 1,
        }
    }
    outside
}

/// Clippy's `too_many_lines` (150, clippy.toml) holds every function but those a proc
/// macro rewrites, `#[component]` functions among them: this holds those, counting what is
/// not markup.
#[test]
fn components_are_short_outside_their_markup() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut long = Vec::new();
    for path in files {
        let source = fs::read_to_string(&path).expect("read");
        let lines: Vec<&str> = source.lines().collect();
        for (at, _) in lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.trim() == "#[component]")
        {
            let Some(start) = (at + 1..lines.len()).find(|&i| lines[i].contains('{')) else {
                continue;
            };
            let name = lines[start]
                .split("fn ")
                .nth(1)
                .and_then(|r| r.split('(').next())
                .unwrap_or("?")
                .trim()
                .to_owned();
            let mut depth = 0i64;
            let mut end = start;
            for (i, line) in lines.iter().enumerate().skip(start) {
                depth += line.matches('{').count() as i64 - line.matches('}').count() as i64;
                end = i;
                if depth <= 0 {
                    break;
                }
            }
            let outside = lines_outside_html(&lines[start..=end]);
            let file = relative(&path);
            let excepted = LONG_COMPONENTS
                .iter()
                .any(|&(f, c, _)| f == file && c == name);
            if outside > 150 && !excepted {
                long.push(format!("{file}: {name} has {outside} lines outside html!"));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}
