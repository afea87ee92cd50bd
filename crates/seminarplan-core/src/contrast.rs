//! Colour contrast by WCAG 2.x: relative luminance, the contrast ratio, and the check that
//! warns organisers when a theme colour cannot be seen against the widget's cards.
//!
//! The widget never writes text in a theme colour: the colour is a stripe down the left
//! edge of each card (and of timetable cells and the "now/next" items) and a dot in the
//! theme chip, so it is a graphical object under success criterion 1.4.11 and needs 3:1
//! against what it sits on ([`NON_TEXT`]); text needs 4.5:1 ([`TEXT`]) and keeps it with
//! the widget's own colours. The backgrounds checked are the widget's own, in light and
//! dark mode ([`BACKGROUNDS`]); `tests/core/contrast.rs` checks they match `styles/base.css`.

use crate::model::Programme;

/// The least contrast normal text needs (WCAG 2.x, 1.4.3, level AA).
pub const TEXT: f64 = 4.5;
/// The least contrast a graphical object or UI component needs (1.4.11, level AA).
pub const NON_TEXT: f64 = 3.0;

/// A colour in sRGB, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` or `#rgb` (any case); `None` for anything else.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let digits = hex.strip_prefix('#')?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match digits.len() {
            6 => Some(Rgb(
                channel(digits.get(0..2)?)?,
                channel(digits.get(2..4)?)?,
                channel(digits.get(4..6)?)?,
            )),
            3 => {
                let short = |i: usize| channel(digits.get(i..=i)?).map(|v| v * 17);
                Some(Rgb(short(0)?, short(1)?, short(2)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The relative luminance: 0 for black, 1 for white (WCAG 2.x definition, with the
    /// sRGB threshold 0.04045).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white); the
/// order does not matter.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// A ratio as people read it, `2.94:1`: cut (not rounded) to two decimals, so a ratio
/// just under a threshold never reads as meeting it.
pub fn describe_ratio(r: f64) -> String {
    format!("{:.2}:1", (r * 100.0).floor() / 100.0)
}

/// Light or dark mode (`prefers-color-scheme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Scheme {
    pub fn describe(self) -> &'static str {
        match self {
            Scheme::Light => "light mode",
            Scheme::Dark => "dark mode",
        }
    }
}

/// A background a theme colour is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Background {
    pub scheme: Scheme,
    /// The custom property in `styles/base.css` that sets it.
    pub property: &'static str,
    /// What it is, for the warning.
    pub name: &'static str,
    pub colour: Rgb,
}

/// The backgrounds theme colours sit on or next to: the card (and timetable cell) and the
/// widget's page background, in light and dark mode. Kept equal to `styles/base.css`.
pub const BACKGROUNDS: [Background; 4] = [
    Background {
        scheme: Scheme::Light,
        property: "--sp-card-bg",
        name: "card background",
        colour: Rgb(0xff, 0xff, 0xff),
    },
    Background {
        scheme: Scheme::Light,
        property: "--sp-bg",
        name: "page background",
        colour: Rgb(0xff, 0xff, 0xff),
    },
    Background {
        scheme: Scheme::Dark,
        property: "--sp-card-bg",
        name: "card background",
        colour: Rgb(0x23, 0x26, 0x2d),
    },
    Background {
        scheme: Scheme::Dark,
        property: "--sp-bg",
        name: "page background",
        colour: Rgb(0x15, 0x17, 0x1b),
    },
];

/// A theme colour with too little contrast against one of [`BACKGROUNDS`].
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeContrast {
    /// Index into `Programme::themes`.
    pub theme: usize,
    pub colour: Rgb,
    pub background: Background,
    pub ratio: f64,
    /// What it needs: [`NON_TEXT`].
    pub needed: f64,
}

/// Every theme colour that falls short, at most one finding per theme and colour scheme
/// (the background it contrasts least with). Colours that are not `#rrggbb` are left to
/// the validator.
pub fn theme_problems(programme: &Programme) -> Vec<ThemeContrast> {
    let mut out = Vec::new();
    for (i, theme) in programme.themes.iter().enumerate() {
        let Some(colour) = Rgb::parse(&theme.colour) else {
            continue;
        };
        for scheme in [Scheme::Light, Scheme::Dark] {
            let worst = BACKGROUNDS
                .iter()
                .filter(|b| b.scheme == scheme)
                .map(|b| (b, ratio(colour, b.colour)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((background, r)) = worst
                && r < NON_TEXT
            {
                out.push(ThemeContrast {
                    theme: i,
                    colour,
                    background: *background,
                    ratio: r,
                    needed: NON_TEXT,
                });
            }
        }
    }
    out
}

/// The pairs of the widget's colour custom properties that must contrast: (foreground,
/// background, the least ratio). An organiser who themes the widget from the page
/// (`seminar-plan { --sp-accent: … }`) is warned when a pair falls short.
pub const THEMED_PAIRS: [(&str, &str, f64); 8] = [
    ("--sp-text", "--sp-bg", TEXT),
    ("--sp-text", "--sp-card-bg", TEXT),
    ("--sp-muted", "--sp-card-bg", TEXT),
    ("--sp-accent", "--sp-card-bg", TEXT),
    ("--sp-accent-text", "--sp-accent", TEXT),
    ("--sp-clash", "--sp-clash-bg", TEXT),
    ("--sp-star", "--sp-card-bg", NON_TEXT),
    ("--sp-focus", "--sp-bg", NON_TEXT),
];

/// The warnings for the widget's colours as the page sets them: `value` gives a custom
/// property's value (as written, say `#8a1538`). Pairs whose values are not hex colours
/// (`rgb(…)`, names, `var(…)`) are not judged.
pub fn themed_problems(value: impl Fn(&str) -> Option<String>) -> Vec<String> {
    THEMED_PAIRS
        .iter()
        .filter_map(|&(fg, bg, needed)| {
            let colour = |p: &str| value(p).and_then(|v| Rgb::parse(v.trim()));
            let (f, b) = (colour(fg)?, colour(bg)?);
            let r = ratio(f, b);
            (r < needed).then(|| {
                format!(
                    "{fg} {} on {bg} {} has contrast {}; it needs {}",
                    f.hex(),
                    b.hex(),
                    describe_ratio(r),
                    describe_ratio(needed)
                )
            })
        })
        .collect()
}
