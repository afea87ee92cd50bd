//! The lazily loaded importer: the second wasm module (`seminarplan-import`) that reads
//! every format but our own. The loader (`web/seminar-plan.js`) installs, once the first
//! module runs, a function that loads the importer the first time a file needs it and
//! converts the file's text to the handoff text of `seminarplan_core::import::handoff`.
//! The widget's first module therefore carries none of the other readers.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use seminarplan_core::loading::{Contents, FetchFault};

thread_local! {
    /// The loader's `convert(text) → Promise<string>`, when it gave one.
    static CONVERT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the loader's conversion function (called once, when the first module starts).
pub fn install(convert: js_sys::Function) {
    CONVERT.with(|c| *c.borrow_mut() = Some(convert));
}

/// Starts loading the importer now, for a file that will need it (`import::needs_importer`
/// on its first bytes), so that it arrives while the rest of the file does. Whether it
/// loads is seen when [`convert`] is called.
pub fn prefetch() {
    let Some(convert) = CONVERT.with(|c| c.borrow().clone()) else {
        return;
    };
    // Called without a text, the loader's function only loads the importer.
    if let Ok(promise) = convert.call0(&JsValue::NULL)
        && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
    {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Hands a file's text to the importer, or a workbook's bytes (a `Uint8Array`) to the
/// workbook reader (the loader's function tells them apart and loads the one needed), and
/// waits for its answer. Its code could not be loaded (offline, blocked, or no loader gave
/// the function): a network fault, so the kept copy of the programme is shown if there is
/// one.
pub async fn convert(contents: &Contents) -> Result<String, FetchFault> {
    let input = match contents {
        Contents::Text(text) => JsValue::from_str(text),
        Contents::Workbook(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
    };
    let convert = CONVERT
        .with(|c| c.borrow().clone())
        .ok_or(FetchFault::Network)?;
    let promise = convert
        .call1(&JsValue::NULL, &input)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or(FetchFault::Network)?;
    let answer = JsFuture::from(promise).await.map_err(|error| {
        web_sys::console::error_2(&"Seminarplan: the importer could not load:".into(), &error);
        FetchFault::Network
    })?;
    answer.as_string().ok_or(FetchFault::Network)
}
