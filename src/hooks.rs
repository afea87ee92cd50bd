//! The hooks of `App`, one per file as in Yew's own `functional/hooks/`: each keeps one
//! piece of the widget in step with the world outside it (the clock, the page's URL, the
//! saved plan, the visitor's preferences, the programme file) or keeps derived data
//! (the search index). They change the state only by sending actions to the store.

pub mod clock;
pub mod preferences;
pub mod programme;
pub mod saved_plan;
pub mod search_index;
pub mod team;
pub mod timetable_window;
pub mod url_sync;
