//! The root component: owns the one reducer, loads the programme, and wires the saved
//! plan to storage. Everything it renders comes from `components`.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{fetch, storage, theme_sheet};
use crate::components::{
    day_tabs::DayTabs, header::Header, load_error::LoadErrorView, my_schedule::MySchedule,
    notices::Notices, programme_view::ProgrammeView,
};
use crate::i18n::Lang;
use crate::model::{SessionId, Shared};
use crate::parse::parse_programme;
use crate::plan::clashes;
use crate::saved;
use crate::state::{Action, AppState, Load, LoadError, Notice, View};

/// The reducer that wraps the pure `AppState`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The programme file's URL; `None` shows the embedded demo programme.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
}

async fn load(src: Option<AttrValue>) -> Action {
    let text = match src {
        None => crate::DEMO_PROGRAMME.to_owned(),
        Some(url) => match fetch::fetch_text(&url).await {
            Ok(text) => text,
            Err(why) => return Action::Failed(LoadError::Fetch(why)),
        },
    };
    match parse_programme(&text) {
        Ok(p) => Action::Loaded(Shared(Rc::new(p))),
        Err(errors) => Action::Failed(LoadError::Invalid(errors)),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let store = use_reducer(move || Store(AppState::new(lang)));
    let state = &store.0;

    // Load (and reload on "try again") the programme.
    {
        let dispatch = store.dispatcher();
        use_effect_with((props.src.clone(), state.attempt), move |(src, _)| {
            let src = src.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(load(src).await);
            });
        });
    }

    // Once a programme is there: its theme colours, its saved plan, and other tabs.
    let programme_id = state.programme().map(|p| p.id.clone());
    let key = programme_id
        .as_ref()
        .map(|id| saved::key(&props.namespace, id));
    {
        let dispatch = store.dispatcher();
        let programme = state.programme().cloned();
        use_effect_with(key.clone(), move |key| {
            let listener = key.as_ref().and_then(|key| {
                if let Some(p) = &programme {
                    theme_sheet::install(p);
                }
                let loaded = storage::read_plan(key);
                if let Some(notice) = loaded.notice {
                    dispatch.dispatch(Action::Notice(notice));
                }
                dispatch.dispatch(Action::PlanLoaded(loaded.plan));
                let dispatch = dispatch.clone();
                storage::watch_plan(key.clone(), move |plan| {
                    dispatch.dispatch(Action::PlanLoaded(plan));
                })
            });
            move || drop(listener)
        });
    }

    // Save the plan whenever it changes, but never before it was read.
    {
        let dispatch = store.dispatcher();
        let unavailable = state.notices.contains(&Notice::StorageUnavailable);
        use_effect_with(
            (key, state.plan.clone(), state.plan_loaded),
            move |(key, plan, loaded)| {
                if let (Some(key), true) = (key, *loaded)
                    && !storage::write_plan(key, plan)
                    && !unavailable
                {
                    dispatch.dispatch(Action::Notice(Notice::StorageUnavailable));
                }
            },
        );
    }

    let send = |f: fn(SessionId) -> Action| {
        let dispatch = store.dispatcher();
        Callback::from(move |id: SessionId| dispatch.dispatch(f(id)))
    };
    let on_star = send(Action::ToggleStar);
    let on_expand = send(Action::ToggleExpanded);
    let on_view = {
        let dispatch = store.dispatcher();
        Callback::from(move |v: View| dispatch.dispatch(Action::ShowView(v)))
    };
    let on_lang = {
        let dispatch = store.dispatcher();
        Callback::from(move |l: Lang| dispatch.dispatch(Action::SetLang(l)))
    };
    let on_day = {
        let dispatch = store.dispatcher();
        Callback::from(move |d: usize| dispatch.dispatch(Action::SelectDay(d)))
    };
    let on_dismiss = {
        let dispatch = store.dispatcher();
        Callback::from(move |n: Notice| dispatch.dispatch(Action::Dismiss(n)))
    };
    let on_retry = {
        let dispatch = store.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Retry))
    };

    let lang = state.lang;
    let body = match &state.load {
        Load::Loading => html! {
            <p class="sp-loading" role="status">{ lang.loading() }</p>
        },
        Load::Failed(error) => html! {
            <LoadErrorView error={error.clone()} {lang} src={props.src.clone()} {on_retry} />
        },
        Load::Ready(programme) => {
            let clashes = Rc::new(clashes(programme, &state.plan));
            let main = match state.view {
                View::Programme => html! {
                    <>
                        <DayTabs programme={programme.clone()} {lang} selected={state.day} on_select={on_day} />
                        <ProgrammeView
                            programme={programme.clone()}
                            {lang}
                            day={state.day}
                            plan={state.plan.clone()}
                            clashes={clashes.clone()}
                            expanded={state.expanded.clone()}
                            on_star={on_star.clone()}
                            on_expand={on_expand.clone()}
                        />
                    </>
                },
                View::MySchedule => html! {
                    <MySchedule
                        programme={programme.clone()}
                        {lang}
                        plan={state.plan.clone()}
                        clashes={clashes.clone()}
                        expanded={state.expanded.clone()}
                        {on_star}
                        {on_expand}
                    />
                },
            };
            html! {
                <>
                    <Header
                        programme={programme.clone()}
                        {lang}
                        view={state.view}
                        starred={state.plan.len()}
                        clashes={clashes.len()}
                        {on_view}
                        {on_lang}
                    />
                    <Notices notices={state.notices.iter().copied().collect::<Vec<_>>()} {lang} {on_dismiss} />
                    <div class="sp-main">{ main }</div>
                </>
            }
        }
    };
    html! {
        <div class="sp-app" lang={lang.code()}>{ body }</div>
    }
}

/// The elements the widget mounts into: every `[data-seminarplan]`, else `#seminarplan`.
fn mount_points() -> Vec<web_sys::Element> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if let Ok(list) = document.query_selector_all("[data-seminarplan]") {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            {
                found.push(el);
            }
        }
    }
    if found.is_empty() {
        found.extend(document.get_element_by_id("seminarplan"));
    }
    found
}

/// If anything still panics, replace the dead widget with a readable message.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        for el in mount_points() {
            let lang = crate::browser::mount::settings(&el).lang;
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
    }));
}

/// Starts one widget in each mount point.
pub fn mount_all() {
    install_panic_hook();
    for el in mount_points() {
        let settings = crate::browser::mount::settings(&el);
        // The static "loading" text from the page is replaced by the widget's own.
        el.set_text_content(None);
        let props = AppProps {
            src: settings.src.map(AttrValue::from),
            lang: settings.lang,
            namespace: AttrValue::from(settings.namespace),
        };
        yew::Renderer::<App>::with_root_and_props(el, props).render();
    }
}
