//! The timetable grid and "now and next" end to end: the grid at laptop width, a session
//! opened from the grid, the remembered layout, short talks' text kept whole in their
//! cells, and the strip with a set clock.

use std::collections::BTreeSet;

use chrono::DateTime;
use serde_json::{Value, json};

use super::browser::Chromedriver;
use super::server::Server;
use super::{DAY_TABS_SHOWN, LAPTOP, PHONE, generated_1000_server, open_widget, size_name, star};

fn demo() -> Value {
    serde_json::from_str(seminarplan_core::DEMO_PROGRAMME).expect("the demo is JSON")
}

fn sessions() -> Vec<Value> {
    demo()["sessions"].as_array().expect("sessions").clone()
}

fn time(s: &Value, field: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s[field].as_str().expect("time")).expect("RFC 3339")
}

#[tokio::test]
async fn grid_shows_the_day_and_opens_a_clicked_session() {
    let server = Server::start();
    let driver = Chromedriver::start("grid");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/?day=2027-03-17").await;
    browser.click_nth(".sp-layout__button", 1).await;
    browser.wait_for("button.sp-tt__session").await;

    // Every session of the day is in the grid (dimming, not hiding, is the default).
    let day: BTreeSet<String> = sessions()
        .iter()
        .filter(|s| {
            s["start"]
                .as_str()
                .unwrap_or_default()
                .starts_with("2027-03-17")
        })
        .map(|s| s["id"].as_str().expect("id").to_owned())
        .collect();
    let shown: BTreeSet<String> = browser
        .js(
            "return Array.from($qa('button.sp-tt__session')).map(b => b.dataset.session);",
            vec![],
        )
        .await
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(shown, day);
    // One column per room used that day, headers in view.
    assert!(browser.count(".sp-tt__room").await >= 8);
    // The grid scrolls inside the widget; the page itself never scrolls sideways.
    let page = browser
        .js(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;",
            vec![],
        )
        .await;
    assert_eq!(page, json!(true));
    browser.screenshot(&size_name("grid", LAPTOP)).await;

    browser
        .click("button.sp-tt__session[data-session=\"s-301\"]")
        .await;
    browser
        .wait_for("dialog.sp-dialog[open] .sp-page[data-session=\"s-301\"]")
        .await;
    browser.screenshot(&size_name("grid-session", LAPTOP)).await;

    // The choice of layout is remembered.
    browser.goto("/?day=2027-03-17").await;
    browser.wait_for("button.sp-tt__session").await;
    browser.close().await;
}

/// The sessions of the timetable whose text is cut through a line: a piece of text
/// shown (the time, the title, "full") that runs past the bottom of its cell.
const CUT_THROUGH: &str = "const out = [];
     for (const b of $qa('button.sp-tt__session')) {
         const cell = b.getBoundingClientRect();
         const bottom = cell.bottom - parseFloat(getComputedStyle(b).borderBottomWidth);
         for (const part of b.querySelectorAll('.sp-tt__when, .sp-tt__title, .sp-tt__full')) {
             if (getComputedStyle(part).display === 'none') continue;
             const r = part.getBoundingClientRect();
             if (r.height > 0 && r.bottom > bottom + 0.5) {
                 out.push(b.dataset.session + ' ' + part.className + ': ' + Math.round(r.bottom) + ' > ' + Math.round(bottom));
             }
         }
     }
     return { cut: out.slice(0, 5), cuts: out.length, cells: $qa('button.sp-tt__session').length };";

/// Talks of 15 to 25 minutes with titles of up to twelve words (a generated congress of
/// 1,000 sessions): every cell shows whole lines, the title cut short with an ellipsis
/// where it does not fit, never a line cut through the middle.
#[tokio::test]
async fn short_talks_show_whole_lines_in_the_timetable() {
    let server = generated_1000_server();
    let driver = Chromedriver::start("grid_short_talks");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/page/generated-1000").await;
    browser.click_nth(".sp-layout__button", 1).await;
    browser.wait_for("button.sp-tt__session").await;
    for size in [LAPTOP, PHONE] {
        browser.set_viewport(size.0, size.1).await;
        browser.wait_for("button.sp-tt__session").await;
        browser
            .screenshot(&size_name("grid-generated-1000", size))
            .await;
        // Three days named in long words ("onsdag 10 november"): the short dates, every
        // day in view on a laptop (on a phone the row scrolls, the current day in view).
        assert_eq!(
            browser
                .js(DAY_TABS_SHOWN, vec![json!(size == LAPTOP), json!("short")])
                .await,
            json!(true),
            "at {} px, the day tabs",
            size.0
        );
        // A day this large is drawn near the scroll position only: look at its start,
        // middle and end.
        let mut cells = 0;
        for at in [0.0, 0.5, 1.0] {
            browser
                .js(
                    "const r = $q('.sp-tt__scroll');
                     r.scrollLeft = (r.scrollWidth - r.clientWidth) * arguments[0];
                     r.scrollTop = (r.scrollHeight - r.clientHeight) * arguments[0];
                     return 1;",
                    vec![json!(at)],
                )
                .await;
            browser
                .wait_until(
                    "cells drawn where the timetable is scrolled to",
                    "const v = $q('.sp-tt__scroll').getBoundingClientRect();
                     return $qa('button.sp-tt__session').some(b => {
                         const r = b.getBoundingClientRect();
                         return r.left >= v.left && r.right <= v.right;
                     });",
                    vec![],
                )
                .await;
            let seen = browser.js(CUT_THROUGH, vec![]).await;
            cells += seen["cells"].as_u64().unwrap_or_default();
            assert_eq!(
                seen["cuts"],
                json!(0),
                "at {} px, scrolled {at}: {seen} (target/e2e-screenshots/grid-generated-1000-*.png)",
                size.0
            );
        }
        assert!(cells > 100, "{cells} cells checked");
    }
    browser.close().await;
}

#[tokio::test]
async fn now_and_next_strip_shows_the_right_sessions() {
    let server = Server::start();
    let driver = Chromedriver::start("now_next");
    let browser = driver.open(&server, LAPTOP).await;
    let now = DateTime::parse_from_rfc3339("2027-03-17T10:30:00+01:00").expect("time");

    // What the data says is on now, and what starts next that day.
    let all = sessions();
    let running: BTreeSet<String> = all
        .iter()
        .filter(|s| time(s, "start") <= now && now < time(s, "end"))
        .map(|s| s["id"].as_str().expect("id").to_owned())
        .collect();
    let next_start = all
        .iter()
        .map(|s| time(s, "start"))
        .filter(|t| *t > now && t.date_naive() == now.date_naive())
        .min()
        .expect("something starts later that day");
    let next: BTreeSet<String> = all
        .iter()
        .filter(|s| time(s, "start") == next_start)
        .map(|s| s["id"].as_str().expect("id").to_owned())
        .collect();
    assert!(
        running.len() > 3,
        "a block is running at 10:30: {running:?}"
    );

    open_widget(&browser, "/?now=2027-03-17T10:30:00%2B01:00").await;
    // The visitor's own session comes first: star one of the running seminars.
    let mine = running
        .iter()
        .find(|id| id.starts_with("s-4"))
        .expect("a seminar of pass 4")
        .clone();
    browser.click(&star(&mine)).await;
    browser
        .wait_for_attr(&star(&mine), "aria-pressed", "true")
        .await;
    browser.wait_for(".sp-nownext__part").await;

    let strip = browser
        .js(
            "const parts = $qa('.sp-nownext__part');
             const ids = p => Array.from(p.querySelectorAll('[data-session]')).map(e => e.dataset.session);
             const more = p => { const m = p.querySelector('.sp-nownext__more'); return m ? parseInt(m.textContent.match(/\\d+/)[0], 10) : 0; };
             return [ids(parts[0]), more(parts[0]), ids(parts[1]), more(parts[1])];",
            vec![],
        )
        .await;
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (now_ids, now_more, next_ids, next_more) = (
        ids(&strip[0]),
        strip[1].as_u64().unwrap_or(0),
        ids(&strip[2]),
        strip[3].as_u64().unwrap_or(0),
    );
    assert_eq!(
        now_ids.first(),
        Some(&mine),
        "the visitor's own first: {now_ids:?}"
    );
    assert!(
        now_ids.iter().all(|id| running.contains(id)),
        "{now_ids:?} ⊆ {running:?}"
    );
    assert_eq!(now_ids.len() + now_more as usize, running.len());
    assert!(
        next_ids.iter().all(|id| next.contains(id)),
        "{next_ids:?} ⊆ {next:?}"
    );
    assert_eq!(next_ids.len() + next_more as usize, next.len());
    // The "now" line stands in the list of that day.
    assert_eq!(browser.count(".sp-now-line").await, 1);
    browser.screenshot(&size_name("now-next", LAPTOP)).await;
    browser.close().await;
}

/// The accessible name and role of what has focus, as the browser's accessibility tree
/// hands them to a screen reader, and the name of the region around it.
async fn announced(browser: &super::browser::Browser) -> (String, String, String) {
    let tree = browser.cdp("Accessibility.getFullAXTree", json!({})).await;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    let value = |n: &Value, key: &str| n[key]["value"].as_str().unwrap_or_default().to_owned();
    // The page's root is focused too; the element with focus comes after it.
    let focused = nodes
        .iter()
        .rfind(|n| {
            n["properties"].as_array().is_some_and(|ps| {
                ps.iter()
                    .any(|p| p["name"] == "focused" && p["value"]["value"] == json!(true))
            })
        })
        .expect("something has focus in the accessibility tree");
    let region = nodes
        .iter()
        .find(|n| value(n, "role") == "region" && value(n, "name").starts_with("Tidsschema"))
        .map(|n| value(n, "name"))
        .unwrap_or_default();
    (value(focused, "role"), value(focused, "name"), region)
}

/// Issue 29: a day of 1,000 sessions in 70 rooms draws only the cells near the scroll
/// position, and still a keyboard alone reaches a session in the last room late in the
/// day: it is drawn when the keys move to it, has focus, is in view past the sticky
/// headers and axis, and a screen reader announces its time, title and room. The region
/// says how many sessions the day has, and only one session is in the Tab order.
#[tokio::test]
async fn a_far_session_of_a_70_room_day_is_reached_by_keyboard_and_announced() {
    let json_text = seminarplan_core::generate::programme_json_in_rooms(1000, 70, 2027);
    let programme: Value = serde_json::from_str(&json_text).expect("JSON");
    let server = Server::builder()
        .route("/generated/rooms70.json", move |_| {
            super::server::Response::ok(super::server::JSON, json_text.clone())
        })
        .variant("rooms70", "/generated/rooms70.json")
        .start();
    let driver = Chromedriver::start("grid_rooms70_keyboard");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/page/rooms70").await;
    browser.click_nth(".sp-layout__button", 1).await;
    browser.wait_for("button.sp-tt__session").await;

    let first_day = programme["conference"]["days"][0].as_str().expect("a day");
    let sessions = programme["sessions"].as_array().expect("sessions");
    let day: Vec<&Value> = sessions
        .iter()
        .filter(|s| {
            s["start"]
                .as_str()
                .unwrap_or_default()
                .starts_with(first_day)
        })
        .collect();
    let drawn_at_first: BTreeSet<String> = browser
        .js(
            "return Array.from($qa('button.sp-tt__session')).map(b => b.dataset.session);",
            vec![],
        )
        .await
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        drawn_at_first.len() * 4 < day.len(),
        "{} of the day's {} sessions are in the DOM",
        drawn_at_first.len(),
        day.len()
    );
    // Every room has its header; only one session is in the Tab order.
    assert_eq!(
        browser.count("button.sp-tt__session[tabindex=\"0\"]").await,
        1
    );

    // From the layout switch: Tab past the region to the session, End to the last
    // room (the restaurant), Left to the room beside it, Page Down an hour later, Down
    // to the next session there.
    use fantoccini::key::Key;
    let press = |keys: &'static [Key]| super::a11y::press(&browser, keys);
    let on_cell = "return $active() !== null && $active().matches('button.sp-tt__session');";
    let mut path = Vec::new();
    while browser.js(on_cell, vec![]).await != json!(true) {
        assert!(path.len() < 6, "Tab does not reach a session: {path:?}");
        press(&[Key::Tab]).await;
        path.push(
            browser
                .js(
                    "const a = $active(); return a ? a.outerHTML.slice(0, 80) : null;",
                    vec![],
                )
                .await,
        );
    }
    let first = browser
        .js("return $active().dataset.session;", vec![])
        .await;
    press(&[Key::End]).await;
    press(&[Key::Left]).await;
    press(&[Key::PageDown]).await;
    press(&[Key::Down]).await;
    let (role, name, region) = announced(&browser).await;
    let focused = browser
        .js(
            "const el = $active(), region = el.closest('.sp-tt__scroll');
             const corner = region.querySelector('.sp-tt__corner').getBoundingClientRect();
             const r = el.getBoundingClientRect(), v = region.getBoundingClientRect();
             return {
                 id: el.dataset.session || null,
                 inView: r.left >= corner.right - 1 && r.right <= v.right + 1
                     && r.top >= corner.bottom - 1 && r.bottom <= v.bottom + 1,
             };",
            vec![],
        )
        .await;
    let id = focused["id"]
        .as_str()
        .expect("a session has focus")
        .to_owned();
    assert!(
        !drawn_at_first.contains(&id),
        "{id} was drawn before the keys moved to it"
    );
    assert_eq!(focused["inView"], json!(true), "{id} is in view: {focused}");
    let session = day
        .iter()
        .find(|s| s["id"] == id.as_str())
        .unwrap_or_else(|| panic!("{id} is a session of the first day"));
    // One of the last rooms used that day, as the programme lists its rooms.
    let rooms: Vec<&Value> = programme["rooms"]
        .as_array()
        .expect("rooms")
        .iter()
        .filter(|r| day.iter().any(|s| s["room"] == r["id"]))
        .collect();
    let column = rooms
        .iter()
        .position(|r| r["id"] == session["room"])
        .expect("its room");
    assert!(
        column + 3 >= rooms.len(),
        "{id} is in room {column} of {}",
        rooms.len()
    );
    let start = time(session, "start").format("%H:%M").to_string();
    let end = time(session, "end").format("%H:%M").to_string();
    let title = session["title"].as_str().expect("title");
    // A name in two languages is announced in the widget's (Swedish).
    let name_of = &rooms[column]["name"];
    let room = name_of
        .as_str()
        .or_else(|| name_of["sv"].as_str())
        .expect("room name");
    assert_eq!(role, "button");
    assert!(
        name.starts_with(&format!("{start}–{end} {title}, {room}")),
        "announced as {name:?}"
    );
    let first = day
        .iter()
        .find(|s| s["id"] == first)
        .expect("the first focused session");
    assert!(
        time(session, "start") > time(first, "start"),
        "{start} is later in the day"
    );
    assert!(
        region.contains(&format!("{} programpunkter", day.len())),
        "{region}"
    );
    browser.close().await;
}
