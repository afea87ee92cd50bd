//! Spreadsheets end to end: the widget shows a sheet saved by Swedish Excel (Windows-1252,
//! `;`, CRLF) given by `src`; the organisers' check page lists a broken sheet's problems at
//! their row and column, and shows a good one in the live preview with the snippet.

use super::browser::{Browser, Chromedriver};
use super::server::{Response, Server};
use super::{LAPTOP, card, open_widget, size_name};
use serde_json::json;

fn fixture(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sheet/").to_owned() + name
}

#[tokio::test]
async fn the_widget_shows_an_excel_sheet_given_by_src() {
    let bytes = std::fs::read(fixture("excel-sv.csv")).expect("the Excel fixture");
    let server = Server::builder()
        .route("/sheet/programme.csv", move |_| {
            Response::ok("text/csv", bytes.clone())
        })
        .variant("sheet", "/sheet/programme.csv")
        .start();
    let driver = Chromedriver::start("sheet_src");
    let browser = driver.open(&server, LAPTOP).await;
    open_widget(&browser, "/page/sheet?day=all").await;
    browser.wait_for(&card("b3")).await;
    assert_eq!(browser.count(".sp-browse article.sp-card").await, 5);
    // Windows-1252 decoded: the en dash, å ä ö and the euro sign.
    assert!(
        browser
            .text(&card("a1"))
            .await
            .contains("Välkommen – öppning")
    );
    assert!(
        browser
            .text(&card("b3"))
            .await
            .contains("Kategoristyrning €")
    );
    // A quoted cell with the separator and doubled quotes.
    assert!(
        browser
            .text(&card("b1"))
            .await
            .contains("Avtal; uppföljning och \"vite\"")
    );
    assert!(
        browser
            .text(".sp-header__title")
            .await
            .contains("Länsträffen 2027")
    );
    browser.screenshot(&size_name("sheet-src", LAPTOP)).await;
    browser.close().await;
}

/// Opens a check page and gives its file input the fixture `name`.
async fn check_file(browser: &Browser, page: &str, name: &str) {
    browser.goto(page).await;
    browser
        .wait_for("seminar-plan-check >>> input.spc-file")
        .await;
    browser
        .find_nth("seminar-plan-check >>> input.spc-file", 0)
        .await
        .send_keys(&fixture(name))
        .await
        .expect("give the file input a file");
}

#[tokio::test]
async fn the_check_page_places_a_broken_sheets_problems() {
    let server = Server::start();
    let driver = Chromedriver::start("check_broken");
    let browser = driver.open(&server, LAPTOP).await;
    check_file(&browser, "/check.html", "broken.csv").await;
    browser
        .wait_until(
            "the problems to be listed",
            "return $qa('seminar-plan-check >>> .spc-problems li').length === 7;",
            vec![],
        )
        .await;
    let problems = browser
        .texts("seminar-plan-check >>> .spc-problems li")
        .await;
    assert_eq!(problems[0], "rad 2, kolumn Slut: 10.75 är ingen tid");
    assert_eq!(problems[4], "rad 7, kolumn Id: id x6 finns redan på rad 6");
    assert_eq!(
        browser.text("seminar-plan-check >>> .spc-verdict").await,
        "Programmet kan inte visas: 7 problem måste rättas."
    );
    // Nothing to preview, download or paste.
    assert_eq!(
        browser.count("seminar-plan-check >>> .spc-preview").await,
        0
    );
    assert_eq!(
        browser.count("seminar-plan-check >>> .spc-download").await,
        0
    );
    browser.screenshot(&size_name("check-broken", LAPTOP)).await;
    browser.close().await;
}

#[tokio::test]
async fn the_check_page_previews_a_good_sheet_and_gives_the_snippet() {
    let server = Server::start();
    let driver = Chromedriver::start("check_good");
    let browser = driver.open(&server, LAPTOP).await;
    check_file(&browser, "/check-en.html", "clashes.csv").await;
    browser
        .wait_for("seminar-plan-check >>> .spc-verdict--ok")
        .await;
    assert_eq!(
        browser.text("seminar-plan-check >>> .spc-verdict").await,
        "The programme can be shown (spreadsheet (CSV/TSV)): 1 day, 3 rooms, 5 sessions, 1 speaker."
    );
    let warnings = browser
        .texts("seminar-plan-check >>> .spc-warnings li")
        .await;
    assert!(
        warnings
            .contains(&"row 3, column Lokal: Sal A is booked at the same time on row 2".to_owned()),
        "{warnings:?}"
    );
    // The live preview: the widget itself, inside the check page, reading the converted file.
    let cards = browser
        .wait_until(
            "the preview to show the sessions",
            "const host = document.querySelector('seminar-plan-check');
             const plan = host && host.shadowRoot.querySelector('seminar-plan');
             const cards = plan && plan.shadowRoot
                 ? plan.shadowRoot.querySelectorAll('article.sp-card') : [];
             return cards.length > 0 ? Array.from(cards, c => c.textContent) : null;",
            vec![],
        )
        .await;
    let cards = cards.as_array().expect("the preview's cards");
    assert!(
        cards
            .iter()
            .any(|c| c.as_str().unwrap_or("").contains("Tredje")),
        "{cards:?}"
    );
    let snippet = browser.text("seminar-plan-check >>> .spc-snippet").await;
    assert!(
        snippet.contains(
            "<seminar-plan src=\"clashes.json\" lang=\"en\"> <div class=\"seminarplan-static\""
        ),
        "{snippet}"
    );
    assert!(
        snippet.contains("/seminar-plan.js\"></script>"),
        "{snippet}"
    );
    assert_eq!(
        browser.count("seminar-plan-check >>> .spc-download").await,
        1
    );
    // The organiser chooses the snippet's language.
    browser
        .js(
            "const select = $q('seminar-plan-check >>> #spc-snippet-lang');
             select.value = 'sv';
             select.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![],
        )
        .await;
    let swedish = browser
        .wait_until(
            "the snippet in Swedish",
            "const t = $q('seminar-plan-check >>> .spc-snippet').textContent;
             return t.includes('lang=\"sv\">') && t.includes('Lokal: Sal A') ? t : null;",
            vec![],
        )
        .await;
    assert!(
        swedish
            .as_str()
            .is_some_and(|t| t.contains("<seminar-plan src=\"clashes.json\" lang=\"sv\">")),
        "{swedish}"
    );
    // The sheet names no venue or city: the page asks for them, for search engines.
    let search = browser.text("seminar-plan-check >>> .spc-search").await;
    assert!(
        search.contains("the venue") && search.contains("the city"),
        "{search}"
    );
    // A snippet pasted from the page is compared with the file: the one just made matches,
    // one made from an earlier version (another fingerprint) is older.
    const PASTE: &str = "const area = $q('seminar-plan-check >>> .spc-pasted');
         area.value = arguments[0];
         area.dispatchEvent(new Event('input', { bubbles: true }));
         return true;";
    const VERDICT: &str = "const v = $q('seminar-plan-check >>> .spc-age .spc-verdict');
         return v && v.textContent.includes(arguments[0]) ? v.textContent : null;";
    let made = browser
        .js(
            "return $q('seminar-plan-check >>> .spc-snippet').textContent;",
            vec![],
        )
        .await;
    browser.js(PASTE, vec![made.clone()]).await;
    browser
        .wait_until(
            "the pasted snippet to match",
            VERDICT,
            vec![json!("matches the file")],
        )
        .await;
    let made = made.as_str().unwrap_or_default();
    let at = made
        .find("data-seminarplan-fingerprint=\"")
        .expect("a fingerprint")
        + 30;
    let older = format!("{}0000000000000000{}", &made[..at], &made[at + 16..]);
    browser.js(PASTE, vec![json!(older)]).await;
    browser
        .wait_until(
            "the pasted snippet to be older",
            VERDICT,
            vec![json!("is older than the file")],
        )
        .await;
    browser.screenshot(&size_name("check-good", LAPTOP)).await;
    browser.close().await;
}

/// Watches every frame, from before the page's own scripts, for a large file's first
/// sessions (`.sp-preview`), and keeps what the first such frame showed.
const PREVIEW_WATCH: &str = r#"(() => {
  const deep = (sel) => {
    const found = [...document.querySelectorAll(sel)];
    for (const h of document.querySelectorAll('seminar-plan')) {
      if (h.shadowRoot) found.push(...h.shadowRoot.querySelectorAll(sel));
    }
    return found;
  };
  const look = () => {
    const preview = deep('.sp-preview')[0];
    if (preview && preview.querySelector('.sp-card')) {
      window.__spPreview = {
        cards: preview.querySelectorAll('.sp-card').length,
        buttons: preview.querySelectorAll('button, a, [tabindex]').length,
        status: (preview.querySelector('[role=status]') || {}).textContent || '',
        busy: preview.getAttribute('aria-busy'),
        first: (preview.querySelector('.sp-card__title') || {}).textContent || '',
      };
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();"#;

#[tokio::test]
async fn a_large_sheet_shows_its_first_sessions_while_the_rest_is_read() {
    // 5,000 rows, 7 MB: the size where reading the whole file takes a while on a phone.
    let csv = seminarplan_core::generate::programme_csv(5_000, 11);
    let bytes = csv.into_bytes();
    let server = Server::builder()
        .route("/big/programme.csv", move |_| {
            Response::ok("text/csv; charset=utf-8", bytes.clone())
        })
        .variant("big", "/big/programme.csv")
        .start();
    let driver = Chromedriver::start("sheet_preview");
    let browser = driver.open(&server, LAPTOP).await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": PREVIEW_WATCH }),
        )
        .await;
    open_widget(&browser, "/page/big").await;
    let seen = browser
        .js("return window.__spPreview ?? null;", vec![])
        .await;
    assert!(
        !seen.is_null(),
        "the first sessions were never shown before the whole file was read"
    );
    let cards = seen["cards"].as_u64().unwrap_or(0);
    assert!((1..=24).contains(&cards), "{seen}");
    // To read, not yet to choose: nothing to press, and the visitor is told why.
    assert_eq!(seen["buttons"].as_u64(), Some(0), "{seen}");
    assert_eq!(seen["busy"].as_str(), Some("true"), "{seen}");
    assert!(
        seen["status"]
            .as_str()
            .unwrap_or_default()
            .contains("Resten av programmet laddas"),
        "{seen}"
    );
    // The whole programme then shows from the same first session, and can be chosen from.
    let first = seen["first"].as_str().unwrap_or_default().to_owned();
    assert!(!first.is_empty(), "{seen}");
    assert_eq!(
        browser
            .text(".sp-browse article.sp-card .sp-card__title")
            .await,
        first
    );
    assert_eq!(browser.count(".sp-preview").await, 0);
    assert!(browser.count(".sp-browse article.sp-card .sp-star").await > 0);
    browser.close().await;
}

/// A sheet of one shape and what the check page must show for it.
struct Shape {
    file: &'static str,
    verdict: &'static str,
    /// Every problem, at the row and column the spreadsheet program shows.
    problems: &'static [&'static str],
    /// Some of the warnings.
    warnings: &'static [&'static str],
    /// A title the live preview shows (good sheets only).
    shows: Option<&'static str>,
}

const SHAPES: &[Shape] = &[
    Shape {
        file: "shapes/excel-sv-se.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 2 dagar, 5 lokaler, 8 programpunkter, 4 talare.",
        problems: &[],
        warnings: &[
            "rad 12, kolumn Slut: slutar 01:00 dagen efter (sluttiden är före starttiden)",
            "kolumn Datum: tomt datum på rad 7–12, 14: samma dag som raden ovanför",
            "Rad 1, 16–17 är ingen programpunkt (bara en cell ifylld, eller varken titel eller starttid) och används inte",
        ],
        shows: Some("Arkivlagen i praktiken"),
    },
    Shape {
        file: "shapes/excel-en-us.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 2 dagar, 6 lokaler, 6 programpunkter, 3 talare.",
        problems: &[],
        warnings: &["rad 3, kolumn Notes: okänd kolumn, används inte"],
        shows: Some("Appraisal in e-archives"),
    },
    Shape {
        file: "shapes/mac-excel.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 2 dagar, 4 lokaler, 5 programpunkter, 3 talare.",
        problems: &[],
        warnings: &[
            "rad 5, kolumn Status: okänd status Preliminär, visas som öppen (skriv fullbokad, inställd eller lämna tomt)",
        ],
        shows: Some("Öppning: arkiven och AI"),
    },
    Shape {
        file: "shapes/mac-excel-broken.csv",
        verdict: "Programmet kan inte visas: 2 problem måste rättas.",
        problems: &[
            "rad 4, kolumn Start: halv elva är ingen tid",
            "rad 5, kolumn Datum: 2027-04-31 är inget datum",
        ],
        warnings: &[],
        shows: None,
    },
    Shape {
        file: "shapes/libreoffice.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 2 dagar, 4 lokaler, 5 programpunkter, 3 talare.",
        problems: &[],
        warnings: &[],
        shows: Some("Arkivnatt i magasinet"),
    },
    Shape {
        file: "shapes/google-sheets-sv.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 2 dagar, 5 lokaler, 7 programpunkter, 4 talare.",
        problems: &[],
        warnings: &[
            "kolumn Pass: tomt pass på rad 8, 11: samma pass som raden ovanför, som börjar samma dag och tid",
        ],
        shows: Some("Arkivlagen i praktiken"),
    },
    Shape {
        file: "shapes/google-sheets-us.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 3 dagar, 3 lokaler, 4 programpunkter, 1 talare.",
        problems: &[],
        warnings: &[],
        shows: Some("Pre-conference webinar"),
    },
    Shape {
        file: "shapes/google-sheets-us-ambiguous.csv",
        verdict: "Programmet kan inte visas: 1 problem måste rättas.",
        problems: &[
            "rad 2, kolumn Date: 4/1/2027 kan vara både dag/månad och månad/dag, och det kan alla datum med / i arket: skriv datumen som 2027-03-16 eller 16 mars 2027",
        ],
        warnings: &[],
        shows: None,
    },
    Shape {
        file: "shapes/numbers.csv",
        verdict: "Programmet går att visa (spreadsheet (CSV/TSV)): 2 dagar, 3 lokaler, 3 programpunkter, 0 talare.",
        problems: &[],
        warnings: &[],
        shows: Some("Öppning: arkiven och AI"),
    },
    Shape {
        file: "shapes/excel-sv-sep.csv",
        verdict: "Programmet kan inte visas: 1 problem måste rättas.",
        problems: &["rad 4, kolumn Slut: 25.00 är ingen tid"],
        warnings: &[],
        shows: None,
    },
];

/// Issue 27: sheets of every shape a committee produces (Excel sv-SE and en-US, Mac Excel,
/// LibreOffice, Google Sheets in Swedish and US locales, Numbers) go through the check
/// page one after another: each shows its programme in the live preview, or its problems
/// at the row and column the spreadsheet program shows, in words.
#[tokio::test]
async fn the_check_page_reads_sheets_of_every_shape() {
    let server = Server::start();
    let driver = Chromedriver::start("check_shapes");
    let browser = driver.open(&server, LAPTOP).await;
    browser.goto("/check.html").await;
    browser
        .wait_for("seminar-plan-check >>> input.spc-file")
        .await;
    for shape in SHAPES {
        let name = shape.file.rsplit('/').next().unwrap_or(shape.file);
        browser
            .find_nth("seminar-plan-check >>> input.spc-file", 0)
            .await
            .send_keys(&fixture(shape.file))
            .await
            .expect("give the file input a file");
        let shown = browser
            .wait_until(
                &format!("the check of {name}"),
                "const root = document.querySelector('seminar-plan-check').shadowRoot;
                 const text = (sel) => (root.querySelector(sel) || {}).textContent || '';
                 if (text('.spc-source') !== arguments[0]) return null;
                 return {
                   verdict: text('.spc-verdict'),
                   problems: Array.from(root.querySelectorAll('.spc-problems li'), li => li.textContent),
                   warnings: Array.from(root.querySelectorAll('.spc-warnings li'), li => li.textContent),
                 };",
                vec![name.into()],
            )
            .await;
        assert_eq!(shown["verdict"], shape.verdict, "{name}: {shown}");
        let list = |key: &str| -> Vec<String> {
            shown[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(list("problems"), shape.problems, "{name}");
        let warnings = list("warnings");
        for w in shape.warnings {
            assert!(
                warnings.contains(&(*w).to_owned()),
                "{name}: {w}\n{warnings:#?}"
            );
        }
        if let Some(title) = shape.shows {
            browser
                .wait_until(
                    &format!("the preview of {name} to show {title}"),
                    "const host = document.querySelector('seminar-plan-check');
                     const plan = host.shadowRoot.querySelector('seminar-plan');
                     const titles = plan && plan.shadowRoot
                         ? Array.from(plan.shadowRoot.querySelectorAll('.sp-card__title'),
                                      t => t.textContent) : [];
                     return titles.includes(arguments[0]) ? true : null;",
                    vec![title.into()],
                )
                .await;
        }
    }
    browser.screenshot(&size_name("check-shapes", LAPTOP)).await;
    browser.close().await;
}
