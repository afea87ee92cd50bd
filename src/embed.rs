//! Starts the widget on a page: one app per `<seminar-plan>` element, rendered into the
//! shadow root the loader (`web/seminar-plan.js`) gives it, with the widget's style sheet
//! adopted there, and a console warning for the organiser when colours set from the page
//! fall short of WCAG contrast. Also the last line of defence: a panic hook that replaces every widget
//! with a readable message instead of leaving it dead, and tells the loader, which starts
//! the widgets again in a fresh instance (`web/seminar-plan.js`, `crashed`); a widget
//! started again takes its part of the page's address out first (it may have stopped on
//! it) and says so.

use std::cell::RefCell;

use web_sys::{Element, ShadowRoot};
use yew::AppHandle;
use yew::prelude::*;

use crate::app::{App, AppProps};
use crate::browser::{mount, sheets};
use seminarplan_core::lang::Lang;

thread_local! {
    /// Every mounted widget's container and language, for the panic hook.
    static MOUNTED: RefCell<Vec<(Element, Lang)>> = const { RefCell::new(Vec::new()) };
    /// The loader's function to call after a panic (`set_on_panic`).
    static ON_PANIC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Keeps the loader's function that starts the widgets again after a panic.
pub fn on_panic(restart: js_sys::Function) {
    ON_PANIC.with(|f| {
        if let Ok(mut f) = f.try_borrow_mut() {
            *f = Some(restart);
        }
    });
}

/// If anything still panics, replace each widget with a readable message.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        MOUNTED.with(|mounted| {
            let Ok(mounted) = mounted.try_borrow() else {
                return;
            };
            for (el, lang) in mounted.iter() {
                el.set_text_content(None);
                if let Some(document) = el.owner_document()
                    && let Ok(p) = document.create_element("p")
                {
                    let _ = p.set_attribute("role", "alert");
                    let _ = p.set_attribute("class", "sp-crash");
                    p.set_text_content(Some(lang.crashed()));
                    let _ = el.append_child(&p);
                }
            }
        });
        ON_PANIC.with(|f| {
            if let Some(restart) = f.try_borrow().ok().as_deref().and_then(Option::as_ref) {
                let _ = restart.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
    }));
}

/// Starts a widget for `host` (the `<seminar-plan>` element, whose attributes are its
/// settings) inside `root`, replacing whatever the loader showed there.
/// `bridge` is the loader's object for this element (see `browser::form`). Without a `src`
/// setting it shows `demo`: the loader passes the demo programme beside its own file.
pub fn mount(
    host: &Element,
    root: &ShadowRoot,
    bridge: wasm_bindgen::JsValue,
    demo: Option<String>,
) -> Option<AppHandle<App>> {
    let settings = mount::settings(host);
    // Started again after a panic: the widget's part of the address goes first.
    let recovered = js_sys::Reflect::get(&bridge, &"recovered".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let link_dropped = recovered && crate::browser::url::drop_own(&settings.url);
    sheets::adopt_base(root);
    let document = host.owner_document()?;
    let container = document.create_element("div").ok()?;
    container.set_class_name("sp-root");
    root.set_text_content(None);
    root.append_child(&container).ok()?;
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|(el, _)| el.is_connected());
        m.push((container.clone(), settings.lang));
    });
    let props = AppProps {
        src: settings.src.or(demo).map(AttrValue::from),
        lang: settings.lang,
        namespace: AttrValue::from(settings.namespace),
        url: settings.url,
        now: settings.now.map(AttrValue::from),
        view: settings.view,
        layout: settings.layout,
        timeout: settings.timeout.map(AttrValue::from),
        keep_params: settings.keep_params.map(AttrValue::from),
        host: crate::browser::form::HostBridge::new(host, bridge),
        link_dropped,
    };
    let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
    warn_about_colours(host);
    Some(handle)
}

/// Tells the organiser (in the console) when colours they set on the element from the
/// page fall short of WCAG contrast.
fn warn_about_colours(host: &Element) {
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(host).ok().flatten())
    else {
        return;
    };
    let value = |property: &str| style.get_property_value(property).ok();
    for problem in seminarplan_core::contrast::themed_problems(value) {
        web_sys::console::warn_1(&format!("Seminarplan: {problem}").into());
    }
}
