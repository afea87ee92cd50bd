//! Issue 17's phone network: the widget loaded as a visitor on congested conference Wi-Fi
//! loads it. DevTools emulates the network (`Network.emulateNetworkConditions`: 1.6 Mbit/s
//! down, 150 ms round trip), the CPU is throttled 4×, the viewport is a 390×844 phone, and
//! the server sends every file brotli-compressed (quality 11, as a server with
//! precompressed files does) when the browser accepts it, else gzip. Measured: the first
//! sessions painted, median of the loads after one warm-up load (which also fills the
//! compression cache, so compressing is never timed), and the bytes transferred.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Value, json};

use crate::server::{Request, Response, Server, ServerBuilder};
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
/// `100,1000` generated sessions), served like the others when they are not already.
pub fn programmes(
    mut builder: ServerBuilder,
    served: &[Programme],
) -> (ServerBuilder, Vec<Programme>) {
    let mut programmes = Vec::new();
    for n in env_list("SEMINARPLAN_BENCH_PHONE", "100,1000") {
        let n: usize = n
            .parse()
            .unwrap_or_else(|_| panic!("bad phone programme size {n:?}"));
        match served.iter().find(|p| p.name == format!("generated-{n}")) {
            Some(p) => programmes.push(p.clone()),
            None => {
                let programme;
                (builder, programme) = serve_generated(builder, n);
                programmes.push(programme);
            }
        }
    }
    (builder, programmes)
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
        eprintln!("  first paint {} ms", crate::ms(&case["first_paint_ms"]));
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
        "interactive_ms": median(&marks(&runs, "interactive")),
        "transferred_bytes": transferred,
        "error": runs.last().map(|r| r["error"].clone()),
        "loads": runs,
    })
}

/// The table of the phone-network cases.
pub fn table(cases: &[Value]) -> String {
    let mut out = String::from(
        "| programme on the phone network (1.6 Mbit/s, 150 ms RTT, 4× CPU, 390×844, brotli) | first sessions painted ms | responds to input ms | transferred KB (last load) |\n|---|---:|---:|---:|\n",
    );
    for c in cases {
        out.push_str(&format!(
            "| {} ({} sessions) | {} | {} | {} |\n",
            c["programme"].as_str().unwrap_or_default(),
            c["sessions"],
            crate::ms(&c["first_paint_ms"]),
            crate::ms(&c["interactive_ms"]),
            crate::kb(&c["transferred_bytes"]),
        ));
    }
    out
}
