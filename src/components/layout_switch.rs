//! Switches the programme between the list (default, and the accessible form) and the
//! timetable grid, and in the grid between dimming and hiding what the filters leave out.

use yew::prelude::*;

use crate::context::use_widget;
use seminarplan_core::state::Action;

use seminarplan_core::grid::Mode;
use seminarplan_core::state::Layout;

#[derive(Properties, PartialEq)]
pub struct LayoutSwitchProps {
    pub layout: Layout,
    pub mode: Mode,
    pub on_layout: Callback<Layout>,
}

/// The button's icon, shown instead of its name on a phone (filters.css), where the
/// switch shares the search field's row; the name is still what is read out.
fn icon(layout: Layout) -> Html {
    let path = match layout {
        Layout::List => "M3 5h14M3 10h14M3 15h14",
        Layout::Grid => "M3 3h5v14H3zM12 3h5v6h-5zM12 12h5v5h-5z",
    };
    html! {
        <svg class="sp-layout__icon" aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="20" height="20">
            <path d={path} fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
    }
}

#[component]
pub fn LayoutSwitch(props: &LayoutSwitchProps) -> Html {
    let widget = use_widget();
    let lang = widget.lang;
    let on_mode = widget.callback(Action::SetGridMode);
    let button = |layout: Layout, label: &'static str| {
        let cb = props.on_layout.clone();
        let current = props.layout == layout;
        html! {
            <button type="button" class={classes!("sp-layout__button", current.then_some("sp-is-current"))}
                aria-pressed={current.to_string()} onclick={Callback::from(move |_| cb.emit(layout))}>
                { icon(layout) }<span class="sp-layout__text">{ label }</span>
            </button>
        }
    };
    let on_dim = {
        let cb = on_mode.clone();
        let next = if props.mode == Mode::Dim {
            Mode::Hide
        } else {
            Mode::Dim
        };
        Callback::from(move |_| cb.emit(next))
    };
    // The checkbox is beside the group, not in it, so the two buttons can sit beside the
    // result count and the checkbox take a row of its own (filters.css).
    html! {
        <>
            <div class="sp-layout" role="group" aria-label={lang.layout_label()}>
                { button(Layout::List, lang.list_view()) }
                { button(Layout::Grid, lang.grid_view()) }
            </div>
            if props.layout == Layout::Grid {
                <span class="sp-layout__dim">
                    <input type="checkbox" id="sp-layout-dim" checked={props.mode == Mode::Dim} onchange={on_dim} />
                    <label for="sp-layout-dim">{ lang.show_dimmed() }</label>
                </span>
            }
        </>
    }
}
