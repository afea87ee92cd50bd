//! Never panic: bounded fuzz runs over every decoder of outside input (the importers and
//! rich text, then the stored plan, the kept copy, share links, URL state and attributes),
//! mutating seeds with the generator's random source (`generate::Rng`).

use std::time::Instant;

use seminarplan_core::generate::Rng;
use seminarplan_core::import::import;
use seminarplan_core::parse::Problem;
use seminarplan_core::richtext;

use super::SMALL;
use super::import::OWN;
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</event>",
    "<event id=\"9\">",
    "<day date=\"2026-01-01\">",
    "</day>",
    "<room>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?x",
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "\"date\": \"2026-02-30T25:61:00+99:00\"",
    "\"duration\": \"99999:99\"",
    "\"start\": \"24:00\"",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&lt;script&gt;",
    "<script>alert(1)</script>",
    "**",
    "_",
    "[x](javascript:alert(1))",
    "\u{0}",
    "\u{feff}",
    "é",
    "\\",
    "\\u0000",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01",
    "+262143-12-31",
    "-00:00",
    "PT",
    "<start>",
    "</start>",
    "\"rooms\": {}",
    "\"events\": [{}]",
    "\"talks\": [{}]",
    "\"schedule\": ",
    "\"persons\": [{\"role\": 1}]",
];

/// One mutation: cut, flip a byte, insert a token, delete or repeat a slice.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len();
    match rng.below(8) {
        0 => bytes.truncate(rng.below(len + 1)),
        1 | 2 => {
            if len > 0 {
                let at = rng.below(len);
                bytes[at] ^= 1 << rng.below(8);
            }
        }
        3..=5 => {
            let at = rng.below(len + 1);
            let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
            bytes.splice(at..at, token.iter().copied());
        }
        6 => {
            let a = rng.below(len + 1);
            let b = (a + rng.below(64)).min(len);
            bytes.drain(a..b);
        }
        _ => {
            let a = rng.below(len + 1);
            let b = (a + rng.below(256)).min(len);
            let slice: Vec<u8> = bytes[a..b].to_vec();
            bytes.splice(b..b, slice);
        }
    }
}

/// Generated inputs per run: 100,000 in release; fewer in debug so the run stays well under
/// 20 s on a shared two-core machine (see docs/IMPORT.md for measured times).
const FUZZ_RUNS: usize = if cfg!(debug_assertions) {
    10_000
} else {
    100_000
};

/// What the widget reads itself (`read_here`: our format and sheets, without writing out a
/// document) is what `import` reads, programme and problems alike; or, where `import`
/// refuses the file, the sessions it can show, leaving out every one a problem of
/// `import`'s is about (one set of rules, two ways of reporting).
fn same_as_the_widget_reads(
    text: &str,
    whole: &Result<
        seminarplan_core::import::Imported,
        Vec<seminarplan_core::parse::ProgrammeError>,
    >,
    n: usize,
) {
    match (seminarplan_core::import::read_here(text), whole) {
        (None, _) => {}
        (Some(Ok((programme, summary))), Ok(i)) => {
            assert_eq!(programme, i.programme, "input {n}");
            assert!(summary.left_out.is_empty(), "input {n}");
        }
        (Some(Err(here)), Err(errors)) => assert_eq!(&here, errors, "input {n}"),
        (Some(Ok((programme, summary))), Err(errors)) => {
            assert!(!programme.sessions.is_empty(), "input {n}");
            for e in errors {
                assert!(
                    summary.left_out.contains(e),
                    "input {n}: {e:?} not reported"
                );
            }
        }
        (Some(here), _) => panic!(
            "input {n}: read here {:?}, imported {:?}",
            here.is_ok(),
            whole.is_ok()
        ),
    }
}

#[test]
fn fuzzed_inputs_never_panic_and_never_yield_invalid_documents() {
    let mut seeds: Vec<&str> = OWN.iter().map(|(_, t)| *t).collect();
    seeds.push(SMALL);
    // Spreadsheets (UTF-8 ones; the bytes of the others are decoded before import).
    seeds.push(include_str!("../fixtures/sheet/google-sheets.csv"));
    seeds.push(include_str!("../fixtures/sheet/libreoffice.csv"));
    seeds.push(include_str!("../fixtures/sheet/clashes.csv"));
    seeds.push("<p>a <b>b <i>c</i></b> <a href=\"https://x.example\">d</a></p><ul><li>e</li></ul>");
    seeds.push(
        "Text *em* **strong** [l](https://x.example) - item\n1. one\n\n`code` <https://y.example>",
    );
    let mut rng = Rng::new(0x5eed_1234_abcd_0042);
    let started = Instant::now();
    let (mut ok, mut refused) = (0usize, 0usize);
    for n in 0..FUZZ_RUNS {
        let seed = seeds[n % seeds.len()];
        let mut bytes = seed.as_bytes().to_vec();
        for _ in 0..=rng.below(2) {
            mutate(&mut rng, &mut bytes);
        }
        let text = String::from_utf8_lossy(&bytes);
        if matches!(text, std::borrow::Cow::Owned(_)) {
            // Not UTF-8: what a spreadsheet in Windows-1252 looks like to `import_bytes`.
            let _ = seminarplan_core::import::import_bytes(&bytes);
        }
        let _ = richtext::parse(&text);
        let whole = import(&text);
        same_as_the_widget_reads(&text, &whole, n);
        // The start of the file as it arrives: never more sessions than the whole file.
        let cut = rng.below(bytes.len() + 1);
        if let (Some(first), Ok(i)) = (seminarplan_core::import::preview(&bytes[..cut]), &whole) {
            assert!(
                first.sessions.len() <= i.programme.sessions.len(),
                "input {n} cut at {cut}"
            );
        }
        match whole {
            Ok(i) => {
                ok += 1;
                let written = i.document["sessions"].as_array().map_or(0, Vec::len);
                assert_eq!(i.programme.sessions.len(), written, "input {n}");
            }
            Err(errors) => {
                refused += 1;
                assert!(!errors.is_empty(), "input {n}");
                if !text.contains("\"format\"") {
                    // The importers only ever write valid documents: what they refuse is
                    // the input itself.
                    for e in &errors {
                        assert!(
                            matches!(
                                e.problem,
                                Problem::Syntax { .. }
                                    | Problem::Shape { .. }
                                    | Problem::UnknownFormat { .. }
                                    | Problem::NoDays
                                    | Problem::Sheet { .. }
                                    | Problem::TooLarge { .. }
                                    | Problem::TooDeep { .. }
                            ),
                            "input {n}: {e:?}\n{text}"
                        );
                    }
                }
            }
        }
    }
    let took = started.elapsed();
    println!(
        "fuzz: {FUZZ_RUNS} inputs ({ok} imported, {refused} refused) in {took:?} ({})",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    // Both outcomes reached: a run whose mutations import nothing (or refuse nothing)
    // proves nothing about the readers behind the syntax check. (It was `ok + refused ==
    // runs`, true by construction.)
    assert!(
        ok > FUZZ_RUNS / 100 && refused > FUZZ_RUNS / 100,
        "{ok} imported, {refused} refused"
    );
}

/// What links and records are made of, beyond the importer's tokens: the separators of
/// both share-link formats and the delegation link, and characters of two, three and four
/// bytes, raw and percent-encoded, so cuts and caps fall inside them (issue 28).
const LINK_TOKENS: &[&str] = &[
    "~",
    "~~",
    "*",
    ".",
    "é",
    "å",
    "Å",
    "€",
    "😀",
    "\u{ad}",
    "\u{200d}",
    "%C3%A5",
    "%C3",
    "%",
    "0",
    "z",
    "G",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "\"",
    "[",
    "]",
    ",",
    "\\u00e5",
];

/// One mutation for links and records: half the time one of `LINK_TOKENS`, else `mutate`.
fn mutate_link(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if rng.below(2) == 0 {
        let at = rng.below(bytes.len() + 1);
        let token = LINK_TOKENS[rng.below(LINK_TOKENS.len())].as_bytes();
        bytes.splice(at..at, token.iter().copied());
    } else {
        mutate(rng, bytes);
    }
}

/// What each family of decoders accepted in a run, so a run that never reaches one fails.
#[derive(Debug, Default)]
struct Accepted {
    plans: usize,
    salvaged: usize,
    copies: usize,
    compact_links: usize,
    compact_beyond_ascii: usize,
    first_format_links: usize,
    team_links: usize,
    team_records: usize,
    clocks: usize,
}

/// The seeds: every record and link in the form the widget writes it, with ids beyond
/// ASCII that share long starts (the compact form's 35-byte cap falls inside `é`).
fn record_and_link_seeds() -> Vec<String> {
    use seminarplan_core::delegation::{self, link};
    use seminarplan_core::{loading, saved, share};

    let demo = super::demo();
    let mut plan = seminarplan_core::plan::Plan::default();
    plan.toggle("s-101");
    plan.toggle("s-302");
    plan.fill_snapshots(&demo);
    let a34 = "a".repeat(34);
    let beyond: std::collections::BTreeSet<String> = [
        format!("{a34}é1"),
        format!("{a34}é2"),
        "Åsa-föreläsning-1".to_owned(),
        "Åsa-föreläsning-2".to_owned(),
        "s-101".to_owned(),
        "3fa2c1d0-1a2b-4c3d-8e4f-000000000001".to_owned(),
    ]
    .into();
    let compact = share::encode_for(&demo, &beyond);
    let mut team = delegation::Delegation::default();
    team.add_or_update(
        "Åsa Öberg",
        plan.starred.clone(),
        1_800_000_000,
        false,
        Some(&demo),
    );
    team.add_or_update("Bo", beyond.clone(), 7, false, None);
    team.me = Some("Émile".to_owned());
    let team_link = link::encode_team(
        &demo,
        &[
            ("Åsa Öberg", 1_800_000_000, &plan.starred),
            ("Bo.é", 1_799_000_000, &beyond),
        ],
    );
    vec![
        saved::encode(&plan).expect("a small plan fits"),
        r#"{"v":1,"starred":["a","b"]}"#.to_owned(),
        r#"{"v":9,"starred":["Åsa-1","s-2","é"#.to_owned(),
        saved::encode_team(&team).expect("a small team fits"),
        loading::encode_cache("/p.json", "inkopsforum-2027", 1_800_000_000_000, SMALL),
        share::encode("inkopsforum-2027", &plan.starred),
        compact.clone(),
        link::stamp_share(&compact, 1_800_000_000),
        // The link that crashed the widget (issue 28), as a visitor was sent it.
        format!("x*000000~0{a34}é1~0{a34}é2"),
        team_link.clone(),
        format!(
            "view=mine&session=s-101&q=h%C3%A5llbar+upphandling&theme=a,b&day=2027-03-16&share={}",
            seminarplan_core::url_state::encode_component(&compact)
        ),
        format!(
            "team={}&view=team",
            seminarplan_core::url_state::encode_component(&team_link)
        ),
        "sv".to_owned(),
        "en-GB".to_owned(),
        "15000".to_owned(),
        "2027-03-16T13:30:00+01:00".to_owned(),
        "<!doctype html><html>".to_owned(),
    ]
}

/// The stored records: the plan, a record set aside (`salvage`), the colleagues and the
/// kept programme copy. What decodes must encode and decode to the same.
fn check_records(text: &str, n: usize, accepted: &mut Accepted) {
    use seminarplan_core::parse::valid_id;
    use seminarplan_core::{loading, saved};

    if let Ok(plan) = saved::decode(text) {
        accepted.plans += 1;
        assert_eq!(
            saved::decode(&saved::encode(&plan).expect("a decoded plan fits")),
            Ok(plan),
            "input {n}: {text}"
        );
    }
    let salvaged = saved::salvage(text);
    assert!(salvaged.starred.iter().all(|id| valid_id(id)), "input {n}");
    accepted.salvaged += usize::from(!salvaged.starred.is_empty());
    if let Ok(team) = saved::decode_team(text) {
        accepted.team_records += 1;
        let written = saved::encode_team(&team).expect("a record read back fits");
        let again = saved::decode_team(&written);
        assert_eq!(again.as_ref().ok(), Some(&team), "input {n}: {text}");
    }
    if let Some(cached) = loading::decode_cache("/p.json", text) {
        accepted.copies += 1;
        assert!(valid_id(&cached.id), "input {n}");
    }
    let _ = loading::check_body("text/html", text);
}

/// Share links (both formats, with a stamp or not), delegation links and URL state: what
/// is read is written back and reads the same, through the very path a page load takes
/// (`Action::FromUrl`, which writes a share link back in its own form).
fn check_links(text: &str, n: usize, accepted: &mut Accepted) {
    use seminarplan_core::delegation::link;
    use seminarplan_core::share;
    use seminarplan_core::state::{Action, AppState};
    use seminarplan_core::url_state::UrlState;

    let (value, _) = link::split_stamp(text);
    if let Ok(shared) = share::decode(value) {
        if shared.fingerprint.is_some() {
            accepted.compact_links += 1;
            accepted.compact_beyond_ascii +=
                usize::from(shared.ids.iter().any(|id| !id.is_ascii()));
        } else {
            accepted.first_format_links += 1;
        }
        let written = share::encode_with(
            &shared.programme,
            shared.fingerprint.as_deref(),
            &shared.ids,
        );
        assert_eq!(share::decode(&written), Ok(shared), "input {n}: {text}");
    }
    if let Ok(team) = link::decode_team(text) {
        accepted.team_links += 1;
        let mut programme = super::demo();
        programme.id.clone_from(&team.programme);
        let people: Vec<_> = team
            .people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.stamp,
                    link::resolve(&programme, &p.tokens),
                )
            })
            .collect();
        let rows: Vec<_> = people.iter().map(|(n, s, ids)| (*n, *s, ids)).collect();
        let again = link::decode_team(&link::encode_team(&programme, &rows))
            .unwrap_or_else(|e| panic!("input {n}: {e:?} {text}"));
        let read: Vec<_> = again
            .people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.stamp,
                    link::resolve(&programme, &p.tokens),
                )
            })
            .collect();
        assert_eq!(read, people, "input {n}: {text}");
    }
    let state = UrlState::parse(text);
    assert_eq!(
        UrlState::parse(&state.to_query()),
        state,
        "input {n}: {text}"
    );
    let mut app = AppState::default();
    app.apply(Action::FromUrl(Box::new(state)));
    let _ = app.url_state().to_query();
}

/// The other decoders of outside input, through the same mutations and those of
/// `LINK_TOKENS`: the stored plan, a record set aside, the colleagues record, the kept
/// programme copy, the response check, share links of both formats, delegation links, URL
/// state and the element's attributes. None may panic, what they accept must survive its
/// own round trip, and every family must be reached (non-ASCII compact links included).
/// (The same test filter as the importer's, so CI runs both in the `fuzz` profile.)
#[test]
fn fuzzed_inputs_never_panic_in_records_links_and_attributes() {
    use seminarplan_core::lang::Lang;
    use seminarplan_core::loading;

    let seeds = record_and_link_seeds();
    let mut rng = Rng::new(0x0dec_0de5_0bad_cafe);
    let started = Instant::now();
    let mut accepted = Accepted::default();
    for n in 0..FUZZ_RUNS {
        let mut bytes = seeds[n % seeds.len()].as_bytes().to_vec();
        for _ in 0..=rng.below(2) {
            mutate_link(&mut rng, &mut bytes);
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        check_links(&text, n, &mut accepted);
        if n % 5_000 == 0 {
            // Now and then a record over the size limit, so `salvage`'s cut falls at each
            // byte of a character of several bytes in turn.
            let mut record = text.clone();
            record.push_str(&"x".repeat(n / 5_000 % 4));
            while record.len() <= seminarplan_core::saved::MAX_RECORD + 4 {
                record.push_str(["å", "€", "😀"][n / 20_000 % 3]);
            }
            check_records(&record, n, &mut accepted);
        } else {
            check_records(&text, n, &mut accepted);
        }
        // Element attributes: language, namespace, timeout and the fixed clock.
        let _ = Lang::from_code(&text);
        let _ = seminarplan_core::parse::valid_id(&text);
        let ms = loading::timeout_ms(Some(&text));
        assert!((loading::MIN_TIMEOUT_MS..=loading::MAX_TIMEOUT_MS).contains(&ms));
        if chrono::DateTime::parse_from_rfc3339(text.trim()).is_ok() {
            accepted.clocks += 1;
        }
    }
    println!(
        "fuzz: {FUZZ_RUNS} records, links and attributes in {:?}; accepted: {accepted:?}",
        started.elapsed(),
    );
    let a = &accepted;
    let reached = [
        a.plans,
        a.salvaged,
        a.copies,
        a.compact_links,
        a.compact_beyond_ascii,
        a.first_format_links,
        a.team_links,
        a.team_records,
        a.clocks,
    ];
    assert!(
        reached.iter().all(|&r| r > 0),
        "every seed family still decodes: {accepted:?}"
    );
}
