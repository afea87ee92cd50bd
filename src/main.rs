//! The widget's entry point, its first module. The loader script (`seminar-plan.js`, from
//! `web/seminar-plan.js`) defines `<seminar-plan>` and calls [`mount`] for each element;
//! all logic is in the library. Two more entry points load only when needed: the importer
//! (`src/bin/seminarplan-import.rs`) and the check page (`src/bin/seminarplan-check-page.rs`).

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use yew::AppHandle;

    use seminarplan_web::app::App;

    /// One running widget, held by its element.
    #[wasm_bindgen]
    pub struct Widget {
        handle: Option<AppHandle<App>>,
    }

    #[wasm_bindgen]
    impl Widget {
        /// Stops the widget (its element left the page, or its settings changed).
        pub fn destroy(mut self) {
            if let Some(handle) = self.handle.take() {
                handle.destroy();
            }
        }
    }

    /// Keeps the loader's `convert(text) → Promise<string>`, which loads the importer
    /// (`seminarplan-import`) the first time a file in another format than ours needs it,
    /// or the workbook reader (`seminarplan-workbook`) when given a workbook's bytes.
    #[wasm_bindgen]
    pub fn set_importer(convert: js_sys::Function) {
        seminarplan_web::browser::importer::install(convert);
    }

    /// Keeps the loader's `restart()`, called after a panic stopped this instance: the
    /// loader then starts every widget again in a fresh one (`embed::install_panic_hook`).
    #[wasm_bindgen]
    pub fn set_on_panic(restart: js_sys::Function) {
        seminarplan_web::embed::on_panic(restart);
    }

    /// Stops this instance the way a defect would, with a panic, so that the recovery
    /// (`embed::install_panic_hook`, the loader's `crashed`) can be tried: by the
    /// end-to-end tests, or by an organiser on their own page
    /// (`customElements.get("seminar-plan").wasm.simulate_panic()`). It adds nothing a
    /// script on the page could not do already: stop the widget.
    #[wasm_bindgen]
    pub fn simulate_panic() {
        panic!("Seminarplan: simulate_panic() was called");
    }

    /// Starts a widget for `host` inside `root` (`host`'s shadow root); `bridge` is the
    /// loader's object through which the widget and its element talk (form value,
    /// validity, events, the element's API); `demo` is the demo programme's URL, shown
    /// when `host` names no programme file.
    #[wasm_bindgen]
    pub fn mount(
        host: web_sys::Element,
        root: web_sys::ShadowRoot,
        bridge: JsValue,
        demo: Option<String>,
    ) -> Widget {
        Widget {
            handle: seminarplan_web::embed::mount(&host, &root, bridge, demo),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    seminarplan_web::embed::install_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("seminarplan runs in the browser: see README.md for how to build and serve it.");
}
