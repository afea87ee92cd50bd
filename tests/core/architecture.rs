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
