//! The organisers' check page (`check.html`, `<seminar-plan-check>`), a wasm module of its
//! own: it reads every format and says what is wrong, so it carries every reader, which
//! visitors of the widget never download. The loader (`web/seminar-plan.js`) loads it only
//! for a `<seminar-plan-check>` element and calls [`mount_check`].

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;

    use seminarplan_web::check_page::{self, CheckPage};

    /// One running check page, held by its element.
    #[wasm_bindgen]
    pub struct CheckWidget {
        handle: Option<AppHandle<CheckPage>>,
    }

    #[wasm_bindgen]
    impl CheckWidget {
        /// Stops the check page.
        pub fn destroy(mut self) {
            if let Some(handle) = self.handle.take() {
                handle.destroy();
            }
        }
    }

    /// Starts the organisers' check page for `host` inside `root`.
    #[wasm_bindgen]
    pub fn mount_check(host: web_sys::Element, root: web_sys::ShadowRoot) -> CheckWidget {
        CheckWidget {
            handle: check_page::mount(&host, &root),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    seminarplan_web::embed::install_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the check page runs in the browser: see README.md and docs/SPREADSHEET.md.");
}
