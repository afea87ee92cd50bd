//! The organisers' check page (`check.html`, the `<seminar-plan-check>` element): pick or
//! drop a programme file, or paste its address; see every problem and warning at its
//! place, the widget's live preview beside them, the converted `seminarplan/1` file to
//! download and the snippet to paste. The report is made by `seminarplan_core::check`;
//! files are read and kept in this browser only.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{Element, HtmlInputElement, ShadowRoot};
use yew::AppHandle;
use yew::prelude::*;

use crate::browser::{download, fetch, file, mount, sheets};
use seminarplan_core::check::{Report, check, converted_name, snippet};
use seminarplan_core::lang::Lang;
use seminarplan_core::loading::Contents;
use seminarplan_core::snippet::{self as static_html, Pasted};

/// The check page's own style sheet (the preview widget brings its own).
const CHECK_CSS: &str = include_str!("../styles/check.css");
/// How long a pasted address may take to answer.
const FETCH_MS: u32 = 30_000;

#[derive(Properties, PartialEq)]
pub struct CheckPageProps {
    pub lang: Lang,
}

/// One checked file.
#[derive(PartialEq)]
struct Checked {
    /// The file's name or address.
    source: String,
    /// What the snippet's `src` says: the address, or where the downloaded file goes.
    src: Option<String>,
    report: Report,
    /// A local `blob:` copy of the converted file, for the preview.
    preview: Option<String>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading,
    Done(Rc<Checked>),
    FetchFailed(String),
}

/// Checks `bytes` and shows the result (releasing the previous preview copy).
fn finish(
    status: &UseStateHandle<Status>,
    previous: &Rc<RefCell<Option<String>>>,
    lang: Lang,
    (source, src, bytes): (String, Option<String>, Vec<u8>),
) {
    let report = check(&bytes, lang);
    let mut previous = previous.borrow_mut();
    let preview = report
        .document
        .as_deref()
        .and_then(|d| file::local_url(d, "application/json", previous.as_deref()));
    previous.clone_from(&preview);
    status.set(Status::Done(Rc::new(Checked {
        source,
        src,
        report,
        preview,
    })));
}

#[component]
pub fn CheckPage(props: &CheckPageProps) -> Html {
    let lang = props.lang;
    let status = use_state(|| Status::Idle);
    let previous = use_mut_ref(|| None::<String>);
    let url_input = use_node_ref();
    let read_files = {
        let (status, previous) = (status.clone(), previous.clone());
        Callback::from(move |files: Option<web_sys::FileList>| {
            status.set(Status::Reading);
            let (status, previous) = (status.clone(), previous.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match file::read_first(files).await {
                    Some((name, bytes)) => finish(&status, &previous, lang, (name, None, bytes)),
                    None => status.set(Status::Idle),
                }
            });
        })
    };
    let on_file = {
        let read = read_files.clone();
        Callback::from(move |e: Event| read.emit(file::input_files(&e)))
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        read_files.emit(file::dropped_files(&e));
    });
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_url = {
        let (status, previous, input) = (status.clone(), previous.clone(), url_input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(url) = input
                .cast::<HtmlInputElement>()
                .map(|i| i.value().trim().to_owned())
            else {
                return;
            };
            if url.is_empty() {
                return;
            }
            status.set(Status::Reading);
            let (status, previous) = (status.clone(), previous.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match fetch::fetch_text(&url, FETCH_MS).await {
                    Ok(contents) => {
                        let bytes = match contents {
                            Contents::Text(text) => text.into_bytes(),
                            Contents::Workbook(bytes) => bytes,
                        };
                        let source = (url.clone(), Some(url), bytes);
                        finish(&status, &previous, lang, source);
                    }
                    Err(fault) => status.set(Status::FetchFailed(
                        lang.check_fetch_failed(&lang.fetch_fault(&fault)),
                    )),
                }
            });
        })
    };
    let result = match &*status {
        Status::Idle => html! {},
        Status::Reading => html! { <p class="spc-reading">{ lang.check_reading() }</p> },
        Status::FetchFailed(why) => html! { <p class="spc-verdict spc-verdict--bad">{ why }</p> },
        Status::Done(checked) => html! { <CheckResult checked={checked.clone()} {lang} /> },
    };
    html! {
        <div class="spc" lang={lang.code()}>
            <p class="spc-intro">{ lang.check_intro() }</p>
            <div class="spc-inputs">
                <label class="spc-drop" ondrop={on_drop} ondragover={on_dragover}>
                    <span class="spc-drop__label">{ lang.check_file_label() }</span>
                    <input class="spc-file" type="file" accept=".csv,.tsv,.txt,.json,.xml,.xlsx,.ods,text/csv"
                        onchange={on_file} />
                    <span class="spc-drop__hint">{ lang.check_drop() }</span>
                </label>
                <form class="spc-url" onsubmit={on_url}>
                    <label for="spc-url">{ lang.check_url_label() }</label>
                    <input id="spc-url" type="url" ref={url_input} placeholder="https://" />
                    <button type="submit">{ lang.check_url_button() }</button>
                </form>
            </div>
            <div class="spc-result" aria-live="polite">{ result }</div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CheckResultProps {
    checked: Rc<Checked>,
    lang: Lang,
}

#[component]
fn CheckResult(props: &CheckResultProps) -> Html {
    let lang = props.lang;
    let checked = &props.checked;
    let report = &checked.report;
    let verdict = match (&report.format, &report.counts) {
        (Some(format), Some(counts)) if report.readable() => html! {
            <p class="spc-verdict spc-verdict--ok">{ lang.check_ok(format.describe(), counts) }</p>
        },
        _ => html! {
            <p class="spc-verdict spc-verdict--bad">{ lang.check_failed(report.problems.len()) }</p>
        },
    };
    let problems = (!report.problems.is_empty()).then(|| {
        html! {
            <>
                <h2 class="spc-heading">{ lang.check_problems() }</h2>
                <ol class="spc-problems">
                    { for report.problems.iter().map(|p| html! { <li>{ p }</li> }) }
                </ol>
            </>
        }
    });
    let warnings = if report.warnings.is_empty() {
        html! { <p class="spc-none">{ lang.check_no_warnings() }</p> }
    } else {
        html! {
            <ul class="spc-warnings">
                { for report.warnings.iter().map(|w| html! { <li>{ w }</li> }) }
            </ul>
        }
    };
    html! {
        <div class="spc-report">
            <section class="spc-findings">
                <p class="spc-source">{ &checked.source }</p>
                { verdict }
                { problems }
                <h2 class="spc-heading">{ lang.check_warnings() }</h2>
                { warnings }
                { publish(checked, lang) }
            </section>
            { preview(checked, lang) }
        </div>
    }
}

/// The download button and the snippet, for a readable programme.
fn publish(checked: &Checked, lang: Lang) -> Html {
    let (Some(document), Some(programme)) = (
        checked.report.document.clone(),
        checked.report.programme.clone(),
    ) else {
        return html! {};
    };
    let name = converted_name(&checked.source);
    let on_download = Callback::from(move |_: MouseEvent| {
        download::offer(&name, "application/json", &document);
    });
    let src = checked
        .src
        .clone()
        .unwrap_or_else(|| converted_name(&checked.source));
    html! {
        <>
            <button type="button" class="spc-download" onclick={on_download}>
                { lang.check_download() }
            </button>
            <h2 class="spc-heading">{ lang.check_snippet() }</h2>
            if checked.src.is_none() {
                <p>{ lang.check_snippet_file() }</p>
            }
            if let Some(missing) = &checked.report.search {
                <p class="spc-search">{ missing }</p>
            }
            <SnippetBox {programme} src={AttrValue::from(src)} {lang} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetBoxProps {
    programme: seminarplan_core::model::ProgrammeRef,
    src: AttrValue,
    lang: Lang,
}

/// The snippet to paste, with the programme inside as HTML and JSON-LD in the language the
/// organiser chooses (the page's, at first), to copy or download; and the comparison with
/// the snippet their page has now.
#[component]
fn SnippetBox(props: &SnippetBoxProps) -> Html {
    let lang = props.lang;
    let chosen = use_state(|| props.lang);
    let made = use_memo(
        (props.programme.clone(), props.src.clone(), *chosen),
        |(programme, src, chosen)| {
            let content = static_html::content(programme, *chosen, Some(src));
            let html = snippet(&file::loader_url(), src, *chosen, &content.html);
            (html, content.detail)
        },
    );
    let on_lang = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string());
            if let Some(value) = value {
                chosen.set(Lang::from_code(&value));
            }
        })
    };
    let on_snippet = {
        let made = made.clone();
        Callback::from(move |_: MouseEvent| {
            download::offer("snippet.html", "text/html", &made.0);
        })
    };
    let detail = made.1;
    let option = |l: Lang| {
        html! { <option value={l.code()} lang={l.code()} selected={*chosen == l}>{ l.own_name() }</option> }
    };
    html! {
        <>
            <p class="spc-snippet-lang">
                <label for="spc-snippet-lang">{ lang.snippet_lang_label() }</label>
                { " " }
                <select id="spc-snippet-lang" onchange={on_lang}>
                    { option(Lang::Sv) }
                    { option(Lang::En) }
                </select>
            </p>
            if detail != static_html::Detail::Whole {
                <p class="spc-lean">{ lang.snippet_lean(detail == static_html::Detail::WithoutSessionData) }</p>
            }
            <pre class="spc-snippet" tabindex="0"><code>{ made.0.clone() }</code></pre>
            <button type="button" class="spc-snippet-download" onclick={on_snippet}>
                { lang.snippet_download() }
            </button>
            <SnippetAge programme={props.programme.clone()} {lang} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetAgeProps {
    programme: seminarplan_core::model::ProgrammeRef,
    lang: Lang,
}

/// A box for the snippet the organiser's page has now, and whether it is older than the
/// file (`snippet::compare`).
#[component]
fn SnippetAge(props: &SnippetAgeProps) -> Html {
    let lang = props.lang;
    let pasted = use_state(String::new);
    let on_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string());
            if let Some(value) = value {
                pasted.set(value);
            }
        })
    };
    let verdict = (!pasted.trim().is_empty()).then(|| {
        let (class, text) = match static_html::compare(&pasted, &props.programme) {
            Pasted::Current => (
                "spc-verdict spc-verdict--ok",
                lang.snippet_current().to_owned(),
            ),
            Pasted::Outdated { revision } => (
                "spc-verdict spc-verdict--bad",
                lang.snippet_outdated(revision.as_deref(), props.programme.revision.as_deref()),
            ),
            Pasted::NotFound => (
                "spc-verdict spc-verdict--bad",
                lang.snippet_not_found().to_owned(),
            ),
        };
        html! { <p class={class}>{ text }</p> }
    });
    html! {
        <div class="spc-age">
            <label for="spc-pasted">{ lang.snippet_paste_label() }</label>
            <textarea id="spc-pasted" class="spc-pasted" rows="3" oninput={on_input} />
            <div aria-live="polite">{ verdict.unwrap_or_default() }</div>
        </div>
    }
}

/// The widget itself, reading the converted file from its local copy.
fn preview(checked: &Checked, lang: Lang) -> Html {
    let Some(src) = checked.preview.clone() else {
        return html! {};
    };
    html! {
        <section class="spc-preview">
            <h2 class="spc-heading">{ lang.check_preview() }</h2>
            <seminar-plan src={src} lang={lang.code()} namespace="seminarplan-check" url="none"></seminar-plan>
        </section>
    }
}

/// Starts the check page for `host` (`<seminar-plan-check lang="en">`) inside `root`.
pub fn mount(host: &Element, root: &ShadowRoot) -> Option<AppHandle<CheckPage>> {
    let lang = mount::settings(host).lang;
    sheets::adopt(root, "check", CHECK_CSS);
    let container = host.owner_document()?.create_element("div").ok()?;
    root.set_text_content(None);
    root.append_child(&container).ok()?;
    Some(
        yew::Renderer::<CheckPage>::with_root_and_props(container, CheckPageProps { lang })
            .render(),
    )
}
