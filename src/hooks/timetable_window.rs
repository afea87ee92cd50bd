//! `use_timetable_window`: which cells a large timetable draws (those near the scroll
//! position, `grid::window`), the one session in the Tab order (a roving tabindex), and
//! the arrow keys that move focus from session to session, drawing the next one first.
//! A small timetable (`WINDOW_FROM`) and a page being printed draw every cell.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::{grid_scroll, grid_sheet};
use seminarplan_core::grid::Grid;
use seminarplan_core::grid::window::{
    ROW_PX, Step, View, WINDOW_FROM, Window, next_window, row_heights, rows_css, step, window,
};
use seminarplan_core::model::ProgrammeRef;

/// What the timetable draws and the handlers of its scroll region.
pub struct TimetableWindow {
    /// The cells to draw (all of them unless `windowed`).
    pub drawn: Window,
    /// Drawn in windows, with one session in the Tab order.
    pub windowed: bool,
    /// The session in the Tab order (index into `Grid::items`), always drawn.
    pub tab_stop: Option<usize>,
    /// The scroll region (`.sp-tt__scroll`).
    pub region: NodeRef,
    pub on_scroll: Callback<Event>,
    pub on_keydown: Callback<KeyboardEvent>,
    pub on_focusin: Callback<FocusEvent>,
}

/// The session (index into `Grid::items`) whose cell holds `target`.
fn item_of(p: &ProgrammeRef, grid: &Grid, target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let cell = el.closest(".sp-tt__session").ok()??;
    let id = cell.get_attribute("data-session")?;
    let ix = p.session_ix(&id)?;
    grid.items.iter().position(|it| it.session == ix)
}

/// `landing`: the session the timetable opens on (`grid::window::landing`).
#[hook]
pub fn use_timetable_window(
    programme: &ProgrammeRef,
    grid: Rc<Grid>,
    landing: Option<usize>,
) -> TimetableWindow {
    let heights = use_memo(grid.clone(), |g| row_heights(g, ROW_PX));
    let windowed = grid.items.len() > WINDOW_FROM;
    let region = use_node_ref();
    let printing = use_state_eq(|| false);
    let drawn = {
        let (grid, heights) = (grid.clone(), heights.clone());
        use_state_eq(move || window(&grid, &heights, &View::at_start(), 0.5))
    };
    // The session last focused or moved to (index into `Programme::sessions`).
    let active = use_state_eq(|| None::<usize>);
    let focus_next = use_mut_ref(|| Cell::new(false));

    let measure = {
        let (region, grid, heights) = (region.clone(), grid.clone(), heights.clone());
        move || {
            let region = region.get()?.dyn_into::<web_sys::Element>().ok()?;
            grid_scroll::measure(&region, grid.tracks(), heights.iter().sum())
        }
    };
    // A new grid (another day, other filters): its rows' sizes, the session it opens on
    // brought into view, and the window where the region now is.
    {
        let (region, drawn, measure) = (region.clone(), drawn.clone(), measure.clone());
        let (p, heights) = (programme.clone(), heights.clone());
        use_effect_with((grid.clone(), landing), move |(grid, landing)| {
            if let Some(node) = region.get() {
                grid_sheet::rows(&node, &rows_css(&heights, ROW_PX));
                if let (Some(el), Some(it)) = (node.dyn_ref::<web_sys::Element>(), landing) {
                    grid_scroll::reveal(el, &p.sessions[grid.items[*it].session].id);
                }
            }
            if let Some(view) = measure() {
                drawn.set(next_window(grid, &heights, &view, &drawn));
            }
        });
    }
    {
        let printing = printing.clone();
        use_effect_with((), move |()| {
            let listening = grid_scroll::when_printing(move |on| printing.set(on));
            move || drop(listening)
        });
    }
    // After a key moved to a session, focus it (it is drawn by now).
    {
        let (region, focus_next, active, p) = (
            region.clone(),
            focus_next.clone(),
            active.clone(),
            programme.clone(),
        );
        use_effect(move || {
            if focus_next.borrow().replace(false)
                && let (Some(el), Some(s)) = (region.cast::<web_sys::Element>(), *active)
            {
                grid_scroll::focus_cell(&el, &p.sessions[s].id);
            }
        });
    }

    let on_scroll = {
        let (drawn, grid, heights) = (drawn.clone(), grid.clone(), heights.clone());
        Callback::from(move |_: Event| {
            if let Some(view) = measure() {
                drawn.set(next_window(&grid, &heights, &view, &drawn));
            }
        })
    };
    let on_keydown = {
        let (active, grid, p, focus_next) = (
            active.clone(),
            grid.clone(),
            programme.clone(),
            focus_next.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let Some(move_by) = Step::from_key(&e.key(), e.ctrl_key() || e.meta_key()) else {
                return;
            };
            let Some(from) = item_of(&p, &grid, e.target()) else {
                return;
            };
            e.prevent_default();
            if let Some(to) = step(&grid, from, move_by) {
                focus_next.borrow().set(true);
                active.set(Some(grid.items[to].session));
            }
        })
    };
    let on_focusin = {
        let (active, grid, p) = (active.clone(), grid.clone(), programme.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(it) = item_of(&p, &grid, e.target()) {
                active.set(Some(grid.items[it].session));
            }
        })
    };

    let tab_stop = (*active)
        .and_then(|s| grid.items.iter().position(|it| it.session == s))
        .or(landing)
        .or_else(|| {
            (0..grid.items.len()).min_by_key(|&i| (grid.items[i].row, grid.items[i].column))
        });
    let all = !windowed || *printing;
    TimetableWindow {
        drawn: if all {
            Window::all(&grid)
        } else {
            (*drawn).clone()
        },
        windowed: !all,
        tab_stop,
        region,
        on_scroll,
        on_keydown,
        on_focusin,
    }
}
