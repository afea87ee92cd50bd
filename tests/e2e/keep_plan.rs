//! Issue 27: one bad session does not hide the programme from visitors, and a visitor's
//! stars survive the committee's edits to a sheet given as `src` (the conference renamed,
//! a row moved); the check page reflows on a phone (WCAG 1.4.10) and its preview keeps no
//! copies in the site's storage.

use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Value, json};

use super::browser::Chromedriver;
use super::server::{Response, Server};
use super::{LAPTOP, open_widget};

/// A committee's sheet as Swedish Excel saves it: no Id column, the conference named in a
/// comment row.
const SHEET: &str = "# Konferens: Länsträffen 2099\r
# Stad: Umeå\r
Datum;Start;Slut;Titel;Lokal;Talare\r
2099-09-12;09:00;10:00;Välkommen – öppning;Aulan;Åsa Öberg\r
2099-09-12;10:30;11:30;Hållbar upphandling 🌱;Sal A;Linnea Backman\r
2099-09-12;10:30;11:30;Avtal och vite;Sal B;Maria Svedberg\r
2099-09-12;13:00;14:00;Kategoristyrning;Sal A;Per-Olof Sandström\r
";

/// The same sheet after the committee's edits: the conference renamed, the row of one
/// starred session moved to the end, and a new row with an end that is not a time.
fn edited() -> String {
    let renamed = SHEET.replace("Länsträffen 2099", "Länsträffen 2099 i Umeå");
    let moved = "2099-09-12;10:30;11:30;Hållbar upphandling 🌱;Sal A;Linnea Backman\r\n";
    let typo = "2099-09-12;15:00;15.75;Ny punkt med fel sluttid;Sal B;\r\n";
    format!("{}{moved}{typo}", renamed.replace(moved, ""))
}

/// The star of the card whose title is `arguments[0]`: its `aria-pressed`, or `null`.
const STAR_OF: &str = "const card = $qa('article.sp-card')
         .find(c => (c.querySelector('.sp-card__title') || {}).textContent === arguments[0]);
     const star = card && card.querySelector('.sp-star');
     return star ? star.getAttribute('aria-pressed') : null;";

/// Whether the card titled `arguments[0]` is starred.
const IS_STARRED: &str = "const card = $qa('article.sp-card')
         .find(c => (c.querySelector('.sp-card__title') || {}).textContent === arguments[0]);
     const star = card && card.querySelector('.sp-star');
     return star !== null && star.getAttribute('aria-pressed') === 'true';";

/// Clicks the star of the card titled `arguments[0]`.
const CLICK_STAR: &str = "const card = $qa('article.sp-card')
         .find(c => (c.querySelector('.sp-card__title') || {}).textContent === arguments[0]);
     card.querySelector('.sp-star').click();";

/// Records, from before the page's scripts, what the widget tells the organiser: the
/// `seminarplan-load` and `seminarplan-error` events and the console's errors.
const LISTEN: &str = "window.__told = { events: [], console: [] };
     for (const type of ['seminarplan-load', 'seminarplan-error']) {
         addEventListener(type, e => window.__told.events.push({ type, detail: e.detail }));
     }
     const error = console.error;
     console.error = (...args) => { window.__told.console.push(args.join(' ')); error(...args); };";

/// Our own format with one session that ends years after it starts.
fn broken_session() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json");
    let mut doc: Value =
        serde_json::from_slice(&std::fs::read(path).expect("small.json")).expect("JSON");
    doc["sessions"][1]["end"] = json!("2031-03-16T15:00:00+01:00");
    doc.to_string().into_bytes()
}

#[tokio::test]
async fn a_bad_session_hides_nothing_else_and_stars_survive_edits() {
    let body = Arc::new(Mutex::new(SHEET.as_bytes().to_vec()));
    let served = body.clone();
    let broken = broken_session();
    let server = Server::builder()
        .route("/sheet/programme.csv", move |_| {
            let bytes = served
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            Response::ok("text/csv; charset=utf-8", bytes)
        })
        .route("/broken/programme.json", move |_| {
            Response::ok("application/json", broken.clone())
        })
        .variant("sheet", "/sheet/programme.csv")
        .variant("broken", "/broken/programme.json")
        .start();
    let driver = Chromedriver::start("keep_plan");
    let browser = driver.open(&server, LAPTOP).await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": LISTEN }),
        )
        .await;
    // One session of five cannot be placed: the other four are shown, the visitor is told
    // in a line, the organiser in the console and in `seminarplan-load`.
    open_widget(&browser, "/page/broken?day=all").await;
    assert_eq!(browser.count(".sp-browse article.sp-card").await, 4);
    assert!(
        browser
            .text(r#".sp-notice[data-notice="SessionsLeftOut"]"#)
            .await
            .contains("Några programpunkter kan inte visas")
    );
    let told = browser
        .wait_until(
            "the load event",
            "return window.__told.events.length > 0 ? window.__told : null;",
            vec![],
        )
        .await;
    assert_eq!(told["events"][0]["type"], "seminarplan-load", "{told}");
    let problems = told["events"][0]["detail"]["problems"].to_string();
    assert!(problems.contains("sessions[1].end"), "{told}");
    assert!(
        told["console"].to_string().contains("sessions[1].end"),
        "{told}"
    );
    // The committee's sheet: two stars, then the sheet edited.
    open_widget(&browser, "/page/sheet?day=all").await;
    let starred = ["Hållbar upphandling 🌱", "Kategoristyrning"];
    for title in starred {
        browser.js(CLICK_STAR, vec![json!(title)]).await;
        browser
            .wait_until(
                &format!("{title} to be starred"),
                IS_STARRED,
                vec![json!(title)],
            )
            .await;
    }
    // Saved: the widget writes after each change.
    browser
        .wait_until(
            "the plan to be saved with two stars",
            "return Object.keys(localStorage).some(k => k.includes(':plan:')
                 && JSON.parse(localStorage.getItem(k)).starred.length === 2);",
            vec![],
        )
        .await;
    *body.lock().unwrap_or_else(PoisonError::into_inner) = edited().into_bytes();
    browser.reload().await;
    open_widget(&browser, "/page/sheet?day=all").await;
    browser
        .wait_until(
            "the renamed conference",
            "const t = $q('.sp-header__title');
             return t !== null && t.textContent.includes('i Umeå');",
            vec![],
        )
        .await;
    for title in starred {
        assert_eq!(
            browser.js(STAR_OF, vec![json!(title)]).await,
            json!("true"),
            "{title} lost its star"
        );
    }
    for title in ["Avtal och vite", "Välkommen – öppning"] {
        assert_eq!(
            browser.js(STAR_OF, vec![json!(title)]).await,
            json!("false")
        );
    }
    // Nothing reported gone; the row with the typo is left out, and visitors told so.
    assert_eq!(browser.count(".sp-changes").await, 0);
    assert_eq!(browser.count(".sp-browse article.sp-card").await, 4);
    assert_eq!(
        browser
            .count(r#".sp-notice[data-notice="SessionsLeftOut"]"#)
            .await,
        1
    );
    browser.close().await;
}

/// How far the page reaches past the viewport's right edge, and the widest element that
/// does (searching shadow roots too).
const OVERFLOW: &str = "const vw = document.documentElement.clientWidth;
     let widest = null, right = 0;
     const walk = (root) => {
         for (const el of root.querySelectorAll('*')) {
             const r = el.getBoundingClientRect().right;
             if (r > right + 0.5) { right = r; widest = el.localName + '.' + el.className; }
             if (el.shadowRoot) walk(el.shadowRoot);
         }
     };
     walk(document);
     return { over: document.documentElement.scrollWidth - vw, widest, right };";

/// The kept copies of programmes in the check page's preview namespace.
const PREVIEW_COPIES: &str = "return Object.keys(localStorage)
     .filter(k => k.startsWith('seminarplan:seminarplan-check:programme:')).length;";

#[tokio::test]
async fn the_check_page_reflows_on_a_phone_and_its_preview_keeps_no_copies() {
    let server = Server::start();
    let driver = Chromedriver::start("check_phone");
    let browser = driver.open(&server, (375, 667)).await;
    browser.set_viewport(375, 667).await;
    browser.goto("/check.html").await;
    let input = "seminar-plan-check >>> input.spc-file";
    let fixtures = ["clashes.csv", "excel-sv.csv", "google-sheets.csv"];
    for (n, name) in fixtures.iter().enumerate() {
        browser.wait_for(input).await;
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sheet/").to_owned() + name;
        browser
            .find_nth(input, 0)
            .await
            .send_keys(&path)
            .await
            .expect("give the file input a file");
        browser
            .wait_until(
                &format!("the preview of {name}"),
                "const host = document.querySelector('seminar-plan-check');
                 const source = host && host.shadowRoot.querySelector('.spc-source');
                 const plan = host && host.shadowRoot.querySelector('seminar-plan');
                 return source !== null && source.textContent === arguments[0] && plan !== null
                     && plan.shadowRoot !== null
                     && plan.shadowRoot.querySelector('article.sp-card') !== null;",
                vec![json!(name)],
            )
            .await;
        if n == 0 {
            for width in [375, 320] {
                browser.set_viewport(width, 667).await;
                let seen: Value = browser.js(OVERFLOW, vec![]).await;
                browser.screenshot(&format!("check-phone-{width}")).await;
                assert_eq!(seen["over"], json!(0), "at {width} px: {seen}");
            }
        }
    }
    assert_eq!(browser.js(PREVIEW_COPIES, vec![]).await, json!(0));
    browser.close().await;
}
