//! Places timetable cells through a constructed style sheet of generated classes
//! (`sp-row-N`, `sp-span-N`, `sp-col-N`, `sp-cspan-N`; see `grid::placement_css`), and the
//! title's line count of each `sp-lines-N` cell (`grid::lines_css`), since a strict
//! Content-Security-Policy blocks inline `style` attributes.
//!
//! The sheet only grows: it is replaced when a grid needs more rows or tracks than it
//! covers. Each root (a widget's shadow root) has its own.

use web_sys::Node;

use super::sheets;
use seminarplan_core::grid::{lines_css, placement_css};

const ROWS: &str = "__seminarplan_grid_rows";
const TRACKS: &str = "__seminarplan_grid_tracks";

/// Makes sure the root `inside` lives in has placement classes for `rows` rows and
/// `tracks` tracks.
pub fn ensure(inside: &Node, rows: usize, tracks: usize) {
    let root = sheets::root_of(inside);
    let have_rows = sheets::note(&root, ROWS) as usize;
    let have_tracks = sheets::note(&root, TRACKS) as usize;
    if rows <= have_rows && tracks <= have_tracks {
        return;
    }
    // Grow with some room to spare, so switching days rarely rebuilds the sheet.
    let rows = rows.max(have_rows).max(144);
    let tracks = tracks.max(have_tracks).max(12);
    let css = placement_css(rows, tracks) + &lines_css();
    if sheets::adopt(&root, "grid", &css) {
        sheets::set_note(&root, ROWS, rows as f64);
        sheets::set_note(&root, TRACKS, tracks as f64);
    }
}

/// Gives the timetable in the root `inside` lives in its rows' heights
/// (`grid::window::rows_css`), replacing the last grid's.
pub fn rows(inside: &Node, css: &str) {
    let root = sheets::root_of(inside);
    let _ = sheets::adopt(&root, "grid-rows", css);
}
