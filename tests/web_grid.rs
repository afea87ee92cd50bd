//! Browser tests of the timetable grid and the "now and next" strip, in headless Chromium
//! (wasm-bindgen-test). Each test mounts into its own fresh element and waits for the DOM,
//! never for a fixed time. The widget's style sheets are added to the test page, so
//! placement, sticky headers and sideways scrolling are checked as a browser lays them out.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset};
use seminarplan_core::grid::Mode;
use seminarplan_core::lang::Lang;
use seminarplan_core::model::{ProgrammeRef, SessionId};
use seminarplan_core::plan::{Plan, clashes};
use seminarplan_web::components::now_next::{NowNext, NowNextProps};
use seminarplan_web::components::timetable::{Timetable, TimetableProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

mod common;

use common::*;

wasm_bindgen_test_configure!(run_in_browser);

const CSS: [&str; 3] = [
    include_str!("../styles/base.css"),
    include_str!("../styles/card.css"),
    include_str!("../styles/timetable.css"),
];

fn at(rfc: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc).expect("time")
}

fn plan(ids: &[&str]) -> Plan {
    let mut p = Plan::default();
    for id in ids {
        p.toggle(id);
    }
    p
}

/// Adds the widget's CSS to the page once.
fn styles() {
    let document = gloo::utils::document();
    if document
        .query_selector("style[data-sp-test]")
        .expect("q")
        .is_some()
    {
        return;
    }
    let style = document.create_element("style").expect("style");
    style.set_attribute("data-sp-test", "").expect("attr");
    style.set_text_content(Some(&CSS.concat()));
    document
        .head()
        .expect("head")
        .append_child(&style)
        .expect("append");
}

/// A fresh mount element inside a widget root (`.sp-app`) of the given width in pixels.
fn fresh_root(width: u32) -> Element {
    styles();
    let document = gloo::utils::document();
    let app = document.create_element("div").expect("div");
    app.set_attribute("class", &format!("sp-app sp-test-w{width}"))
        .expect("class");
    // The test page has no CSP, so its own rule can size the box.
    let sizing = document.create_element("style").expect("style");
    sizing.set_text_content(Some(&format!(".sp-test-w{width}{{width:{width}px}}")));
    document
        .head()
        .expect("head")
        .append_child(&sizing)
        .expect("append");
    let root = document.create_element("div").expect("div");
    app.append_child(&root).expect("append");
    document
        .body()
        .expect("body")
        .append_child(&app)
        .expect("append");
    root
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn class(el: &Element) -> Vec<String> {
    el.get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Calls a method by name (web-sys only has the features the widget uses).
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    let function: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .expect("method")
        .dyn_into()
        .expect("a function");
    let list: js_sys::Array = args.iter().collect();
    function.apply(target, &list).expect("call")
}

fn computed(el: &Element, property: &str) -> String {
    let window: JsValue = web_sys::window().expect("window").into();
    let style = call(&window, "getComputedStyle", &[el.clone().into()]);
    call(&style, "getPropertyValue", &[JsValue::from_str(property)])
        .as_string()
        .unwrap_or_default()
}

/// An element's box on screen.
struct Rect {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

fn rect(el: &Element) -> Rect {
    let r = call(el, "getBoundingClientRect", &[]);
    let get = |name: &str| {
        js_sys::Reflect::get(&r, &JsValue::from_str(name))
            .expect("field")
            .as_f64()
            .expect("a number")
    };
    Rect {
        left: get("left"),
        right: get("right"),
        top: get("top"),
        bottom: get("bottom"),
    }
}

/// What `on_open` was called with.
type Log = Rc<RefCell<Vec<Option<SessionId>>>>;

fn opened() -> (Log, Callback<Option<SessionId>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let cb = {
        let log = log.clone();
        Callback::from(move |id| log.borrow_mut().push(id))
    };
    (log, cb)
}

fn timetable(
    programme: ProgrammeRef,
    day: usize,
    keep: &[&str],
    starred: &[&str],
    mode: Mode,
    now: Option<&str>,
    on_open: Callback<Option<SessionId>>,
) -> TimetableProps {
    let plan = plan(starred);
    let matching = if keep.is_empty() {
        (0..programme.sessions.len())
            .filter(|&ix| programme.sessions[ix].day == day)
            .collect()
    } else {
        keep.iter()
            .map(|id| programme.session_ix(id).expect("known id"))
            .collect()
    };
    TimetableProps {
        clashes: Rc::new(clashes(&programme, &plan)),
        programme,
        lang: Lang::Sv,
        day,
        matching: Rc::new(matching),
        plan,
        mode,
        now: now.map(at),
        open: None,
        on_open,
    }
}

#[wasm_bindgen_test]
async fn timetable_places_marks_and_opens_sessions() {
    let root = fresh_root(900);
    let (log, on_open) = opened();
    let props = timetable(
        small(),
        0,
        &["open", "s1", "s2"],
        &["s1", "s2"],
        Mode::Dim,
        Some("2027-03-16T13:30:00+01:00"),
        on_open,
    );
    yew::Renderer::<Timetable>::with_root_and_props(root.clone(), props).render();
    let region = wait_for(&root, "[role=\"region\"]").await;
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Tidsschema, tisdag 16 mars, 4 programpunkter")
    );
    assert_eq!(region.get_attribute("tabindex").as_deref(), Some("0"));
    // The note that explains the grid and points to the list.
    let note_id = region.get_attribute("aria-describedby").expect("described");
    let note = wait_for(&root, &format!("#{note_id}")).await;
    assert!(class(&note).contains(&"sp-visually-hidden".to_owned()));
    assert!(text(&note).contains("Listvyn"), "{}", text(&note));
    assert!(text(&note).contains("Piltangenterna"), "{}", text(&note));
    // A small day is drawn whole, every session in the Tab order as before windowing.
    wait_for(&root, "button.sp-tt__session").await;
    assert!(all(&root, "button.sp-tt__session[tabindex]").is_empty());
    assert_eq!(
        text(&wait_for(&root, "h2").await).as_str(),
        "tisdag 16 mars"
    );

    let rooms: Vec<String> = all(&root, ".sp-tt__room").iter().map(text).collect();
    assert_eq!(rooms, ["Stora salen", "Sal A", "Sal B", "Utan lokal"]);
    for header in all(&root, ".sp-tt__room") {
        assert_eq!(header.get_attribute("aria-hidden").as_deref(), Some("true"));
    }
    let hours: Vec<String> = all(&root, ".sp-tt__hour").iter().map(text).collect();
    assert_eq!(hours, ["13:00", "14:00", "15:00"]);

    // Sessions in reading order, each a button with its full name.
    let cells = all(&root, "button.sp-tt__session");
    let ids: Vec<String> = cells
        .iter()
        .filter_map(|c| c.get_attribute("data-session"))
        .collect();
    assert_eq!(ids, ["open", "s1", "s2", "fika"]);
    let s1 = &cells[1];
    let classes = class(s1);
    for wanted in [
        "sp-row-12",
        "sp-span-12",
        "sp-col-1",
        "sp-cspan-1",
        "sp-theme-0",
        "sp-is-starred",
        "sp-has-clash",
    ] {
        assert!(
            classes.contains(&wanted.to_owned()),
            "{wanted} in {classes:?}"
        );
    }
    assert!(!classes.contains(&"sp-is-dim".to_owned()));
    assert_eq!(
        s1.get_attribute("aria-label").as_deref(),
        Some(
            "14:00–15:00 Hållbar upphandling i praktiken, Sal A, i mitt schema, Krockar med Overprövningar"
        )
    );
    assert!(text(s1).contains('★'));
    assert_eq!(s1.get_attribute("type").as_deref(), Some("button"));
    // The coffee does not match: dimmed, and its name says so.
    let fika = &cells[3];
    assert!(class(fika).contains(&"sp-is-dim".to_owned()));
    assert_eq!(
        fika.get_attribute("aria-label").as_deref(),
        Some("15:00–15:30 Kaffe, matchar inte filtren")
    );
    // s2 is in English.
    let title = wait_for(&root, "[data-session=\"s2\"] .sp-tt__title").await;
    assert_eq!(title.get_attribute("lang").as_deref(), Some("en"));

    // The constructed sheet places the cells: row 12 is grid line 14, track 1 line 3.
    for _ in 0..100 {
        if computed(s1, "grid-row-start") == "14" {
            break;
        }
        tick().await;
    }
    assert_eq!(computed(s1, "grid-row-start"), "14");
    assert_eq!(computed(s1, "grid-row-end"), "span 12");
    assert_eq!(computed(s1, "grid-column-start"), "3");
    // Cells in the same rows line up; the next hour's cell is lower.
    let top = |el: &Element| rect(el).top;
    assert!((top(&cells[1]) - top(&cells[2])).abs() < 0.5);
    assert!(top(&cells[3]) > top(&cells[1]));
    assert!(top(&cells[1]) > top(&cells[0]));

    // The now line at 13:30: row 6, labelled.
    let line = wait_for(&root, ".sp-tt__now").await;
    assert!(class(&line).contains(&"sp-row-6".to_owned()));
    let label = wait_for(&root, ".sp-tt__nowlabel").await;
    assert_eq!(text(&label), "Nu 13:30");

    click(s1);
    tick().await;
    assert_eq!(*log.borrow(), vec![Some("s1".to_owned())]);
}

#[wasm_bindgen_test]
async fn timetable_hide_mode_and_no_now_line_on_another_day() {
    let root = fresh_root(900);
    let props = timetable(
        small(),
        0,
        &["s1"],
        &[],
        Mode::Hide,
        Some("2027-03-17T09:30:00+01:00"),
        Callback::noop(),
    );
    yew::Renderer::<Timetable>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "button.sp-tt__session").await;
    let ids: Vec<String> = all(&root, "button.sp-tt__session")
        .iter()
        .filter_map(|c| c.get_attribute("data-session"))
        .collect();
    assert_eq!(ids, ["s1"]);
    let rooms: Vec<String> = all(&root, ".sp-tt__room").iter().map(text).collect();
    assert_eq!(rooms, ["Sal A"]);
    assert!(root.query_selector(".sp-tt__now").expect("q").is_none());
    assert!(root.query_selector(".sp-is-dim").expect("q").is_none());
}

/// A morning of lightning talks (5 and 10 minutes) in one room beside an hour-long
/// session in another, then an hour of one session with a very long title.
const LIGHTNING: &str = r#"{
  "format": "seminarplan/1", "id": "blixt", "revision": "1",
  "conference": { "title": "Blixtdagen", "time_zone": "Europe/Stockholm", "language": "sv",
                  "days": ["2027-03-16"] },
  "rooms": [ { "id": "a", "name": "Sal A" }, { "id": "b", "name": "Sal B" } ],
  "types": [ { "id": "t", "name": "Seminarium", "kind": "seminar" } ],
  "sessions": [
    { "id": "b1", "title": "Seminarium hela timmen", "room": "b", "type": "t",
      "start": "2027-03-16T10:00:00+01:00", "end": "2027-03-16T11:00:00+01:00" },
    { "id": "l1", "title": "Blixt ett", "room": "a", "type": "t",
      "start": "2027-03-16T10:00:00+01:00", "end": "2027-03-16T10:05:00+01:00" },
    { "id": "l2", "title": "Blixt två med en titel som inte får plats på en rad", "room": "a", "type": "t",
      "start": "2027-03-16T10:05:00+01:00", "end": "2027-03-16T10:10:00+01:00" },
    { "id": "l3", "title": "Blixt tre, tio minuter", "room": "a", "type": "t",
      "start": "2027-03-16T10:10:00+01:00", "end": "2027-03-16T10:20:00+01:00" },
    { "id": "l4", "title": "Blixt fyra", "room": "a", "type": "t",
      "start": "2027-03-16T10:20:00+01:00", "end": "2027-03-16T10:25:00+01:00" },
    { "id": "long", "room": "a", "type": "t",
      "title": "En mycket lång titel om ramavtal, förnyad konkurrensutsättning, dynamiska inköpssystem, innovationspartnerskap, hållbarhetskrav, sociala hänsyn, arbetsrättsliga villkor, uppföljning av avtal, överprövningar, skadestånd och allt annat som en upphandlare behöver veta innan lunch",
      "start": "2027-03-16T11:00:00+01:00", "end": "2027-03-16T12:00:00+01:00" }
  ]
}"#;

/// On FOSDEM a 5-minute talk was a button 6.8 px tall: no one could tap it (WCAG 2.5.8
/// asks for 24 px) or read it. Short sessions now make their rows taller; rows that only
/// long sessions cover keep the scale, and no title, however long, makes a row grow.
#[wasm_bindgen_test]
async fn short_sessions_get_buttons_24_px_tall_and_the_hours_stay_true() {
    let root = fresh_root(375);
    let programme = ProgrammeRef(Rc::new(
        seminarplan_core::parse::parse_programme(LIGHTNING).expect("valid"),
    ));
    let props = timetable(
        programme,
        0,
        &[],
        &[],
        Mode::Dim,
        Some("2027-03-16T11:05:00+01:00"),
        Callback::noop(),
    );
    yew::Renderer::<Timetable>::with_root_and_props(root.clone(), props).render();
    let last = wait_for(&root, "[data-session=\"long\"]").await;
    for _ in 0..100 {
        if computed(&last, "grid-row-start") != "auto" {
            break;
        }
        tick().await;
    }
    let cell = |id: &str| {
        root.query_selector(&format!("[data-session=\"{id}\"]"))
            .expect("q")
            .expect("cell")
    };
    for id in ["l1", "l2", "l3", "l4"] {
        let r = rect(&cell(id));
        assert!(
            r.bottom - r.top >= 24.0,
            "{id} is {} px tall",
            r.bottom - r.top
        );
        // Its title shows, on one line inside the button.
        let title = cell(id)
            .query_selector(".sp-tt__title")
            .expect("q")
            .expect("title");
        let t = rect(&title);
        assert!(t.bottom - t.top > 10.0, "{id}'s title is hidden");
        assert!(
            t.top >= r.top && t.bottom <= r.bottom + 0.5,
            "{id}'s title runs out"
        );
    }
    // In time order, none over another.
    for pair in ["l1", "l2", "l3", "l4", "long"].windows(2) {
        let (a, b) = (rect(&cell(pair[0])), rect(&cell(pair[1])));
        assert!(b.top >= a.bottom, "{} overlaps {}", pair[1], pair[0]);
    }
    // The hour beside the room's lightning talks spans them all.
    let hour = rect(&cell("b1"));
    assert!(hour.top <= rect(&cell("l1")).top + 0.5);
    assert!(hour.bottom >= rect(&cell("l4")).bottom);
    // The 11:00 label is level with the session at 11:00.
    let eleven = all(&root, ".sp-tt__hour")
        .into_iter()
        .find(|h| text(h) == "11:00")
        .expect("11:00 on the axis");
    assert!((rect(&eleven).top - rect(&cell("long")).top).abs() < 4.0);
    // An hour of one long title and the now label (11:05) keeps the scale: 12 rows of
    // 8.8 px less the 2 px margin.
    wait_for(&root, ".sp-tt__nowlabel").await;
    let long = rect(&cell("long"));
    assert!(
        (long.bottom - long.top - (12.0 * 8.8 - 2.0)).abs() < 1.0,
        "the hour at 11:00 is {} px tall",
        long.bottom - long.top
    );
}

#[wasm_bindgen_test]
async fn timetable_with_nothing_to_show_says_so() {
    let root = fresh_root(900);
    let mut props = timetable(small(), 0, &[], &[], Mode::Hide, None, Callback::noop());
    props.matching = Rc::new(Vec::new());
    yew::Renderer::<Timetable>::with_root_and_props(root.clone(), props).render();
    let empty = wait_for(&root, ".sp-empty").await;
    assert!(text(&empty).contains("Inga programpunkter"));
    assert!(
        root.query_selector("[role=\"region\"]")
            .expect("q")
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn many_rooms_scroll_inside_the_widget_with_sticky_headers() {
    let root = fresh_root(480);
    let props = timetable(demo(), 0, &[], &[], Mode::Dim, None, Callback::noop());
    yew::Renderer::<Timetable>::with_root_and_props(root.clone(), props).render();
    let region = wait_for(&root, ".sp-tt__scroll").await;
    let foyer = wait_for(&root, "[data-session=\"utstallning-1\"]").await;
    for _ in 0..100 {
        if computed(&foyer, "grid-column-start") != "auto" {
            break;
        }
        tick().await;
    }
    // Eleven rooms, the foyer in two lanes: twelve tracks after the axis.
    assert_eq!(all(&root, ".sp-tt__room").len(), 11);
    assert_eq!(computed(&foyer, "grid-column-start"), "12");
    // The region scrolls sideways and down; the widget itself does not grow.
    assert!(
        region.scroll_width() > region.client_width(),
        "{} > {}",
        region.scroll_width(),
        region.client_width()
    );
    assert!(region.scroll_height() > region.client_height());
    let app = root.parent_element().expect("app");
    assert!(
        app.scroll_width() <= 480,
        "the widget overflows: {}",
        app.scroll_width()
    );
    // Scrolled down and right, the room headers stay on top and the hours on the left.
    region.set_scroll_top(300);
    region.set_scroll_left(400);
    tick().await;
    let frame = rect(&region);
    let header = all(&root, ".sp-tt__room")
        .into_iter()
        .find(|h| {
            let r = rect(h);
            r.left >= frame.left && r.right <= frame.right
        })
        .expect("a header in view");
    assert!((rect(&header).top - frame.top).abs() < 3.0);
    let axis = wait_for(&root, ".sp-tt__axis").await;
    assert!((rect(&axis).left - frame.left).abs() < 3.0);
}

fn now_next(programme: ProgrammeRef, now: &str, starred: &[&str], lang: Lang) -> NowNextProps {
    NowNextProps {
        programme,
        plan: plan(starred),
        lang,
        now: at(now),
        on_open: Callback::noop(),
    }
}

fn session_ids(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .filter_map(|c| c.get_attribute("data-session"))
        .collect()
}

#[wasm_bindgen_test]
async fn now_next_strip_puts_the_visitors_own_first() {
    let root = fresh_root(900);
    let (log, on_open) = opened();
    let mut props = now_next(small(), "2027-03-16T13:30:00+01:00", &["s2"], Lang::Sv);
    props.on_open = on_open;
    yew::Renderer::<NowNext>::with_root_and_props(root.clone(), props).render();
    let strip = wait_for(&root, "section.sp-nownext").await;
    assert_eq!(
        strip.get_attribute("aria-label").as_deref(),
        Some("Just nu och härnäst")
    );
    let headings: Vec<String> = all(&root, ".sp-nownext__heading")
        .iter()
        .map(text)
        .collect();
    assert_eq!(headings, ["Nu 13:30", "Härnäst kl. 14:00"]);
    assert_eq!(
        session_ids(&root, ".sp-nownext__part--now .sp-nownext__item"),
        ["open"]
    );
    assert_eq!(
        session_ids(&root, ".sp-nownext__part--next .sp-nownext__item"),
        ["s2", "s1"]
    );
    let own = wait_for(&root, "[data-session=\"s2\"]").await;
    assert!(class(&own).contains(&"sp-is-starred".to_owned()));
    let button = wait_for(&root, "[data-session=\"s2\"] button").await;
    assert_eq!(text(&button), "★ i mitt schema: Overprövningar");
    let meta = wait_for(&root, "[data-session=\"open\"] .sp-nownext__meta").await;
    assert_eq!(text(&meta), "13:00–14:00, Stora salen");
    click(&wait_for(&root, "[data-session=\"s1\"] button").await);
    tick().await;
    assert_eq!(*log.borrow(), vec![Some("s1".to_owned())]);
}

#[wasm_bindgen_test]
async fn now_next_strip_counts_the_rest_and_speaks_english() {
    let root = fresh_root(900);
    let props = now_next(demo(), "2027-03-16T15:00:00+01:00", &["s-105"], Lang::En);
    yew::Renderer::<NowNext>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "section.sp-nownext").await;
    // Nine sessions run: the visitor's, two more, and a count of the other six.
    let now = session_ids(&root, ".sp-nownext__part--now .sp-nownext__item");
    assert_eq!(now.len(), 3);
    assert_eq!(now[0], "s-105");
    let more = wait_for(&root, ".sp-nownext__part--now .sp-nownext__more").await;
    assert_eq!(text(&more), "and 6 more sessions");
    let headings: Vec<String> = all(&root, ".sp-nownext__heading")
        .iter()
        .map(text)
        .collect();
    assert_eq!(headings, ["Now 15:00", "Next at 15:45"]);
    assert_eq!(
        session_ids(&root, ".sp-nownext__part--next .sp-nownext__item"),
        ["paus-1b"]
    );
}

#[wasm_bindgen_test]
async fn now_next_strip_is_absent_outside_the_conference() {
    for now in [
        "2027-03-15T12:00:00+01:00",
        "2027-03-16T23:45:00+01:00",
        "2027-03-19T09:00:00+01:00",
    ] {
        let root = fresh_root(900);
        let props = now_next(demo(), now, &[], Lang::Sv);
        yew::Renderer::<NowNext>::with_root_and_props(root.clone(), props).render();
        tick().await;
        tick().await;
        assert!(
            root.query_selector(".sp-nownext").expect("q").is_none(),
            "{now}: {}",
            root.inner_html()
        );
    }
    // In a gap between sessions the strip stays, saying nothing runs.
    let root = fresh_root(900);
    let props = now_next(demo(), "2027-03-16T18:45:00+01:00", &[], Lang::Sv);
    yew::Renderer::<NowNext>::with_root_and_props(root.clone(), props).render();
    let none = wait_for(&root, ".sp-nownext__none").await;
    assert_eq!(text(&none), "Inget pågår just nu");
    assert_eq!(
        session_ids(&root, ".sp-nownext__part--next .sp-nownext__item"),
        ["middag"]
    );
}

/// Issue 29: a day of 334 sessions in 70 rooms draws only the cells near the scroll
/// position, every room's header, and one session in the Tab order; scrolled to the far
/// right and the bottom, the cells there are drawn and those of the first rooms are gone,
/// and the rows keep their height whichever cells are drawn.
#[wasm_bindgen_test]
async fn a_70_room_day_draws_only_what_is_near_the_view() {
    let programme = ProgrammeRef(Rc::new(
        seminarplan_core::parse::parse_programme(
            &seminarplan_core::generate::programme_json_in_rooms(1000, 70, 2027),
        )
        .expect("valid"),
    ));
    let day: Vec<String> = programme
        .sessions
        .iter()
        .filter(|s| s.day == 0)
        .map(|s| s.id.clone())
        .collect();
    let root = fresh_root(900);
    let props = timetable(programme, 0, &[], &[], Mode::Dim, None, Callback::noop());
    yew::Renderer::<Timetable>::with_root_and_props(root.clone(), props).render();
    let region = wait_for(&root, ".sp-tt__scroll").await;
    wait_for(&root, "button.sp-tt__session").await;
    let ids = |root: &Element| -> Vec<String> {
        all(root, "button.sp-tt__session")
            .iter()
            .filter_map(|b| b.get_attribute("data-session"))
            .collect()
    };
    let first = ids(&root);
    assert!(
        first.len() * 4 < day.len(),
        "{} of {}",
        first.len(),
        day.len()
    );
    assert_eq!(all(&root, ".sp-tt__room").len(), 70);
    assert_eq!(all(&root, "button.sp-tt__session[tabindex=\"0\"]").len(), 1);
    assert!(
        region
            .get_attribute("aria-label")
            .unwrap_or_default()
            .ends_with(&format!("{} programpunkter", day.len()))
    );
    let height = region.scroll_height();
    region.set_scroll_left(region.scroll_width());
    region.set_scroll_top(region.scroll_height());
    let mut later = Vec::new();
    for _ in 0..300 {
        later = ids(&root);
        if later.iter().any(|id| !first.contains(id)) {
            break;
        }
        tick().await;
    }
    let new: Vec<&String> = later.iter().filter(|id| !first.contains(id)).collect();
    assert!(!new.is_empty(), "scrolling drew nothing new");
    assert!(later.len() * 4 < day.len());
    // The one in the Tab order stays; the first rooms' other cells are gone.
    assert!(later.iter().filter(|id| first.contains(id)).count() <= 1);
    // A drawn cell far right is in view.
    let frame = rect(&region);
    assert!(all(&root, "button.sp-tt__session").iter().any(|b| {
        let r = rect(b);
        r.left >= frame.left && r.right <= frame.right + 1.0
    }));
    assert_eq!(region.scroll_height(), height);
}

/// Issue 29: the theme colours are put in before the sessions are drawn, and again by the
/// widget's effect after; the same rules must not replace the sheet (the browser would
/// restyle the whole widget for nothing), other rules must.
#[wasm_bindgen_test]
fn the_same_theme_rules_keep_the_sheet_adopted() {
    use seminarplan_web::browser::theme_sheet;
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).expect(k);
    let inside = fresh_root(400);
    let document: JsValue = web_sys::window()
        .and_then(|w| w.document())
        .expect("doc")
        .into();
    // Our theme sheets adopted into the document (the root a widget mounted without a
    // shadow root lives in), with the CSS text of their rules.
    let themes = || -> Vec<(JsValue, String)> {
        let all: js_sys::Array = get(&document, "adoptedStyleSheets").unchecked_into();
        all.iter()
            .filter(|s| get(s, "__seminarplan").as_string().as_deref() == Some("themes"))
            .map(|s| {
                let rules: js_sys::Array = js_sys::Array::from(&get(&s, "cssRules"));
                let text = rules
                    .iter()
                    .filter_map(|r| get(&r, "cssText").as_string())
                    .collect();
                (s, text)
            })
            .collect()
    };
    let demo = seminarplan_core::parse::parse_programme(include_str!("../demo/programme.json"))
        .expect("demo");
    theme_sheet::install(&inside, &demo);
    let first = themes();
    assert_eq!(first.len(), 1);
    theme_sheet::install(&inside, &demo);
    let again = themes();
    assert_eq!(again.len(), 1);
    assert!(
        js_sys::Object::is(&first[0].0, &again[0].0),
        "the same sheet"
    );
    let mut other = demo.clone();
    other.themes[0].colour = "#123456".into();
    theme_sheet::install(&inside, &other);
    let new = themes();
    assert_eq!(new.len(), 1);
    assert!(
        !js_sys::Object::is(&first[0].0, &new[0].0),
        "new colours, new sheet"
    );
    assert!(new[0].1.contains("#123456"), "{}", new[0].1);
    assert!(!first[0].1.contains("#123456"), "{}", first[0].1);
}
