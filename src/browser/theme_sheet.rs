//! Gives each theme its colour through a constructed style sheet.
//!
//! Inline `style` attributes are blocked by a strict Content-Security-Policy, but a
//! constructed (adopted) style sheet is not; colours come from the validated programme
//! (`#rrggbb` only), so nothing from the file can inject other CSS. Each widget adopts
//! its own sheet into its own root, so two widgets with different programmes on one page
//! keep their colours apart.

use web_sys::Node;

use super::sheets;
use seminarplan_core::model::Programme;

/// CSS with one rule per theme: `.sp-theme-3 { --sp-theme: #2e7d32; }`.
fn rules(programme: &Programme) -> String {
    programme
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| format!(".sp-theme-{i}{{--sp-theme:{}}}", t.colour))
        .collect()
}

/// Installs (or replaces) the theme sheet in the root `inside` lives in.
pub fn install(inside: &Node, programme: &Programme) {
    sheets::adopt(&sheets::root_of(inside), "themes", &rules(programme));
}
