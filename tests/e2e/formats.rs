//! Programme formats end to end: the widget reads a frab/Pentabarf XML file as published by
//! a real conference, and a hostile programme renders as inert text.

use serde_json::json;

use super::browser::Chromedriver;
use super::server::{Response, Server};
use super::{LAPTOP, open_widget, size_name};

/// A real-world programme file from `../shared/fixtures` beside the clone (or the folder
/// `SEMINARPLAN_SHARED_FIXTURES` names), or `None` after saying plainly that `test` was
/// skipped: a clone that stands alone passes (our own fixtures cover the same quirks).
pub(crate) fn shared_fixture(test: &str, name: &str) -> Option<String> {
    let dir = std::env::var_os("SEMINARPLAN_SHARED_FIXTURES")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures"))
        });
    if !dir.is_dir() {
        // Past the harness's capture, so it is always seen.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {test}: the real-world fixtures folder {} is absent",
            dir.display()
        );
        return None;
    }
    let path = dir.join(name);
    Some(
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
    )
}

#[tokio::test]
async fn the_page_loads_a_frab_xml_file_and_shows_its_sessions() {
    let Some(xml) = shared_fixture(
        "the_page_loads_a_frab_xml_file_and_shows_its_sessions",
        "debconf23.xml",
    ) else {
        return;
    };
    let events = xml.matches("<event ").count();
    assert!(events > 100, "{events} events in the file");
    let server = Server::builder()
        .route("/shared/debconf23.xml", move |_| {
            Response::ok("application/xml", xml.clone())
        })
        .variant("debconf", "/shared/debconf23.xml")
        .start();
    let driver = Chromedriver::start("frab_xml");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/page/debconf?day=all").await;
    browser.wait_for(".sp-browse article.sp-card").await;
    // A new list shows its first screen, then the rest of its first cards (issue 29).
    browser
        .wait_until(
            "the list's first cards",
            "return $q('.sp-browse [aria-busy=\"true\"]') === null;",
            vec![],
        )
        .await;
    // Every event of the file is a session in the list, across all days: the first ones at
    // once, the rest as the visitor asks for more (or scrolls to the end).
    for _ in 0..events {
        let shown = browser.count(".sp-browse article.sp-card").await;
        if browser.count(".sp-more__button").await == 0 {
            break;
        }
        // Scrolling to the end of what is there brings more.
        browser
            .js(
                "$q('.sp-more__button')?.scrollIntoView({ block: 'end', behavior: 'instant' }); return true;",
                vec![],
            )
            .await;
        browser
            .wait_until(
                "more sessions after scrolling to the end",
                "return $qa('.sp-browse article.sp-card').length > arguments[0];",
                vec![json!(shown)],
            )
            .await;
    }
    browser
        .wait_until(
            "every event to be listed",
            "return $qa('.sp-browse article.sp-card').length === arguments[0];",
            vec![json!(events)],
        )
        .await;
    assert!(browser.text(".sp-header__title").await.contains("DebConf"));
    browser.screenshot(&size_name("debconf23", LAPTOP)).await;
    browser.close().await;
}

#[tokio::test]
async fn a_hostile_programme_renders_as_inert_text() {
    let server = Server::builder()
        .variant("hostile", "/fixtures/e2e/hostile.json")
        .start();
    let driver = Chromedriver::start("hostile");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/page/hostile").await;
    browser
        .wait_for("article.sp-card[data-session=\"evil\"]")
        .await;
    // Open everything the file could reach: the card's abstract and the session page.
    browser
        .click("article.sp-card[data-session=\"evil\"] .sp-card__toggle")
        .await;
    browser.wait_for(".sp-card__body p").await;
    browser
        .click("article.sp-card[data-session=\"evil\"] .sp-card__open")
        .await;
    browser.wait_for("dialog.sp-dialog[open]").await;
    let report = browser
        .js(
            "const app = $q('.sp-app');
             const links = Array.from($qa('.sp-app a[href], dialog a[href]')).map(a => a.getAttribute('href'));
             return {
               pwned: window.__pwned === undefined ? null : String(window.__pwned),
               scripts: $qa('.sp-app script, dialog script').length,
               active: $qa('.sp-app img, .sp-app iframe, .sp-app svg [onload], .sp-app [onerror], .sp-app [onclick], .sp-app [onmouseover], dialog img, dialog iframe').length,
               styles: $qa('.sp-app style').length,
               links: links,
               title: $q('#sp-dialog-title').textContent,
               visible: app.offsetHeight > 0,
             };",
            vec![],
        )
        .await;
    assert_eq!(
        report["pwned"],
        json!(null),
        "no injected script ran: {report}"
    );
    assert_eq!(report["scripts"], json!(0), "{report}");
    assert_eq!(report["active"], json!(0), "{report}");
    assert_eq!(report["styles"], json!(0), "{report}");
    assert_eq!(
        report["visible"],
        json!(true),
        "injected CSS hid nothing: {report}"
    );
    // Only the safe link survives; javascript: and data: links are text.
    let links: Vec<String> = report["links"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://") || l.starts_with("http://")),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://example.org/ok".to_owned()),
        "{links:?}"
    );
    // The title is shown as the text it is, tags and all.
    assert!(
        report["title"]
            .as_str()
            .unwrap_or_default()
            .contains("<script>"),
        "{report}"
    );
    // No request left for anything but the widget's own files and the programme.
    let failures = server.log().failures();
    assert!(failures.is_empty(), "{failures:?}");
    let foreign = browser
        .js(
            "return performance.getEntriesByType('resource').map(e => e.name)
                 .filter(u => !u.startsWith(location.origin));",
            vec![],
        )
        .await;
    assert_eq!(foreign, json!([]), "requests to other origins");
    browser.screenshot(&size_name("hostile", LAPTOP)).await;
    browser.close().await;
}
