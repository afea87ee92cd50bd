//! Seminarplan's pure core: everything the widget knows and decides, with no browser in
//! reach. The web crate (`seminarplan-web`, the repository root) turns this into HTML and
//! does the I/O; this crate never depends on it, and its `Cargo.toml` has no browser crate,
//! so the compiler holds the boundary. See ARCHITECTURE.md for the code map and the order
//! in which these modules may import each other.
// Issue 28: a share link crashed the widget by slicing a string at a byte offset inside
// `é`. Text is never indexed with a byte range here: `get`, `split_once`, `strip_prefix`,
// `floor_char_boundary` and friends say what happens off a character boundary.
#![warn(clippy::string_slice)]

pub mod agenda;
pub mod check;
pub mod contrast;
pub mod delegation;
pub mod filter;
pub mod form;
#[cfg(feature = "generate")]
pub mod generate;
pub mod grid;
pub mod i18n;
pub mod ics;
pub mod import;
pub mod lang;
pub mod loading;
pub mod model;
pub mod now;
pub mod parse;
pub mod plan;
pub mod richtext;
pub mod saved;
pub mod search;
pub mod share;
pub mod snippet;
pub mod state;
pub mod text;
pub mod time;
pub mod url_state;

/// The demo programme, embedded so the widget works with no programme file at all.
pub const DEMO_PROGRAMME: &str = include_str!("../../../demo/programme.json");
