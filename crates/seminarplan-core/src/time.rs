//! Times of day as the widget writes them ("13:00", "13:00–14:15"), in the offset the
//! programme gives: the same in every language, so a leaf that any module may use.

use chrono::{DateTime, FixedOffset, Timelike};

/// "13:00", the local time as written in the programme.
pub fn clock(t: DateTime<FixedOffset>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "13:00–14:15".
pub fn span(start: DateTime<FixedOffset>, end: DateTime<FixedOffset>) -> String {
    format!("{}–{}", clock(start), clock(end))
}
