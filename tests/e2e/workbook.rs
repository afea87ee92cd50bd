//! Workbooks end to end (issue 32), in one browser session: the template saved by
//! LibreOffice as .xlsx and as .ods shows the template CSV's programme, ids included, when
//! given as the widget's `src` (one served as Excel's type, one as nothing in particular:
//! recognised by content) and on the check page (a file given, and an address); a workbook
//! with typed cells, a merged block, a formula, other sheets and one mistake shows that
//! mistake at its cell on the check page, while the widget given it as its `src` shows
//! every other session and reports that one, as it does for a CSV.

use std::path::Path;

use serde_json::json;

use seminarplan_core::check::check;
use seminarplan_core::lang::Lang;

use super::browser::Browser;
use super::browser::Chromedriver;
use super::server::{Response, Server};
use super::{LAPTOP, open_widget, size_name};

#[path = "../support/soffice.rs"]
mod soffice;

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Records, from before the page's scripts, what the widget tells the organiser: the
/// `seminarplan-load` event and the console's errors (as tests/e2e/keep_plan.rs does).
const LISTEN: &str = "window.__told = { events: [], console: [] };
     addEventListener('seminarplan-load', e => window.__told.events.push(e.detail));
     const error = console.error;
     console.error = (...args) => { window.__told.console.push(args.join(' ')); error(...args); };";

/// The session ids of the cards the widget shows, in order.
async fn shown_ids(browser: &Browser) -> Vec<String> {
    let ids = browser
        .js(
            "return $qa('.sp-browse article.sp-card').map(c => c.dataset.session);",
            vec![],
        )
        .await;
    serde_json::from_value(ids).expect("the cards' ids")
}

/// Gives the check page's file input `file` and waits for its verdict.
async fn check_file(browser: &Browser, file: &Path) -> String {
    browser.goto("/check.html").await;
    browser
        .wait_for("seminar-plan-check >>> input.spc-file")
        .await;
    browser
        .find_nth("seminar-plan-check >>> input.spc-file", 0)
        .await
        .send_keys(&file.to_string_lossy())
        .await
        .expect("give the file input a file");
    browser
        .wait_for("seminar-plan-check >>> .spc-verdict")
        .await;
    browser.text("seminar-plan-check >>> .spc-verdict").await
}

/// A ZIP archive holding one text file, named as a workbook and served as one.
fn not_a_workbook() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("läs mig 😀.txt", zip::write::SimpleFileOptions::default())
        .expect("a file in the archive");
    zip.write_all("Titel;Start\nInget program här\n".as_bytes())
        .expect("its text");
    zip.finish().expect("the archive").into_inner()
}

#[tokio::test]
async fn workbooks_are_read_as_they_are_by_the_widget_and_the_check_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let template = root.join("demo/programme-mall.csv");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-workbook");
    let _ = std::fs::remove_dir_all(&dir);
    let xlsx = soffice::convert(&template, "xlsx", Some(soffice::SWEDISH_CSV), &dir);
    let ods = soffice::convert(&template, "ods", Some(soffice::SWEDISH_CSV), &dir);
    let typed = soffice::convert(
        &root.join("tests/fixtures/workbook/typed.fods"),
        "xlsx",
        None,
        &dir.join("typed"),
    );
    let csv_bytes = std::fs::read(&template).expect("the template");
    let csv_counts = check(&csv_bytes, Lang::Sv)
        .counts
        .expect("the template reads");
    let (xlsx_bytes, ods_bytes, typed_bytes) = (
        std::fs::read(&xlsx).expect("xlsx"),
        std::fs::read(&ods).expect("ods"),
        std::fs::read(&typed).expect("typed"),
    );
    let server = Server::builder()
        .route("/wb/mall.csv", move |_| {
            Response::ok("text/csv", csv_bytes.clone())
        })
        .route("/wb/mall.xlsx", move |_| {
            Response::ok(XLSX_TYPE, xlsx_bytes.clone())
        })
        .route("/wb/mall.ods", move |_| {
            Response::ok("application/octet-stream", ods_bytes.clone())
        })
        .route("/wb/typed.xlsx", move |_| {
            Response::ok(XLSX_TYPE, typed_bytes.clone())
        })
        .variant("csv", "/wb/mall.csv")
        .variant("xlsx", "/wb/mall.xlsx")
        .variant("ods", "/wb/mall.ods")
        .route("/wb/inte-en-bok.xlsx", move |_| {
            Response::ok(XLSX_TYPE, not_a_workbook())
        })
        .variant("typed", "/wb/typed.xlsx")
        .variant("zip", "/wb/inte-en-bok.xlsx")
        .start();
    let driver = Chromedriver::start("workbook");
    let browser = driver.open(&server, LAPTOP).await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": LISTEN }),
        )
        .await;

    // The widget's `src`: the same sessions, the same ids, as from the CSV.
    open_widget(&browser, "/page/csv?day=all").await;
    let from_csv = shown_ids(&browser).await;
    assert!(!from_csv.is_empty());
    for variant in ["xlsx", "ods"] {
        open_widget(&browser, &format!("/page/{variant}?day=all")).await;
        assert_eq!(browser.count(".sp-app .sp-error").await, 0, "{variant}");
        assert_eq!(shown_ids(&browser).await, from_csv, "{variant}");
        assert!(
            browser
                .text(".sp-header__title")
                .await
                .contains("Inköpsforum 2027"),
            "{variant}"
        );
    }
    browser.screenshot(&size_name("workbook-src", LAPTOP)).await;

    // A workbook with one mistake (F6) as the `src`: every other session is shown, the
    // visitor is told in a line, the organiser in the console and in `seminarplan-load`,
    // as for a CSV (the check page refuses it, below).
    open_widget(&browser, "/page/typed?day=all").await;
    assert_eq!(browser.count(".sp-app .sp-error").await, 0);
    let mut ids = shown_ids(&browser).await;
    ids.sort();
    assert_eq!(ids, ["a1", "b1", "b2"]);
    assert!(
        browser
            .text(r#".sp-notice[data-notice="SessionsLeftOut"]"#)
            .await
            .contains("Några programpunkter kan inte visas")
    );
    let told = browser
        .wait_until(
            "the load event",
            "return window.__told.events.length > 0 ? window.__told : null;",
            vec![],
        )
        .await;
    let problems = told["events"][0]["problems"].to_string();
    assert!(problems.contains("Slut (F6): 25:00"), "{told}");
    assert!(
        told["console"].to_string().contains("Slut (F6): 25:00"),
        "{told}"
    );

    // A ZIP that is no workbook: the visitor is told why, in the workbook reader's words.
    open_widget(&browser, "/page/zip").await;
    browser.wait_for(".sp-app .sp-error").await;
    let why = browser.text(".sp-app .sp-error .sp-error__list").await;
    assert!(
        why.contains("en ZIP-fil som varken är en Excel-arbetsbok (.xlsx) eller ett OpenDocument-kalkylark (.ods)"),
        "{why}"
    );

    // The check page: each workbook given as a file reads to the CSV's counts.
    for book in [&xlsx, &ods] {
        let verdict = check_file(&browser, book).await;
        assert_eq!(
            verdict,
            format!("Programmet går att visa (workbook (.xlsx/.ods)): {csv_counts}."),
            "{}",
            book.display()
        );
    }
    // … and given as an address.
    browser.goto("/check.html").await;
    browser.wait_for("seminar-plan-check >>> #spc-url").await;
    browser
        .find_nth("seminar-plan-check >>> #spc-url", 0)
        .await
        .send_keys(&server.url("/wb/mall.xlsx"))
        .await
        .expect("type the address");
    browser
        .click("seminar-plan-check >>> .spc-url button")
        .await;
    browser
        .wait_for("seminar-plan-check >>> .spc-verdict--ok")
        .await;
    assert!(
        browser
            .text("seminar-plan-check >>> .spc-verdict")
            .await
            .ends_with(&format!("{csv_counts}."))
    );

    // The one mistake of a typed workbook, at its cell.
    let verdict = check_file(&browser, &typed).await;
    assert_eq!(
        verdict,
        "Programmet kan inte visas: 1 problem måste rättas."
    );
    assert_eq!(
        browser
            .texts("seminar-plan-check >>> .spc-problems li")
            .await,
        ["rad 6, kolumn Slut (F6): 25:00 är ingen tid"]
    );
    browser
        .screenshot(&size_name("workbook-check", LAPTOP))
        .await;
    browser.close().await;
}
