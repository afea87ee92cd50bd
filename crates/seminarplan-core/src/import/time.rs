//! Times for the importers: reading the many ways schedules write times and durations, and
//! a tiny table of time zones (fixed offsets and the EU summer-time rule) instead of a full
//! zone database, which would cost too much wasm.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    Timelike, Utc, Weekday,
};

/// How a zone's offset is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Always this many seconds east of UTC.
    Fixed(i32),
    /// The EU rule (since 1996): standard time `std` seconds east of UTC, one hour more from
    /// the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
    Eu { std: i32 },
}

const WET: &[&str] = &[
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Guernsey",
    "Europe/Isle_of_Man",
    "Europe/Jersey",
    "Atlantic/Canary",
    "Atlantic/Faroe",
    "Atlantic/Madeira",
    "WET",
];
const CET: &[&str] = &[
    "Europe/Amsterdam",
    "Europe/Andorra",
    "Europe/Belgrade",
    "Europe/Berlin",
    "Europe/Bratislava",
    "Europe/Brussels",
    "Europe/Budapest",
    "Europe/Busingen",
    "Europe/Copenhagen",
    "Europe/Gibraltar",
    "Europe/Ljubljana",
    "Europe/Luxembourg",
    "Europe/Madrid",
    "Europe/Malta",
    "Europe/Monaco",
    "Europe/Oslo",
    "Europe/Paris",
    "Europe/Podgorica",
    "Europe/Prague",
    "Europe/Rome",
    "Europe/San_Marino",
    "Europe/Sarajevo",
    "Europe/Skopje",
    "Europe/Stockholm",
    "Europe/Tirane",
    "Europe/Vaduz",
    "Europe/Vatican",
    "Europe/Vienna",
    "Europe/Warsaw",
    "Europe/Zagreb",
    "Europe/Zurich",
    "Arctic/Longyearbyen",
    "CET",
    "MET",
];
const EET: &[&str] = &[
    "Europe/Athens",
    "Europe/Bucharest",
    "Europe/Chisinau",
    "Europe/Helsinki",
    "Europe/Kiev",
    "Europe/Kyiv",
    "Europe/Mariehamn",
    "Europe/Riga",
    "Europe/Sofia",
    "Europe/Tallinn",
    "Europe/Vilnius",
    "Asia/Nicosia",
    "Asia/Famagusta",
    "EET",
];

/// The rule of a zone this importer knows, by IANA name (case-insensitive).
pub(crate) fn rule_for(name: &str) -> Option<Rule> {
    let name = name.trim();
    let is = |list: &[&str]| list.iter().any(|z| z.eq_ignore_ascii_case(name));
    if is(&[
        "UTC",
        "Etc/UTC",
        "GMT",
        "Etc/GMT",
        "Z",
        "Zulu",
        "Universal",
        "Etc/Universal",
        "Etc/Zulu",
        "Etc/GMT0",
        "Etc/GMT+0",
        "Etc/GMT-0",
    ]) {
        return Some(Rule::Fixed(0));
    }
    if is(&["Asia/Kolkata", "Asia/Calcutta"]) {
        return Some(Rule::Fixed(5 * 3600 + 1800));
    }
    if is(WET) {
        return Some(Rule::Eu { std: 0 });
    }
    if is(CET) {
        return Some(Rule::Eu { std: 3600 });
    }
    if is(EET) {
        return Some(Rule::Eu { std: 7200 });
    }
    // `Etc/GMT-1` is one hour *east* of UTC (POSIX signs).
    let lower = name.to_ascii_lowercase();
    let rest = lower.strip_prefix("etc/gmt")?;
    let (sign, digits) = match rest.split_at_checked(1)? {
        ("+", d) => (-1, d),
        ("-", d) => (1, d),
        _ => return None,
    };
    let hours: i32 = digits.parse().ok()?;
    (0..=14)
        .contains(&hours)
        .then_some(Rule::Fixed(sign * hours * 3600))
}

/// A zone for the conference's city, for files that name no zone (FOSDEM's).
pub(crate) fn zone_for_city(city: &str) -> Option<&'static str> {
    let city = city.trim().to_lowercase();
    let table: &[(&[&str], &str)] = &[
        (&["brussels", "bruxelles", "brussel"], "Europe/Brussels"),
        (
            &[
                "berlin",
                "hamburg",
                "leipzig",
                "munich",
                "münchen",
                "cologne",
                "köln",
                "frankfurt",
                "dresden",
                "karlsruhe",
                "mildenberg",
            ],
            "Europe/Berlin",
        ),
        (
            &[
                "stockholm",
                "uppsala",
                "göteborg",
                "gothenburg",
                "malmö",
                "östersund",
            ],
            "Europe/Stockholm",
        ),
        (&["amsterdam", "utrecht", "eindhoven"], "Europe/Amsterdam"),
        (&["paris", "lyon"], "Europe/Paris"),
        (&["vienna", "wien"], "Europe/Vienna"),
        (
            &["zurich", "zürich", "bern", "geneva", "genève"],
            "Europe/Zurich",
        ),
        (&["prague", "praha", "brno"], "Europe/Prague"),
        (&["london", "manchester", "edinburgh"], "Europe/London"),
        (&["kochi", "cochin"], "Asia/Kolkata"),
    ];
    table
        .iter()
        .find(|(names, _)| {
            names
                .iter()
                .any(|n| city == *n || city.starts_with(&format!("{n},")))
        })
        .map(|(_, zone)| *zone)
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let mut d = NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()?;
    while d.weekday() != Weekday::Sun {
        d = d.pred_opt()?;
    }
    Some(d)
}

impl Rule {
    /// The offset (seconds east of UTC) at a UTC time.
    pub(crate) fn offset_at_utc(self, utc: NaiveDateTime) -> i32 {
        match self {
            Rule::Fixed(s) => s,
            Rule::Eu { std } => {
                let year = utc.year();
                let window =
                    last_sunday(year, 3)
                        .zip(last_sunday(year, 10))
                        .and_then(|(march, october)| {
                            let one = NaiveTime::from_hms_opt(1, 0, 0)?;
                            Some((march.and_time(one), october.and_time(one)))
                        });
                match window {
                    Some((from, to)) if utc >= from && utc < to => std + 3600,
                    _ => std,
                }
            }
        }
    }

    /// The offset at a local wall-clock time. In the repeated autumn hour summer time is
    /// chosen; a time in the skipped spring hour gets standard time.
    pub(crate) fn offset_at_local(self, local: NaiveDateTime) -> i32 {
        match self {
            Rule::Fixed(s) => s,
            Rule::Eu { std } => {
                let dst = std + 3600;
                let utc = local.checked_sub_signed(Duration::seconds(i64::from(dst)));
                if utc.is_some_and(|u| self.offset_at_utc(u) == dst) {
                    dst
                } else {
                    std
                }
            }
        }
    }
}

/// A time as a schedule writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum When {
    /// With an offset.
    Exact(DateTime<FixedOffset>),
    /// A wall-clock time without offset.
    Local(NaiveDateTime),
    /// Only a date.
    Date(NaiveDate),
}

/// Reads RFC 3339 and the common variants (space instead of `T`, no seconds, `+0100`,
/// no offset at all, a bare date).
pub(crate) fn parse_when(s: &str) -> Option<When> {
    let when = parse_when_any(s)?;
    let year = match when {
        When::Exact(t) => t.year(),
        When::Local(n) => n.year(),
        When::Date(d) => d.year(),
    };
    // Four-digit years, with room for a week's duration: keeps all later arithmetic far
    // from chrono's limits and every time writable as RFC 3339.
    (1000..=9998).contains(&year).then_some(when)
}

fn parse_when_any(s: &str) -> Option<When> {
    // Hand-written rather than chrono's format strings, which would cost wasm size.
    let s = s.trim();
    if s.len() > 64 {
        return None;
    }
    let date = parse_date(s.get(..10)?)?;
    let rest = s.get(10..)?;
    if rest.is_empty() {
        return Some(When::Date(date));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (h, rest) = digits(rest, 2)?;
    let (m, rest) = digits(rest.strip_prefix(':')?, 2)?;
    let (sec, rest) = match rest.strip_prefix(':') {
        Some(r) => {
            let (sec, r) = digits(r, 2)?;
            // Fractions of a second are dropped.
            let r = match r.strip_prefix('.') {
                Some(f) => f.trim_start_matches(|c: char| c.is_ascii_digit()),
                None => r,
            };
            (sec, r)
        }
        None => (0, rest),
    };
    let naive = date.and_time(NaiveTime::from_hms_opt(h, m, sec)?);
    if rest.is_empty() {
        return Some(When::Local(naive));
    }
    let offset = if rest.eq_ignore_ascii_case("z") {
        0
    } else {
        let sign = match rest.as_bytes().first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let body = rest.get(1..)?;
        let (oh, body) = digits(body, 2)?;
        let body = body.strip_prefix(':').unwrap_or(body);
        let (om, body) = if body.is_empty() {
            (0, body)
        } else {
            digits(body, 2)?
        };
        if !body.is_empty() || oh > 23 || om > 59 {
            return None;
        }
        sign * i32::try_from(oh * 3600 + om * 60).ok()?
    };
    naive
        .and_local_timezone(FixedOffset::east_opt(offset)?)
        .single()
        .map(When::Exact)
}

/// Exactly `n` ASCII digits at the start of `s`, and the rest.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, s.get(n..)?))
}

/// `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let (y, rest) = digits(s, 4)?;
    let (m, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let (d, rest) = digits(rest.strip_prefix('-')?, 2)?;
    if !rest.is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `YYYY-MM-DD` of a date.
pub(crate) fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `9:30`, `09:30` or `09:30:00`.
pub(crate) fn parse_clock(s: &str) -> Option<NaiveTime> {
    let mut parts = s.trim().split(':');
    let h: u32 = small_number(parts.next()?, 2)?;
    let m: u32 = small_number(parts.next()?, 2)?;
    let sec: u32 = match parts.next() {
        Some(p) => small_number(p, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, sec)
}

fn small_number(s: &str, max_digits: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_digits || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `0:30`, `00:30`, `1:00`, `00:05:00`, ISO 8601 `PT1H30M`, or plain minutes (`45`).
/// Durations beyond a week are refused.
pub(crate) fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    let secs: i64 = if let Some(iso) = s.strip_prefix("PT").or_else(|| s.strip_prefix("pt")) {
        let mut total = 0i64;
        let mut num = String::new();
        for c in iso.chars() {
            if c.is_ascii_digit() {
                num.push(c);
                if num.len() > 6 {
                    return None;
                }
                continue;
            }
            let n: i64 = num.parse().ok()?;
            num.clear();
            total += match c.to_ascii_uppercase() {
                'H' => n * 3600,
                'M' => n * 60,
                'S' => n,
                _ => return None,
            };
        }
        if !num.is_empty() {
            return None;
        }
        total
    } else if s.contains(':') {
        let parts: Vec<&str> = s.split(':').collect();
        let nums: Option<Vec<i64>> = parts
            .iter()
            .map(|p| small_number(p, 3).map(i64::from))
            .collect();
        match nums?.as_slice() {
            [h, m] if *m < 60 => h * 3600 + m * 60,
            [h, m, sec] if *m < 60 && *sec < 60 => h * 3600 + m * 60 + sec,
            _ => return None,
        }
    } else {
        i64::from(small_number(s, 5)?) * 60
    };
    (secs <= 7 * 24 * 3600).then(|| Duration::seconds(secs))
}

/// `+01:00`.
pub(crate) fn format_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)
}

/// An IANA name for a fixed offset in whole hours (`Etc/GMT-1` is UTC+1), else `None`.
pub(crate) fn etc_name(secs: i32) -> Option<String> {
    if secs == 0 {
        return Some("UTC".into());
    }
    if secs % 3600 != 0 || secs.abs() > 14 * 3600 {
        return None;
    }
    let h = secs / 3600;
    Some(if h > 0 {
        format!("Etc/GMT-{h}")
    } else {
        format!("Etc/GMT+{}", -h)
    })
}

pub(crate) fn fixed(secs: i32) -> FixedOffset {
    FixedOffset::east_opt(secs).unwrap_or_else(|| Utc.fix())
}

/// RFC 3339 with offset and seconds, as our format writes it.
pub(crate) fn rfc3339(t: DateTime<FixedOffset>) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        format_offset(t.offset().local_minus_utc())
    )
}

/// `HH:MM` of a time.
pub(crate) fn hhmm(t: DateTime<FixedOffset>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The offset (seconds) that makes the UTC-based `t` show `local` as its wall-clock time:
/// the local time minus the written time of day, brought into UTC−12…UTC+14 and rounded to
/// a quarter hour. `None` when that is not a plausible offset.
pub(crate) fn offset_from_clock(t: DateTime<FixedOffset>, local: NaiveTime) -> Option<i32> {
    let utc = t.naive_utc().time();
    let diff =
        i64::from(local.num_seconds_from_midnight()) - i64::from(utc.num_seconds_from_midnight());
    let mut d = diff.rem_euclid(86_400);
    if d > 14 * 3600 {
        d -= 86_400;
    }
    if d % 900 != 0 || d < -12 * 3600 {
        return None;
    }
    i32::try_from(d).ok()
}
