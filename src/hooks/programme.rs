//! `use_programme`: loads the programme file (again on "try again"), falling back to the
//! last good copy kept in the browser, and gives the widget the programme's colours.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{fetch, importer, storage, theme_sheet, timing};
use crate::context::Store;
use seminarplan_core::import::{self, Summary, handoff};
use seminarplan_core::lang::Lang;
use seminarplan_core::loading::{self, Contents, LeftOut, LoadError};
use seminarplan_core::model::ProgrammeRef;
use seminarplan_core::saved;
use seminarplan_core::state::{Action, Stale};

/// A programme file as it arrived as a programme, with the text to keep as the offline
/// copy, or its problems. Our own format and spreadsheets are read here; another tool's
/// format goes to the importer, and a workbook (.xlsx, .ods) as its bytes to the workbook
/// reader, each loaded the first time a file needs it (`browser::importer`), and comes back
/// as a document in our format, which is what is kept, so an offline visit needs neither.
async fn read(contents: Contents) -> Result<(ProgrammeRef, String, LeftOut), LoadError> {
    let contents = match contents {
        Contents::Text(text) => match import::read_here(&text) {
            Some(here) => {
                let (programme, summary) = here.map_err(LoadError::Invalid)?;
                warn(&summary);
                let left_out = LeftOut(summary.left_out);
                return Ok((ProgrammeRef(Rc::new(programme)), text, left_out));
            }
            None => Contents::Text(text),
        },
        workbook => workbook,
    };
    let answer = importer::convert(&contents)
        .await
        .map_err(LoadError::Fetch)?;
    from_importer(&answer)
}

/// The importer's answer, read by this module's own parser: a workbook's sessions left
/// out (the workbook reader reads it as a CSV is read here) are reported as a CSV's are.
fn from_importer(answer: &str) -> Result<(ProgrammeRef, String, LeftOut), LoadError> {
    let (programme, document, summary) = handoff::read(answer).map_err(LoadError::Invalid)?;
    warn(&summary);
    let programme = ProgrammeRef(Rc::new(programme));
    Ok((programme, document.to_owned(), LeftOut(summary.left_out)))
}

/// Tells the organiser, in the console, every session left out and why, and how many
/// problems were repaired on the way.
fn warn(summary: &Summary) {
    if !summary.left_out.is_empty() {
        let problems: Vec<String> = (summary.left_out.iter())
            .map(|e| format!("- {}", Lang::En.problem(e)))
            .collect();
        web_sys::console::error_1(
            &format!(
                "Seminarplan: sessions with problems are not shown; fix them in the programme file (check.html or seminarplan-check list them all):\n{}",
                problems.join("\n")
            )
            .into(),
        );
    }
    if summary.warnings > 0 {
        web_sys::console::warn_1(
            &format!(
                "Seminarplan: {} repaired {} problem(s) in the programme file; run seminarplan-check for details.",
                summary.format, summary.warnings
            )
            .into(),
        );
    }
}

/// Where the demo programme is, relative to the page: Trunk copies `demo/programme.json`
/// there (`index.html`).
pub const DEMO_SRC: &str = "demo/programme.json";

/// What the widget does with a programme file's first bytes while the rest arrives: a
/// file that will need the importer starts it loading, and a large file in our format or a
/// spreadsheet shows its first sessions (`Action::Preview`). Says whether to let the page
/// paint them before reading on.
fn watcher(preview: impl Fn(Action)) -> impl FnMut(&[u8], Option<u64>, f64) -> bool {
    let (mut first, mut tries) = (true, loading::PreviewTries::default());
    move |so_far, length, elapsed_ms| {
        if std::mem::take(&mut first) && import::needs_importer(so_far) {
            importer::prefetch();
        }
        if !tries.due(so_far.len(), length, elapsed_ms) {
            return false;
        }
        let Some(programme) = import::preview(so_far) else {
            return false;
        };
        tries.shown();
        preview(Action::Preview(ProgrammeRef(Rc::new(programme))));
        timing::mark("seminarplan:preview");
        true
    }
}

/// A programme just fetched, to keep as the last good copy once it is painted: the
/// address, the programme's id and the text (`None` when it is too large to keep).
struct ToKeep {
    src: AttrValue,
    id: String,
    text: Option<String>,
}

/// Loads the programme and says what to show, and what to keep as the offline copy after
/// the first paint (the plan has already followed the address, `storage::follow_address`).
/// When the file cannot be fetched or read, the last good copy kept in the browser is
/// shown instead, marked as possibly out of date; without one, the error is shown with the
/// plan saved for this address. A large file's first sessions go to `preview` while the
/// rest is read.
async fn load(
    src: Option<AttrValue>,
    namespace: AttrValue,
    timeout_ms: u32,
    preview: impl Fn(Action),
) -> (Vec<Action>, Option<ToKeep>) {
    // Without a `src` (the loader always passes the demo's address), the demo beside
    // the page: it is fetched like any programme, so the widget's code does not carry it.
    let url = src.unwrap_or(AttrValue::Static(DEMO_SRC));
    let fresh = match fetch::fetch_text_seeing(&url, timeout_ms, watcher(preview)).await {
        Ok(contents) => {
            timing::mark("seminarplan:fetched");
            read(contents).await
        }
        Err(fault) => Err(LoadError::Fetch(fault)),
    };
    let why = match fresh {
        Ok((programme, text, left_out)) => {
            timing::mark("seminarplan:read");
            storage::follow_address(&namespace, &url, &programme.id);
            let keep = ToKeep {
                src: url,
                id: programme.id.clone(),
                // A text too large to keep is let go now, not held until it is kept.
                text: (text.len() <= loading::MAX_CACHED_TEXT).then_some(text),
            };
            let actions = vec![Action::Loaded(programme), Action::LeftOut(left_out)];
            return (actions, Some(keep));
        }
        Err(why) => why,
    };
    let kept = storage::kept_programme(&namespace, &url);
    let again = match kept.as_ref().and_then(|kept| kept.text.clone()) {
        Some(text) => read(Contents::Text(text)).await.ok(),
        None => None,
    };
    if let (Some(kept), Some((programme, _, left_out))) = (&kept, again) {
        let stale = Stale {
            why,
            fetched_ms: kept.fetched_ms,
        };
        let actions = vec![
            Action::LoadedStale(programme, stale),
            Action::LeftOut(left_out),
        ];
        return (actions, None);
    }
    let plan = kept
        .and_then(|kept| storage::peek_plan(&saved::key(&namespace, &kept.id)))
        .filter(|plan| !plan.starred.is_empty());
    let mut actions = vec![Action::Failed(why)];
    actions.extend(plan.map(Action::OfflinePlan));
    (actions, None)
}

/// How long the visitor must have paused before the offline copy is written.
const KEEP_AFTER_MS: i32 = 1000;

/// Keeps the programme as the offline copy once the first sessions are painted, the
/// visitor has paused for a second, and the page is idle: writing a large copy holds the
/// page for a while on a phone, and a visitor's first keystroke (with the search index it
/// needs) and their typing and tapping come first (issue 29: written at the first idle
/// moment, it came before the first keystroke, or between two).
async fn keep(namespace: &str, keep: ToKeep) {
    timing::painted().await;
    timing::pause(KEEP_AFTER_MS).await;
    timing::idle().await;
    storage::keep_programme(namespace, &keep.src, &keep.id, keep.text.as_deref());
    timing::mark("seminarplan:kept");
}

/// Loads the programme from `src` (the demo beside the page without one) at start and at each
/// new attempt, and installs its theme colours in the root `root` lives in.
#[hook]
pub fn use_programme(
    store: &UseReducerHandle<Store>,
    src: Option<AttrValue>,
    namespace: &AttrValue,
    timeout: Option<AttrValue>,
    root: &NodeRef,
) {
    {
        let dispatch = store.dispatcher();
        let namespace = namespace.clone();
        let root = root.clone();
        let timeout = seminarplan_core::loading::timeout_ms(timeout.as_deref());
        use_effect_with((src, store.0.loading.attempt), move |(src, _)| {
            let src = src.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let preview = {
                    let dispatch = dispatch.clone();
                    move |action| dispatch.dispatch(action)
                };
                let (actions, to_keep) = load(src, namespace.clone(), timeout, preview).await;
                for action in actions {
                    // The colours go in before the sessions are drawn: put in after the
                    // first paint, they made the browser restyle the whole widget just
                    // when a visitor may start typing (issue 29).
                    if let (Action::Loaded(p) | Action::LoadedStale(p, _), Some(root)) =
                        (&action, root.get())
                    {
                        theme_sheet::install(&root, p);
                    }
                    dispatch.dispatch(action);
                }
                if let Some(to_keep) = to_keep {
                    keep(&namespace, to_keep).await;
                }
            });
        });
    }
    let root = root.clone();
    // The colours go with the first sessions of a large file too.
    let shown = store.0.programme().or(store.0.loading.preview.as_ref());
    use_effect_with(shown.cloned(), move |programme| {
        if let (Some(p), Some(root)) = (programme, root.get()) {
            theme_sheet::install(&root, p);
        }
    });
}
