//! WCAG contrast: luminance and ratios against published values, the backgrounds kept
//! equal to the style sheet, and the organiser's warning for faint theme colours.

use serde_json::{Value, json};

use seminarplan_core::contrast::{
    BACKGROUNDS, NON_TEXT, Rgb, Scheme, TEXT, describe_ratio, ratio, theme_problems,
};
use seminarplan_core::import::{WarningKind, import};

fn rgb(hex: &str) -> Rgb {
    Rgb::parse(hex).unwrap_or_else(|| panic!("{hex} is a colour"))
}

#[test]
fn parses_hex_colours_only() {
    for (text, expected) in [
        ("#ffffff", Some(Rgb(255, 255, 255))),
        ("#FFF", Some(Rgb(255, 255, 255))),
        ("#0b5cad", Some(Rgb(0x0b, 0x5c, 0xad))),
        ("#abc", Some(Rgb(0xaa, 0xbb, 0xcc))),
        ("ffffff", None),
        ("#ffff", None),
        ("#gggggg", None),
        ("#+1+1+1", None),
        ("#ééé", None),
        ("", None),
    ] {
        assert_eq!(Rgb::parse(text), expected, "{text:?}");
    }
    assert_eq!(rgb("#0B5CAD").hex(), "#0b5cad");
}

#[test]
fn ratios_match_published_values() {
    // Black on white is the largest ratio there is; a colour with itself the smallest.
    assert!((ratio(rgb("#000"), rgb("#fff")) - 21.0).abs() < 1e-9);
    assert!((ratio(rgb("#0b5cad"), rgb("#0b5cad")) - 1.0).abs() < 1e-9);
    // The order does not matter.
    assert_eq!(
        ratio(rgb("#767676"), rgb("#fff")),
        ratio(rgb("#fff"), rgb("#767676"))
    );
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails
    // (4.54 and 4.48, as WebAIM's contrast checker gives them).
    for (fg, bg, expected) in [
        ("#767676", "#ffffff", "4.54:1"),
        ("#777777", "#ffffff", "4.47:1"),
        ("#949494", "#ffffff", "3.03:1"),
        ("#ff0000", "#ffffff", "3.99:1"),
        ("#0000ff", "#ffffff", "8.59:1"),
        ("#1b1d21", "#ffffff", "16.87:1"),
    ] {
        assert_eq!(
            describe_ratio(ratio(rgb(fg), rgb(bg))),
            expected,
            "{fg} on {bg}"
        );
    }
    assert!(ratio(rgb("#767676"), rgb("#fff")) >= TEXT);
    assert!(ratio(rgb("#777777"), rgb("#fff")) < TEXT);
}

#[test]
fn ratios_are_cut_not_rounded() {
    assert_eq!(describe_ratio(2.999), "2.99:1");
    assert_eq!(describe_ratio(3.0), "3.00:1");
    assert_eq!(describe_ratio(21.0), "21.00:1");
}

/// The value of `--name: #xxxxxx;` in `block`.
fn property(block: &str, name: &str) -> Option<Rgb> {
    let at = block.find(&format!("{name}:"))?;
    let rest = &block[at + name.len() + 1..];
    Rgb::parse(rest.split(';').next()?.trim())
}

#[test]
fn backgrounds_are_the_style_sheets() {
    let css = include_str!("../../styles/base.css");
    let dark_at = css
        .find("@media (prefers-color-scheme: dark)")
        .expect("base.css has a dark mode");
    let (light, dark) = css.split_at(dark_at);
    for b in BACKGROUNDS {
        let block = match b.scheme {
            Scheme::Light => light,
            Scheme::Dark => dark,
        };
        assert_eq!(
            property(block, b.property),
            Some(b.colour),
            "{} in {} is {} in styles/base.css",
            b.property,
            b.scheme.describe(),
            b.colour.hex()
        );
    }
}

#[test]
fn the_widgets_own_text_colours_pass() {
    // Text and muted text on every background, in both modes; the accent as link text.
    let css = include_str!("../../styles/base.css");
    let dark_at = css
        .find("@media (prefers-color-scheme: dark)")
        .expect("base.css has a dark mode");
    let (light, dark) = css.split_at(dark_at);
    for (mode, block) in [("light", light), ("dark", dark)] {
        for fg in ["--sp-text", "--sp-muted", "--sp-accent"] {
            for bg in ["--sp-bg", "--sp-surface", "--sp-card-bg"] {
                let (Some(f), Some(b)) = (property(block, fg), property(block, bg)) else {
                    panic!("{mode}: {fg} and {bg} are colours in base.css");
                };
                let r = ratio(f, b);
                assert!(
                    r >= TEXT,
                    "{mode}: {fg} {} on {bg} {} is {}",
                    f.hex(),
                    b.hex(),
                    describe_ratio(r)
                );
            }
        }
        // The clash text on its own background.
        let (Some(f), Some(b)) = (
            property(block, "--sp-clash"),
            property(block, "--sp-clash-bg"),
        ) else {
            panic!("{mode}: the clash colours are in base.css");
        };
        assert!(ratio(f, b) >= TEXT, "{mode}: clash text");
    }
}

/// A `seminarplan/1` programme with one theme per colour.
fn with_themes(colours: &[&str]) -> String {
    let themes: Vec<Value> = colours
        .iter()
        .enumerate()
        .map(|(i, c)| json!({ "id": format!("t{i}"), "name": format!("Tema {i}"), "colour": c }))
        .collect();
    json!({
        "format": "seminarplan/1",
        "id": "kontrast",
        "revision": "1",
        "conference": {
            "title": "Kontrast", "time_zone": "Europe/Stockholm", "language": "sv",
            "days": ["2027-03-16"]
        },
        "rooms": [{ "id": "a", "name": "Sal A" }],
        "themes": themes,
        "types": [{ "id": "sem", "name": "Seminarium", "kind": "seminar" }],
        "sessions": [{
            "id": "s1", "title": "Något", "type": "sem", "room": "a", "themes": ["t0"],
            "start": "2027-03-16T10:00:00+01:00", "end": "2027-03-16T11:00:00+01:00"
        }]
    })
    .to_string()
}

#[test]
fn faint_theme_colours_are_warned_about_with_the_ratio() {
    // Dark blue vanishes on the dark card; amber on the white one (2.868, cut to 2.86);
    // the medium green and
    // the widget's default grey pass in both modes.
    let imported = import(&with_themes(&["#1f4e8c", "#d48806", "#359039", "#6b7280"]))
        .expect("the programme is valid");
    let described: Vec<String> = imported.warnings.iter().map(|w| w.describe()).collect();
    assert_eq!(
        described,
        [
            "themes[0].colour: theme \"Tema 0\" colour #1f4e8c has contrast 1.82:1 against the \
             dark mode card background #23262d; its colour stripe needs at least 3:1 \
             (WCAG 1.4.11), choose a colour of medium lightness",
            "themes[1].colour: theme \"Tema 1\" colour #d48806 has contrast 2.86:1 against the \
             light mode card background #ffffff; its colour stripe needs at least 3:1 \
             (WCAG 1.4.11), choose a colour of medium lightness",
        ]
    );
    assert_eq!(
        imported.warnings[0].message,
        WarningKind::ThemeContrast {
            theme: "Tema 0".into(),
            colour: "#1f4e8c".into(),
            ratio: 182,
            background: "dark mode card background #23262d".into(),
        }
    );
}

#[test]
fn one_finding_per_mode_against_the_nearest_background() {
    // A dark slate: fine on white, too close to both dark backgrounds; it is named once
    // for dark mode, against the card (1.52:1), its nearest background.
    let p = seminarplan_core::parse::parse_programme(&with_themes(&["#3d4350"])).expect("valid");
    let found = theme_problems(&p);
    assert_eq!(found.len(), 1, "one finding for dark mode: {found:?}");
    assert_eq!(found[0].background.scheme, Scheme::Dark);
    assert_eq!(found[0].background.name, "card background");
    assert_eq!(describe_ratio(found[0].ratio), "1.52:1");
    assert!(found[0].ratio < NON_TEXT);
}

#[test]
fn the_demo_and_the_import_palette_pass() {
    let demo = import(seminarplan_core::DEMO_PROGRAMME).expect("the demo imports");
    assert_eq!(
        demo.warnings,
        [],
        "the demo programme's theme colours pass in both modes"
    );

    // Twelve tracks without colours take the whole palette.
    let events: Vec<Value> = (0..12)
        .map(|i| {
            json!({
                "id": i + 1, "guid": format!("g{i}"),
                "date": format!("2026-05-04T{:02}:00:00+02:00", 8 + i),
                "start": format!("{:02}:00", 8 + i), "duration": "0:30",
                "title": format!("Talk {i}"), "type": "talk", "language": "en",
                "track": format!("Track {i:02}"), "persons": []
            })
        })
        .collect();
    let frab = json!({ "schedule": { "version": "1", "conference": {
        "acronym": "pal", "title": "Palette", "start": "2026-05-04", "end": "2026-05-04",
        "time_zone_name": "Europe/Berlin",
        "days": [{ "index": 1, "date": "2026-05-04",
            "day_start": "2026-05-04T08:00:00+02:00", "day_end": "2026-05-04T23:00:00+02:00",
            "rooms": { "Hall": events } }]
    } } });
    let imported = import(&frab.to_string()).expect("the frab file imports");
    assert_eq!(imported.programme.themes.len(), 12, "one theme per track");
    let mut colours: Vec<&str> = imported
        .programme
        .themes
        .iter()
        .map(|t| t.colour.as_str())
        .collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), 12, "twelve different colours");
    let faint: Vec<String> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.message, WarningKind::ThemeContrast { .. }))
        .map(|w| w.describe())
        .collect();
    assert_eq!(faint, Vec::<String>::new(), "the palette passes");
}

#[test]
fn organiser_colours_from_the_page_are_judged() {
    use seminarplan_core::contrast::themed_problems;
    let page = |accent: &'static str| {
        move |p: &str| {
            Some(
                match p {
                    "--sp-accent" => accent,
                    "--sp-accent-text" => "#ffffff",
                    "--sp-card-bg" | "--sp-bg" => "#ffffff",
                    "--sp-text" => "#1b1d21",
                    _ => "var(--x)",
                }
                .to_owned(),
            )
        }
    };
    // The default accent passes; a pale yellow fails both as link text and under white text.
    assert_eq!(themed_problems(page("#0b5cad")), Vec::<String>::new());
    let problems = themed_problems(page("#f5e050"));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("--sp-accent #f5e050 on --sp-card-bg #ffffff has contrast 1."));
    assert!(problems[1].starts_with("--sp-accent-text #ffffff on --sp-accent #f5e050"));
    // Values that are not hex colours are not judged.
    assert_eq!(
        themed_problems(page("rgb(250, 230, 80)")),
        Vec::<String>::new()
    );
}
