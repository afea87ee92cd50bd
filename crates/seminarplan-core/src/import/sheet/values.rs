//! The values people type into a programme sheet: dates (`2027-03-16`, `16/3/2027`,
//! `16 mars 2027`), times (`9.30`, `09:30`, `09.30–10.15`), durations (`45 min`, `1 h`),
//! speakers with organisations (`Anna Berg (Region Uppsala); Per Ek`) and lists.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::columns::fold;

const MONTHS: [[&str; 2]; 12] = [
    ["januari", "january"],
    ["februari", "february"],
    ["mars", "march"],
    ["april", "april"],
    ["maj", "may"],
    ["juni", "june"],
    ["juli", "july"],
    ["augusti", "august"],
    ["september", "september"],
    ["oktober", "october"],
    ["november", "november"],
    ["december", "december"],
];

/// A month named in Swedish or English, in full or cut to three or more letters.
fn month(word: &str) -> Option<u32> {
    let w = fold(word);
    if w.len() < 3 {
        return None;
    }
    (1u32..)
        .zip(MONTHS)
        .find(|(_, names)| names.iter().any(|n| n.starts_with(&w)))
        .map(|(m, _)| m)
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Which comes first in a date written with slashes (`3/4/2027`): Swedish and most of
/// Europe write the day first, the United States the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    DayFirst,
    MonthFirst,
}

/// How a date written with slashes can be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fits {
    /// Only day first (`16/3/2027`).
    DayFirst,
    /// Only month first (`3/16/2027`).
    MonthFirst,
    /// Both ways, as two different dates (`3/4/2027`).
    Both,
}

/// The two numbers of a date written with slashes (`3/16/2027`, `16/3`), with its year
/// when written; `None` for every other way of writing a date (dots and dashes are
/// written day first only, so they are never in doubt).
fn slashed(text: &str) -> Option<(u32, u32, Option<&str>)> {
    let first = text.split_whitespace().next()?;
    if !first.contains('/') {
        return None;
    }
    let mut parts = first.split('/');
    let (a, b) = (number(parts.next()?)?, number(parts.next()?)?);
    let y = parts.next();
    if parts.next().is_some() || y.is_some_and(|y| number(y).is_none()) {
        return None;
    }
    Some((a, b, y))
}

/// How a date written with slashes can be read (`None`: not written so, or no date
/// either way). `year` fills in a date without one.
pub(crate) fn fits(text: &str, year: Option<i32>) -> Option<Fits> {
    let (a, b, y) = slashed(text.trim())?;
    let y = match y {
        Some(y) => full_year(y)?,
        None => year.unwrap_or(2000),
    };
    let day_first = NaiveDate::from_ymd_opt(y, b, a);
    let month_first = NaiveDate::from_ymd_opt(y, a, b);
    match (day_first, month_first) {
        (Some(d), Some(m)) if d == m => None,
        (Some(_), Some(_)) => Some(Fits::Both),
        (Some(_), None) => Some(Fits::DayFirst),
        (None, Some(_)) => Some(Fits::MonthFirst),
        (None, None) => None,
    }
}

/// A year as written: `2027`, or `27` for 2027.
fn full_year(y: &str) -> Option<i32> {
    i32::try_from(number(y)?)
        .ok()
        .map(|y| if y < 100 { 2000 + y } else { y })
}

/// A date as people type it; a weekday in front (`tisdag 16 mars 2027`) and a time after
/// (`2027-03-16 00:00:00`, as spreadsheets export dates) are ignored. `year` fills in a
/// date written without one. A date with slashes is read in `order`; without an order,
/// only when it can be read one way alone (`16/3/2027`, `3/16/2027`).
pub(crate) fn date(text: &str, year: Option<i32>, order: Option<Order>) -> Option<NaiveDate> {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or("");
    if let Some(d) = crate::model::parse_date(first) {
        return Some(d);
    }
    if slashed(text).is_some() {
        let order = order.or(match fits(text, year)? {
            Fits::DayFirst => Some(Order::DayFirst),
            Fits::MonthFirst => Some(Order::MonthFirst),
            Fits::Both => None,
        })?;
        let (a, b, y) = slashed(text)?;
        let y = match y {
            Some(y) => full_year(y)?,
            None => year?,
        };
        return match order {
            Order::DayFirst => NaiveDate::from_ymd_opt(y, b, a),
            Order::MonthFirst => NaiveDate::from_ymd_opt(y, a, b),
        };
    }
    let parts: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | '-' | ','))
        .filter(|p| !p.is_empty())
        .collect();
    // Skip a leading weekday ("tisdag", "Tue").
    let parts = match parts.first() {
        Some(p) if number(p).is_none() && month(p).is_none() => &parts[1..],
        _ => &parts[..],
    };
    let with_year = |d: u32, m: u32, y: Option<&&str>| -> Option<NaiveDate> {
        let y = match y {
            Some(y) => full_year(y)?,
            None => year?,
        };
        NaiveDate::from_ymd_opt(y, m, d)
    };
    match parts {
        [a, b, rest @ ..] if rest.len() <= 1 => {
            let y = rest.first();
            if let (Some(d), Some(m)) = (number(a), month(b)) {
                return with_year(d, m, y);
            }
            if let (Some(m), Some(d)) = (month(a), number(b)) {
                return with_year(d, m, y);
            }
            // Dots and dashes: day first (`17.3.2027`).
            with_year(number(a)?, number(b)?, y)
        }
        _ => None,
    }
}

/// A time of day: `9.30`, `09:30`, `9:30:00`, `kl. 9.30`, `9` or `9 pm`.
pub(crate) fn time(text: &str) -> Option<NaiveTime> {
    let lower = text.trim().to_lowercase();
    let t = lower
        .strip_prefix("kl")
        .map_or(lower.as_str(), |r| r.trim_start_matches(['.', ' ']));
    let (t, pm) = match t.strip_suffix("pm").or_else(|| t.strip_suffix("p.m.")) {
        Some(r) => (r.trim(), Some(true)),
        None => match t.strip_suffix("am").or_else(|| t.strip_suffix("a.m.")) {
            Some(r) => (r.trim(), Some(false)),
            None => (t, None),
        },
    };
    let mut parts = t.split([':', '.']);
    let h = number(parts.next()?)?;
    let m = match parts.next() {
        Some(p) if p.len() == 2 => number(p)?,
        Some(_) => return None,
        None => 0,
    };
    let s = match parts.next() {
        Some(p) if p.len() == 2 => number(p)?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let h = match pm {
        Some(true) if (1..12).contains(&h) => h + 12,
        Some(false) if h == 12 => 0,
        Some(_) if h > 12 => return None,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// A start, and an end if the cell gives one: `09.30–10.15`, `9:30 - 10:15`.
pub(crate) fn time_span(text: &str) -> Option<(NaiveTime, Option<NaiveTime>)> {
    let mut halves = text.split(['–', '—', '-']);
    let start = time(halves.next()?)?;
    match halves.next() {
        None => Some((start, None)),
        Some(end) if halves.next().is_none() => Some((start, Some(time(end)?))),
        Some(_) => None,
    }
}

/// A length: `45`, `45 min`, `45 minuter`, `1 h`, `1,5 tim`, `1 h 30 min`, `1:30`.
pub(crate) fn duration(text: &str) -> Option<Duration> {
    let t = text.trim().to_lowercase().replace(',', ".");
    if t.contains(':') {
        return super::super::time::parse_duration(&t).filter(|d| *d > Duration::zero());
    }
    // In tenths of a minute, without floating point (its parser would cost wasm).
    let mut tenths = 0u64;
    let mut rest = t.as_str();
    let mut any = false;
    while !rest.is_empty() {
        let n_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(n_end);
        let n = decimal_tenths(number)?;
        rest = after.trim_start();
        let u_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (unit, after) = rest.split_at(u_end);
        rest = after.trim_start_matches(['.', ' ']);
        tenths += n * match unit {
            "" | "m" | "min" | "mins" | "minut" | "minuter" | "minute" | "minutes" => 1,
            "h" | "t" | "tim" | "timme" | "timmar" | "hour" | "hours" | "hr" | "hrs" => 60,
            _ => return None,
        };
        any = true;
    }
    let minutes = (tenths + 5) / 10;
    (any && minutes > 0 && minutes <= 7 * 24 * 60).then(|| Duration::minutes(minutes as i64))
}

/// `45` → 450, `1.5` → 15 (tenths; further decimals are dropped).
fn decimal_tenths(s: &str) -> Option<u64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.len() > 6 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let tenth = match frac.bytes().next() {
        None => 0,
        Some(b) if b.is_ascii_digit() && frac.bytes().all(|b| b.is_ascii_digit()) => {
            u64::from(b - b'0')
        }
        Some(_) => return None,
    };
    Some(whole * 10 + tenth)
}

/// A speaker as written: a name, and an organisation in brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Person {
    pub name: String,
    pub organisation: Option<String>,
}

/// `Anna Berg (Region Uppsala); Per Ek, Lisa Ny` → three people; separators inside
/// brackets do not split.
pub(crate) fn people(text: &str) -> Vec<Person> {
    split_outside_brackets(text, &[';', ',', '\n'])
        .into_iter()
        .filter_map(|p| {
            let (name, organisation) = match (p.find('('), p.rfind(')')) {
                (Some(open), Some(close)) if open < close => {
                    let (name, org) = p.split_at(open);
                    let org = org.get(1..close - open).unwrap_or_default().trim();
                    (name.trim(), (!org.is_empty()).then(|| org.to_owned()))
                }
                _ => (p.as_str(), None),
            };
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            (!name.is_empty()).then_some(Person { name, organisation })
        })
        .collect()
}

/// Items of a list cell (`lou; upphandling, avtal`), trimmed, without empty ones.
pub(crate) fn list(text: &str) -> Vec<String> {
    split_outside_brackets(text, &[';', ',', '\n', '|'])
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect()
}

fn split_outside_brackets(text: &str, seps: &[char]) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && seps.contains(&c) => {
                parts.push(text.get(from..at).unwrap_or(""));
                from = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(text.get(from..).unwrap_or(""));
    parts
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The year a sheet's dates are in, for dates written without one: the first full date.
pub(crate) fn first_year<'a>(
    cells: impl Iterator<Item = &'a str>,
    order: Option<Order>,
) -> Option<i32> {
    cells
        .filter(|c| !c.is_empty())
        .filter_map(|c| date(c, None, order))
        .map(|d| d.year())
        .next()
}

/// The end of a day written as a time (`24.00`, `24:00`, `kl. 24`): midnight after it.
pub(crate) fn is_midnight_after(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let t = lower
        .strip_prefix("kl")
        .map_or(lower.as_str(), |r| r.trim_start_matches(['.', ' ']));
    matches!(t, "24" | "24.00" | "24:00" | "24:00:00" | "24.00.00")
}

/// What a Status cell says, in the words committees write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Said {
    Open,
    Full,
    Cancelled,
}

/// A Status cell: open (empty too), fully booked, or cancelled; `None` for anything else.
pub(crate) fn status(text: &str) -> Option<Said> {
    const OPEN: &[&str] = &[
        "",
        "oppen",
        "oppet",
        "open",
        "ledig",
        "ledigt",
        "ledigaplatser",
        "platserkvar",
        "available",
        "ok",
        "bekraftad",
        "bekraftat",
        "confirmed",
        "aktiv",
        "active",
    ];
    const FULL: &[&str] = &[
        "full",
        "fullt",
        "fullbokad",
        "fullbokat",
        "fullsatt",
        "fulltecknad",
        "fulltecknat",
        "slutsald",
        "slutsalt",
        "slut",
        "ingaplatserkvar",
        "ingaplatser",
        "vantelista",
        "fullybooked",
        "booked",
        "bookedout",
        "soldout",
        "waitlist",
        "waitinglist",
    ];
    const CANCELLED: &[&str] = &[
        "installd",
        "installt",
        "installda",
        "stallsin",
        "struken",
        "struket",
        "stryks",
        "utgar",
        "utgatt",
        "avbokad",
        "avbokat",
        "cancelled",
        "canceled",
        "cancel",
        "dropped",
        "withdrawn",
    ];
    let t = fold(text);
    if OPEN.contains(&t.as_str()) {
        Some(Said::Open)
    } else if FULL.contains(&t.as_str()) {
        Some(Said::Full)
    } else if CANCELLED.contains(&t.as_str()) {
        Some(Said::Cancelled)
    } else {
        None
    }
}
