//! Seminarplan's web crate: the Yew widget around the pure core (`seminarplan-core`).
//!
//! Everything here turns core state into HTML or does the browser's I/O; the decisions are
//! made in the core. The browser shell only exists on wasm32. See ARCHITECTURE.md for the
//! code map and its invariants.

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod context;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
