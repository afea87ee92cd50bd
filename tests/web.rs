//! Browser tests of the components, in headless Chromium (wasm-bindgen-test).
//! Each test mounts into its own fresh element and waits for the DOM, never for a fixed time.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use seminarplan_core::lang::Lang;
use seminarplan_web::app::{App, AppProps};
use seminarplan_web::browser::url::UrlPlace;
use seminarplan_web::components::session_card::{SessionCard, SessionCardProps};
use seminarplan_web::components::star_button::{StarButton, StarButtonProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

mod common;

use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

#[wasm_bindgen_test]
async fn card_shows_the_session_and_reports_expand_and_star() {
    let root = fresh_root();
    let expanded = Rc::new(RefCell::new(Vec::<String>::new()));
    let starred = Rc::new(RefCell::new(Vec::<String>::new()));
    let chosen = Rc::new(RefCell::new(Vec::<String>::new()));
    let programme = small();
    let ix = programme.session_ix("s1").expect("s1");
    let props = SessionCardProps {
        programme,
        ix,
        lang: Lang::Sv,
        starred: false,
        expanded: false,
        clashes_with: vec!["Overprövningar".into()],
        heading_level: 4,
        on_star: {
            let starred = starred.clone();
            Callback::from(move |id| starred.borrow_mut().push(id))
        },
        on_expand: {
            let expanded = expanded.clone();
            Callback::from(move |id| expanded.borrow_mut().push(id))
        },
        terms: Rc::new(seminarplan_core::search::terms("hallbar")),
        on_open: Callback::noop(),
        on_choose: Some({
            let chosen = chosen.clone();
            Callback::from(move |id| chosen.borrow_mut().push(id))
        }),
        live: true,
    };
    yew::Renderer::<SessionCard>::with_root_and_props(root.clone(), props).render();
    let card = wait_for(&root, "article.sp-card").await;
    let text = card.text_content().unwrap_or_default();
    assert!(text.contains("14:00"), "{text}");
    assert!(text.contains("15:00"), "{text}");
    assert!(text.contains("Sal A"), "{text}");
    assert!(text.contains("Anna Berg (Östersunds kommun)"), "{text}");
    assert!(text.contains("Hållbarhet"), "{text}");
    assert_eq!(card.get_attribute("data-session").as_deref(), Some("s1"));
    let title = wait_for(&root, "h4.sp-card__title").await;
    assert_eq!(
        title.text_content().as_deref(),
        Some("Hållbar upphandling i praktiken")
    );
    let clash = wait_for(&root, ".sp-card__clash").await;
    assert!(
        clash
            .text_content()
            .unwrap_or_default()
            .contains("Krockar med Overprövningar")
    );
    let time = wait_for(&root, "time").await;
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2027-03-16T14:00:00+01:00")
    );

    let mark = wait_for(&root, "h4.sp-card__title mark").await;
    assert_eq!(
        mark.text_content().as_deref(),
        Some("Hållbar"),
        "the search word is marked"
    );

    let toggle = wait_for(&root, ".sp-card__toggle").await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let body = wait_for(&root, ".sp-card__body").await;
    assert!(body.has_attribute("hidden"));
    click(&toggle);
    click(&wait_for(&root, ".sp-star").await);
    click(&wait_for(&root, ".sp-card__choose").await);
    tick().await;
    assert_eq!(*chosen.borrow(), vec!["s1".to_string()]);
    assert_eq!(*expanded.borrow(), vec!["s1".to_string()]);
    assert_eq!(*starred.borrow(), vec!["s1".to_string()]);
}

#[wasm_bindgen_test]
async fn english_session_is_marked_with_its_language() {
    let root = fresh_root();
    let programme = small();
    let ix = programme.session_ix("s2").expect("s2");
    let props = SessionCardProps {
        programme,
        ix,
        lang: Lang::Sv,
        starred: true,
        expanded: false,
        clashes_with: vec![],
        heading_level: 4,
        on_star: Callback::noop(),
        on_expand: Callback::noop(),
        terms: Rc::default(),
        on_open: Callback::noop(),
        on_choose: None,
        live: true,
    };
    yew::Renderer::<SessionCard>::with_root_and_props(root.clone(), props).render();
    let card = wait_for(&root, "article.sp-card").await;
    assert_eq!(card.get_attribute("lang").as_deref(), Some("en"));
    assert!(
        card.get_attribute("class")
            .unwrap_or_default()
            .contains("sp-is-starred")
    );
    assert!(root.query_selector(".sp-card__clash").expect("q").is_none());
    let chips = wait_for(&root, ".sp-chip--lang").await;
    assert_eq!(chips.text_content().as_deref(), Some("Engelska"));
}

#[wasm_bindgen_test]
async fn star_button_says_what_it_does_and_to_which_session() {
    let root = fresh_root();
    let props = StarButtonProps {
        id: "s1".into(),
        title: "Hållbar upphandling i praktiken".into(),
        starred: false,
        full: false,
        lang: Lang::Sv,
        on_star: Callback::noop(),
    };
    yew::Renderer::<StarButton>::with_root_and_props(root.clone(), props).render();
    let star = wait_for(&root, "button.sp-star").await;
    assert_eq!(
        star.get_attribute("aria-label").as_deref(),
        Some("Lägg till Hållbar upphandling i praktiken i mitt schema")
    );
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(star.get_attribute("type").as_deref(), Some("button"));
}

/// The demo programme as a `blob:` URL: the widget fetches it like any programme file
/// (the bundle serves it as `demo/programme.json`; the test runner does not).
fn demo_src() -> AttrValue {
    let parts = js_sys::Array::of1(&seminarplan_core::DEMO_PROGRAMME.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).expect("blob");
    AttrValue::from(web_sys::Url::create_object_url_with_blob(&blob).expect("blob URL"))
}

/// The widget in Swedish, reading `src`, keeping what it saves under `namespace`, and
/// leaving the address alone.
fn app_props(src: AttrValue, namespace: AttrValue) -> AppProps {
    AppProps {
        src: Some(src),
        lang: Lang::Sv,
        namespace,
        url: UrlPlace::none(),
        now: None,
        view: Default::default(),
        layout: None,
        timeout: None,
        keep_params: None,
        host: None,
        link_dropped: false,
    }
}

/// A storage namespace no other test uses, so tests never see each other's stars.
fn namespace(test: &str) -> AttrValue {
    AttrValue::from(format!("web-{test}-{}", js_sys::Date::now() as u64))
}

#[wasm_bindgen_test]
async fn app_stars_a_seminar_and_shows_it_in_my_schedule() {
    let root = fresh_root();
    let props = app_props(demo_src(), namespace("star"));
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "article.sp-card").await;

    // Day tabs: three days and "all days", the first pressed; the second switches the list.
    let days = all(&root, ".sp-daytabs__button");
    assert_eq!(days.len(), 4);
    assert!(
        days[3]
            .text_content()
            .unwrap_or_default()
            .contains("Alla dagar")
    );
    assert_eq!(
        days[0].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    click(&days[1]);
    tick().await;
    let heading = wait_for(&root, ".sp-day__title").await;
    assert!(
        heading
            .text_content()
            .unwrap_or_default()
            .contains("17 mars")
    );

    let star = wait_for(&root, "[data-session=\"s-301\"] .sp-star").await;
    click(&star);
    tick().await;
    let star = wait_for(&root, "[data-session=\"s-301\"] .sp-star").await;
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("true"));
    let title = wait_for(&root, "[data-session=\"s-301\"] .sp-card__title").await;
    let title = title.text_content().unwrap_or_default();

    let views = all(&root, ".sp-viewswitch__button");
    assert_eq!(views.len(), 3);
    assert!(
        views[2]
            .text_content()
            .unwrap_or_default()
            .contains("Delegationen")
    );
    assert!(
        views[1]
            .text_content()
            .unwrap_or_default()
            .contains("Mitt schema")
    );
    click(&views[1]);
    tick().await;
    let mine = wait_for(&root, ".sp-mine").await;
    let cards = all(&mine, "article.sp-card");
    assert_eq!(cards.len(), 1);
    assert!(cards[0].text_content().unwrap_or_default().contains(&title));
    assert!(
        root.query_selector(".sp-daytabs").expect("q").is_none(),
        "My schedule has no day tabs"
    );
}

#[wasm_bindgen_test]
async fn app_switches_language() {
    let root = fresh_root();
    let props = app_props(demo_src(), namespace("lang"));
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "article.sp-card").await;
    let switch = wait_for(&root, ".sp-langswitch").await;
    assert_eq!(switch.text_content().as_deref(), Some("English"));
    click(&switch);
    tick().await;
    let app = wait_for(&root, ".sp-app").await;
    assert_eq!(app.get_attribute("lang").as_deref(), Some("en"));
    let views = all(&root, ".sp-viewswitch__button");
    assert!(
        views[1]
            .text_content()
            .unwrap_or_default()
            .contains("My schedule")
    );
    let heading = wait_for(&root, ".sp-day__title").await;
    assert!(
        heading
            .text_content()
            .unwrap_or_default()
            .contains("Tuesday")
    );
}

/// Types into the search field as a visitor would (an `input` event that bubbles).
fn type_into(input: &Element, text: &str) {
    let input: &web_sys::HtmlInputElement = input.dyn_ref().expect("input");
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into())
        .expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

/// The sessions of the list once it is whole: a new list shows its first screen, then the
/// rest of its first cards (`aria-busy` until then, issue 29).
async fn shown_ids(root: &Element) -> Vec<String> {
    for _ in 0..500 {
        if root
            .query_selector("[aria-busy=\"true\"]")
            .expect("selector")
            .is_none()
        {
            break;
        }
        tick().await;
    }
    visible_ids(root)
}

fn visible_ids(root: &Element) -> Vec<String> {
    all(root, "article.sp-card")
        .iter()
        .filter_map(|c| c.get_attribute("data-session"))
        .collect()
}

async fn mount_demo(test: &str) -> Element {
    let root = fresh_root();
    let props = app_props(demo_src(), namespace(test));
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "article.sp-card").await;
    root
}

/// Issue 29: the answer to a keystroke is painted before the address is written
/// (`replaceState` cost 14 ms a keystroke at 4× CPU); the address follows once typing
/// pauses, and the entry keeps what was typed.
#[wasm_bindgen_test]
async fn typing_writes_the_address_once_the_visitor_pauses() {
    use seminarplan_web::browser::url::UrlMode;
    let root = fresh_root();
    let props = AppProps {
        url: UrlPlace {
            mode: UrlMode::Hash,
            scope: Default::default(),
        },
        ..app_props(demo_src(), namespace("typing-url"))
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "article.sp-card").await;
    let location = web_sys::window().expect("window").location();
    let hash = || location.hash().unwrap_or_default();
    let before = hash();
    let input = wait_for(&root, "input.sp-search__input").await;
    for typed in ["O", "Os", "Ost", "Oste", "OsTersund"] {
        type_into(&input, typed);
        yew::scheduler::flush().await;
    }
    // The list has answered; the address has not been written yet.
    assert!(!hash().contains("Tersund"), "written at once: {}", hash());
    let ids = visible_ids(&root);
    assert!(ids.contains(&"s-108".to_string()), "{ids:?}");
    for _ in 0..500 {
        if hash().contains("Tersund") {
            break;
        }
        tick().await;
    }
    assert!(hash().contains("OsTersund"), "never written: {}", hash());
    // Leave the test page's address as it was.
    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before));
}

/// Only typing waits for the pause: a share link leaving the address (the visitor
/// dismisses the shared plan) is written at once. Left on the typing timer, it stayed
/// pending in an instance that a panic could stop, which then wrote the link back over
/// the address its restarted widget had cleaned (e2e `embed::a_panic_stops_no_widget…`).
#[wasm_bindgen_test]
async fn a_dismissed_share_link_leaves_the_address_at_once() {
    use seminarplan_web::browser::url::{self, UrlMode};
    let place = UrlPlace {
        mode: UrlMode::Hash,
        scope: Default::default(),
    };
    let location = web_sys::window().expect("window").location();
    let hash = || location.hash().unwrap_or_default();
    let before = hash();
    let ids: std::collections::BTreeSet<String> =
        ["å-1".to_string(), "b-2".to_string()].into_iter().collect();
    let link = seminarplan_core::share::encode("en-annan-konferens", &ids);
    let state = seminarplan_core::url_state::UrlState {
        share: Some(link),
        ..Default::default()
    };
    url::write(&place, &state.to_query(), false);
    assert!(
        hash().contains("share="),
        "the link is in the address: {}",
        hash()
    );
    let root = fresh_root();
    let props = AppProps {
        url: place,
        ..app_props(demo_src(), namespace("share-url"))
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let dismiss = wait_for(&root, ".sp-shared button").await;
    click(&dismiss);
    yew::scheduler::flush().await;
    assert!(
        !hash().contains("share="),
        "the dismissed link is still in the address: {}",
        hash()
    );
    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before));
}

#[wasm_bindgen_test]
async fn search_field_narrows_the_list_and_marks_the_words() {
    let root = mount_demo("search").await;
    // Search all days.
    let all_days = all(&root, ".sp-daytabs__button").pop().expect("all days");
    click(&all_days);
    tick().await;
    let before = shown_ids(&root).await.len();
    let input = wait_for(&root, "input.sp-search__input").await;
    type_into(&input, "ostersund");
    tick().await;
    let ids = shown_ids(&root).await;
    assert!(
        !ids.is_empty() && ids.len() < before,
        "{} of {before}",
        ids.len()
    );
    assert!(ids.contains(&"s-108".to_string()), "{ids:?}");
    let marks = |root: &Element| {
        all(root, "mark")
            .iter()
            .map(|m| m.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert!(
        marks(&root).contains(&"Östersund".to_string()),
        "{:?}",
        marks(&root)
    );
    // The first letter of the next word searches, but is not marked all over the cards.
    type_into(&input, "ostersund k");
    tick().await;
    assert!(!shown_ids(&root).await.is_empty());
    let marked = marks(&root);
    assert!(
        marked.contains(&"Östersund".to_string()) && marked.iter().all(|m| m.chars().count() > 1),
        "{marked:?}"
    );
    type_into(&input, "ostersund");
    tick().await;
    let count = wait_for(&root, ".sp-results__count").await;
    assert!(
        count
            .text_content()
            .unwrap_or_default()
            .contains(&ids.len().to_string())
    );
    // Nothing found: the count says so and the search can be removed with one button.
    type_into(&input, "zzzzqqq");
    tick().await;
    assert!(shown_ids(&root).await.is_empty());
    let count = wait_for(&root, ".sp-results__count").await;
    assert!(
        count
            .text_content()
            .unwrap_or_default()
            .contains("Inga programpunkter")
    );
    click(&wait_for(&root, ".sp-chip--remove").await);
    tick().await;
    assert_eq!(shown_ids(&root).await.len(), before);
}

#[wasm_bindgen_test]
async fn filter_panel_counts_and_clears() {
    let root = mount_demo("filters").await;
    click(&all(&root, ".sp-daytabs__button").pop().expect("all days"));
    tick().await;
    let total = shown_ids(&root).await.len();
    // The English option of the language facet, with its count: the demo's English
    // sessions over all days, once the panel has followed the day.
    let expected = demo()
        .sessions
        .iter()
        .filter(|s| s.language == "en")
        .count();
    assert!(expected > 0);
    let en = wait_for(&root, "#sp-f-lang-en").await;
    let count = "label[for=\"sp-f-lang-en\"] .sp-filter__count";
    wait_text(&root, count, &expected.to_string()).await;
    click(&en);
    tick().await;
    let ids = shown_ids(&root).await;
    assert_eq!(ids.len(), expected);
    for id in &ids {
        let card = wait_for(&root, &format!("[data-session=\"{id}\"]")).await;
        assert_eq!(card.get_attribute("lang").as_deref(), Some("en"), "{id}");
    }
    let toggle = wait_for(&root, ".sp-filters__toggle").await;
    assert!(toggle.text_content().unwrap_or_default().contains("(1)"));
    // With a filter on, each day tab's name (its text: the dates, one shown by the CSS,
    // and the count in words for screen readers) says how many sessions it would show.
    let tabs = all(&root, ".sp-daytabs__button");
    let all_days = tabs
        .last()
        .expect("all days")
        .text_content()
        .unwrap_or_default();
    assert!(
        all_days.starts_with("Alla dagar") && all_days.contains(&format!(", {expected} träff")),
        "{all_days:?}"
    );
    let first = tabs[0].text_content().unwrap_or_default();
    assert!(
        first.starts_with("tisdag 16 marstis 16/3, ") && first.contains(" träff"),
        "{first:?}"
    );
    click(&wait_for(&root, ".sp-filters__clear").await);
    tick().await;
    assert_eq!(shown_ids(&root).await.len(), total);
}

/// The words typed are marked on every card shown, below the first screen too (issue 29
/// tried marking those a frame later).
#[wasm_bindgen_test]
async fn cards_below_the_first_screen_are_marked_too() {
    use seminarplan_web::components::programme_view::SCREEN;
    let root = mount_demo("marks-below").await;
    click(&all(&root, ".sp-daytabs__button").pop().expect("all days"));
    tick().await;
    let input = wait_for(&root, "input.sp-search__input").await;
    type_into(&input, "upphandl");
    tick().await;
    // For each card's title: whether it holds the word, and whether it is marked there.
    let titles = |root: &Element| -> Vec<(bool, bool)> {
        all(root, ".sp-browse .sp-card__title")
            .iter()
            .map(|t| {
                let text = t.text_content().unwrap_or_default().to_lowercase();
                let marked = t.query_selector("mark").ok().flatten().is_some();
                (text.contains("upphandl"), marked)
            })
            .collect()
    };
    // A new list shows its first screen, then the rest of its first cards.
    let shown = until("more than the first screen of cards", || {
        Some(titles(&root)).filter(|t| t.len() > SCREEN)
    })
    .await;
    assert!(
        shown.iter().skip(SCREEN).any(|(word, _)| *word),
        "a card below the first screen has the word in its title: {shown:?}"
    );
    let all_marked = |t: &Vec<(bool, bool)>| t.iter().all(|(word, marked)| word == marked);
    until("every title with the word marked", || {
        Some(titles(&root)).filter(all_marked)
    })
    .await;
}

/// Waits (up to about five seconds) until `look` finds something, and gives it.
async fn until<T>(what: &str, look: impl Fn() -> Option<T>) -> T {
    for _ in 0..500 {
        if let Some(found) = look() {
            return found;
        }
        tick().await;
    }
    panic!("never came: {what}");
}

/// Waits (up to about five seconds) until the text of `selector` inside `root` is
/// `expected` (`""`: the element is not there).
async fn wait_text(root: &Element, selector: &str, expected: &str) {
    let mut text = String::new();
    for _ in 0..500 {
        text = root
            .query_selector(selector)
            .expect("selector")
            .and_then(|el| el.text_content())
            .unwrap_or_default();
        if text == expected {
            return;
        }
        tick().await;
    }
    panic!("{selector} says {text:?}, not {expected:?}");
}

/// Issue 29: the plan has a context of its own, read by the header's count and by "only
/// my starred" (which counts the starred sessions the other filters let through); a star
/// no longer redraws the header or the filter panel, and both still follow it.
#[wasm_bindgen_test]
async fn a_star_updates_the_header_count_and_only_my_starred() {
    let root = mount_demo("starred-filter").await;
    click(&all(&root, ".sp-daytabs__button").pop().expect("all days"));
    tick().await;
    shown_ids(&root).await;
    let count = "label[for=\"sp-f-starred\"] .sp-filter__count";
    let badge = ".sp-viewswitch .sp-badge";
    wait_text(&root, count, "0").await;
    wait_text(&root, badge, "").await;
    let card = |lang: &str| {
        all(&root, "article.sp-card")
            .into_iter()
            .find(|c| c.get_attribute("lang").as_deref().unwrap_or("sv") == lang)
            .and_then(|c| c.get_attribute("data-session"))
            .expect("a session in that language")
    };
    let (en, sv) = (card("en"), card("sv"));
    for id in [&en, &sv] {
        click(&wait_for(&root, &format!("[data-session=\"{id}\"] .sp-star")).await);
        tick().await;
    }
    wait_text(&root, badge, "2").await;
    wait_text(&root, count, "2").await;
    // Another filter: only the starred sessions it lets through are counted.
    click(&wait_for(&root, "#sp-f-lang-en").await);
    tick().await;
    wait_text(&root, count, "1").await;
    click(&wait_for(&root, "#sp-f-starred").await);
    tick().await;
    assert_eq!(shown_ids(&root).await, std::slice::from_ref(&en));
    // Unstarred while "only my starred" is on: it leaves the list and both counts.
    click(&wait_for(&root, &format!("[data-session=\"{en}\"] .sp-star")).await);
    tick().await;
    wait_text(&root, count, "0").await;
    wait_text(&root, badge, "1").await;
    assert_eq!(shown_ids(&root).await, Vec::<String>::new());
    click(&wait_for(&root, ".sp-filters__clear").await);
    tick().await;
    wait_text(&root, count, "1").await;
    assert!(shown_ids(&root).await.contains(&sv));
}

#[wasm_bindgen_test]
async fn my_schedule_shows_blocks_and_swaps_a_clash() {
    let root = mount_demo("blocks").await;
    click(&all(&root, ".sp-daytabs__button")[1]);
    tick().await;
    click(&wait_for(&root, "[data-session=\"s-301\"] .sp-star").await);
    tick().await;
    click(&wait_for(&root, "[data-session=\"s-302\"] .sp-star").await);
    tick().await;
    click(&all(&root, ".sp-viewswitch__button")[1]);
    tick().await;
    let block = wait_for(&root, "[data-block=\"pass-3\"]").await;
    assert!(
        block
            .get_attribute("class")
            .unwrap_or_default()
            .contains("sp-has-clash")
    );
    let other = wait_for(&root, "[data-block=\"pass-1\"]").await;
    assert!(
        other
            .text_content()
            .unwrap_or_default()
            .contains("Inget valt ännu")
    );
    // Choose s-302 instead: s-301 leaves the plan, the clash is gone.
    click(&wait_for(&root, ".sp-mine [data-session=\"s-302\"] .sp-card__choose").await);
    tick().await;
    let mine = wait_for(&root, ".sp-mine").await;
    let ids: Vec<String> = all(&mine, "article.sp-card")
        .iter()
        .filter_map(|c| c.get_attribute("data-session"))
        .collect();
    assert_eq!(ids, ["s-302"]);
    assert!(root.query_selector(".sp-card__clash").expect("q").is_none());
    // "See the seminars" of an empty block shows that block in the programme.
    click(&wait_for(&root, "[data-block=\"pass-1\"] .sp-linkbutton").await);
    tick().await;
    let ids = shown_ids(&root).await;
    assert!(ids.contains(&"s-101".to_string()), "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("s-1")), "{ids:?}");
}

#[wasm_bindgen_test]
async fn a_long_list_shows_its_first_cards_then_more_on_request() {
    use seminarplan_web::components::programme_view::{
        FIRST, ProgrammeView, ProgrammeViewProps, SCREEN, SLACK,
    };
    let root = fresh_root();
    let programme = seminarplan_core::model::ProgrammeRef(Rc::new(
        seminarplan_core::generate::programme(1500, 7),
    ));
    let total = programme.sessions.len();
    assert!(total > FIRST * 3);
    let props = |matching: Vec<usize>| ProgrammeViewProps {
        programme: programme.clone(),
        lang: Lang::Sv,
        day: None,
        matching: Rc::new(matching),
        terms: Rc::new(Vec::new()),
        plan: Default::default(),
        clashes: Rc::new(Vec::new()),
        expanded: Default::default(),
        on_star: Callback::noop(),
        on_expand: Callback::noop(),
        on_open: Callback::noop(),
        now: None,
        live: true,
    };
    let mut app = yew::Renderer::<ProgrammeView>::with_root_and_props(
        root.clone(),
        props((1..total).collect()),
    )
    .render();
    yew::scheduler::flush().await;
    // The first list comes with its first cards at once.
    assert_eq!(all(&root, "article.sp-card").len(), FIRST);
    // A list that keeps most of the cards shown (a first letter typed) comes whole at
    // once, and the cards it keeps are the same elements, not new ones (issue 29).
    let kept = |root: &Element| {
        root.query_selector(&format!(
            "article[data-session=\"{}\"]",
            programme.sessions[5].id
        ))
        .expect("selector")
        .expect("the sixth session's card")
    };
    let before = kept(&root);
    app.update(props((0..total).collect()));
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "article.sp-card").len(), FIRST);
    assert_eq!(all(&root, "[aria-busy]").len(), 0);
    assert!(kept(&root).is_same_node(Some(&before)), "the card is kept");
    // A list of mostly other sessions (a keystroke) has a screenful of cards in its first
    // frame, and nothing to ask for more with (issue 29: the rest of the first cards come
    // once that frame is painted, the list `aria-busy` until then).
    let rest = total - FIRST * 2;
    app.update(props((FIRST * 2..total).collect()));
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "article.sp-card").len(), SCREEN);
    assert_eq!(all(&root, "button.sp-more__button").len(), 0);
    assert_eq!(all(&root, "[aria-busy=\"true\"]").len(), 1);
    // Then the first cards, in programme order, day one first.
    let more = wait_for(&root, "button.sp-more__button").await;
    assert_eq!(all(&root, "[aria-busy]").len(), 0);
    assert_eq!(all(&root, "article.sp-card").len(), FIRST);
    assert_eq!(all(&root, "h2.sp-day__title").len(), 1);
    // "Show more" says how many are left and adds them, until every session is there.
    assert_eq!(
        more.text_content().unwrap_or_default(),
        format!("Visa fler sessioner ({} till)", rest - FIRST)
    );
    for _ in 0..total {
        match root
            .query_selector("button.sp-more__button")
            .expect("selector")
        {
            Some(button) => click(&button),
            None => break,
        }
        tick().await;
    }
    assert_eq!(all(&root, "article.sp-card").len(), rest);
    assert!(all(&root, "h2.sp-day__title").len() >= 3);

    // A list only a little longer than the first cards comes whole, without "show more".
    let root = fresh_root();
    yew::Renderer::<ProgrammeView>::with_root_and_props(
        root.clone(),
        props((0..FIRST + SLACK).collect()),
    )
    .render();
    yew::scheduler::flush().await;
    for _ in 0..500 {
        if all(&root, "article.sp-card").len() == FIRST + SLACK {
            break;
        }
        tick().await;
    }
    assert_eq!(all(&root, "article.sp-card").len(), FIRST + SLACK);
    assert!(
        root.query_selector("button.sp-more__button")
            .expect("selector")
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn a_large_files_first_sessions_are_shown_to_read_not_to_choose() {
    use seminarplan_web::components::programme_preview::{ProgrammePreview, ProgrammePreviewProps};
    let root = fresh_root();
    // What the widget shows of a large sheet while the rest arrives.
    let csv = seminarplan_core::generate::programme_csv(2_000, 3);
    let first = seminarplan_core::import::preview(csv.as_bytes()).expect("a preview");
    let titles: Vec<String> = first.sessions.iter().map(|s| s.title.clone()).collect();
    let props = ProgrammePreviewProps {
        programme: seminarplan_core::model::ProgrammeRef(Rc::new(first)),
        lang: Lang::Sv,
    };
    yew::Renderer::<ProgrammePreview>::with_root_and_props(root.clone(), props).render();
    let status = wait_for(&root, ".sp-preview [role=status]").await;
    assert!(
        status
            .text_content()
            .unwrap_or_default()
            .contains("Resten av programmet laddas"),
        "the visitor is told the rest is coming"
    );
    let cards = all(&root, "article.sp-card");
    assert!(!cards.is_empty() && cards.len() <= 24, "{}", cards.len());
    // The first sessions, in time order, each with its title.
    for (card, title) in cards.iter().zip(&titles) {
        assert!(
            card.text_content()
                .unwrap_or_default()
                .contains(title.as_str())
        );
    }
    // Nothing to press that would do nothing: no stars, no links, no "show more".
    for dead in ["button", ".sp-star", "a"] {
        assert!(
            all(&root, &format!(".sp-preview {dead}")).is_empty(),
            "{dead}"
        );
    }
    assert_eq!(
        wait_for(&root, ".sp-preview")
            .await
            .get_attribute("aria-busy")
            .as_deref(),
        Some("true")
    );
}

/// Starring a session far down a long list (after "show more") keeps the list as long
/// as it was: the star stays where the visitor pressed it, with the focus on it, and the
/// list does not fall back to its first cards.
#[wasm_bindgen_test]
async fn starring_far_down_a_long_list_keeps_the_cards_shown() {
    use seminarplan_web::components::programme_view::{FIRST, SLACK};
    let json = seminarplan_core::generate::programme_json(400, 11);
    let parts = js_sys::Array::of1(&json.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).expect("blob");
    let src = web_sys::Url::create_object_url_with_blob(&blob).expect("blob URL");
    let root = fresh_root();
    let props = app_props(AttrValue::from(src), namespace("star-far"));
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "article.sp-card").await;
    click(&wait_for(&root, "button.sp-more__button").await);
    tick().await;
    let shown = shown_ids(&root).await;
    assert!(
        shown.len() > FIRST + SLACK,
        "more cards after \"show more\": {shown:?}"
    );
    // The last card with a star: far below the first cards.
    let far = all(&root, "article.sp-card")
        .into_iter()
        .rev()
        .find(|c| c.query_selector(".sp-star").ok().flatten().is_some())
        .and_then(|c| c.get_attribute("data-session"))
        .expect("a card with a star");
    let position = shown.iter().position(|id| *id == far).expect("shown");
    assert!(position >= FIRST, "{far} is at {position}");
    click(&wait_for(&root, &format!("[data-session=\"{far}\"] .sp-star")).await);
    tick().await;
    let star = wait_for(&root, &format!("[data-session=\"{far}\"] .sp-star")).await;
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        shown_ids(&root).await,
        shown,
        "the cards shown before the star"
    );
}

/// Issue 29: the search index is built after the first paint, a few sessions per task. A
/// search typed the moment the first cards show, long before that is done, still finds
/// every matching session, the last ones of the programme too.
#[wasm_bindgen_test]
async fn a_search_typed_before_the_index_is_built_finds_every_session() {
    use seminarplan_core::filter::{self, Filters};
    use seminarplan_core::search::Index;
    let json = seminarplan_core::generate::programme_json(1500, 29);
    let p = seminarplan_core::parse::parse_programme(&json).expect("generated is valid");
    // The last session of the first day: among the last the index would reach.
    let last = (p.sessions.iter().rposition(|s| s.day == 0)).expect("a first day");
    // Typed without diacritics, as a first search nearly always is: it needs only the
    // folded half of the index, and the steps must go on to build the rest.
    let query: String = (p.sessions[last].title.to_lowercase().chars())
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            other => other,
        })
        .collect();
    let filters = Filters {
        text: query.clone(),
        ..Filters::default()
    };
    let expected = filter::run(&p, &Index::new(&p), &Default::default(), &filters, Some(0));
    assert!(expected.matching.contains(&last), "{query:?}");

    let parts = js_sys::Array::of1(&json.into());
    let blob = web_sys::Blob::new_with_str_sequence(&parts).expect("blob");
    let src = web_sys::Url::create_object_url_with_blob(&blob).expect("blob URL");
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    performance.clear_marks_with_mark_name("seminarplan:indexed");
    let root = fresh_root();
    let props = app_props(AttrValue::from(src), namespace("early-search"));
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, "article.sp-card").await;
    let indexed = || {
        performance
            .get_entries_by_name("seminarplan:indexed")
            .length()
    };
    assert_eq!(
        indexed(),
        0,
        "the index is not whole yet when the search comes"
    );
    type_into(&wait_for(&root, "input.sp-search__input").await, &query);
    yew::scheduler::flush().await;
    let ids = visible_ids(&root);
    let want: Vec<String> = (expected.matching.iter())
        .map(|&i| p.sessions[i].id.clone())
        .collect();
    assert_eq!(ids, want, "{query:?}");
    let count = wait_for(&root, ".sp-results__count").await;
    assert!(
        (count.text_content().unwrap_or_default()).contains(&want.len().to_string()),
        "{:?}",
        count.text_content()
    );
    // The steps carry on after that search, each in a task of its own, until the index
    // is whole (a step that never came back would leave it half built for good).
    for _ in 0..500 {
        if indexed() == 1 {
            break;
        }
        tick().await;
    }
    assert_eq!(indexed(), 1, "the index is made whole after the search");
}

/// While the visitor types on, a card marks exactly the current words, in its title and,
/// when open, in its abstract; a card is not redrawn when the new words mark the same
/// places (issue 29), and this must never leave old marks behind.
#[wasm_bindgen_test]
async fn a_card_marks_the_words_typed_so_far() {
    let root = fresh_root();
    let programme = small();
    let ix = programme.session_ix("s1").expect("s1");
    // The same callbacks each time, as the list passes them: only the words change.
    let (on_star, on_expand, on_open) = (Callback::noop(), Callback::noop(), Callback::noop());
    let props = |query: &str, expanded: bool| SessionCardProps {
        programme: programme.clone(),
        ix,
        lang: Lang::Sv,
        starred: false,
        expanded,
        clashes_with: Vec::new(),
        heading_level: 4,
        terms: Rc::new(seminarplan_core::search::terms(query)),
        on_star: on_star.clone(),
        on_expand: on_expand.clone(),
        on_open: on_open.clone(),
        on_choose: None,
        live: true,
    };
    let marks = |root: &Element| {
        all(root, "mark")
            .iter()
            .map(|m| m.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let mut app =
        yew::Renderer::<SessionCard>::with_root_and_props(root.clone(), props("upp", false))
            .render();
    wait_for(&root, "article.sp-card").await;
    assert_eq!(marks(&root), ["upp"]);
    // Typing on: the mark grows with the word.
    app.update(props("upph", false));
    yew::scheduler::flush().await;
    assert_eq!(marks(&root), ["upph"]);
    // Words only the abstract holds: nothing marked in the closed card.
    app.update(props("stycke", false));
    yew::scheduler::flush().await;
    assert_eq!(marks(&root), Vec::<String>::new());
    app.update(props("stycket", false));
    yew::scheduler::flush().await;
    // Opened, it marks them in the abstract, and follows the words typed after.
    app.update(props("stycket", true));
    yew::scheduler::flush().await;
    assert_eq!(marks(&root), ["stycket", "stycket"]);
    app.update(props("första", true));
    yew::scheduler::flush().await;
    assert_eq!(marks(&root), ["Första"]);
    app.update(props("andra", true));
    yew::scheduler::flush().await;
    assert_eq!(marks(&root), ["Andra"]);
    // Closed again, and a word in the title: marked there.
    app.update(props("praktik", false));
    yew::scheduler::flush().await;
    assert_eq!(marks(&root), ["praktik"]);
}

/// Waits `ms` milliseconds (a `setTimeout`), then lets Yew render.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("sleep");
    yew::scheduler::flush().await;
}

/// Issue 29: writing the offline copy of a large programme holds the page for a while on
/// a phone. It waits until the visitor pauses: never while they type on, and soon after
/// they stop. (A `blob:` programme is not kept, but the widget still marks the moment it
/// would be: `seminarplan:kept`.)
#[wasm_bindgen_test]
async fn the_offline_copy_waits_for_the_visitor_to_pause() {
    let json = seminarplan_core::generate::programme_json(300, 7);
    let parts = js_sys::Array::of1(&json.into());
    let blob = web_sys::Blob::new_with_str_sequence(&parts).expect("blob");
    let src = web_sys::Url::create_object_url_with_blob(&blob).expect("blob URL");
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let kept = || performance.get_entries_by_name("seminarplan:kept").length();
    let root = fresh_root();
    let props = app_props(AttrValue::from(src), namespace("keep-after-typing"));
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let input = wait_for(&root, "input.sp-search__input").await;
    wait_for(&root, "article.sp-card").await;
    performance.clear_marks_with_mark_name("seminarplan:kept");
    // Typing on, a letter every 150 ms for three seconds: no copy yet.
    let word = "upphandling i praktiken";
    for end in (1..=20).map(|n| word.char_indices().nth(n).map_or(word.len(), |(i, _)| i)) {
        type_into(&input, &word[..end]);
        sleep(150).await;
        assert_eq!(
            kept(),
            0,
            "written while the visitor typed {:?}",
            &word[..end]
        );
    }
    // A pause: the copy comes.
    for _ in 0..100 {
        if kept() > 0 {
            return;
        }
        sleep(100).await;
    }
    panic!("no offline copy ten seconds after the visitor stopped typing");
}
