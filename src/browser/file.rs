//! Files the organiser picks or drops on the check page, read as bytes in the browser, and
//! the converted programme as a local `blob:` address for the preview. Nothing is sent
//! anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The first file of a file input's or a drop's list: its name and bytes.
pub async fn read_first(files: Option<web_sys::FileList>) -> Option<(String, Vec<u8>)> {
    let file = files?.get(0)?;
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some((file.name(), bytes))
}

/// The files of a file input, from its change event.
pub fn input_files(event: &web_sys::Event) -> Option<web_sys::FileList> {
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
}

/// The files of a drop.
pub fn dropped_files(event: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    event.data_transfer()?.files()
}

/// A `blob:` address of `text` (a local copy in this page), to give the preview as `src`.
/// The previous one, if any, is released.
pub fn local_url(text: &str, mime: &str, previous: Option<&str>) -> Option<String> {
    if let Some(previous) = previous {
        let _ = web_sys::Url::revoke_object_url(previous);
    }
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The loader's address next to this page (`…/seminar-plan.js`), for the snippet.
pub fn loader_url() -> String {
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base("seminar-plan.js", &here)
        .map(|u| u.href())
        .unwrap_or_else(|_| "seminar-plan.js".into())
}
