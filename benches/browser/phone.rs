//! Issue 17's phone network: the widget loaded as a visitor on congested conference Wi-Fi
//! loads it. DevTools emulates the network (`Network.emulateNetworkConditions`: 1.6 Mbit/s
//! down, 150 ms round trip), the CPU is throttled 4×, the viewport is a 390×844 phone, and
//! the server sends every file brotli-compressed (quality 11, as a server with
//! precompressed files does) when the browser accepts it, else gzip. Measured: the first
//! sessions painted, median of the loads after one warm-up load (which also fills the
//! compression cache, so compressing is never timed), and the bytes transferred.
//!
//! Issue 30: each programme is measured twice, without and with the programme pasted as
//! HTML inside the element (the snippet `seminarplan-check --html` writes): "first session
//! visible" (the first session a visitor can see, the pasted one or the widget's card) and
//! "interactive" (the widget in view, answering a keystroke) are reported apart.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Value, json};

use crate::server::{HTML, Request, Response, Server, ServerBuilder, dist_dir};
use crate::{
    Chromedriver, Programme, env_list, instrumented, load_once, marks, median, serve_generated,
};

/// The emulated network: 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms round trip.
const DOWN_BYTES_PER_S: f64 = 1_600_000.0 / 8.0;
const UP_BYTES_PER_S: f64 = 750_000.0 / 8.0;
const RTT_MS: f64 = 150.0;
const VIEWPORT: (u32, u32) = (390, 844);
const CPU: f64 = 4.0;

/// Compressed bodies by path and length, so each file is compressed once.
type Cache = Mutex<HashMap<(String, usize), Arc<(String, Vec<u8>)>>>;

/// A server-side encoder that compresses every successful response while `on` is set.
pub fn encoder(on: Arc<AtomicBool>) -> impl Fn(&Request, Response) -> Response + Send + Sync {
    let cache: Cache = Mutex::new(HashMap::new());
    move |request, mut response| {
        if !on.load(Ordering::SeqCst) || response.status != 200 || response.body.is_empty() {
            return response;
        }
        let key = (request.path.clone(), response.body.len());
        let encoded = {
            let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
            cache
                .entry(key)
                .or_insert_with(|| Arc::new(encode(&request.accept_encoding, &response.body)))
                .clone()
        };
        if encoded.0.is_empty() {
            return response;
        }
        response.body = encoded.1.clone();
        response
            .headers
            .push(("Content-Encoding".to_owned(), encoded.0.clone()));
        response
    }
}

/// The encoding the browser accepts (brotli first) and the body in it; no encoding (`""`)
/// when it accepts neither.
fn encode(accept: &str, body: &[u8]) -> (String, Vec<u8>) {
    if accept.contains("br") {
        ("br".to_owned(), crate::compressed::brotli(body, 11))
    } else if accept.contains("gzip") {
        ("gzip".to_owned(), crate::compressed::gzip(body))
    } else {
        (String::new(), body.to_vec())
    }
}

/// The programmes measured on the phone network (`SEMINARPLAN_BENCH_PHONE`, default
/// `demo,100,1000`: the demo and generated sessions), served like the others when they are
/// not already, each also on a page with the programme pasted inside the element.
pub fn programmes(
    mut builder: ServerBuilder,
    served: &[Programme],
) -> (ServerBuilder, Vec<Programme>) {
    let mut programmes = Vec::new();
    for n in env_list("SEMINARPLAN_BENCH_PHONE", "demo,100,1000") {
        let (programme, model) = if n == "demo" {
            let demo = Programme {
                name: "demo".to_owned(),
                sessions: 0,
                path: "/".to_owned(),
                hostile: false,
            };
            let model = seminarplan_core::parse::parse_programme(seminarplan_core::DEMO_PROGRAMME)
                .expect("the demo is valid");
            (
                Programme {
                    sessions: model.sessions.len(),
                    ..demo
                },
                model,
            )
        } else {
            let n: usize = n
                .parse()
                .unwrap_or_else(|_| panic!("bad phone programme size {n:?}"));
            let model = seminarplan_core::generate::programme(n, crate::SEED);
            match served.iter().find(|p| p.name == format!("generated-{n}")) {
                Some(p) => (p.clone(), model),
                None => {
                    let programme;
                    (builder, programme) = serve_generated(builder, n);
                    (programme, model)
                }
            }
        };
        let pasted;
        (builder, pasted) = serve_with_snippet(builder, &programme, &model);
        programmes.push(programme);
        programmes.push(pasted);
    }
    (builder, programmes)
}

/// Serves `p`'s page with its programme pasted inside the element, as the organiser's
/// snippet has it (Swedish, as the page).
fn serve_with_snippet(
    builder: ServerBuilder,
    p: &Programme,
    model: &seminarplan_core::model::Programme,
) -> (ServerBuilder, Programme) {
    let src = (p.name != "demo").then(|| format!("/bench/{}.json", p.name));
    let content =
        seminarplan_core::snippet::content(model, seminarplan_core::lang::Lang::Sv, src.as_deref());
    let attr = src.map_or_else(String::new, |s| format!(" src=\"{s}\""));
    let path = format!("/bench/snippet-{}", p.name);
    let builder = builder.route(&path, move |_| {
        let Ok(index) = std::fs::read_to_string(dist_dir().join("index.html")) else {
            return Response::not_found("dist/index.html");
        };
        let (Some(open), Some(close)) =
            (index.find("<seminar-plan"), index.find("</seminar-plan>"))
        else {
            return Response::not_found("the element in dist/index.html");
        };
        let Some(end) = index[open..].find('>').map(|e| open + e) else {
            return Response::not_found("the element's start tag");
        };
        let page = format!(
            "{}{attr}>\n{}\n{}",
            &index[..end],
            content.html,
            &index[close..]
        );
        Response::ok(HTML, page)
    });
    let pasted = Programme {
        name: format!("{} + snippet", p.name),
        sessions: p.sessions,
        path,
        hostile: false,
    };
    (builder, pasted)
}

/// Every phone-network case, in order.
pub async fn run_all(
    driver: &Chromedriver,
    server: &Server,
    programmes: &[Programme],
    loads: usize,
    on: &AtomicBool,
) -> Vec<Value> {
    let mut cases = Vec::new();
    for p in programmes {
        eprintln!("browser bench: {} on the phone network", p.name);
        let case = run_case(driver, server, p, loads, on).await;
        eprintln!(
            "  first session visible {} ms, interactive {} ms",
            crate::ms(&case["first_session_ms"]),
            crate::ms(&case["interactive_ms"])
        );
        cases.push(case);
    }
    cases
}

/// One programme on the phone network: first sessions painted (median of `loads` after a
/// warm-up), responds to input, and what was transferred.
pub async fn run_case(
    driver: &Chromedriver,
    server: &Server,
    p: &Programme,
    loads: usize,
    on: &AtomicBool,
) -> Value {
    on.store(true, Ordering::SeqCst);
    let browser = instrumented(driver, server, VIEWPORT, CPU).await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": RTT_MS,
                    "downloadThroughput": DOWN_BYTES_PER_S, "uploadThroughput": UP_BYTES_PER_S }),
        )
        .await;
    let _warm_up = load_once(&browser, &p.path).await;
    let mut runs = Vec::new();
    for _ in 0..loads {
        runs.push(load_once(&browser, &p.path).await);
    }
    let transferred = browser
        .js(
            "return performance.getEntriesByType('resource')
                 .reduce((sum, r) => sum + (r.transferSize || 0), 0)
               + (performance.getEntriesByType('navigation')[0]?.transferSize || 0);",
            vec![],
        )
        .await;
    browser.close().await;
    on.store(false, Ordering::SeqCst);
    json!({
        "programme": p.name,
        "sessions": p.sessions,
        "first_paint_ms": median(&marks(&runs, "firstPaint")),
        "first_session_ms": median(&marks(&runs, "firstSession")),
        "interactive_ms": median(&marks(&runs, "interactive")),
        "transferred_bytes": transferred,
        "error": runs.last().map(|r| r["error"].clone()),
        "loads": runs,
    })
}

/// The table of the phone-network cases.
pub fn table(cases: &[Value]) -> String {
    let mut out = String::from(
        "| programme on the phone network (1.6 Mbit/s, 150 ms RTT, 4× CPU, 390×844, brotli) | first session visible ms | first cards painted ms | interactive (responds to input) ms | transferred KB (last load) |\n|---|---:|---:|---:|---:|\n",
    );
    for c in cases {
        out.push_str(&format!(
            "| {} ({} sessions) | {} | {} | {} | {} |\n",
            c["programme"].as_str().unwrap_or_default(),
            c["sessions"],
            crate::ms(&c["first_session_ms"]),
            crate::ms(&c["first_paint_ms"]),
            crate::ms(&c["interactive_ms"]),
            crate::kb(&c["transferred_bytes"]),
        ));
    }
    out
}
