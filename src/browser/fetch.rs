//! Fetches the programme file. The only place that makes a network request.
//!
//! The request is aborted after a timeout (headers and body together). A file larger than
//! the limit is refused by its `Content-Length` before its body is read, and the body is
//! read as a stream that stops the moment it passes the limit (a server may send no
//! length, or a false one). What each failure is called, and whether an answer can be a
//! programme at all, is decided by `seminarplan_core::loading`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, Request, RequestInit, Response};

use super::timing;
use seminarplan_core::loading::{self, Body, Contents, FetchFault};

/// The file's text (or a workbook's bytes), or why it could not be had. Gives up after
/// `timeout_ms`.
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<Contents, FetchFault> {
    fetch_text_seeing(url, timeout_ms, |_, _, _| false).await
}

/// [`fetch_text`], showing the body so far to `watch` after each chunk, with the length
/// the server gave and the milliseconds since the body began: the widget starts loading
/// the importer from the first bytes when the file will need it, and shows a large file's
/// first sessions while the rest arrives.
/// When `watch` says `true`, the page is painted before the body is read on.
pub async fn fetch_text_seeing(
    url: &str,
    timeout_ms: u32,
    watch: impl FnMut(&[u8], Option<u64>, f64) -> bool,
) -> Result<Contents, FetchFault> {
    let window = web_sys::window().ok_or(FetchFault::Network)?;
    let controller = Rc::new(AbortController::new().ok());
    let init = RequestInit::new();
    init.set_method("GET");
    // Never send cookies or credentials along with the programme request.
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    if let Some(controller) = controller.as_ref() {
        init.set_signal(Some(&controller.signal()));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| FetchFault::BadUrl)?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timer (when this function returns) cancels it.
    let _timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        gloo::timers::callback::Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            if let Some(controller) = controller.as_ref() {
                controller.abort();
            }
        })
    };
    let failed = |fault: FetchFault| {
        if timed_out.get() {
            FetchFault::Timeout
        } else {
            fault
        }
    };
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| failed(FetchFault::Network))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| failed(FetchFault::Network))?;
    if let Some(fault) = loading::status_fault(response.status()) {
        return Err(fault);
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let length_header = header("content-length");
    if let Some(fault) = loading::length_fault(length_header.as_deref()) {
        if let Some(controller) = controller.as_ref() {
            controller.abort();
        }
        return Err(fault);
    }
    let content_type = header("content-type").unwrap_or_default();
    let length = length_header.and_then(|l| l.trim().parse().ok());
    // A body that fails after the headers arrived was cut short (or timed out).
    let contents = read_body(&response, length, watch).await.map_err(|fault| {
        if fault == FetchFault::TooLarge {
            if let Some(controller) = controller.as_ref() {
                controller.abort();
            }
            fault
        } else {
            failed(fault)
        }
    })?;
    if let Contents::Text(text) = &contents {
        loading::check_body(&content_type, text)?;
    }
    Ok(contents)
}

/// Reads the body chunk by chunk, giving up as soon as it passes the limit; `watch` sees
/// the body so far after each chunk, and may ask for a paint before reading on.
async fn read_body(
    response: &Response,
    length: Option<u64>,
    mut watch: impl FnMut(&[u8], Option<u64>, f64) -> bool,
) -> Result<Contents, FetchFault> {
    let Some(stream) = response.body() else {
        return Ok(Contents::Text(String::new()));
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Body::expecting(length);
    let start = timing::now();
    loop {
        let next = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchFault::Truncated)?;
        let field = |name: &str| js_sys::Reflect::get(&next, &name.into()).ok();
        if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(body.contents());
        }
        let chunk = field("value")
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            .ok_or(FetchFault::Truncated)?;
        if !body.fits(chunk.length() as usize) {
            let _ = reader.cancel();
            return Err(FetchFault::TooLarge);
        }
        body.push(&chunk.to_vec())?;
        if watch(body.bytes(), length, timing::now() - start) {
            timing::painted().await;
        }
    }
}
