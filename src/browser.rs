//! All browser I/O lives below this module: storage, fetching, the mount element's
//! settings and the theme style sheet. Components and the core never touch them directly.

pub mod clipboard;
pub mod download;
pub mod fetch;
pub mod grid_sheet;
pub mod mount;
pub mod print;
pub mod storage;
pub mod theme_sheet;
pub mod url;
