//! Headless Chromium over WebDriver for the end-to-end tests, and for the core journeys
//! (`tests/e2e/engines.rs`) Firefox ESR and WebKitGTK too.
//!
//! [`Chromedriver`] runs a WebDriver server as a child process on a free port: `chromedriver`,
//! or for another [`Engine`] `geckodriver` or `WebKitWebDriver` (under `xvfb-run`, since
//! WebKitGTK's browser needs a display). It runs in its own process group so that dropping
//! it also ends any browser it started (even when a test panics before closing its browser). [`Browser`] is one fresh browser session with its
//! own profile directory, plus the helpers the tests use: navigation, a viewport of an
//! exact size, polling waits with a deadline, clicks, reads and screenshots.

use std::fs::{self, File};
use std::net::{SocketAddr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

use crate::server::{RequestLog, Server, http_get};

/// How long any wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);
/// How often a wait looks again.
const STEP: Duration = Duration::from_millis(50);
/// How long chromedriver may take to answer `/status`.
const DRIVER_START: Duration = Duration::from_secs(20);

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's Firefox ESR, and geckodriver from crates.io (in `~/.cargo/bin`).
const FIREFOX: &str = "/usr/bin/firefox-esr";
/// Debian's WebKitGTK driver, the browser it drives, and the X server it runs in.
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const XVFB_RUN: &str = "/usr/bin/xvfb-run";
/// Lets Firefox's window be as narrow as a phone (its toolbars ask for 500 px otherwise).
const FIREFOX_NARROW_CHROME: &str = ":root, #main-window, #navigator-toolbox, #nav-bar, \
     #TabsToolbar, #browser, #tabbrowser-tabbox { min-width: 0 !important; }\n";
/// Lets MiniBrowser's window be as narrow as a phone (a GTK style sheet for its toolbar; the
/// page itself is drawn by WebKit, not GTK).
const MINIBROWSER_NARROW_CHROME: &str =
    "* { min-width: 0; min-height: 0; padding: 0; margin: 0; }\n";
const INSTALL_ENGINES: &str = "install it with `scripts/setup.sh --browser`";

/// A browser engine the tests can drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium, headless (every test).
    Chromium,
    /// Debian's Firefox ESR, headless, through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser (Safari's engine) in Xvfb, through WebKitWebDriver.
    WebKit,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromedriver",
            Engine::Firefox => "geckodriver",
            Engine::WebKit => "webkitdriver",
        }
    }

    /// The driver's command line, listening on `port` (on 127.0.0.1), logging to `log`,
    /// with `scratch` a temporary folder of its own.
    fn command(self, port: u16, log: &Path, scratch: &Path) -> Command {
        match self {
            Engine::Chromium => {
                let mut command = Command::new(program(
                    "CHROMEDRIVER",
                    CHROMEDRIVER,
                    "install it with `apt-get install chromium chromium-driver` or `scripts/setup.sh --browser`",
                ));
                command
                    .arg(format!("--port={port}"))
                    .arg(format!("--log-path={}", log.display()));
                command
            }
            Engine::Firefox => {
                let home = std::env::var("HOME").unwrap_or_default();
                let gecko = format!("{home}/.cargo/bin/geckodriver");
                let mut command = Command::new(program("GECKODRIVER", &gecko, INSTALL_ENGINES));
                command.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                command
            }
            Engine::WebKit => {
                let driver = program("WEBKIT_DRIVER", WEBKIT_DRIVER, INSTALL_ENGINES);
                // MiniBrowser's toolbar asks for 447 px; without its padding and minimum
                // sizes the window can be as narrow as a phone.
                let gtk = scratch.join("config").join("gtk-3.0");
                fs::create_dir_all(&gtk).expect("create a GTK configuration folder");
                fs::write(gtk.join("gtk.css"), MINIBROWSER_NARROW_CHROME)
                    .expect("write the GTK style sheet");
                let mut command = Command::new(program("XVFB_RUN", XVFB_RUN, INSTALL_ENGINES));
                command
                    .env("XDG_CONFIG_HOME", scratch.join("config"))
                    .args(["-a", "-s", "-screen 0 1600x1200x24"])
                    .arg(driver)
                    .arg(format!("--port={port}"));
                command
            }
        }
    }

    /// The capabilities of a new session: this engine's browser, a fresh profile
    /// (`profile`, for engines that take one), a `width`×`height` window, and for Chromium
    /// and Firefox downloads saved into `downloads` without asking.
    fn capabilities(
        self,
        profile: &Path,
        (width, height): (u32, u32),
        downloads: Option<&Path>,
    ) -> Value {
        match self {
            Engine::Chromium => {
                let chromium = program(
                    "CHROMIUM",
                    CHROMIUM,
                    "install it with `apt-get install chromium chromium-driver` or `scripts/setup.sh --browser`",
                );
                let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|&a| a.to_owned()).collect();
                args.push(format!("--user-data-dir={}", profile.display()));
                args.push(format!("--window-size={width},{height}"));
                let mut capabilities = json!({
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "goog:chromeOptions": {
                        "binary": chromium.display().to_string(),
                        "args": args,
                    },
                });
                if let Some(downloads) = downloads {
                    capabilities["goog:chromeOptions"]["prefs"] = json!({
                        "download.default_directory": downloads.display().to_string(),
                        "download.prompt_for_download": false,
                        "download.directory_upgrade": true,
                    });
                }
                capabilities
            }
            // A fresh profile whose browser chrome may be narrower than Firefox's usual
            // 500 px minimum, so the viewport can be a phone's (as in Responsive Design
            // Mode); geckodriver adds the preferences below to it.
            Engine::Firefox => {
                let firefox = program("FIREFOX", FIREFOX, INSTALL_ENGINES);
                let chrome = profile.join("chrome");
                fs::create_dir_all(&chrome).expect("create the Firefox profile's chrome folder");
                fs::write(chrome.join("userChrome.css"), FIREFOX_NARROW_CHROME)
                    .expect("write the Firefox profile's userChrome.css");
                let mut prefs = json!({
                    "toolkit.legacyUserProfileCustomizations.stylesheets": true,
                    "browser.shell.checkDefaultBrowser": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "network.captive-portal-service.enabled": false,
                });
                if let Some(downloads) = downloads {
                    prefs["browser.download.folderList"] = json!(2);
                    prefs["browser.download.dir"] = json!(downloads.display().to_string());
                    prefs["browser.download.useDownloadDir"] = json!(true);
                }
                json!({
                    "browserName": "firefox",
                    "pageLoadStrategy": "normal",
                    "moz:firefoxOptions": {
                        "binary": firefox.display().to_string(),
                        "args": [
                            "-headless",
                            "-profile",
                            profile.display().to_string(),
                            format!("-width={width}"),
                            format!("-height={height}"),
                        ],
                        "prefs": prefs,
                    },
                })
            }
            // An automation session of WebKitGTK is ephemeral: a fresh profile each time.
            Engine::WebKit => json!({
                "pageLoadStrategy": "normal",
                "webkitgtk:browserOptions": {
                    "binary": program("MINIBROWSER", MINIBROWSER, INSTALL_ENGINES).display().to_string(),
                    "args": ["--automation"],
                },
            }),
        }
    }
}

/// The flags every browser session starts with (the profile directory is added per session).
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target")
}

/// Where screenshots go: `target/e2e-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    target_dir().join("e2e-screenshots")
}

/// A path from the environment variable `var`, else `default`; it must exist.
fn program(var: &str, default: &str, install: &str) -> PathBuf {
    let path = std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from);
    assert!(
        path.is_file(),
        "{} not found (set {var} to override): {install}",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("find a free port on 127.0.0.1")
        .port()
}

/// A directory name no other test run uses.
fn unique(prefix: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    format!("{prefix}-{}-{nanos}-{n}", std::process::id())
}

/// A running WebDriver server (chromedriver unless started for another [`Engine`]);
/// killed (with its browsers) when dropped.
pub struct Chromedriver {
    child: Child,
    engine: Engine,
    addr: SocketAddr,
    /// Holds one profile directory per browser session; removed on drop.
    profiles: PathBuf,
    log: PathBuf,
}

impl Chromedriver {
    /// Starts chromedriver and waits until it is ready. `name` names its log file,
    /// `target/e2e-logs/<name>-chromedriver.log`.
    pub fn start(name: &str) -> Chromedriver {
        Chromedriver::start_engine(name, Engine::Chromium)
    }

    /// Starts the WebDriver server of `engine` and waits until it is ready. `name` names
    /// its log file, `target/e2e-logs/<name>-<driver>.log`.
    pub fn start_engine(name: &str, engine: Engine) -> Chromedriver {
        let logs = target_dir().join("e2e-logs");
        fs::create_dir_all(&logs).expect("create target/e2e-logs");
        let log = logs.join(format!("{name}-{}.log", engine.name()));
        let profiles = std::env::temp_dir().join(unique("seminarplan-e2e"));
        fs::create_dir_all(&profiles).expect("create a temporary directory for browser profiles");
        let port = free_port();
        let file = |suffix: &str| {
            File::create(logs.join(format!("{name}-{}.{suffix}", engine.name())))
                .map_or_else(|_| Stdio::null(), Stdio::from)
        };
        let mut command = engine.command(port, &log, &profiles);
        // chromedriver writes its own log file; the others log to their output.
        let stdout = if engine == Engine::Chromium {
            Stdio::null()
        } else {
            file("log")
        };
        let child = command
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(file("stderr"))
            // Its own process group, so drop can end the browser processes it starts too.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the {} driver: {e}", engine.name()));
        let mut driver = Chromedriver {
            child,
            engine,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            profiles,
            log,
        };
        driver.wait_ready();
        driver
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + DRIVER_START;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "{} exited during start-up ({status}); see {}",
                    self.engine.name(),
                    self.log.display()
                );
            }
            let ready = |text: &str| {
                serde_json::from_str::<Value>(text).is_ok_and(|v| v["value"]["ready"] == true)
            };
            let last = match http_get(self.addr, "/status", Duration::from_secs(2)) {
                Ok(r) if r.status == 200 && ready(&r.text()) => return,
                Ok(r) => format!("HTTP {}: {}", r.status, r.text()),
                Err(e) => e.to_string(),
            };
            assert!(
                Instant::now() < deadline,
                "{} on {} not ready after {DRIVER_START:?} ({last}); see {}",
                self.engine.name(),
                self.addr,
                self.log.display()
            );
            std::thread::sleep(STEP);
        }
    }

    /// A fresh browser session (new empty profile) showing a `width`×`height` viewport,
    /// with URLs relative to `server`.
    pub async fn open(&self, server: &Server, size: (u32, u32)) -> Browser {
        self.open_with(server, size, None).await
    }

    /// Like [`Chromedriver::open`], but files the page downloads are saved into
    /// `downloads` without asking (chromedriver passes the directory on to headless
    /// Chromium too).
    pub async fn open_downloading(
        &self,
        server: &Server,
        size: (u32, u32),
        downloads: &Path,
    ) -> Browser {
        self.open_as(server, size, Some(downloads), None).await
    }

    /// A fresh Chromium session with preferences `prefs` (say, JavaScript off).
    pub async fn open_with(
        &self,
        server: &Server,
        size: (u32, u32),
        prefs: Option<Value>,
    ) -> Browser {
        self.open_as(server, size, None, prefs).await
    }

    /// A fresh browser session: downloads to `downloads`, and Chromium's `prefs` on top.
    async fn open_as(
        &self,
        server: &Server,
        (width, height): (u32, u32),
        downloads: Option<&Path>,
        prefs: Option<Value>,
    ) -> Browser {
        let profile = self.profiles.join(unique("profile"));
        fs::create_dir_all(&profile).expect("create a browser profile directory");
        let mut capabilities = self
            .engine
            .capabilities(&profile, (width, height), downloads);
        if let Some(Value::Object(prefs)) = prefs {
            let options = &mut capabilities["goog:chromeOptions"]["prefs"];
            if !options.is_object() {
                *options = json!({});
            }
            for (key, value) in prefs {
                options[key] = value;
            }
        }
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::rustls()
            .expect("set up the WebDriver HTTP client")
            .capabilities(capabilities)
            .connect(&format!("http://{}", self.addr))
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start a {:?} session: {e}; see {}",
                    self.engine,
                    self.log.display()
                )
            });
        let browser = Browser {
            client,
            base: server.url(""),
            requests: server.log(),
        };
        browser.set_viewport(width, height).await;
        browser
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        // The whole process group this driver leads: chromedriver and the browsers it
        // started. Browsers a test closed properly are gone already.
        let group = format!("-{}", self.child.id());
        let signal = |name: &str| {
            let _ = Command::new("kill")
                .args([name, "--", &group])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        };
        if self.engine == Engine::WebKit {
            // Xvfb removes its display's lock file only when it is asked to end.
            signal("-TERM");
            let deadline = Instant::now() + DRIVER_START;
            while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(STEP);
            }
        }
        signal("-KILL");
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.profiles);
    }
}

/// Functions every script run through [`Browser::js`] and [`Browser::wait_until`] can use,
/// so tests find the widget's elements inside its shadow root as easily as in the page:
/// - `$qa(sel)`: every element matching `sel` in the page and in the open shadow root of
///   every `<seminar-plan>`, page first; `'host >>> inner'` looks for `inner` only in the
///   shadow roots of the elements matching `host` (in a list, `a >>> b, c >>> d`, each
///   part is looked up on its own);
/// - `$q(sel)`: the first of them, or `null`;
/// - `$active()`: the focused element, looking through shadow roots.
const PRELUDE: &str = "const $qa = (sel) => {
         if (sel.includes('>>>') && sel.includes(',')) {
             return sel.split(',').flatMap(part => $qa(part.trim()));
         }
         const parts = sel.split('>>>');
         if (parts.length === 2) {
             return Array.from(document.querySelectorAll(parts[0].trim())).flatMap(h =>
                 h.shadowRoot ? Array.from(h.shadowRoot.querySelectorAll(parts[1].trim())) : []);
         }
         const found = Array.from(document.querySelectorAll(sel));
         for (const h of document.querySelectorAll('seminar-plan')) {
             if (h.shadowRoot) found.push(...h.shadowRoot.querySelectorAll(sel));
         }
         return found;
     };
     const $q = (sel) => $qa(sel)[0] ?? null;
     const $active = () => {
         let el = document.activeElement;
         while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
         return el;
     };
";

/// `script` with [`PRELUDE`] before it.
fn with_prelude(script: &str) -> String {
    format!("{PRELUDE}{script}")
}

/// The script behind [`Browser::wait_visible`]: `true` when the first element matching
/// `arguments[0]` can be seen.
const VISIBLE: &str = "const el = $q(arguments[0]);
     if (el === null || !el.isConnected) return false;
     for (let e = el; e !== null; e = e.parentElement ?? e.getRootNode().host ?? null) {
         const style = getComputedStyle(e);
         if (e.hidden || style.display === 'none' || style.visibility === 'hidden'
             || Number(style.opacity) === 0) return false;
         if (e.localName === 'dialog' && !e.open) return false;
     }
     const r = el.getBoundingClientRect();
     return r.width > 0 && r.height > 0;";

/// Whether a wait's script result means "ready": anything but `null` and `false`.
fn ready(value: &Value) -> bool {
    !matches!(value, Value::Null | Value::Bool(false))
}

/// A Chrome DevTools Protocol command, sent through chromedriver's
/// `POST /session/{id}/goog/cdp/execute` (see [`Browser::cdp`]).
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// One browser session.
pub struct Browser {
    pub client: Client,
    /// The server's origin, e.g. `http://127.0.0.1:40123`.
    base: String,
    requests: RequestLog,
}

impl Browser {
    /// Navigates to `path` on the test server and waits for the page's load event.
    pub async fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Navigates to an absolute `url` (say, a link the widget made) and waits for the
    /// page's load event.
    pub async fn goto_url(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// The server's origin, e.g. `http://127.0.0.1:40123`.
    pub fn origin(&self) -> &str {
        &self.base
    }

    /// The address of the page shown now.
    pub async fn url(&self) -> String {
        self.js("return location.href;", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The tab (window) the session drives now.
    pub async fn tab(&self) -> WindowHandle {
        self.client
            .window()
            .await
            .expect("read the current window handle")
    }

    /// Opens a new tab in the same browser (same profile, so the same localStorage) and
    /// switches to it; it shows `about:blank` until told otherwise.
    pub async fn open_tab(&self) -> WindowHandle {
        let tab = self
            .client
            .new_window(true)
            .await
            .expect("open a new tab")
            .handle;
        self.switch_to(&tab).await;
        tab
    }

    /// Makes `tab` the one the session drives (and the browser shows).
    pub async fn switch_to(&self, tab: &WindowHandle) {
        self.client
            .switch_to_window(tab.clone())
            .await
            .unwrap_or_else(|e| panic!("cannot switch to tab {tab:?}: {e}"));
    }

    /// The browser's Back button.
    pub async fn back(&self) {
        self.client.back().await.expect("go back");
    }

    /// The browser's Forward button.
    pub async fn forward(&self) {
        self.client.forward().await.expect("go forward");
    }

    /// Reloads the page and waits for the new document's load event.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload the page");
    }

    /// Runs `script` (a function body; `arguments[i]` are `args`) and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(&with_prelude(script), args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Sends a DevTools protocol command (say `Emulation.setCPUThrottlingRate`) and returns
    /// its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_owned(),
                params: params.clone(),
            })
            .await
            .unwrap_or_else(|e| panic!("DevTools command {cmd} {params} failed: {e}"))
    }

    /// The viewport's size in CSS pixels (`innerWidth`, `innerHeight`).
    pub async fn viewport(&self) -> (u64, u64) {
        let v = self
            .js("return [window.innerWidth, window.innerHeight];", vec![])
            .await;
        let dim = |i: usize| v.get(i).and_then(Value::as_u64).unwrap_or(0);
        (dim(0), dim(1))
    }

    /// Sizes the window so the viewport is exactly `width`×`height`: headless Chromium
    /// has no browser UI, but the window and viewport sizes are compared and corrected in
    /// case a version differs.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("set the window size");
        let (w, h) = self.viewport().await;
        if (w, h) != (u64::from(width), u64::from(height)) {
            let (ow, oh) = self
                .client
                .get_window_size()
                .await
                .expect("read the window size");
            let fix = |outer: u64, inner: u64, want: u32| {
                let extra = outer.saturating_sub(inner);
                u32::try_from(u64::from(want) + extra).unwrap_or(want)
            };
            self.client
                .set_window_size(fix(ow, w, width), fix(oh, h, height))
                .await
                .expect("correct the window size");
        }
        self.wait_until(
            &format!("a {width}×{height} viewport"),
            "return window.innerWidth === arguments[0] && window.innerHeight === arguments[1];",
            vec![json!(width), json!(height)],
        )
        .await;
    }

    /// Polls `script` every 50 ms until it returns something other than `null`/`false`,
    /// and returns that. Fails after [`WAIT`], showing `what` and the widget's markup.
    /// Script errors (say, during a navigation) count as "not yet".
    pub async fn wait_until(&self, what: &str, script: &str, args: Vec<Value>) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let last = match self
                .client
                .execute(&with_prelude(script), args.clone())
                .await
            {
                Ok(v) if ready(&v) => return v,
                Ok(v) => v.to_string(),
                Err(e) => format!("script error: {e}"),
            };
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {WAIT:?} waiting for {what} (last result: {last})\n{}",
                    self.describe().await
                );
            }
            tokio::time::sleep(STEP).await;
        }
    }

    /// Waits until an element matches `css`.
    pub async fn wait_for(&self, css: &str) {
        self.wait_until(
            &format!("an element matching `{css}`"),
            "return $q(arguments[0]) !== null;",
            vec![json!(css)],
        )
        .await;
    }

    /// Waits until the first element matching `css` has `attr` = `value`.
    pub async fn wait_for_attr(&self, css: &str, attr: &str, value: &str) {
        self.wait_until(
            &format!("`{css}` to have {attr}=\"{value}\""),
            "const el = $q(arguments[0]);
             return el !== null && el.getAttribute(arguments[1]) === arguments[2];",
            vec![json!(css), json!(attr), json!(value)],
        )
        .await;
    }

    /// The current URL, the widget's markup and the server's failed requests, for
    /// failure messages.
    pub async fn describe(&self) -> String {
        let script = "const host = document.querySelector('seminar-plan');
                      const html = host && host.shadowRoot ? host.shadowRoot.innerHTML
                          : (document.getElementById('seminarplan') || document.documentElement).outerHTML;
                      return location.href + '\\n' + html.slice(0, 4000);";
        let page = match self.client.execute(script, vec![]).await {
            Ok(Value::String(s)) => format!("page: {s}"),
            Ok(v) => format!("page: {v}"),
            Err(e) => format!("page unavailable: {e}"),
        };
        let failures = self.requests.failures();
        if failures.is_empty() {
            page
        } else {
            format!(
                "{page}\nfailed requests (is dist/ stale or being rebuilt?): {}",
                failures.join(", ")
            )
        }
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> usize {
        let v = self
            .js("return $qa(arguments[0]).length;", vec![json!(css)])
            .await;
        v.as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    }

    /// The whitespace-normalised `textContent` of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let v = self
            .js(
                "return Array.from($qa(arguments[0]),
                     el => el.textContent.replace(/\\s+/g, ' ').trim());",
                vec![json!(css)],
            )
            .await;
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|t| t.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The text of the one element matching `css` (fails if there is none).
    pub async fn text(&self, css: &str) -> String {
        let texts = self.texts(css).await;
        match texts.as_slice() {
            [] => panic!("no element matches `{css}`\n{}", self.describe().await),
            [first, ..] => first.clone(),
        }
    }

    /// An attribute of the first element matching `css` (fails if there is none).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let v = self
            .js(
                "const el = $q(arguments[0]);
                 return el === null ? { missing: true } : { value: el.getAttribute(arguments[1]) };",
                vec![json!(css), json!(name)],
            )
            .await;
        if v.get("missing").is_some() {
            panic!("no element matches `{css}`\n{}", self.describe().await);
        }
        v.get("value").and_then(Value::as_str).map(str::to_owned)
    }

    /// Clicks the `index`th element matching `css` like a visitor would (WebDriver
    /// element click), after scrolling it to the middle of the viewport so that sticky
    /// headers cannot cover it.
    pub async fn click_nth(&self, css: &str, index: usize) {
        let element = self.find_nth(css, index).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });",
                vec![json!(element)],
            )
            .await
            .unwrap_or_else(|e| panic!("cannot scroll to `{css}`: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click `{css}` #{index}: {e}"));
    }

    /// The `index`th element matching `css` (in the page or a widget's shadow root) as a
    /// WebDriver element; fails if there are not that many.
    pub async fn find_nth(&self, css: &str, index: usize) -> Element {
        let v = self
            .js(
                "return $qa(arguments[0])[arguments[1]] ?? null;",
                vec![json!(css), json!(index)],
            )
            .await;
        let id = v
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned);
        match id {
            Some(id) => Element::from_element_id(self.client.clone(), ElementRef::from(id)),
            None => panic!(
                "cannot find `{css}` #{index}: only {} match\n{}",
                self.count(css).await,
                self.describe().await
            ),
        }
    }

    /// Clicks the first element matching `css` whose whitespace-normalised text is `text`
    /// (fails if there is none).
    pub async fn click_text(&self, css: &str, text: &str) {
        let index = self
            .js(
                "return Array.from($qa(arguments[0]))
                     .findIndex(el => el.textContent.replace(/\\s+/g, ' ').trim() === arguments[1]);",
                vec![json!(css), json!(text)],
            )
            .await
            .as_i64()
            .and_then(|i| usize::try_from(i).ok());
        match index {
            Some(index) => self.click_nth(css, index).await,
            None => panic!(
                "no `{css}` reads {text:?} (they read {:?})\n{}",
                self.texts(css).await,
                self.describe().await
            ),
        }
    }

    /// The `value` property of the first element matching `css` (an input's text).
    pub async fn value(&self, css: &str) -> String {
        let v = self
            .js(
                "const el = $q(arguments[0]);
                 return el === null ? null : String(el.value);",
                vec![json!(css)],
            )
            .await;
        match v {
            Value::String(s) => s,
            _ => panic!("no element matches `{css}`\n{}", self.describe().await),
        }
    }

    /// Waits until the first element matching `css` can be seen: it has a size and
    /// nothing hides it (`display`, `visibility`, `opacity`, `hidden`, a closed `<dialog>`).
    pub async fn wait_visible(&self, css: &str) {
        self.wait_until(&format!("`{css}` to be visible"), VISIBLE, vec![json!(css)])
            .await;
    }

    /// A PNG of the first element matching `css`, as the browser draws it.
    pub async fn element_png(&self, css: &str) -> Vec<u8> {
        let element = self.find_nth(css, 0).await;
        let png = element
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("cannot take a screenshot of `{css}`: {e}"));
        assert!(
            png.starts_with(b"\x89PNG"),
            "the screenshot of `{css}` is not a PNG"
        );
        png
    }

    /// Scrolls the page so the first element matching `css` is at the top of the viewport
    /// (at once, not smoothly), or to the very top when `css` is `None`.
    pub async fn scroll_to(&self, css: Option<&str>) {
        let done = self
            .js(
                "if (arguments[0] === null) { window.scrollTo({ top: 0, behavior: 'instant' }); return true; }
                 const el = $q(arguments[0]);
                 if (el === null) return false;
                 el.scrollIntoView({ block: 'start', behavior: 'instant' });
                 return true;",
                vec![json!(css)],
            )
            .await;
        if done != Value::Bool(true) {
            panic!("cannot scroll to `{css:?}`\n{}", self.describe().await);
        }
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.click_nth(css, 0).await;
    }

    /// Saves a screenshot of the viewport as `target/e2e-screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("take a screenshot");
        assert!(
            png.starts_with(b"\x89PNG"),
            "the screenshot {name} is not a PNG"
        );
        let dir = screenshot_dir();
        fs::create_dir_all(&dir).expect("create target/e2e-screenshots");
        let path = dir.join(format!("{name}.png"));
        fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }

    /// Ends the browser session (and its Chromium).
    pub async fn close(self) {
        self.client
            .close()
            .await
            .expect("close the browser session");
    }
}
