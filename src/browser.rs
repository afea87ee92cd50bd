//! All browser I/O lives below this module: storage, fetching, the lazily loaded importer, the URL, the element's
//! settings and the style sheets. Components and the core never touch them directly.

pub mod clipboard;
pub mod download;
pub mod fetch;
pub mod file;
pub mod form;
pub mod grid_scroll;
pub mod grid_sheet;
pub mod importer;
pub mod mount;
pub mod near;
pub mod print;
pub mod sheets;
pub mod storage;
pub mod theme_sheet;
pub mod timing;
pub mod url;
