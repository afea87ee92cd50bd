//! The programme as static HTML and schema.org JSON-LD inside the element (issue 30): every
//! session is there with its id, hostile text stays text, the JSON-LD uses schema.org's
//! vocabulary with RFC 3339 times, a huge programme stays pasteable, and a pasted snippet
//! that is older than the file is told apart.

use chrono::DateTime;
use seminarplan_core::check::snippet as element;
use seminarplan_core::import::import;
use seminarplan_core::lang::Lang;
use seminarplan_core::model::Programme;
use seminarplan_core::snippet::{
    BUDGET, Detail, Pasted, compare, content, content_at, json_ld, missing_for_search,
};
use serde_json::{Value, json};

use super::{SMALL, demo};

/// Tags the snippet may write; `br` is the only void one.
const TAGS: &[&str] = &[
    "div", "h2", "h3", "h4", "h5", "p", "br", "small", "article", "time", "i", "strong", "bdi",
    "details", "summary", "ul", "ol", "li", "em", "a", "script",
];

/// Every `<` in `html` starts a tag from [`TAGS`], and the tags nest: since every text from
/// the file is escaped, a stray `<` would be the file's markup getting through. Returns the
/// text of the one `<script>` (the JSON-LD).
fn well_formed(html: &str) -> String {
    let mut stack: Vec<String> = Vec::new();
    let mut data = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let tail = &rest[at + 1..];
        let end = tail.find('>').expect("every tag closes");
        let tag = &tail[..end];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(TAGS.contains(&name.as_str()), "unexpected tag <{tag}>");
        if closing {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "</{name}> closes nothing open"
            );
        } else if name != "br" {
            stack.push(name.clone());
        }
        rest = &tail[end + 1..];
        if name == "script" && !closing {
            let close = rest.find("</script>").expect("the data block closes");
            data = rest[..close].to_owned();
            assert!(!data.contains('<'), "the JSON-LD holds a raw <");
            rest = &rest[close..];
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    data
}

fn programme_with_session(fields: Value) -> Programme {
    let mut doc: Value = serde_json::from_str(SMALL).expect("JSON");
    for (k, v) in fields.as_object().expect("fields") {
        doc["sessions"][1][k] = v.clone();
    }
    import(&doc.to_string()).expect("imports").programme
}

#[test]
fn every_demo_session_is_there_under_its_day_and_block_with_its_id() {
    let demo = demo();
    let c = content(&demo, Lang::Sv, Some("/programme.json"));
    well_formed(&c.html);
    assert_eq!(c.detail, Detail::Whole);
    for s in &demo.sessions {
        assert!(
            c.html.contains(&format!("<article id=\"{}\">", s.id)),
            "{}",
            s.id
        );
    }
    // A heading per day and per seminar block.
    assert_eq!(c.html.matches("<h3 ").count(), demo.conference.days.len());
    assert!(
        c.html
            .contains("<h3 id=\"d-2027-03-16\">tisdag 16 mars</h3>")
    );
    let blocks_used = demo.blocks.iter().filter(|b| {
        demo.sessions
            .iter()
            .any(|s| s.block.is_some_and(|i| demo.blocks[i].id == b.id))
    });
    for b in blocks_used {
        assert!(
            c.html
                .contains(&format!("<h4>{} <small>", b.name.get("sv", "sv"))),
            "{}",
            b.id
        );
    }
    // Time, room, type, theme and speakers in the visitor's words; the abstract folded.
    let s301 = section(&c.html, "s-301");
    assert!(
        s301.contains("<time datetime=\"2027-03-17T08:30:00+01:00\">08:30</time>"),
        "{s301}"
    );
    assert!(s301.contains("Lokal: "), "{s301}");
    assert!(s301.contains("Typ: "), "{s301}");
    assert!(
        s301.contains("<details><summary>Om programpunkten</summary>"),
        "{s301}"
    );
    assert!(c.html.contains("Medverkande: <bdi>"));
    assert!(
        c.html
            .contains("<a href=\"/programme.json\">Programfilen</a>")
    );
    // English when the organiser chooses it.
    let en = content(&demo, Lang::En, None).html;
    assert!(en.contains("<h3 id=\"d-2027-03-16\">Tuesday 16 March</h3>"));
    assert!(section(&en, "s-301").contains("Room: "));
    assert!(en.starts_with("<div class=\"seminarplan-static\" lang=\"en\""));
}

/// One session's `<article>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<article id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no {id}"));
    let end = html[start..].find("</article>").expect("closes") + start;
    &html[start..end]
}

#[test]
fn hostile_titles_stay_text() {
    let p = programme_with_session(json!({
        "title": "<script>alert(1)</script> \"Citat\" & 'fnuttar' 🎉 \u{202e}kcatta",
        "subtitle": "</script><!-- <img src=x onerror=alert(1)>",
        "abstract": "<p onclick=\"x()\">Hej <a href=\"javascript:alert(1)\">klicka</a> \
                     <a href=\"https://example.org/?a=1&b=2\">bra</a></p><script>x()</script>",
    }));
    let c = content(&p, Lang::Sv, Some("\"><script>"));
    let data = well_formed(&c.html);
    assert_eq!(c.html.matches("<script").count(), 1, "only the data block");
    assert!(
        c.html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; \"Citat\" &amp; 'fnuttar' 🎉 kcatta")
    );
    assert!(
        !c.html.contains('\u{202e}'),
        "the reading-order override is gone"
    );
    assert!(
        c.html
            .contains("&lt;/script&gt;&lt;!-- &lt;img src=x onerror=alert(1)&gt;")
    );
    assert!(c.html.contains("<a href=\"&quot;&gt;&lt;script&gt;\">"));
    // Links: only http(s) survive, their attributes escaped; no handlers, no script.
    assert!(!c.html.contains("javascript:"));
    assert!(!c.html.contains("onclick"));
    assert!(c.html.contains(
        "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">bra</a>"
    ));
    // The JSON-LD reads back as the same title.
    let ld: Value = serde_json::from_str(&data).expect("the JSON-LD is JSON");
    let titles: Vec<&str> = ld["subEvent"]
        .as_array()
        .expect("sessions")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(titles.contains(&"<script>alert(1)</script> \"Citat\" & 'fnuttar' 🎉 kcatta"));
}

/// The schema.org types and the properties of each that the JSON-LD may use, as
/// https://schema.org defines them (Event, Place, PostalAddress, Person, Organization).
const SCHEMA_ORG: &[(&str, &[&str])] = &[
    (
        "Event",
        &[
            "name",
            "description",
            "startDate",
            "endDate",
            "location",
            "subEvent",
            "performer",
            "inLanguage",
            "url",
            "eventStatus",
            "eventAttendanceMode",
            "keywords",
            "organizer",
        ],
    ),
    ("Place", &["name", "address"]),
    (
        "PostalAddress",
        &["addressLocality", "streetAddress", "addressCountry"],
    ),
    ("Person", &["name", "affiliation"]),
    ("Organization", &["name"]),
];

/// What each type must have (Google's Event rich results: name, startDate, location with
/// an address; schema.org's own expectations for the others).
const REQUIRED: &[(&str, &[&str])] = &[
    ("Event", &["name", "startDate", "endDate"]),
    ("Place", &["name"]),
    ("Person", &["name"]),
    ("Organization", &["name"]),
];

/// The types a property's value may have.
fn value_types(property: &str) -> &'static [&'static str] {
    match property {
        "location" => &["Place"],
        "subEvent" => &["Event"],
        "performer" => &["Person", "Organization"],
        "affiliation" => &["Organization"],
        "address" => &["PostalAddress"],
        _ => &[],
    }
}

/// Checks one node and everything under it; counts the Events seen.
fn check_node(node: &Value, expected: &[&str], events: &mut usize) {
    let obj = node.as_object().expect("a node is an object");
    let ty = obj["@type"].as_str().expect("every node has a @type");
    assert!(
        expected.is_empty() || expected.contains(&ty),
        "{ty} where {expected:?} belongs"
    );
    let (_, allowed) = SCHEMA_ORG
        .iter()
        .find(|(t, _)| *t == ty)
        .unwrap_or_else(|| panic!("{ty} is not in the vocabulary list"));
    if let Some((_, required)) = REQUIRED.iter().find(|(t, _)| *t == ty) {
        for r in *required {
            assert!(obj.contains_key(*r), "{ty} lacks {r}: {node}");
        }
    }
    if ty == "Event" {
        *events += 1;
        for key in ["startDate", "endDate"] {
            let t = obj[key].as_str().expect("a time is a string");
            let parsed = DateTime::parse_from_rfc3339(t).unwrap_or_else(|e| panic!("{t}: {e}"));
            assert!(
                t.ends_with(&parsed.offset().to_string()),
                "{t} carries its offset"
            );
        }
    }
    for (key, value) in obj {
        if key.starts_with('@') {
            continue;
        }
        assert!(
            allowed.contains(&key.as_str()),
            "{ty} has no property {key}"
        );
        let types = value_types(key);
        let children: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            Value::Object(_) => vec![value],
            _ => {
                assert!(types.is_empty(), "{ty}.{key} should be a {types:?}");
                continue;
            }
        };
        for child in children {
            check_node(child, types, events);
        }
    }
}

/// The JSON-LD as a search engine gets it from the snippet's data block.
fn data_block(p: &Programme) -> Value {
    let html = content(p, Lang::Sv, None).html;
    serde_json::from_str(&well_formed(&html)).expect("JSON")
}

fn check_json_ld(p: &Programme) {
    let ld = data_block(p);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        ld["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    let mut events = 0;
    check_node(&ld, &["Event"], &mut events);
    // Google's Event rich results need a place with an address, where the file gives one.
    if p.conference.venue.is_some() || p.conference.city.is_some() {
        assert_eq!(ld["location"]["@type"], "Place");
        if p.conference.city.is_some() {
            assert_eq!(ld["location"]["address"]["@type"], "PostalAddress");
        }
    }
    assert_eq!(
        events,
        p.sessions.len() + 1,
        "the conference and every session"
    );
    let subs = ld["subEvent"].as_array().expect("subEvent");
    for (s, e) in p.sessions.iter().zip(subs) {
        assert_eq!(e["@id"], format!("#{}", s.id));
        assert_eq!(e["startDate"], s.start.to_rfc3339());
        if let Some(r) = s.room {
            assert_eq!(e["location"]["@type"], "Place", "{e}");
            assert_eq!(
                e["location"]["name"],
                p.rooms[r].name.get("sv", p.lang()),
                "{e}"
            );
        }
        let names: Vec<&str> = e["performer"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["name"].as_str()).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = s
            .speakers
            .iter()
            .map(|&i| p.speakers[i].name.as_str())
            .collect();
        assert_eq!(names, expected, "{}", s.id);
    }
    let first = p.sessions.iter().map(|s| s.start).min().expect("sessions");
    assert_eq!(ld["startDate"], first.to_rfc3339());
}

#[test]
fn the_demo_json_ld_uses_schema_org_with_offsets() {
    let demo = demo();
    check_json_ld(&demo);
    let ld = json_ld(&demo, Lang::Sv, Detail::Whole);
    assert_eq!(ld["location"]["name"], "Uppsala Konsert & Kongress");
    assert_eq!(ld["location"]["address"]["addressLocality"], "Uppsala");
    assert_eq!(ld["startDate"], "2027-03-16T10:30:00+01:00");
}

#[test]
fn a_thousand_session_json_ld_uses_schema_org_with_offsets() {
    check_json_ld(&seminarplan_core::generate::programme(1_000, 2027));
}

#[test]
fn the_check_asks_for_what_event_listings_need() {
    assert_eq!(missing_for_search(&demo(), Lang::Sv), None);
    let mut doc: Value = serde_json::from_str(SMALL).expect("JSON");
    let conference = doc["conference"].as_object_mut().expect("conference");
    conference.remove("venue");
    conference.remove("city");
    let p = import(&doc.to_string()).expect("imports").programme;
    let said = missing_for_search(&p, Lang::En).expect("something is missing");
    assert!(
        said.contains("the venue") && said.contains("the city"),
        "{said}"
    );
    assert!(!said.contains("dates"), "{said}");
    // Without venue and city the JSON-LD still validates.
    check_json_ld(&p);
}

/// Prints the snippet's size for `name` and checks that every session is in it.
fn measure(name: &str, p: &Programme) -> (usize, Detail) {
    let made = content(p, Lang::Sv, Some("/programme.json"));
    let html = element(
        "/seminarplan/seminar-plan.js",
        "/programme.json",
        Lang::Sv,
        &made.html,
    );
    well_formed(
        &html[html.find("<div").expect("content")..html.rfind("</seminar-plan>").expect("end")],
    );
    let ids: Vec<&str> = html
        .split("<article id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let expected: Vec<String> = p
        .sessions
        .iter()
        .map(|s| seminarplan_core::snippet::attr(&s.id))
        .collect();
    let mut ids_sorted = ids.clone();
    ids_sorted.sort_unstable();
    let mut expected_sorted: Vec<&str> = expected.iter().map(String::as_str).collect();
    expected_sorted.sort_unstable();
    assert_eq!(ids_sorted, expected_sorted, "{name}: every session, once");
    // `SEMINARPLAN_SNIPPET_DUMP=dir` keeps each snippet there, to look at.
    if let Some(dir) = std::env::var_os("SEMINARPLAN_SNIPPET_DUMP") {
        let file: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
        let path = std::path::Path::new(&dir).join(format!("snippet-{file}.html"));
        std::fs::write(&path, &html).expect("write the snippet");
    }
    println!(
        "snippet size: {name}: {} sessions, {} bytes, {:?}",
        p.sessions.len(),
        html.len(),
        made.detail
    );
    (html.len(), made.detail)
}

#[test]
fn snippets_stay_small_enough_to_paste() {
    let (size, detail) = measure("demo", &demo());
    assert!(size < BUDGET / 4, "{size}");
    assert_eq!(detail, Detail::Whole);
    // 1,000 sessions: every session with its JSON-LD, the abstracts left out.
    let big = seminarplan_core::generate::programme(1_000, 2027);
    let (size, detail) = measure("1,000 generated", &big);
    assert!(size <= BUDGET + 1_000, "{size}");
    assert_eq!(detail, Detail::WithoutAbstracts);
    let lean = content_at(&big, Lang::Sv, None, Detail::WithoutAbstracts).html;
    assert!(!lean.contains("<details>"));
    assert!(lean.contains("sammanfattningarna finns bara i den interaktiva versionen"));
    // 3,000 sessions: every session in the HTML, the JSON-LD the conference alone.
    let huge = seminarplan_core::generate::programme(3_000, 2027);
    let (_, detail) = measure("3,000 generated", &huge);
    assert_eq!(detail, Detail::WithoutSessionData);
    assert!(
        !content_at(&huge, Lang::Sv, None, Detail::WithoutSessionData)
            .html
            .contains("\"subEvent\"")
    );
    if let Some(dir) = super::import::shared_dir("snippets_stay_small_enough_to_paste") {
        for name in ["fosdem-2019.xml", "frab-camp2019.json"] {
            let text = std::fs::read_to_string(dir.join(name)).expect("a shared fixture");
            let real = import(&text).expect("imports").programme;
            let (size, _) = measure(name, &real);
            assert!(size <= BUDGET, "{name}: {size}");
        }
    }
}

#[test]
fn a_pasted_snippet_older_than_the_file_is_told() {
    let p = programme_with_session(json!({ "title": "Första titeln" }));
    let pasted = element(
        "/sp/seminar-plan.js",
        "/p.json",
        Lang::En,
        &content(&p, Lang::En, Some("/p.json")).html,
    );
    assert_eq!(compare(&pasted, &p), Pasted::Current);
    // A page around it, and another src, change nothing.
    let page = format!(
        "<html><body><main>{}</main></body></html>",
        pasted.replace("/p.json", "/q.json")
    );
    assert_eq!(compare(&page, &p), Pasted::Current);
    let edited = programme_with_session(json!({ "title": "Andra titeln" }));
    assert_eq!(
        compare(&pasted, &edited),
        Pasted::Outdated {
            revision: Some("1".into())
        }
    );
    assert_eq!(
        compare("<seminar-plan src=\"/p.json\"></seminar-plan>", &p),
        Pasted::NotFound
    );
}
