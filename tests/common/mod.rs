//! Helpers shared by the browser tests (`tests/web*.rs`): fixtures, waiting for the DOM
//! without fixed sleeps, and clicking like a visitor.
#![allow(dead_code)]

use std::rc::Rc;

use seminarplan_core::model::ProgrammeRef;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub const SMALL: &str = include_str!("../fixtures/small.json");

pub fn small() -> ProgrammeRef {
    ProgrammeRef(Rc::new(
        seminarplan_core::parse::parse_programme(SMALL).expect("fixture is valid"),
    ))
}

pub fn demo() -> ProgrammeRef {
    ProgrammeRef(Rc::new(
        seminarplan_core::parse::parse_programme(seminarplan_core::DEMO_PROGRAMME)
            .expect("demo is valid"),
    ))
}

/// Lets timers and promises run once, then Yew's scheduler.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("tick");
    yew::scheduler::flush().await;
}

/// Waits (up to about five seconds) until `selector` matches inside `root`.
pub async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..500 {
        if let Some(el) = root.query_selector(selector).expect("selector") {
            return el;
        }
        tick().await;
    }
    panic!("{selector} never appeared; html: {}", root.inner_html());
}

pub fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("html element").click();
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}
