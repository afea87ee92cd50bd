//! The browser benchmark (issue 7): the release bundle in headless Chromium, measured over
//! the DevTools protocol with 4× CPU throttling and without.
//!
//! Run `cargo bench --bench browser`. It first runs `trunk build --release` so the figures
//! are those of the current sources (set `SEMINARPLAN_BENCH_BUILD=0` to measure `dist/` as
//! it is), then serves `dist/` from 127.0.0.1 with the end-to-end test server and drives
//! Chromium through chromedriver (`tests/e2e/{server,browser}.rs`). It prints a table and
//! writes `target/bench/browser.json` and `target/bench/browser.md`; BENCHMARKS.md explains
//! the method and holds a run.
//!
//! For every programme (the demo, `dist/demo/programme.json`, and generated ones of 100,
//! 1,000 and 10,000 sessions, `seminarplan_core::generate`) and every CPU throttling rate,
//! in a fresh browser profile:
//! - **load** (median of `SEMINARPLAN_BENCH_LOADS` navigations, default 3): time from
//!   navigation start (`performance.timeOrigin`) until the first session card is painted,
//!   and until a keystroke sent the moment the cards were painted has been answered and
//!   painted ("responds to input");
//! - **memory** after load: the JS heap (`Runtime.getHeapUsage` after a forced garbage
//!   collection), the wasm linear memory, and DOM nodes (`Memory.getDOMCounters`);
//! - **search**: 40 keystrokes typed into the search field, one `input` event each, every
//!   one timed from the event until the frame that shows its result has been painted;
//! - **star**: a star click until the star and the My schedule count are painted; opening
//!   My schedule; removing a session from My schedule with its star.
//! - **switching day and opening a session** (issue 29): each day tab clicked in turn,
//!   a card's details folded open and closed, a session's page opened from a card's title
//!   and closed, each timed like a keystroke.
//! - **timetable** (issue 17; `roomsR-N`, N sessions in R rooms, and `1000` only): the
//!   switch to the timetable until its sessions are painted, its DOM, and the frame times
//!   of a 2-second scroll of its region, one step per animation frame.
//!
//! The size of the widget code (wasm, JS and CSS in `dist/`, raw, gzip -9 and brotli q11)
//! is computed here, and the files the page actually loaded are listed from Resource Timing.
//!
//! The same 10,000 sessions are also served as a spreadsheet (`sheet-10000`: the CSV Swedish
//! Excel writes, `seminarplan_core::generate::programme_csv`), read by the sheet importer.
//!
//! A hostile file (issue 15, `hostile-50000`: a frab `schedule.json` of 50,000 events, each
//! in a room and with a speaker of its own, `seminarplan_core::generate::hostile_frab`, the
//! slowest shape natively) must be imported or refused within seconds: its case measures
//! the load only, until the first sessions or the error are painted (`hostile-ids-N`, every
//! id `0`, and `hostile-days-N`, a day per event, are the other shapes).
//!
//! Settings (environment): `SEMINARPLAN_BENCH_SIZES` (default
//! `demo,100,1000,10000,sheet-10000,fixture-fosdem-2019.xml,hostile-50000`; `sheet-N` is N
//! sessions as a sheet; `fixture-NAME` is a real programme from `../shared/fixtures`,
//! skipped with a line saying so when the folder is absent; `hostile-N` as above),
//! `SEMINARPLAN_BENCH_PROFILE` (set: the first load of each case is CPU-profiled into
//! `target/bench/profile-CASE-RATEx.cpuprofile`), `SEMINARPLAN_BENCH_PHONE` (default `demo,100,1000`: programmes also measured, with and without the snippet, on the
//! emulated phone network, `benches/browser/phone.rs`), `SEMINARPLAN_BENCH_RATES` (default `4,1`), `SEMINARPLAN_BENCH_LOADS`, `CHROMEDRIVER`,
//! `CHROMIUM`.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../tests/e2e/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../tests/e2e/server.rs"]
mod server;

#[path = "../tests/support/compressed.rs"]
mod compressed;
#[path = "browser/phone.rs"]
mod phone;
use compressed::{brotli_len, gzip_len};

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use browser::{Browser, Chromedriver};
use server::{HTML, JSON, Response, Server, ServerBuilder};

/// The viewport every case uses: a laptop.
const VIEWPORT: (u32, u32) = (1280, 800);
/// The seed of the generated programmes.
const SEED: u64 = 2027;
/// What is typed into the search field: a real phrase of the generated vocabulary and of
/// the demo, with diacritics; then [`BACKSPACES`] characters are deleted again.
const TYPED: &str = "förnyad konkurrensutsättning";
const BACKSPACES: usize = 12;
/// How a published spreadsheet (Google Sheets' "publish as CSV") is served.
const CSV: &str = "text/csv; charset=utf-8";
const XML: &str = "application/xml; charset=utf-8";
/// How many stars are clicked (and then removed from My schedule one by one... only one).
const STARS: usize = 5;
/// Time between keystrokes, so that each starts on an idle main thread, as typing does (and
/// a part of a frame more, `B.gap`).
const GAP_MS: u32 = 50;
/// The longest a single page may take to show its sessions, or a measuring script to end.
const DEADLINE: Duration = Duration::from_secs(600);

/// Runs in every document before the page's own scripts (`Page.addScriptToEvaluateOnNewDocument`).
///
/// It defines `window.__spBench`: the marks of the load (ms since `timeOrigin`) and the
/// measuring functions the harness calls later. The first-paint poll cannot use the `$q`
/// prelude (it runs before any WebDriver script), so `deep` repeats its rule: the page
/// first, then the open shadow root of every `<seminar-plan>`.
const INSTRUMENT: &str = r#"(() => {
  const B = window.__spBench = { marks: {}, wasm: null };
  const deep = (sel) => {
    const el = document.querySelector(sel);
    if (el) return el;
    for (const h of document.querySelectorAll('seminar-plan')) {
      const found = h.shadowRoot && h.shadowRoot.querySelector(sel);
      if (found) return found;
    }
    return null;
  };
  // One macrotask turn: every microtask (Yew's scheduler runs in one) has run when it ends.
  const tick = () => new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  B.tick = tick;
  // The pause before each measured action: `ms` and a part of a frame that differs each
  // time (steps of the golden ratio), so that the actions meet the display's frames at
  // every phase, as a visitor's do. A pause of whole frames (50 ms is three) met every
  // frame at one phase, which alone made the keystroke at 1× take 6 or 16 ms, run to run.
  let phase = 0;
  B.gap = (ms) => {
    phase = (phase + 0.6180339887) % 1;
    return sleep(ms + phase * 1000 / 60);
  };
  addEventListener('TrunkApplicationStarted', (e) => {
    B.marks.wasmStarted = performance.now();
    B.wasm = (e.detail && e.detail.wasm) || null;
  });
  // The wasm linear memory: the custom element's loader exposes it as
  // `customElements.get('seminar-plan').wasm`; Trunk's inline loader hands it over in
  // `TrunkApplicationStarted`.
  B.wasmBytes = () => {
    const ce = window.customElements && customElements.get('seminar-plan');
    const wasm = (ce && ce.wasm) || B.wasm;
    return wasm && wasm.memory ? wasm.memory.buffer.byteLength : null;
  };
  // Runs `action`, waits until the widget's DOM stops changing (no mutation during a whole
  // macrotask turn), then for the next animation frame and the task after it, when that
  // frame has been rendered. Returns the milliseconds from just before `action`.
  B.measure = async (root, action) => {
    let mutations = 0;
    const observer = new MutationObserver((records) => { mutations += records.length; });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    action();
    for (let i = 0; i < 10000; i++) {
      const before = mutations;
      await tick();
      if (mutations === before) break;
    }
    const settled = performance.now();
    await frame();
    await tick();
    const t1 = performance.now();
    observer.disconnect();
    return { ms: t1 - t0, dom_ms: settled - t0, mutations };
  };
  const type = (input, value) => {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) || null }));
  };
  B.type = type;
  // A large sheet's first sessions (`.sp-preview`) come before the whole file is read:
  // the whole widget is painted when its search field is there and the preview gone.
  // (With the programme pasted as HTML, issue 30, the widget is drawn hidden and shown
  // when it takes over: it is whole once its root is in view.)
  const shown = (el) => el !== null && el.getBoundingClientRect().height > 0;
  const whole = async () => {
    B.marks.preview = deep('.sp-preview') ? 1 : 0;
    while (deep('.sp-preview') || !deep('input.sp-search__input') || !shown(deep('.sp-app'))) {
      if (deep('.sp-error')) return;
      await frame();
    }
    await tick();
    B.marks.wholePaint = performance.now();
  };
  // After the first cards are painted: once the whole widget is, one keystroke that
  // matches nothing, answered and painted = the widget responds to input; then the
  // search is cleared again.
  const probe = async () => {
    await whole();
    const input = deep('input.sp-search__input');
    const app = deep('.sp-app');
    if (!input || !app) { B.marks.interactive = null; B.ready = true; return; }
    const root = app.getRootNode();
    const t0 = performance.now();
    const r = await B.measure(root, () => type(input, 'qqqq'));
    B.marks.interactive = t0 + r.ms;
    await B.measure(root, () => type(input, ''));
    B.ready = true;
  };
  const poll = () => {
    if (deep('.sp-card')) {
      B.marks.cardsInDom = performance.now();
      tick().then(() => { B.marks.firstPaint = performance.now(); return probe(); });
      return;
    }
    const error = deep('.sp-error');
    if (error) {
      B.error = error.textContent;
      tick().then(() => { B.marks.errorPaint = performance.now(); B.ready = true; });
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  // The first session a visitor can see: a card of the widget in view, or the first
  // session of the programme pasted as HTML inside the element (issue 30).
  const firstSession = () => {
    if (shown(document.querySelector('.seminarplan-static > article')) || shown(deep('.sp-card'))) {
      tick().then(() => { B.marks.firstSession = performance.now(); });
      return;
    }
    requestAnimationFrame(firstSession);
  };
  requestAnimationFrame(firstSession);
})();"#;

/// A page that is only there to be on the server's origin before the measured navigation.
const BLANK: &str = "<!doctype html><html lang=\"en\"><title>blank</title><p>benchmark</p></html>";

/// Polls `script` until it returns something other than `null`/`false`, for up to
/// [`DEADLINE`] (the e2e helpers wait 15 s at most: too short for 10,000 sessions at 4×).
async fn poll(browser: &Browser, what: &str, script: &str, args: Vec<Value>) -> Value {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let v = browser.js(script, args.clone()).await;
        if !matches!(v, Value::Null | Value::Bool(false)) {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "gave up after {DEADLINE:?} waiting for {what}\n{}",
            browser.describe().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Starts `script` (an expression giving a promise) in the page and waits for its value.
async fn run_async(browser: &Browser, what: &str, script: &str, args: Vec<Value>) -> Value {
    let start = format!(
        "window.__spBenchDone = undefined;
         Promise.resolve((async () => {{ {script} }})())
             .then((v) => {{ window.__spBenchDone = {{ ok: v }}; }},
                   (e) => {{ window.__spBenchDone = {{ error: String(e && e.stack || e) }}; }});
         return true;"
    );
    browser.js(&start, args).await;
    let done = poll(
        browser,
        what,
        "return window.__spBenchDone === undefined ? null : window.__spBenchDone;",
        vec![],
    )
    .await;
    if let Some(error) = done.get("error") {
        panic!("{what} failed in the page: {error}");
    }
    done.get("ok").cloned().unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

/// The nearest-rank percentile `p` (0–100) of `values`.
fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let v = sorted(values);
    if v.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    v.get(rank.min(v.len()) - 1).copied()
}

fn median(values: &[f64]) -> Option<f64> {
    let v = sorted(values);
    match v.len() {
        0 => None,
        n if n % 2 == 1 => Some(v[n / 2]),
        n => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

fn stats(values: &[f64]) -> Value {
    json!({
        "n": values.len(),
        "median": median(values),
        "p95": percentile(values, 95.0),
        "min": sorted(values).first(),
        "max": sorted(values).last(),
    })
}

// ---------------------------------------------------------------------------------------
// Code size
// ---------------------------------------------------------------------------------------

/// Which part of the bundle a file of `dist/` is: what loads before the first paint, or one
/// of the parts the loader loads when needed (tests/size.rs has the same split).
fn part(file: &str) -> &'static str {
    if file.starts_with("seminarplan-import-") {
        "later: the importer (files not in our format)"
    } else if file.starts_with("seminarplan-workbook-") {
        "later: the workbook reader (.xlsx, .ods)"
    } else if file.starts_with("seminarplan-check-page-") {
        "later: the check page (check.html)"
    } else if file.ends_with(".css") {
        "the demo page's own CSS (not the widget's)"
    } else {
        "first load (loader, widget JS and wasm)"
    }
}

/// Every wasm, JS and CSS file in `dist/`, with its raw, gzip and brotli size, summed by
/// part of the bundle.
fn code_sizes(dist: &Path) -> Value {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dist)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dist.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("wasm" | "js" | "mjs" | "css")
            )
        })
        .collect();
    files.sort();
    let mut rows = Vec::new();
    let mut parts: Vec<(String, [usize; 3])> = Vec::new();
    let mut total = [0usize; 3];
    for path in &files {
        let bytes = std::fs::read(path).expect("read a dist file");
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => "wasm",
            Some("css") => "css",
            _ => "js",
        };
        let sizes = [bytes.len(), gzip_len(&bytes), brotli_len(&bytes)];
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let part = part(&file);
        rows.push(json!({
            "file": file, "kind": kind, "part": part,
            "raw": sizes[0], "gzip": sizes[1], "brotli": sizes[2],
        }));
        let slot = match parts.iter_mut().find(|(k, _)| k == part) {
            Some(slot) => slot,
            None => {
                parts.push((part.to_owned(), [0; 3]));
                parts.last_mut().expect("just pushed")
            }
        };
        for i in 0..3 {
            slot.1[i] += sizes[i];
            total[i] += sizes[i];
        }
    }
    let by_part: Vec<Value> = parts
        .iter()
        .map(|(k, s)| json!({ "part": k, "raw": s[0], "gzip": s[1], "brotli": s[2] }))
        .collect();
    json!({
        "files": rows,
        "by_part": by_part,
        "total": { "raw": total[0], "gzip": total[1], "brotli": total[2] },
    })
}

// ---------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------

#[derive(Clone)]
struct Programme {
    name: String,
    sessions: usize,
    /// The page that shows it.
    path: String,
    /// A hostile file (issue 15): only its load is measured, and an error shown is a result.
    hostile: bool,
}

/// A hostile frab file for `hostile-N` (a room and a speaker per event), `hostile-ids-N`
/// (every id `0`) or `hostile-days-N` (a day per event): its event count and its text.
fn hostile_file(size: &str) -> Option<(usize, String)> {
    use seminarplan_core::generate::{Hostile, hostile_frab};
    let rest = size.strip_prefix("hostile-")?;
    let (shape, n) = match rest.split_once('-') {
        Some(("ids", n)) => (Hostile::SameId, n),
        Some(("days", n)) => (Hostile::ManyDays, n),
        _ => (Hostile::ManyRooms, rest),
    };
    let n: usize = n
        .parse()
        .unwrap_or_else(|_| panic!("bad programme size {size:?}"));
    Some((n, hostile_frab(n, shape)))
}

/// Serves a hostile file as `/bench/<size>.json`, shown by the page `/page/<size>`.
fn serve_hostile(builder: ServerBuilder, size: &str, text: String) -> ServerBuilder {
    let body = Arc::new(text.into_bytes());
    eprintln!(
        "browser bench: {size}: a hostile file of {} bytes",
        body.len()
    );
    let file = format!("/bench/{size}.json");
    builder
        .route(&file, move |_| Response::ok(JSON, body.as_slice()))
        .variant(size, &file)
}

/// Serves `n` generated sessions as `/page/generated-<n>`.
fn serve_generated(builder: ServerBuilder, n: usize) -> (ServerBuilder, Programme) {
    let body = Arc::new(seminarplan_core::generate::programme_json(n, SEED).into_bytes());
    eprintln!(
        "browser bench: generated {n} sessions ({} bytes)",
        body.len()
    );
    let file = format!("/bench/generated-{n}.json");
    let builder = builder
        .route(&file, move |_| Response::ok(JSON, body.as_slice()))
        .variant(&format!("generated-{n}"), &file);
    let programme = Programme {
        name: format!("generated-{n}"),
        sessions: n,
        path: format!("/page/generated-{n}"),
        hostile: false,
    };
    (builder, programme)
}

/// A real programme file from `../shared/fixtures` (or `SEMINARPLAN_SHARED_FIXTURES`) and
/// its session count as the widget reads it, or `None` after saying it was skipped.
fn shared_fixture(name: &str) -> Option<(usize, Vec<u8>)> {
    let dir = std::env::var_os("SEMINARPLAN_SHARED_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"));
    let Ok(body) = std::fs::read(dir.join(name)) else {
        eprintln!(
            "browser bench: skipped fixture-{name}: no {}",
            dir.join(name).display()
        );
        return None;
    };
    let sessions =
        seminarplan_core::import::import_bytes(&body).map_or(0, |i| i.programme.sessions.len());
    Some((sessions, body))
}

/// Loads the page once and returns the load marks (and resource timings).
async fn load_once(browser: &Browser, path: &str) -> Value {
    browser.goto(path).await;
    poll(
        browser,
        &format!("{path} to show its sessions"),
        "return window.__spBench !== undefined && window.__spBench.ready === true;",
        vec![],
    )
    .await;
    browser
        .js(
            "const B = window.__spBench;
             const nav = performance.getEntriesByType('navigation')[0] || {};
             const resources = performance.getEntriesByType('resource')
                 .filter((r) => /\\.(wasm|js|mjs|css|json)$/.test(new URL(r.name).pathname))
                 .map((r) => ({ path: new URL(r.name).pathname, bytes: r.encodedBodySize,
                                end_ms: r.responseEnd }));
             const steps = {};
             for (const m of performance.getEntriesByType('mark')) {
                 if (m.name.startsWith('seminarplan:')) steps[m.name.slice(12)] = m.startTime;
             }
             return { error: B.error ?? null, marks: B.marks, steps,
                      dom_content_loaded_ms: nav.domContentLoadedEventEnd ?? null,
                      load_event_ms: nav.loadEventEnd ?? null,
                      cards: $qa('.sp-card').length, resources };",
            vec![],
        )
        .await
}

async fn memory(browser: &Browser) -> Value {
    browser.cdp("HeapProfiler.enable", json!({})).await;
    browser.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = browser.cdp("Runtime.getHeapUsage", json!({})).await;
    let dom = browser.cdp("Memory.getDOMCounters", json!({})).await;
    let wasm = browser
        .js("return window.__spBench.wasmBytes();", vec![])
        .await;
    json!({
        "js_heap_used": heap.get("usedSize"),
        "js_heap_total": heap.get("totalSize"),
        "wasm_memory": wasm,
        "dom_nodes": dom.get("nodes"),
        "js_event_listeners": dom.get("jsEventListeners"),
    })
}

/// The renderer's main-thread time so far, in ms, by kind (`Performance.getMetrics`):
/// script (JS and wasm), style recalculation, layout, and all tasks.
async fn main_thread(browser: &Browser) -> [f64; 4] {
    // Enabled here: the domain does not stay enabled across the page's navigations.
    browser.cdp("Performance.enable", json!({})).await;
    let metrics = browser.cdp("Performance.getMetrics", json!({})).await;
    let get = |name: &str| {
        metrics["metrics"]
            .as_array()
            .and_then(|m| m.iter().find(|x| x["name"] == name))
            .and_then(|x| x["value"].as_f64())
            .map_or(0.0, |seconds| seconds * 1000.0)
    };
    [
        get("ScriptDuration"),
        get("RecalcStyleDuration"),
        get("LayoutDuration"),
        get("TaskDuration"),
    ]
}

/// What the main thread did between two [`main_thread`] readings, per `per` events.
fn main_thread_split(before: [f64; 4], after: [f64; 4], per: usize) -> Value {
    let d = |i: usize| (after[i] - before[i]) / per.max(1) as f64;
    json!({ "script_ms": d(0), "style_ms": d(1), "layout_ms": d(2), "task_ms": d(3) })
}

/// Types [`TYPED`] and deletes [`BACKSPACES`] characters, one measured keystroke each,
/// then clears the field (measured apart: it brings the whole list back).
async fn search(browser: &Browser) -> Value {
    let before = main_thread(browser).await;
    let chars: Vec<char> = TYPED.chars().collect();
    let mut values: Vec<String> = (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect();
    values.extend((1..=BACKSPACES).map(|k| chars[..chars.len() - k].iter().collect()));
    let samples = run_async(
        browser,
        "the search keystrokes",
        "const B = window.__spBench;
         const input = $q('input.sp-search__input');
         const root = $q('.sp-app').getRootNode();
         input.focus();
         const out = [];
         for (const value of arguments[0]) {
             await B.gap(arguments[1]);
             const r = await B.measure(root, () => B.type(input, value));
             r.value = value;
             r.cards = $qa('.sp-browse .sp-card').length;
             out.push(r);
         }
         await B.gap(arguments[1]);
         const clear = await B.measure(root, () => B.type(input, ''));
         clear.cards = $qa('.sp-browse .sp-card').length;
         return { samples: out, clear };",
        vec![json!(values.clone()), json!(GAP_MS)],
    )
    .await;
    let after = main_thread(browser).await;
    let ms: Vec<f64> = samples["samples"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["ms"].as_f64()).collect())
        .unwrap_or_default();
    json!({
        "keystrokes": stats(&ms),
        "clear_ms": samples["clear"]["ms"],
        "main_thread_per_keystroke": main_thread_split(before, after, values.len() + 1),
        "samples": samples["samples"],
    })
}

/// Stars the first [`STARS`] sessions of the list, opens My schedule and removes one.
async fn star(browser: &Browser) -> Value {
    let r = run_async(
        browser,
        "the star clicks",
        "const B = window.__spBench;
         const root = $q('.sp-app').getRootNode();
         const stars = $qa('.sp-browse .sp-star').slice(0, arguments[0]);
         const clicks = [];
         for (const star of stars) {
             await B.gap(arguments[1]);
             const r = await B.measure(root, () => star.click());
             r.badge = ($q('.sp-viewswitch .sp-badge') || {}).textContent ?? null;
             clicks.push(r);
         }
         await B.gap(arguments[1]);
         const open = await B.measure(root, () => $qa('.sp-viewswitch__button')[1].click());
         open.cards = $qa('.sp-mine article.sp-card').length;
         await B.gap(arguments[1]);
         const remove = await B.measure(root, () => $q('.sp-mine article.sp-card .sp-star').click());
         remove.cards = $qa('.sp-mine article.sp-card').length;
         await B.gap(arguments[1]);
         await B.measure(root, () => $qa('.sp-viewswitch__button')[0].click());
         return { clicks, open, remove };",
        vec![json!(STARS), json!(GAP_MS)],
    )
    .await;
    let clicks: Vec<f64> = r["clicks"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["ms"].as_f64()).collect())
        .unwrap_or_default();
    let badge = r["clicks"]
        .as_array()
        .and_then(|a| a.last())
        .and_then(|c| c["badge"].as_str())
        .map(str::to_owned);
    assert_eq!(
        badge.as_deref(),
        Some(STARS.to_string().as_str()),
        "after {STARS} star clicks My schedule should count {STARS}: {r}"
    );
    json!({
        "star": stats(&clicks),
        "open_my_schedule_ms": r["open"]["ms"],
        "my_schedule_cards": r["open"]["cards"],
        "remove_from_my_schedule_ms": r["remove"]["ms"],
        "samples": r,
    })
}

/// How many times the day is switched, and sessions are opened (issue 29): enough samples
/// for a p95 that is not simply the slowest one.
const DAY_SWITCHES: usize = 10;
const OPENS: usize = 5;

/// Switching day, folding a session's details open and closed, and opening and closing a
/// session's page (issue 29), each timed like a keystroke: from the click until the frame
/// that shows its result has been painted. The day tabs are clicked in turn, the first
/// day again after "all days"; the details are those of the first [`OPENS`] cards of the
/// list; a session's page is opened from a card's title and closed with its button.
async fn switch_and_open(browser: &Browser) -> Value {
    let r = run_async(
        browser,
        "switching day and opening sessions",
        "const B = window.__spBench;
         const root = $q('.sp-app').getRootNode();
         const days = [];
         const tabs = $qa('.sp-daytabs__button').length;
         const first = $qa('.sp-daytabs__button').findIndex((b) => b.getAttribute('aria-pressed') === 'true');
         let current = first;
         for (let i = 0; i < arguments[0] && tabs > 1; i++) {
             current = (current + 1) % tabs;
             await B.gap(arguments[2]);
             const r = await B.measure(root, () => $qa('.sp-daytabs__button')[current].click());
             r.cards = $qa('.sp-browse .sp-card').length;
             days.push(r);
         }
         // Back to the day the list showed, so what is measured after starts as before.
         if (current !== first && first >= 0) {
             await B.measure(root, () => $qa('.sp-daytabs__button')[first].click());
         }
         const details = [];
         for (const fold of ['open', 'close']) {
             for (let i = 0; i < arguments[1]; i++) {
                 const toggle = $qa('.sp-browse .sp-card__toggle')[i];
                 if (!toggle) break;
                 await B.gap(arguments[2]);
                 const r = await B.measure(root, () => toggle.click());
                 r.fold = fold;
                 r.expanded = toggle.getAttribute('aria-expanded');
                 details.push(r);
             }
         }
         const pages = [];
         const closes = [];
         for (let i = 0; i < arguments[1]; i++) {
             const title = $qa('.sp-browse .sp-card__open')[i];
             if (!title) break;
             await B.gap(arguments[2]);
             const r = await B.measure(root, () => title.click());
             r.shown = !!$q('dialog[open] .sp-page');
             pages.push(r);
             await B.gap(arguments[2]);
             const c = await B.measure(root, () => $q('dialog[open] .sp-dialog__close').click());
             c.closed = !$q('dialog[open]');
             closes.push(c);
         }
         return { days, details, pages, closes };",
        vec![json!(DAY_SWITCHES), json!(OPENS), json!(GAP_MS)],
    )
    .await;
    let ms = |key: &str| -> Vec<f64> {
        r[key]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s["ms"].as_f64()).collect())
            .unwrap_or_default()
    };
    let all = |key: &str, field: &str, want: Value| {
        r[key]
            .as_array()
            .is_some_and(|a| a.iter().all(|s| s[field] == want))
    };
    assert!(
        all("pages", "shown", json!(true)) && all("closes", "closed", json!(true)),
        "every session page should open and close again: {r}"
    );
    json!({
        "switch_day": stats(&ms("days")),
        "details": stats(&ms("details")),
        "open_session": stats(&ms("pages")),
        "close_session": stats(&ms("closes")),
        "samples": r,
    })
}

/// The timetable case of issue 17: `roomsR-N` is N generated sessions in exactly R rooms
/// (`seminarplan_core::generate::programme_json_in_rooms`), served as JSON.
fn rooms_case(size: &str) -> Option<(Programme, Vec<u8>)> {
    let (rooms, n) = size.strip_prefix("rooms")?.split_once('-')?;
    let (rooms, n): (usize, usize) = (rooms.parse().ok()?, n.parse().ok()?);
    let body = seminarplan_core::generate::programme_json_in_rooms(n, rooms, SEED).into_bytes();
    eprintln!(
        "browser bench: generated {n} sessions in {rooms} rooms ({} bytes)",
        body.len()
    );
    let p = Programme {
        name: size.to_owned(),
        sessions: n,
        path: format!("/page/{size}"),
        hostile: false,
    };
    Some((p, body))
}

/// Serves `body` as the JSON programme of `p` (`/page/NAME`).
fn serve_json(builder: ServerBuilder, p: &Programme, body: Vec<u8>) -> ServerBuilder {
    let file = format!("/bench/{}.json", p.name);
    let body = Arc::new(body);
    builder
        .route(&file, move |_| Response::ok(JSON, body.as_slice()))
        .variant(&p.name, &file)
}

/// Whether a case also measures the timetable (issue 17): the `roomsR-N` cases and the
/// generated 1,000 sessions.
fn wants_timetable(p: &Programme) -> bool {
    p.name.starts_with("rooms") || p.name == "generated-1000"
}

/// How long the rAF-driven scroll of the timetable lasts.
const SCROLL_MS: u32 = 2000;

/// Switches the list to the timetable (the layout switch, `.sp-layout__button` 2 of 2),
/// timed until the frame that shows its sessions has been painted; counts what it put in
/// the DOM; then scrolls its scrolling region diagonally from the top left to the bottom
/// right over [`SCROLL_MS`], one step per animation frame, and records the frame intervals.
async fn timetable(browser: &Browser) -> Value {
    let r = run_async(
        browser,
        "the timetable",
        "const B = window.__spBench;
         const root = $q('.sp-app').getRootNode();
         const buttons = $qa('.sp-layout__button');
         if (buttons.length < 2) return null;
         await B.gap(arguments[1]);
         const open = await B.measure(root, () => buttons[1].click());
         const scroller = $q('.sp-tt__scroll');
         if (!scroller) return { open, error: 'no timetable' };
         const view = scroller.getBoundingClientRect();
         const cells = $qa('button.sp-tt__session');
         const inView = cells.filter((c) => {
             const r = c.getBoundingClientRect();
             return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
         }).length;
         const dom = { sessions: cells.length, in_view: inView,
                       rooms: $qa('.sp-tt__room').length,
                       elements: $q('.sp-tt').querySelectorAll('*').length,
                       scroll_width: scroller.scrollWidth, scroll_height: scroller.scrollHeight,
                       client_width: scroller.clientWidth, client_height: scroller.clientHeight };
         await B.gap(arguments[1]);
         const maxX = scroller.scrollWidth - scroller.clientWidth;
         const maxY = scroller.scrollHeight - scroller.clientHeight;
         const frames = [];
         await new Promise((resolve) => {
             let start = null, last = null;
             const step = (t) => {
                 if (start === null) start = t; else frames.push(t - last);
                 last = t;
                 const f = Math.min(1, (t - start) / arguments[0]);
                 scroller.scrollLeft = f * maxX;
                 scroller.scrollTop = f * maxY;
                 if (f < 1) requestAnimationFrame(step); else resolve();
             };
             requestAnimationFrame(step);
         });
         return { open, dom, frames, scrolled: [scroller.scrollLeft, scroller.scrollTop] };",
        vec![json!(SCROLL_MS), json!(GAP_MS)],
    )
    .await;
    if r.is_null() {
        return r;
    }
    let frames: Vec<f64> = r["frames"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    // A frame is late when it took longer than a 60 Hz frame (16.7 ms) plus 1 ms of jitter.
    let late = frames.iter().filter(|&&f| f > 1000.0 / 60.0 + 1.0).count();
    let dom_nodes = browser.cdp("Memory.getDOMCounters", json!({})).await["nodes"].clone();
    json!({
        "painted_ms": r["open"]["ms"],
        "dom": r["dom"],
        "page_dom_nodes": dom_nodes,
        "frames": stats(&frames),
        "frame_count": frames.len(),
        "late_frames_pct": (!frames.is_empty()).then(|| 100.0 * late as f64 / frames.len() as f64),
        "fps": (!frames.is_empty()).then(|| 1000.0 * frames.len() as f64 / frames.iter().sum::<f64>()),
        "samples": r,
    })
}

/// A fresh browser at `viewport` on a blank page, with the instrument installed before every
/// page and the CPU throttled `rate` times.
async fn instrumented(
    driver: &Chromedriver,
    server: &Server,
    viewport: (u32, u32),
    rate: f64,
) -> Browser {
    let browser = driver.open(server, viewport).await;
    browser.goto("/bench/blank").await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": INSTRUMENT }),
        )
        .await;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
        .await;
    browser
}

/// The mark `name` of every load that has it.
fn marks(runs: &[Value], name: &str) -> Vec<f64> {
    runs.iter()
        .filter_map(|r| r["marks"][name].as_f64())
        .collect()
}

/// Starts the DevTools CPU profiler (`SEMINARPLAN_BENCH_PROFILE`: the first load of each
/// case is profiled, sampling every 100 µs).
async fn start_profile(browser: &Browser) {
    browser.cdp("Profiler.enable", json!({})).await;
    browser
        .cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }))
        .await;
    browser.cdp("Profiler.start", json!({})).await;
}

/// Stops the profiler and writes its profile to `target/bench/profile-NAME.cpuprofile`,
/// which Chromium's DevTools opens (Performance panel: load profile).
async fn write_profile(browser: &Browser, name: &str) {
    let profile = browser.cdp("Profiler.stop", json!({})).await;
    let path = format!("target/bench/profile-{name}.cpuprofile");
    let _ = std::fs::create_dir_all("target/bench");
    std::fs::write(&path, profile["profile"].to_string())
        .unwrap_or_else(|e| panic!("writing {path}: {e}"));
    eprintln!("browser bench: wrote {path}");
}

/// The median moment of each step of loading the widget marks (`browser::timing`:
/// `preview`, `fetched`, `read`, `kept`), over the loads.
fn steps(runs: &[Value]) -> Value {
    let at = |step: &str| {
        let times: Vec<f64> = runs
            .iter()
            .filter_map(|r| r["steps"][step].as_f64())
            .collect();
        median(&times)
    };
    json!({ "preview": at("preview"), "fetched": at("fetched"), "read": at("read"), "kept": at("kept") })
}

async fn run_case(
    driver: &Chromedriver,
    server: &Server,
    p: &Programme,
    rate: f64,
    loads: usize,
) -> Value {
    let browser = instrumented(driver, server, VIEWPORT, rate).await;

    let mut runs = Vec::new();
    for n in 0..loads {
        let profiling = n == 0 && std::env::var_os("SEMINARPLAN_BENCH_PROFILE").is_some();
        if profiling {
            start_profile(&browser).await;
        }
        let run = load_once(&browser, &p.path).await;
        if profiling {
            write_profile(&browser, &format!("{}-{rate}x", p.name)).await;
        }
        if let (Some(error), false) = (run["error"].as_str(), p.hostile) {
            panic!("{} shows an error: {error}", p.name);
        }
        runs.push(run);
    }
    let first_paint = marks(&runs, "firstPaint");
    let interactive = marks(&runs, "interactive");
    let whole_paint = marks(&runs, "wholePaint");
    let error_paint = marks(&runs, "errorPaint");
    let memory = memory(&browser).await;
    let shown = runs.iter().all(|r| r["error"].is_null());
    let (search, star, switch) = if p.hostile || !shown {
        (Value::Null, Value::Null, Value::Null)
    } else {
        // With `SEMINARPLAN_BENCH_PROFILE`, the keystrokes and the star clicks are
        // profiled too (issue 29: where a keystroke's time goes).
        let profiling = std::env::var_os("SEMINARPLAN_BENCH_PROFILE").is_some();
        let name = format!("{}-{rate}x", p.name);
        if profiling {
            start_profile(&browser).await;
        }
        let search = search(&browser).await;
        if profiling {
            write_profile(&browser, &format!("{name}-search")).await;
            start_profile(&browser).await;
        }
        let star = star(&browser).await;
        if profiling {
            write_profile(&browser, &format!("{name}-star")).await;
        }
        (search, star, switch_and_open(&browser).await)
    };
    let timetable = if wants_timetable(p) && shown {
        // With `SEMINARPLAN_BENCH_PROFILE`, switching to the timetable and scrolling it are
        // profiled too.
        let profiling = std::env::var_os("SEMINARPLAN_BENCH_PROFILE").is_some();
        if profiling {
            start_profile(&browser).await;
        }
        let timetable = timetable(&browser).await;
        if profiling {
            write_profile(&browser, &format!("{}-{rate}x-timetable", p.name)).await;
        }
        timetable
    } else {
        Value::Null
    };
    browser.close().await;
    json!({
        "programme": p.name,
        "sessions": p.sessions,
        "cpu_throttling": rate,
        "first_paint_ms": median(&first_paint),
        "steps_ms": steps(&runs),
        "interactive_ms": median(&interactive),
        "whole_paint_ms": median(&whole_paint),
        "error_paint_ms": median(&error_paint),
        "error": runs.last().map(|r| r["error"].clone()),
        "cards_after_load": runs.last().map(|r| r["cards"].clone()),
        "loads": runs,
        "memory": memory,
        "search": search,
        "star": star,
        "switch_and_open": switch,
        "timetable": timetable,
    })
}

// ---------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------

fn command_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn machine() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|c| {
        c.lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_owned())
    });
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    json!({
        "cpus": std::thread::available_parallelism().map(|n| n.get()).ok(),
        "cpu_model": cpu,
        "chromium": command_line(&chromium, &["--version"]),
        "kernel": command_line("uname", &["-sr"]),
    })
}

fn env_list(name: &str, default: &str) -> Vec<String> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_owned())
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn build() {
    if std::env::var("SEMINARPLAN_BENCH_BUILD").is_ok_and(|v| v == "0") {
        return;
    }
    eprintln!("browser bench: trunk build --release (SEMINARPLAN_BENCH_BUILD=0 skips it)");
    let status = Command::new("trunk")
        .args(["build", "--release"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap_or_else(|e| panic!("cannot run trunk (scripts/setup.sh installs it): {e}"));
    assert!(status.success(), "trunk build --release failed: {status}");
}

fn kb(bytes: &Value) -> String {
    bytes
        .as_f64()
        .map_or_else(|| "–".to_owned(), |b| format!("{:.1}", b / 1000.0))
}

fn mb(bytes: &Value) -> String {
    bytes
        .as_f64()
        .map_or_else(|| "–".to_owned(), |b| format!("{:.1}", b / 1_000_000.0))
}

fn ms(value: &Value) -> String {
    value
        .as_f64()
        .map_or_else(|| "–".to_owned(), |v| format!("{v:.0}"))
}

/// The Markdown tables of a run.
fn tables(report: &Value) -> String {
    let mut out = String::new();
    let code = &report["code"];
    let _ = writeln!(out, "| code (dist/) | raw KB | gzip KB | brotli KB |");
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for k in code["by_part"].as_array().into_iter().flatten() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            k["part"].as_str().unwrap_or_default(),
            kb(&k["raw"]),
            kb(&k["gzip"]),
            kb(&k["brotli"])
        );
    }
    let t = &code["total"];
    let _ = writeln!(
        out,
        "| all of dist/ | {} | {} | {} |\n",
        kb(&t["raw"]),
        kb(&t["gzip"]),
        kb(&t["brotli"])
    );
    let _ = writeln!(
        out,
        "| programme | CPU | first sessions painted ms | responds to input ms | search median ms | search p95 ms | per keystroke: script / style+layout ms | clear search ms | star ms | open My schedule ms | JS heap MB | wasm memory MB | DOM nodes |"
    );
    let _ = writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for c in report["cases"].as_array().into_iter().flatten() {
        let name = match c["programme"].as_str() {
            Some("demo") => format!("demo ({})", c["sessions"]),
            Some(name) if name.starts_with("sheet-") => format!("{} rows (CSV)", c["sessions"]),
            Some(name) if name.starts_with("fixture-") => {
                format!("{} ({} sessions)", &name[8..], c["sessions"])
            }
            Some(name) if name.starts_with("hostile-") => format!("{name} (frab)"),
            Some(name) if name.starts_with("rooms") => {
                let rooms = name[5..].split('-').next().unwrap_or("?");
                format!("{} sessions in {rooms} rooms", c["sessions"])
            }
            _ => format!("{} sessions", c["sessions"]),
        };
        // A refused hostile file: the time its error was painted, in the first-paint column.
        let first = match c["error_paint_ms"].as_f64() {
            Some(_) if c["first_paint_ms"].is_null() => {
                format!("error {}", ms(&c["error_paint_ms"]))
            }
            _ => ms(&c["first_paint_ms"]),
        };
        let _ = writeln!(
            out,
            "| {name} | {}× | {} | {} | {} | {} | {} / {} | {} | {} | {} | {} | {} | {} |",
            c["cpu_throttling"],
            first,
            ms(&c["interactive_ms"]),
            ms(&c["search"]["keystrokes"]["median"]),
            ms(&c["search"]["keystrokes"]["p95"]),
            ms(&c["search"]["main_thread_per_keystroke"]["script_ms"]),
            // Style and layout together; none when the case had no search (a hostile file).
            ms(&json!(
                c["search"]["main_thread_per_keystroke"]["style_ms"]
                    .as_f64()
                    .zip(c["search"]["main_thread_per_keystroke"]["layout_ms"].as_f64())
                    .map(|(style, layout)| style + layout)
            )),
            ms(&c["search"]["clear_ms"]),
            ms(&c["star"]["star"]["median"]),
            ms(&c["star"]["open_my_schedule_ms"]),
            mb(&c["memory"]["js_heap_used"]),
            mb(&c["memory"]["wasm_memory"]),
            c["memory"]["dom_nodes"],
        );
    }
    out.push_str(&interactions_table(report));
    out.push_str(&steps_table(report));
    out.push_str(&timetable_table(report));
    out
}

/// The p95 of every timed interaction of the list (issue 29's budgets: keystroke,
/// clearing, star, switching day, opening a session), beside its median.
fn interactions_table(report: &Value) -> String {
    let mut out = String::from(
        "\n| programme | CPU | keystroke median / p95 ms | clear search ms | star median / p95 ms | switch day median / p95 ms | details open or closed median / p95 ms | open session median / p95 ms | close session median ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for c in report["cases"].as_array().into_iter().flatten() {
        if c["search"].is_null() {
            continue;
        }
        let both = |v: &Value| format!("{} / {}", ms(&v["median"]), ms(&v["p95"]));
        let o = &c["switch_and_open"];
        let _ = writeln!(
            out,
            "| {} | {}× | {} | {} | {} | {} | {} | {} | {} |",
            c["programme"].as_str().unwrap_or("?"),
            c["cpu_throttling"],
            both(&c["search"]["keystrokes"]),
            ms(&c["search"]["clear_ms"]),
            both(&c["star"]["star"]),
            both(&o["switch_day"]),
            both(&o["details"]),
            both(&o["open_session"]),
            ms(&o["close_session"]["median"]),
        );
    }
    out
}

/// When each step of loading was done (`browser::timing`'s marks, from navigation start),
/// beside the first paint: where a slow load spends its time.
fn steps_table(report: &Value) -> String {
    let mut out = String::from(
        "\n| programme | CPU | first rows shown (preview) ms | file fetched ms | read ms | offline copy kept ms | first sessions painted ms | whole programme painted ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for c in report["cases"].as_array().into_iter().flatten() {
        let s = &c["steps_ms"];
        let _ = writeln!(
            out,
            "| {} | {}× | {} | {} | {} | {} | {} | {} |",
            c["programme"].as_str().unwrap_or("?"),
            c["cpu_throttling"],
            ms(&s["preview"]),
            ms(&s["fetched"]),
            ms(&s["read"]),
            ms(&s["kept"]),
            ms(&c["first_paint_ms"]),
            ms(&c["whole_paint_ms"]),
        );
    }
    out
}

/// The timetable cases (issue 17), a table of their own; empty when there were none.
fn timetable_table(report: &Value) -> String {
    let mut out = String::new();
    let cases: Vec<&Value> = report["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| !c["timetable"].is_null())
        .collect();
    if cases.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\n| timetable | CPU | timetable painted ms | rooms | sessions in the DOM / in view | timetable elements | page DOM nodes | scroll frames | frame median ms | frame p95 ms | frames > 17.7 ms % | fps |"
    );
    let _ = writeln!(
        out,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for c in cases {
        let t = &c["timetable"];
        let one = |v: &Value| {
            v.as_f64()
                .map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
        };
        let _ = writeln!(
            out,
            "| {} | {}× | {} | {} | {} / {} | {} | {} | {} | {} | {} | {} | {} |",
            c["programme"].as_str().unwrap_or("?"),
            c["cpu_throttling"],
            ms(&t["painted_ms"]),
            t["dom"]["rooms"],
            t["dom"]["sessions"],
            t["dom"]["in_view"],
            t["dom"]["elements"],
            t["page_dom_nodes"],
            t["frame_count"],
            one(&t["frames"]["median"]),
            one(&t["frames"]["p95"]),
            one(&t["late_frames_pct"]),
            one(&t["fps"]),
        );
    }
    out
}

async fn bench() {
    build();
    let dist = server::dist_dir();
    let code = code_sizes(&dist);

    let sizes = env_list(
        "SEMINARPLAN_BENCH_SIZES",
        "demo,100,1000,10000,sheet-10000,fixture-fosdem-2019.xml,hostile-50000",
    );
    let rates: Vec<f64> = env_list("SEMINARPLAN_BENCH_RATES", "4,1")
        .iter()
        .map(|r| {
            r.parse()
                .unwrap_or_else(|_| panic!("bad throttling rate {r:?}"))
        })
        .collect();
    let loads: usize = std::env::var("SEMINARPLAN_BENCH_LOADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
        .max(1);

    let mut builder = Server::builder().route("/bench/blank", |_| Response::ok(HTML, BLANK));
    let mut programmes = Vec::new();
    for size in &sizes {
        if size == "demo" {
            let demo: Value =
                serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo is JSON");
            programmes.push(Programme {
                name: "demo".to_owned(),
                sessions: demo["sessions"].as_array().map_or(0, Vec::len),
                path: "/".to_owned(),
                hostile: false,
            });
            continue;
        }
        if let Some((p, body)) = rooms_case(size) {
            builder = serve_json(builder, &p, body);
            programmes.push(p);
            continue;
        }
        if let Some((n, text)) = hostile_file(size) {
            builder = serve_hostile(builder, size, text);
            programmes.push(Programme {
                name: size.clone(),
                sessions: n,
                path: format!("/page/{size}"),
                hostile: true,
            });
            continue;
        }
        if let Some(name) = size.strip_prefix("fixture-") {
            // A real programme from ../shared/fixtures (issue 17 asks for FOSDEM 2019).
            let Some((sessions, body)) = shared_fixture(name) else {
                continue;
            };
            let file = format!("/bench/{name}");
            let body = Arc::new(body);
            builder = builder
                .route(&file, move |_| Response::ok(XML, body.as_slice()))
                .variant(size, &file);
            programmes.push(Programme {
                name: size.to_owned(),
                sessions,
                path: format!("/page/{size}"),
                hostile: false,
            });
            continue;
        }
        if let Some(n) = size.strip_prefix("sheet-") {
            let n: usize = n
                .parse()
                .unwrap_or_else(|_| panic!("bad programme size {size:?}"));
            let body = Arc::new(seminarplan_core::generate::programme_csv(n, SEED).into_bytes());
            eprintln!(
                "browser bench: generated a sheet of {n} rows ({} bytes)",
                body.len()
            );
            let file = format!("/bench/generated-{n}.csv");
            builder = builder
                .route(&file, move |_| Response::ok(CSV, body.as_slice()))
                .variant(&format!("sheet-{n}"), &file);
            programmes.push(Programme {
                name: format!("sheet-{n}"),
                sessions: n,
                path: format!("/page/sheet-{n}"),
                hostile: false,
            });
            continue;
        }
        let n: usize = size
            .parse()
            .unwrap_or_else(|_| panic!("bad programme size {size:?}"));
        let programme;
        (builder, programme) = serve_generated(builder, n);
        programmes.push(programme);
    }
    let phone_programmes;
    (builder, phone_programmes) = phone::programmes(builder, &programmes);
    let compress = Arc::new(std::sync::atomic::AtomicBool::new(false));
    builder = builder.encoder(phone::encoder(compress.clone()));
    let server = builder.start();
    let driver = Chromedriver::start("bench-browser");

    let mut cases = Vec::new();
    for p in &programmes {
        for &rate in &rates {
            eprintln!("browser bench: {} at {rate}× CPU throttling", p.name);
            let case = run_case(&driver, &server, p, rate, loads).await;
            eprintln!(
                "  first paint {} ms (error painted {} ms), responds {} ms, search p95 {} ms",
                ms(&case["first_paint_ms"]),
                ms(&case["error_paint_ms"]),
                ms(&case["interactive_ms"]),
                ms(&case["search"]["keystrokes"]["p95"])
            );
            cases.push(case);
        }
    }
    let phone_cases = phone::run_all(&driver, &server, &phone_programmes, loads, &compress).await;

    let report = json!({
        "date": command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        "commit": command_line("git", &["-C", env!("CARGO_MANIFEST_DIR"), "describe", "--always", "--dirty"]),
        "machine": machine(),
        "viewport": [VIEWPORT.0, VIEWPORT.1],
        "loads_per_case": loads,
        "code": code,
        "cases": cases,
        "phone_network": phone_cases,
    });
    write_report(&report, &phone::table(&phone_cases));
}

/// Prints the tables (`phone`: the phone-network table) and writes
/// `target/bench/browser.{json,md}`.
fn write_report(report: &Value, phone: &str) {
    let table = format!("{}\n{phone}", tables(report));
    println!("{table}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench");
    std::fs::create_dir_all(&out).expect("create target/bench");
    let pretty = serde_json::to_string_pretty(report).expect("the report is JSON");
    std::fs::write(out.join("browser.json"), pretty).expect("write target/bench/browser.json");
    let header = format!(
        "Run {} at commit {} on {} ({} CPUs), {}.\n\n",
        report["date"].as_str().unwrap_or("?"),
        report["commit"].as_str().unwrap_or("?"),
        report["machine"]["cpu_model"].as_str().unwrap_or("?"),
        report["machine"]["cpus"],
        report["machine"]["chromium"].as_str().unwrap_or("?"),
    );
    std::fs::write(out.join("browser.md"), format!("{header}{table}"))
        .expect("write target/bench/browser.md");
    eprintln!("browser bench: wrote target/bench/browser.json and target/bench/browser.md");
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported (use the
    // SEMINARPLAN_BENCH_* variables).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("start the tokio runtime");
    runtime.block_on(bench());
}
