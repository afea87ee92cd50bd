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
        /// The programme's id, made from its first day (no `# Id:` row).
        id: &'static str,
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
            id: "programme-20270316",
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
            id: "programme-20270316",
        },
        Case {
            // Every cell quoted, headings in odd case, `09.30–10.15` in one cell, no Id.
            name: "libreoffice.csv",
            bytes: include_bytes!("../fixtures/sheet/libreoffice.csv"),
            sessions: &[
                "workshop-avtalsuppfoljning-d1-0930-sal-d 2027-03-17 09:30-10:15 Workshop: avtalsuppföljning | Sal D | Programpunkt (Seminar) | Juridik |  | Eva Berg (Kammarkollegiet)",
                "workshop-avtalsuppfoljning-d1-0930-sal-e 2027-03-17 09:30-10:15 Workshop: avtalsuppföljning | Sal E | Programpunkt (Seminar) | Juridik |  | Eva Berg (Kammarkollegiet)",
                "fika 2027-03-17 10:15-10:45 Fika | Foajén | Paus (Break) |  |  | ",
            ],
            warnings: &[
                "row 1, column Anteckning: unknown column, not used",
                NO_ID_COLUMN,
                "row 4, column Talare: Eva Berg speaks at the same time on row 2",
            ],
            id: "programme-20270317",
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
            id: "programme-20270318",
        },
        Case {
            name: "clashes.csv",
            bytes: include_bytes!("../fixtures/sheet/clashes.csv"),
            sessions: &[
                "forsta 2027-03-16 09:00-10:00 Första | Sal A | Programpunkt (Seminar) |  |  | Ann Ek (Region Skåne)",
                "andra 2027-03-16 09:30-10:30 Andra | Sal A | Programpunkt (Seminar) |  |  | ",
                "tredje 2027-03-16 09:45-10:15 Tredje | Sal B | Programpunkt (Seminar) |  |  | Ann Ek (Region Skåne)",
                "paus 2027-03-16 10:00-11:00 Paus | Foajén | Paus (Break) |  |  | ",
                "utstallning 2027-03-16 10:00-11:00 Utställning | Foajén | Programpunkt (Seminar) |  |  | ",
            ],
            warnings: &[
                "row 1, column Okänd kolumn: unknown column, not used",
                NO_ID_COLUMN,
                "row 3, column Lokal: Sal A is booked at the same time on row 2",
                "row 4, column Talare: Ann Ek speaks at the same time on row 2",
            ],
            id: "programme-20270316",
        },
    ];
    for case in cases {
        let i = read(case.bytes);
        assert_eq!(i.format, Format::Sheet, "{}", case.name);
        assert_eq!(summary(&i.programme), case.sessions, "{}", case.name);
        let mut expected: Vec<String> = case.warnings.iter().map(|w| (*w).to_owned()).collect();
        expected.push(id_note(case.id));
        assert_eq!(warnings(&i, Lang::En), expected, "{}", case.name);
        assert_eq!(i.programme.id, case.id, "{}", case.name);
    }
}

/// The warning of a sheet without an Id column, at its header in row 1.
const NO_ID_COLUMN: &str = "row 1: no Id column: sessions are known by their titles, so a \
    visitor's star on a session whose title changes follows it only if its time and room \
    stay the same. Add an Id column.";

/// The note of a sheet without a `# Id:` row.
fn id_note(id: &str) -> String {
    format!(
        "no # Id: row: the programme's id is {id}, from its first day. Write a row # Id: \
         with a short name (say # Id: inkopsforum-2027) so that visitors' plans follow if \
         the days move."
    )
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
    // Nothing to warn about but the programme's own id (no `# Id:` row).
    assert_eq!(
        warnings(&a, Lang::En),
        [
            "no # Id: row: the programme's id is programme-20270316, from its first day. \
          Write a row # Id: with a short name (say # Id: inkopsforum-2027) so that \
          visitors' plans follow if the days move."
        ]
    );
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
    assert!(first.contains(&("seminarium-om-avtal-d1-0900-sal-a".into(), "sal-a".into())));
    assert!(first.contains(&("lunch".into(), "restaurangen".into())));
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

/// The problems of a sheet that cannot be shown, in `lang`.
fn problems(bytes: &[u8], lang: Lang) -> Vec<String> {
    match import_bytes(bytes) {
        Ok(i) => panic!("expected problems, got {:?}", summary(&i.programme)),
        Err(e) => e.iter().map(|e| lang.problem(e)).collect(),
    }
}

/// Issue 27, item 1: the programme's id is never made from the conference's title.
#[test]
fn renaming_the_conference_keeps_the_programme_id() {
    let sheet = |title: &str, first_day: &str| {
        format!(
            "{title}Titel;Datum;Start;Slut\nÖppning;{first_day};9.00;10.00\nAvslutning;2028-03-22;15.00;16.00\n"
        )
    };
    let before = read(sheet("# Konferens: Inköpsforum 2028\n", "2028-03-21").as_bytes());
    let renamed = read(sheet("# Konferens: Inköpsforum 2028 i Uppsala\n", "2028-03-21").as_bytes());
    assert_eq!(before.programme.id, "programme-20280321");
    assert_eq!(renamed.programme.id, before.programme.id);
    assert_eq!(
        renamed.programme.conference.title.get("sv", "sv"),
        "Inköpsforum 2028 i Uppsala"
    );
    // Sheets without a title are not one programme: each has its first day.
    let other = read(sheet("", "2028-03-20").as_bytes());
    assert_eq!(other.programme.id, "programme-20280320");
    assert!(
        warnings(&other, Lang::Sv).contains(
            &"ingen rad # Id: programmets id blir programme-20280320, efter första dagen. \
              Skriv en rad # Id: med ett kort namn (till exempel # Id: inkopsforum-2027) så \
              att besökarnas planer följer med om dagarna flyttas."
                .to_owned()
        ),
        "{:?}",
        warnings(&other, Lang::Sv)
    );
    // `# Id:` decides, and is not warned about.
    let named = read(sheet("# Id: inkopsforum-2028\n", "2028-03-21").as_bytes());
    assert_eq!(named.programme.id, "inkopsforum-2028");
    assert!(
        !warnings(&named, Lang::En)
            .iter()
            .any(|w| w.contains("# Id:"))
    );
}

/// Issue 27, item 1: without an Id column, a session's id is its title's, so it survives
/// the rows moving, a new time or room, and the days moving; titles used twice take the
/// day's number and the start, then the room.
#[test]
fn made_ids_survive_what_committees_edit() {
    let ids = |rows: &[&str]| -> Vec<(String, String)> {
        let text = format!("Titel;Datum;Start;Slut;Lokal\n{}\n", rows.join("\n"));
        let i = read(text.as_bytes());
        let mut ids: Vec<(String, String)> = i
            .programme
            .sessions
            .iter()
            .map(|s| (s.title.clone(), s.id.clone()))
            .collect();
        ids.sort();
        ids
    };
    let before = ids(&[
        "Öppning: offentliga affärer;2028-03-21;9.00;10.00;Stora salen",
        "Fika;2028-03-21;10.00;10.30;Foajén",
        "Workshop: avtal;2028-03-21;10.30;12.00;Sal A",
        "Workshop: avtal;2028-03-21;10.30;12.00;Sal B",
        "Fika;2028-03-22;10.00;10.30;Foajén",
        "Avslutning;2028-03-22;15.00;16.00;Stora salen",
    ]);
    assert_eq!(
        before,
        [
            ("Avslutning".into(), "avslutning".into()),
            ("Fika".into(), "fika-d1-1000".into()),
            ("Fika".into(), "fika-d2-1000".into()),
            (
                "Workshop: avtal".into(),
                "workshop-avtal-d1-1030-sal-a".into()
            ),
            (
                "Workshop: avtal".into(),
                "workshop-avtal-d1-1030-sal-b".into()
            ),
            (
                "Öppning: offentliga affärer".into(),
                "oppning-offentliga-affarer".into()
            ),
        ]
    );
    // Rows moved, the opening in another room at another time, the conference a week later.
    let edited = ids(&[
        "Avslutning;2028-03-29;15.00;16.00;Stora salen",
        "Workshop: avtal;2028-03-28;10.30;12.00;Sal B",
        "Fika;2028-03-29;10.00;10.30;Foajén",
        "Öppning: offentliga affärer;2028-03-28;9.15;10.00;Aulan",
        "Workshop: avtal;2028-03-28;10.30;12.00;Sal A",
        "Fika;2028-03-28;10.00;10.30;Foajén",
    ]);
    assert_eq!(edited, before);
}

/// Issue 27, item 2: blocks are per day.
#[test]
fn the_same_block_name_on_two_days_is_two_blocks() {
    use seminarplan_core::form::{Rule, check};
    use seminarplan_core::plan::Plan;
    let text = "Id;Titel;Datum;Start;Slut;Pass\n\
                a;Avtal;2027-03-16;14.30;15.15;Pass 1\n\
                b;Juridik;2027-03-16;14.30;15.15;Pass 1\n\
                c;Hållbarhet;2027-03-17;10.00;10.45;Pass 1\n\
                d;Data;2027-03-17;10.00;10.45;Pass 1\n\
                e;Ledning;2027-03-17;11.00;11.45;Pass 2\n";
    let i = read(text.as_bytes());
    let p = &i.programme;
    let blocks: Vec<String> = p
        .blocks
        .iter()
        .map(|b| format!("{} {} {}–{}", b.id, b.name.get("sv", "sv"), b.start, b.end))
        .collect();
    assert_eq!(
        blocks,
        [
            "pass-1-0316 Pass 1 (tisdag 16 mars) 2027-03-16 14:30:00 +01:00–2027-03-16 15:15:00 +01:00",
            "pass-1-0317 Pass 1 (onsdag 17 mars) 2027-03-17 10:00:00 +01:00–2027-03-17 10:45:00 +01:00",
            "pass-2 Pass 2 2027-03-17 11:00:00 +01:00–2027-03-17 11:45:00 +01:00",
        ]
    );
    // One choice a day is a valid plan under choose="one-per-block".
    let mut plan = Plan::default();
    plan.toggle("a");
    plan.toggle("c");
    plan.toggle("e");
    let invalid = check(p, &plan, Rule::OnePerBlock, true);
    assert!(
        invalid.too_many.is_empty() && invalid.missing.is_empty(),
        "{invalid:?}"
    );

    // Our own format: a block that runs into the next day is refused at its place.
    let mut doc: serde_json::Value = serde_json::from_str(&i.document.to_string()).expect("json");
    doc["blocks"][0]["end"] = "2027-03-17T10:00:00+01:00".into();
    let errors = seminarplan_core::parse::parse_programme(&doc.to_string()).expect_err("spans");
    let said: Vec<String> = errors.iter().map(|e| Lang::Sv.problem(e)).collect();
    assert!(
        said.iter().any(|p| p.starts_with("blocks[0].end")
            && p.contains("ett pass slutar samma dag som det börjar")),
        "{said:?}"
    );
    // A block's session that goes on past midnight is a problem at its row.
    let night = "Titel;Datum;Start;Slut;Pass\nNattpass;2027-03-16;22.00;01.00;Pass 9\n";
    assert_eq!(
        problems(night.as_bytes(), Lang::Sv),
        [
            "rad 2, kolumn Pass: passet Pass 9 fortsätter efter midnatt: ett pass ligger inom \
          en dag, ta bort passet från raden eller rätta sluttiden"
        ]
    );
}

/// Issue 27, item 3: a sheet is told from its rows as a CSV reader sees them: the
/// template's comment rows quoted and padded as Google Sheets, LibreOffice and English
/// Excel write them, blank rows of separators, Mac line ends; rows numbered as Excel
/// shows them.
#[test]
fn sheets_are_read_as_a_csv_reader_sees_them() {
    let template = decode(include_bytes!("../../demo/programme-mall.csv"));
    let expected = summary(&read(template.as_bytes()).programme);
    // As Google Sheets or LibreOffice write it with commas: every row a row of cells, the
    // comments quoted and padded; then with Mac line ends, and with blank rows of `,`.
    let reader = |text: &str| {
        // The template's rows, written back with `,` as those programs write them: every
        // row as wide as the widest, a cell quoted when it must be.
        let mut out = String::new();
        let mut rows: Vec<Vec<String>> = seminarplan_core::import::sheet::rows_of(text)
            .into_iter()
            .map(|r| r.cells)
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.resize(width, String::new());
            let quoted: Vec<String> = row
                .iter()
                .map(|c| {
                    if c.contains([',', '"', '\n']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
                .collect();
            out.push_str(&quoted.join(","));
            out.push_str("\r\n");
        }
        out
    };
    let commas = reader(template.trim_start_matches('\u{feff}'));
    assert!(
        commas.starts_with("# Konferens: Inköpsforum 2027,,,"),
        "{}",
        &commas[..80]
    );
    assert!(commas.contains("\"# Dagar: 2027-03-16, 2027-03-17, 2027-03-18\",,,"));
    let padded_blank = commas.replacen("\r\n", "\r\n,,,,,,,\r\n", 13);
    for (name, text) in [
        ("commas", commas.clone()),
        ("Mac line ends", commas.replace("\r\n", "\r")),
        ("blank rows of commas", padded_blank),
        ("Unix line ends", commas.replace("\r\n", "\n")),
    ] {
        let i = read(text.as_bytes());
        assert_eq!(i.format, Format::Sheet, "{name}");
        assert_eq!(i.programme.id, "inkopsforum-2027", "{name}");
        assert_eq!(summary(&i.programme), expected, "{name}");
    }
    // Mac line ends without comment rows: rows are still numbered.
    let mac = "Titel;Datum;Start;Slut\rEtt;2027-03-16;9.00;10.00\r\rTvå;2027-03-16;10.00;elva\r";
    assert_eq!(
        problems(mac.as_bytes(), Lang::Sv),
        ["rad 4, kolumn Slut: elva är ingen tid"]
    );
    // Excel hides its `sep=` line: the row after it is row 1.
    let sep = "sep=;\r\nTitel;Datum;Start;Slut\r\nEtt;2027-03-16;9.00;10.00\r\nTvå;2027-03-16;10.00;elva\r\n";
    assert_eq!(
        problems(sep.as_bytes(), Lang::Sv),
        ["rad 3, kolumn Slut: elva är ingen tid"]
    );
    // A file that is no sheet at all is told so in words, not by a JSON parser.
    assert_eq!(
        problems("Hej!\nHär kommer programmet snart.\n".as_bytes(), Lang::Sv),
        ["rad 1: hittar ingen rad med kolumnrubriker och en kolumn Titel"]
    );
}

/// Issue 27, item 4: sessions past midnight.
#[test]
fn sessions_past_midnight() {
    let text = "# Id: natt\nId;Titel;Datum;Start;Slut;Längd\n\
                m;Konferensmiddag;2027-03-16;19.30;01.00;\n\
                n;Nattvandring;2027-03-16;22.00;24.00;\n\
                o;Karaoke;2027-03-16;23.00;;2 h\n\
                p;Stängning;2027-03-17;9.00;9.00;\n";
    // An end at or before the start that makes a session of more than 12 hours is a
    // typing error, not a night.
    assert_eq!(
        problems(text.as_bytes(), Lang::Sv),
        ["rad 6, kolumn Slut: slutar 09:00, inte efter starten 09:00"]
    );
    let text = text.replace("p;Stängning;2027-03-17;9.00;9.00;\n", "");
    let i = read(text.as_bytes());
    let spans: Vec<String> = i
        .programme
        .sessions
        .iter()
        .map(|s| format!("{} {} – {}", s.id, s.start, s.end))
        .collect();
    assert_eq!(
        spans,
        [
            "m 2027-03-16 19:30:00 +01:00 – 2027-03-17 01:00:00 +01:00",
            "n 2027-03-16 22:00:00 +01:00 – 2027-03-17 00:00:00 +01:00",
            "o 2027-03-16 23:00:00 +01:00 – 2027-03-17 01:00:00 +01:00",
        ]
    );
    // Listed under the day they start.
    assert!(i.programme.sessions.iter().all(|s| s.day == 0));
    assert_eq!(
        warnings(&i, Lang::Sv),
        ["rad 3, kolumn Slut: slutar 01:00 dagen efter (sluttiden är före starttiden)"]
    );
}

/// Issue 27, item 5: dates and block names written once, on the first row of a day or a
/// block (what merged cells export as).
#[test]
fn dates_and_blocks_written_once_fill_the_rows_below() {
    let text = "Titel;Datum;Start;Slut;Pass\n\
                Öppning;2027-03-16;9.00;10.00;\n\
                Avtal;;10.30;11.15;Pass 1\n\
                Juridik;;10.30;11.15;\n\
                Data;;10.30;11.15;\n\
                Plenum;;11.30;12.00;\n\
                onsdag 17 mars 2027;;;;\n\
                Hållbarhet;;9.00;9.45;Pass 2\n\
                Ledning;;9.00;9.45;\n";
    let i = read(text.as_bytes());
    let got: Vec<String> = i
        .programme
        .sessions
        .iter()
        .map(|s| {
            let block = s
                .block
                .map_or("–", |b| i.programme.blocks[b].name.get("sv", "sv"));
            format!("{} {} {}", s.title, s.start.date_naive(), block)
        })
        .collect();
    assert_eq!(
        got,
        [
            "Öppning 2027-03-16 –",
            "Avtal 2027-03-16 Pass 1",
            "Data 2027-03-16 Pass 1",
            "Juridik 2027-03-16 Pass 1",
            // Same day, another start: the plenary is never put in the block above it.
            "Plenum 2027-03-16 –",
            "Hållbarhet 2027-03-17 Pass 2",
            "Ledning 2027-03-17 Pass 2",
        ]
    );
    assert_eq!(
        warnings(&i, Lang::Sv)
            .into_iter()
            .filter(|w| !w.contains("Id"))
            .collect::<Vec<_>>(),
        [
            "kolumn Datum: tomt datum på rad 3–6, 8–9: samma dag som raden ovanför",
            "kolumn Pass: tomt pass på rad 4–5, 9: samma pass som raden ovanför, som börjar \
             samma dag och tid",
        ]
    );
    // The first row has nothing above it.
    let text = "Titel;Datum;Start\nÖppning;;9.00\nAvtal;2027-03-16;10.00\n";
    assert_eq!(
        problems(text.as_bytes(), Lang::En),
        ["row 2, column Datum: the date is missing"]
    );
}

/// Issue 27, item 6: the Status column.
#[test]
fn the_status_column_is_read() {
    let text = "# Id: status\nId;Titel;Datum;Start;Slut;Status\n\
                a;Avtal;2027-03-16;9.00;10.00;Fullbokad\n\
                b;Juridik;2027-03-16;9.00;10.00;FULL\n\
                c;Data;2027-03-16;9.00;10.00;Inställd\n\
                d;Ledning;2027-03-16;9.00;10.00;cancelled\n\
                e;Hållbarhet;2027-03-16;9.00;10.00;öppen\n\
                f;Strategi;2027-03-16;9.00;10.00;Preliminär\n\
                g;Inköp;2027-03-16;9.00;10.00;Väntelista\n\
                h;Analys;2027-03-16;9.00;10.00;\n";
    let i = read(text.as_bytes());
    let got: Vec<String> = i
        .programme
        .sessions
        .iter()
        .map(|s| format!("{} {}", s.id, if s.full { "full" } else { "open" }))
        .collect();
    assert_eq!(
        got,
        ["a full", "b full", "e open", "f open", "g full", "h open"]
    );
    assert_eq!(
        warnings(&i, Lang::Sv),
        [
            "rad 5, kolumn Status: Inställd: programpunkten visas inte",
            "rad 6, kolumn Status: cancelled: programpunkten visas inte",
            "rad 8, kolumn Status: okänd status Preliminär, visas som öppen (skriv \
             fullbokad, inställd eller lämna tomt)",
        ]
    );
}

/// Dates written with slashes: one order for the whole sheet, from the dates that can be
/// read one way only; when none can, a problem instead of a guess.
#[test]
fn us_dates_take_one_order_for_the_whole_sheet() {
    let dates = |cells: &[&str]| -> Result<Vec<String>, Vec<String>> {
        let mut text = String::from("Titel;Datum;Start;Slut\n");
        for (n, c) in cells.iter().enumerate() {
            text.push_str(&format!("Punkt {n};{c};9.00;10.00\n"));
        }
        import(&text)
            .map(|i| {
                i.programme
                    .sessions
                    .iter()
                    .map(|s| s.start.date_naive().to_string())
                    .collect()
            })
            .map_err(|e| e.iter().map(|e| Lang::En.problem(e)).collect())
    };
    // 3/16 can only be month first: so is 3/4.
    assert_eq!(
        dates(&["3/4/2027", "3/16/2027"]),
        Ok(vec!["2027-03-04".into(), "2027-03-16".into()])
    );
    // 16/4 can only be day first: so is 3/4.
    assert_eq!(
        dates(&["3/4/2027", "16/4/2027"]),
        Ok(vec!["2027-04-03".into(), "2027-04-16".into()])
    );
    // Dots are written day first only.
    assert_eq!(dates(&["3.4.2027"]), Ok(vec!["2027-04-03".into()]));
    // Nothing tells: a problem, once.
    assert_eq!(
        dates(&["3/4/2027", "4/3/2027", "5/4/2027"]),
        Err(vec![
            "row 2, column Datum: 3/4/2027 can be day/month or month/day, and so can every \
             date with / in the sheet: write the dates as 2027-03-16 or 16 March 2027"
                .into()
        ])
    );
    // `# Dagar` can tell.
    let text =
        "# Dagar: 2027-04-03, 2027-04-05\nTitel;Datum;Start\nA;3/4/2027;9.00\nB;5/4/2027;9.00\n";
    let i = read(text.as_bytes());
    assert_eq!(
        i.programme.sessions[1].start.date_naive().to_string(),
        "2027-04-05"
    );
    // A date against the sheet's order is a problem at its row.
    assert_eq!(
        dates(&["16/3/2027", "17/3/2027", "3/18/2027"]),
        Err(vec![
            "row 4, column Datum: 3/18/2027 can only be read as month/day, but the sheet's \
             other dates are day/month: write every date the same way"
                .into()
        ])
    );
}

/// No work grows with the square of a sheet's size: a sheet as wide and as long as its
/// bytes allow, and sheets with tens of thousands of names of one kind, are read (or
/// refused) in work that grows with their size. The sizes are what matters, not a time:
/// with a column looked up along the header this test does not end in minutes, with theme
/// colours looked up along the list it takes four times as long as it does.
#[test]
fn wide_long_and_repetitive_sheets_are_read_in_linear_work() {
    const N: usize = 50_000;
    // 50,000 columns and 50,000 rows in about 200 KB: a header of unknown columns with
    // the known ones at its end, then rows of separators and short rows.
    let mut text = String::with_capacity(4 * N);
    for _ in 0..N {
        text.push_str("x;");
    }
    text.push_str("Titel;Datum;Start\n");
    for n in 0..N {
        if n % 2 == 0 {
            text.push_str(";\n");
        } else {
            text.push('\n');
        }
    }
    assert!(text.len() < 250_000, "{}", text.len());
    let said = problems(text.as_bytes(), Lang::En);
    assert_eq!(said, ["row 1: no sessions below the headings"]);

    // The known columns first, then 50,000 unknown ones; 50,000 rows, each a session
    // with a date written without a year before the first full date (the year is looked
    // for once), a speaker of one name from another organisation each, and a theme each.
    let mut text = String::from("Titel;Datum;Start;Slut;Talare;Tema");
    for _ in 0..N {
        text.push_str(";x");
    }
    text.push('\n');
    for n in 0..N {
        text.push_str(&format!(
            "S{n};16 mars;9.00;9.30;Anna Berg (Org {n});Tema {n}\n"
        ));
    }
    text.push_str("Sist;2027-03-16;10.00;10.30;;\n");
    let i = read(text.as_bytes());
    assert_eq!(i.programme.sessions.len(), N + 1);
    assert_eq!(i.programme.speakers.len(), N);
    assert_eq!(i.programme.themes.len(), N);
    // The unknown columns are named ten at a time, then counted.
    let w = warnings(&i, Lang::En);
    assert!(
        w.contains(&format!(
            "row 1: and {} more unknown columns, not used",
            N - 10
        )),
        "{:?}",
        &w[..w.len().min(12)]
    );
}

/// Issue 27: the template's comment rows survive a round trip through LibreOffice. The
/// template is opened in LibreOffice Calc (headless, a profile of its own so that runs do
/// not share one) and saved as CSV with commas in UTF-8, and with semicolons in
/// Windows-1252; both read as the template does. LibreOffice quotes the comment cells and
/// pads them with separators, and writes the times as its locale shows them.
#[test]
fn the_template_survives_a_round_trip_through_libreoffice() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        assert!(
            std::env::var_os("SEMINARPLAN_REQUIRE_SOFFICE").is_none(),
            "LibreOffice (soffice) is not installed: scripts/setup.sh --browser installs it"
        );
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let template = include_bytes!("../../demo/programme-mall.csv");
    let expected = read(template);
    let dir = std::env::temp_dir().join(format!("seminarplan-soffice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for LibreOffice");
    let source = dir.join("mall.csv");
    std::fs::write(&source, template).expect("the template copied");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    for (name, options, starts) in [
        (
            "komma-utf8",
            "44,34,76,1",
            &b"\"# Konferens: Ink\xc3\xb6psforum 2027\",,,"[..],
        ),
        (
            "semikolon-1252",
            "59,34,1,1",
            &b"\"# Konferens: Ink\xf6psforum 2027\";;;"[..],
        ),
    ] {
        let out = dir.join(name);
        let status = std::process::Command::new(soffice)
            .arg(&profile)
            .args(["--headless", "--infilter=CSV:59,34,76,1", "--convert-to"])
            .arg(format!("csv:Text - txt - csv (StarCalc):{options}"))
            .arg("--outdir")
            .arg(&out)
            .arg(&source)
            .output()
            .expect("LibreOffice runs");
        let bytes = std::fs::read(out.join("mall.csv")).unwrap_or_else(|e| {
            panic!(
                "{name}: no export ({e}): {}",
                String::from_utf8_lossy(&status.stderr)
            )
        });
        // The comment rows as LibreOffice writes them: quoted, padded with separators.
        assert!(
            bytes.starts_with(starts),
            "{name}: {:?}",
            String::from_utf8_lossy(&bytes[..80])
        );
        let got = read(&bytes);
        assert_eq!(got.programme.id, expected.programme.id, "{name}");
        assert_eq!(
            got.programme.conference, expected.programme.conference,
            "{name}"
        );
        // Windows-1252 has no `č`: LibreOffice writes `?` for it.
        let lost = |line: String| {
            if name.ends_with("1252") {
                line.replace('č', "?")
            } else {
                line
            }
        };
        let want: Vec<String> = summary(&expected.programme).into_iter().map(lost).collect();
        assert_eq!(summary(&got.programme), want, "{name}");
        assert_eq!(
            warnings(&got, Lang::Sv),
            warnings(&expected, Lang::Sv),
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A sheet of one shape, and what it must give.
struct Shape {
    name: &'static str,
    bytes: &'static [u8],
    id: &'static str,
    sessions: &'static [&'static str],
    warnings: &'static [&'static str],
    full: &'static [&'static str],
}

/// The warning of a sheet without an Id column, without its row.
const NO_ID: &str = "no Id column: sessions are known by their titles, so a visitor's \
                     star on a session whose title changes follows it only if its time \
                     and room stay the same. Add an Id column.";

/// Sheets as each spreadsheet program writes them, with the habits committees have
/// (`tests/fixtures/sheet/shapes/`, each described where it is written).
const SHAPES: &[Shape] = &[
    Shape {
        name: "Excel sv-SE: a title row, padding, merged cells, 13 and kl. 13, a status, a dinner, notes below",
        bytes: include_bytes!("../fixtures/sheet/shapes/excel-sv-se.csv"),
        id: "programme-20270413",
        sessions: &[
            "registrering-och-kaffe 2027-04-13 09:30-10:00 Registrering och kaffe | Foajén | Paus (Break) |  |  | ",
            "oppning-arkiven-och-ai 2027-04-13 10:00-11:00 Öppning: arkiven och AI | Stora salen | Programpunkt (Seminar) |  |  | Eva Lind (Riksarkivet)",
            "gallring-i-e-arkiv-d1-1115 2027-04-13 11:15-12:00 Gallring i e-arkiv | Sal 1 | Programpunkt (Seminar) |  | Pass 1 (tisdag 13 april) | Omar Haddad (Västerås stad)",
            "arkivlagen-i-praktiken 2027-04-13 11:15-12:00 Arkivlagen i praktiken | Sal 2 | Programpunkt (Seminar) |  | Pass 1 (tisdag 13 april) | Britt Sjö (Region Västmanland)",
            "workshop-informationsredovisning 2027-04-13 13:00-14:30 Workshop: informationsredovisning | Sal 1 | Programpunkt (Seminar) |  | Pass 2 | ",
            "konferensmiddag 2027-04-13 19:00-01:00 Konferensmiddag | Restaurang Kokpunkten | Middag (Social) |  |  | ",
            "gallring-i-e-arkiv-d2-0900 2027-04-14 09:00-10:00 Gallring i e-arkiv | Sal 1 | Programpunkt (Seminar) |  | Pass 1 (onsdag 14 april) | Omar Haddad (Västerås stad)",
            "bevara-e-post 2027-04-14 09:00-10:00 Bevara e-post | Sal 2 | Programpunkt (Seminar) |  | Pass 1 (onsdag 14 april) | Lina Berg (Riksarkivet)",
        ],
        warnings: &[
            "row 5: NO_ID",
            "row 11, column Status: Inställd: the session is not shown",
            "row 12, column Slut: ends at 01:00 the next day (the end is before the start)",
            "column Datum: empty date on rows 7–12, 14: the same day as the row above",
            "column Pass: empty block on rows 9, 14: the block of the row above, which starts on the same day at the same time",
            "Rows 1, 16–17 are not sessions and are not used (only one cell filled in, or neither a title nor a start)",
            "ID_NOTE",
        ],
        full: &["gallring-i-e-arkiv-d1-1115"],
    },
    Shape {
        name: "Excel en-US: quoted padded comments, US dates, 9:30 AM, an unknown column, a total",
        bytes: include_bytes!("../fixtures/sheet/shapes/excel-en-us.csv"),
        id: "programme-20270413",
        sessions: &[
            "registration-and-coffee 2027-04-13 09:30-10:00 Registration and coffee | Foyer | Break (Break) |  |  | ",
            "opening-archives-ai-and-trust 2027-04-13 10:00-11:00 Opening: archives, AI and trust | Main hall | Session (Seminar) |  |  | Eva Lind (Riksarkivet)",
            "appraisal-in-e-archives 2027-04-13 11:15-12:00 Appraisal in e-archives | Room 1 | Session (Seminar) |  |  | Omar Haddad (City of Västerås)",
            "conference-dinner 2027-04-13 19:00-01:00 Conference dinner | Kokpunkten | Dinner (Social) |  |  | ",
            "keeping-e-mail 2027-04-14 09:00-10:00 Keeping e-mail | Room 2 | Session (Seminar) |  |  | Lina Berg",
            "lunch 2027-04-14 12:00-13:00 Lunch | Restaurant | Lunch (Meal) |  |  | ",
        ],
        warnings: &[
            "row 3, column Notes: unknown column, not used",
            "row 3: NO_ID",
            "row 7, column End: ends at 01:00 the next day (the end is before the start)",
            "Row 11 is not a session and is not used (only one cell filled in, or neither a title nor a start)",
            "ID_NOTE",
        ],
        full: &["appraisal-in-e-archives"],
    },
    Shape {
        name: "Mac Excel: Mac Roman, CR line ends, a line break in a cell, 24:00",
        bytes: include_bytes!("../fixtures/sheet/shapes/mac-excel.csv"),
        id: "programme-20270413",
        sessions: &[
            "a1 2027-04-13 09:30-10:00 Registrering och kaffe | Foajén | Paus (Break) |  |  | ",
            "a2 2027-04-13 10:00-11:00 Öppning: arkiven och AI | Stora salen | Programpunkt (Seminar) |  |  | Eva Lind (Riksarkivet)",
            "a3 2027-04-13 11:15-12:00 Gallring i e-arkiv | Sal 1 | Programpunkt (Seminar) |  |  | Omar Haddad (Västerås stad)",
            "a4 2027-04-13 11:15-12:00 Arkivlagen i praktiken | Sal 2 | Programpunkt (Seminar) |  |  | Britt Sjö (Region Västmanland)",
            "a5 2027-04-14 09:00-00:00 Utställning | Foajén | Programpunkt (Seminar) |  |  | ",
        ],
        warnings: &[
            "row 5, column Status: unknown status Preliminär, shown as open (write full, cancelled or leave it empty)",
            "ID_NOTE",
        ],
        full: &["a3"],
    },
    Shape {
        name: "LibreOffice: defaults, 09:30:00, ids with a leading apostrophe, a length past midnight",
        bytes: include_bytes!("../fixtures/sheet/shapes/libreoffice.csv"),
        id: "programme-20270413",
        sessions: &[
            "001 2027-04-13 09:30-10:00 Registrering och kaffe | Foajén | Paus (Break) |  |  | ",
            "002 2027-04-13 10:00-11:00 Öppning: arkiven och AI | Stora salen | Programpunkt (Seminar) | Digitalisering, AI |  | Eva Lind (Riksarkivet)",
            "003 2027-04-13 11:15-12:00 Gallring i e-arkiv | Sal 1 | Programpunkt (Seminar) | Gallring |  | Omar Haddad (Västerås stad)",
            "004 2027-04-13 22:30-00:30 Arkivnatt i magasinet | Sal 2 | Programpunkt (Seminar) |  |  | ",
            "005 2027-04-14 09:00-10:00 Bevara e-post | Sal 2 | Programpunkt (Seminar) | Digitalisering |  | Lina Berg (Riksarkivet)",
        ],
        warnings: &["ID_NOTE"],
        full: &[],
    },
    Shape {
        name: "Google Sheets sv: merged Datum and Pass cells, 13:00:00",
        bytes: include_bytes!("../fixtures/sheet/shapes/google-sheets-sv.csv"),
        id: "arkivdagarna-2027",
        sessions: &[
            "registrering-och-kaffe 2027-04-13 09:30-10:00 Registrering och kaffe | Foajén | Paus (Break) |  |  | ",
            "oppning-arkiven-och-ai 2027-04-13 10:00-11:00 Öppning: arkiven och AI | Stora salen | Programpunkt (Seminar) |  |  | Eva Lind (Riksarkivet)",
            "gallring-i-e-arkiv-d1-1115 2027-04-13 11:15-12:00 Gallring i e-arkiv | Sal 1 | Programpunkt (Seminar) |  | Pass 1 (tisdag 13 april) | Omar Haddad (Västerås stad)",
            "arkivlagen-i-praktiken 2027-04-13 11:15-12:00 Arkivlagen i praktiken | Sal 2 | Programpunkt (Seminar) |  | Pass 1 (tisdag 13 april) | Britt Sjö (Region Västmanland)",
            "lunch 2027-04-13 12:00-13:00 Lunch | Restaurangen | Lunch (Meal) |  |  | ",
            "bevara-e-post 2027-04-14 09:00-10:00 Bevara e-post | Sal 1 | Programpunkt (Seminar) |  | Pass 1 (onsdag 14 april) | Lina Berg (Riksarkivet)",
            "gallring-i-e-arkiv-d2-0900 2027-04-14 09:00-10:00 Gallring i e-arkiv | Sal 2 | Programpunkt (Seminar) |  | Pass 1 (onsdag 14 april) | Omar Haddad (Västerås stad)",
        ],
        warnings: &[
            "row 4: NO_ID",
            "column Datum: empty date on rows 6–9, 11: the same day as the row above",
            "column Pass: empty block on rows 8, 11: the block of the row above, which starts on the same day at the same time",
        ],
        full: &[],
    },
    Shape {
        name: "Google Sheets US: month first, decided by 4/13",
        bytes: include_bytes!("../fixtures/sheet/shapes/google-sheets-us.csv"),
        id: "programme-20270401",
        sessions: &[
            "pre-conference-webinar 2027-04-01 09:30-10:00 Pre-conference webinar | Online | Session (Seminar) |  |  | ",
            "second-webinar 2027-04-02 09:30-10:30 Second webinar | Online | Session (Seminar) |  |  | ",
            "registration-and-coffee 2027-04-13 09:30-10:00 Registration and coffee | Foyer | Break (Break) |  |  | ",
            "opening-archives-ai-and-trust 2027-04-13 10:00-11:00 Opening: archives, AI and trust | Main hall | Session (Seminar) |  |  | Eva Lind (Riksarkivet)",
        ],
        warnings: &["row 2: NO_ID", "ID_NOTE"],
        full: &[],
    },
    Shape {
        name: "Numbers: 13 apr. 2027, kl. 9.30, '10.00",
        bytes: include_bytes!("../fixtures/sheet/shapes/numbers.csv"),
        id: "programme-20270413",
        sessions: &[
            "registrering-och-kaffe 2027-04-13 09:30-10:00 Registrering och kaffe | Foajén | Paus (Break) |  |  | ",
            "oppning-arkiven-och-ai 2027-04-13 10:00-11:00 Öppning: arkiven och AI | Stora salen | Plenum (Plenary) |  |  | ",
            "gallring-i-e-arkiv 2027-04-14 13:00-13:45 Gallring i e-arkiv | Sal 1 | Seminarium (Seminar) |  |  | ",
        ],
        warnings: &["row 1: NO_ID", "ID_NOTE"],
        full: &[],
    },
];

/// Every shape of [`SHAPES`]: the sessions it gives, what the organiser is told, which
/// are full.
#[test]
fn sheets_of_every_shape_a_committee_produces() {
    for shape in SHAPES {
        let i = read(shape.bytes);
        let name = shape.name;
        assert_eq!(i.programme.id, shape.id, "{name}");
        assert_eq!(summary(&i.programme), shape.sessions, "{name}");
        let expected: Vec<String> = shape
            .warnings
            .iter()
            .map(|w| match *w {
                "ID_NOTE" => id_note(shape.id),
                w => w.replace("NO_ID", NO_ID),
            })
            .collect();
        assert_eq!(warnings(&i, Lang::En), expected, "{name}");
        let full: Vec<&str> = i
            .programme
            .sessions
            .iter()
            .filter(|s| s.full)
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(full, shape.full, "{name}");
    }
}

/// The shapes that cannot be shown: each problem at the row and column the spreadsheet
/// program shows, in words.
#[test]
fn broken_sheets_of_every_shape_say_where() {
    for (name, bytes, expected) in [
        (
            "Mac Excel, CR line ends and a blank row",
            &include_bytes!("../fixtures/sheet/shapes/mac-excel-broken.csv")[..],
            &[
                "rad 4, kolumn Start: halv elva är ingen tid",
                "rad 5, kolumn Datum: 2027-04-31 är inget datum",
            ][..],
        ),
        (
            "Excel with a sep= line",
            include_bytes!("../fixtures/sheet/shapes/excel-sv-sep.csv"),
            &["rad 4, kolumn Slut: 25.00 är ingen tid"],
        ),
        (
            "Google Sheets US, every date both ways",
            include_bytes!("../fixtures/sheet/shapes/google-sheets-us-ambiguous.csv"),
            &[
                "rad 2, kolumn Date: 4/1/2027 kan vara både dag/månad och månad/dag, och det \
               kan alla datum med / i arket: skriv datumen som 2027-03-16 eller 16 mars 2027",
            ],
        ),
    ] {
        assert_eq!(problems(bytes, Lang::Sv), expected, "{name}");
    }
}

/// The entry point a workbook (.xlsx, .ods) uses: rows of cells with the row numbers the
/// spreadsheet program shows, read by the same rules as a CSV file, every problem at
/// those numbers.
#[test]
fn rows_of_cells_from_anywhere_are_read_by_the_same_rules() {
    use seminarplan_core::import::sheet::{Row, read_rows};
    let row = |n: usize, cells: &[&str]| Row::new(n, cells.iter().map(|c| (*c).to_owned()));
    // Row 2 is empty in the workbook, so it is not given; cells are trimmed of spaces.
    let rows = [
        row(1, &["# Id: arkivdagarna-2027"]),
        row(3, &["Titel", "Datum", "Start", "Slut", " Status "]),
        row(4, &["Öppning", "2027-04-13", "9.00", "10.00", ""]),
        row(5, &["Gallring", "", "10.15", "11.00", "Fullbokad"]),
        row(7, &["Arkivlagen", "", "kvart över elva", "12.00", ""]),
    ];
    let errors = read_rows(&rows).expect_err("row 7 has no time");
    assert_eq!(
        errors
            .iter()
            .map(|e| Lang::Sv.problem(e))
            .collect::<Vec<_>>(),
        ["rad 7, kolumn Start: kvart över elva är ingen tid"]
    );
    let i = read_rows(&rows[..4]).expect("rows 1–5 are a programme");
    assert_eq!(i.format, Format::Sheet);
    assert_eq!(i.programme.id, "arkivdagarna-2027");
    assert_eq!(
        summary(&i.programme),
        [
            "oppning 2027-04-13 09:00-10:00 Öppning |  | Programpunkt (Seminar) |  |  | ",
            "gallring 2027-04-13 10:15-11:00 Gallring |  | Programpunkt (Seminar) |  |  | ",
        ]
    );
    assert!(i.programme.sessions[1].full);
    assert_eq!(
        warnings(&i, Lang::Sv)[1],
        "kolumn Datum: tomt datum på rad 5: samma dag som raden ovanför"
    );
}
