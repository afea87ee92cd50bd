//! The root component: owns the one reducer, loads the programme, and wires the saved
//! plan to storage. Everything it renders comes from `components`.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::url::{self, UrlMode};
use crate::browser::{clipboard, download, fetch, print, storage, theme_sheet};
use crate::components::{
    changes_notice::ChangesNotice, day_tabs::DayTabs, filter_panel::FilterPanel, header::Header,
    layout_switch::LayoutSwitch, load_error::LoadErrorView, my_schedule::MySchedule,
    notices::Notices, now_next::NowNext as NowNextStrip, programme_view::ProgrammeView,
    result_bar::ResultBar, search_box::SearchBox, session_page::SessionPage,
    share_dialog::ShareDialog, shared_plan::SharedPlan, speaker_page::SpeakerPage,
    stale_notice::StaleNotice, timetable::Timetable,
};
use chrono::{DateTime, FixedOffset};
use seminarplan_core::filter::{self, resolve_day};
use seminarplan_core::i18n::Lang;
use seminarplan_core::ics;
use seminarplan_core::model::{SessionId, Shared};
use seminarplan_core::now;
use seminarplan_core::plan::clashes;
use seminarplan_core::saved;
use seminarplan_core::search::{self, Index};
use seminarplan_core::share;
use seminarplan_core::state::{Action, AppState, Layout, Load, LoadError, Notice, Stale, View};
use seminarplan_core::url_state::{UrlState, encode_component};

/// Where the demo programme is, relative to the widget's files: Trunk copies
/// `demo/programme.json` there (`index.html`). It is fetched like any programme, so the
/// widget's code does not carry it.
pub const DEMO_SRC: &str = "demo/programme.json";

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
    /// The programme file's URL; `None` loads the demo programme, [`DEMO_SRC`], from
    /// beside the page (the loader passes the one beside itself).
    #[prop_or_default]
    pub src: Option<AttrValue>,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
    /// Where the view is kept in the page's URL.
    #[prop_or(UrlMode::None)]
    pub url_mode: UrlMode,
    /// A fixed clock (RFC 3339) instead of the browser's.
    #[prop_or_default]
    pub now: Option<AttrValue>,
    /// What shows first, unless the URL or the visitor's own choice says otherwise.
    #[prop_or_default]
    pub view: View,
    #[prop_or_default]
    pub layout: Option<Layout>,
    /// `timeout`: how long the programme request may take, in milliseconds
    /// (see `seminarplan_core::loading::timeout_ms`).
    #[prop_or_default]
    pub timeout: Option<AttrValue>,
}

/// The time the widget shows the conference at: the fixed clock if one is given, else the
/// browser's, ticking every 30 seconds.
#[hook]
fn use_clock(fixed: Option<AttrValue>) -> DateTime<FixedOffset> {
    let pinned = fixed
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok());
    let now = use_state(|| download::now().fixed_offset());
    {
        let now = now.clone();
        use_effect_with(pinned.is_some(), move |&pinned| {
            let tick = (!pinned).then(|| {
                gloo::timers::callback::Interval::new(30_000, move || {
                    now.set(download::now().fixed_offset())
                })
            });
            move || drop(tick)
        });
    }
    pinned.unwrap_or(*now)
}

/// A programme file's text as a programme, or its problems.
fn import(text: &str) -> Result<Shared, LoadError> {
    // Our own format, or what conference tools publish (frab, Pentabarf, pretalx).
    match seminarplan_core::import::import(text) {
        Ok(imported) => {
            if !imported.warnings.is_empty() {
                web_sys::console::warn_1(
                    &format!(
                        "Seminarplan: {} repaired {} problem(s) in the programme file; run seminarplan-check for details.",
                        imported.format.describe(),
                        imported.warnings.len()
                    )
                    .into(),
                );
            }
            Ok(Shared(Rc::new(imported.programme)))
        }
        Err(errors) => Err(LoadError::Invalid(errors)),
    }
}

/// Loads the programme and says what to show. When the file cannot be fetched or read,
/// the last good copy kept in the browser is shown instead, marked as possibly out of
/// date; without one, the error is shown with the plan saved for this address.
async fn load(src: Option<AttrValue>, namespace: AttrValue, timeout_ms: u32) -> Vec<Action> {
    let url = src.unwrap_or(AttrValue::Static(DEMO_SRC));
    let fresh = match fetch::fetch_text(&url, timeout_ms).await {
        Ok(text) => import(&text).map(|programme| (programme, text)),
        Err(fault) => Err(LoadError::Fetch(fault)),
    };
    let why = match fresh {
        Ok((programme, text)) => {
            storage::keep_programme(&namespace, &url, &programme.id, &text);
            return vec![Action::Loaded(programme)];
        }
        Err(why) => why,
    };
    let kept = storage::kept_programme(&namespace, &url);
    if let Some(kept) = &kept
        && let Some(text) = &kept.text
        && let Ok(programme) = import(text)
    {
        let stale = Stale {
            why,
            fetched_ms: kept.fetched_ms,
        };
        return vec![Action::LoadedStale(programme, stale)];
    }
    let plan = kept
        .and_then(|kept| storage::peek_plan(&saved::key(&namespace, &kept.id)))
        .filter(|plan| !plan.starred.is_empty());
    let mut actions = vec![Action::Failed(why)];
    actions.extend(plan.map(Action::OfflinePlan));
    actions
}

/// `ms` since 1970 as a date and time in the visitor's own time zone.
fn local_time(lang: Lang, ms: i64) -> String {
    let offset_minutes = js_sys::Date::new_0().get_timezone_offset();
    FixedOffset::west_opt((offset_minutes * 60.0) as i32)
        .zip(DateTime::from_timestamp_millis(ms))
        .map(|(offset, t)| lang.date_time(t.with_timezone(&offset)))
        .unwrap_or_default()
}

/// Keeps the view and the page's URL in step: reads it at start and after Back/Forward,
/// and writes it after every change (a new history entry for everything but typing).
#[hook]
fn use_url_sync(store: &UseReducerHandle<Store>, mode: UrlMode) {
    {
        let dispatch = store.dispatcher();
        use_effect_with(mode, move |&mode| {
            // An empty URL keeps the first view the organiser chose.
            let query = url::read(mode);
            if !query.is_empty() {
                dispatch.dispatch(Action::FromUrl(Box::new(UrlState::parse(&query))));
            }
            let dispatch = dispatch.clone();
            let listeners = url::watch(mode, move |query| {
                dispatch.dispatch(Action::FromUrl(Box::new(UrlState::parse(&query))));
            });
            move || drop(listeners)
        });
    }
    let wanted = store.0.url_state();
    let last = use_mut_ref(|| None::<UrlState>);
    use_effect_with(wanted, move |wanted| {
        let previous = last.borrow_mut().replace(wanted.clone());
        if let Some(previous) = previous {
            // Typing, and a handled share link leaving the URL, replace the entry: Back
            // should not step through every letter or offer the shared plan again.
            let same_but_text_and_share = UrlState {
                filters: seminarplan_core::filter::Filters {
                    text: wanted.filters.text.clone(),
                    ..previous.filters.clone()
                },
                share: wanted.share.clone(),
                ..previous.clone()
            } == *wanted;
            url::write(mode, &wanted.to_query(), !same_but_text_and_share);
        }
    });
}

/// The search index kept for a programme.
type IndexCache = Rc<std::cell::RefCell<Option<(Shared, Rc<Index>)>>>;

/// The search index of `programme`, from `cache` or built (and kept) now.
fn index_for(cache: &IndexCache, programme: &Shared) -> Rc<Index> {
    let mut cache = cache.borrow_mut();
    match &*cache {
        Some((p, index)) if p == programme => index.clone(),
        _ => {
            let index = Rc::new(Index::new(programme));
            *cache = Some((programme.clone(), index.clone()));
            index
        }
    }
}

/// A callback that turns its value into an action on the store.
fn send<T: 'static>(store: &UseReducerHandle<Store>, make: fn(T) -> Action) -> Callback<T> {
    let dispatch = store.dispatcher();
    Callback::from(move |value| dispatch.dispatch(make(value)))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let (view, layout) = (props.view, props.layout);
    let store = use_reducer(move || {
        let mut state = AppState::new(lang);
        state.apply(Action::ShowView(view));
        if let Some(layout) = layout {
            state.apply(Action::SetLayout(layout));
        }
        Store(state)
    });
    use_url_sync(&store, props.url_mode);
    let clock = use_clock(props.now.clone());
    let state = &store.0;
    // The widget's root element: style sheets go into the root it lives in.
    let root = use_node_ref();

    // The visitor's layout choice (list or grid), remembered per namespace.
    let layout_key = saved::layout_key(&props.namespace);
    {
        let dispatch = store.dispatcher();
        let key = layout_key.clone();
        let lang_key = saved::lang_key(&props.namespace);
        use_effect_with((), move |_| {
            match storage::read_pref(&key).as_deref() {
                Some("grid") => dispatch.dispatch(Action::SetLayout(Layout::Grid)),
                Some("list") => dispatch.dispatch(Action::SetLayout(Layout::List)),
                _ => {}
            }
            // The visitor's own language choice wins over the page's default.
            if let Some(code) = storage::read_pref(&lang_key) {
                dispatch.dispatch(Action::SetLang(Lang::from_code(&code)));
            }
        });
    }

    // Load (and reload on "try again") the programme.
    {
        let dispatch = store.dispatcher();
        let namespace = props.namespace.clone();
        let timeout = seminarplan_core::loading::timeout_ms(props.timeout.as_deref());
        use_effect_with((props.src.clone(), state.attempt), move |(src, _)| {
            let src = src.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for action in load(src, namespace, timeout).await {
                    dispatch.dispatch(action);
                }
            });
        });
    }

    // Once a programme is there: its theme colours, its saved plan, and other tabs.
    let programme_id = state.programme().map(|p| p.id.clone());
    let key = programme_id
        .as_ref()
        .map(|id| saved::key(&props.namespace, id));
    // Set when the record under the key could be neither read nor set aside: then
    // nothing is written over it during this visit.
    let hold = use_mut_ref(|| false);
    {
        let dispatch = store.dispatcher();
        let programme = state.programme().cloned();
        let root = root.clone();
        let hold = hold.clone();
        use_effect_with(key.clone(), move |key| {
            let listener = key.as_ref().and_then(|key| {
                if let (Some(p), Some(root)) = (&programme, root.get()) {
                    theme_sheet::install(&root, p);
                }
                let loaded = storage::read_plan(key);
                *hold.borrow_mut() = loaded.hold;
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
        let told = state.notices.contains(&Notice::StorageUnavailable)
            || state.notices.contains(&Notice::StorageFull);
        let namespace = props.namespace.clone();
        use_effect_with(
            (key, state.plan.clone(), state.plan_loaded),
            move |(key, plan, loaded)| {
                if let (Some(key), true) = (key, *loaded)
                    && !*hold.borrow()
                    && let Err(notice) = storage::write_plan(&namespace, key, plan)
                    && !told
                {
                    dispatch.dispatch(Action::Notice(notice));
                }
            },
        );
    }

    let lang = state.lang;

    // Derived data, computed only when its inputs change.
    let programme = state.programme().cloned();
    // The search index is not built before the first sessions are painted: a moment
    // after, or at the first search if that comes sooner. It is kept per programme.
    let index_cache = use_mut_ref(|| None::<(Shared, Rc<Index>)>);
    let index = match &programme {
        Some(p) if !state.filters.text.trim().is_empty() => index_for(&index_cache, p),
        _ => Rc::new(Index::default()),
    };
    {
        let cache = index_cache.clone();
        use_effect_with(programme.clone(), move |p| {
            let p = p.clone();
            let later = p.map(|p| {
                gloo::timers::callback::Timeout::new(200, move || {
                    index_for(&cache, &p);
                })
            });
            move || drop(later)
        });
    }
    let today = programme
        .as_ref()
        .and_then(|p| now::day_of(p, clock).map(|d| p.conference.days[d]));
    let day = programme
        .as_ref()
        .and_then(|p| resolve_day(p, &state.filters.day, today));
    let outcome = use_memo(
        (
            programme.clone(),
            state.filters.clone(),
            state.plan.clone(),
            day,
        ),
        |(p, filters, plan, day)| {
            p.as_ref()
                .map(|p| filter::run(p, &index, plan, filters, *day))
                .unwrap_or_default()
        },
    );
    let terms = use_memo(state.filters.text.clone(), |t| search::terms(t));
    let clashes = use_memo((programme.clone(), state.plan.clone()), |(p, plan)| {
        p.as_ref().map(|p| clashes(p, plan)).unwrap_or_default()
    });
    let matching = use_memo(outcome.clone(), |o| o.matching.clone());

    let on_star = send(&store, Action::ToggleStar);
    let on_expand = send(&store, Action::ToggleExpanded);
    let on_view = send(&store, Action::ShowView);
    let on_lang = {
        let dispatch = store.dispatcher();
        let key = saved::lang_key(&props.namespace);
        Callback::from(move |lang: Lang| {
            storage::write_pref(&key, lang.code());
            dispatch.dispatch(Action::SetLang(lang));
        })
    };
    let on_day = send(&store, Action::SetDay);
    let on_dismiss = send(&store, Action::Dismiss);
    let on_text = send(&store, Action::SetText);
    let on_starred = send(&store, Action::SetStarredOnly);
    let on_open = send(&store, Action::OpenSession);
    let on_speaker = send(&store, Action::OpenSpeaker);
    let on_toggle = send(&store, |(f, id)| Action::ToggleFacet(f, id));
    let on_retry = send(&store, |()| Action::Retry);
    let on_clear = send(&store, |()| Action::ClearFilters);
    let on_panel = send(&store, |()| Action::ToggleFilterPanel);
    let on_choose = send(&store, Action::ChooseInstead);
    let on_block = send(&store, Action::ShowBlock);
    let on_seen = send(&store, |()| Action::AcknowledgeChanges);
    let on_share = send(&store, |()| Action::ShowShare(true));
    // Keyboard users can pass the filter panel's many checkboxes in one step.
    let results = use_node_ref();
    let on_skip = {
        let results = results.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = results.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let on_share_close = send(&store, |()| Action::ShowShare(false));
    let on_merge = send(&store, |()| Action::MergeShared);
    let on_adopt = send(&store, |()| Action::AdoptShared);
    let on_ignore = send(&store, |()| Action::DismissShared);
    let on_copy = Callback::from(|link: AttrValue| clipboard::copy(&link));
    let on_layout = {
        let dispatch = store.dispatcher();
        Callback::from(move |layout: Layout| {
            let value = if layout == Layout::Grid {
                "grid"
            } else {
                "list"
            };
            storage::write_pref(&layout_key, value);
            dispatch.dispatch(Action::SetLayout(layout));
        })
    };
    let on_grid_mode = send(&store, Action::SetGridMode);
    let on_calendar = {
        let programme = programme.clone();
        let plan = state.plan.clone();
        Callback::from(move |one: Option<SessionId>| {
            let Some(p) = &programme else { return };
            let sessions: Vec<usize> = match &one {
                Some(id) => p.session_ix(id).into_iter().collect(),
                None => {
                    let mut all: Vec<usize> = plan
                        .starred
                        .iter()
                        .filter_map(|id| p.session_ix(id))
                        .collect();
                    all.sort_unstable();
                    all
                }
            };
            let text = ics::calendar(p, &sessions, download::now(), lang.code());
            let name = ics::file_name(p, one.as_deref().and_then(|id| p.session(id)));
            download::offer(&name, "text/calendar;charset=utf-8", &text);
        })
    };
    let changes = use_memo((programme.clone(), state.plan.clone()), |(p, plan)| {
        p.as_ref()
            .map(|p| seminarplan_core::plan::changes(p, plan))
            .unwrap_or_default()
    });

    let body = match &state.load {
        Load::Loading => html! {
            <p class="sp-loading" role="status">{ lang.loading() }</p>
        },
        Load::Failed(error) => html! {
            <LoadErrorView error={error.clone()} {lang} src={props.src.clone()} on_retry={on_retry.clone()}
                plan={state.offline_plan.clone()} />
        },
        Load::Ready(programme) => {
            let main = match state.view {
                View::Programme => html! {
                    <div class="sp-browse">
                        <aside class="sp-browse__side">
                            <SearchBox value={AttrValue::from(state.filters.text.clone())} {lang} on_input={on_text.clone()} />
                            <button type="button" class="sp-skip" onclick={on_skip}>{ lang.skip_filters() }</button>
                            <FilterPanel
                                programme={programme.clone()}
                                filters={state.filters.clone()}
                                counts={outcome.counts.clone()}
                                {lang}
                                open={state.filters_open}
                                on_toggle={on_toggle.clone()}
                                on_starred={on_starred.clone()}
                                on_clear={on_clear.clone()}
                                {on_panel}
                            />
                        </aside>
                        <div class="sp-browse__main" ref={results} tabindex="-1">
                            <ResultBar
                                programme={programme.clone()}
                                filters={state.filters.clone()}
                                count={outcome.matching.len()}
                                {lang}
                                {on_toggle}
                                {on_text}
                                {on_starred}
                                {on_clear}
                            />
                            <DayTabs
                                programme={programme.clone()}
                                {lang}
                                selected={day}
                                counts={outcome.counts.clone()}
                                show_counts={state.filters.is_active()}
                                on_select={on_day}
                            />
                            <LayoutSwitch {lang} layout={state.layout} mode={state.grid_mode} on_layout={on_layout} on_mode={on_grid_mode} />
                            if let (Layout::Grid, Some(d)) = (state.layout, day) {
                                <Timetable
                                    programme={programme.clone()}
                                    {lang}
                                    day={d}
                                    matching={matching.clone()}
                                    plan={state.plan.clone()}
                                    clashes={clashes.clone()}
                                    mode={state.grid_mode}
                                    now={Some(clock)}
                                    on_open={on_open.clone()}
                                />
                            } else {
                                <ProgrammeView
                                    programme={programme.clone()}
                                    {lang}
                                    {day}
                                    matching={matching.clone()}
                                    terms={terms.clone()}
                                    plan={state.plan.clone()}
                                    clashes={clashes.clone()}
                                    expanded={state.expanded.clone()}
                                    on_star={on_star.clone()}
                                    on_expand={on_expand.clone()}
                                    on_open={on_open.clone()}
                                    now={Some(clock)}
                                />
                            }
                        </div>
                    </div>
                },
                View::MySchedule => html! {
                    <MySchedule
                        programme={programme.clone()}
                        {lang}
                        plan={state.plan.clone()}
                        clashes={clashes.clone()}
                        expanded={state.expanded.clone()}
                        on_star={on_star.clone()}
                        {on_expand}
                        on_open={on_open.clone()}
                        {on_choose}
                        {on_block}
                        on_calendar={on_calendar.reform(|()| None)}
                        {on_share}
                        on_print={Callback::from(|()| print::print())}
                    />
                },
            };
            let page = if let Some(id) = &state.open {
                html! {
                    <SessionPage programme={programme.clone()} id={id.clone()} {lang} plan={state.plan.clone()}
                        {on_star} on_open={on_open.clone()} on_speaker={on_speaker.clone()}
                        on_calendar={on_calendar.reform(|id: SessionId| Some(id))} />
                }
            } else if let Some(id) = &state.speaker {
                html! {
                    <SpeakerPage programme={programme.clone()} id={id.clone()} {lang} on_open={on_open.clone()} {on_speaker} />
                }
            } else if state.share_open {
                let value = share::encode(&programme.id, &state.plan.starred);
                let link = url::link_with(
                    props.url_mode,
                    &format!("share={}", encode_component(&value)),
                );
                html! { <ShareDialog link={AttrValue::from(link)} {lang} {on_copy} on_close={on_share_close} /> }
            } else {
                html! {}
            };
            let shared = state.shared.as_ref().map(|shared| html! {
                <SharedPlan programme={programme.clone()} shared={shared.clone()} plan={state.plan.clone()} {lang}
                    {on_merge} {on_adopt} on_dismiss={on_ignore} />
            });
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
                    if let Some(stale) = &state.stale {
                        <StaleNotice stale={stale.clone()} {lang} fetched={AttrValue::from(local_time(lang, stale.fetched_ms))}
                            reloading={state.reloading} {on_retry} />
                    }
                    <ChangesNotice changes={(*changes).clone()} {lang} {on_seen} />
                    <NowNextStrip programme={programme.clone()} plan={state.plan.clone()} {lang} now={clock} on_open={on_open.clone()} />
                    { shared.unwrap_or_default() }
                    <div class="sp-main">{ main }</div>
                    { page }
                </>
            }
        }
    };
    html! {
        <div ref={root} class="sp-app" lang={lang.code()}>{ body }</div>
    }
}
