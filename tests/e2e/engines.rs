//! The core journeys in every engine visitors use: Chromium; Firefox ESR, which some
//! public-sector desktops run; and WebKitGTK, Safari's engine, which every browser on an
//! iPhone is. One browser per engine walks them all in a phone-sized window: our format
//! and a frab XML file, a star kept over a reload, a share link opened in a fresh profile,
//! the registration form's value, and the check page on a sheet.
//!
//! Needs what `scripts/setup.sh --browser` installs: `firefox-esr`, geckodriver (in
//! `~/.cargo/bin`), `webkit2gtk-driver` and `xvfb`.

use serde_json::json;

use super::browser::{Browser, Chromedriver, Engine};
use super::server::{Response, Server};
use super::{PHONE, card, mine_card, open_widget, show_my_schedule, star, wait_for_widget};

/// A seminar of the demo programme's first day.
const SESSION: &str = "s-101";

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Stars `id` and waits until the star says so.
async fn star_it(b: &Browser, id: &str) {
    b.wait_for(&star(id)).await;
    b.click(&star(id)).await;
    b.wait_for_attr(&star(id), "aria-pressed", "true").await;
}

/// Our own format on a phone: the demo's sessions, nothing wider than the window, the
/// views on one row; a star that survives a reload. Returns the share link of the plan.
async fn our_format_star_and_reload(b: &Browser) -> String {
    open_widget(b, "/").await;
    b.wait_for(&card(SESSION)).await;
    let fits = b
        .js(
            "const tops = $qa('.sp-viewswitch__button').map(e => Math.round(e.getBoundingClientRect().top));
             return [document.documentElement.scrollWidth <= innerWidth, new Set(tops).size, tops.length];",
            vec![],
        )
        .await;
    assert_eq!(
        fits,
        json!([true, 1, 3]),
        "no sideways scrolling; the three views on one row"
    );
    star_it(b, SESSION).await;
    b.reload().await;
    wait_for_widget(b).await;
    b.wait_for_attr(&star(SESSION), "aria-pressed", "true")
        .await;

    show_my_schedule(b).await;
    b.wait_for(&mine_card(SESSION)).await;
    b.click(".sp-mine__share").await;
    b.wait_visible("#sp-share-link").await;
    b.value("#sp-share-link").await
}

/// A share link opened in a fresh profile: the plan is offered and taken in.
async fn share_link_in_a_fresh_profile(b: &Browser, link: &str) {
    assert!(link.contains("share="), "a share link: {link}");
    b.goto_url(link).await;
    wait_for_widget(b).await;
    b.wait_visible(".sp-shared").await;
    assert_eq!(
        b.js(
            "return Array.from($qa('.sp-shared li[data-session]'), li => li.dataset.session);",
            vec![]
        )
        .await,
        json!([SESSION])
    );
    b.click(".sp-shared__merge").await;
    b.wait_until(
        "the shared plan to be taken in",
        "return $q('.sp-shared') === null;",
        vec![],
    )
    .await;
    show_my_schedule(b).await;
    b.wait_for(&mine_card(SESSION)).await;
}

/// A frab XML file, read by the importer (the second wasm module): every event is there.
async fn a_frab_xml_file(b: &Browser) {
    open_widget(b, "/page/frab?day=all").await;
    let titles = b.texts(".sp-browse article.sp-card .sp-card__title").await;
    assert_eq!(titles.len(), 3, "the three events of the file: {titles:?}");
    assert!(titles.iter().any(|t| t == "Opening"), "{titles:?}");
}

/// The registration form: a starred seminar is the form's value under the element's
/// name, and the form is not valid until every block has a choice.
async fn the_registration_forms_value(b: &Browser) {
    open_widget(b, "/registration.html").await;
    star_it(b, SESSION).await;
    b.wait_until(
        "the form's value to be the starred seminar",
        "const form = document.getElementById('registration');
         const value = new FormData(form).getAll('seminarier');
         return value.length === 1 && value[0] === arguments[0];",
        vec![json!(SESSION)],
    )
    .await;
    let validity = b
        .js(
            "const el = document.querySelector('seminar-plan');
             return [el.checkValidity(), el.validationMessage.startsWith('Välj ett seminarium i:')];",
            vec![],
        )
        .await;
    assert_eq!(
        validity,
        json!([false, true]),
        "one seminar per block is asked for"
    );
}

/// The check page reads a spreadsheet and says it can be shown.
async fn the_check_page_on_a_sheet(b: &Browser) {
    b.goto("/check-en.html").await;
    b.wait_for("seminar-plan-check >>> input.spc-file").await;
    b.find_nth("seminar-plan-check >>> input.spc-file", 0)
        .await
        .send_keys(&fixture("sheet/clashes.csv"))
        .await
        .expect("give the file input a file");
    b.wait_for("seminar-plan-check >>> .spc-verdict--ok").await;
    assert!(
        b.text("seminar-plan-check >>> .spc-verdict")
            .await
            .starts_with("The programme can be shown"),
    );
}

async fn core_journeys(engine: Engine) {
    let xml = std::fs::read(fixture("import/wafer-utc.xml")).expect("the frab XML fixture");
    let server = Server::builder()
        .route("/frab/schedule.xml", move |_| {
            Response::ok("application/xml", xml.clone())
        })
        .variant("frab", "/frab/schedule.xml")
        .start();
    let name = format!("core_journeys_{engine:?}").to_lowercase();
    let driver = Chromedriver::start_engine(&name, engine);
    // geckodriver and WebKitWebDriver drive one session at a time: the first browser
    // closes before the fresh one opens the link, which then walks the rest.
    let first = driver.open(&server, PHONE).await;
    let link = our_format_star_and_reload(&first).await;
    first.screenshot(&format!("{name}-my-schedule")).await;
    first.close().await;
    let b = driver.open(&server, PHONE).await;
    share_link_in_a_fresh_profile(&b, &link).await;
    a_frab_xml_file(&b).await;
    the_registration_forms_value(&b).await;
    the_check_page_on_a_sheet(&b).await;
    b.screenshot(&format!("{name}-check-page")).await;
    b.close().await;
}

#[tokio::test]
async fn core_journeys_in_chromium() {
    core_journeys(Engine::Chromium).await;
}

#[tokio::test]
async fn core_journeys_in_firefox_esr() {
    core_journeys(Engine::Firefox).await;
}

#[tokio::test]
async fn core_journeys_in_webkitgtk() {
    core_journeys(Engine::WebKit).await;
}
