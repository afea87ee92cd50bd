//! The release as an organiser gets it (`scripts/release.sh`, which `scripts/test.sh` runs
//! after its release build): the zip unpacked into a subfolder of a plain static server
//! under the README's strict policy, and the npm package installed into an empty folder and
//! served from `node_modules`. Not the work tree: only what is in the archive.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::browser::{Browser, Chromedriver};
use super::server::{HTML, Response, STRICT_CSP, Server};
use super::{LAPTOP, wait_for_widget};

/// The version in Cargo.toml, which everything in the release must show.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `target/release-archive/seminarplan-<version>.<ext>`, which must exist.
fn archive(ext: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/release-archive")
        .join(format!("seminarplan-{VERSION}.{ext}"));
    assert!(
        path.is_file(),
        "{} is missing: run `scripts/release.sh --package` after `trunk build --release` \
         (scripts/test.sh does)",
        path.display()
    );
    path
}

/// An empty temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("seminarplan-release-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `program` with `args` in `dir`; its standard output, or a panic with its errors.
fn run(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Unpacks `zip` into `into` (Python's zipfile, which reads names as UTF-8 only when the
/// zip says they are) and returns the names of its entries.
fn unzip(zip: &Path, into: &Path) -> Vec<String> {
    let script = "import sys, zipfile\n\
                  z = zipfile.ZipFile(sys.argv[1])\n\
                  z.extractall(sys.argv[2])\n\
                  print('\\n'.join(z.namelist()))";
    let zip = zip.display().to_string();
    let into = into.display().to_string();
    run(Path::new("."), "python3", &["-c", script, &zip, &into])
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Every package compiled into the wasm, as `name version`: the web crate's normal
/// dependencies for wasm32 as `cargo tree` resolves them (no dev-dependencies, no build
/// scripts' dependencies). Found independently of cargo-about.
fn crates_in_the_wasm() -> BTreeSet<String> {
    run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "cargo",
        &[
            "tree",
            "--package=seminarplan-web",
            "--target=wasm32-unknown-unknown",
            "--edges=normal",
            "--prefix=none",
            "--format={p}",
            "--locked",
            "--offline",
        ],
    )
    .lines()
    .filter_map(|line| {
        // `name vX.Y.Z`, maybe followed by ` (path)` or ` (*)`.
        let mut words = line.split_whitespace();
        let name = words.next()?;
        let version = words.next()?.strip_prefix('v')?;
        Some(format!("{name} {version}"))
    })
    .collect()
}

/// What the zip must hold, besides the hashed widget files.
const EXPECTED: &[&str] = &[
    "seminar-plan.js",
    "index.html",
    "check.html",
    "check-en.html",
    "check-page.css",
    "demo/programme.json",
    "programme-mall.csv",
    "LÄSMIG.txt",
    "README.txt",
    "LICENSES.txt",
    "CHANGELOG.md",
    "package.json",
    "custom-elements.json",
];

/// The archive's files: every expected one, with the version where an organiser reads it,
/// and every crate of the wasm in the licences.
fn check_the_files(names: &[String], folder: &Path) {
    let prefix = format!("seminarplan-{VERSION}/");
    for name in EXPECTED {
        assert!(
            names.contains(&format!("{prefix}{name}")),
            "the zip has no {prefix}{name}: {names:?}"
        );
    }
    assert!(
        names.iter().all(|n| n.starts_with(&prefix)),
        "everything in one folder: {names:?}"
    );
    for part in [
        "seminarplan-",
        "seminarplan-import-",
        "seminarplan-check-page-",
    ] {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&format!("{prefix}{part}")) && n.ends_with("_bg.wasm")),
            "no {part}*_bg.wasm in {names:?}"
        );
    }
    let read = |name: &str| {
        std::fs::read_to_string(folder.join(name))
            .unwrap_or_else(|e| panic!("cannot read {name} from the zip: {e}"))
    };
    let loader = read("seminar-plan.js");
    assert!(
        loader.starts_with(&format!("// Seminarplan {VERSION} ")),
        "{}",
        &loader[..80]
    );
    for text in ["LÄSMIG.txt", "README.txt"] {
        let text = read(text);
        for needed in [
            &format!("Seminarplan {VERSION}") as &str,
            "<script type=\"module\" src=\"/seminarplan/seminar-plan.js\"></script>",
            "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'",
            "Cache-Control: public, max-age=31536000, immutable",
            "Cache-Control: no-cache",
        ] {
            assert!(text.contains(needed), "no {needed:?} in\n{text}");
        }
    }
    let licences = read("LICENSES.txt");
    let missing: Vec<String> = crates_in_the_wasm()
        .into_iter()
        .filter(|c| !c.starts_with("seminarplan-") && !licences.contains(&format!("  {c}\n")))
        .collect();
    assert!(
        missing.is_empty(),
        "LICENSES.txt lacks these crates of the wasm: {missing:?}"
    );
    for licence in ["MIT License", "Apache License"] {
        assert!(
            licences.contains(licence),
            "no {licence} text in LICENSES.txt"
        );
    }
    let package: Value = serde_json::from_str(&read("package.json")).expect("package.json");
    check_package(&package, names, &prefix);
}

/// package.json: the version, the licence, the loader as the package's entry, the
/// manifest, and `files` naming exactly what the zip holds.
fn check_package(package: &Value, names: &[String], prefix: &str) {
    assert_eq!(package["name"], "seminarplan");
    assert_eq!(package["version"], VERSION);
    assert_eq!(package["license"], "MIT OR Apache-2.0");
    assert_eq!(package["exports"]["."], "./seminar-plan.js");
    assert_eq!(package["customElements"], "custom-elements.json");
    let files: BTreeSet<&str> = package["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let top: BTreeSet<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix(prefix)?.split('/').next())
        .filter(|n| *n != "package.json")
        .collect();
    assert_eq!(files, top, "package.json's files and the zip's");
}

/// Waits for the widget and returns how many session cards it shows.
async fn cards(browser: &Browser) -> u64 {
    wait_for_widget(browser).await;
    assert_eq!(browser.count(".sp-app .sp-error").await, 0);
    browser
        .js("return $qa('article.sp-card').length;", vec![])
        .await
        .as_u64()
        .unwrap_or(0)
}

/// `el.version` of the first `<seminar-plan>` (or `tag`) and of its class.
async fn shown_versions(browser: &Browser, tag: &str) -> Value {
    browser
        .js(
            "const el = document.querySelector(arguments[0]);
             return [el.version, customElements.get(arguments[0]).version];",
            vec![tag.into()],
        )
        .await
}

/// A CMS page: its own path, the widget's files from the unpacked folder `files`, a
/// programme file of its own (frab XML, so the importer loads from there too), the
/// strict policy and a watch for violations.
fn cms_page(files: &str) -> Response {
    let page = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Programme – a CMS page</title>
<script src="/embed/csp-watch.js"></script>
<script type="module" src="{files}seminar-plan.js"></script>
</head><body><main><h1>Programme</h1>
<seminar-plan src="/sites/default/files/programme.xml" lang="en" namespace="cms"></seminar-plan>
</main></body></html>"#
    );
    let mut response = Response::ok(HTML, page);
    response
        .headers
        .push(("Content-Security-Policy".to_owned(), STRICT_CSP.to_owned()));
    response
}

#[tokio::test]
async fn the_zip_unpacked_in_a_subfolder_works_under_a_strict_policy() {
    let temp = TempDir::new("zip");
    let names = unzip(&archive("zip"), &temp.0);
    let folder = temp.0.join(format!("seminarplan-{VERSION}"));
    check_the_files(&names, &folder);

    let files = format!("/konferens/filer/seminarplan-{VERSION}/");
    let xml = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/wafer-utc.xml"
    ))
    .expect("the frab XML fixture");
    let server = Server::builder()
        .without_bundle()
        .mount(&files, &folder)
        .route("/sites/default/files/programme.xml", move |_| {
            Response::ok("application/xml", xml.clone())
        })
        .route("/sv/program", {
            let files = files.clone();
            move |_| cms_page(&files)
        })
        .start();
    let driver = Chromedriver::start("release_zip");
    let browser = driver.open(&server, LAPTOP).await;

    // The demo page, from the folder as unpacked: its files are found beside it.
    browser.goto(&files).await;
    assert!(cards(&browser).await > 0, "the demo page shows sessions");
    assert_eq!(
        shown_versions(&browser, "seminar-plan").await,
        serde_json::json!([VERSION, VERSION])
    );
    let failed = server.log().failures();
    assert!(
        failed.is_empty(),
        "the demo page asked for files the archive lacks: {failed:?}"
    );

    // The check page checks a sheet, and says which version it is.
    browser.goto(&format!("{files}check.html")).await;
    browser
        .wait_for("seminar-plan-check >>> input.spc-file")
        .await;
    assert_eq!(
        browser.text(".check-page__version").await,
        format!("Seminarplan {VERSION}")
    );
    browser
        .find_nth("seminar-plan-check >>> input.spc-file", 0)
        .await
        .send_keys(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sheet/clashes.csv"
        ))
        .await
        .expect("give the file input a file");
    browser
        .wait_for("seminar-plan-check >>> .spc-verdict--ok")
        .await;
    assert_eq!(
        shown_versions(&browser, "seminar-plan-check").await[0],
        VERSION
    );
    // Its link to the spreadsheet template leads to the template in the archive.
    let template = browser
        .js(
            "const a = document.querySelector('a[href=\"programme-mall.csv\"]');
             return a === null ? 'no link' : fetch(a.href).then(r => r.text());",
            vec![],
        )
        .await;
    assert!(
        template
            .as_str()
            .is_some_and(|t| t.contains("# Konferens:")),
        "the template: {template}"
    );

    // A CMS page elsewhere on the site, loading the files from the archive's folder.
    browser.goto("/sv/program?day=all").await;
    assert_eq!(
        cards(&browser).await,
        3,
        "the three events of the frab file"
    );
    assert_eq!(shown_versions(&browser, "seminar-plan").await[0], VERSION);
    let violations = browser.js("return window.__csp;", vec![]).await;
    assert_eq!(violations, serde_json::json!([]), "no policy violations");
    browser.screenshot("release-zip-cms-page").await;
    browser.close().await;
}

#[tokio::test]
async fn the_npm_package_installs_offline_and_serves_from_node_modules() {
    let tarball = archive("tgz");
    let temp = TempDir::new("npm");
    let tarball = tarball.display().to_string();
    run(
        &temp.0,
        "npm",
        &[
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            &tarball,
        ],
    );
    // The package's entry point is the loader, and its manifest is exported too.
    let resolved = run(
        &temp.0,
        "node",
        &[
            "-p",
            "[require.resolve('seminarplan'), require.resolve('seminarplan/custom-elements.json'), \
             require('seminarplan/package.json').version].join('\\n')",
        ],
    );
    let modules = temp.0.join("node_modules");
    let package = modules.join("seminarplan");
    assert_eq!(
        resolved.lines().collect::<Vec<_>>(),
        [
            package
                .join("seminar-plan.js")
                .display()
                .to_string()
                .as_str(),
            package
                .join("custom-elements.json")
                .display()
                .to_string()
                .as_str(),
            VERSION,
        ]
    );
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(package.join("custom-elements.json")).expect("the manifest"),
    )
    .expect("custom-elements.json is JSON");
    assert_eq!(
        manifest["modules"][0]["declarations"][0]["tagName"],
        "seminar-plan"
    );

    // An agency's page serving the package as installed; no src: the package's demo.
    let server = Server::builder()
        .without_bundle()
        .mount("/node_modules/", &modules)
        .route("/agency.html", |_| {
            let mut page = Response::ok(
                HTML,
                "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Byrån</title>\
                 <script src=\"/embed/csp-watch.js\"></script>\
                 <script type=\"module\" src=\"/node_modules/seminarplan/seminar-plan.js\"></script>\
                 </head><body><seminar-plan namespace=\"byran\"></seminar-plan></body></html>",
            );
            page.headers
                .push(("Content-Security-Policy".to_owned(), STRICT_CSP.to_owned()));
            page
        })
        .start();
    let driver = Chromedriver::start("release_npm");
    let browser = driver.open(&server, LAPTOP).await;
    browser.goto("/agency.html").await;
    assert!(
        cards(&browser).await > 0,
        "the demo programme from node_modules"
    );
    assert_eq!(shown_versions(&browser, "seminar-plan").await[0], VERSION);
    let violations = browser.js("return window.__csp;", vec![]).await;
    assert_eq!(violations, serde_json::json!([]), "no policy violations");
    browser.close().await;
}

/// A file of the repository.
fn repo_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
        .unwrap_or_else(|e| panic!("cannot read {name}: {e}"))
}

/// The cells of the table row in `text` whose first cell is `what`.
fn row<'a>(text: &'a str, what: &str) -> Vec<&'a str> {
    text.lines()
        .find(|l| l.starts_with(&format!("| {what} |")))
        .unwrap_or_else(|| panic!("no row {what:?}"))
        .trim_matches('|')
        .split(" | ")
        .map(str::trim)
        .collect()
}

/// The versions CHANGELOG.md and SECURITY.md state for stored records are the code's, and
/// the changelog has an entry for the version in Cargo.toml.
#[test]
fn the_format_versions_in_the_changelog_are_the_codes() {
    use seminarplan_core::{loading, parse, saved};
    let changelog = repo_file("CHANGELOG.md");
    assert!(
        changelog.contains(&format!("\n## [{VERSION}] - ")),
        "CHANGELOG.md has no entry for {VERSION}"
    );
    for text in [changelog, repo_file("SECURITY.md")] {
        assert_eq!(row(&text, "the saved plan")[2], saved::VERSION.to_string());
        assert!(row(&text, "the saved plan")[3].starts_with("1 (migrated"));
        assert_eq!(
            row(&text, "the colleagues (delegation)")[2],
            saved::TEAM_VERSION.to_string()
        );
        assert_eq!(
            row(&text, "the last good copy of the programme")[2],
            loading::CACHE_VERSION.to_string()
        );
        assert!(row(&text, "the programme file")[3].starts_with(&format!("`{}`", parse::FORMAT)));
    }
}

/// The names in backticks in `text`, without `el.`, a call's `(…)` or a value's `="…"`.
fn ticked(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(|t| {
            let t = t.strip_prefix("el.").unwrap_or(t);
            t.split(['(', '=']).next().unwrap_or(t).to_owned()
        })
        .collect()
}

/// The `name`s of a list in the manifest's first declaration.
fn manifest_names(manifest: &Value, list: &str) -> BTreeSet<String> {
    manifest["modules"][0]["declarations"][0][list]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["name"].as_str().map(str::to_owned))
        .collect()
}

/// custom-elements.json (release/) says what README.md says the element has: every
/// attribute, event, CSS custom property, property and method; and the loader reads each
/// attribute it names.
#[test]
fn the_custom_elements_manifest_matches_the_readme() {
    let readme = repo_file("README.md");
    let manifest: Value =
        serde_json::from_str(&repo_file("release/custom-elements.json")).expect("the manifest");
    let first_cells = |after: &str| -> BTreeSet<String> {
        let start = readme
            .find(after)
            .unwrap_or_else(|| panic!("{after:?} in README"));
        readme[start..]
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .skip(2)
            .flat_map(|l| ticked(l.split(" | ").next().unwrap_or_default()))
            .filter(|n| !n.starts_with('<'))
            .collect()
    };
    let mut attributes = first_cells("| attribute | meaning | default |");
    attributes.extend(first_cells("| attribute | meaning |\n"));
    assert_eq!(manifest_names(&manifest, "attributes"), attributes);
    assert_eq!(
        manifest_names(&manifest, "events"),
        first_cells("| event | when | `detail` |")
    );
    let css: BTreeSet<String> = ticked(&readme)
        .into_iter()
        .filter(|t| t.starts_with("--sp-") && !t.contains(':'))
        .collect();
    assert_eq!(manifest_names(&manifest, "cssProperties"), css);
    let members = manifest_names(&manifest, "members");
    let form = readme
        .split("The element's form properties are those of an input:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("the form properties in README");
    for name in ticked(form)
        .into_iter()
        .filter(|n| n != "\"seminar-plan\"")
        .chain(first_cells("| call | does |"))
        .chain(["version".to_owned()])
    {
        assert!(
            members.contains(&name),
            "the manifest lacks the member {name}"
        );
    }
    let loader = repo_file("web/seminar-plan.js");
    for list in ["const SETTINGS = [", "const FORM_ATTRIBUTES = ["] {
        let names = loader
            .split(list)
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .unwrap_or_else(|| panic!("{list} in the loader"));
        for name in names.split(',').map(|n| n.trim().trim_matches('"')) {
            assert!(
                attributes.contains(name),
                "README and the manifest lack {name}"
            );
        }
    }
}
