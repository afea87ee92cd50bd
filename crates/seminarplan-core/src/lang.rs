//! The two languages of the widget, Swedish (the default) and English. A leaf: every
//! module may name a language; the texts themselves are methods on `Lang` in `i18n`, but
//! for the names of days and months, which the sheet reader writes too.

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Reads a language attribute or URL value; anything unknown is Swedish.
    pub fn from_code(code: &str) -> Lang {
        let c = code.trim().to_ascii_lowercase();
        if c == "en" || c.starts_with("en-") {
            Lang::En
        } else {
            Lang::Sv
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }

    /// The Swedish or the English of two texts.
    pub(crate) fn pick(self, sv: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    pub fn weekday(self, day: NaiveDate) -> &'static str {
        let i = day.weekday().num_days_from_monday() as usize;
        let sv = [
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        ];
        let en = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        self.pick(sv[i], en[i])
    }

    pub(crate) fn month(self, day: NaiveDate) -> &'static str {
        let i = day.month0() as usize;
        let sv = [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ];
        let en = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        self.pick(sv[i], en[i])
    }

    /// "tisdag 16 mars" / "Tuesday 16 March".
    pub fn long_date(self, day: NaiveDate) -> String {
        format!("{} {} {}", self.weekday(day), day.day(), self.month(day))
    }
}
