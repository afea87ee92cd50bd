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
    assert_eq!(ok + refused, FUZZ_RUNS);
}

/// The other decoders of outside input, through the same mutations: the stored plan, the
/// kept programme copy, the response check, share links, URL state and the element's
/// attributes. None may panic, and what they accept must survive its own round trip.
/// (The same test filter as the importer's, so CI runs both in the `fuzz` profile.)
#[test]
fn fuzzed_inputs_never_panic_in_records_links_and_attributes() {
    use seminarplan_core::lang::Lang;
    use seminarplan_core::loading;
    use seminarplan_core::parse::valid_id;
    use seminarplan_core::saved;
    use seminarplan_core::share;
    use seminarplan_core::url_state::UrlState;

    let mut plan = seminarplan_core::plan::Plan::default();
    plan.toggle("s-101");
    plan.toggle("s-302");
    plan.fill_snapshots(&super::demo());
    let record = saved::encode(&plan).expect("a small plan fits");
    let copy = loading::encode_cache("/p.json", "inkopsforum-2027", 1_800_000_000_000, SMALL);
    let link = share::encode("inkopsforum-2027", &plan.starred);
    let seeds: Vec<String> = vec![
        record,
        r#"{"v":1,"starred":["a","b"]}"#.to_owned(),
        copy,
        link.clone(),
        format!(
            "view=mine&session=s-101&q=h%C3%A5llbar+upphandling&theme=a,b&day=2027-03-16&share={link}"
        ),
        "sv".to_owned(),
        "en-GB".to_owned(),
        "15000".to_owned(),
        "2027-03-16T13:30:00+01:00".to_owned(),
        "<!doctype html><html>".to_owned(),
    ];
    let mut rng = Rng::new(0x0dec_0de5_0bad_cafe);
    let started = Instant::now();
    let mut accepted = [0usize; 4];
    for n in 0..FUZZ_RUNS {
        let mut bytes = seeds[n % seeds.len()].as_bytes().to_vec();
        for _ in 0..=rng.below(2) {
            mutate(&mut rng, &mut bytes);
        }
        let text = String::from_utf8_lossy(&bytes);
        // The stored plan: what decodes, encodes and decodes to the same plan.
        if let Ok(plan) = saved::decode(&text) {
            accepted[0] += 1;
            assert_eq!(
                saved::decode(&saved::encode(&plan).expect("a decoded plan fits")),
                Ok(plan),
                "input {n}: {text}"
            );
        }
        // The kept programme copy.
        if let Some(cached) = loading::decode_cache("/p.json", &text) {
            accepted[1] += 1;
            assert!(valid_id(&cached.id), "input {n}");
        }
        let _ = loading::check_body("text/html", &text);
        // Share links and URL state: parsing what it writes gives the same state.
        if let Ok(shared) = share::decode(&text) {
            accepted[2] += 1;
            let again = share::decode(&share::encode(&shared.programme, &shared.ids));
            assert_eq!(again.ok(), Some(shared), "input {n}: {text}");
        }
        let state = UrlState::parse(&text);
        assert_eq!(
            UrlState::parse(&state.to_query()),
            state,
            "input {n}: {text}"
        );
        // Element attributes: language, namespace, timeout and the fixed clock.
        let _ = Lang::from_code(&text);
        let _ = valid_id(&text);
        let ms = loading::timeout_ms(Some(&text));
        assert!((loading::MIN_TIMEOUT_MS..=loading::MAX_TIMEOUT_MS).contains(&ms));
        if chrono::DateTime::parse_from_rfc3339(text.trim()).is_ok() {
            accepted[3] += 1;
        }
    }
    println!(
        "fuzz: {FUZZ_RUNS} records, links and attributes in {:?}; accepted: {} plans, {} copies, {} share links, {} clocks",
        started.elapsed(),
        accepted[0],
        accepted[1],
        accepted[2],
        accepted[3]
    );
    assert!(
        accepted.iter().all(|&a| a > 0),
        "every seed family still decodes: {accepted:?}"
    );
}
