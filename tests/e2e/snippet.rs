//! The programme as HTML inside the element (issue 30), on a host page whose snippet the
//! organisers' command line wrote (`seminarplan-check --html`), served under the strict
//! policy: with JavaScript (or WebAssembly) off every demo session is readable and
//! linkable, and axe-core finds nothing on it (run on the same page without the loader, as
//! axe needs script); with JavaScript on, over a phone network, the first session shows
//! before the wasm has arrived, and the widget then takes its place with a layout shift
//! under 0.1, keeping the visitor's place and focus.

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};

use crate::PHONE;
use crate::a11y::{assert_no_violations, audit};
use crate::browser::Chromedriver;
use crate::server::{HTML, JSON, Response, STRICT_CSP, Server};

/// Where the host page with the snippet is served.
const PAGE: &str = "/embed/csp-snippet.html";
/// The same page without the loader: what a browser that runs no script renders, for
/// axe-core (which needs script to run at all).
const STATIC_PAGE: &str = "/embed/csp-snippet-static.html";
/// The page after the organiser edited the programme file but not the pasted snippet.
const EDITED_PAGE: &str = "/embed/csp-snippet-edited.html";
/// The edited file: s-301 has another title.
const EDITED_FILE: &str = "/edited/programme.json";
const EDITED_TITLE: &str = "Nytt namn: e-handel som fungerar";
/// The page in a browser without WebAssembly: the loader runs, the widget cannot.
const NO_WASM_PAGE: &str = "/embed/csp-snippet-no-wasm.html";

/// The command line, built by cargo beside this test (`cargo test -p seminarplan-core`
/// builds it too; building here makes the test stand alone).
fn seminarplan_check() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    // target/<profile>/deps/e2e-… → target/<profile>/seminarplan-check, built alike.
    let dir = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target/<profile>")
        .to_path_buf();
    let profile = match dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => "dev".to_owned(),
        Some(other) => other.to_owned(),
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "--profile", &profile])
        .args(["-p", "seminarplan-core", "--bin", "seminarplan-check"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("run cargo build");
    assert!(status.success(), "cargo build of seminarplan-check failed");
    dir.join("seminarplan-check")
}

/// The snippet for the demo programme, written by the command line in Swedish.
fn cli_snippet() -> String {
    let out = std::env::temp_dir().join(format!("seminarplan-snippet-{}.html", std::process::id()));
    let run = Command::new(seminarplan_check())
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/programme.json"))
        .args(["--html", &out.display().to_string()])
        .args([
            "--lang",
            "sv",
            "--src",
            "/demo/programme.json",
            "--loader",
            "/seminar-plan.js",
        ])
        .output()
        .expect("run seminarplan-check");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(said.contains("snippet: "), "{said}");
    let html = std::fs::read_to_string(&out).expect("the snippet file");
    let _ = std::fs::remove_file(&out);
    html
}

/// A CMS page around the snippet, its own landmarks and a footer below.
fn host_page(snippet: &str) -> String {
    host_page_with(snippet, "")
}

/// [`host_page`] with `head` added to its `<head>`, first.
fn host_page_with(snippet: &str, head: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Programmet – Inköpsforum 2027</title>\n{head}\
         <script src=\"/embed/csp-watch.js\"></script>\n</head>\n<body>\n\
         <header><p>Föreningen Offentliga Inköpare</p></header>\n<main>\n<h1>Programmet</h1>\n\
         {snippet}</main>\n<footer><p>Frågor? Skriv till oss.</p></footer>\n</body>\n</html>\n"
    )
}

fn server() -> Server {
    let snippet = cli_snippet();
    let loader = snippet.lines().next().unwrap_or_default().to_owned();
    assert!(loader.starts_with("<script type=\"module\""), "{loader}");
    // The same snippet, its element reading a file edited since.
    let edited = snippet.replacen(
        "src=\"/demo/programme.json\"",
        &format!("src=\"{EDITED_FILE}\""),
        1,
    );
    assert_ne!(edited, snippet);
    let pages = [
        (PAGE, host_page(&snippet)),
        (STATIC_PAGE, host_page(&snippet.replacen(&loader, "", 1))),
        (
            NO_WASM_PAGE,
            host_page_with(&snippet, "<script src=\"/embed/no-wasm.js\"></script>\n"),
        ),
        (EDITED_PAGE, host_page(&edited)),
    ];
    let file = seminarplan_core::DEMO_PROGRAMME.replacen(
        "\"title\": \"När e-handelssystemet inte ville\"",
        &format!("\"title\": \"{EDITED_TITLE}\""),
        1,
    );
    assert_ne!(file, seminarplan_core::DEMO_PROGRAMME);
    let mut builder =
        Server::builder().route(EDITED_FILE, move |_| Response::ok(JSON, file.clone()));
    for (path, page) in pages {
        builder = builder.route(path, move |_| {
            let mut r = Response::ok(HTML, page.clone());
            r.headers
                .push(("Content-Security-Policy".into(), STRICT_CSP.into()));
            r
        });
    }
    builder.start()
}

fn demo_titles() -> Vec<(String, String)> {
    let demo: Value =
        serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo is JSON");
    demo["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().unwrap_or_default().to_owned();
            (text("id"), text("title"))
        })
        .collect()
}

/// Every demo session's article as the visitor sees it: `[id, visible, text]`.
const ARTICLES: &str =
    "return Array.from(document.querySelectorAll('.seminarplan-static > article'), a => {
         const r = a.getBoundingClientRect();
         return [a.id, r.width > 0 && r.height > 0, a.innerText];
     });";

#[tokio::test]
async fn without_javascript_the_pasted_programme_is_readable_and_passes_axe() {
    let server = server();
    let driver = Chromedriver::start("snippet_without_javascript");
    let prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
    let browser = driver.open_with(&server, PHONE, Some(prefs)).await;
    browser.goto(&format!("{PAGE}#s-301")).await;
    // No script ran: the element was never defined, it has no shadow root.
    let state = browser
        .js(
            "const el = document.querySelector('seminar-plan');
             return [customElements.get('seminar-plan') === undefined, el.shadowRoot === null,
                     Array.isArray(window.__csp)];",
            vec![],
        )
        .await;
    assert_eq!(state, json!([true, true, false]), "JavaScript is off");
    let articles = browser.js(ARTICLES, vec![]).await;
    let articles = articles.as_array().expect("articles");
    let titles = demo_titles();
    assert_eq!(articles.len(), titles.len());
    for ((id, title), a) in titles.iter().zip(articles) {
        assert_eq!(a[0], json!(id));
        assert_eq!(a[1], json!(true), "{id} is not visible");
        let text = a[2].as_str().unwrap_or_default();
        assert!(text.contains(title.as_str()), "{id}: {text}");
    }
    // `#s-301` lands on that session.
    let top = browser
        .js(
            "return document.getElementById('s-301').getBoundingClientRect().top;",
            vec![],
        )
        .await;
    assert!(
        top.as_f64().is_some_and(|t| t.abs() < 2.0),
        "s-301 at {top}"
    );
    // An abstract opens.
    browser.click("#s-301 summary").await;
    browser
        .wait_until(
            "the abstract to open",
            "return document.querySelector('#s-301 details').open;",
            vec![],
        )
        .await;
    browser.screenshot("snippet-no-javascript").await;
    // Printed, every session is still there.
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let printed = browser.js(ARTICLES, vec![]).await;
    let shown = printed
        .as_array()
        .map_or(0, |a| a.iter().filter(|x| x[1] == json!(true)).count());
    assert_eq!(shown, titles.len(), "sessions shown in print");
    browser.close().await;
    // axe-core needs script, so it audits the same page without the loader in a browser
    // that runs script: the element is never defined, as above, and renders the same.
    let browser = driver.open(&server, PHONE).await;
    browser.goto(STATIC_PAGE).await;
    let undefined = browser
        .js("return customElements.get('seminar-plan') === undefined && document.querySelectorAll('.seminarplan-static > article').length;", vec![])
        .await;
    assert_eq!(undefined, json!(titles.len()));
    let mut found = audit(&browser, "the pasted programme without JavaScript").await;
    browser
        .js(
            "document.querySelectorAll('details').forEach(d => { d.open = true; }); return true;",
            vec![],
        )
        .await;
    found.extend(audit(&browser, "the pasted programme, every abstract open").await);
    assert_no_violations(&found, 2);
    // Where the loader runs but the widget cannot (no WebAssembly), the programme stays and
    // the element says nothing of "cannot be shown".
    browser.goto(NO_WASM_PAGE).await;
    let failed = browser
        .wait_until(
            "the loader to give up",
            "const el = document.querySelector('seminar-plan');
             if (!el.shadowRoot || el.loading !== false || el.widget) return null;
             const first = document.querySelector('.seminarplan-static > article');
             return [Array.from(el.shadowRoot.children, c => c.localName),
                     el.shadowRoot.querySelectorAll('[role=alert]').length,
                     first.getBoundingClientRect().height > 0];",
            vec![],
        )
        .await;
    assert_eq!(
        failed,
        json!([["slot"], 0, true]),
        "[shadow root, alerts, programme shown]"
    );
    browser.close().await;
}

/// The layout shift so far, two frames after the call (CLS counted strictly: the sum of
/// every shift without recent input, not only the worst window), and how many shifts.
const LAYOUT_SHIFT: &str = "window.__shift = null;
     const done = (v) => { window.__shift = v; };
     requestAnimationFrame(() => requestAnimationFrame(() => {
         const po = new PerformanceObserver(() => {});
         po.observe({ type: 'layout-shift', buffered: true });
         const entries = po.takeRecords();
         po.disconnect();
         const sum = entries.filter(e => !e.hadRecentInput).reduce((a, e) => a + e.value, 0);
         done([sum, entries.length]);
     }));
     return true;";

#[tokio::test]
async fn on_a_phone_network_the_programme_shows_first_then_the_widget_takes_over_without_a_jump() {
    let server = server();
    let driver = Chromedriver::start("snippet_on_a_phone_network");
    let browser = driver.open(&server, PHONE).await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 150,
                    "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8 }),
        )
        .await;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    browser.goto(PAGE).await;
    // The page has loaded; the widget's wasm is still on its way, and the programme is there.
    let early = browser
        .js(
            "const wasm = performance.getEntriesByType('resource').some(e => e.name.endsWith('.wasm'));
             const first = document.querySelector('.seminarplan-static > article');
             const r = first.getBoundingClientRect();
             const el = document.querySelector('seminar-plan');
             return [wasm, r.width > 0 && r.height > 0 && r.top < innerHeight, first.id,
                     el.shadowRoot !== null && el.shadowRoot.querySelector('slot') !== null,
                     (el.shadowRoot?.textContent ?? '').includes('Programmet laddas')];",
            vec![],
        )
        .await;
    assert_eq!(
        early,
        json!([false, true, "registrering-1", true, false]),
        "[wasm arrived, first session visible, its id, loader holds the programme in a slot, loading message]"
    );
    // The visitor reads on: the opening plenary 100 px from the top of the window, the
    // keyboard on its abstract. The widget must keep both where they are.
    let placed = browser
        .js(
            "const a = document.getElementById('plenum-oppning');
             window.scrollBy(0, a.getBoundingClientRect().top - 100);
             a.querySelector('summary').focus();
             return [Math.round(a.getBoundingClientRect().top), document.activeElement.localName,
                     performance.getEntriesByType('resource').some(e => e.name.endsWith('.wasm'))];",
            vec![],
        )
        .await;
    assert_eq!(
        placed,
        json!([100, "summary", false]),
        "[top, focus, wasm arrived]"
    );
    // The widget takes over: its cards in view, the pasted programme no longer shown.
    browser
        .wait_until(
            "the widget to take over",
            "const el = document.querySelector('seminar-plan');
             const root = el.shadowRoot;
             const card = root && root.querySelector('article.sp-card');
             return card !== null && root.querySelector('slot') === null
                 && card.getBoundingClientRect().height > 0
                 && document.querySelector('.seminarplan-static').getBoundingClientRect().height === 0;",
            vec![],
        )
        .await;
    let kept = browser
        .js(
            "const card = $q('article.sp-card[data-session=\"plenum-oppning\"]');
             const active = $active();
             return [Math.round(card.getBoundingClientRect().top),
                     card.contains(active) ? active.className : String(active && active.outerHTML)];",
            vec![],
        )
        .await;
    assert_eq!(
        kept,
        json!([100, "sp-card__open"]),
        "[the card's top, the focus]"
    );
    browser.js(LAYOUT_SHIFT, vec![]).await;
    let shift = browser
        .wait_until(
            "the layout shift to be read",
            "return window.__shift;",
            vec![],
        )
        .await;
    let cls = shift[0].as_f64().expect("a number");
    println!(
        "layout shift on a phone network: CLS {cls:.4} over {} shifts",
        shift[1]
    );
    assert!(cls < 0.1, "CLS {cls} (shifts: {})", shift[1]);
    let violations = browser.js("return window.__csp;", vec![]).await;
    assert_eq!(
        violations,
        json!([]),
        "the JSON-LD and the page pass the strict policy"
    );
    browser.screenshot("snippet-widget-took-over").await;
    // The organiser edited the file after pasting: a link to `#s-301` lands on that
    // session, and the widget, which opens it, shows the file as it is now.
    browser.goto(&format!("{EDITED_PAGE}#s-301")).await;
    let opened = browser
        .wait_until(
            "the widget to open s-301",
            "const root = document.querySelector('seminar-plan').shadowRoot;
             const page = root && root.querySelector('article.sp-page[data-session=\"s-301\"]');
             return page !== null && page.getBoundingClientRect().height > 0
                 ? [page.querySelector('.sp-page__title').textContent,
                    document.querySelector('#s-301 h5').textContent] : null;",
            vec![],
        )
        .await;
    assert_eq!(
        opened,
        json!([EDITED_TITLE, "När e-handelssystemet inte ville"]),
        "[the widget's title, the pasted one]"
    );
    browser.close().await;
}
