//! The widget in the organiser's registration form (`tests/embed/csp-form.html`, served
//! with the README's policy plus `form-action 'self'`): the visitor's choices reach the
//! form's POST, `choose="one-per-block"` blocks sending with a message naming the block,
//! the form's reset undoes what the widget changed since the page loaded (not what another
//! tab did meanwhile), a disabled fieldset leaves
//! the choices out, the events reach the page with their documented `detail`, the page can
//! set the plan from script, and a full session is marked and warned about — all with no
//! Content-Security-Policy violation.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::browser::{Browser, Chromedriver};
use crate::server::{HTML, Response, Server};
use crate::{LAPTOP, card, star};

pub(crate) const PAGE: &str = "/embed/csp-form.html";
const PLAN: &str = "seminar-plan#plan";

/// The bodies of the registration form's POSTs to `/register`.
#[derive(Clone, Default)]
pub(crate) struct Posts(Arc<Mutex<Vec<String>>>);

impl Posts {
    pub(crate) fn all(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits (polling) for the `n`th POST and returns its body.
    pub(crate) async fn wait_for(&self, n: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(body) = self.all().get(n - 1) {
                return body.clone();
            }
            assert!(
                Instant::now() < deadline,
                "the server received no POST #{n} (got {:?})",
                self.all()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The test server with a `/register` that records what the form sends.
pub(crate) fn server() -> (Server, Posts) {
    let posts = Posts::default();
    let record = posts.clone();
    let server = Server::builder()
        .route("/register", move |request| {
            if request.method != "POST" {
                return Response::not_found("a GET of /register");
            }
            record
                .0
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(String::from_utf8_lossy(&request.body).into_owned());
            Response::ok(
                HTML,
                "<!doctype html><title>Tack</title><p id=thanks>Tack!</p>",
            )
        })
        .start();
    (server, posts)
}

/// Opens the form page and waits for the widget's `seminarplan-load` event.
pub(crate) async fn open_form(b: &Browser) -> Value {
    b.goto(PAGE).await;
    b.wait_until(
        "the widget's seminarplan-load event",
        "return window.__events.find(e => e.type === 'seminarplan-load') ?? null;",
        vec![],
    )
    .await
}

/// The `name=value` pairs of an `application/x-www-form-urlencoded` body.
pub(crate) fn pairs(body: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

async fn star_on(b: &Browser, id: &str) {
    b.click(&star(id)).await;
    b.wait_for_attr(&star(id), "aria-pressed", "true").await;
}

/// Every `seminarplan-change` event's `chosen`, in order.
async fn changes(b: &Browser) -> Value {
    b.js(
        "return window.__events.filter(e => e.type === 'seminarplan-change').map(e => e.detail.chosen);",
        vec![],
    )
    .await
}

async fn no_violations(b: &Browser) {
    let violations = b.js("return window.__csp;", vec![]).await;
    assert_eq!(
        violations,
        json!([]),
        "no Content-Security-Policy violation may be reported"
    );
}

/// Choose, get blocked on the empty block (the message names it), choose it, send: the
/// server receives the chosen ids beside the form's own field.
#[tokio::test]
async fn chosen_seminars_reach_the_server_and_an_empty_block_blocks_sending() {
    let (server, posts) = server();
    let driver = Chromedriver::start("chosen_seminars_reach_the_server");
    let b = driver.open(&server, LAPTOP).await;
    let loaded = open_form(&b).await;
    assert_eq!(loaded["detail"]["programme"], json!("anmalan-2027"));
    assert_eq!(loaded["detail"]["revision"], json!("7"));
    assert_eq!(loaded["detail"]["plan"]["chosen"], json!([]));

    b.click("#namn").await;
    b.js("$q('#namn').value = 'Kim Ek';", vec![]).await;
    star_on(&b, "f-11").await;
    b.click("#send").await;
    let invalid = b
        .wait_until(
            "the browser to report the widget invalid",
            "return window.__events.find(e => e.type === 'invalid' && e.target === 'plan') ?? null;",
            vec![],
        )
        .await;
    assert_eq!(
        invalid["message"],
        json!("Välj ett seminarium i: Pass 2 eftermiddag."),
        "the message names the block that lacks a choice"
    );
    let validity = b
        .js(
            "const el = $q(arguments[0]); return [el.validity.valueMissing, el.checkValidity(), el.form.id];",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(validity, json!([true, false, "registration"]));
    assert!(posts.all().is_empty(), "an invalid form is not sent");

    star_on(&b, "f-22").await;
    b.wait_until(
        "the widget to become valid",
        "return $q(arguments[0]).checkValidity();",
        vec![json!(PLAN)],
    )
    .await;
    // What the form would send, before it is sent.
    let data = b
        .js(
            "return new FormData($q('#registration')).getAll('seminarier');",
            vec![],
        )
        .await;
    assert_eq!(data, json!(["f-11", "f-22"]));
    no_violations(&b).await;
    b.click("#send").await;
    let body = posts.wait_for(1).await;
    assert_eq!(
        pairs(&body),
        vec![
            ("namn".into(), "Kim Ek".into()),
            ("seminarier".into(), "f-11".into()),
            ("seminarier".into(), "f-22".into()),
        ]
    );
    b.wait_for("#thanks").await;
    assert_eq!(posts.all().len(), 1, "sent exactly once");
    b.close().await;
}

/// The change event's `detail` (crossing the shadow root to the document), setting the
/// plan from script (validated as a share link), and the form's reset.
#[tokio::test]
async fn events_script_api_and_reset() {
    let (server, _posts) = server();
    let driver = Chromedriver::start("events_script_api_and_reset");
    let b = driver.open(&server, LAPTOP).await;
    open_form(&b).await;
    star_on(&b, "f-21").await;
    let event = b
        .wait_until(
            "a seminarplan-change event",
            "return window.__events.find(e => e.type === 'seminarplan-change') ?? null;",
            vec![],
        )
        .await;
    assert_eq!(event["target"], json!("plan"));
    assert_eq!(
        event["detail"],
        json!({
            "programme": "anmalan-2027",
            "chosen": ["f-21"],
            "blocks": [
                { "id": "pass-1", "name": "Pass 1 förmiddag", "chosen": [] },
                { "id": "pass-2", "name": "Pass 2 eftermiddag", "chosen": ["f-21"] },
            ],
        })
    );
    assert_eq!(
        b.js("return $q(arguments[0]).plan.chosen;", vec![json!(PLAN)])
            .await,
        json!(["f-21"])
    );

    // The page loads again: its plan now is f-21.
    b.reload().await;
    b.wait_until(
        "the widget's seminarplan-load event",
        "return window.__events.find(e => e.type === 'seminarplan-load') ?? null;",
        vec![],
    )
    .await;
    b.wait_for_attr(&star("f-21"), "aria-pressed", "true").await;

    // Set from script: a refused id throws and changes nothing.
    let refused = b
        .js(
            "try { $q(arguments[0]).setPlan(['f-11', 'not an id']); return 'set'; }
             catch (e) { return e.name; }",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(refused, json!("TypeError"));
    let merged = b
        .js(
            "return $q(arguments[0]).setPlan(['f-11'], { merge: true });",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(merged, json!("merged"));
    b.wait_for_attr(&star("f-11"), "aria-pressed", "true").await;
    b.wait_until(
        "the change event for the merged plan",
        "return window.__events.some(e => e.type === 'seminarplan-change'
             && e.detail.chosen.join() === 'f-11,f-21');",
        vec![],
    )
    .await;
    // Replacing would drop f-21: the visitor is asked, as with a share link.
    let asked = b
        .js(
            "return $q(arguments[0]).setPlan(['f-22']);",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(asked, json!("asked"));
    b.wait_for(".sp-shared").await;
    assert_eq!(
        b.attr(&star("f-21"), "aria-pressed").await.as_deref(),
        Some("true"),
        "nothing is dropped before the visitor decides"
    );

    // Meanwhile, in another tab of the same page, the visitor stars f-12; this tab hears.
    let this_tab = b.tab().await;
    b.open_tab().await;
    open_form(&b).await;
    star_on(&b, "f-12").await;
    b.switch_to(&this_tab).await;
    b.wait_for_attr(&star("f-12"), "aria-pressed", "true").await;

    // Reset: what this widget changed since the page loaded is undone (f-11 goes, f-21
    // stays); the star made in the other tab is kept (issue 28: it was removed everywhere).
    b.click("#reset").await;
    b.wait_for_attr(&star("f-11"), "aria-pressed", "false")
        .await;
    b.wait_for_attr(&star("f-21"), "aria-pressed", "true").await;
    assert_eq!(
        b.js("return $q(arguments[0]).plan.chosen;", vec![json!(PLAN)])
            .await,
        json!(["f-12", "f-21"])
    );
    // The plan is written once the frame that shows the reset is painted and the page
    // is idle (issue 29): wait for the record to change, then check what it holds.
    let stored = b
        .wait_until(
            "the reset plan written",
            "const starred = JSON.parse(localStorage.getItem('seminarplan:form:plan:anmalan-2027')).starred.sort(); \
             return starred.includes('f-11') ? null : starred;",
            vec![],
        )
        .await;
    assert_eq!(
        stored,
        json!(["f-12", "f-21"]),
        "the other tab's star is kept"
    );

    // The API opens a session and switches view.
    let opened = b
        .js(
            "return $q(arguments[0]).openSession('f-22');",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(opened, json!(true));
    b.wait_for(".sp-page[data-session=\"f-22\"]").await;
    let shown = b
        .js(
            "return $q(arguments[0]).showView('schedule');",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(shown, json!(true));
    b.wait_for(".sp-mine").await;
    assert_eq!(
        b.js(
            "return $q(arguments[0]).showView('nowhere');",
            vec![json!(PLAN)]
        )
        .await,
        json!(false)
    );
    assert!(
        changes(&b).await.as_array().is_some_and(|c| !c.is_empty()),
        "change events were recorded"
    );
    no_violations(&b).await;
    b.close().await;
}

/// A full session is marked in the card (for screen readers too), starring it warns, it is
/// no valid choice for its block; a disabled fieldset makes the widget inert and leaves its
/// choices out of the form.
#[tokio::test]
async fn full_sessions_are_marked_and_warned_about_and_disabled_leaves_the_form() {
    let (server, _posts) = server();
    let driver = Chromedriver::start("full_sessions_are_marked");
    let b = driver.open(&server, LAPTOP).await;
    open_form(&b).await;
    let full_card = card("f-12");
    assert_eq!(
        b.text(&format!("{full_card} .sp-chip--full")).await,
        "Fullbokad"
    );
    assert_eq!(
        b.count(&format!("{} .sp-chip--full", card("f-11"))).await,
        0,
        "only the full session is marked"
    );
    let label = b
        .attr(&star("f-12"), "aria-label")
        .await
        .unwrap_or_default();
    assert!(label.ends_with("(fullbokad)"), "the star says so: {label}");
    star_on(&b, "f-12").await;
    let warning = b
        .text("[data-notice=\"StarredFull\"] .sp-notice__text")
        .await;
    assert!(warning.contains("fullbokat seminarium"), "{warning}");
    star_on(&b, "f-21").await;
    b.wait_until(
        "the message about the full choice",
        "return $q(arguments[0]).validationMessage.includes('fullbokat i: Pass 1 förmiddag');",
        vec![json!(PLAN)],
    )
    .await;
    // The session page and My schedule mark it too.
    b.click(&format!("{full_card} .sp-card__open")).await;
    assert_eq!(b.text(".sp-page__full").await, "Fullbokad");
    b.js("$q(arguments[0]).showView('schedule');", vec![json!(PLAN)])
        .await;
    b.wait_for(".sp-blocks__full").await;

    // Disabled: not sent, not validated, nothing can be chosen.
    b.js("$q('#choices').disabled = true;", vec![]).await;
    b.wait_until(
        "the widget to become inert",
        "const root = $q(arguments[0]).shadowRoot.firstElementChild; return root.inert === true;",
        vec![json!(PLAN)],
    )
    .await;
    let state = b
        .js(
            "const el = $q(arguments[0]);
             return [new FormData($q('#registration')).getAll('seminarier'), el.willValidate];",
            vec![json!(PLAN)],
        )
        .await;
    assert_eq!(state, json!([[], false]));
    b.js("$q('#choices').disabled = false;", vec![]).await;
    let back = b
        .js(
            "return new FormData($q('#registration')).getAll('seminarier');",
            vec![],
        )
        .await;
    assert_eq!(back, json!(["f-12", "f-21"]));
    no_violations(&b).await;
    b.close().await;
}

/// The README's example on the demo site (`registration.html`): a seminar in every block
/// of the demo programme, set from script, and the form sends them (to itself, by GET,
/// and shows what it sent).
#[tokio::test]
async fn the_demo_registration_example_sends_one_seminar_per_block() {
    let server = Server::start();
    let driver = Chromedriver::start("the_demo_registration_example");
    let b = driver.open(&server, LAPTOP).await;
    let demo: Value =
        serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo is JSON");
    let sessions = demo["sessions"].as_array().expect("sessions");
    let picks: Vec<&str> = demo["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|block| {
            sessions
                .iter()
                .find(|s| s["block"] == block["id"])
                .and_then(|s| s["id"].as_str())
        })
        .collect();
    assert!(picks.len() > 3, "the demo has seminar blocks");

    b.goto("/registration.html").await;
    b.wait_until(
        "the demo widget's plan",
        "return $q('seminar-plan').plan;",
        vec![],
    )
    .await;
    let blocked = b
        .js("return $q('seminar-plan').validationMessage;", vec![])
        .await;
    assert!(
        blocked
            .as_str()
            .is_some_and(|m| m.starts_with("Välj ett seminarium i:")),
        "{blocked}"
    );
    let set = b
        .js(
            "return $q('seminar-plan').setPlan(arguments[0]);",
            vec![json!(picks)],
        )
        .await;
    assert_eq!(set, json!("replaced"));
    b.wait_until(
        "the summary from the change event",
        "return $q('#summary').textContent.startsWith(arguments[0] + ' seminarier valda.');",
        vec![json!(picks.len())],
    )
    .await;
    b.js(
        "$q('#namn').value = 'Kim Ek'; $q('#epost').value = 'kim@example.org';
         $q('#registration').requestSubmit();",
        vec![],
    )
    .await;
    b.wait_visible("#sent-body").await;
    let sent = b.text("#sent-body").await;
    for id in &picks {
        assert!(
            sent.contains(&format!("seminarier = {id}")),
            "{id} in {sent}"
        );
    }
    b.close().await;
}
