//! Embedding: the widget on pages it does not control (`tests/embed/`), loaded the way an
//! organiser serves it, from another path (`/cdn/seminarplan/seminar-plan.js`).
//!
//! - the hostile page: global CSS on every element, a sticky header with a huge z-index,
//!   its own hash router, and two widgets with different namespaces (one in a 320 px
//!   column) — both render, at phone and laptop width, without sideways scrolling;
//! - the widget looks the same there as on a blank page (computed styles);
//! - a star in one widget does not appear in the other;
//! - the page's own hash routing keeps working with the widgets in `url="none"` mode;
//! - under a strict Content-Security-Policy the widget works with no violation reported,
//!   with the importer loaded for files in other formats; for our own format only the
//!   widget's module is fetched.

use serde_json::{Value, json};

use crate::browser::{Browser, Chromedriver};
use crate::server::Server;
use crate::{LAPTOP, PHONE, size_name};

/// The wide widget and the one in the side column of the hostile page.
const WIDE: &str = "seminar-plan#wide";
const NARROW: &str = "seminar-plan#narrow";

/// Waits until the widget `host` shows the programme (or, in My schedule, its view).
async fn wait_rendered(b: &Browser, host: &str) {
    b.wait_until(
        &format!("{host} to render"),
        "return $q(arguments[0] + ' >>> .sp-app .sp-card, ' + arguments[0] + ' >>> .sp-app .sp-mine') !== null;",
        vec![json!(host)],
    )
    .await;
}

/// `false`, or (when the page scrolls sideways) its widths and the elements that stick
/// out on the right, in the page and in the widgets' shadow roots.
async fn scrolls_sideways(b: &Browser) -> Value {
    b.js(
        "const d = document.documentElement;
         if (d.scrollWidth <= d.clientWidth) return false;
         const out = $qa('*').filter(el => el.getBoundingClientRect().right > d.clientWidth + 0.5)
             .slice(0, 8).map(el => el.localName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().left) + '-' + Math.round(el.getBoundingClientRect().right));
         return [d.scrollWidth, d.clientWidth, out];",
        vec![],
    )
    .await
}

#[tokio::test]
async fn hostile_page_renders_both_widgets() {
    let server = Server::start();
    let driver = Chromedriver::start("hostile_page_renders_both_widgets");
    for size in [PHONE, LAPTOP] {
        let b = driver.open(&server, size).await;
        b.goto("/embed/hostile.html").await;
        wait_rendered(&b, WIDE).await;
        wait_rendered(&b, NARROW).await;
        assert!(
            b.count(&format!("{WIDE} >>> article.sp-card")).await > 20,
            "the wide widget shows the demo programme"
        );
        assert_eq!(
            b.count(&format!("{NARROW} >>> .sp-mine")).await,
            1,
            "the side column starts in My schedule (view=\"schedule\")"
        );
        // The page's own styles did not reach in: the page makes every element 20px serif.
        let font = b
            .js(
                "return getComputedStyle($q(arguments[0])).fontFamily;",
                vec![json!(format!("{WIDE} >>> article.sp-card"))],
            )
            .await;
        assert!(
            !font.as_str().unwrap_or_default().contains("serif")
                || font.as_str().unwrap_or_default().contains("sans-serif"),
            "the widget keeps its own font, got {font}"
        );
        assert_eq!(
            scrolls_sideways(&b).await,
            Value::Bool(false),
            "the host page must not scroll sideways at {size:?}"
        );
        for host in [WIDE, NARROW] {
            let overflow = b
                .js(
                    "const h = document.querySelector(arguments[0]);
                     const r = h.getBoundingClientRect(), p = h.parentElement.getBoundingClientRect();
                     return h.scrollWidth > h.clientWidth || r.right > p.right + 0.5
                         ? [h.scrollWidth, h.clientWidth, r.right, p.right] : false;",
                    vec![json!(host)],
                )
                .await;
            assert_eq!(
                overflow,
                Value::Bool(false),
                "{host} overflows its column at {size:?}"
            );
        }
        let narrow_width = b
            .js(
                "return $q(arguments[0]).getBoundingClientRect().width;",
                vec![json!(format!("{NARROW} >>> .sp-app"))],
            )
            .await
            .as_f64()
            .unwrap_or(0.0);
        assert!(
            narrow_width <= 320.0,
            "the side-column widget fits its 320 px column, is {narrow_width}"
        );
        // The organiser's theme colour (`#narrow { --sp-accent: #8a1538 }`) reaches in;
        // the other widget keeps the default.
        let accent = |host: &'static str| {
            b.js(
                "return getComputedStyle($q(arguments[0])).backgroundColor;",
                vec![json!(format!(
                    "{host} >>> .sp-viewswitch__button.sp-is-current"
                ))],
            )
        };
        assert_eq!(accent(NARROW).await, json!("rgb(138, 21, 56)"));
        assert_eq!(accent(WIDE).await, json!("rgb(11, 92, 173)"));
        b.screenshot(&size_name("embed-hostile", size)).await;
        b.scroll_to(Some(NARROW)).await;
        b.screenshot(&size_name("embed-hostile-column", size)).await;
        b.close().await;
    }
}

/// The computed styles compared between the hostile and the blank page, per element.
const COMPARED: &[(&str, &str)] = &[
    ("card", "article.sp-card"),
    ("card title", "article.sp-card h4, article.sp-card h3"),
    ("star button", "article.sp-card .sp-star"),
    ("filter panel", ".sp-filters"),
    ("search field", "input.sp-search__input"),
    ("day tab", ".sp-daytabs__button"),
];

/// The style properties compared (everything but sizes that follow the column width).
const PROPERTIES: &[&str] = &[
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "line-height",
    "letter-spacing",
    "word-spacing",
    "text-transform",
    "text-align",
    "text-decoration-line",
    "color",
    "background-color",
    "box-sizing",
    "display",
    "margin-top",
    "margin-left",
    "padding-top",
    "padding-left",
    "border-top-width",
    "border-top-style",
    "border-top-color",
    "border-radius",
    "min-height",
    "height",
    "list-style-type",
];

/// The computed styles of the first element matching each of [`COMPARED`] in the wide
/// widget.
async fn styles(b: &Browser) -> Value {
    b.js(
        "const out = {};
         for (const [name, sel] of arguments[0]) {
             const el = $q(arguments[2] + ' >>> ' + sel);
             if (el === null) { out[name] = 'missing'; continue; }
             const cs = getComputedStyle(el);
             out[name] = Object.fromEntries(arguments[1].map(p => [p, cs.getPropertyValue(p)]));
         }
         return out;",
        vec![json!(COMPARED), json!(PROPERTIES), json!(WIDE)],
    )
    .await
}

#[tokio::test]
async fn hostile_css_does_not_change_the_widget() {
    let server = Server::start();
    let driver = Chromedriver::start("hostile_css_does_not_change_the_widget");
    let b = driver.open(&server, LAPTOP).await;

    b.goto("/embed/blank.html").await;
    wait_rendered(&b, WIDE).await;
    let blank = styles(&b).await;
    b.goto("/embed/hostile.html").await;
    wait_rendered(&b, WIDE).await;
    let hostile = styles(&b).await;

    for (name, _) in COMPARED {
        assert_ne!(
            blank[name],
            json!("missing"),
            "{name} not found on the blank page"
        );
        for property in PROPERTIES {
            assert_eq!(
                hostile[name][property], blank[name][property],
                "{name}: `{property}` differs on the hostile page"
            );
        }
    }
    b.close().await;
}

#[tokio::test]
async fn two_widgets_keep_their_own_plans() {
    let server = Server::start();
    let driver = Chromedriver::start("two_widgets_keep_their_own_plans");
    let b = driver.open(&server, LAPTOP).await;
    b.goto("/embed/hostile.html").await;
    wait_rendered(&b, WIDE).await;
    wait_rendered(&b, NARROW).await;

    let first = b
        .attr(&format!("{WIDE} >>> article.sp-card"), "data-session")
        .await
        .expect("cards carry their session id");
    let star = format!(r#"{WIDE} >>> article.sp-card[data-session="{first}"] .sp-star"#);
    b.click(&star).await;
    b.wait_for_attr(&star, "aria-pressed", "true").await;
    // The side widget's My schedule stays empty, also after a reload.
    for round in ["now", "after a reload"] {
        if round != "now" {
            b.reload().await;
            wait_rendered(&b, WIDE).await;
            wait_rendered(&b, NARROW).await;
            b.wait_for_attr(&star, "aria-pressed", "true").await;
        }
        assert_eq!(
            b.count(&format!(r#"{NARROW} >>> .sp-mine article.sp-card"#))
                .await,
            0,
            "the side widget's schedule has nothing starred ({round})"
        );
    }
    // Each namespace has its own record; only the wide widget's has the star.
    let records = b
        .js(
            "return Object.entries(localStorage).filter(([k]) => k.includes(':plan:'));",
            vec![],
        )
        .await;
    let records: Vec<(String, String)> = serde_json::from_value(records).expect("key/value pairs");
    let has = |ns: &str| {
        records
            .iter()
            .any(|(k, v)| k.starts_with(&format!("seminarplan:{ns}:plan:")) && v.contains(&first))
    };
    assert!(has("huvud"), "the wide widget saved the star: {records:?}");
    assert!(
        !has("sidokolumn"),
        "the side widget's record has no star: {records:?}"
    );
    b.close().await;
}

#[tokio::test]
async fn host_hash_routing_keeps_working() {
    let server = Server::start();
    let driver = Chromedriver::start("host_hash_routing_keeps_working");
    let b = driver.open(&server, LAPTOP).await;
    b.goto("/embed/hostile.html").await;
    wait_rendered(&b, WIDE).await;
    assert!(
        b.url().await.ends_with("#/start"),
        "the host's router set its hash"
    );

    // Use the widget: search, star, open a session page and close it.
    b.js(
        "const input = $q(arguments[0]);
         input.value = 'upphandling';
         input.dispatchEvent(new InputEvent('input', { bubbles: true }));
         return true;",
        vec![json!(format!("{WIDE} >>> input.sp-search__input"))],
    )
    .await;
    b.click(&format!("{WIDE} >>> article.sp-card .sp-star"))
        .await;
    b.click(&format!("{WIDE} >>> article.sp-card .sp-card__open"))
        .await;
    b.wait_for(&format!("{WIDE} >>> dialog.sp-dialog")).await;
    b.js(
        "$q(arguments[0]).dispatchEvent(new Event('cancel', { cancelable: true })); return true;",
        vec![json!(format!("{WIDE} >>> dialog.sp-dialog"))],
    )
    .await;
    b.wait_until(
        "the session page to close",
        "return $q(arguments[0]) === null;",
        vec![json!(format!("{WIDE} >>> dialog.sp-dialog"))],
    )
    .await;
    let url = b.url().await;
    assert!(
        url.ends_with("/embed/hostile.html#/start"),
        "the widget in url=\"none\" mode leaves the page's address alone: {url}"
    );

    // The host's router: a link, then Back.
    b.click("#nav-about").await;
    b.wait_until(
        "the host router to show the about page",
        "return document.getElementById('router-view').textContent === 'Host page: #/om-konferensen';",
        vec![],
    )
    .await;
    b.client.back().await.expect("go back");
    b.wait_until(
        "the host router to show the start page again",
        "return document.getElementById('router-view').textContent === 'Host page: #/start';",
        vec![],
    )
    .await;
    // The widget is still there and still has the star.
    assert!(
        b.count(&format!("{WIDE} >>> .sp-star[aria-pressed=\"true\"]"))
            .await
            >= 1
    );
    b.close().await;
}

/// Which of the wasm modules the page has fetched (by Resource Timing): "widget",
/// "importer" or "check page" parts, each once.
async fn loaded_modules(b: &Browser) -> Value {
    b.js(
        "const names = performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
             .filter(p => p.endsWith('.wasm')).map(p => p.split('/').pop());
         const kinds = names.map(n => n.startsWith('seminarplan-import-') ? 'seminarplan-import'
             : n.startsWith('seminarplan-workbook-') ? 'seminarplan-workbook'
             : n.startsWith('seminarplan-check-page-') ? 'seminarplan-check-page' : 'seminarplan-widget');
         return [...new Set(kinds)].sort();",
        vec![],
    )
    .await
}

#[tokio::test]
async fn a_programme_in_our_format_loads_only_the_widget_module() {
    let server = Server::start();
    let driver = Chromedriver::start("a_programme_in_our_format_loads_only_the_widget_module");
    let b = driver.open(&server, PHONE).await;
    b.goto("/page/small").await;
    wait_rendered(&b, "seminar-plan").await;
    assert_eq!(
        loaded_modules(&b).await,
        json!(["seminarplan-widget"]),
        "neither the importer nor the check page is fetched for our own format"
    );
    b.close().await;
}

#[tokio::test]
async fn strict_csp_loads_without_violations() {
    let server = Server::start();
    let driver = Chromedriver::start("strict_csp_loads_without_violations");
    let b = driver.open(&server, LAPTOP).await;

    // The control: the watcher does see violations on a page that has them.
    b.goto("/embed/csp-control.html").await;
    b.wait_until(
        "the control page's violations to be reported",
        "return window.__csp.length >= 2 && window.__inlineRan !== true;",
        vec![],
    )
    .await;

    b.goto("/embed/csp.html").await;
    wait_rendered(&b, WIDE).await;
    // The files in frab's format and as a spreadsheet came through the importer, loaded
    // from beside the loader, once for both.
    wait_rendered(&b, "seminar-plan#frab").await;
    wait_rendered(&b, "seminar-plan#sheet").await;
    assert_eq!(
        loaded_modules(&b).await,
        json!(["seminarplan-import", "seminarplan-widget"]),
        "the page loads the widget and the importer, not the check page"
    );
    // Use it: star, open a session page, the share dialog (QR code), My schedule.
    b.click(&format!("{WIDE} >>> article.sp-card .sp-star"))
        .await;
    b.wait_for(&format!("{WIDE} >>> .sp-star[aria-pressed=\"true\"]"))
        .await;
    b.click_nth(".sp-viewswitch__button", 1).await;
    b.wait_for(&format!("{WIDE} >>> .sp-mine")).await;
    b.click(".sp-mine__share").await;
    b.wait_for(&format!("{WIDE} >>> svg.sp-qr")).await;
    // The theme colours and card styles came through the constructed sheets.
    let border = b
        .js(
            "return getComputedStyle($q(arguments[0])).backgroundColor;",
            vec![json!(format!("{WIDE} >>> .sp-app"))],
        )
        .await;
    assert_ne!(
        border,
        json!("rgba(0, 0, 0, 0)"),
        "the widget's styles apply under the CSP"
    );
    let violations = b.js("return window.__csp;", vec![]).await;
    assert_eq!(
        violations,
        json!([]),
        "no Content-Security-Policy violation may be reported"
    );
    b.close().await;
}

#[tokio::test]
async fn without_wasm_or_script_the_programme_file_is_linked() {
    let server = Server::start();
    let driver = Chromedriver::start("without_wasm_or_script_the_programme_file_is_linked");
    let b = driver.open(&server, PHONE).await;

    // No WebAssembly: the loader says so, in the element's language, with a link.
    b.goto("/embed/no-wasm.html").await;
    b.wait_for(&format!("{WIDE} >>> p[role=alert] a")).await;
    assert_eq!(
        b.text(&format!("{WIDE} >>> p[role=alert]")).await,
        "Programmet kan inte visas i den här webbläsaren. Öppna programfilen"
    );
    assert_eq!(
        b.attr(&format!("{WIDE} >>> p[role=alert] a"), "href")
            .await
            .as_deref(),
        Some("/fixtures/small.json")
    );
    b.screenshot("embed-no-wasm").await;

    // No script at all: what the organiser wrote inside the element stays readable.
    b.goto("/embed/no-script.html").await;
    b.wait_visible("seminar-plan#wide a").await;
    assert_eq!(
        b.js(
            "return document.querySelector('seminar-plan#wide').shadowRoot;",
            vec![]
        )
        .await,
        Value::Null,
        "the element was never upgraded"
    );
    assert_eq!(b.text("seminar-plan#wide a").await, "Programmet");
    b.close().await;
}

#[tokio::test]
async fn share_links_keep_the_page_and_work_without_url_state() {
    let server = Server::start();
    let driver = Chromedriver::start("share_links_keep_the_page_and_work_without_url_state");
    let b = driver.open(&server, LAPTOP).await;
    // A CMS page found by its own query parameter (named in `keep-params`), opened with a
    // tracking parameter, a CMS preview token and a pinned clock; the widgets keep nothing
    // in the URL.
    b.goto("/embed/hostile.html?page_id=12&utm_source=nyhetsbrev&preview_token=hemlig&now=2027-03-16T10:00:00%2B01:00")
        .await;
    wait_rendered(&b, WIDE).await;
    let first = b
        .attr(&format!("{WIDE} >>> article.sp-card"), "data-session")
        .await
        .expect("cards carry their session id");
    // `?now=` does not pin the clock of a widget with url="none" (issue 15): no "Nu"
    // strip for a morning of the demo (shown with the cards when honoured)'s conference.
    assert_eq!(b.count(&format!("{WIDE} >>> .sp-nownext")).await, 0);
    b.click(&format!(
        r#"{WIDE} >>> article.sp-card[data-session="{first}"] .sp-star"#
    ))
    .await;
    b.click_nth(&format!("{WIDE} >>> .sp-viewswitch__button"), 1)
        .await;
    b.click(&format!("{WIDE} >>> .sp-mine__share")).await;
    b.wait_for(&format!("{WIDE} >>> input.sp-share__link"))
        .await;
    let link = b.value(&format!("{WIDE} >>> input.sp-share__link")).await;
    // The page holds two widgets: the link is for this one (its namespace's key).
    let page = format!("{}/embed/hostile.html?page_id=12&huvud.share=", b.origin());
    assert!(
        link.starts_with(&page),
        "the link keeps the page's own parameter, and nothing else of the page: {link}"
    );
    for foreign in ["utm_source", "preview_token", "hemlig", "now="] {
        assert!(!link.contains(foreign), "{foreign} left out of {link}");
    }
    assert!(
        b.url().await.contains("?page_id=12&utm_source"),
        "the page's address is untouched"
    );

    // The organiser changes `keep-params` on a live page (a CMS editor's preview): like
    // every other attribute, it restarts the widget, and the next link keeps `p` instead.
    b.js(
        "document.querySelector(arguments[0]).setAttribute('keep-params', 'p');",
        vec![json!(WIDE)],
    )
    .await;
    b.wait_until(
        "a link made after the change",
        "const host = document.querySelector(arguments[0]).shadowRoot;
         const input = host.querySelector('input.sp-share__link');
         if (input !== null) return !input.value.includes('page_id');
         const open = host.querySelector('.sp-mine__share');
         if (open) open.click();
         else host.querySelectorAll('.sp-viewswitch__button')[1]?.click();
         return false;",
        vec![json!(WIDE)],
    )
    .await;
    let relinked = b.value(&format!("{WIDE} >>> input.sp-share__link")).await;
    assert!(
        relinked.starts_with(&format!("{}/embed/hostile.html?huvud.share=", b.origin())),
        "the restarted widget drops page_id and keeps the plan: {relinked}"
    );
    b.close().await;

    // Opened on another device (a fresh profile), the widget offers the shared plan even
    // though it keeps nothing else in the URL.
    let phone = driver.open(&server, PHONE).await;
    phone.goto_url(&link).await;
    phone.wait_visible(&format!("{WIDE} >>> .sp-shared")).await;
    assert!(
        phone
            .count(&format!(
                r#"{WIDE} >>> .sp-shared li[data-session="{first}"]"#
            ))
            .await
            == 1,
        "the shared plan lists the starred seminar"
    );
    wait_rendered(&phone, NARROW).await;
    assert_eq!(
        phone.count(&format!("{NARROW} >>> .sp-shared")).await,
        0,
        "the side column's widget (another namespace) does not offer it"
    );
    phone.close().await;
}

/// Two widgets keeping their view in the address (the default, `url="query"`): a search in
/// one showed up in the other after Back ("Inga programpunkter matchar"), and opening a
/// session in one dropped the other's search from the address, so a reload lost it. Each
/// widget's keys now carry its namespace (`huvud.q=`, `sido.session=`).
#[tokio::test]
async fn two_widgets_in_the_address_keep_their_own_views() {
    const MAIN: &str = "seminar-plan#main";
    const SIDE: &str = "seminar-plan#side";
    let server = Server::start();
    let driver = Chromedriver::start("two_widgets_in_the_address_keep_their_own_views");
    let b = driver.open(&server, LAPTOP).await;
    b.goto("/embed/two-in-the-address.html").await;
    wait_rendered(&b, MAIN).await;
    wait_rendered(&b, SIDE).await;
    let cards = |host: &str| format!("{host} >>> .sp-browse article.sp-card");
    let all = b.count(&cards(SIDE)).await;

    // A search in the main widget: only its cards change, under its own key.
    b.find_nth(&format!("{MAIN} >>> input.sp-search__input"), 0)
        .await
        .send_keys("upphandling")
        .await
        .expect("type");
    b.wait_until(
        "the search in the address",
        "return location.search.includes('huvud.q=upphandling');",
        vec![],
    )
    .await;
    let found = b.count(&cards(MAIN)).await;
    assert!(found > 0 && found < all, "{found} of {all}");
    assert_eq!(b.count(&cards(SIDE)).await, all);

    // A session opened in the side widget keeps the main widget's search in the address.
    b.click(&format!("{SIDE} >>> article.sp-card .sp-card__open"))
        .await;
    b.wait_for(&format!("{SIDE} >>> dialog.sp-dialog[open]"))
        .await;
    let url = b.url().await;
    assert!(
        url.contains("huvud.q=upphandling") && url.contains("sido.session="),
        "{url}"
    );
    assert_eq!(b.count(&format!("{MAIN} >>> dialog.sp-dialog")).await, 0);

    // Back closes the side widget's session; neither widget takes the other's view.
    b.back().await;
    b.wait_until(
        "the side widget's session to close",
        "return $q(arguments[0]) === null;",
        vec![json!(format!("{SIDE} >>> dialog.sp-dialog"))],
    )
    .await;
    assert_eq!(
        b.count(&cards(SIDE)).await,
        all,
        "the side widget took the search"
    );
    assert_eq!(
        b.value(&format!("{SIDE} >>> input.sp-search__input")).await,
        ""
    );
    assert_eq!(b.count(&cards(MAIN)).await, found);

    // A reload gives each widget its own view back.
    b.reload().await;
    wait_rendered(&b, MAIN).await;
    wait_rendered(&b, SIDE).await;
    b.wait_until(
        "the main widget's search after a reload",
        "return $q(arguments[0]).value === 'upphandling';",
        vec![json!(format!("{MAIN} >>> input.sp-search__input"))],
    )
    .await;
    assert_eq!(b.count(&cards(MAIN)).await, found);
    assert_eq!(b.count(&cards(SIDE)).await, all);
    assert_eq!(
        b.value(&format!("{SIDE} >>> input.sp-search__input")).await,
        ""
    );
    b.close().await;
}

/// Issue 28: the crafted share link (ids sharing 34 `a`s and an `é`) crashed every widget
/// on the page, on every reload. Now it is read like any link; and whatever else may still
/// stop the widgets' shared instance (here `simulate_panic`, a panic as a defect makes
/// one), the loader starts them again in a fresh one: the widget whose part of the address
/// it may have stopped on drops that part and says so, the page's own parameters stay, the
/// other widget works, and a reload is clean.
#[tokio::test]
async fn a_panic_stops_no_widget_for_good_and_a_reload_is_clean() {
    const MAIN: &str = "seminar-plan#main";
    const SIDE: &str = "seminar-plan#side";
    let server = Server::start();
    let driver = Chromedriver::start("a_panic_stops_no_widget_for_good");
    let b = driver.open(&server, LAPTOP).await;
    let a34 = "a".repeat(34);
    let crafted = format!("x*000000~0{a34}%C3%A91~0{a34}%C3%A92");
    b.goto(&format!(
        "/embed/two-in-the-address.html?page_id=3&huvud.share={crafted}"
    ))
    .await;
    wait_rendered(&b, MAIN).await;
    wait_rendered(&b, SIDE).await;
    // The link is read (it names another programme, and the widget says so): no crash.
    b.wait_for(&format!("{MAIN} >>> .sp-shared")).await;
    assert_eq!(b.count("seminar-plan >>> .sp-crash").await, 0);

    // A panic in the one instance both widgets share.
    let trapped = b
        .js(
            "try { customElements.get('seminar-plan').wasm.simulate_panic(); return 'returned'; }
             catch (e) { return e.constructor.name; }",
            vec![],
        )
        .await;
    assert_eq!(trapped, json!("RuntimeError"), "the instance stopped");
    // Both come back; the main widget dropped its part of the address and says so.
    let dropped = format!(r#"{MAIN} >>> .sp-notice[data-notice="LinkDropped"]"#);
    b.wait_visible(&dropped).await;
    wait_rendered(&b, SIDE).await;
    let notice = b.text(&dropped).await;
    assert!(notice.contains("adress"), "{notice}");
    assert_eq!(
        b.count(&format!(
            r#"{SIDE} >>> .sp-notice[data-notice="LinkDropped"]"#
        ))
        .await,
        0,
        "the side widget had nothing in the address"
    );
    let url = b.url().await;
    assert!(
        url.contains("page_id=3") && !url.contains("huvud."),
        "the page's parameter stays, the widget's part goes: {url}"
    );
    assert_eq!(b.count("seminar-plan >>> .sp-crash").await, 0);
    // The other widget works: a search narrows its list.
    let cards = |host: &str| format!("{host} >>> .sp-browse article.sp-card");
    let all = b.count(&cards(SIDE)).await;
    b.find_nth(&format!("{SIDE} >>> input.sp-search__input"), 0)
        .await
        .send_keys("upphandling")
        .await
        .expect("type");
    b.wait_until(
        "the side widget's search",
        "const n = $qa(arguments[0]).length; return n > 0 && n < arguments[1];",
        vec![json!(cards(SIDE)), json!(all)],
    )
    .await;

    // A reload: both widgets, no notice, no crash.
    b.reload().await;
    wait_rendered(&b, MAIN).await;
    wait_rendered(&b, SIDE).await;
    assert_eq!(b.count(&dropped).await, 0);
    assert_eq!(b.count("seminar-plan >>> .sp-crash").await, 0);
    b.close().await;
}

/// Issue 28: a share link made on a page with one widget (`?share=…`) was ignored without
/// a word once a second widget was added (both read only `ns.share=`). A widget now writes
/// its keys the same way alone or not (`sp.share=` for the namespace `default`), and an
/// old plain link still reaches the widget it was made for.
#[tokio::test]
async fn a_link_from_a_one_widget_page_works_after_a_second_widget_is_added() {
    const MAIN: &str = "seminar-plan#main";
    const SIDE: &str = "seminar-plan#side";
    let server = Server::start();
    let driver = Chromedriver::start("a_link_works_after_a_second_widget_is_added");
    let b = driver.open(&server, LAPTOP).await;
    b.goto("/").await;
    crate::schedule::star_card(&b, "s-101").await;
    let link = crate::schedule::open_share_dialog(&b).await;
    let query = link
        .split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default();
    assert!(query.starts_with("sp.share="), "{link}");
    // The link made alone, and the same plan as a link of the first versions (plain key).
    let old = query.replacen("sp.share=", "share=", 1);
    for query in [query, old] {
        b.goto(&format!("/embed/one-added.html?{query}")).await;
        wait_rendered(&b, MAIN).await;
        wait_rendered(&b, SIDE).await;
        b.wait_for(&format!("{MAIN} >>> .sp-shared")).await;
        assert!(
            b.text(&format!("{MAIN} >>> .sp-shared"))
                .await
                .contains(&crate::demo_title("s-101")),
            "{query}: the shared plan is offered with its session"
        );
        assert_eq!(
            b.count(&format!("{SIDE} >>> .sp-shared")).await,
            0,
            "{query}: the widget added later is not offered the plan"
        );
    }
    b.close().await;
}
