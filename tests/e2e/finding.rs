//! Finding sessions end to end: filters and search against the demo programme's own data,
//! views reopened from their URL, deep links to session pages, and Back.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::browser::{Browser, Chromedriver};
use super::server::Server;
use super::{DAY_TABS_SHOWN, LAPTOP, PHONE, open_widget, size_name};

/// The ids of the session cards on screen.
async fn visible(browser: &Browser) -> BTreeSet<String> {
    browser
        .js(
            "return Array.from($qa('.sp-browse article.sp-card'))
                 .map(c => c.getAttribute('data-session'));",
            vec![],
        )
        .await
        .as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until the cards on screen are exactly `expected`.
async fn wait_for_cards(browser: &Browser, what: &str, expected: &BTreeSet<String>) {
    let ids: Vec<&str> = expected.iter().map(String::as_str).collect();
    browser
        .wait_until(
            what,
            "const want = arguments[0];
             const got = Array.from($qa('.sp-browse article.sp-card'))
                 .map(c => c.getAttribute('data-session')).sort();
             return JSON.stringify(got) === JSON.stringify(want.slice().sort());",
            vec![json!(ids)],
        )
        .await;
}

/// Types into the search field: sets the value and sends the `input` event a keystroke sends.
async fn search(browser: &Browser, text: &str) {
    browser
        .js(
            "const input = $q('input.sp-search__input');
             input.focus();
             input.value = arguments[0];
             input.dispatchEvent(new InputEvent('input', { bubbles: true, data: arguments[0] }));
             return true;",
            vec![json!(text)],
        )
        .await;
}

fn demo() -> Value {
    serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo is JSON")
}

/// Everything the widget searches in one session, lower-cased, straight from the JSON.
fn searchable(demo: &Value, session: &Value) -> String {
    let mut text = String::new();
    for field in ["title", "subtitle", "abstract"] {
        text.push_str(session[field].as_str().unwrap_or_default());
        text.push('\n');
    }
    for tag in session["tags"].as_array().into_iter().flatten() {
        text.push_str(tag.as_str().unwrap_or_default());
        text.push('\n');
    }
    for id in session["speakers"].as_array().into_iter().flatten() {
        if let Some(p) = demo["speakers"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["id"] == *id)
        {
            text.push_str(p["name"].as_str().unwrap_or_default());
            text.push('\n');
            text.push_str(p["organisation"].as_str().unwrap_or_default());
            text.push('\n');
        }
    }
    text.to_lowercase()
}

/// The demo sessions with `theme`, in `language`, whose text contains `word` (a word with
/// no diacritics, so plain lower-casing is the widget's matching too).
fn expected(theme: &str, language: &str, word: &str) -> BTreeSet<String> {
    let demo = demo();
    let default_lang = demo["conference"]["language"]
        .as_str()
        .unwrap_or("sv")
        .to_owned();
    demo["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .filter(|s| {
            s["themes"]
                .as_array()
                .is_some_and(|t| t.iter().any(|t| t == theme))
        })
        .filter(|s| s["language"].as_str().unwrap_or(&default_lang) == language)
        .filter(|s| searchable(&demo, s).contains(word))
        .map(|s| s["id"].as_str().expect("id").to_owned())
        .collect()
}

/// Theme + language + search in the UI gives exactly the sessions the data says.
#[tokio::test]
async fn theme_language_and_search_give_the_expected_sessions() {
    let server = Server::start();
    let driver = Chromedriver::start("theme_language_and_search");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/").await;

    let want = expected("hallbarhet", "sv", "upphandling");
    assert!(want.len() >= 2, "the demo has such sessions: {want:?}");

    // All days, then the theme, the language and the search word, as a visitor would.
    let all_days = browser.count(".sp-daytabs__button").await - 1;
    browser.click_nth(".sp-daytabs__button", all_days).await;
    browser.click("#sp-f-theme-hallbarhet").await;
    browser.click("#sp-f-lang-sv").await;
    search(&browser, "upphandling").await;
    wait_for_cards(&browser, "theme + language + search", &want).await;
    assert_eq!(visible(&browser).await, want);

    // The count says so, and the words are marked.
    let count = browser.text(".sp-results__count").await;
    assert!(
        count.starts_with(&format!("{} programpunkter", want.len())),
        "{count}"
    );
    assert!(browser.count(".sp-browse mark.sp-mark").await > 0);
    browser.screenshot(&size_name("filtered", LAPTOP)).await;
    // With the counts in the day tabs, the short dates keep every day in view.
    assert_eq!(
        browser
            .js(DAY_TABS_SHOWN, vec![json!(true), json!("short")])
            .await,
        json!(true),
        "the day tabs with counts"
    );

    // The URL holds the view (what was typed once the visitor pauses, issue 29).
    let parts = ["day=all", "q=upphandling", "theme=hallbarhet", "lang=sv"];
    browser
        .wait_until(
            "the URL to hold the view",
            "return arguments[0].every((part) => location.search.includes(part));",
            vec![json!(parts)],
        )
        .await;
    browser.close().await;
}

/// Opening a URL with filters reproduces the view: the same boxes ticked, the same words
/// searched, the same sessions shown.
#[tokio::test]
async fn a_url_with_filters_reopens_the_view() {
    let server = Server::start();
    let driver = Chromedriver::start("url_reopens_view");
    let browser = driver.open(&server, PHONE).await;
    open_widget(
        &browser,
        "/?sp.day=all&sp.q=upphandling&sp.theme=hallbarhet&sp.lang=sv",
    )
    .await;
    let want = expected("hallbarhet", "sv", "upphandling");
    wait_for_cards(&browser, "the view from the URL", &want).await;
    let state = browser
        .js(
            "return [$q('input.sp-search__input').value,
                     $q('#sp-f-theme-hallbarhet').checked,
                     $q('#sp-f-lang-sv').checked,
                     $q('#sp-f-lang-en').checked];",
            vec![],
        )
        .await;
    assert_eq!(state, json!(["upphandling", true, true, false]));
    // On a phone the filters fold away, but the count and the active filters stay in view.
    assert!(browser.text(".sp-filters__toggle").await.contains("(3)"));
    assert_eq!(
        browser.count(".sp-results__chips .sp-chip--remove").await,
        3
    );
    browser.screenshot(&size_name("filtered", PHONE)).await;
    browser.close().await;
}

/// A deep link opens the session's page.
#[tokio::test]
async fn a_deep_link_opens_the_session_page() {
    let server = Server::start();
    let driver = Chromedriver::start("deep_link");
    let browser = driver.open(&server, PHONE).await;
    open_widget(&browser, "/?session=s-102").await;
    browser
        .wait_for("dialog.sp-dialog[open] .sp-page[data-session=\"s-102\"]")
        .await;
    let title = super::demo_title("s-102");
    assert_eq!(browser.text("#sp-dialog-title").await, title);
    // The page has the block's other seminars as alternatives.
    assert!(browser.count(".sp-page__alternatives .sp-alt").await >= 5);
    browser.screenshot(&size_name("session-page", PHONE)).await;
    // A long page on a phone: Close is on screen without scrolling, not covered.
    let close = browser
        .js(
            "const b = $q('dialog.sp-dialog[open] .sp-dialog__close');
             const r = b.getBoundingClientRect();
             const x = r.left + r.width / 2, y = r.top + r.height / 2;
             const hit = b.getRootNode().elementFromPoint(x, y);
             return r.top >= 0 && r.bottom <= innerHeight && (hit === b || b.contains(hit))
                 ? true : 'Close at ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' of ' + innerHeight;",
            vec![],
        )
        .await;
    assert_eq!(close, json!(true), "the Close button");
    // Escape closes it and the URL forgets the session.
    browser
        .js("$q('dialog.sp-dialog').dispatchEvent(new Event('cancel', { cancelable: true })); return true;", vec![])
        .await;
    browser
        .wait_until(
            "the page to close",
            "return $q('dialog.sp-dialog') === null && !location.search.includes('session=');",
            vec![],
        )
        .await;
    browser.close().await;
}

/// Back after opening a session returns to the filtered list.
#[tokio::test]
async fn back_after_opening_a_session_returns_to_the_filtered_list() {
    let server = Server::start();
    let driver = Chromedriver::start("back_returns");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/?day=all&sp.q=hallbar").await;
    browser.wait_for(".sp-browse article.sp-card").await;
    let before = visible(&browser).await;
    assert!(!before.is_empty());
    let first = before.iter().next().expect("a card").clone();
    browser
        .click(&format!(
            ".sp-browse article.sp-card[data-session=\"{first}\"] .sp-card__open"
        ))
        .await;
    browser.wait_for("dialog.sp-dialog[open]").await;
    let url = browser.js("return location.search;", vec![]).await;
    assert!(
        url.as_str()
            .unwrap_or_default()
            .contains(&format!("session={first}")),
        "{url}"
    );

    browser.js("history.back(); return true;", vec![]).await;
    browser
        .wait_until(
            "the page to close after Back",
            "return $q('dialog.sp-dialog') === null;",
            vec![],
        )
        .await;
    wait_for_cards(&browser, "the same filtered list", &before).await;
    let search = browser
        .js(
            "return [$q('input.sp-search__input').value, location.search];",
            vec![],
        )
        .await;
    assert_eq!(search[0], json!("hallbar"));
    assert!(!search[1].as_str().unwrap_or_default().contains("session="));
    browser.close().await;
}

/// Closing a session the visitor opened went forward to a new entry, so Back opened the
/// session again (and a phone's Back button took two presses per session to leave). Close
/// now steps back to where the visitor was: Back then goes on to the view before, and
/// Forward still reopens the session, as in the browser's own history.
#[tokio::test]
async fn back_after_closing_a_session_does_not_open_it_again() {
    let server = Server::start();
    let driver = Chromedriver::start("back_after_closing");
    let browser = driver.open(&server, PHONE).await;
    open_widget(&browser, "/").await;
    browser.wait_for(".sp-browse article.sp-card").await;
    let start = browser.url().await;
    // A view of its own (every day), then a session from it.
    browser
        .click(".sp-daytabs__list > li:last-child > .sp-daytabs__button")
        .await;
    browser
        .wait_until(
            "every day in the address",
            "return location.search.includes('day=all');",
            vec![],
        )
        .await;
    let every_day = browser.url().await;
    browser
        .click(".sp-browse article.sp-card .sp-card__open")
        .await;
    browser.wait_for("dialog.sp-dialog[open]").await;
    assert!(browser.url().await.contains("session="));

    browser.click(".sp-dialog__close").await;
    browser
        .wait_until(
            "the session page to close",
            "return $q('dialog.sp-dialog') === null;",
            vec![],
        )
        .await;
    assert_eq!(browser.url().await, every_day, "Close returns to the view");

    browser.back().await;
    browser
        .wait_until(
            "Back to the first view",
            "return !location.search.includes('day=all');",
            vec![],
        )
        .await;
    assert_eq!(browser.url().await, start);
    assert_eq!(
        browser.count("dialog.sp-dialog").await,
        0,
        "Back after Close opened the session again"
    );

    // Forward twice: the view, then the session, as they were.
    browser.forward().await;
    browser
        .wait_until(
            "Forward to every day",
            "return location.search.includes('day=all');",
            vec![],
        )
        .await;
    browser.forward().await;
    browser.wait_for("dialog.sp-dialog[open]").await;
    browser.close().await;
}

/// Issue 28: WordPress with WPML or Polylang puts `lang=en` in the address of every
/// English page; the widget took it for its language filter and showed only the English
/// sessions, and clearing the filters dropped it (the reload then showed the Swedish
/// page). The page's `lang` is the page's: every session shows, and it stays.
#[tokio::test]
async fn the_pages_own_lang_parameter_shows_every_session_and_stays() {
    let server = Server::start();
    let driver = Chromedriver::start("the_pages_own_lang_parameter");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/?sp.day=all").await;
    let every = browser.text(".sp-results__count").await;
    open_widget(&browser, "/?lang=en&sp.day=all").await;
    browser
        .wait_until(
            "every session, as without the page's lang",
            "const c = $q('.sp-results__count'); return c !== null && c.textContent === arguments[0];",
            vec![json!(every)],
        )
        .await;
    assert_eq!(
        browser
            .js(
                "return [$q('#sp-f-lang-sv').checked, $q('#sp-f-lang-en').checked];",
                vec![]
            )
            .await,
        json!([false, false]),
        "no language filter"
    );
    // A filter, then clearing the filters: the page's `lang=en` stays in the address.
    browser.click("#sp-f-theme-hallbarhet").await;
    browser
        .wait_until(
            "the filter in the address",
            "return location.search.includes('sp.theme=hallbarhet');",
            vec![],
        )
        .await;
    browser.click(".sp-chip--clear").await;
    browser
        .wait_until(
            "the filter to leave the address",
            "return !location.search.includes('sp.theme');",
            vec![],
        )
        .await;
    let search = browser.js("return location.search;", vec![]).await;
    assert!(
        search.as_str().is_some_and(|s| s.contains("lang=en")),
        "the page's own lang stays: {search}"
    );
    browser.close().await;
}
