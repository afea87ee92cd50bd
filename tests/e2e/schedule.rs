//! End-to-end journeys around the visitor's own schedule: keeping tabs in step, a saved
//! record that cannot be read, a programme that changed between visits, taking the plan
//! to another browser by link, and the two things that leave the browser (the calendar
//! file and the QR code), each checked by an independent reader: Python's `icalendar`
//! and the `jsqr` decoder (both installed by `scripts/setup.sh --browser`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::browser::{Browser, Chromedriver, WAIT};
use crate::server::Server;
use crate::{
    PHONE, demo_title, mine_card, open_widget, record_has, saved_plans, show_my_schedule, star,
    wait_for_widget,
};

/// The demo programme's id and the key its plan is saved under (default namespace).
const DEMO_ID: &str = "inkopsforum-2027";
const DEMO_KEY: &str = "seminarplan:default:plan:inkopsforum-2027";

/// Seminars of the demo programme's first day (the day shown first), none of them
/// clashing with another: pass 1, the short first half of pass 2, its short second half.
const S101: &str = "s-101";
const S207: &str = "s-207";
const S208: &str = "s-208";
/// Two more first-day seminars, both in pass 2 (they clash with each other).
const S201: &str = "s-201";
const S202: &str = "s-202";

/// A page on the test server's origin without the widget, to write localStorage on
/// before the widget first loads.
const BLANK: &str = "/fixtures/e2e/blank.html";

/// The programme of `tests/fixtures/e2e/programme-v1.json` and `-v2.json`.
const CHANGED_ID: &str = "andringsdagen-2027";
const MOVED: &str = "s-flytt";
const RENAMED: &str = "s-namn";
const REMOVED: &str = "s-bort";

/// Where npm puts the jsQR decoder (`scripts/setup.sh --browser`); `JSQR` overrides it.
fn jsqr_path() -> PathBuf {
    if let Some(path) = std::env::var_os("JSQR") {
        return PathBuf::from(path);
    }
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from);
    home.join(".local/share/seminarplan/node_modules/jsqr/dist/jsQR.js")
}

/// The `changes` notice, not the shared-plan section that borrows its look.
const CHANGES: &str = ".sp-changes:not(.sp-shared)";

/// Writes `entries` into localStorage on the test server's origin, from a page without
/// the widget, so they are there before the widget first reads them.
async fn seed_storage(browser: &Browser, entries: &[(&str, &str)]) {
    browser.goto(BLANK).await;
    let pairs: Vec<Value> = entries.iter().map(|(k, v)| json!([k, v])).collect();
    let written = browser
        .js(
            "for (const [key, value] of arguments[0]) localStorage.setItem(key, value);
             return arguments[0].every(([key, value]) => localStorage.getItem(key) === value);",
            vec![Value::Array(pairs)],
        )
        .await;
    assert_eq!(
        written,
        Value::Bool(true),
        "localStorage holds the seeded entries"
    );
}

/// Waits until the record under `key` lists every one of `ids` as starred, and returns it.
async fn wait_saved(browser: &Browser, key: &str, ids: &[&str]) -> Value {
    let text = browser
        .wait_until(
            &format!("localStorage[{key:?}] to list {ids:?} as starred"),
            "const text = localStorage.getItem(arguments[0]);
             if (text === null) return null;
             try {
                 const starred = JSON.parse(text).starred || [];
                 return arguments[1].every(id => starred.includes(id)) ? text : null;
             } catch (e) { return null; }",
            vec![json!(key), json!(ids)],
        )
        .await;
    serde_json::from_str(text.as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("localStorage[{key:?}] is not JSON ({e}): {text}"))
}

/// Stars `id` on its programme card and waits until the star shows it.
pub(crate) async fn star_card(browser: &Browser, id: &str) {
    browser.wait_for(&star(id)).await;
    browser.click(&star(id)).await;
    browser
        .wait_for_attr(&star(id), "aria-pressed", "true")
        .await;
}

/// Opens My schedule, then the share dialog, and returns the link it shows.
pub(crate) async fn open_share_dialog(browser: &Browser) -> String {
    show_my_schedule(browser).await;
    browser.click(".sp-mine__share").await;
    browser.wait_visible("#sp-share-link").await;
    browser.wait_visible("svg.sp-qr").await;
    browser.value("#sp-share-link").await
}

/// `%XX` and `+` decoded, as a browser reads a query value.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(u8::try_from(b).unwrap_or(b'?'));
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, b) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The decoded value of the query parameter `name` in `url`.
fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or_default();
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| percent_decode(v))
}

/// A session of the demo programme (`demo/programme.json`) as JSON.
fn demo_session(id: &str) -> Value {
    let demo: Value =
        serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo programme is JSON");
    demo["sessions"]
        .as_array()
        .and_then(|all| all.iter().find(|s| s["id"] == id))
        .cloned()
        .unwrap_or_else(|| panic!("the demo programme has no session {id}"))
}

/// An RFC 3339 time from the programme, in UTC as `2027-03-16T13:45:00Z`.
fn utc(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .unwrap_or_else(|e| panic!("{rfc3339:?} is not RFC 3339: {e}"))
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// A directory of its own under the system's temporary directory, removed on drop.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(prefix: &str) -> TempDir {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        TempDir(dir)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The names of the files in `dir`.
fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Waits (polling, up to [`WAIT`]) until the browser has finished downloading `name`
/// into `dir`: the file is there, is not empty, and no partial download is left.
pub(crate) async fn wait_for_download(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    let deadline = Instant::now() + WAIT;
    loop {
        let names = file_names(dir);
        let partial = names.iter().any(|n| n.ends_with(".crdownload"));
        if !partial
            && let Ok(text) = std::fs::read_to_string(&path)
            && !text.is_empty()
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {WAIT:?} waiting for the download {name} in {} (it holds {names:?})",
            dir.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Reads a calendar file with Python's `icalendar` package (not this project's code)
/// and prints its events as JSON, times in UTC. Fails on anything the parser flagged.
const ICS_READER: &str = r#"
import json, sys
from datetime import datetime, timezone
import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
problems = []
for component in cal.walk():
    for problem in getattr(component, "errors", []):
        problems.append("%s: %r" % (component.name, problem))

def utc(event, name):
    value = event.decoded(name)
    if not isinstance(value, datetime) or value.tzinfo is None:
        problems.append("%s %s is not a time with a zone: %r" % (event.get("UID"), name, value))
        return None
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

events = [
    {
        "properties": sorted(set(e.keys())),
        "subcomponents": [c.name for c in e.subcomponents],
        "url": str(e.get("URL")) if e.get("URL") is not None else None,
        "uid": str(e.get("UID")),
        "summary": str(e.get("SUMMARY")),
        "dtstart": utc(e, "DTSTART"),
        "dtend": utc(e, "DTEND"),
    }
    for e in cal.walk("VEVENT")
]
print(json.dumps({
    "components": [c.name for c in cal.walk()],
    "calendar_properties": sorted(set(cal.keys())),
    "name": cal.name,
    "version": str(cal.get("VERSION")),
    "events": events,
    "problems": problems,
}))
"#;

/// Runs [`ICS_READER`] on `path`.
fn parse_ics_with_python(path: &Path) -> Value {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let out = Command::new(&python)
        .arg("-c")
        .arg(ICS_READER)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named 'icalendar'"),
        "{python} lacks the icalendar package: run `scripts/setup.sh --browser` \
         (or `{python} -m pip install icalendar`)"
    );
    assert!(
        out.status.success(),
        "{python} could not read {}: {stderr}",
        path.display()
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "the parser's output is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Standard base64, for handing a PNG to the page as a `data:` URL.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Loads the jsQR decoder into the page as `window.__e2eJsQR`.
async fn inject_jsqr(browser: &Browser) {
    let path = jsqr_path();
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the jsQR decoder at {} ({e}): run `scripts/setup.sh --browser` \
             (or set JSQR to its dist/jsQR.js)",
            path.display()
        )
    });
    // The UMD bundle assigns to `module.exports` when it sees CommonJS.
    let script = format!(
        "const module = {{ exports: {{}} }}; const exports = module.exports;\n{source}\n;
         window.__e2eJsQR = module.exports;
         return typeof window.__e2eJsQR;"
    );
    let kind = browser.js(&script, vec![]).await;
    assert_eq!(kind, json!("function"), "jsQR loads as a function");
}

/// Draws the image at `src` on a canvas `size`×`size` pixels (its natural size when
/// `None`) on white, and decodes it with jsQR. `Err` says what went wrong.
async fn decode_qr(browser: &Browser, src: &str, size: Option<u32>) -> Result<String, String> {
    browser
        .js(
            "window.__e2eQr = null;
             const img = new Image();
             img.onload = () => {
                 try {
                     const w = arguments[1] || img.naturalWidth;
                     const h = arguments[1] || img.naturalHeight;
                     const canvas = document.createElement('canvas');
                     canvas.width = w;
                     canvas.height = h;
                     const ctx = canvas.getContext('2d');
                     ctx.fillStyle = '#ffffff';
                     ctx.fillRect(0, 0, w, h);
                     ctx.drawImage(img, 0, 0, w, h);
                     const pixels = ctx.getImageData(0, 0, w, h);
                     const code = window.__e2eJsQR(pixels.data, w, h);
                     window.__e2eQr = code
                         ? { text: code.data }
                         : { error: 'jsQR found no QR code in the ' + w + '×' + h + ' image' };
                 } catch (e) {
                     window.__e2eQr = { error: String(e) };
                 }
             };
             img.onerror = () => { window.__e2eQr = { error: 'the image did not load' }; };
             img.src = arguments[0];
             return true;",
            vec![json!(src), json!(size)],
        )
        .await;
    let result = browser
        .wait_until("jsQR to decode the image", "return window.__e2eQr;", vec![])
        .await;
    match (result["text"].as_str(), result["error"].as_str()) {
        (Some(text), _) => Ok(text.to_owned()),
        (None, Some(error)) => Err(error.to_owned()),
        _ => Err(format!("unexpected result {result}")),
    }
}

/// Two tabs of one browser show the same plan: a star in one appears in the other
/// without a reload (the `storage` event), and an unstar goes back the same way.
#[tokio::test]
async fn star_in_one_tab_appears_in_another() {
    let server = Server::start();
    let driver = Chromedriver::start("star_in_one_tab_appears_in_another");
    let browser = driver.open(&server, PHONE).await;

    open_widget(&browser, "/").await;
    browser.wait_for(&star(S101)).await;
    let first = browser.tab().await;
    let second = browser.open_tab().await;
    assert_ne!(first, second, "a new tab");
    open_widget(&browser, "/").await;
    browser.wait_for(&star(S101)).await;
    assert_eq!(
        browser.attr(&star(S101), "aria-pressed").await.as_deref(),
        Some("false"),
        "{S101} is not starred in a fresh profile"
    );
    // Marks this document: a reload would lose the mark.
    browser
        .js("window.__e2eSameDocument = true; return true;", vec![])
        .await;

    browser.switch_to(&first).await;
    browser.click(&star(S101)).await;
    browser
        .wait_for_attr(&star(S101), "aria-pressed", "true")
        .await;
    wait_saved(&browser, DEMO_KEY, &[S101]).await;

    browser.switch_to(&second).await;
    browser
        .wait_for_attr(&star(S101), "aria-pressed", "true")
        .await;
    assert_eq!(
        browser
            .js("return window.__e2eSameDocument === true;", vec![])
            .await,
        Value::Bool(true),
        "the second tab was not reloaded"
    );
    show_my_schedule(&browser).await;
    browser.wait_for(&mine_card(S101)).await;
    assert_eq!(browser.count(".sp-mine article.sp-card").await, 1);

    // And back: removed in the second tab, gone from the first.
    browser
        .click(&format!("{} .sp-star", mine_card(S101)))
        .await;
    browser.wait_for(".sp-mine .sp-empty").await;
    browser.switch_to(&first).await;
    browser
        .wait_for_attr(&star(S101), "aria-pressed", "false")
        .await;

    browser.close().await;
}

/// A saved record that is not JSON is moved aside (not deleted), the visitor is told, and
/// the widget goes on saving under the usual key.
#[tokio::test]
async fn corrupt_saved_record_is_set_aside_and_reported() {
    const GARBAGE: &str = "{\"v\":2,\"starred\":[\"s-101\",\"s-2";
    let server = Server::start();
    let driver = Chromedriver::start("corrupt_saved_record_is_set_aside_and_reported");
    let browser = driver.open(&server, PHONE).await;

    seed_storage(&browser, &[(DEMO_KEY, GARBAGE)]).await;
    open_widget(&browser, "/").await;

    let notice = r#".sp-notice[data-notice="StorageCorrupt"]"#;
    browser.wait_visible(notice).await;
    assert_eq!(
        browser.count(".sp-notice").await,
        1,
        "one notice: {:?}",
        browser.texts(".sp-notice").await
    );
    assert_eq!(
        browser.text(&format!("{notice} .sp-notice__text")).await,
        "Ditt sparade schema gick inte att läsa. Det är undanlagt, inte raderat, \
         och du börjar med ett tomt schema."
    );
    assert_eq!(
        browser
            .js(
                "return $q(arguments[0]).closest('[aria-live]') !== null;",
                vec![json!(notice)]
            )
            .await,
        Value::Bool(true),
        "the notice is announced (inside an aria-live region)"
    );

    // The unreadable text is kept, byte for byte, under a key of its own.
    let prefix = format!("{DEMO_KEY}:unreadable:");
    let plans = saved_plans(&browser).await;
    let aside: Vec<&(String, String)> = plans
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .collect();
    assert_eq!(
        aside.len(),
        1,
        "one record set aside under {prefix}…: {plans:?}"
    );
    assert_eq!(
        aside[0].1, GARBAGE,
        "the set-aside record is the original text"
    );
    let aside_key = aside[0].0.clone();

    // The widget still works: starting from an empty schedule, a star is saved as usual.
    assert_eq!(
        browser.attr(&star(S101), "aria-pressed").await.as_deref(),
        Some("false"),
        "nothing of the unreadable record is starred"
    );
    star_card(&browser, S101).await;
    let record = wait_saved(&browser, DEMO_KEY, &[S101]).await;
    assert_eq!(
        record["starred"],
        json!([S101]),
        "the saved record: {record}"
    );
    let plans = saved_plans(&browser).await;
    assert!(
        plans.iter().any(|(k, v)| *k == aside_key && v == GARBAGE),
        "the set-aside record survives saving: {plans:?}"
    );

    // Dismissed, the notice goes; after a reload the (now readable) plan raises none.
    browser.click(&format!("{notice} .sp-notice__close")).await;
    browser
        .wait_until(
            "the notice to go",
            "return $q('.sp-notice') === null;",
            vec![],
        )
        .await;
    browser.reload().await;
    wait_for_widget(&browser).await;
    browser
        .wait_for_attr(&star(S101), "aria-pressed", "true")
        .await;
    assert_eq!(
        browser.count(".sp-notice").await,
        0,
        "no notice after a reload"
    );
    assert_eq!(
        saved_plans(&browser)
            .await
            .iter()
            .filter(|(k, _)| k.starts_with(&prefix))
            .count(),
        1,
        "nothing more was set aside"
    );

    browser.close().await;
}

/// A newer programme file moved, renamed and removed starred sessions since the last
/// visit: the visitor is told each, the removed one stays in My schedule as cancelled,
/// and once acknowledged the notice stays away.
#[tokio::test]
async fn programme_changed_between_visits_lists_the_moved_session() {
    let server = Server::builder()
        .variant("e2e-v1", "/fixtures/e2e/programme-v1.json")
        .variant("e2e-v2", "/fixtures/e2e/programme-v2.json")
        .start();
    let driver = Chromedriver::start("programme_changed_between_visits_lists_the_moved_session");
    let browser = driver.open(&server, PHONE).await;
    let key = format!("seminarplan:default:plan:{CHANGED_ID}");

    // First visit: the programme as it was.
    open_widget(&browser, "/page/e2e-v1").await;
    for id in [MOVED, RENAMED, REMOVED] {
        star_card(&browser, id).await;
    }
    let record = wait_saved(&browser, &key, &[MOVED, RENAMED, REMOVED]).await;
    assert_eq!(browser.count(CHANGES).await, 0, "nothing changed yet");
    assert_eq!(
        record["snapshots"][MOVED]["start"],
        json!("2027-03-16T10:00:00+01:00"),
        "the saved record remembers the time it was seen at: {record}"
    );

    // Second visit: the programme as it is now (same id, so the same saved plan).
    open_widget(&browser, "/page/e2e-v2").await;
    browser.wait_visible(CHANGES).await;
    assert_eq!(
        browser.text(&format!("{CHANGES} .sp-changes__title")).await,
        "Ändrat sedan ditt senaste besök"
    );
    let mut changes = browser
        .texts(&format!("{CHANGES} .sp-changes__list li"))
        .await;
    changes.sort();
    let mut expected = vec![
        "Ramavtal i förändring: flyttad från tis 16/3 10:00 till tis 16/3 13:00".to_owned(),
        "Upphandling för nybörjare: heter nu Upphandling från grunden".to_owned(),
        "Leverantörsdialog: inställd eller borttagen".to_owned(),
    ];
    expected.sort();
    assert_eq!(changes, expected, "one line per change");

    show_my_schedule(&browser).await;
    browser.wait_for(&mine_card(MOVED)).await;
    assert_eq!(
        browser
            .texts(&format!("{} .sp-card__when time", mine_card(MOVED)))
            .await,
        ["13:00", "14:00"],
        "the moved session at its new time"
    );
    assert_eq!(
        browser
            .text(&format!("{} .sp-card__title", mine_card(RENAMED)))
            .await,
        "Upphandling från grunden",
        "the renamed session under its new name"
    );
    let cancelled = format!(r#".sp-mine .sp-card--cancelled[data-session="{REMOVED}"]"#);
    browser.wait_visible(&cancelled).await;
    let text = browser.text(&cancelled).await;
    assert!(
        text.contains("Leverantörsdialog") && text.contains("Finns inte längre i programmet"),
        "the removed session is shown as cancelled: {text:?}"
    );
    assert!(
        browser
            .text(".sp-mine .sp-summary")
            .await
            .starts_with("3 valda programpunkter"),
        "the cancelled session still counts as chosen"
    );

    browser
        .click_text(&format!("{CHANGES} button"), "Jag har sett ändringarna")
        .await;
    browser
        .wait_until(
            "the changes notice to go",
            "return $q(arguments[0]) === null;",
            vec![json!(CHANGES)],
        )
        .await;
    // Saved: the new time is remembered and the removal is marked as told.
    browser
        .wait_until(
            "the acknowledged changes to be saved",
            "try {
                 const r = JSON.parse(localStorage.getItem(arguments[0]));
                 return r.snapshots['s-flytt'].start === '2027-03-16T13:00:00+01:00'
                     && r.snapshots['s-namn'].title === 'Upphandling från grunden'
                     && r.snapshots['s-bort'].gone === true;
             } catch (e) { return false; }",
            vec![json!(key)],
        )
        .await;

    browser.reload().await;
    wait_for_widget(&browser).await;
    show_my_schedule(&browser).await;
    browser.wait_for(&mine_card(MOVED)).await;
    assert_eq!(
        browser.count(CHANGES).await,
        0,
        "the seen changes are not shown again after a reload"
    );
    browser.wait_visible(&cancelled).await;

    browser.close().await;
}

/// A share link made in one browser, opened in another that has a plan of its own: the
/// visitor sees what was shared and adds it, keeping their own.
#[tokio::test]
async fn share_link_in_a_fresh_profile_merges() {
    let server = Server::start();
    let driver = Chromedriver::start("share_link_in_a_fresh_profile_merges");

    let a = driver.open(&server, PHONE).await;
    open_widget(&a, "/").await;
    star_card(&a, S101).await;
    star_card(&a, S207).await;
    let link = open_share_dialog(&a).await;
    assert!(
        link.starts_with(&format!("{}/", a.origin())),
        "the share link points at the page it was made on ({}): {link}",
        a.origin()
    );
    let full = query_param(&link, "sp.share").unwrap_or_default();
    let (value, stamp) = seminarplan_core::delegation::link::split_stamp(&full);
    assert!(
        stamp > 0,
        "the link says when it was made (for colleagues): {link}"
    );
    let shared = seminarplan_core::share::decode(value)
        .unwrap_or_else(|e| panic!("the link's plan reads back ({e:?}): {link}"));
    let demo = seminarplan_core::parse::parse_programme(seminarplan_core::DEMO_PROGRAMME)
        .expect("the demo");
    assert_eq!(
        (
            shared.programme.as_str(),
            shared.ids.iter().map(String::as_str).collect::<Vec<_>>()
        ),
        (DEMO_ID, vec![S101, S207]),
        "the link carries the programme and the two sessions: {link}"
    );
    assert_eq!(
        shared.fingerprint,
        Some(demo.fingerprint()),
        "and the programme's fingerprint: {link}"
    );
    a.close().await;

    let b = driver.open(&server, PHONE).await;
    open_widget(&b, "/").await;
    star_card(&b, S202).await;
    wait_saved(&b, DEMO_KEY, &[S202]).await;

    b.goto_url(&link).await;
    wait_for_widget(&b).await;
    b.wait_visible(".sp-shared").await;
    assert_eq!(
        b.text(".sp-shared .sp-changes__title").await,
        "Någon har delat ett schema med dig (2 programpunkter)"
    );
    let listed = b
        .js(
            "return Array.from($qa('.sp-shared li[data-session]'),
                 li => li.dataset.session);",
            vec![],
        )
        .await;
    assert_eq!(
        listed,
        json!([S101, S207]),
        "the shared sessions are listed"
    );
    let texts = b.texts(".sp-shared li[data-session]").await;
    for (text, id) in texts.iter().zip([S101, S207]) {
        assert!(
            text.ends_with(&demo_title(id)),
            "{id} is listed by its title: {text:?}"
        );
    }

    b.click(".sp-shared__merge").await;
    b.wait_until(
        "the shared plan to be taken in",
        "return $q('.sp-shared') === null
             && !location.href.includes('share=');",
        vec![],
    )
    .await;
    show_my_schedule(&b).await;
    for id in [S101, S207, S202] {
        b.wait_for(&mine_card(id)).await;
    }
    assert_eq!(
        b.count(".sp-mine article.sp-card").await,
        3,
        "the own session and both shared ones"
    );
    assert!(
        !b.url().await.contains("share="),
        "the link's share value is gone"
    );
    let record = wait_saved(&b, DEMO_KEY, &[S101, S207, S202]).await;
    let plans = saved_plans(&b).await;
    assert!(
        plans
            .iter()
            .any(|(k, v)| k == DEMO_KEY && [S101, S207, S202].iter().all(|id| record_has(v, id))),
        "saved: {record}"
    );

    // A reload neither asks again nor loses anything.
    b.reload().await;
    wait_for_widget(&b).await;
    for id in [S101, S207, S202] {
        b.wait_for(&mine_card(id)).await;
    }
    assert_eq!(
        b.count(".sp-shared").await,
        0,
        "the question is not asked again"
    );

    b.close().await;
}

/// The calendar file of three starred sessions, downloaded for real, read by Python's
/// `icalendar`: three events with stable UIDs, at the programme's times in UTC.
#[tokio::test]
async fn downloaded_ics_parses_with_an_independent_parser() {
    let server = Server::start();
    let driver = Chromedriver::start("downloaded_ics_parses_with_an_independent_parser");
    let downloads = TempDir::new("seminarplan-e2e-downloads");
    let browser = driver
        .open_downloading(&server, PHONE, downloads.path())
        .await;

    open_widget(&browser, "/").await;
    let ids = [S101, S207, S208];
    for id in ids {
        star_card(&browser, id).await;
    }
    show_my_schedule(&browser).await;
    assert_eq!(browser.count(".sp-mine article.sp-card").await, 3);
    browser.click(".sp-mine__calendar").await;

    let name = format!("{DEMO_ID}.ics");
    let text = wait_for_download(downloads.path(), &name).await;
    assert_eq!(
        file_names(downloads.path()),
        std::slice::from_ref(&name),
        "one file was downloaded"
    );
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\n"),
        "an iCalendar file with CRLF line ends: {:?}",
        &text[..text.len().min(80)]
    );

    let parsed = parse_ics_with_python(&downloads.path().join(&name));
    assert_eq!(
        parsed["problems"],
        json!([]),
        "the parser's complaints: {parsed}"
    );
    assert_eq!(parsed["name"], json!("VCALENDAR"));
    assert_eq!(parsed["version"], json!("2.0"));
    let mut events: Vec<Value> = parsed["events"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|e| json!({ "uid": e["uid"], "summary": e["summary"], "dtstart": e["dtstart"], "dtend": e["dtend"] }))
        .collect();
    events.sort_by_key(|e| e["uid"].as_str().unwrap_or_default().to_owned());
    let mut expected: Vec<Value> = ids
        .iter()
        .map(|id| {
            let s = demo_session(id);
            json!({
                "uid": format!("{id}.{DEMO_ID}@seminarplan"),
                "summary": s["title"],
                "dtstart": utc(s["start"].as_str().unwrap_or_default()),
                "dtend": utc(s["end"].as_str().unwrap_or_default()),
            })
        })
        .collect();
    expected.sort_by_key(|e| e["uid"].as_str().unwrap_or_default().to_owned());
    assert_eq!(
        events.len(),
        3,
        "three VEVENTs: {}",
        serde_json::to_string_pretty(&parsed).unwrap_or_default()
    );
    assert_eq!(events, expected, "each event as in demo/programme.json");
    // Spelled out for the first one, so a shared mistake in both sides cannot hide.
    assert_eq!(
        events[0]["dtstart"],
        json!("2027-03-16T13:45:00Z"),
        "s-101 starts 14:45 CET, 13:45 UTC"
    );

    browser.close().await;
}

/// Issue 15: a session url starting with `https://` but holding CR/LF was written raw into
/// the calendar file, so `BEGIN:VALARM…` in it became a real alarm. The file of a programme
/// whose every value tries that (tests/fixtures/e2e/ics-injection.json), downloaded for
/// real and read by Python's `icalendar`: exactly three events and nothing else, each with
/// only the properties this project writes, the url with CR/LF and the one with spaces
/// left out, and the hostile text kept as text.
#[tokio::test]
async fn downloaded_ics_with_hostile_values_has_no_foreign_properties() {
    let server = Server::builder()
        .variant("ics-injection", "/fixtures/e2e/ics-injection.json")
        .start();
    let driver =
        Chromedriver::start("downloaded_ics_with_hostile_values_has_no_foreign_properties");
    let downloads = TempDir::new("seminarplan-e2e-downloads");
    let browser = driver
        .open_downloading(&server, PHONE, downloads.path())
        .await;
    open_widget(&browser, "/page/ics-injection").await;
    for id in ["url", "text", "space"] {
        star_card(&browser, id).await;
    }
    show_my_schedule(&browser).await;
    assert_eq!(browser.count(".sp-mine article.sp-card").await, 3);
    browser.click(".sp-mine__calendar").await;
    let name = "injektion-2027.ics";
    wait_for_download(downloads.path(), name).await;
    let parsed = parse_ics_with_python(&downloads.path().join(name));
    let pretty = serde_json::to_string_pretty(&parsed).unwrap_or_default();
    assert_eq!(parsed["problems"], json!([]), "{pretty}");
    assert_eq!(
        parsed["components"],
        json!(["VCALENDAR", "VEVENT", "VEVENT", "VEVENT"]),
        "one calendar, three events, no alarm: {pretty}"
    );
    assert_eq!(
        parsed["calendar_properties"],
        json!(["CALSCALE", "METHOD", "PRODID", "VERSION", "X-WR-CALNAME"]),
        "{pretty}"
    );
    let ours = [
        "DESCRIPTION",
        "DTEND",
        "DTSTAMP",
        "DTSTART",
        "LOCATION",
        "SUMMARY",
        "UID",
        "URL",
    ];
    let events = parsed["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(events.len(), 3, "{pretty}");
    let mut urls = Vec::new();
    for e in &events {
        for p in e["properties"].as_array().into_iter().flatten() {
            let p = p.as_str().unwrap_or_default();
            assert!(ours.contains(&p), "a foreign property {p} in {pretty}");
        }
        assert_eq!(e["subcomponents"], json!([]), "{pretty}");
        if let Some(u) = e["url"].as_str() {
            urls.push(u.to_owned());
        }
    }
    assert_eq!(urls, ["https://example.org/ok?a=1;b=2,c"], "{pretty}");
    let text = events
        .iter()
        .find(|e| e["uid"] == json!("text.injektion-2027@seminarplan"))
        .unwrap_or_else(|| panic!("the event of session text: {pretty}"));
    assert_eq!(
        text["summary"],
        json!("Titel\nEND:VEVENT\nBEGIN:VEVENT\nUID:falsk"),
        "the title's words, as text"
    );
    browser.close().await;
}

/// The QR code in the share dialog, as drawn on screen and as its SVG, decodes (with the
/// independent jsQR decoder) to exactly the link shown beside it.
#[tokio::test]
async fn qr_code_decodes_to_the_share_link() {
    let server = Server::start();
    let driver = Chromedriver::start("qr_code_decodes_to_the_share_link");
    let browser = driver.open(&server, PHONE).await;

    open_widget(&browser, "/").await;
    for id in [S101, S201, S208] {
        star_card(&browser, id).await;
    }
    let link = open_share_dialog(&browser).await;
    assert!(
        link.starts_with(&format!("{}/", browser.origin())) && link.contains("share="),
        "a share link to this page: {link}"
    );
    browser.screenshot("share-dialog-375x812").await;
    inject_jsqr(&browser).await;

    // What the visitor sees: a screenshot of the code as the page shows it.
    let png = browser.element_png("svg.sp-qr").await;
    let shown = decode_qr(
        &browser,
        &format!("data:image/png;base64,{}", base64(&png)),
        None,
    )
    .await;
    assert_eq!(
        shown.as_deref(),
        Ok(link.as_str()),
        "the QR code on screen decodes to the link"
    );

    // The SVG itself, drawn at 8 pixels a module whatever the layout.
    let svg = browser
        .js(
            "const svg = $q('svg.sp-qr').cloneNode(true);
             const size = svg.viewBox.baseVal.width * 8;
             svg.setAttribute('width', size);
             svg.setAttribute('height', size);
             return [new XMLSerializer().serializeToString(svg), size];",
            vec![],
        )
        .await;
    let (markup, size) = (
        svg[0].as_str().unwrap_or_default().to_owned(),
        svg[1].as_u64().and_then(|n| u32::try_from(n).ok()),
    );
    let drawn = decode_qr(
        &browser,
        &format!("data:image/svg+xml;base64,{}", base64(markup.as_bytes())),
        size,
    )
    .await;
    assert_eq!(
        drawn.as_deref(),
        Ok(link.as_str()),
        "the QR code's SVG decodes to the link"
    );

    browser.close().await;
}

#[test]
fn helpers_decode_and_encode() {
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"f"), "Zg==");
    assert_eq!(base64(b"fo"), "Zm8=");
    assert_eq!(base64(b"foo"), "Zm9v");
    assert_eq!(base64(b"foob"), "Zm9vYg==");
    assert_eq!(percent_decode("a%7Eb+c%"), "a~b c%");
    assert_eq!(
        query_param("http://x/?view=mine&share=p~s-1%7Es-2#top", "share").as_deref(),
        Some("p~s-1~s-2")
    );
    assert_eq!(utc("2027-03-16T14:45:00+01:00"), "2027-03-16T13:45:00Z");
}
