//! Reads the widget's settings from the element it is mounted in.

use web_sys::Element;

use super::url::UrlMode;
use crate::i18n::Lang;

/// The settings an organiser gives on the mount element.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// `data-src`: the programme file's URL; without it the embedded demo is shown.
    pub src: Option<String>,
    /// `data-lang` (or `lang`): `sv` (default) or `en`.
    pub lang: Lang,
    /// `data-namespace`: keeps plans of several widgets on one site apart.
    pub namespace: String,
    /// `data-url`: `query` (default), `hash` or `none`.
    pub url_mode: UrlMode,
    /// `data-now` (or `?now=` in the page URL): a fixed clock, RFC 3339, to show the
    /// conference as at that time (for previews and tests).
    pub now: Option<String>,
}

pub fn settings(element: &Element) -> Settings {
    let attr = |name: &str| {
        element
            .get_attribute(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    Settings {
        src: attr("data-src"),
        lang: attr("data-lang")
            .or_else(|| attr("lang"))
            .map_or(Lang::Sv, |l| Lang::from_code(&l)),
        namespace: attr("data-namespace")
            .filter(|n| crate::parse::valid_id(n))
            .unwrap_or_else(|| "default".to_owned()),
        url_mode: UrlMode::from_attr(attr("data-url").as_deref()),
        now: attr("data-now").or_else(now_from_url),
    }
}

/// `now=` from the page's query string, if any.
fn now_from_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("now="))
        .map(crate::url_state::decode_component)
}
