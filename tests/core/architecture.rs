//! Architecture invariants, checked by reading the sources (see ARCHITECTURE.md).

use std::fs;
use std::path::{Path, PathBuf};

/// The browser shell: the only places allowed to use the browser crates.
const SHELL: &[&str] = &[
    "src/app.rs",
    "src/embed.rs",
    "src/browser",
    "src/browser.rs",
    "src/components",
    "src/components.rs",
    "src/main.rs",
];
const BROWSER_CRATES: &[&str] = &["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

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

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn all_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    files
}

#[test]
fn core_never_touches_the_browser() {
    let mut offenders = Vec::new();
    for path in all_sources() {
        let rel = relative(&path);
        if SHELL
            .iter()
            .any(|s| rel == *s || rel.starts_with(&format!("{s}/")))
        {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in BROWSER_CRATES {
                if code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}")) {
                    offenders.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "core modules use browser crates:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn shell_modules_exist_only_on_wasm() {
    let lib = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    for module in ["app", "browser", "components"] {
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
