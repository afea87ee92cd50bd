//! Seminarplan: a conference programme and personal schedule widget.
//!
//! The pure core (model, parsing, planning, state, i18n) compiles and is tested natively;
//! the browser shell (`app`, `components`, `browser`) only exists on wasm32. See
//! ARCHITECTURE.md for the code map and its invariants.

pub mod agenda;
pub mod contrast;
pub mod filter;
pub mod generate;
pub mod grid;
pub mod i18n;
pub mod ics;
pub mod import;
pub mod loading;
pub mod model;
pub mod now;
pub mod parse;
pub mod plan;
pub mod richtext;
pub mod saved;
pub mod search;
pub mod share;
pub mod state;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;

/// The demo programme, embedded so the widget works with no programme file at all.
pub const DEMO_PROGRAMME: &str = include_str!("../demo/programme.json");
