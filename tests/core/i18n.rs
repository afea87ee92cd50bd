//! Texts and dates in both languages.

use chrono::{DateTime, NaiveDate};
use seminarplan_core::lang::Lang;
use seminarplan_core::parse::parse_programme;
use seminarplan_core::time::{clock, span};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn dates_in_both_languages() {
    let cases = [
        (Lang::Sv, date(2027, 3, 16), "tisdag 16 mars", "tis 16/3"),
        (
            Lang::En,
            date(2027, 3, 16),
            "Tuesday 16 March",
            "Tue 16 Mar",
        ),
        (Lang::Sv, date(2027, 3, 18), "torsdag 18 mars", "tor 18/3"),
        (Lang::Sv, date(2027, 5, 1), "lördag 1 maj", "lör 1/5"),
    ];
    for (lang, day, long, short) in cases {
        assert_eq!(lang.long_date(day), long);
        assert_eq!(lang.short_date(day), short);
    }
}

#[test]
fn times_are_shown_as_written() {
    let start = DateTime::parse_from_rfc3339("2027-03-16T09:05:00+01:00").expect("time");
    let end = DateTime::parse_from_rfc3339("2027-03-16T10:30:00+01:00").expect("time");
    assert_eq!(clock(start), "09:05");
    assert_eq!(span(start, end), "09:05–10:30");
}

#[test]
fn language_codes() {
    assert_eq!(Lang::from_code("en"), Lang::En);
    assert_eq!(Lang::from_code("en-GB"), Lang::En);
    assert_eq!(Lang::from_code("sv-SE"), Lang::Sv);
    assert_eq!(Lang::from_code("xx"), Lang::Sv);
    assert_eq!(Lang::Sv.language_name("en"), "Engelska");
    assert_eq!(Lang::En.language_name("sv"), "Swedish");
    assert_eq!(Lang::En.language_name("tlh"), "tlh");
}

#[test]
fn star_labels_name_the_session() {
    assert_eq!(
        Lang::Sv.star_add("Hållbar upphandling i praktiken"),
        "Lägg till Hållbar upphandling i praktiken i mitt schema"
    );
    assert_eq!(Lang::En.star_remove("X"), "Remove X from my schedule");
}

#[test]
fn problems_are_explained_with_their_place() {
    let errors = parse_programme(r#"{"format":"seminarplan/1","id":"x","conference":{"title":"T","time_zone":"Europe/Stockholm","language":"sv","days":["2027-03-16"]},"rooms":[],"types":[{"id":"t","name":"T","kind":"seminar"}],"sessions":[{"id":"a","title":"A","type":"t","room":"nope","start":"2027-03-16T10:00:00+01:00","end":"2027-03-16T09:00:00+01:00"}]}"#)
        .expect_err("invalid");
    let sv: Vec<String> = errors.iter().map(|e| Lang::Sv.problem(e)).collect();
    let en: Vec<String> = errors.iter().map(|e| Lang::En.problem(e)).collect();
    assert!(
        sv.contains(&"sessions[0].room: hänvisar till lokalen \"nope\" som inte finns".to_owned()),
        "{sv:?}"
    );
    assert!(
        sv.contains(&"sessions[0].end: sluttiden måste vara efter starttiden".to_owned()),
        "{sv:?}"
    );
    assert!(
        en.contains(&"sessions[0].room: refers to room \"nope\", which does not exist".to_owned()),
        "{en:?}"
    );
    let syntax = parse_programme("{").expect_err("syntax");
    assert!(Lang::Sv.problem(&syntax[0]).contains("rad 1"));
    assert!(Lang::En.problem(&syntax[0]).contains("line 1"));
}
