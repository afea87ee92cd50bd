//! Reads the widget's settings from its element, `<seminar-plan>`.
//!
//! Every attribute is also read with a `data-` prefix (`data-src`), for CMSs that only
//! allow `data-*` attributes on embedded elements.

use web_sys::Element;

use super::url::{UrlMode, UrlPlace};
use seminarplan_core::lang::Lang;
use seminarplan_core::state::Layout;
use seminarplan_core::url_state::{Scope, View};

/// The settings an organiser gives on the element.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// `src`: the programme file's URL; without it the demo programme is shown.
    pub src: Option<String>,
    /// `lang`: `sv` (default) or `en`.
    pub lang: Lang,
    /// `namespace`: keeps plans of several widgets on one site apart.
    pub namespace: String,
    /// `url`: `query` (default), `hash` or `none`; each widget's keys carry its namespace
    /// (`url_state::Scope`).
    pub url: UrlPlace,
    /// `view`: what shows first: `programme` (default), `schedule` (My schedule) or
    /// `grid` (the programme as a timetable grid). The visitor's own choices win.
    pub view: View,
    pub layout: Option<Layout>,
    /// `now` (or `?now=` in the page URL, unless `url="none"`): a fixed clock, RFC 3339, to show the
    /// conference as at that time (for previews and tests).
    pub now: Option<String>,
    /// `keep-params`: the page's own query parameters a share link keeps (comma-separated,
    /// say `page_id`); every other parameter of the page stays out of the link.
    pub keep_params: Option<String>,
    /// `timeout`: how long the programme request may take, in milliseconds (see
    /// `seminarplan_core::loading::timeout_ms`).
    pub timeout: Option<String>,
}

pub fn settings(element: &Element) -> Settings {
    let attr = |name: &str| {
        element
            .get_attribute(name)
            .or_else(|| element.get_attribute(&format!("data-{name}")))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let (view, layout) = match attr("view").as_deref() {
        Some("schedule") => (View::MySchedule, None),
        Some("grid") => (View::Programme, Some(Layout::Grid)),
        Some("list") => (View::Programme, Some(Layout::List)),
        _ => (View::Programme, None),
    };
    let url_mode = UrlMode::from_attr(attr("url").as_deref());
    let namespace = attr("namespace")
        .filter(|n| seminarplan_core::parse::valid_id(n))
        .unwrap_or_else(|| "default".to_owned());
    let (count, first) = widgets_on_the_page(element);
    let scope = match (count > 1, first) {
        (false, _) => Scope::alone(&namespace),
        (true, true) => Scope::named(&namespace).reading_old_links(),
        (true, false) => Scope::named(&namespace),
    };
    Settings {
        src: attr("src"),
        lang: attr("lang").map_or(Lang::Sv, |l| Lang::from_code(&l)),
        namespace,
        url: UrlPlace {
            mode: url_mode,
            scope,
        },
        view,
        layout,
        now: attr("now").or_else(|| now_from_url(url_mode)),
        keep_params: attr("keep-params"),
        timeout: attr("timeout"),
    }
}

/// How many `<seminar-plan>` elements the element's document holds (the loader starts
/// the widgets once the page is parsed, so a page's widgets are all there), and whether
/// `element` is the first of them.
fn widgets_on_the_page(element: &Element) -> (u32, bool) {
    let first = element
        .owner_document()
        .and_then(|d| d.query_selector("seminar-plan").ok().flatten());
    let count = element
        .owner_document()
        .and_then(|d| d.query_selector_all("seminar-plan").ok())
        .map_or(1, |list| list.length());
    (count, first.is_none_or(|f| f == *element))
}

/// `now=` from the page's query string, unless the widget keeps nothing in the URL.
fn now_from_url(mode: UrlMode) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    seminarplan_core::url_state::now_param(&search, mode != UrlMode::None)
}
