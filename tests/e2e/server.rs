//! A tiny static HTTP/1.1 server for the end-to-end tests, bound to 127.0.0.1 on a free
//! port: one thread per connection, one response per connection (`Connection: close`).
//!
//! What it serves, checked in this order:
//! - routes registered with [`ServerBuilder::route`]: an exact path and a handler that
//!   builds the [`Response`]. This is where network faults go: a handler can return any
//!   status (500), sleep before answering (slow), or send a body shorter than the
//!   `Content-Length` header it sets itself (truncated);
//! - `/page/<variant>`: the bundle's `index.html` with the widget's mount element given
//!   `src`, so the same release build loads another programme file. A variant is one
//!   registered with [`ServerBuilder::variant`], else `<variant>.json` in `tests/fixtures/`
//!   (`/page/broken` loads `/fixtures/broken.json`);
//! - `/fixtures/<name>`: a file from `tests/fixtures/`;
//! - `/embed/<name>`: a host page (and its CSS and scripts) from `tests/embed/`; pages
//!   named `csp*.html` come with [`STRICT_CSP`];
//! - `/cdn/seminarplan/<name>`: a file of the bundle under another path, as an organiser
//!   might serve it;
//! - folders mounted with [`ServerBuilder::mount`] (an unpacked release archive): their
//!   files under a path prefix, `index.html` for the folder itself, every HTML page with
//!   [`STRICT_CSP`] (with [`ServerBuilder::without_bundle`], nothing of `dist/` is served);
//! - `/` (the bundle's `index.html`) and any other path: a file from the Trunk bundle in
//!   `dist/`.
//!
//! A path that names no such file (or climbs out with `..`, or names a hidden file) is a
//! 404; methods other than GET and HEAD are a 405 unless a route takes them (a form's POST,
//! whose body the handler gets). Every answer is logged
//! ([`RequestLog`]) so a failing wait can show which requests failed.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The widget element as written in `index.html`; variants add `src` right after it.
const MOUNT: &str = "<seminar-plan";

/// How long a connection may take to send its request head.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request head accepted.
const MAX_HEAD: usize = 16 * 1024;

/// The largest request body read (a registration form's POST is far smaller).
const MAX_BODY: usize = 64 * 1024;

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json; charset=utf-8";

/// The policy `/embed/csp*.html` pages are served with: the one README.md tells
/// organisers the widget needs, and nothing more.
pub const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/// The same policy for a page with a registration form, which must be allowed to send
/// it to its own site (`/embed/csp-form*.html`; README, "In a registration form").
pub const FORM_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'";

/// Host pages for the embedding tests (`tests/embed/`).
pub fn embed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("embed")
}

/// The Trunk bundle the tests drive.
pub fn dist_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist")
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// The `Content-Type` a file is served with, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html" | "htm") => HTML,
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => JSON,
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// One request, as far as the tests care.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    /// The path without the query string.
    pub path: String,
    /// The body (a form's POST), up to [`MAX_BODY`] bytes as its `Content-Length` says.
    pub body: Vec<u8>,
    /// The `Accept-Encoding` header, lower-cased; empty without one.
    #[allow(
        dead_code,
        reason = "read by the browser benchmark's encoder, which shares this file"
    )]
    pub accept_encoding: String,
}

/// Rewrites a response before it is sent (the browser benchmark compresses bodies as a
/// real server would, [`ServerBuilder::encoder`]).
pub type Encoder = Arc<dyn Fn(&Request, Response) -> Response + Send + Sync>;

/// One response. `Content-Length` is added unless `headers` already has one (a handler
/// that wants to cut the body short sets its own).
#[derive(Clone, Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status: 200,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body: body.into(),
        }
    }

    pub fn not_found(what: &str) -> Response {
        Response {
            status: 404,
            headers: vec![(
                "Content-Type".to_owned(),
                "text/plain; charset=utf-8".to_owned(),
            )],
            body: format!("404 not found: {what}\n").into_bytes(),
        }
    }

    fn method_not_allowed() -> Response {
        Response {
            status: 405,
            headers: vec![
                (
                    "Content-Type".to_owned(),
                    "text/plain; charset=utf-8".to_owned(),
                ),
                ("Allow".to_owned(), "GET, HEAD".to_owned()),
            ],
            body: b"405 method not allowed\n".to_vec(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

type Handler = Arc<dyn Fn(&Request) -> Response + Send + Sync>;

/// Every request answered so far, as `"GET /path → 404"`, shared with the browser
/// helpers so that a timed-out wait can say which files were missing.
#[derive(Clone, Default)]
pub struct RequestLog(Arc<Mutex<Vec<(String, u16)>>>);

impl RequestLog {
    fn push(&self, request: &Request, status: u16) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((format!("{} {}", request.method, request.path), status));
    }

    /// The requests that did not get a 2xx answer (the browser's favicon probe aside).
    pub fn failures(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .filter(|(request, status)| {
                !(200..300).contains(status) && !request.ends_with("/favicon.ico")
            })
            .map(|(request, status)| format!("{request} → {status}"))
            .collect()
    }
}

/// What the server serves; shared read-only by all connection threads.
struct Site {
    dist: PathBuf,
    fixtures: PathBuf,
    /// `dist/index.html`, read once.
    index: String,
    routes: HashMap<String, Handler>,
    /// Page variant name → the `src` it gets.
    variants: HashMap<String, String>,
    encoder: Option<Encoder>,
    log: RequestLog,
    /// Path prefix (`/a/b/`) → the folder served under it.
    mounts: Vec<(String, PathBuf)>,
    /// Whether the bundle in `dist/` is served (`/`, `/page/…`, `/cdn/…`, the rest).
    bundle: bool,
}

impl Site {
    fn respond(&self, request: &Request) -> Response {
        let path = request.path.as_str();
        // A registered route takes any method (a form's POST).
        if let Some(handler) = self.routes.get(path) {
            return handler(request);
        }
        if request.method != "GET" && request.method != "HEAD" {
            return Response::method_not_allowed();
        }
        if let Some(response) = self.mounted(path) {
            return response;
        }
        if let Some(name) = path.strip_prefix("/fixtures/") {
            return file(&self.fixtures, name);
        }
        let embed = path.starts_with("/embed/");
        if !self.bundle && !embed {
            return Response::not_found(&format!("{path} (the bundle in dist/ is not served)"));
        }
        if path == "/" || path == "/index.html" {
            return Response::ok(HTML, self.index.clone());
        }
        if let Some(variant) = path.strip_prefix("/page/") {
            return self.page(variant);
        }
        if let Some(name) = path.strip_prefix("/embed/") {
            let mut response = file(&embed_dir(), name);
            if name.starts_with("csp") && name.ends_with(".html") {
                let policy = if name.starts_with("csp-form") {
                    FORM_CSP
                } else {
                    STRICT_CSP
                };
                response
                    .headers
                    .push(("Content-Security-Policy".to_owned(), policy.to_owned()));
            }
            if name.starts_with("site-") {
                // `no-store` (the default here) keeps a page out of the back/forward
                // cache; the two pages of the conference site must be able to go there.
                response
                    .headers
                    .push(("Cache-Control".to_owned(), "no-cache".to_owned()));
            }
            return response;
        }
        if let Some(name) = path.strip_prefix("/cdn/seminarplan/") {
            return file(&self.dist, name);
        }
        file(&self.dist, path.trim_start_matches('/'))
    }

    /// A file of a mounted folder, HTML pages with [`STRICT_CSP`]; `None` outside them.
    fn mounted(&self, path: &str) -> Option<Response> {
        let (prefix, dir) = self
            .mounts
            .iter()
            .find(|(p, _)| path.starts_with(p.as_str()))?;
        let rest = &path[prefix.len()..];
        let rest = if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest.to_owned()
        };
        let mut response = file(dir, &rest);
        if response.status == 200 && rest.ends_with(".html") {
            response
                .headers
                .push(("Content-Security-Policy".to_owned(), STRICT_CSP.to_owned()));
        }
        Some(response)
    }

    /// `index.html` with the mount element pointed at the variant's programme file.
    fn page(&self, variant: &str) -> Response {
        let src = match self.variants.get(variant) {
            Some(src) => src.clone(),
            None if safe_name(variant)
                && self.fixtures.join(format!("{variant}.json")).is_file() =>
            {
                format!("/fixtures/{variant}.json")
            }
            None => return Response::not_found(&format!("page variant {variant:?}")),
        };
        let mount = format!(r#"{MOUNT} src="{}""#, attr_escape(&src));
        Response::ok(HTML, self.index.replacen(MOUNT, &mount, 1))
    }
}

/// A single path segment with nothing that could climb out of its folder.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn attr_escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A file below `root`, or a 404.
fn file(root: &Path, relative: &str) -> Response {
    let relative = Path::new(relative);
    // Plain names only: no `..`, no absolute paths, no hidden files such as `.trunk-lock`.
    let plain = relative.components().all(|c| match c {
        Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if !plain || relative.as_os_str().is_empty() {
        return Response::not_found(&relative.display().to_string());
    }
    let path = root.join(relative);
    match std::fs::read(&path) {
        Ok(body) if path.is_file() => Response::ok(content_type(&path), body),
        _ => Response::not_found(&relative.display().to_string()),
    }
}

/// Builds a [`Server`]: the default site plus extra routes and page variants.
pub struct ServerBuilder {
    routes: HashMap<String, Handler>,
    variants: HashMap<String, String>,
    encoder: Option<Encoder>,
    mounts: Vec<(String, PathBuf)>,
    bundle: bool,
}

impl ServerBuilder {
    /// Serves `path` (exact, without query string) from `handler`, ahead of everything else.
    pub fn route(
        mut self,
        path: &str,
        handler: impl Fn(&Request) -> Response + Send + Sync + 'static,
    ) -> ServerBuilder {
        self.routes.insert(path.to_owned(), Arc::new(handler));
        self
    }

    /// Serves the files of `dir` under `prefix` (which starts and ends with `/`), as a
    /// plain static server would: `index.html` for a folder, HTML with [`STRICT_CSP`].
    pub fn mount(mut self, prefix: &str, dir: &Path) -> ServerBuilder {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'), "{prefix}");
        self.mounts.push((prefix.to_owned(), dir.to_owned()));
        self
    }

    /// Serves nothing of the bundle in `dist/`: only routes, mounted folders, fixtures and
    /// host pages, so a page that asks for a file of the work tree's build gets a 404.
    pub fn without_bundle(mut self) -> ServerBuilder {
        self.bundle = false;
        self
    }

    /// `/page/<name>` mounts the widget with `src="<src>"`.
    pub fn variant(mut self, name: &str, src: &str) -> ServerBuilder {
        self.variants.insert(name.to_owned(), src.to_owned());
        self
    }

    /// Passes every response through `encoder` before it is sent.
    #[allow(
        dead_code,
        reason = "used by the browser benchmark, which shares this file"
    )]
    pub fn encoder(
        mut self,
        encoder: impl Fn(&Request, Response) -> Response + Send + Sync + 'static,
    ) -> ServerBuilder {
        self.encoder = Some(Arc::new(encoder));
        self
    }

    /// Starts serving. Panics with instructions when the release bundle is missing.
    pub fn start(self) -> Server {
        let dist = dist_dir();
        let index_path = dist.join("index.html");
        let index = std::fs::read_to_string(&index_path).unwrap_or_else(|e| {
            panic!(
                "cannot read {} ({e}): the end-to-end tests drive the release bundle; \
                 run `trunk build --release` first",
                index_path.display()
            )
        });
        assert!(
            index.contains(MOUNT),
            "{} has no `{MOUNT}` mount element to point page variants at; \
             run `trunk build --release` again, or update MOUNT in tests/e2e/server.rs",
            index_path.display()
        );
        let site = Arc::new(Site {
            dist,
            fixtures: fixtures_dir(),
            index,
            routes: self.routes,
            variants: self.variants,
            encoder: self.encoder,
            log: RequestLog::default(),
            mounts: self.mounts,
            bundle: self.bundle,
        });
        let log = site.log.clone();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the test server to 127.0.0.1");
        let addr = listener.local_addr().expect("the test server's address");
        let stop = Arc::new(AtomicBool::new(false));
        let accept = {
            let stop = Arc::clone(&stop);
            thread::Builder::new()
                .name("e2e-http".to_owned())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let site = Arc::clone(&site);
                        // A connection that fails only affects the request it carried.
                        let _ = thread::Builder::new()
                            .name("e2e-http-conn".to_owned())
                            .spawn(move || serve(&site, stream));
                    }
                })
                .expect("start the test server thread")
        };
        Server {
            addr,
            stop,
            accept: Some(accept),
            log,
        }
    }
}

/// Answers one request on `stream`, then closes it.
fn serve(site: &Site, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let Some((head, rest)) = read_head(&mut stream) else {
        return;
    };
    let mut parts = head.lines().next().unwrap_or("").split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        let bad = Response {
            status: 400,
            headers: Vec::new(),
            body: Vec::new(),
        };
        let _ = write_response(&mut stream, &bad, true);
        return;
    };
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let accept_encoding = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("accept-encoding"))
        .map(|(_, value)| value.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let request = Request {
        method: method.to_owned(),
        path: path.to_owned(),
        body: read_body(&mut stream, &head, rest),
        accept_encoding,
    };
    let mut response = site.respond(&request);
    if let Some(encoder) = &site.encoder {
        response = encoder(&request, response);
    }
    site.log.push(&request, response.status);
    let _ = write_response(&mut stream, &response, request.method != "HEAD");
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
}

/// The request line and headers, up to the blank line, and what was read past it; `None`
/// if the client went away.
fn read_head(stream: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    loop {
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = head.split_off(end + 4);
            return Some((String::from_utf8_lossy(&head).into_owned(), rest));
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 || head.len() + n > MAX_HEAD {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
}

/// The body its `Content-Length` announces (at most [`MAX_BODY`]), starting with `rest`.
fn read_body(stream: &mut TcpStream, head: &str, mut body: Vec<u8>) -> Vec<u8> {
    let length = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(MAX_BODY);
    let mut buf = [0u8; 2048];
    while body.len() < length {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    body.truncate(length);
    body
}

fn write_response(stream: &mut TcpStream, response: &Response, body: bool) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    let has = |name: &str| {
        response
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    };
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !has("Content-Length") {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    if !has("Cache-Control") {
        head.push_str("Cache-Control: no-store\r\n");
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if body {
        stream.write_all(&response.body)?;
    }
    Ok(())
}

/// The running server; stops when dropped.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    log: RequestLog,
}

impl Server {
    pub fn builder() -> ServerBuilder {
        ServerBuilder {
            routes: HashMap::new(),
            variants: HashMap::new(),
            encoder: None,
            mounts: Vec::new(),
            bundle: true,
        }
    }

    /// The default site: the bundle, the fixtures and the fixture page variants.
    pub fn start() -> Server {
        Server::builder().start()
    }

    /// What the server has answered so far.
    pub fn log(&self) -> RequestLog {
        self.log.clone()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

/// What a plain HTTP GET returned.
#[derive(Debug)]
pub struct Fetched {
    pub status: u16,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Fetched {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A minimal HTTP/1.1 GET: reads `Content-Length` bytes of body, or up to the close
/// (enough for this server and for chromedriver's `/status`).
pub fn http_get(addr: SocketAddr, path: &str, timeout: Duration) -> std::io::Result<Fetched> {
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let mut parsed: Option<Head> = None;
    loop {
        if let Some((split, _, headers)) = &parsed {
            let length = headers
                .iter()
                .find(|(n, _)| n == "content-length")
                .and_then(|(_, v)| v.parse::<usize>().ok());
            if length.is_some_and(|len| raw.len() >= split + 4 + len) {
                break;
            }
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if parsed.is_none() {
            parsed = parse_head(&raw)?;
        }
    }
    let (split, status, headers) = match parsed {
        Some(p) => p,
        None => parse_head(&raw)?
            .ok_or_else(|| std::io::Error::other("the response ended inside its head"))?,
    };
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    let mut body = raw[split + 4..].to_vec();
    if let Some(len) = length {
        body.truncate(len);
    }
    Ok(Fetched {
        status,
        headers,
        body,
    })
}

type Head = (usize, u16, Vec<(String, String)>);

/// The status and headers once the head is complete: (offset of the blank line, status,
/// lower-cased headers).
fn parse_head(raw: &[u8]) -> std::io::Result<Option<Head>> {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line in {head:?}")))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok(Some((split, status, headers)))
}

// ---------------------------------------------------------------------------------------
// Faults and custom pages for `tests/e2e/faults.rs` (an additive block: nothing above
// depends on it).
// ---------------------------------------------------------------------------------------

/// How a fault route answers; the test can change it while the browser is on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// The file as it is, with its own content type.
    Ok,
    /// This HTTP status and a short text body (404, 500, …).
    Status(u16),
    /// The file, after this delay.
    Slow(Duration),
    /// No answer at all, until the fault changes (or [`HANG_LIMIT`] passes).
    Hang,
    /// A `Content-Length` for the whole file, then only its first half and the close.
    Truncated,
    /// The file labelled `text/html`.
    WrongType,
    /// A site's front page instead of the file (what many sites answer for any path).
    WebPage,
}

/// The longest a [`Fault::Hang`] keeps its connection open.
pub const HANG_LIMIT: Duration = Duration::from_secs(60);

/// The current [`Fault`] of a fault route, shared between the test and the server.
#[derive(Clone)]
pub struct FaultSwitch(Arc<Mutex<Fault>>);

impl FaultSwitch {
    pub fn new(fault: Fault) -> FaultSwitch {
        FaultSwitch(Arc::new(Mutex::new(fault)))
    }

    pub fn set(&self, fault: Fault) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = fault;
    }

    pub fn get(&self) -> Fault {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// The answer a fault route gives for `body` under `fault` (sleeping first if it says so).
fn faulted(switch: &FaultSwitch, content_type: &str, body: &[u8]) -> Response {
    match switch.get() {
        Fault::Ok => Response::ok(content_type, body),
        Fault::Status(status) => Response {
            status,
            headers: vec![(
                "Content-Type".to_owned(),
                "text/plain; charset=utf-8".to_owned(),
            )],
            body: format!("{status} {}\n", reason(status)).into_bytes(),
        },
        Fault::Slow(delay) => {
            thread::sleep(delay);
            Response::ok(content_type, body)
        }
        Fault::Hang => {
            let start = std::time::Instant::now();
            while switch.get() == Fault::Hang && start.elapsed() < HANG_LIMIT {
                thread::sleep(Duration::from_millis(50));
            }
            Response::ok(content_type, body)
        }
        Fault::Truncated => Response {
            status: 200,
            headers: vec![
                ("Content-Type".to_owned(), content_type.to_owned()),
                ("Content-Length".to_owned(), body.len().to_string()),
            ],
            body: body[..body.len() / 2].to_vec(),
        },
        Fault::WrongType => Response::ok(HTML, body),
        Fault::WebPage => Response::ok(
            HTML,
            "<!doctype html><html><head><title>Welcome</title></head><body><h1>Our conference</h1></body></html>",
        ),
    }
}

/// Everything the server has answered, in order, as (`"GET /path"`, status).
impl RequestLog {
    pub fn all(&self) -> Vec<(String, u16)> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl ServerBuilder {
    /// Serves `body` at `path` as `content_type`, faulted as `switch` says at each request.
    pub fn fault_route(
        self,
        path: &str,
        content_type: &str,
        body: impl Into<Vec<u8>>,
        switch: &FaultSwitch,
    ) -> ServerBuilder {
        let body: Vec<u8> = body.into();
        let content_type = content_type.to_owned();
        let switch = switch.clone();
        self.route(path, move |_| faulted(&switch, &content_type, &body))
    }

    /// Serves at `path` the bundle's `index.html` with the widget's element given `attrs`
    /// (say `data-src`, `data-timeout`), and each of `scripts` (same-origin URLs) loaded
    /// in `<head>` before the widget. The page is built at each request, from the
    /// `dist/index.html` of that moment.
    pub fn custom_page(
        self,
        path: &str,
        attrs: &[(&str, &str)],
        scripts: &[&str],
    ) -> ServerBuilder {
        let mount: String = attrs.iter().fold(MOUNT.to_owned(), |m, (name, value)| {
            format!(r#"{m} {name}="{}""#, attr_escape(value))
        });
        let tags: String = scripts
            .iter()
            .map(|src| format!(r#"<script src="{}"></script>"#, attr_escape(src)))
            .collect();
        self.route(path, move |_| {
            match std::fs::read_to_string(dist_dir().join("index.html")) {
                Ok(index) => Response::ok(
                    HTML,
                    index.replacen(MOUNT, &mount, 1).replacen(
                        "</head>",
                        &format!("{tags}</head>"),
                        1,
                    ),
                ),
                Err(e) => Response::not_found(&format!("dist/index.html ({e})")),
            }
        })
    }
}
