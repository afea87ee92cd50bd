//! Faults end to end (issue 8): the programme's network failing in every way, the
//! browser's storage failing in every way, what the widget sends over a whole visit, and
//! programmes with huge texts.
//!
//! Network faults come from a fault route of the test server whose behaviour the test
//! switches between page loads ([`FaultSwitch`]): the programme address stays the same,
//! so the last good copy the widget kept for it is found. Pages get a short
//! `data-timeout` so the timeout case takes 1.5 s, not 15.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::browser::{Browser, Chromedriver};
use crate::server::{Fault, FaultSwitch, JSON, Server};
use crate::{LAPTOP, PHONE, demo_title, show_my_schedule, star, wait_for_widget};

/// The programme's address on the fault route.
const SRC: &str = "/conf/programme.json";
/// The page whose widget loads [`SRC`] with a 1.5 s timeout (Swedish, and English).
const PAGE: &str = "/faults/page";
const PAGE_EN: &str = "/faults/page-en";
const TIMEOUT_MS: &str = "1500";
/// The demo programme's plan key (default namespace).
const DEMO_KEY: &str = "seminarplan:default:plan:inkopsforum-2027";
/// Where the widget keeps its last good copies of programmes (default namespace).
const COPY_PREFIX: &str = "seminarplan:default:programme:";
/// First-day seminars of the demo that do not clash.
const S101: &str = "s-101";
const S207: &str = "s-207";
/// A page of the test server without the widget.
const BLANK: &str = "/fixtures/e2e/blank.html";

/// A server with the demo programme behind a fault switch, and the pages that load it.
fn fault_server(switch: &FaultSwitch) -> Server {
    Server::builder()
        .fault_route(SRC, JSON, seminarplan_core::DEMO_PROGRAMME, switch)
        .custom_page(PAGE, &[("src", SRC), ("timeout", TIMEOUT_MS)], &[])
        .custom_page(
            PAGE_EN,
            &[("src", SRC), ("timeout", TIMEOUT_MS), ("lang", "en")],
            &[],
        )
        .start()
}

/// Each network fault, the sentence the visitor reads for it (Swedish, English), and
/// the shortest time the page should take to show it.
fn faults() -> Vec<(Fault, &'static str, &'static str)> {
    vec![
        (
            Fault::Status(404),
            "Programfilen finns inte på sin adress (HTTP 404).",
            "There is no programme file at its address (HTTP 404).",
        ),
        (
            Fault::Status(500),
            "Servern kunde inte lämna ut programfilen (HTTP 500).",
            "The server could not deliver the programme file (HTTP 500).",
        ),
        (
            Fault::Hang,
            "Programfilen tog för lång tid att hämta. Servern eller nätverket är långsamt.",
            "The programme file took too long to fetch. The server or the network is slow.",
        ),
        (
            Fault::Truncated,
            "Överföringen av programfilen bröts innan hela filen kommit fram.",
            "The transfer broke off before the whole programme file had arrived.",
        ),
        (
            Fault::WebPage,
            "Adressen gav en webbsida, inte en programfil. Kontrollera programfilens adress.",
            "The address gave a web page, not a programme file. Check the programme file's address.",
        ),
    ]
}

/// Opens `path` and waits until the widget shows a programme, an error or a crash.
async fn open(browser: &Browser, path: &str) {
    browser.goto(path).await;
    wait_for_widget(browser).await;
}

/// Stars `id` on its card and waits until the plan under [`DEMO_KEY`] lists it.
async fn star_and_save(browser: &Browser, id: &str) {
    browser.wait_for(&star(id)).await;
    browser.click(&star(id)).await;
    browser
        .wait_for_attr(&star(id), "aria-pressed", "true")
        .await;
    browser
        .wait_until(
            &format!("the saved plan to list {id}"),
            "const t = localStorage.getItem(arguments[0]);
             return t !== null && JSON.parse(t).starred.includes(arguments[1]);",
            vec![json!(DEMO_KEY), json!(id)],
        )
        .await;
}

/// The widget's localStorage keys starting with `prefix`.
async fn keys(browser: &Browser, prefix: &str) -> Vec<String> {
    let v = browser
        .js(
            "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort();",
            vec![json!(prefix)],
        )
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

/// Waits until the widget has kept its copy of the programme (written after the first
/// paint, when the page is idle: issue 29), and returns the keys of the copies.
async fn kept_copies(browser: &Browser) -> Vec<String> {
    browser
        .wait_until(
            "the programme's copy kept",
            "return Object.keys(localStorage).some(k => k.startsWith(arguments[0])
                 && (JSON.parse(localStorage.getItem(k)).text || '') !== '');",
            vec![json!(COPY_PREFIX)],
        )
        .await;
    keys(browser, COPY_PREFIX).await
}

/// Fills localStorage of the page's origin until it refuses even one more character;
/// returns how many characters were written.
async fn fill_storage(browser: &Browser) -> u64 {
    let written = browser
        .js(
            "let n = 0, size = 1 << 20, total = 0;
             while (size >= 1) {
                 try { localStorage.setItem('filler:' + n, 'x'.repeat(size)); n++; total += size; }
                 catch (e) {
                     if (e.name !== 'QuotaExceededError') throw e;
                     size = size >> 1;
                 }
             }
             return total;",
            vec![],
        )
        .await;
    written.as_u64().unwrap_or(0)
}

/// The last good programme stays on screen, marked as possibly out of date, through every
/// network fault; the visitor's star stays; a retry that succeeds clears the mark. A slow
/// answer shows the loading state and then the programme; the wrong content type does not
/// matter for a real programme file.
#[tokio::test]
async fn network_faults_show_the_last_good_programme_marked_out_of_date() {
    let switch = FaultSwitch::new(Fault::Ok);
    let server = fault_server(&switch);
    let driver = Chromedriver::start("faults_last_good_programme");
    let browser = driver.open(&server, PHONE).await;

    open(&browser, PAGE).await;
    star_and_save(&browser, S101).await;
    let copies = kept_copies(&browser).await;
    assert_eq!(copies.len(), 1, "one kept copy: {copies:?}");
    let copy = browser
        .js(
            "return JSON.parse(localStorage.getItem(arguments[0]));",
            vec![json!(copies[0])],
        )
        .await;
    assert_eq!(copy["src"], json!(SRC), "{copy}");
    assert_eq!(copy["id"], json!("inkopsforum-2027"));
    assert_eq!(copy["text"], json!(seminarplan_core::DEMO_PROGRAMME));

    for (fault, sv, _) in faults() {
        switch.set(fault.clone());
        open(&browser, PAGE).await;
        browser.wait_visible(".sp-stale").await;
        let note = browser.text(".sp-stale").await;
        assert!(
            note.starts_with("Du ser programmet som det var ")
                && note.contains("Det kan vara inaktuellt.")
                && note.contains(sv),
            "{fault:?}: the note says the programme may be out of date and why: {note:?}"
        );
        assert_eq!(
            browser.attr(".sp-stale", "role").await.as_deref(),
            Some("alert"),
            "{fault:?}: the note is announced"
        );
        assert_eq!(browser.text(".sp-stale__retry").await, "Försök igen");
        assert_eq!(
            browser.attr(&star(S101), "aria-pressed").await.as_deref(),
            Some("true"),
            "{fault:?}: the visitor's star is shown on the kept programme"
        );
        browser
            .screenshot(&format!("fault-stale-{}", fault_name(&fault)))
            .await;
    }

    // The copy is usable: My schedule shows the star with its title.
    show_my_schedule(&browser).await;
    assert_eq!(
        browser
            .texts(".sp-mine article.sp-card .sp-card__title")
            .await,
        [demo_title(S101)]
    );

    // Try again while the server still fails: still the copy, still marked.
    switch.set(Fault::Status(500));
    browser.click(".sp-stale__retry").await;
    browser.wait_visible(".sp-stale__retry").await;
    // The server recovers: "try again" brings the fresh programme and clears the mark.
    switch.set(Fault::Ok);
    browser.click(".sp-stale__retry").await;
    browser
        .wait_until(
            "the out-of-date note to go",
            "return $q('.sp-stale') === null && $q('.sp-app .sp-card') !== null;",
            vec![],
        )
        .await;

    // A slow answer: the loading state first, then the programme, nothing marked.
    switch.set(Fault::Slow(Duration::from_millis(1000)));
    browser.goto(PAGE).await;
    browser.wait_visible(".sp-app .sp-loading").await;
    assert_eq!(browser.count(".sp-app .sp-card").await, 0);
    browser.wait_for(&star(S101)).await;
    assert_eq!(
        browser.count(".sp-stale").await,
        0,
        "a slow answer is not a fault"
    );
    assert_eq!(
        browser.attr(&star(S101), "aria-pressed").await.as_deref(),
        Some("true")
    );

    // The wrong content type: a real programme file is read by its content.
    switch.set(Fault::WrongType);
    open(&browser, PAGE).await;
    browser.wait_for(&star(S101)).await;
    assert_eq!(browser.count(".sp-stale, .sp-error").await, 0);

    browser.close().await;
}

/// The bundle's files, as paths on the server (`/name`).
fn dist_files() -> Vec<String> {
    std::fs::read_dir(crate::server::dist_dir())
        .expect("read dist/")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(|n| format!("/{n}")))
        .collect()
}

fn fault_name(fault: &Fault) -> String {
    match fault {
        Fault::Status(s) => format!("http{s}"),
        other => format!("{other:?}").to_ascii_lowercase(),
    }
}

/// Without a kept copy of the programme, every network fault shows its message (Swedish
/// and English) and a retry, and the plan the visitor saved is still listed, with the
/// titles, times and rooms it was saved with. A first visit shows the message alone.
#[tokio::test]
async fn network_faults_without_a_copy_show_the_message_and_the_saved_plan() {
    let switch = FaultSwitch::new(Fault::Status(404));
    let server = fault_server(&switch);
    let driver = Chromedriver::start("faults_saved_plan");
    let browser = driver.open(&server, PHONE).await;

    // A first visit that fails: the message and a retry, no plan.
    open(&browser, PAGE).await;
    browser.wait_visible(".sp-error").await;
    assert_eq!(
        browser.text(".sp-error__why").await,
        "Programfilen finns inte på sin adress (HTTP 404)."
    );
    assert_eq!(browser.count(".sp-offline").await, 0);
    assert_eq!(
        browser.text(".sp-error button.sp-button").await,
        "Försök igen"
    );

    // The server recovers; "try again" loads it. The visitor stars two seminars.
    switch.set(Fault::Ok);
    browser.click(".sp-error button.sp-button").await;
    star_and_save(&browser, S101).await;
    star_and_save(&browser, S207).await;
    // The kept copy has no text, as when a programme is too large to keep.
    let copies = keys(&browser, COPY_PREFIX).await;
    assert_eq!(copies.len(), 1, "{copies:?}");
    browser
        .js(
            "const r = JSON.parse(localStorage.getItem(arguments[0]));
             delete r.text;
             localStorage.setItem(arguments[0], JSON.stringify(r));
             return true;",
            vec![json!(copies[0])],
        )
        .await;

    let titles = [demo_title(S101), demo_title(S207)];
    for (page, lang) in [(PAGE, 0), (PAGE_EN, 1)] {
        for (fault, sv, en) in faults() {
            switch.set(fault.clone());
            open(&browser, page).await;
            browser.wait_visible(".sp-error").await;
            let why = browser.text(".sp-error__why").await;
            assert_eq!(why, [sv, en][lang], "{fault:?} on {page}");
            assert_eq!(
                browser.text(".sp-error button.sp-button").await,
                ["Försök igen", "Try again"][lang]
            );
            browser.wait_visible(".sp-offline").await;
            assert_eq!(
                browser.text("#sp-offline-title").await,
                ["Ditt sparade schema", "Your saved schedule"][lang]
            );
            let listed = browser.texts(".sp-offline__title").await;
            assert_eq!(listed, titles, "{fault:?}: the saved plan, in time order");
            let when = browser.texts(".sp-offline__when").await;
            assert!(
                when.iter().all(|w| w.contains(':') && w.contains('–')),
                "{fault:?}: each with its time: {when:?}"
            );
            assert_eq!(browser.count(".sp-offline__room").await, 2);
        }
    }
    browser.screenshot("fault-saved-plan-375x812").await;

    // Nothing was lost: the server recovers and the plan is there as it was.
    switch.set(Fault::Ok);
    browser.click(".sp-error button.sp-button").await;
    browser.wait_for(&star(S101)).await;
    for id in [S101, S207] {
        assert_eq!(
            browser.attr(&star(id), "aria-pressed").await.as_deref(),
            Some("true"),
            "{id} is still starred"
        );
    }
    browser.close().await;
}

/// localStorage unavailable (reading `window.localStorage` throws, as when the visitor
/// blocks site data): the widget works, says once that nothing is saved, and keeps the
/// plan for the visit.
#[tokio::test]
async fn storage_unavailable_is_told_and_the_plan_lasts_the_visit() {
    let server = Server::builder()
        .custom_page("/faults/no-storage", &[], &["/fixtures/e2e/no-storage.js"])
        .start();
    let driver = Chromedriver::start("faults_storage_unavailable");
    let browser = driver.open(&server, PHONE).await;

    open(&browser, "/faults/no-storage").await;
    assert_eq!(
        browser
            .js(
                "try { window.localStorage; return 'readable'; } catch (e) { return e.name; }",
                vec![]
            )
            .await,
        json!("SecurityError"),
        "the page variant really blocks storage"
    );
    let notice = r#".sp-notice[data-notice="StorageUnavailable"]"#;
    browser.wait_visible(notice).await;
    assert_eq!(
        browser.text(&format!("{notice} .sp-notice__text")).await,
        "Webbläsaren låter oss inte spara. Dina val finns kvar tills du stänger sidan."
    );
    browser.wait_for(&star(S101)).await;
    browser.click(&star(S101)).await;
    browser
        .wait_for_attr(&star(S101), "aria-pressed", "true")
        .await;
    show_my_schedule(&browser).await;
    assert_eq!(
        browser
            .texts(".sp-mine article.sp-card .sp-card__title")
            .await,
        [demo_title(S101)],
        "the plan lasts the visit"
    );
    assert_eq!(browser.count(".sp-notice").await, 1, "told once");
    assert_eq!(browser.count(".sp-error, .sp-crash").await, 0);
    browser.close().await;
}

/// A full storage: the widget drops its own programme copy to make room for the plan
/// (the plan matters more); when there is nothing of its own to drop, it says the plan
/// could not be saved and keeps it for the visit. A saved plan in a full storage is
/// still read.
#[tokio::test]
async fn storage_full_makes_room_or_tells() {
    let switch = FaultSwitch::new(Fault::Ok);
    let server = fault_server(&switch);
    let driver = Chromedriver::start("faults_storage_full");
    let browser = driver.open(&server, PHONE).await;

    open(&browser, PAGE).await;
    star_and_save(&browser, S101).await;
    assert_eq!(kept_copies(&browser).await.len(), 1, "a kept copy");
    let filled = fill_storage(&browser).await;
    assert!(filled > 1_000_000, "{filled} characters filled the storage");

    // Full: starring needs room, and the copy gives it.
    star_and_save(&browser, S207).await;
    assert_eq!(
        keys(&browser, COPY_PREFIX).await,
        Vec::<String>::new(),
        "the copy was dropped for the plan"
    );
    assert_eq!(browser.count(".sp-notice").await, 0, "nothing to tell");

    // Full again, with nothing of the widget's own left to drop.
    fill_storage(&browser).await;
    open(&browser, PAGE).await;
    // The saved plan is read from the full storage.
    browser.wait_for(&star(S207)).await;
    for id in [S101, S207] {
        assert_eq!(
            browser.attr(&star(id), "aria-pressed").await.as_deref(),
            Some("true"),
            "{id}, saved before, is read from a full storage"
        );
    }
    // Unstar one: the shorter record fits. Star it again: it does not. (The plan is
    // written once the page is idle, issue 29: storage is filled after that.)
    browser.click(&star(S207)).await;
    browser
        .wait_for_attr(&star(S207), "aria-pressed", "false")
        .await;
    browser
        .wait_until(
            "the saved plan to leave S207 out",
            "const t = localStorage.getItem(arguments[0]);
             return t !== null && !JSON.parse(t).starred.includes(arguments[1]);",
            vec![json!(DEMO_KEY), json!(S207)],
        )
        .await;
    fill_storage(&browser).await;
    browser.click(&star(S207)).await;
    browser
        .wait_for_attr(&star(S207), "aria-pressed", "true")
        .await;
    let notice = r#".sp-notice[data-notice="StorageFull"]"#;
    browser.wait_visible(notice).await;
    assert_eq!(
        browser.text(&format!("{notice} .sp-notice__text")).await,
        "Webbläsarens lagring är full, så ditt schema kunde inte sparas. \
         Dina val finns kvar tills du stänger sidan."
    );
    show_my_schedule(&browser).await;
    assert_eq!(
        browser.count(".sp-mine article.sp-card").await,
        2,
        "the plan lasts the visit"
    );
    browser.screenshot("fault-storage-full-375x812").await;
    browser.close().await;
}

/// Records the widget cannot read, or reads by migrating: a future version is set aside
/// and told; an older version is read and rewritten as the current one; a corrupt record
/// in a full storage (so it cannot be set aside) is left untouched, and the visitor told.
#[tokio::test]
async fn stored_records_from_other_versions_and_corrupt_ones_in_a_full_storage() {
    let server = Server::start();
    let driver = Chromedriver::start("faults_stored_records");
    let browser = driver.open(&server, PHONE).await;
    let seed = async |value: &str| {
        browser.goto(BLANK).await;
        browser
            .js(
                "localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]); return true;",
                vec![json!(DEMO_KEY), json!(value)],
            )
            .await;
    };

    // From a future version: set aside, byte for byte, and told.
    let future = r#"{"v":99,"starred":["s-101"],"new-field":{"x":1}}"#;
    seed(future).await;
    open(&browser, "/").await;
    let notice = r#".sp-notice[data-notice="StorageFuture"]"#;
    browser.wait_visible(notice).await;
    assert_eq!(
        browser.text(&format!("{notice} .sp-notice__text")).await,
        "Ditt schema sparades av en nyare version av programmet. Det är undanlagt, inte raderat."
    );
    let aside = keys(&browser, &format!("{DEMO_KEY}:unreadable:")).await;
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        browser
            .js(
                "return localStorage.getItem(arguments[0]);",
                vec![json!(aside[0])]
            )
            .await,
        json!(future)
    );

    // From an older version (v1, no snapshots): read, shown, and saved as v2.
    seed(r#"{"v":1,"starred":["s-101","s-207"]}"#).await;
    open(&browser, "/").await;
    browser.wait_for(&star(S101)).await;
    for id in [S101, S207] {
        assert_eq!(
            browser.attr(&star(id), "aria-pressed").await.as_deref(),
            Some("true"),
            "{id} from the v1 record"
        );
    }
    assert_eq!(
        browser.count(".sp-notice").await,
        0,
        "nothing lost, nothing to tell"
    );
    browser.click(&star(S207)).await;
    let record = browser
        .wait_until(
            "the record to be rewritten as v2",
            "const t = localStorage.getItem(arguments[0]);
             const r = t && JSON.parse(t);
             return r && r.v === 2 && !r.starred.includes('s-207') ? r : null;",
            vec![json!(DEMO_KEY)],
        )
        .await;
    assert_eq!(record["starred"], json!([S101]), "{record}");
    assert!(
        record["snapshots"][S101]["title"].is_string(),
        "the migrated record gained its snapshot: {record}"
    );

    // Corrupt, in a full storage: it cannot be set aside, so it is not overwritten. Then
    // the storage has room again (another tab freed some), so a save of the next star
    // could overwrite it: it must still be there, or copied aside first. (Issue 28: this
    // was checked after a fixed wait, in a storage too full for any write to succeed.)
    let garbage = "{\"v\":2,\"starred\":[\"s-101\",\"s-2";
    seed(garbage).await;
    fill_storage(&browser).await;
    open(&browser, "/").await;
    let notice = r#".sp-notice[data-notice="StorageFull"]"#;
    browser.wait_visible(notice).await;
    browser.wait_for(&star(S101)).await;
    browser
        .js(
            "for (const k of Object.keys(localStorage)) { if (k.startsWith('filler:')) localStorage.removeItem(k); }
             window.__spChanged = false;
             $q('seminar-plan').addEventListener('seminarplan-change', () => { window.__spChanged = true; });
             return true;",
            vec![],
        )
        .await;
    browser.click(&star(S101)).await;
    // The change event comes from an effect of the render the star caused; the save is an
    // effect of the same render, so once the event has come, the save has been tried.
    browser
        .wait_until(
            "the star's change event",
            "return window.__spChanged;",
            vec![],
        )
        .await;
    let kept = browser
        .js(
            "return Object.keys(localStorage)
                 .filter(k => k === arguments[0] || k.startsWith(arguments[0] + ':unreadable:'))
                 .map(k => localStorage.getItem(k));",
            vec![json!(DEMO_KEY)],
        )
        .await;
    assert!(
        kept.as_array()
            .is_some_and(|values| values.contains(&json!(garbage))),
        "the unreadable record is still there, or copied aside: {kept}"
    );
    browser.close().await;
}

/// Over a whole visit (load, search, filter, star, a session's page, My schedule, the
/// share dialog, the calendar export) the widget asks for nothing but its own files and
/// the programme, talks to no other host, and sets no cookie.
#[tokio::test]
#[allow(clippy::too_many_lines)] // One visitor's journey, step by step: it reads best whole.
async fn a_whole_visit_requests_only_the_widget_and_the_programme() {
    let switch = FaultSwitch::new(Fault::Ok);
    let server = Server::builder()
        .fault_route(SRC, JSON, seminarplan_core::DEMO_PROGRAMME, &switch)
        .custom_page(
            "/faults/journey",
            &[("src", SRC)],
            &["/fixtures/e2e/request-spy.js"],
        )
        .start();
    let downloads = std::env::temp_dir().join(format!("sp-journey-{}", std::process::id()));
    std::fs::create_dir_all(&downloads).expect("a download directory");
    let driver = Chromedriver::start("faults_privacy_journey");
    let browser = driver.open_downloading(&server, LAPTOP, &downloads).await;

    open(&browser, "/faults/journey").await;
    browser.wait_for(&star(S101)).await;
    // Search, then a filter, then clear both.
    browser
        .js(
            "const input = $q('input.sp-search__input');
             input.focus();
             input.value = 'upphandling';
             input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'upphandling' }));
             return true;",
            vec![],
        )
        .await;
    browser
        .wait_until(
            "the search to narrow the list",
            "return $q('.sp-result') !== null || $qa('.sp-app .sp-card').length > 0;",
            vec![],
        )
        .await;
    browser
        .click(".sp-filter__options input[type=checkbox]")
        .await;
    browser.wait_for(".sp-filters__clear").await;
    browser.click(".sp-filters__clear").await;
    // Star, open a session's page, close it.
    browser.wait_for(&star(S101)).await;
    browser.click(&star(S101)).await;
    browser
        .wait_for_attr(&star(S101), "aria-pressed", "true")
        .await;
    browser
        .click(r#"article.sp-card[data-session="s-101"] .sp-card__open"#)
        .await;
    browser.wait_for("dialog.sp-dialog[open]").await;
    browser
        .click("dialog.sp-dialog[open] .sp-dialog__close")
        .await;
    browser
        .wait_until(
            "the session page to close",
            "return $q('dialog.sp-dialog[open]') === null;",
            vec![],
        )
        .await;
    // My schedule, the share dialog, the calendar file.
    show_my_schedule(&browser).await;
    browser.click(".sp-mine__share").await;
    browser.wait_visible("svg.sp-qr").await;
    browser
        .click("dialog.sp-dialog[open] .sp-dialog__close")
        .await;
    browser
        .wait_until(
            "the share dialog to close",
            "return $q('dialog.sp-dialog[open]') === null;",
            vec![],
        )
        .await;
    browser.click(".sp-mine__calendar").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let ics = loop {
        let found = std::fs::read_dir(&downloads)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "ics"));
        if let Some(found) = found {
            break found;
        }
        assert!(Instant::now() < deadline, "no calendar file was downloaded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(ics.is_file());

    // What the page asked for, as the page saw it.
    let seen = browser
        .js(
            "return {
                 spied: window.__spRequests,
                 resources: performance.getEntriesByType('resource').map(e => e.name),
                 origin: location.origin,
                 cookie: document.cookie,
             };",
            vec![],
        )
        .await;
    let origin = seen["origin"].as_str().unwrap_or_default().to_owned();
    let spied: Vec<(String, String)> =
        serde_json::from_value(seen["spied"].clone()).unwrap_or_default();
    // The loader fetches the wasm; the widget fetches the programme; nothing else.
    let dist = dist_files();
    let own: Vec<&(String, String)> = spied
        .iter()
        .filter(|(_, url)| {
            !url.strip_prefix(&origin)
                .is_some_and(|path| dist.iter().any(|d| d == path))
        })
        .collect();
    assert_eq!(
        own,
        [&("fetch".to_owned(), format!("{origin}{SRC}"))],
        "besides its own files, the widget's only request is the programme: {spied:?}"
    );
    let resources: Vec<String> =
        serde_json::from_value(seen["resources"].clone()).unwrap_or_default();
    let foreign: Vec<&String> = resources
        .iter()
        .filter(|u| !u.starts_with(&origin))
        .collect();
    assert!(foreign.is_empty(), "requests to other origins: {foreign:?}");
    assert_eq!(seen["cookie"], json!(""), "document.cookie is empty");
    let cookies = browser
        .client
        .get_all_cookies()
        .await
        .expect("read the cookies");
    assert!(cookies.is_empty(), "no cookies: {cookies:?}");

    // What the server was asked for: the page, the widget's files, the programme.
    let log = server.log().all();
    let unexpected: Vec<&(String, u16)> = log
        .iter()
        .filter(|(request, _)| {
            let path = request.trim_start_matches("GET ");
            !(path == "/faults/journey"
                || path == SRC
                || path == "/fixtures/e2e/request-spy.js"
                || path == "/favicon.ico"
                || dist.iter().any(|d| d == path))
        })
        .collect();
    assert!(
        unexpected.is_empty(),
        "unexpected requests: {unexpected:?}\nall: {log:?}"
    );
    assert_eq!(
        log.iter()
            .filter(|(r, _)| r == &format!("GET {SRC}"))
            .count(),
        1,
        "the programme is fetched once: {log:?}"
    );
    let _ = std::fs::remove_dir_all(&downloads);
    browser.close().await;
}

/// A programme with a 10,000-character title and a 3 MB abstract (generated here, not
/// committed) renders; the title is shown whole, the abstract opens (cut at the rich-text
/// bound, marked), and the page answers input quickly.
#[tokio::test]
async fn huge_texts_render_and_the_page_stays_responsive() {
    let mut demo: Value =
        serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo is JSON");
    let title = format!("Lång titel {}", "ordförråd ".repeat(999));
    let title = title.trim_end().to_owned();
    assert!(title.chars().count() >= 10_000);
    let paragraph = "Ett stycke om upphandling med ganska många ord i sig. ".repeat(20);
    let abstract_text = vec![paragraph; 3_000].join("\n\n");
    assert!(abstract_text.len() > 3_000_000);
    let sessions = demo["sessions"].as_array_mut().expect("sessions");
    let target = sessions
        .iter_mut()
        .find(|s| s["id"] == S101)
        .expect("s-101 in the demo");
    target["title"] = json!(title);
    target["abstract"] = json!(abstract_text);
    let body = serde_json::to_string(&demo).expect("JSON");
    let switch = FaultSwitch::new(Fault::Ok);
    let server = Server::builder()
        .fault_route("/huge/programme.json", JSON, body, &switch)
        .custom_page("/faults/huge", &[("src", "/huge/programme.json")], &[])
        .start();
    let driver = Chromedriver::start("faults_huge_texts");
    let browser = driver.open(&server, LAPTOP).await;

    open(&browser, "/faults/huge").await;
    let card = r#"article.sp-card[data-session="s-101"]"#;
    browser.wait_for(card).await;
    let shown = browser.text(&format!("{card} .sp-card__title")).await;
    assert_eq!(shown, title, "the whole title, as text");
    // The card does not push the page sideways.
    let wide = browser
        .js(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;",
            vec![],
        )
        .await;
    assert_eq!(wide, json!(true), "no horizontal scroll");
    browser.click(&format!("{card} .sp-card__toggle")).await;
    // Shown as far as the rich-text bound (100 KB), the cut marked with "…".
    let shown = browser
        .wait_until(
            "the huge abstract to be shown",
            "const b = $q(arguments[0] + ' .sp-card__body');
             return b !== null && b.textContent.length > 50000 ? b.textContent.trim() : null;",
            vec![json!(card)],
        )
        .await;
    let shown = shown.as_str().unwrap_or_default();
    assert!(
        shown.len() <= seminarplan_core::richtext::MAX_INPUT_BYTES + 1000 && shown.contains('…'),
        "the abstract is cut at the bound and marked: {} bytes, ends {:?}",
        shown.len(),
        shown.chars().rev().take(20).collect::<String>()
    );
    // Still usable: a star click is answered. (How fast is the benchmark's to measure:
    // our rules forbid asserting a duration, issue 28.)
    browser.click(&star("s-102")).await;
    browser
        .wait_for_attr(&star("s-102"), "aria-pressed", "true")
        .await;
    browser.screenshot("fault-huge-texts-1280x800").await;
    browser.close().await;
}
