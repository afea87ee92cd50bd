//! A delegation plans together, in three browser profiles (each a fresh chromedriver
//! session with its own user-data-dir, so its own localStorage): Anna shares her plan;
//! Bo keeps it as a colleague's, sees who goes where, takes a block nobody covers, and
//! shares the delegation's link; a third, fresh profile opens that link and sees every
//! name and choice.

use serde_json::{Value, json};

use crate::browser::{Browser, Chromedriver};
use crate::schedule::star_card;
use crate::server::Server;
use crate::{LAPTOP, PHONE, open_widget, show_my_schedule, size_name, wait_for_widget};

const DEMO_ID: &str = "inkopsforum-2027";
const PLAN_KEY: &str = "seminarplan:default:plan:inkopsforum-2027";
const TEAM_KEY: &str = "seminarplan:default:team:inkopsforum-2027";

/// The words of the elements `arguments[0]` that are broken across lines.
const WORDS_BROKEN: &str = "const out = [];
     for (const el of $qa(arguments[0])) {
         const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
         for (let t = walker.nextNode(); t; t = walker.nextNode()) {
             for (const m of t.data.matchAll(/\\S+/g)) {
                 const r = document.createRange();
                 r.setStart(t, m.index);
                 r.setEnd(t, m.index + m[0].length);
                 const lines = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
                 if (lines.size > 1) out.push(m[0]);
             }
         }
     }
     return out;";

/// Sets a text field's value as typing would, and sends `input` and `change`.
async fn fill(browser: &Browser, css: &str, text: &str) {
    browser.wait_visible(css).await;
    browser
        .js(
            "const el = $q(arguments[0]);
             el.focus();
             el.value = arguments[1];
             el.dispatchEvent(new InputEvent('input', { bubbles: true, data: arguments[1] }));
             el.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![json!(css), json!(text)],
        )
        .await;
}

/// Opens the delegation view (the third view button).
async fn show_team(browser: &Browser) {
    browser.click_nth(".sp-viewswitch__button", 2).await;
    browser
        .wait_until(
            "the delegation view to be shown",
            "const b = $qa('.sp-viewswitch__button')[2];
             return b !== undefined && b.getAttribute('aria-pressed') === 'true'
                 && $q('.sp-team .sp-cover') !== null;",
            vec![],
        )
        .await;
}

/// The coverage table's column headings (the first day's table).
async fn columns(browser: &Browser) -> Value {
    browser
        .js(
            "return Array.from($qa('.sp-cover')[0].querySelectorAll('thead th'),
                 th => th.textContent.trim());",
            vec![],
        )
        .await
}

/// Per person (column), the session ids shown in a block's row.
async fn row(browser: &Browser, block: &str) -> Value {
    browser
        .js(
            "const tr = $q(`tr[data-slot=\"${arguments[0]}\"]`);
             if (tr === null) return null;
             return {
                 uncovered: tr.classList.contains('sp-cover__row--uncovered'),
                 flag: (tr.querySelector('.sp-cover__flag') || { textContent: '' }).textContent,
                 cells: Array.from(tr.querySelectorAll('td'),
                     td => Array.from(td.querySelectorAll('[data-session]'), p => p.dataset.session)),
                 dup: Array.from(tr.querySelectorAll('.sp-cover__dup'), d => d.textContent),
             };",
            vec![json!(block)],
        )
        .await
}

/// Waits until localStorage under `key` satisfies `check` (a JS expression over the
/// parsed record `r`), and returns the record.
async fn wait_record(browser: &Browser, key: &str, what: &str, check: &str) -> Value {
    let text = browser
        .wait_until(
            what,
            &format!(
                "const text = localStorage.getItem(arguments[0]);
                 if (text === null) return null;
                 try {{ const r = JSON.parse(text); return ({check}) ? text : null; }}
                 catch (e) {{ return null; }}"
            ),
            vec![json!(key)],
        )
        .await;
    serde_json::from_str(text.as_str().unwrap_or_default()).unwrap_or(Value::Null)
}

/// The query value `name` of `url`, percent-decoded.
fn query_value(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1.split('#').next()?;
    let raw = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)?
        .1;
    Some(seminarplan_core::url_state::decode_component(raw))
}

// One journey across three profiles, step by step as the issue lists them.
#[allow(clippy::too_many_lines)]
#[tokio::test]
async fn a_delegation_plans_together_in_three_profiles() {
    let server = Server::start();
    let driver = Chromedriver::start("a_delegation_plans_together_in_three_profiles");

    // 1. Anna (her own profile) chooses s-101 (pass 1) and s-201 (pass 2) and shares.
    let anna = driver.open(&server, LAPTOP).await;
    open_widget(&anna, "/").await;
    star_card(&anna, "s-101").await;
    star_card(&anna, "s-201").await;
    show_my_schedule(&anna).await;
    anna.click(".sp-mine__share").await;
    anna.wait_visible("#sp-share-link").await;
    let link = anna.value("#sp-share-link").await;
    let value = query_value(&link, "sp.share").expect("a share link");
    let (plan, stamp) = seminarplan_core::delegation::link::split_stamp(&value);
    let shared = seminarplan_core::share::decode(plan).expect("the plan reads back");
    assert_eq!(
        (
            shared.programme.as_str(),
            shared.ids.iter().map(String::as_str).collect::<Vec<_>>()
        ),
        (DEMO_ID, vec!["s-101", "s-201"]),
        "{link}"
    );
    assert!(
        stamp > 1_700_000_000,
        "the link says when it was made: {value}"
    );
    anna.close().await;

    // 2. Bo (a second profile) has chosen s-102 (pass 1) and s-201 (pass 2, as Anna).
    let bo = driver.open(&server, LAPTOP).await;
    open_widget(&bo, "/").await;
    star_card(&bo, "s-102").await;
    star_card(&bo, "s-201").await;
    wait_record(&bo, PLAN_KEY, "Bo's plan saved", "r.starred.length === 2").await;
    bo.goto_url(&link).await;
    wait_for_widget(&bo).await;
    bo.wait_visible(".sp-shared").await;
    fill(&bo, "#sp-addcolleague-name", " Anna ").await;
    bo.click(".sp-addcolleague__keep").await;
    bo.wait_until(
        "Anna to be kept as a colleague",
        "return $q('.sp-shared') === null && !location.href.includes('share=')
             && ($q('.sp-teamstatus') || { textContent: '' }).textContent.includes('Anna är tillagd');",
        vec![],
    )
    .await;
    let team = wait_record(
        &bo,
        TEAM_KEY,
        "the colleagues record",
        "r.colleagues.length === 1",
    )
    .await;
    assert_eq!(team["colleagues"][0]["name"], "Anna");
    assert_eq!(team["colleagues"][0]["stamp"], json!(stamp));
    assert_eq!(
        team["colleagues"][0]["plan"]["starred"],
        json!(["s-101", "s-201"])
    );
    let own = wait_record(&bo, PLAN_KEY, "Bo's plan", "true").await;
    assert_eq!(
        own["starred"],
        json!(["s-102", "s-201"]),
        "Bo's own plan is untouched"
    );

    // The delegation view: who goes where.
    show_team(&bo).await;
    assert_eq!(columns(&bo).await, json!(["Pass", "Jag", "Anna"]));
    let pass1 = row(&bo, "pass-1").await;
    assert_eq!(pass1["cells"], json!([["s-102"], ["s-101"]]), "{pass1}");
    assert_eq!(pass1["uncovered"], json!(false));
    let pass2 = row(&bo, "pass-2").await;
    assert_eq!(pass2["cells"], json!([["s-201"], ["s-201"]]), "{pass2}");
    assert_eq!(
        pass2["dup"],
        json!(["Samma som Anna", "Samma som Jag"]),
        "two of us in one session is said in words"
    );
    let pass3 = row(&bo, "pass-3").await;
    assert_eq!(pass3["uncovered"], json!(true), "{pass3}");
    assert_eq!(pass3["flag"], "Ingen av er går på det här passet");
    assert_eq!(pass3["cells"], json!([[], []]));

    // 3. Bo takes an uncovered session: s-303 in pass 3.
    let take =
        r#".sp-uncovered__block[data-block="pass-3"] [data-session="s-303"] .sp-uncovered__take"#;
    bo.wait_for(take).await;
    bo.click(take).await;
    bo.wait_until(
        "pass 3 to be covered",
        "const tr = $q('tr[data-slot=\"pass-3\"]');
         return tr !== null && !tr.classList.contains('sp-cover__row--uncovered')
             && $q('.sp-uncovered__block[data-block=\"pass-3\"]') === null;",
        vec![],
    )
    .await;
    assert_eq!(row(&bo, "pass-3").await["cells"], json!([["s-303"], []]));
    wait_record(
        &bo,
        PLAN_KEY,
        "s-303 saved in Bo's own plan",
        "r.starred.includes('s-303') && r.starred.length === 3",
    )
    .await;

    // Bo's day: free time and a change of floor between his sessions.
    show_my_schedule(&bo).await;
    bo.wait_for(r#".sp-dayplan[data-plan="mine"] [data-session="s-201"]"#)
        .await;
    let day = bo
        .text(r#".sp-dayplan[data-plan="mine"] [data-session="s-201"]"#)
        .await;
    assert!(day.contains("30 min ledigt"), "{day}");
    assert!(
        day.contains("Byt våning"),
        "from Sal A (floor 3) to Stora salen (floor 2): {day}"
    );

    // 4. The delegation's link, with Bo's name, opens in a third, fresh profile.
    show_team(&bo).await;
    bo.click(".sp-team__share").await;
    bo.wait_visible("#sp-teamshare-link").await;
    bo.wait_visible("svg.sp-qr").await;
    // Typed, key by key, and not left: the link and its QR code follow as the name is
    // typed (issue 28: they took it only when the field lost focus).
    bo.find_nth("#sp-teamshare-name", 0)
        .await
        .send_keys("Bo")
        .await
        .expect("type the name");
    let team_link = bo
        .wait_until(
            "the delegation link to carry Bo's name",
            "const v = $q('#sp-teamshare-link').value;
             return v.includes('~~Bo') ? v : null;",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    bo.close().await;

    let cia = driver.open(&server, LAPTOP).await;
    cia.goto_url(&team_link).await;
    wait_for_widget(&cia).await;
    cia.wait_visible(".sp-teamlink").await;
    assert_eq!(
        cia.text(".sp-teamlink .sp-changes__title").await,
        "En delegation delade sina scheman (2 personer)"
    );
    let people = cia.texts(".sp-teamlink__people label").await;
    assert_eq!(
        people,
        [
            "Ingen av dem",
            "Bo (3 programpunkter)",
            "Anna (2 programpunkter)"
        ]
    );
    cia.click(".sp-teamlink__take").await;
    cia.wait_until(
        "the delegation to be taken",
        "return $q('.sp-teamlink') === null && !location.href.includes('team=');",
        vec![],
    )
    .await;
    show_team(&cia).await;
    assert_eq!(columns(&cia).await, json!(["Pass", "Jag", "Bo", "Anna"]));
    assert_eq!(
        row(&cia, "pass-1").await["cells"],
        json!([[], ["s-102"], ["s-101"]])
    );
    assert_eq!(
        row(&cia, "pass-2").await["cells"],
        json!([[], ["s-201"], ["s-201"]])
    );
    assert_eq!(
        row(&cia, "pass-3").await["cells"],
        json!([[], ["s-303"], []])
    );
    let team = wait_record(
        &cia,
        TEAM_KEY,
        "the delegation kept",
        "r.colleagues.length === 2",
    )
    .await;
    assert_eq!(team["colleagues"][0]["name"], "Bo");
    assert_eq!(
        team["colleagues"][1]["plan"]["starred"],
        json!(["s-101", "s-201"])
    );
    let own = cia
        .js(
            "const t = localStorage.getItem(arguments[0]);
             return t === null ? [] : JSON.parse(t).starred;",
            vec![json!(PLAN_KEY)],
        )
        .await;
    assert_eq!(
        own,
        json!([]),
        "taking the delegation as colleagues leaves the own plan alone"
    );
    for size in [LAPTOP, PHONE] {
        cia.set_viewport(size.0, size.1).await;
        cia.scroll_to(None).await;
        cia.screenshot(&size_name("delegation", size)).await;
        assert_eq!(
            cia.js(WORDS_BROKEN, vec![json!(".sp-cover th")]).await,
            json!([]),
            "at {} px no heading of the table breaks inside a word",
            size.0
        );
    }
    cia.close().await;
}
