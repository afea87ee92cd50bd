#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests: the release bundle in `dist/`, served over HTTP from 127.0.0.1 and
//! driven in headless Chromium over WebDriver, the way a visitor uses the widget.
//!
//! Run `trunk build --release` first, then `cargo test --test e2e -- --test-threads=1`
//! (`scripts/test.sh` does both). Needs `/usr/bin/chromium` and `/usr/bin/chromedriver`
//! (override with `CHROMIUM` / `CHROMEDRIVER`). Screenshots are written to
//! `target/e2e-screenshots/`, chromedriver logs to `target/e2e-logs/`.
//!
//! - `server`: the static HTTP server (bundle, fixtures, page variants, extra routes);
//! - `browser`: chromedriver, browser sessions, waits, clicks and screenshots.
//!
//! `release` tests the release archive and npm package (`scripts/release.sh --package`
//! first); `engines` runs the core journeys in Firefox ESR and WebKitGTK too
//! (`scripts/setup.sh --browser` installs them).

mod a11y;
mod browser;
mod delegation;
mod embed;
mod engines;
mod faults;
mod finding;
mod form;
mod formats;
mod grid;
mod keep_plan;
mod merging;
mod phone;
mod release;
mod schedule;
mod server;
mod sheet;
mod snippet;
mod workbook;

use std::time::Duration;

use serde_json::Value;

use browser::{Browser, Chromedriver};
use server::{JSON, Response, Server, http_get};

/// A phone-sized viewport.
const PHONE: (u32, u32) = (375, 812);
/// A laptop-sized viewport.
const LAPTOP: (u32, u32) = (1280, 800);

/// Two seminars of the demo programme in the same block (pass-3, day 2): a clash.
const FIRST: &str = "s-301";
const SECOND: &str = "s-302";
/// The label of their day's tab: the long Swedish date of 2027-03-17.
const DAY_2: &str = "onsdag 17 mars";

/// The day tabs: one row, each showing the date it should (arguments[1]: `short` on a
/// phone, where the whole one would not fit, `long` on a laptop), and the current tab
/// wholly in view. With arguments[0], every tab (and "all days") is wholly in view,
/// nothing left to scroll to. Returns `true` or what is wrong.
pub(crate) const DAY_TABS_SHOWN: &str = "const list = $q('.sp-daytabs__list');
     const tabs = $qa('.sp-daytabs__button');
     const tab = $q('.sp-daytabs__button.sp-is-current');
     if (!list || !tab) return 'no day tabs';
     const rows = new Set(tabs.map(b => Math.round(b.getBoundingClientRect().top)));
     if (rows.size !== 1) return 'the tabs are on ' + rows.size + ' rows';
     const other = arguments[1] === 'short' ? 'long' : 'short';
     const shown = (b, which) => getComputedStyle(b.querySelector('.sp-daytabs__' + which)).display !== 'none';
     const wrong = tabs.filter(b => !shown(b, arguments[1]) || shown(b, other));
     if (wrong.length) return 'a tab does not show its ' + arguments[1] + ' date: ' + wrong.map(b => b.innerText).join(' | ');
     const l = list.getBoundingClientRect();
     const inView = b => { const t = b.getBoundingClientRect(); return t.left >= l.left - 1 && t.right <= l.right + 1; };
     const out = (arguments[0] ? tabs : [tab]).filter(b => !inView(b));
     return out.length === 0 ? true
         : 'out of view: ' + out.map(b => b.innerText + ' ' + Math.round(b.getBoundingClientRect().left) + '..'
             + Math.round(b.getBoundingClientRect().right)).join(', ') + '; row ' + l.left + '..' + l.right;";

fn card(id: &str) -> String {
    format!(r#"article.sp-card[data-session="{id}"]"#)
}

fn star(id: &str) -> String {
    format!(r#"article.sp-card[data-session="{id}"] .sp-star"#)
}

fn mine_card(id: &str) -> String {
    format!(r#".sp-mine article.sp-card[data-session="{id}"]"#)
}

fn size_name(name: &str, (width, height): (u32, u32)) -> String {
    format!("{name}-{width}x{height}")
}

/// A session's title as written in the demo programme (`demo/programme.json`).
fn demo_title(id: &str) -> String {
    let demo: Value =
        serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo programme is JSON");
    demo["sessions"]
        .as_array()
        .and_then(|all| all.iter().find(|s| s["id"] == id))
        .and_then(|s| s["title"].as_str())
        .unwrap_or_else(|| panic!("the demo programme has no session {id}"))
        .to_owned()
}

/// A server whose page `/page/generated-1000` shows a generated congress of 1,000
/// sessions (`seminarplan_core::generate`).
fn generated_1000_server() -> Server {
    let json_text = seminarplan_core::generate::programme_json(1_000, 2027);
    Server::builder()
        .route("/generated/1000.json", move |_| {
            Response::ok(JSON, json_text.clone())
        })
        .variant("generated-1000", "/generated/1000.json")
        .start()
}

/// Opens `path` and waits for the widget.
async fn open_widget(browser: &Browser, path: &str) {
    browser.goto(path).await;
    wait_for_widget(browser).await;
}

/// Waits until the widget shows something of its own: the programme or an error (not a
/// large file's first sessions, shown while the rest is read).
async fn wait_for_widget(browser: &Browser) {
    browser
        .wait_until(
            "the widget to show the programme or an error",
            "return $q('.sp-app .sp-error') !== null
                || ($q('.sp-app .sp-card') !== null && $q('.sp-preview') === null);",
            vec![],
        )
        .await;
}

/// Clicks "Mitt schema" and waits until it is shown.
async fn show_my_schedule(browser: &Browser) {
    browser.click_nth(".sp-viewswitch__button", 1).await;
    browser
        .wait_until(
            "My schedule to be shown",
            "const b = $qa('.sp-viewswitch__button')[1];
             return b !== undefined && b.getAttribute('aria-pressed') === 'true'
                 && $q('.sp-mine') !== null;",
            vec![],
        )
        .await;
}

/// The `seminarplan:` entries of localStorage, key → value.
async fn saved_plans(browser: &Browser) -> Vec<(String, String)> {
    let v = browser
        .js(
            "const out = [];
             for (let i = 0; i < localStorage.length; i++) {
                 const key = localStorage.key(i);
                 if (key.startsWith('seminarplan:')) out.push([key, localStorage.getItem(key)]);
             }
             return out;",
            vec![],
        )
        .await;
    v.as_array()
        .map(|pairs| {
            pairs
                .iter()
                .map(|p| {
                    let s = |i: usize| p[i].as_str().unwrap_or_default().to_owned();
                    (s(0), s(1))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a stored plan record lists `id` among its starred sessions.
fn record_has(record: &str, id: &str) -> bool {
    serde_json::from_str::<Value>(record)
        .ok()
        .and_then(|r| r["starred"].as_array().cloned())
        .is_some_and(|starred| starred.iter().any(|s| s == id))
}

/// The server answers with the right types, rewrites page variants and refuses the rest;
/// no browser needed.
#[test]
fn server_serves_bundle_fixtures_and_variants() {
    let server = Server::start();
    let get = |path: &str| {
        http_get(server.addr(), path, Duration::from_secs(5))
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    };

    let index = get("/");
    assert_eq!(index.status, 200);
    assert_eq!(index.header("content-type"), Some(server::HTML));
    assert_eq!(index.header("connection"), Some("close"));
    let html = index.text();
    assert!(html.contains("<seminar-plan"));
    assert!(!html.contains(" src=\"/fixtures"));

    // Every file of the bundle is served with its type; the wasm one must be exactly
    // application/wasm or browsers refuse to stream-compile it.
    let mut seen_wasm = false;
    for entry in std::fs::read_dir(server::dist_dir()).expect("read dist/") {
        let path = entry.expect("a dist/ entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !path.is_file() || name.starts_with('.') {
            continue;
        }
        let got = get(&format!("/{name}"));
        assert_eq!(got.status, 200, "/{name}");
        assert_eq!(
            got.header("content-type"),
            Some(server::content_type(&path)),
            "/{name}"
        );
        assert_eq!(
            got.body.len(),
            std::fs::metadata(&path).map_or(0, |m| m.len()) as usize
        );
        seen_wasm |= name.ends_with(".wasm");
        if name.ends_with(".wasm") {
            assert_eq!(got.header("content-type"), Some("application/wasm"));
        }
        if name.ends_with(".js") {
            assert_eq!(
                got.header("content-type"),
                Some("text/javascript; charset=utf-8")
            );
        }
    }
    assert!(
        seen_wasm,
        "dist/ has no .wasm file: run `trunk build --release`"
    );

    let fixture = get("/fixtures/broken.json");
    assert_eq!(fixture.status, 200);
    assert_eq!(fixture.header("content-type"), Some(JSON));
    assert!(fixture.text().contains("seminarplan/1"));

    let page = get("/page/broken?x=1");
    assert_eq!(page.status, 200);
    assert!(
        page.text()
            .contains(r#"<seminar-plan src="/fixtures/broken.json""#)
    );

    for missing in [
        "/nope.js",
        "/page/nope",
        "/page/../Cargo",
        "/fixtures/../../Cargo.toml",
        "/../Cargo.toml",
        "/fixtures/",
        "/.trunk-lock",
    ] {
        assert_eq!(get(missing).status, 404, "{missing}");
    }
}

/// Stars `id` and reloads the page in the same task, before the widget's next frame, and
/// waits for the page to be loaded again. The star must be kept: the plan's write waits
/// for that frame (issue 29), but never past the page.
async fn star_and_leave_at_once(browser: &Browser, id: &str) {
    browser
        .js(
            "window.__before_reload = true; $q(arguments[0]).click(); location.reload();",
            vec![star(id).into()],
        )
        .await;
    browser
        .wait_until(
            "the page to be loaded again",
            "return window.__before_reload === undefined && $q(arguments[0]) !== null;",
            vec![card(id).into()],
        )
        .await;
}

/// Starring two seminars of the same block shows the clash on both in My schedule, and
/// the choice survives a reload (it is in localStorage), even one right after the star.
#[tokio::test]
async fn star_clash_reload_keeps_stars() {
    let server = Server::start();
    let driver = Chromedriver::start("star_clash_reload_keeps_stars");
    let browser = driver.open(&server, PHONE).await;

    open_widget(&browser, "/").await;
    browser.wait_for("article.sp-card").await;
    assert_eq!(
        browser.attr(".sp-app", "lang").await.as_deref(),
        Some("sv"),
        "the widget starts in Swedish"
    );

    // Block pass-3 is on the second day, 2027-03-17. Its tab is found by its label (the
    // long date), so a tab added before it (say, "all days") cannot misdirect the click.
    let day_tab = browser
        .js(
            "return Array.from($qa('.sp-daytabs__button'))
                 .findIndex(b => b.querySelector('.sp-daytabs__long').textContent.startsWith(arguments[0]));",
            vec![DAY_2.into()],
        )
        .await
        .as_u64()
        .and_then(|i| usize::try_from(i).ok())
        .unwrap_or_else(|| panic!("no day tab is labelled {DAY_2:?}"));
    assert_eq!(day_tab, 1, "the second day's tab is the second tab");
    browser.click_nth(".sp-daytabs__button", day_tab).await;
    browser
        .wait_until(
            "the second day to be selected",
            "const b = $qa('.sp-daytabs__button')[arguments[0]];
             return b !== undefined && b.getAttribute('aria-pressed') === 'true';",
            vec![day_tab.into()],
        )
        .await;
    browser.wait_for(&card(FIRST)).await;
    browser.wait_for(&card(SECOND)).await;

    let titles = [FIRST, SECOND].map(demo_title);
    for (id, title) in [FIRST, SECOND].iter().zip(&titles) {
        let shown = browser.text(&format!("{} .sp-card__title", card(id))).await;
        assert_eq!(&shown, title, "the title on {id}'s card");
        assert_eq!(
            browser.attr(&star(id), "aria-pressed").await.as_deref(),
            Some("false"),
            "{id} is not starred in a fresh browser"
        );
        assert_eq!(
            browser.attr(&star(id), "aria-label").await,
            Some(format!("Lägg till {title} i mitt schema")),
        );
    }

    // The first star may still be waiting to be written too when the page goes.
    browser.click(&star(FIRST)).await;
    star_and_leave_at_once(&browser, SECOND).await;
    for id in [FIRST, SECOND] {
        browser
            .wait_for_attr(&star(id), "aria-pressed", "true")
            .await;
    }
    for (id, title) in [FIRST, SECOND].iter().zip(&titles) {
        assert_eq!(
            browser.attr(&star(id), "aria-label").await,
            Some(format!("Ta bort {title} från mitt schema")),
        );
    }
    // Screenshots of the programme show the two starred seminars.
    browser.scroll_to(Some(&card(FIRST))).await;
    browser.screenshot(&size_name("programme", PHONE)).await;
    browser.set_viewport(LAPTOP.0, LAPTOP.1).await;
    browser.scroll_to(Some(&card(FIRST))).await;
    browser.screenshot(&size_name("programme", LAPTOP)).await;

    show_my_schedule(&browser).await;
    let check_my_schedule = async |after: &str| {
        browser.wait_for(&mine_card(FIRST)).await;
        browser.wait_for(&mine_card(SECOND)).await;
        assert_eq!(
            browser.count(".sp-mine article.sp-card").await,
            2,
            "{after}: My schedule shows exactly the two starred sessions"
        );
        for (id, other) in [(FIRST, &titles[1]), (SECOND, &titles[0])] {
            assert_eq!(
                browser
                    .attr(&format!("{} .sp-star", mine_card(id)), "aria-pressed")
                    .await
                    .as_deref(),
                Some("true"),
                "{after}: {id} is starred in My schedule"
            );
            let clash = browser
                .texts(&format!("{} .sp-card__clash", mine_card(id)))
                .await;
            assert_eq!(
                clash.len(),
                1,
                "{after}: {id} has one clash note, got {clash:?}"
            );
            assert!(
                clash[0].contains(&format!("Krockar med {other}")),
                "{after}: {id}'s clash note names {other:?}: {:?}",
                clash[0]
            );
        }
    };
    check_my_schedule("before reload").await;
    browser.scroll_to(None).await;
    browser.screenshot(&size_name("my-schedule", LAPTOP)).await;
    browser.set_viewport(PHONE.0, PHONE.1).await;
    browser.scroll_to(None).await;
    browser.screenshot(&size_name("my-schedule", PHONE)).await;
    // The three views stay on one row on a phone, with My schedule's two badges.
    for width in [PHONE.0, 320] {
        browser.set_viewport(width, PHONE.1).await;
        assert_eq!(
            browser
                .js(
                    "const tops = $qa('.sp-viewswitch__button').map(b => Math.round(b.getBoundingClientRect().top));
                     return new Set(tops).size === 1 && $qa('.sp-viewswitch .sp-badge').length === 2
                         ? true : tops.join(' ') + ' / badges ' + $qa('.sp-viewswitch .sp-badge').length;",
                    vec![],
                )
                .await,
            Value::Bool(true),
            "at {width} px the views are one row (target/e2e-screenshots/my-schedule-375x812.png)"
        );
    }
    browser.set_viewport(PHONE.0, PHONE.1).await;

    // The plan is saved under a `seminarplan:` key.
    let stored = browser
        .wait_until(
            "localStorage to hold both starred sessions",
            "for (let i = 0; i < localStorage.length; i++) {
                 const key = localStorage.key(i);
                 const value = localStorage.getItem(key);
                 if (key.startsWith('seminarplan:') && value.includes(arguments[0])
                     && value.includes(arguments[1])) return true;
             }
             return null;",
            vec![FIRST.into(), SECOND.into()],
        )
        .await;
    assert_eq!(stored, Value::Bool(true));
    let plans = saved_plans(&browser).await;
    assert!(
        plans
            .iter()
            .any(|(_, v)| record_has(v, FIRST) && record_has(v, SECOND)),
        "a seminarplan: record lists {FIRST} and {SECOND} as starred: {plans:?}"
    );

    browser.reload().await;
    wait_for_widget(&browser).await;
    show_my_schedule(&browser).await;
    check_my_schedule("after reload").await;

    // The same from the bare address, so nothing can come from the reloaded URL's query
    // (the view is kept there): the stars come from localStorage.
    open_widget(&browser, "/").await;
    show_my_schedule(&browser).await;
    check_my_schedule("after opening / again").await;

    browser.close().await;
}

/// A programme file with mistakes is refused with a clear, located list of them, not a
/// blank page.
#[tokio::test]
async fn broken_programme_shows_clear_error() {
    let server = Server::start();
    let driver = Chromedriver::start("broken_programme_shows_clear_error");
    let browser = driver.open(&server, PHONE).await;

    open_widget(&browser, "/page/broken").await;
    browser.wait_for(".sp-error").await;
    assert_eq!(browser.count(".sp-card").await, 0, "no programme is shown");
    assert_eq!(browser.count(".sp-loading").await, 0, "loading has ended");
    assert_eq!(
        browser.attr(".sp-error", "role").await.as_deref(),
        Some("alert")
    );
    assert_eq!(
        browser.text(".sp-error .sp-error__title").await,
        "Programmet kunde inte visas"
    );
    let problems = browser.texts(".sp-error .sp-error__list li").await;
    assert_eq!(
        problems,
        [
            "sessions[0].room: hänvisar till lokalen \"sal-y\" som inte finns",
            "sessions[1].end: sluttiden måste vara efter starttiden",
            "sessions[2].room: hänvisar till lokalen \"sal-x\" som inte finns",
        ],
        "every problem of tests/fixtures/broken.json (no session of it can be shown, so the \
         widget refuses it whole), with its place"
    );
    assert_eq!(
        browser.attr(".sp-error a.sp-link", "href").await.as_deref(),
        Some("/fixtures/broken.json"),
        "the error links to the file"
    );
    assert_eq!(
        browser.text(".sp-error button.sp-button").await,
        "Försök igen"
    );

    // Not a blank page: the host page and the message are both visible.
    let visible = browser
        .js(
            "const r = $q('.sp-error').getBoundingClientRect();
             const title = $q('.demo-page__title');
             return r.width > 100 && r.height > 50
                 && title !== null && title.getBoundingClientRect().height > 0
                 && $q('.sp-app').innerText.includes('Programmet kunde inte visas');",
            vec![],
        )
        .await;
    assert_eq!(
        visible,
        Value::Bool(true),
        "the error is visible on the page"
    );
    browser.screenshot(&size_name("error-broken", PHONE)).await;

    browser.close().await;
}

/// A programme file that is not valid JSON (cut short) is refused with the line where
/// reading stopped.
#[tokio::test]
async fn invalid_json_names_the_line() {
    let small = std::fs::read_to_string(server::fixtures_dir().join("small.json"))
        .expect("read tests/fixtures/small.json");
    // Cut inside the rooms list, mid-line: the JSON ends early.
    let cut = small
        .find("Stora salen")
        .expect("small.json names the room Stora salen");
    let truncated = small[..cut].to_owned();
    let line = truncated.matches('\n').count() + 1;
    let server = Server::builder()
        .route("/generated/invalid.json", move |_| {
            Response::ok(JSON, truncated.clone())
        })
        .variant("invalid-json", "/generated/invalid.json")
        .start();
    let driver = Chromedriver::start("invalid_json_names_the_line");
    let browser = driver.open(&server, PHONE).await;

    open_widget(&browser, "/page/invalid-json").await;
    browser.wait_for(".sp-error").await;
    assert_eq!(
        browser.text(".sp-error .sp-error__title").await,
        "Programmet kunde inte visas"
    );
    let problems = browser.texts(".sp-error .sp-error__list li").await;
    let expected = format!("filen är inte giltig JSON (rad {line}, kolumn ");
    assert!(
        problems.len() == 1 && problems[0].starts_with(&expected) && problems[0].ends_with(')'),
        "one problem naming line {line}, got {problems:?}"
    );

    browser.close().await;
}

/// How many lines the text of the first element matching `css` takes.
async fn text_lines(browser: &Browser, css: &str) -> u64 {
    let v = browser
        .js(
            "const range = document.createRange();
             range.selectNodeContents($q(arguments[0]));
             const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
             return tops.size;",
            vec![css.into()],
        )
        .await;
    v.as_u64().unwrap_or(0)
}

/// The language button switches the whole widget to English.
#[tokio::test]
async fn language_switch_shows_english() {
    let server = Server::start();
    let driver = Chromedriver::start("language_switch_shows_english");
    let browser = driver.open(&server, PHONE).await;

    open_widget(&browser, "/").await;
    browser.wait_for(".sp-langswitch").await;
    assert_eq!(
        browser.texts(".sp-viewswitch__button").await,
        ["Programmet", "Mitt schema", "Delegationen"]
    );
    assert_eq!(browser.text(".sp-langswitch").await, "English");
    assert_eq!(
        text_lines(&browser, ".sp-langswitch").await,
        1,
        "the language button's label is not broken across lines on a phone"
    );

    browser.click(".sp-langswitch").await;
    browser.wait_for_attr(".sp-app", "lang", "en").await;
    assert_eq!(
        browser.texts(".sp-viewswitch__button").await,
        ["Programme", "My schedule", "Delegation"]
    );
    assert_eq!(browser.text(".sp-langswitch").await, "Svenska");
    assert_eq!(text_lines(&browser, ".sp-langswitch").await, 1);
    // Named by its visible text, in its own language (WCAG 2.5.3 label in name); the
    // tooltip says what it does.
    assert_eq!(browser.attr(".sp-langswitch", "aria-label").await, None);
    assert_eq!(
        browser.attr(".sp-langswitch", "lang").await.as_deref(),
        Some("sv")
    );
    assert_eq!(
        browser.attr(".sp-langswitch", "title").await.as_deref(),
        Some("Change language to Swedish")
    );

    // The choice is remembered on the next visit.
    browser.reload().await;
    wait_for_widget(&browser).await;
    browser.wait_for_attr(".sp-app", "lang", "en").await;
    assert_eq!(browser.text(".sp-langswitch").await, "Svenska");

    browser.close().await;
}
