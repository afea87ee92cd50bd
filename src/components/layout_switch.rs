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
                aria-pressed={current.to_string()} onclick={Callback::from(move |_| cb.emit(layout))}>{ label }</button>
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
