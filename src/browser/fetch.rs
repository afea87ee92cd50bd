//! Fetches the programme file. The only place that makes a network request.
//!
//! The request is aborted after a timeout (headers and body together). What each failure
//! is called, and whether an answer can be a programme at all, is decided by
//! `seminarplan_core::loading`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestInit, Response};

use seminarplan_core::loading::{self, FetchFault};

/// The file's text, or why it could not be had. Gives up after `timeout_ms`.
pub async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, FetchFault> {
    let window = web_sys::window().ok_or(FetchFault::Network)?;
    let controller = AbortController::new().ok();
    let init = RequestInit::new();
    init.set_method("GET");
    // Never send cookies or credentials along with the programme request.
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    if let Some(controller) = &controller {
        init.set_signal(Some(&controller.signal()));
    }
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| FetchFault::BadUrl)?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timer (when this function returns) cancels it.
    let _timer = {
        let timed_out = timed_out.clone();
        gloo::timers::callback::Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            if let Some(controller) = controller {
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
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    // A body that fails after the headers arrived was cut short (or timed out). Read as
    // bytes: a spreadsheet saved by Swedish Excel is Windows-1252, not UTF-8 (`decode`).
    let body = response
        .array_buffer()
        .map_err(|_| failed(FetchFault::Truncated))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| failed(FetchFault::Truncated))?;
    let text = seminarplan_core::import::sheet::decode(&js_sys::Uint8Array::new(&body).to_vec());
    loading::check_body(&content_type, &text)?;
    Ok(text)
}
