//! The widget's side of the host page: the bridge the loader (`web/seminar-plan.js`) gives
//! each element. The widget tells it what the programme and the visitor's plan are (the
//! loader turns that into the element's form value, validity and events), and takes the
//! element's commands (`setPlan`, `openSession`, `showView`, a form reset, attribute
//! changes). What is said is decided in `seminarplan_core::form`; nothing here reads the
//! host page beyond the element's own `choose` and `required` attributes.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

use crate::context::Store;
use seminarplan_core::form::{self, Rule, SetError};
use seminarplan_core::plan::Plan;
use seminarplan_core::state::{Action, AppState, Layout, Load};
use seminarplan_core::url_state::View;

/// The loader's bridge object for one element, and the element.
#[derive(Clone, Debug)]
pub struct HostBridge {
    bridge: JsValue,
    host: Element,
}

impl PartialEq for HostBridge {
    fn eq(&self, other: &Self) -> bool {
        self.bridge == other.bridge
    }
}

/// A command from the element: its name and up to two arguments; returns its answer.
type Command = Closure<dyn Fn(String, JsValue, JsValue) -> JsValue>;

impl HostBridge {
    /// `None` when the loader gave no bridge (an older loader, or the browser tests).
    pub fn new(host: &Element, bridge: JsValue) -> Option<HostBridge> {
        bridge.is_object().then(|| HostBridge {
            bridge,
            host: host.clone(),
        })
    }

    fn rule(&self) -> Rule {
        Rule::from_attr(self.host.get_attribute("choose").as_deref())
    }

    fn required(&self) -> bool {
        self.host.has_attribute("required")
    }

    /// Calls the bridge's `emit(kind, json)`.
    fn emit(&self, kind: &str, json: &str) {
        let emit = js_sys::Reflect::get(&self.bridge, &"emit".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(emit) = emit {
            let _ = emit.call2(&self.bridge, &kind.into(), &json.into());
        }
    }

    /// Tells the element about the state in `memory`: `load` the first time a programme
    /// is there with its saved plan (and whenever it is another programme), `plan` after
    /// that, `error` when loading failed. No borrow of `memory` is held while the element
    /// hears it: the page's listeners may call the element's API at once.
    fn report(&self, memory: &RefCell<Memory>) {
        let (rule, required) = (self.rule(), self.required());
        let state = memory.borrow().state.clone();
        if let Some(json) = form::host_failure(&state, rule, required) {
            self.emit("error", &json);
            return;
        }
        let Some(json) = form::host_update(&state, rule, required) else {
            return;
        };
        let id = state.programme().map(|p| p.id.clone());
        let kind = {
            let mut memory = memory.borrow_mut();
            let kind = if memory.reported == id {
                "plan"
            } else {
                "load"
            };
            memory.reported = id;
            kind
        };
        self.emit(kind, &json);
    }

    /// Hands the element its command function; it is taken back when dropped.
    fn listen(&self, command: Command) -> Listening {
        let _ = js_sys::Reflect::set(&self.bridge, &"command".into(), command.as_ref());
        Listening {
            bridge: self.bridge.clone(),
            _command: command,
        }
    }
}

/// The element's command function while the widget runs.
struct Listening {
    bridge: JsValue,
    _command: Command,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&self.bridge, &"command".into(), &JsValue::UNDEFINED);
    }
}

/// What the widget knows between renders: the state as last rendered (with commands
/// applied since), the plan as it was when the page loaded, the programme reported.
#[derive(Default)]
struct Memory {
    state: AppState,
    initial: Option<(String, Plan)>,
    reported: Option<String>,
}

/// `setPlan`'s ids: every one a string, or refused.
fn ids_of(value: &JsValue) -> Option<Vec<String>> {
    if !js_sys::Array::is_array(value) {
        return None;
    }
    js_sys::Array::from(value)
        .iter()
        .map(|v| v.as_string())
        .collect()
}

/// Carries out one command from the element and returns its answer.
fn command(
    name: &str,
    a: &JsValue,
    b: &JsValue,
    memory: &RefCell<Memory>,
    host: &HostBridge,
    dispatch: &yew::functional::UseReducerDispatcher<Store>,
) -> JsValue {
    let send = |actions: Vec<Action>| {
        for action in actions {
            memory.borrow_mut().state.apply(action.clone());
            dispatch.dispatch(action);
        }
    };
    match name {
        "setPlan" => {
            let Some(ids) = ids_of(a) else {
                return "refused".into();
            };
            let decided = form::set_plan(&memory.borrow().state, &ids, b.is_truthy());
            match decided {
                Ok((actions, outcome)) => {
                    send(actions);
                    outcome.name().into()
                }
                Err(SetError::NotReady) => "not-ready".into(),
                Err(SetError::Refused(_)) => "refused".into(),
            }
        }
        "openSession" => {
            let id = a.as_string().unwrap_or_default();
            let known = memory
                .borrow()
                .state
                .programme()
                .is_some_and(|p| p.session(&id).is_some());
            if known {
                send(vec![Action::OpenSession(Some(id))]);
            }
            known.into()
        }
        "showView" => {
            let actions = match a.as_string().as_deref() {
                Some("programme") => {
                    vec![Action::OpenSession(None), Action::ShowView(View::Programme)]
                }
                Some("schedule") => vec![
                    Action::OpenSession(None),
                    Action::ShowView(View::MySchedule),
                ],
                Some("grid") => vec![
                    Action::OpenSession(None),
                    Action::ShowView(View::Programme),
                    Action::SetLayout(Layout::Grid),
                ],
                Some("list") => vec![
                    Action::OpenSession(None),
                    Action::ShowView(View::Programme),
                    Action::SetLayout(Layout::List),
                ],
                _ => return false.into(),
            };
            send(actions);
            true.into()
        }
        "reset" => {
            let initial = memory.borrow().initial.clone();
            if let Some((_, plan)) = initial {
                send(vec![Action::ResetTo(plan)]);
            }
            JsValue::UNDEFINED
        }
        "validate" => {
            host.report(memory);
            JsValue::UNDEFINED
        }
        _ => JsValue::UNDEFINED,
    }
}

/// Keeps the host element told about the programme and the plan, and answers its
/// commands. Does nothing without a bridge.
#[hook]
pub fn use_host_form(store: &UseReducerHandle<Store>, host: Option<HostBridge>) {
    let memory = use_mut_ref(Memory::default);
    memory.borrow_mut().state = store.0.clone();
    {
        let memory = memory.clone();
        let dispatch = store.dispatcher();
        use_effect_with(host.clone(), move |host| {
            let listening = host.clone().map(|host| {
                let bridge = host.clone();
                host.listen(Closure::new(move |name: String, a: JsValue, b: JsValue| {
                    command(&name, &a, &b, &memory, &bridge, &dispatch)
                }))
            });
            move || drop(listening)
        });
    }
    let state = &store.0;
    let failed = matches!(state.loading.load, Load::Failed(_));
    let watched = (
        host,
        state.programme().cloned(),
        state.plan.starred.clone(),
        state.plan_loaded,
        state.lang,
        failed,
    );
    use_effect_with(watched, move |(host, programme, _, loaded, _, _)| {
        let Some(host) = host else { return };
        if let (Some(p), true) = (programme, *loaded) {
            let mut memory = memory.borrow_mut();
            if memory.initial.as_ref().is_none_or(|(id, _)| *id != p.id) {
                memory.initial = Some((p.id.clone(), memory.state.plan.clone()));
            }
        }
        host.report(&memory);
    });
}
