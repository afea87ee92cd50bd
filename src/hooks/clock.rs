//! `use_clock`: the time the widget shows the conference at.

use chrono::{DateTime, FixedOffset};
use yew::prelude::*;

use crate::browser::download;

/// The fixed clock (RFC 3339) if one is given, else the browser's, ticking every 30
/// seconds.
#[hook]
pub fn use_clock(fixed: Option<AttrValue>) -> DateTime<FixedOffset> {
    let pinned = fixed
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok());
    let now = use_state(|| download::now().fixed_offset());
    {
        let now = now.clone();
        use_effect_with(pinned.is_some(), move |&pinned| {
            let tick = (!pinned).then(|| {
                gloo::timers::callback::Interval::new(30_000, move || {
                    now.set(download::now().fixed_offset())
                })
            });
            move || drop(tick)
        });
    }
    pinned.unwrap_or(*now)
}
