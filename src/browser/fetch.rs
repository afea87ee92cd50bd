//! Fetches the programme file. The only place that makes a network request.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Request, RequestInit, Response};

/// The file's text, or a short reason (HTTP status or network failure) for the visitor.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_method("GET");
    // Never send cookies or credentials along with the programme request.
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let request = Request::new_with_str_and_init(url, &init).map_err(|_| "bad URL".to_owned())?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| "network".to_owned())?;
    let response: Response = response.dyn_into().map_err(|_| "network".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "body".to_owned())?;
    let text = JsFuture::from(text).await.map_err(|_| "body".to_owned())?;
    text.as_string().ok_or_else(|| "body".to_owned())
}
