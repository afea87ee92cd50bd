//! Loading the programme: timeouts, fault names, responses that are no programme, the
//! last good copy kept in the browser, and the saved plan shown without a programme.

use seminarplan_core::lang::Lang;
use seminarplan_core::loading::LoadError;
use seminarplan_core::loading::{
    Cached, DEFAULT_TIMEOUT_MS, FetchFault, MAX_CACHED_TEXT, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS,
    cache_key, check_body, decode_cache, encode_cache, is_cache_key, saved_sessions, status_fault,
    timeout_ms, without_text,
};
use seminarplan_core::plan::Plan;

use super::{SMALL, small};

#[test]
fn timeout_attribute_is_clamped_and_defaults() {
    assert_eq!(timeout_ms(None), DEFAULT_TIMEOUT_MS);
    assert_eq!(DEFAULT_TIMEOUT_MS, 15_000);
    assert_eq!(timeout_ms(Some("2000")), 2000);
    assert_eq!(timeout_ms(Some(" 2500 ")), 2500);
    assert_eq!(timeout_ms(Some("1")), MIN_TIMEOUT_MS);
    assert_eq!(timeout_ms(Some("99999999")), MAX_TIMEOUT_MS);
    for junk in ["", "-5", "1e3", "abc", "99999999999999999999"] {
        assert_eq!(timeout_ms(Some(junk)), DEFAULT_TIMEOUT_MS, "{junk:?}");
    }
}

#[test]
fn statuses_name_their_fault() {
    assert_eq!(status_fault(200), None);
    assert_eq!(status_fault(204), None);
    assert_eq!(status_fault(404), Some(FetchFault::NotFound));
    assert_eq!(status_fault(410), Some(FetchFault::NotFound));
    assert_eq!(status_fault(500), Some(FetchFault::Status(500)));
    assert_eq!(status_fault(304), Some(FetchFault::Status(304)));
}

#[test]
fn content_type_is_not_trusted_but_web_pages_are_refused() {
    // A programme is accepted whatever the header says.
    for ct in [
        "application/json",
        "text/html",
        "text/plain",
        "",
        "application/octet-stream",
    ] {
        assert_eq!(check_body(ct, SMALL), Ok(()), "JSON served as {ct:?}");
        assert_eq!(
            check_body(ct, "<?xml version=\"1.0\"?><schedule/>"),
            Ok(()),
            "XML served as {ct:?}"
        );
        assert_eq!(check_body(ct, "\u{feff}  {\"a\":1}"), Ok(()));
    }
    // An HTML page is always a wrong address.
    for page in [
        "<!DOCTYPE html><html><body>Welcome</body></html>",
        "\n  <html lang=\"sv\">",
        "<!doctype HTML>",
    ] {
        assert_eq!(check_body("text/html", page), Err(FetchFault::WebPage));
        assert_eq!(
            check_body("application/json", page),
            Err(FetchFault::WebPage)
        );
    }
    assert_eq!(
        check_body("text/html; charset=utf-8", "<head><title>x</title>"),
        Err(FetchFault::WebPage)
    );
    // Not HTML and not a programme: left to the importer, which names the problem.
    assert_eq!(check_body("text/plain", "Not found"), Ok(()));
}

#[test]
fn every_fault_has_a_sentence_in_both_languages() {
    let faults = [
        FetchFault::BadUrl,
        FetchFault::Network,
        FetchFault::NotFound,
        FetchFault::Status(503),
        FetchFault::Timeout,
        FetchFault::Truncated,
        FetchFault::WebPage,
        FetchFault::TooLarge,
    ];
    for lang in [Lang::Sv, Lang::En] {
        let texts: Vec<String> = faults.iter().map(|f| lang.fetch_fault(f)).collect();
        for t in &texts {
            assert!(t.ends_with('.'), "{t}");
        }
        let mut unique = texts.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            texts.len(),
            "each fault reads differently: {texts:?}"
        );
    }
    assert!(
        Lang::Sv
            .fetch_fault(&FetchFault::Status(503))
            .contains("503")
    );
    assert!(Lang::En.fetch_fault(&FetchFault::NotFound).contains("404"));
    assert!(
        Lang::Sv
            .fetch_fault(&FetchFault::Timeout)
            .contains("för lång tid")
    );
    assert!(
        Lang::En
            .load_error_short(&LoadError::Invalid(Vec::new()))
            .contains("mistakes")
    );
}

#[test]
fn cache_keys_are_per_namespace_and_address() {
    let a = cache_key("default", "/programme.json");
    assert!(a.starts_with("seminarplan:default:programme:"), "{a}");
    assert_eq!(a, cache_key("default", "/programme.json"), "stable");
    assert_ne!(a, cache_key("other", "/programme.json"));
    assert_ne!(a, cache_key("default", "/programme2.json"));
    assert!(is_cache_key("default", &a));
    assert!(!is_cache_key("other", &a));
    assert!(!is_cache_key("default", "seminarplan:default:plan:x"));
    assert!(!is_cache_key(
        "default",
        "seminarplan:default:programme:nothex!!nothex!!"
    ));
    // A known value, so the key cannot silently change between versions (and orphan
    // every visitor's copy).
    assert_eq!(
        cache_key("d", ""),
        "seminarplan:d:programme:cbf29ce484222325"
    );
}

#[test]
fn cache_round_trip_and_refusals() {
    let src = "/fixtures/small.json";
    let id = small().id.clone();
    let stored = encode_cache(src, &id, 1_800_000_000_000, SMALL);
    let cached = decode_cache(src, &stored).expect("a copy reads back");
    assert_eq!(
        cached,
        Cached {
            src: src.into(),
            id: id.clone(),
            fetched_ms: 1_800_000_000_000,
            text: Some(SMALL.into()),
        }
    );
    // Another address (say, a hash collision) or version, or junk: no copy.
    assert_eq!(decode_cache("/other.json", &stored), None);
    assert_eq!(
        decode_cache(src, &stored.replacen("\"v\":1", "\"v\":2", 1)),
        None
    );
    for junk in [
        "",
        "{",
        "null",
        "[]",
        "{\"v\":1}",
        "{\"v\":1,\"src\":\"/fixtures/small.json\",\"id\":\"bad id!\",\"fetched_ms\":1}",
    ] {
        assert_eq!(decode_cache(src, junk), None, "{junk:?}");
    }
    // Without text: the id is still there, so the saved plan can be found.
    let small_record = without_text(&cached);
    let id_only = decode_cache(src, &small_record).expect("the id-only record reads back");
    assert_eq!(id_only.text, None);
    assert_eq!(id_only.id, id);
    // A programme too large to keep is stored as its id only.
    let huge = "x".repeat(MAX_CACHED_TEXT + 1);
    let record = encode_cache(src, &id, 1, &huge);
    assert!(record.len() < 1000, "{} bytes", record.len());
    assert_eq!(decode_cache(src, &record).and_then(|c| c.text), None);
}

#[test]
fn the_saved_plan_lists_in_time_order_without_a_programme() {
    let programme = small();
    let mut plan = Plan::default();
    let mut ids: Vec<&str> = programme
        .sessions
        .iter()
        .filter(|s| programme.kind(s).can_star())
        .map(|s| s.id.as_str())
        .take(3)
        .collect();
    ids.reverse();
    for id in &ids {
        plan.toggle(id);
    }
    plan.fill_snapshots(&programme);
    plan.toggle("no-snapshot");
    let listed = saved_sessions(&plan);
    assert_eq!(listed.len(), ids.len() + 1);
    let starts: Vec<_> = listed.iter().filter_map(|s| s.start).collect();
    assert_eq!(starts.len(), ids.len());
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "time order");
    let last = listed.last().expect("listed");
    assert_eq!(last.title, "no-snapshot", "unknown times last, by id");
    for s in &listed[..ids.len()] {
        let session = programme
            .session(&s.id)
            .expect("a session of the programme");
        assert_eq!(s.title, session.title);
    }
}

/// Issue 15: a stored copy with an extreme `fetched_ms` made the stale notice panic in
/// `date_naive` for visitors east of UTC, on every offline visit while the record existed.
/// Before the fix `decode_cache` passed the number on unchanged (this test failed there).
#[test]
fn an_extreme_fetch_time_is_clamped_and_never_panics() {
    use seminarplan_core::loading::MAX_FETCHED_MS;
    let fetched_words = |lang: Lang, ms, west| lang.fetched_at(ms, west);
    let src = "/fixtures/small.json";
    let id = small().id.clone();
    // The largest millisecond chrono still reads, and the extremes of an i64.
    for ms in [8_210_266_876_799_999, i64::MAX, i64::MIN, -1] {
        let stored = encode_cache(src, &id, ms, SMALL);
        let cached = decode_cache(src, &stored).expect("the copy still serves");
        assert!(
            (0..=MAX_FETCHED_MS).contains(&cached.fetched_ms),
            "{ms} read back as {}",
            cached.fetched_ms
        );
        assert_eq!(cached.text.as_deref(), Some(SMALL));
        // Stockholm in summer, Kiribati (UTC+14), Baker Island (UTC-12), nonsense offsets.
        for west in [-120.0, -840.0, 720.0, 0.0, f64::NAN, 1e12, -1e12] {
            for lang in [Lang::Sv, Lang::En] {
                let _ = fetched_words(lang, cached.fetched_ms, west);
                let _ = fetched_words(lang, ms, west);
            }
        }
    }
    assert_eq!(
        fetched_words(Lang::Sv, MAX_FETCHED_MS, -840.0),
        "1 januari 10000 kl. 13:59"
    );
    assert_eq!(
        fetched_words(Lang::En, 1_800_000_000_000, -60.0),
        "15 January 2027 at 09:00"
    );
}

/// Issue 15: the whole body was read before the 20 MB check. Now the `Content-Length`
/// refuses first, and a body without one (or with a false one) stops at the limit.
#[test]
fn a_large_file_is_refused_by_its_length_and_while_it_arrives() {
    use seminarplan_core::loading::{Body, MAX_FETCH_BYTES, length_fault};
    assert_eq!(MAX_FETCH_BYTES, 20 * 1024 * 1024);
    let over = (MAX_FETCH_BYTES + 1).to_string();
    assert_eq!(length_fault(Some(&over)), Some(FetchFault::TooLarge));
    assert_eq!(
        length_fault(Some(" 99999999999999999 ")),
        Some(FetchFault::TooLarge)
    );
    for fine in [None, Some(""), Some("junk"), Some("-5"), Some("1024")] {
        assert_eq!(length_fault(fine), None, "{fine:?}");
    }
    assert_eq!(length_fault(Some(&MAX_FETCH_BYTES.to_string())), None);

    let chunk = vec![b' '; 1024 * 1024];
    let mut body = Body::default();
    let mut pushed = 0;
    let refused = loop {
        match body.push(&chunk) {
            Ok(()) => pushed += 1,
            Err(fault) => break fault,
        }
        assert!(pushed <= 20, "more than 20 MB was taken in");
    };
    assert_eq!((pushed, refused), (20, FetchFault::TooLarge));
    assert!(!Body::default().fits(MAX_FETCH_BYTES + 1));
    // Decoded as `Response.text()` does: the byte order mark dropped, bad bytes replaced.
    let mut body = Body::default();
    body.push(b"\xEF\xBB\xBF{\"a\":").expect("small");
    body.push(b"\"\xC3\xA5\xFF\"}").expect("small");
    assert_eq!(body.text(), "{\"a\":\"\u{e5}\u{fffd}\"}");
    assert!(
        Lang::Sv
            .fetch_fault(&FetchFault::TooLarge)
            .contains("20 MB"),
        "{}",
        Lang::Sv.fetch_fault(&FetchFault::TooLarge)
    );
}

#[test]
fn only_a_large_file_is_previewed_and_tried_again_as_it_doubles() {
    use seminarplan_core::loading::{PREVIEW_BYTES, PreviewTries};
    // Arriving slowly (a phone network: 256 KB in about a second).
    let slow = 1_000.0;
    let mut tries = PreviewTries::default();
    // Not before the preview's bytes are there.
    assert!(!tries.due(PREVIEW_BYTES - 1, None, slow));
    // A file of unknown length still arriving: yes, then again when twice as much is here.
    assert!(tries.due(PREVIEW_BYTES, None, slow));
    assert!(!tries.due(PREVIEW_BYTES * 2 - 1, None, slow));
    assert!(tries.due(PREVIEW_BYTES * 2, None, slow));
    tries.shown();
    assert!(!tries.due(PREVIEW_BYTES * 8, None, slow));
    // A file the server says is small is read whole first.
    let mut tries = PreviewTries::default();
    assert!(!tries.due(PREVIEW_BYTES, Some(PREVIEW_BYTES as u64 * 2), slow));
    // A large one, until half of it is here.
    assert!(tries.due(PREVIEW_BYTES * 3, Some(14_000_000), slow));
    assert!(!tries.due(7_000_001, Some(14_000_000), slow));
}

/// Issue 29: on a fast network the rest of a 1.6 MB file (1,000 sessions) is there a
/// moment after its first 256 KB, and read in a few tens of milliseconds: a preview only
/// put off the moment the widget answered, by about 180 ms at 4× CPU. A file that takes
/// long to read (10,000 sessions), or one arriving slowly, is still previewed.
#[test]
fn a_file_arriving_fast_is_read_whole_unless_reading_it_takes_long() {
    use seminarplan_core::loading::{
        ARRIVES_SLOWLY_MS, PREVIEW_BYTES, PreviewTries, READ_LONG_BYTES,
    };
    let thousand = Some(1_600_000);
    // 256 KB in 5 ms: the other 1.3 MB in about 26 ms.
    assert!(!PreviewTries::default().due(PREVIEW_BYTES, thousand, 5.0));
    // Tried again with more of it here, still fast: still not.
    let mut tries = PreviewTries::default();
    assert!(!tries.due(PREVIEW_BYTES, thousand, 5.0));
    assert!(!tries.due(PREVIEW_BYTES + 65_536, thousand, 6.0));
    // 256 KB in a second and a half (1.6 Mbit/s): yes.
    assert!(PreviewTries::default().due(PREVIEW_BYTES, thousand, 1_500.0));
    // Just at the pace where the rest would take ARRIVES_SLOWLY_MS.
    let rest = 1_600_000.0 - PREVIEW_BYTES as f64;
    let at = ARRIVES_SLOWLY_MS * PREVIEW_BYTES as f64 / rest;
    assert!(PreviewTries::default().due(PREVIEW_BYTES, thousand, at + 0.01));
    assert!(!PreviewTries::default().due(PREVIEW_BYTES, thousand, at - 0.01));
    // A file too large to read in a blink, however fast it comes; and one of unknown length.
    assert!(PreviewTries::default().due(PREVIEW_BYTES, Some(READ_LONG_BYTES), 1.0));
    assert!(!PreviewTries::default().due(PREVIEW_BYTES, Some(READ_LONG_BYTES - 1), 1.0));
    assert!(PreviewTries::default().due(PREVIEW_BYTES, None, 0.0));
}

/// Issue 29: the body makes room for the announced length at once (so a large file is not
/// copied as it grows); a false length, too small, too large or absurd, still gives
/// exactly what arrived, and the limit still holds.
#[test]
fn a_body_made_for_an_announced_length_reads_what_arrives() {
    use seminarplan_core::loading::{Body, MAX_FETCH_BYTES};
    for length in [None, Some(0), Some(3), Some(1 << 20), Some(u64::MAX)] {
        let mut body = Body::expecting(length);
        body.push("{\"å\":".as_bytes()).expect("small");
        body.push(b"1}").expect("small");
        assert_eq!(body.text(), "{\"å\":1}", "{length:?}");
        let mut body = Body::expecting(length);
        let chunk = vec![b' '; 4 * 1024 * 1024];
        let pushed = (0..6).take_while(|_| body.push(&chunk).is_ok()).count();
        assert_eq!(pushed, 5, "{length:?}: 20 MB and no more");
        assert!(!body.fits(MAX_FETCH_BYTES + 1));
    }
}

/// Issue 29 writes the kept copy from borrowed text: the record is the same, byte for
/// byte, that earlier versions wrote and read.
#[test]
fn the_kept_copy_is_written_as_it_always_was() {
    assert_eq!(
        encode_cache("/p.json?år=1", "x-2027", 5, "{\"t\":\"å\\n\"}\n"),
        r#"{"v":1,"src":"/p.json?år=1","id":"x-2027","fetched_ms":5,"text":"{\"t\":\"å\\n\"}\n"}"#
    );
    let small = without_text(
        &decode_cache(
            "/p.json",
            r#"{"v":1,"src":"/p.json","id":"x","fetched_ms":7,"text":"t"}"#,
        )
        .expect("a record"),
    );
    assert_eq!(
        small,
        r#"{"v":1,"src":"/p.json","id":"x","fetched_ms":7,"text":null}"#
    );
}
