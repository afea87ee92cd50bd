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
    }
}
