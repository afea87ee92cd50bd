//! Native tests of the pure core: parsing and validation, the plan and its clashes, the
//! saved record, the app state reducer, the texts, and the architecture invariants.

mod agenda;
mod architecture;
mod contrast;
mod delegation;
mod filter;
mod form;
mod fuzz;
mod generate;
mod grid;
mod grid_window;
mod handoff;
mod hostile;
mod i18n;
mod ics;
mod import;
mod keep_plan;
mod lenient;
mod loading;
mod now;
mod parse;
mod plan;
mod preview;
mod richtext;
mod saved;
// The schema checks use `regex`, a native-only dev-dependency (this crate's tests are also
// compiled, not run, for wasm32 by clippy).
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod search;
mod share;
mod sheet;
mod snippet;
mod state;
mod text;
mod url_state;
// Workbooks are written with `zip` and made by LibreOffice: native only, like `schema`.
#[cfg(not(target_arch = "wasm32"))]
mod workbook;

use seminarplan_core::model::Programme;

pub const SMALL: &str = include_str!("../fixtures/small.json");

pub fn small() -> Programme {
    seminarplan_core::parse::parse_programme(SMALL).expect("the small fixture is valid")
}

pub fn demo() -> Programme {
    seminarplan_core::parse::parse_programme(seminarplan_core::DEMO_PROGRAMME)
        .expect("the demo is valid")
}
