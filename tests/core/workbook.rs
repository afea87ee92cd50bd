//! Workbooks read as they are saved (issue 32): .xlsx and .ods made by LibreOffice from a
//! committed flat-XML workbook (typed dates and times, a merged block cell, a formula, a
//! notes sheet first), and workbooks written here part by part for what LibreOffice never
//! writes (a formula never calculated, 1904 dates, durations) and for hostile ones (a ZIP
//! bomb, a shared-string table announcing billions, millions of cells, deep XML). Every
//! problem at the cell Excel shows; the importer's handoff and the widget's recognising
//! of a workbook; and a bounded fuzz run.

use std::io::Write;
use std::path::{Path, PathBuf};

use seminarplan_core::check::check;
use seminarplan_core::generate::Rng;
use seminarplan_core::import::{Format, handoff, import_bytes, needs_importer};
use seminarplan_core::lang::Lang;
use seminarplan_core::loading::{Body, Contents};

use super::sheet::summary;

#[path = "../support/soffice.rs"]
mod soffice;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/workbook")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("workbook-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The committed flat workbook, with `edit` applied, saved by LibreOffice as `ext`.
fn typed_workbook(ext: &str, edit: (&str, &str), dir: &Path) -> Vec<u8> {
    let text = std::fs::read_to_string(fixture("typed.fods")).expect("the flat workbook");
    let source = dir.join("typed.fods");
    std::fs::write(&source, text.replace(edit.0, edit.1)).expect("write the workbook");
    let made = soffice::convert(&source, ext, None, dir);
    std::fs::read(made).expect("the converted workbook")
}

fn problems(bytes: &[u8], lang: Lang) -> Vec<String> {
    check(bytes, lang).problems
}

#[test]
fn a_workbook_saved_by_libreoffice_names_the_cell_of_its_one_mistake() {
    let dir = scratch("mistake");
    for ext in ["xlsx", "ods"] {
        let bytes = typed_workbook(ext, ("", ""), &dir);
        assert_eq!(
            problems(&bytes, Lang::Sv),
            ["rad 6, kolumn Slut (F6): 25:00 är ingen tid"],
            "{ext}"
        );
        assert_eq!(
            problems(&bytes, Lang::En),
            ["row 6, column Slut (F6): 25:00 is not a time"],
            "{ext}"
        );
    }
}

#[test]
fn typed_cells_merged_blocks_and_formulas_read_as_what_they_are() {
    let dir = scratch("typed");
    for ext in ["xlsx", "ods"] {
        let bytes = typed_workbook(
            ext,
            ("<text:p>25:00</text:p>", "<text:p>14:00</text:p>"),
            &dir,
        );
        let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{ext}: {e:?}"));
        assert_eq!(imported.format, Format::Workbook);
        assert_eq!(
            summary(&imported.programme),
            [
                // Typed date and times; the emoji and the en dash as typed.
                "a1 2027-05-04 09:00-10:00 Öppning – välkommen 🎉 | Stora salen | Programpunkt (Seminar) |  |  | ",
                // The end made by a formula (E4 + 1 h), by its value; the block merged
                // over rows 4 and 5 holds both.
                "b1 2027-05-04 10:30-11:30 Upphandling på riktigt | Sal A | Programpunkt (Seminar) |  | Pass 1 | ",
                "b2 2027-05-04 10:30-11:30 Avtal som håller | Sal B | Programpunkt (Seminar) |  | Pass 1 | ",
                "c1 2027-05-04 13:00-14:00 Avslutning | Stora salen | Programpunkt (Seminar) |  |  | ",
            ],
            "{ext}"
        );
        assert_eq!(
            imported.programme.conference.title.get("sv", "sv"),
            "Arbetsboksdagen 2027"
        );
        let report = check(&bytes, Lang::Sv);
        assert!(
            report.warnings.contains(
                &"bladen Anteckningar, Kontakter är inte programmet och läses inte".to_owned()
            ),
            "{ext}: {:?}",
            report.warnings
        );
    }
}

// Workbooks written here, part by part.

/// A ZIP archive of `parts`, deflated.
pub(crate) fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // The ODF `mimetype` first and stored, as the format asks.
        let method = if *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(bytes.len() > u32::MAX as usize / 2);
        out.start_file(*name, options).expect("start a part");
        out.write_all(bytes).expect("write a part");
    }
    out.finish().expect("finish the archive").into_inner()
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs>
</styleSheet>"#;

/// An .xlsx of `sheets` (name, the worksheet's XML after `<worksheet>`), with `extra`
/// parts (say a shared-string table); `1904` dates when asked.
pub(crate) fn xlsx(sheets: &[(&str, &str)], extra: &[(&str, &str)], date1904: bool) -> Vec<u8> {
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    );
    let (mut list, mut rels) = (String::new(), String::new());
    let mut parts: Vec<(String, String)> = Vec::new();
    for (i, (name, xml)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        list.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        parts.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{xml}</worksheet>"#),
        ));
    }
    types.push_str("</Types>");
    let styles_rel = r#"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#;
    let strings_rel = r#"<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#;
    let pr = if date1904 {
        r#"<workbookPr date1904="1"/>"#
    } else {
        ""
    };
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets>{list}</sheets></workbook>"#
    );
    let mut all: Vec<(String, String)> = vec![
        ("[Content_Types].xml".into(), types),
        ("_rels/.rels".into(), r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml".into(), workbook),
        ("xl/_rels/workbook.xml.rels".into(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}{styles_rel}{strings_rel}</Relationships>"#)),
        ("xl/styles.xml".into(), STYLES.into()),
    ];
    all.extend(parts);
    all.extend(
        extra
            .iter()
            .map(|(n, x)| ((*n).to_owned(), (*x).to_owned())),
    );
    let borrowed: Vec<(&str, &[u8])> = all
        .iter()
        .map(|(n, x)| (n.as_str(), x.as_bytes()))
        .collect();
    zip(&borrowed)
}

/// A text cell.
pub(crate) fn s(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A number cell in style `style` (1 date, 2 time, 3 duration, 4 date and time).
pub(crate) fn n(at: &str, style: u8, value: &str) -> String {
    format!(r#"<c r="{at}" s="{style}"><v>{value}</v></c>"#)
}

pub(crate) fn rows(rows: &[Vec<String>]) -> String {
    let body: String = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| format!(r#"<row r="{}">{}</row>"#, i + 1, cells.concat()))
        .collect();
    format!("<sheetData>{body}</sheetData>")
}

pub(crate) fn header() -> Vec<String> {
    ["Id", "Datum", "Start", "Slut", "Titel", "Längd"]
        .iter()
        .zip(["A1", "B1", "C1", "D1", "E1", "F1"])
        .map(|(h, at)| s(at, h))
        .collect()
}

#[test]
fn excel_serials_read_as_dates_times_and_lengths() {
    // 46462 is 2027-03-16 in Excel's 1900 system; 0.5416666… is 13:00; 0.0625 in
    // `[h]:mm` is 1 h 30 min; 44.5 in the 1904 system is 1904-02-14 12:00.
    let sheet = rows(&[
        header(),
        vec![
            s("A2", "x1"),
            n("B2", 1, "46462"),
            n("C2", 2, "0.541666666666667"),
            s("E2", "Lunchföreläsning"),
            n("F2", 3, "0.0625"),
        ],
        vec![
            s("A3", "x2"),
            n("C3", 4, "46462.395833333336"),
            n("D3", 2, "0.4375"),
            s("E3", "Morgon"),
        ],
    ]);
    let bytes = xlsx(&[("Program", &sheet)], &[], false);
    let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
    let sessions = summary(&imported.programme);
    assert_eq!(
        sessions[0].split(" |").next(),
        Some("x2 2027-03-16 09:30-10:30 Morgon")
    );
    assert_eq!(
        sessions[1].split(" |").next(),
        Some("x1 2027-03-16 13:00-14:30 Lunchföreläsning")
    );

    let sheet = rows(&[
        header(),
        vec![
            s("A2", "y"),
            n("B2", 1, "44.5"),
            n("C2", 2, "0.5"),
            s("E2", "Tidigt"),
        ],
    ]);
    let bytes = xlsx(&[("Blad1", &sheet)], &[], true);
    let problems = problems(&bytes, Lang::En);
    // Read as a date of 1904 (outside any sensible programme, but a date: no "not a date").
    assert!(
        problems.is_empty() || !problems.iter().any(|p| p.contains("not a date")),
        "{problems:?}"
    );
}

#[test]
fn a_formula_never_calculated_is_a_problem_at_its_cell() {
    let sheet = rows(&[
        header(),
        vec![
            s("A2", "x1"),
            n("B2", 1, "46462"),
            n("C2", 2, "0.375"),
            n("D2", 2, "0.4166666666666667"),
            s("E2", "Först"),
        ],
        vec![
            s("A3", "x2"),
            n("B3", 1, "46462"),
            n("C3", 2, "0.4375"),
            r#"<c r="D3" s="2"><f>C3+TIME(1,0,0)</f></c>"#.into(),
            s("E3", "Sedan"),
        ],
    ]);
    let bytes = xlsx(&[("Program", &sheet)], &[], false);
    assert_eq!(
        problems(&bytes, Lang::Sv),
        [
            "rad 3, kolumn Slut (D3): formeln har aldrig räknats ut: öppna och spara arbetsboken i Excel eller LibreOffice"
        ]
    );
}

#[test]
fn the_first_sheet_with_the_known_columns_is_the_programme() {
    let notes = rows(&[vec![s("A1", "Anteckningar"), s("B1", "Titel")]]);
    let programme = rows(&[
        vec![s("A1", "# Konferens: Bladdagen")],
        header(),
        vec![
            s("A3", "x1"),
            n("B3", 1, "46462"),
            n("C3", 2, "0.375"),
            s("E3", "Först"),
        ],
    ]);
    let later = rows(&[header()]);
    let bytes = xlsx(
        &[
            ("Att göra", &notes),
            ("Programmet", &programme),
            ("Gammalt", &later),
        ],
        &[],
        false,
    );
    let report = check(&bytes, Lang::En);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.format, Some(Format::Workbook));
    assert_eq!(
        report.warnings[0],
        "the sheets Att göra, Gammalt are not the programme and are not read"
    );
    // No sheet with the headings: said as for a CSV without them.
    let bytes = xlsx(&[("Att göra", &notes)], &[], false);
    assert_eq!(
        problems(&bytes, Lang::En),
        ["no row of column headings with a Title column"]
    );
}

#[test]
fn a_zip_that_is_no_spreadsheet_and_a_broken_one_are_named_so() {
    let docx = zip(&[
        ("[Content_Types].xml", br#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
        ("word/document.xml", b"<w:document/>"),
    ]);
    assert_eq!(
        problems(&docx, Lang::Sv),
        [
            "en ZIP-fil som varken är en Excel-arbetsbok (.xlsx) eller ett OpenDocument-kalkylark (.ods)"
        ]
    );
    let cut = &docx[..docx.len() / 2];
    let said = problems(cut, Lang::En);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("the workbook cannot be read ("),
        "{said:?}"
    );
}

// Hostile workbooks: refused from their sizes and counts, before anything is expanded.

#[test]
fn a_workbook_expanding_to_50_mb_is_refused_before_it_is_expanded() {
    // A real ZIP bomb: 50 MB of one repeated cell, deflated to about 50 KB.
    let cell = r#"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#;
    let sheet = format!(
        "<sheetData>{}</sheetData>",
        cell.repeat(50_000_000 / cell.len())
    );
    let bytes = xlsx(&[("Program", &sheet)], &[], false);
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    assert_eq!(
        problems(&bytes, Lang::En),
        [
            "the workbook expands to more than 32 MB, more than a programme needs; not read. Remove pictures and empty sheets, or save it as CSV."
        ]
    );
}

#[test]
fn a_shared_string_table_announcing_billions_is_refused() {
    let sheet = rows(&[header()]);
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>Titel</t></si></sst>"#;
    let bytes = xlsx(
        &[("Program", &sheet)],
        &[("xl/sharedStrings.xml", strings)],
        false,
    );
    assert_eq!(
        problems(&bytes, Lang::En),
        [
            "the workbook expands to more than 32 MB, more than a programme needs; not read. Remove pictures and empty sheets, or save it as CSV."
        ]
    );
}

/// An .ods whose content has `tables` (`<table:table>` elements).
pub(crate) fn ods(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
    ])
}

fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!(r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#))
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

const ODS_PROGRAMME: &str = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Datum</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Start</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Titel</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>x1</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2027-03-16"><text:p>16/3</text:p></table:table-cell><table:table-cell office:value-type="time" office:time-value="PT12H59M59.9999S"><text:p>13:00</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Först <text:span>och</text:span><text:s text:c="2"/>sist</text:p><office:annotation><text:p>en kommentar</text:p></office:annotation></table:table-cell></table:table-row>"#;

#[test]
fn millions_of_empty_cells_cost_nothing_and_millions_of_filled_ones_are_refused() {
    // What LibreOffice writes after every sheet: a million rows of 16,384 empty cells.
    let empty = r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;
    let bytes = ods(&format!(
        r#"<table:table table:name="Program">{ODS_PROGRAMME}{empty}</table:table>"#
    ));
    let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        summary(&imported.programme),
        // 12:59:59.9999 is 13:00; a span's text and `text:s` spaces kept (then the
        // title's spaces run together, as for any sheet); the comment left out.
        ["x1 2027-03-16 13:00-13:30 Först och sist |  | Programpunkt (Seminar) |  |  | "]
    );
    // The same rows filled: 17 billion cells, refused at the first 200,000.
    let filled = r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    let bytes = ods(&format!(
        r#"<table:table table:name="Program">{ODS_PROGRAMME}{filled}</table:table>"#
    ));
    assert_eq!(
        problems(&bytes, Lang::En),
        ["more than 200,000 filled cells; not read"]
    );
    // Two cells a sheet apart in an .xlsx (A1 and the last cell Excel has): no rectangle
    // between them is made.
    let far = format!(
        "<sheetData><row r=\"1\">{}</row><row r=\"1048576\">{}</row></sheetData>",
        header().concat(),
        s("XFD1048576", "långt bort")
    );
    let said = problems(&xlsx(&[("Program", &far)], &[], false), Lang::En);
    assert_eq!(said, ["row 1: no sessions below the headings"]);
}

#[test]
fn deeply_nested_xml_is_refused_or_read_never_a_crash() {
    let deep = format!(
        "{}x{}",
        "<text:span>".repeat(100_000),
        "</text:span>".repeat(100_000)
    );
    let bytes = ods(&format!(
        r#"<table:table table:name="P">{}<table:table-row><table:table-cell><text:p>{deep}</text:p></table:table-cell></table:table-row></table:table>"#,
        ods_row(&["Titel", "Start"])
    ));
    assert_eq!(
        problems(&bytes, Lang::En),
        ["the workbook cannot be read (content.xml nests elements deeper than 100)"]
    );
    let deep = format!("{}x{}", "<r>".repeat(100_000), "</r>".repeat(100_000));
    let sheet = format!(
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is>{deep}</is></c></row></sheetData>"#
    );
    let said = problems(&xlsx(&[("P", &sheet)], &[], false), Lang::En);
    assert_eq!(said.len(), 1, "{said:?}");
}

// How a workbook travels: recognised from its first bytes, handed to the importer as
// bytes, and read back by the widget's own parser.

#[test]
fn a_workbook_is_recognised_by_its_content_and_goes_to_the_workbook_reader_as_bytes() {
    let bytes = ods(&format!(
        r#"<table:table table:name="Program">{ODS_PROGRAMME}</table:table>"#
    ));
    // Not the importer: the workbook reader, a module of its own, once the file is here.
    assert!(!needs_importer(&bytes[..64]));
    let mut body = Body::default();
    body.push(&bytes).expect("a small file fits");
    assert_eq!(body.contents(), Contents::Workbook(bytes.clone()));
    let mut text = Body::default();
    text.push(b"Titel;Start\nx;09:00\n").expect("fits");
    assert!(matches!(text.contents(), Contents::Text(t) if t.starts_with("Titel")));
    let answer = handoff::write_workbook(&bytes);
    let (programme, _, summary_) = handoff::read(&answer).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(programme, import_bytes(&bytes).expect("reads").programme);
    assert_eq!(summary_.format, "workbook (.xlsx/.ods)");
}

// A bounded fuzz run: the workbooks above, their bytes mutated, or one part's XML mutated
// and packed again (so the mutation gets past the archive's checksums to the readers).

/// Workbooks per run: fewer in debug, as `fuzz.rs` does (100,000 take about 8 s in the
/// `fuzz` profile on a shared two-core machine).
const WORKBOOK_RUNS: usize = if cfg!(debug_assertions) {
    1_500
} else {
    100_000
};

const XML_TOKENS: &[&str] = &[
    "<",
    ">",
    "</c>",
    "<c r=\"A1\" t=\"s\"><v>99999999</v></c>",
    "<row r=\"0\">",
    "<f>",
    "</f>",
    "t=\"d\"",
    "<v>1e308</v>",
    "<v>-1</v>",
    "<v>NaN</v>",
    "s=\"3\"",
    "s=\"999\"",
    "&amp;",
    "&#0;",
    "table:number-columns-repeated=\"4294967295\"",
    "table:number-rows-spanned=\"99999999\"",
    "office:value-type=\"time\" office:time-value=\"PT99999999999H\"",
    "office:value-type=\"date\" office:date-value=\"-9999-99\"",
    "<mergeCell ref=\"A1:XFD1048576\"/>",
    "<mergeCells>",
    "</mergeCells>",
    "<text:s text:c=\"999999\"/>",
    "table:formula=\"of:=1\"",
    "\u{0}",
    "é",
    "\"",
];

#[test]
fn fuzzed_inputs_never_panic_in_workbooks() {
    let programme = rows(&[
        header(),
        vec![
            s("A2", "x1"),
            n("B2", 1, "46462"),
            n("C2", 2, "0.375"),
            n("D2", 2, "0.4166666666666667"),
            s("E2", "Först"),
            n("F2", 3, "0.0625"),
        ],
    ]);
    let merged =
        format!(r#"{programme}<mergeCells count="1"><mergeCell ref="E2:E3"/></mergeCells>"#);
    let seeds: Vec<(&str, Vec<(String, String)>)> = vec![
        ("xlsx", vec![("sheet".into(), merged)]),
        (
            "ods",
            vec![(
                "content".into(),
                format!(r#"<table:table table:name="P">{ODS_PROGRAMME}</table:table>"#),
            )],
        ),
    ];
    let mut rng = Rng::new(0x0b00_c0de_2027_0032);
    let (mut ok, mut refused) = (0usize, 0usize);
    for run in 0..WORKBOOK_RUNS {
        let (kind, parts) = &seeds[run % seeds.len()];
        let mut xml = parts[0].1.clone().into_bytes();
        let mutate_inside = rng.below(2) == 0;
        if mutate_inside {
            for _ in 0..=rng.below(3) {
                let at = rng.below(xml.len() + 1);
                match rng.below(3) {
                    0 => xml.truncate(at),
                    1 => {
                        let token = XML_TOKENS[rng.below(XML_TOKENS.len())].as_bytes();
                        xml.splice(at..at, token.iter().copied());
                    }
                    _ => {
                        let end = (at + rng.below(40)).min(xml.len());
                        xml.drain(at..end);
                    }
                }
            }
        }
        let xml = String::from_utf8_lossy(&xml).into_owned();
        let mut bytes = if *kind == "xlsx" {
            xlsx(&[("P", &xml)], &[], rng.below(4) == 0)
        } else {
            ods(&xml)
        };
        if !mutate_inside {
            let len = bytes.len();
            for _ in 0..=rng.below(3) {
                let at = rng.below(len);
                bytes[at] ^= 1 << rng.below(8);
            }
        }
        let read = import_bytes(&bytes);
        match &read {
            Ok(i) => {
                ok += 1;
                let written = i.document["sessions"].as_array().map_or(0, Vec::len);
                assert_eq!(i.programme.sessions.len(), written, "run {run}");
            }
            Err(problems) => {
                refused += 1;
                assert!(!problems.is_empty(), "run {run}");
            }
        }
        handoff_agrees(&bytes, &read, run);
    }
    println!("workbook fuzz: {WORKBOOK_RUNS} workbooks ({ok} read, {refused} refused)");
    assert_eq!(ok + refused, WORKBOOK_RUNS);
}

/// The workbook reader module's answer (read as the widget reads a CSV for visitors)
/// agrees with the strict reading: what that accepts comes back the same with nothing left
/// out; what it refuses is refused too, or shown without the sessions it names as left out.
fn handoff_agrees(
    bytes: &[u8],
    read: &Result<seminarplan_core::import::Imported, Vec<seminarplan_core::parse::ProgrammeError>>,
    run: usize,
) {
    match (handoff::read(&handoff::write_workbook(bytes)), read) {
        (Ok((programme, _, summary)), Ok(i)) => {
            assert_eq!(programme, i.programme, "run {run}");
            assert!(summary.left_out.is_empty(), "run {run}");
        }
        (Ok((programme, _, summary)), Err(_)) => {
            assert!(!summary.left_out.is_empty(), "run {run}");
            assert!(!programme.sessions.is_empty(), "run {run}");
        }
        (Err(_), Err(_)) => {}
        (Err(e), Ok(_)) => panic!("run {run}: the handoff refuses what the reader reads: {e:?}"),
    }
}

/// Writes the fuzz target's seed corpus (`fuzz/corpus/workbook`, or
/// `SEMINARPLAN_FUZZ_SEEDS`): the template and the typed workbook saved by LibreOffice as
/// .xlsx and .ods, and the workbooks these tests write part by part. Not a test: run it
/// with `cargo test --test core workbook::fuzz_seeds -- --ignored` before a fuzz run
/// (fuzz/README.md).
#[test]
#[ignore = "writes the fuzz corpus; run on purpose"]
fn fuzz_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::var_os("SEMINARPLAN_FUZZ_SEEDS")
        .map_or_else(|| root.join("fuzz/corpus/workbook"), PathBuf::from);
    let dir = scratch("seeds");
    let template = root.join("demo/programme-mall.csv");
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for ext in ["xlsx", "ods"] {
        let made = soffice::convert(&template, ext, Some(soffice::SWEDISH_CSV), &dir);
        seeds.push((
            format!("template.{ext}"),
            std::fs::read(made).expect("made"),
        ));
        seeds.push((format!("typed.{ext}"), typed_workbook(ext, ("", ""), &dir)));
    }
    let day = |r: usize, id: &str, title: &str| {
        vec![
            s(&format!("A{r}"), id),
            n(&format!("B{r}"), 1, "46462"),
            n(&format!("C{r}"), 2, "0.375"),
            n(&format!("D{r}"), 2, "0.4166666666666667"),
            s(&format!("E{r}"), title),
            n(&format!("F{r}"), 3, "0.0625"),
        ]
    };
    let sheet = rows(&[header(), day(2, "x1", "Först"), day(3, "x2", "Sedan")]);
    let merged = format!(r#"{sheet}<mergeCells count="1"><mergeCell ref="E2:E3"/></mergeCells>"#);
    let uncalculated = sheet.replace(
        r#"<c r="D3" s="2"><v>0.4166666666666667</v></c>"#,
        r#"<c r="D3" s="2"><f>C3+TIME(1,0,0)</f></c>"#,
    );
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Titel</t></si><si><t>Start</t></si></sst>"#;
    let shared = r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" s="2"><v>0.5</v></c></row></sheetData>"#;
    let notes = rows(&[vec![s("A1", "Anteckningar"), s("B1", "Titel")]]);
    seeds.extend([
        (
            "merged.xlsx".into(),
            xlsx(&[("Program", &merged)], &[], false),
        ),
        (
            "date1904.xlsx".into(),
            xlsx(&[("Blad1", &sheet)], &[], true),
        ),
        (
            "uncalculated.xlsx".into(),
            xlsx(&[("P", &uncalculated)], &[], false),
        ),
        (
            "shared.xlsx".into(),
            xlsx(
                &[("P", shared)],
                &[("xl/sharedStrings.xml", strings)],
                false,
            ),
        ),
        (
            "sheets.xlsx".into(),
            xlsx(&[("Att göra", &notes), ("Programmet", &sheet)], &[], false),
        ),
        (
            "programme.ods".into(),
            ods(&format!(
                r#"<table:table table:name="Program">{ODS_PROGRAMME}</table:table>"#
            )),
        ),
    ]);
    std::fs::create_dir_all(&out).expect("the corpus directory");
    for (name, bytes) in &seeds {
        std::fs::write(out.join(name), bytes).expect("write a seed");
    }
    println!("{} seeds in {}", seeds.len(), out.display());
}

#[test]
fn the_words_of_the_limits_say_the_limits() {
    use seminarplan_core::import::workbook::{MAX_CELLS, MAX_EXPANDED, WorkbookIssue};
    let en = Lang::En.sheet_issue(&WorkbookIssue::TooLarge.worded());
    assert!(
        en.contains(&format!("{} MB", MAX_EXPANDED / (1024 * 1024))),
        "{en}"
    );
    let en = Lang::En.sheet_issue(&WorkbookIssue::TooManyCells.worded());
    let limit = format!("{},{:03}", MAX_CELLS / 1000, MAX_CELLS % 1000);
    assert!(en.contains(&limit), "{en}");
}
