//! The spreadsheet reader: files as Excel (sv-SE), Google Sheets, LibreOffice and Excel's
//! "Unicode text" write them, each with the programme or the problems it must give; the
//! demo template's round trip; identity that survives edits; the words organisers read.

use seminarplan_core::import::sheet::{decode, decode_owned};
use seminarplan_core::import::{Format, Imported, import, import_bytes};
use seminarplan_core::lang::Lang;
use seminarplan_core::model::{Programme, Session, Text};

/// One line per session, as an organiser would check it against the sheet:
/// `id date start-end title | room | type (kind) | themes | block | speakers (organisation)`.
pub(crate) fn summary(p: &Programme) -> Vec<String> {
    let lang = p.lang().to_owned();
    let name = |t: &Text| t.get(&lang, &lang).to_owned();
    p.sessions
        .iter()
        .map(|s: &Session| {
            let speakers: Vec<String> = s
                .speakers
                .iter()
                .map(|&i| {
                    let sp = &p.speakers[i];
                    match &sp.organisation {
                        Some(o) => format!("{} ({o})", sp.name),
                        None => sp.name.clone(),
                    }
                })
                .collect();
            let themes: Vec<String> = s.themes.iter().map(|&t| name(&p.themes[t].name)).collect();
            format!(
                "{} {} {}-{} {} | {} | {} ({:?}) | {} | {} | {}",
                s.id,
                s.start.date_naive(),
                s.start.format("%H:%M"),
                s.end.format("%H:%M"),
                s.title,
                s.room.map_or(String::new(), |r| name(&p.rooms[r].name)),
                name(&p.types[s.kind_ix].name),
                p.types[s.kind_ix].kind,
                themes.join(", "),
                s.block.map_or(String::new(), |b| name(&p.blocks[b].name)),
                speakers.join(", "),
            )
        })
        .collect()
}

fn warnings(i: &Imported, lang: Lang) -> Vec<String> {
    i.warnings.iter().map(|w| lang.warning(w)).collect()
}

pub(crate) fn read(bytes: &[u8]) -> Imported {
    match import_bytes(bytes) {
        Ok(i) => i,
        Err(e) => panic!(
            "{:?}",
            e.iter().map(|e| Lang::En.problem(e)).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn sheets_as_spreadsheet_programs_write_them() {
    struct Case {
        name: &'static str,
        bytes: &'static [u8],
        sessions: &'static [&'static str],
        warnings: &'static [&'static str],
    }
    let cases = [
        Case {
            // `;`, Windows-1252, CRLF, comment and blank rows, empty trailing columns,
            // dates typed three ways, `9.30`, quoted `;`, `""` and a line break.
            name: "excel-sv.csv",
            bytes: include_bytes!("../fixtures/sheet/excel-sv.csv"),
            sessions: &[
                "a1 2027-03-16 09:30-10:15 Välkommen – öppning | Stora salen | Plenum (Plenary) |  |  | Åsa Öberg (Länsstyrelsen)",
                "b1 2027-03-16 10:30-11:15 Avtal; uppföljning och \"vite\" | Sal A | Seminarium (Seminar) | Juridik | Pass 1 | Per Ek, Lisa Ny (Region Kronoberg)",
                "b2 2027-03-16 10:30-11:15 Två rader i titeln | Sal B | Seminarium (Seminar) | Hållbarhet | Pass 1 | Kim Ås (SKR)",
                "b3 2027-03-16 10:30-11:15 Kategoristyrning € | Sal C | Seminarium (Seminar) | Juridik, Hållbarhet | Pass 1 | ",
                "c1 2027-03-17 12:00-13:00 Lunch | Restaurangen | Lunch (Meal) |  |  | ",
            ],
            warnings: &[],
        },
        Case {
            // `,`, UTF-8, US dates and `9:30:00 AM`, lengths, an Organisation column, an
            // abstract over three lines, an ftp link, a trailing row of commas.
            name: "google-sheets.csv",
            bytes: include_bytes!("../fixtures/sheet/google-sheets.csv"),
            sessions: &[
                "g1 2027-03-16 09:30-10:15 Opening keynote | Main hall | Keynote (Plenary) |  |  | Ana Díaz (City of Malmö)",
                "g2 2027-03-16 10:30-11:30 Data, dashboards and you | Room 2 | Talk (Seminar) | Analytics |  | Bo Lund (Statskontoret), Cy Ek",
                "g3 2027-03-16 10:30-11:45 Procurement law update | Room 3 | Talk (Seminar) | Law |  | Ana Díaz (City of Malmö)",
            ],
            warnings: &[
                "row 4, column URL: ftp://example.org is not a web link (http/https), not used",
            ],
        },
        Case {
            // Every cell quoted, headings in odd case, `09.30–10.15` in one cell, no Id.
            name: "libreoffice.csv",
            bytes: include_bytes!("../fixtures/sheet/libreoffice.csv"),
            sessions: &[
                "0317-0930-workshop-avtalsuppfoljning-sal-d 2027-03-17 09:30-10:15 Workshop: avtalsuppföljning | Sal D | Programpunkt (Seminar) | Juridik |  | Eva Berg (Kammarkollegiet)",
                "0317-0930-workshop-avtalsuppfoljning-sal-e 2027-03-17 09:30-10:15 Workshop: avtalsuppföljning | Sal E | Programpunkt (Seminar) | Juridik |  | Eva Berg (Kammarkollegiet)",
                "0317-1015-fika 2027-03-17 10:15-10:45 Fika | Foajén | Paus (Break) |  |  | ",
            ],
            warnings: &[
                "row 1, column Anteckning: unknown column, not used",
                "row 1: no Id column: visitors' stars and shared links are lost when a session's date, start or title changes. Add an Id column.",
                "row 4, column Talare: Eva Berg speaks at the same time on row 2",
            ],
        },
        Case {
            // Tab-separated UTF-16 with a BOM; lengths `30` and `1,5 tim`.
            name: "excel-unicode.txt",
            bytes: include_bytes!("../fixtures/sheet/excel-unicode.txt"),
            sessions: &[
                "t1 2027-03-18 08:30-09:00 Frukostmöte | Sal A | Möte (Meeting) |  |  | ",
                "t2 2027-03-18 09:00-10:30 Årsmöte | Stora salen | Årsmöte (Meeting) |  |  | ",
            ],
            warnings: &[],
        },
        Case {
            name: "clashes.csv",
            bytes: include_bytes!("../fixtures/sheet/clashes.csv"),
            sessions: &[
                "0316-0900-forsta 2027-03-16 09:00-10:00 Första | Sal A | Programpunkt (Seminar) |  |  | Ann Ek (Region Skåne)",
                "0316-0930-andra 2027-03-16 09:30-10:30 Andra | Sal A | Programpunkt (Seminar) |  |  | ",
                "0316-0945-tredje 2027-03-16 09:45-10:15 Tredje | Sal B | Programpunkt (Seminar) |  |  | Ann Ek (Region Skåne)",
                "0316-1000-paus 2027-03-16 10:00-11:00 Paus | Foajén | Paus (Break) |  |  | ",
                "0316-1000-utstallning 2027-03-16 10:00-11:00 Utställning | Foajén | Programpunkt (Seminar) |  |  | ",
            ],
            warnings: &[
                "row 1, column Okänd kolumn: unknown column, not used",
                "row 1: no Id column: visitors' stars and shared links are lost when a session's date, start or title changes. Add an Id column.",
                "row 3, column Lokal: Sal A is booked at the same time on row 2",
                "row 4, column Talare: Ann Ek speaks at the same time on row 2",
            ],
        },
    ];
    for case in cases {
        let i = read(case.bytes);
        assert_eq!(i.format, Format::Sheet, "{}", case.name);
        assert_eq!(summary(&i.programme), case.sessions, "{}", case.name);
        assert_eq!(warnings(&i, Lang::En), case.warnings, "{}", case.name);
    }
}

#[test]
fn every_problem_is_at_its_row_and_column_in_both_languages() {
    let bytes = include_bytes!("../fixtures/sheet/broken.csv");
    let errors = import_bytes(bytes).expect_err("broken.csv has problems");
    let sv: Vec<String> = errors.iter().map(|e| Lang::Sv.problem(e)).collect();
    assert_eq!(
        sv,
        [
            "rad 2, kolumn Slut: 10.75 är ingen tid",
            "rad 3, kolumn Slut: slutar 10:30, inte efter starten 11:00",
            "rad 4, kolumn Datum: 2027-03-61 är inget datum",
            "rad 5, kolumn Titel: titel saknas",
            "rad 7, kolumn Id: id x6 finns redan på rad 6",
            "rad 8, kolumn Datum: 2026-03-17 är utanför konferensdagarna (2027-03-16 – 2027-03-17)",
            "rad 9, kolumn Start: nio är ingen tid",
        ]
    );
    let en: Vec<String> = errors.iter().map(|e| Lang::En.problem(e)).collect();
    assert_eq!(en[0], "row 2, column Slut: 10.75 is not a time");
    assert_eq!(en[4], "row 7, column Id: id x6 is already used on row 6");
}

#[test]
fn sessions_outside_the_named_days_and_missing_columns_are_problems() {
    let text = "# Dagar: 2027-03-16; 2027-03-17\nTitel;Datum;Start;Slut\nA;2027-03-18;9.00;10.00\n";
    let errors = import(text).expect_err("a day not in the list");
    assert_eq!(
        Lang::Sv.problem(&errors[0]),
        "rad 3, kolumn Datum: 2027-03-18 är utanför konferensdagarna (2027-03-16 – 2027-03-17)"
    );
    let errors = import("Titel;Datum;Lokal\nA;2027-03-18;Sal A\n").expect_err("no start");
    assert_eq!(
        Lang::En.problem(&errors[0]),
        "row 1: the column Start is missing"
    );
    let errors = import("Titel;Datum;Start\n\n# bara en kommentar\n").expect_err("no rows");
    assert_eq!(
        Lang::En.problem(&errors[0]),
        "row 1: no sessions below the headings"
    );
}

#[test]
fn ids_from_the_id_column_survive_moves_and_new_titles() {
    let before =
        "Id;Titel;Datum;Start;Slut\ns1;Ett;2027-03-16;9.00;10.00\ns2;Två;2027-03-16;10.00;11.00\n";
    let after = "Id;Titel;Datum;Start;Slut\nny;Nytt;2027-03-16;8.00;9.00\ns2;Två;2027-03-16;10.00;11.00\ns1;Ett, omdöpt;2027-03-16;9.15;10.00\n";
    let (a, b) = (read(before.as_bytes()), read(after.as_bytes()));
    assert_eq!(
        a.programme.session("s1").map(|s| s.title.as_str()),
        Some("Ett")
    );
    assert_eq!(
        b.programme.session("s1").map(|s| s.title.as_str()),
        Some("Ett, omdöpt")
    );
    assert_eq!(
        b.programme.session("s2").map(|s| s.title.as_str()),
        Some("Två")
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn ids_without_an_id_column_do_not_depend_on_row_order() {
    let rows = [
        "Seminarium om avtal;2027-03-16;9.00;10.00;Sal A",
        "Seminarium om avtal;2027-03-16;9.00;10.00;Sal B",
        "Lunch;2027-03-16;12.00;13.00;Restaurangen",
    ];
    let sheet = |order: &[usize]| {
        let mut text = String::from("Titel;Datum;Start;Slut;Lokal\n");
        for &i in order {
            text.push_str(rows[i]);
            text.push('\n');
        }
        let i = read(text.as_bytes());
        let mut ids: Vec<(String, String)> = i
            .programme
            .sessions
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    s.room
                        .map(|r| i.programme.rooms[r].id.clone())
                        .unwrap_or_default(),
                )
            })
            .collect();
        ids.sort();
        ids
    };
    let first = sheet(&[0, 1, 2]);
    assert_eq!(first, sheet(&[2, 1, 0]));
    assert_eq!(first, sheet(&[1, 2, 0]));
    assert!(first.contains(&("0316-0900-seminarium-om-avtal-sal-a".into(), "sal-a".into())));
}

#[test]
fn values_as_people_type_them() {
    let text = "Titel;Datum;Start;Slut;Längd\n\
                A;16/3/2027;9.30;;45 min\n\
                B;16 mars 2027;09:30;10:15;\n\
                C;2027-03-16;09.30–10.15;;\n\
                D;tisdag 16 mars;9;;1 h 15 min\n\
                E;17.3.2027;kl. 13.00;;1,5 tim\n";
    let i = read(text.as_bytes());
    let spans: Vec<String> = i
        .programme
        .sessions
        .iter()
        .map(|s| {
            format!(
                "{} {} {}-{}",
                s.title,
                s.start.date_naive(),
                s.start.format("%H:%M"),
                s.end.format("%H:%M")
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            "D 2027-03-16 09:00-10:15",
            "A 2027-03-16 09:30-10:15",
            "B 2027-03-16 09:30-10:15",
            "C 2027-03-16 09:30-10:15",
            "E 2027-03-17 13:00-14:30",
        ]
    );
}

#[test]
fn headings_in_any_case_order_and_accent() {
    for heading in ["LÄNGD", "langd", " Längd ", "Duration", "DURATION"] {
        let text = format!("Title;Date;Start;{heading}\nA;2027-03-16;9.00;30\n");
        let i = read(text.as_bytes());
        let s = &i.programme.sessions[0];
        assert_eq!((s.end - s.start).num_minutes(), 30, "{heading}");
        assert!(
            i.warnings
                .iter()
                .all(|w| !Lang::En.warning(w).contains("unknown column")),
            "{heading}"
        );
    }
}

#[test]
fn windows_1252_and_utf8_are_told_apart() {
    assert_eq!(decode(b"L\xe4ngd \x96 \x80"), "Längd – €");
    assert_eq!(decode("Längd".as_bytes()), "Längd");
    assert_eq!(decode(b"\xef\xbb\xbfL\xc3\xa4ngd"), "Längd");
    // Every byte, in runs of ASCII and not, at the start and at the end.
    let all: Vec<u8> = [0xe9]
        .into_iter()
        .chain(0..=255u8)
        .chain((0..=255u8).rev())
        .collect();
    let chars: Vec<char> = decode(&all).chars().collect();
    assert_eq!(chars.len(), 513);
    assert_eq!((chars[0], chars[1 + 0xff], chars[512]), ('é', 'ÿ', '\0'));
    assert_eq!((chars[1 + 0x80], chars[257 + 0xff - 0x96]), ('€', '–'));
    assert_eq!((chars[1 + 0x41], chars[257 + 0xff - 0xe4]), ('A', 'ä'));
    assert_eq!(decode(b"\xe5\xe4\xf6 ok"), "åäö ok");
    for bytes in [
        &all[..],
        b"\xef\xbb\xbfL\xc3\xa4ngd",
        b"\xff\xfeL\x00",
        b"L\xe4ngd",
        b"",
    ] {
        assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
    }
}

#[test]
fn the_demo_template_round_trips_to_the_demo_programme() {
    let template = include_bytes!("../../demo/programme-mall.csv");
    let i = read(template);
    let demo = super::demo();
    let got = &i.programme;
    // What a spreadsheet can express: everything but translations, ids of named things,
    // colours, capacities, floors and speakers' biographies.
    assert_eq!(got.id, demo.id);
    assert_eq!(got.revision, demo.revision);
    let c = (&got.conference, &demo.conference);
    assert_eq!(c.0.title.get("sv", "sv"), c.1.title.get("sv", "sv"));
    assert_eq!(
        c.0.subtitle.as_ref().map(|t| t.get("sv", "sv")),
        c.1.subtitle.as_ref().map(|t| t.get("sv", "sv"))
    );
    assert_eq!(
        c.0.venue.as_ref().map(|t| t.get("sv", "sv")),
        c.1.venue.as_ref().map(|t| t.get("sv", "sv"))
    );
    assert_eq!(
        (
            &c.0.city,
            &c.0.time_zone,
            &c.0.language,
            &c.0.days,
            &c.0.url
        ),
        (
            &c.1.city,
            &c.1.time_zone,
            &c.1.language,
            &c.1.days,
            &c.1.url
        )
    );
    // The check finds the one real clash in the demo data.
    assert_eq!(
        warnings(&i, Lang::Sv),
        ["rad 73, kolumn Talare: Josefin Ahlgren talar samtidigt på rad 69"]
    );
    let (a, b) = (summary(got), summary(&demo));
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a, b);
    }
    for (a, b) in got.sessions.iter().zip(&demo.sessions) {
        let level = |p: &Programme, s: &Session| {
            s.level.map(|l| p.levels[l].name.get("sv", "sv").to_owned())
        };
        assert_eq!(
            (
                &a.subtitle,
                &a.language,
                &a.tags,
                &a.abstract_text,
                &a.url,
                a.day
            ),
            (
                &b.subtitle,
                &b.language,
                &b.tags,
                &b.abstract_text,
                &b.url,
                b.day
            ),
            "{}",
            a.id
        );
        assert_eq!(level(got, a), level(&demo, b), "{}", a.id);
    }
    let blocks = |p: &Programme| -> Vec<String> {
        p.blocks
            .iter()
            .map(|b| format!("{} {}–{}", b.name.get("sv", "sv"), b.start, b.end))
            .collect()
    };
    assert_eq!(blocks(got), blocks(&demo));
}

#[test]
fn the_check_page_report_places_problems_and_converts_good_files() {
    use seminarplan_core::check::{check, converted_name, snippet};
    let bad = check(include_bytes!("../fixtures/sheet/broken.csv"), Lang::Sv);
    assert!(!bad.readable());
    assert_eq!(bad.problems.len(), 7);
    assert_eq!(bad.problems[0], "rad 2, kolumn Slut: 10.75 är ingen tid");
    assert_eq!(bad.document, None);

    let good = check(include_bytes!("../fixtures/sheet/excel-sv.csv"), Lang::En);
    assert!(good.readable());
    assert_eq!(good.format, Some(Format::Sheet));
    assert_eq!(
        good.counts.as_deref(),
        Some("2 days, 5 rooms, 5 sessions, 4 speakers")
    );
    // The converted file is our own format and reads back as the same programme.
    let document = good.document.expect("converted");
    let again = import(&document).expect("the converted file imports");
    assert_eq!(again.format, Format::Seminarplan);
    assert_eq!(again.programme.sessions.len(), 5);

    assert_eq!(
        snippet(
            "https://example.org/sp/seminar-plan.js",
            "https://docs.google.com/x?a=1&output=csv",
            Lang::Sv,
            ""
        ),
        "<script type=\"module\" src=\"https://example.org/sp/seminar-plan.js\"></script>\n\
         <seminar-plan src=\"https://docs.google.com/x?a=1&amp;output=csv\" lang=\"sv\"></seminar-plan>"
    );
    assert_eq!(
        converted_name("C:\\Mina filer\\program 2027.csv"),
        "program2027.json"
    );
    assert_eq!(
        converted_name("programme.json"),
        "programme.seminarplan.json"
    );
}

#[test]
fn a_ten_thousand_row_sheet_reads_like_the_same_programme_in_json() {
    use seminarplan_core::generate::{programme, programme_csv};
    let csv = programme_csv(10_000, 2027);
    let started = std::time::Instant::now();
    let sheet = read(csv.as_bytes());
    let took = started.elapsed();
    let json = programme(10_000, 2027);
    assert_eq!(sheet.programme.sessions.len(), 10_000);
    let (a, b) = (summary(&sheet.programme), summary(&json));
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a, b);
    }
    eprintln!("10,000-row sheet read in {took:?} (debug build)");
}
