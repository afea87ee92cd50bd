//! The timetable's scroll region as the windowing sees it (`grid::window::View`): its
//! scroll offsets and size, the sticky axis and headers, a track's width; focusing a cell
//! the keys moved to; and whether the page is being printed (then every cell is drawn).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use seminarplan_core::grid::window::View;

fn html(el: Option<Element>) -> Option<HtmlElement> {
    el.and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Measures the scroll region `region` (`.sp-tt__scroll`) of a grid of `tracks` tracks
/// whose rows the core sized `rows_px` tall in all. The view comes in the core's px: if
/// the page's rows are taller (a themed `--sp-tt-row`), the vertical offsets are scaled.
pub fn measure(region: &Element, tracks: usize, rows_px: f64) -> Option<View> {
    let corner = html(region.query_selector(".sp-tt__corner").ok()?)?;
    let axis = html(region.query_selector(".sp-tt__axis").ok()?)?;
    let grid = region.query_selector(".sp-tt__grid").ok()??;
    let axis_width = f64::from(corner.offset_width());
    let header = f64::from(corner.offset_height());
    let drawn_rows = f64::from(axis.offset_height());
    let scale = if drawn_rows > 0.0 && rows_px > 0.0 {
        rows_px / drawn_rows
    } else {
        1.0
    };
    let track = (f64::from(grid.scroll_width()) - axis_width) / tracks.max(1) as f64;
    let height = f64::from(region.client_height());
    Some(View {
        left: f64::from(region.scroll_left()),
        top: f64::from(region.scroll_top()) * scale,
        width: f64::from(region.client_width()),
        height: (height - header) * scale + header,
        axis: axis_width,
        header,
        track,
    })
}

/// The drawn cell of session `id` in `region`.
fn cell(region: &Element, id: &str) -> Option<HtmlElement> {
    let cells = region.query_selector_all(".sp-tt__session").ok()?;
    (0..cells.length())
        .filter_map(|i| cells.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()))
        .find(|c| c.get_attribute("data-session").as_deref() == Some(id))
}

/// Focuses the cell of session `id` in `region`, if it is drawn, and brings all of it
/// into view past the sticky headers and axis (focusing alone leaves a cell half in
/// view). Returns whether it was there.
pub fn focus_cell(region: &Element, id: &str) -> bool {
    let focused = cell(region, id).is_some_and(|c| c.focus().is_ok());
    if focused {
        reveal(region, id);
    }
    focused
}

/// Scrolls `region` (only it, never the page) so that the cell of session `id` is in
/// the middle of what shows past the sticky axis and headers, unless it is in view.
pub fn reveal(region: &Element, id: &str) {
    let Some(cell) = cell(region, id) else {
        return;
    };
    let Some(corner) = html(region.query_selector(".sp-tt__corner").ok().flatten()) else {
        return;
    };
    let (axis, header) = (corner.offset_width(), corner.offset_height());
    let seen_w = region.client_width() - axis;
    let seen_h = region.client_height() - header;
    let (x, w) = (cell.offset_left() - axis, cell.offset_width());
    let (y, h) = (cell.offset_top() - header, cell.offset_height());
    let (left, top) = (region.scroll_left(), region.scroll_top());
    if x < left || x + w > left + seen_w {
        region.set_scroll_left((x - (seen_w - w).max(0) / 2).max(0));
    }
    if y < top || y + h > top + seen_h {
        region.set_scroll_top((y - (seen_h - h).max(0) / 2).max(0));
    }
}

/// Calls `on_print(true)` before the page is printed and `on_print(false)` after;
/// stops when dropped.
pub fn when_printing(on_print: impl Fn(bool) + 'static) -> Option<[EventListener; 2]> {
    let window = web_sys::window()?;
    let on_print = std::rc::Rc::new(on_print);
    let before = {
        let on_print = on_print.clone();
        EventListener::new(&window, "beforeprint", move |_| on_print(true))
    };
    let after = EventListener::new(&window, "afterprint", move |_| on_print(false));
    Some([before, after])
}
