//! The root component: owns the one reducer, loads the programme, and wires the saved
//! plan to storage. Everything it renders comes from `components`.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::url::{self, UrlPlace};
use crate::browser::{clipboard, download, print};
use crate::components::{
    add_colleague::AddColleague, changes_notice::ChangesNotice, day_plan::DayPlan,
    day_tabs::DayTabs, delegation_view::DelegationView, filter_panel::FilterPanel, header::Header,
    layout_switch::LayoutSwitch, load_error::LoadErrorView, my_schedule::MySchedule,
    notices::Notices, now_next::NowNext as NowNextStrip, programme_preview::ProgrammePreview,
    programme_view::ProgrammeView, result_bar::ResultBar, search_box::SearchBox,
    session_page::SessionPage, share_dialog::ShareDialog, shared_plan::SharedPlan,
    speaker_page::SpeakerPage, stale_notice::StaleNotice, team_link_offer::TeamLinkOffer,
    team_outcomes::TeamOutcomes, timetable::Timetable,
};
use crate::context::{Mine, Store, Widget};
use crate::hooks::clock::use_clock;
use crate::hooks::preferences::use_preferences;
use crate::hooks::programme::use_programme;
use crate::hooks::saved_plan::use_saved_plan;
use crate::hooks::search_index::use_search_index;
use crate::hooks::team::use_team;
use crate::hooks::url_sync::use_url_sync;
use seminarplan_core::delegation::link::{encode_team, stamp_share};
use seminarplan_core::filter::{self, resolve_day};
use seminarplan_core::ics;
use seminarplan_core::lang::Lang;
use seminarplan_core::model::{ProgrammeRef, SessionId};
use seminarplan_core::now;
use seminarplan_core::plan::Plan;
use seminarplan_core::plan::clashes;
use seminarplan_core::search;
use seminarplan_core::share;
use seminarplan_core::state::{Action, AppState, Layout, Load};
use seminarplan_core::url_state::View;
use seminarplan_core::url_state::encode_component;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The programme file's URL; `None` loads the demo programme, [`crate::hooks::programme::DEMO_SRC`], from
    /// beside the page (the loader passes the one beside itself).
    #[prop_or_default]
    pub src: Option<AttrValue>,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or(AttrValue::Static("default"))]
    pub namespace: AttrValue,
    /// Where the view is kept in the page's URL.
    #[prop_or(UrlPlace::none())]
    pub url: UrlPlace,
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
    /// `keep-params`: the page's query parameters a share link keeps.
    #[prop_or_default]
    pub keep_params: Option<AttrValue>,
    /// The loader's bridge to the host element (form value, validity, events, the
    /// element's API); `None` in the browser tests.
    #[prop_or_default]
    pub host: Option<crate::browser::form::HostBridge>,
    /// The widget was started again after a panic, and its part of the page's address,
    /// which it may have stopped on, was taken out (`embed::mount`): the visitor is told.
    #[prop_or_default]
    pub link_dropped: bool,
}

/// `ms` since 1970 as a date and time in the visitor's own time zone.
fn local_time(lang: Lang, ms: i64) -> String {
    let offset_minutes = js_sys::Date::new_0().get_timezone_offset();
    lang.fetched_at(ms, offset_minutes)
}

/// A callback that turns its value into an action on the store.
fn send<T: 'static>(store: &UseReducerHandle<Store>, make: fn(T) -> Action) -> Callback<T> {
    let dispatch = store.dispatcher();
    Callback::from(move |value| dispatch.dispatch(make(value)))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.lang;
    let (view, layout, link_dropped) = (props.view, props.layout, props.link_dropped);
    let store = use_reducer_eq(move || {
        let mut state = AppState::new(lang);
        state.apply(Action::ShowView(view));
        if link_dropped {
            state.apply(Action::Notice(seminarplan_core::state::Notice::LinkDropped));
        }
        if let Some(layout) = layout {
            state.apply(Action::SetLayout(layout));
        }
        Store(state)
    });
    use_url_sync(&store, &props.url);
    // HOOK-IN (issue 19): tells the host element about the programme and the plan, and
    // answers its API; all of it lives in `browser::form`.
    crate::browser::form::use_host_form(&store, props.host.clone());
    let clock = use_clock(props.now.clone());
    // The widget's root element: style sheets go into the root it lives in.
    let root = use_node_ref();
    let prefs = use_preferences(&store, &props.namespace);
    use_programme(
        &store,
        props.src.clone(),
        &props.namespace,
        props.timeout.clone(),
        &root,
    );
    let restore_plan = use_saved_plan(&store, &props.namespace);
    let restore_team = use_team(&store, &props.namespace);
    // The notice's "restore" brings back what can be read of every record set aside.
    // Made once (both hooks' callbacks read only what stays): a new one at every render
    // would redraw the notices at every star.
    let on_restore = (*use_memo((), move |()| {
        Callback::from(move |()| {
            restore_plan.emit(());
            restore_team.emit(());
        })
    }))
    .clone();
    let state = &store.0;
    let lang = state.lang;

    // Derived data, computed only when its inputs change.
    let programme = state.programme().cloned();
    let index = use_search_index(programme.clone(), &state.route.filters.text);
    // Once per programme and clock reading, not at every star (a pass over the sessions).
    let today = *use_memo((programme.clone(), clock), |(p, clock)| {
        p.as_ref()
            .and_then(|p| now::day_of(p, *clock).map(|d| p.conference.days[d]))
    });
    let day = programme
        .as_ref()
        .and_then(|p| resolve_day(p, &state.route.filters.day, today));
    let (outcome, starred_shown) = use_outcome(state, &programme, &index, day);
    let terms = use_memo(state.route.filters.text.clone(), |t| {
        search::marked_terms(t)
    });
    let clashes = use_memo((programme.clone(), state.plan.clone()), |(p, plan)| {
        p.as_ref().map(|p| clashes(p, plan)).unwrap_or_default()
    });
    // Keyed by the list itself, not by the outcome: starring changes the counts but not
    // which sessions match, and a new list would send the cards back to the first few
    // (`ProgrammeView` keeps its "show more" steps while the list is the same one).
    let matching = use_memo(outcome.matching.clone(), Clone::clone);

    // Made once: a new callback at every render would make every card's props differ,
    // and redraw every card at each star and keystroke (issue 29).
    let on_star = (*use_memo((), |()| send(&store, Action::ToggleStar))).clone();
    let on_expand = (*use_memo((), |()| send(&store, Action::ToggleExpanded))).clone();
    let on_open = (*use_memo((), |()| send(&store, Action::OpenSession))).clone();
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
    let on_copy = Callback::from(|link: AttrValue| clipboard::copy(&link));
    let on_calendar = calendar(programme.clone(), state.plan.clone(), lang);

    let body = match &state.loading.load {
        Load::Loading => match &state.loading.preview {
            Some(first) => html! { <ProgrammePreview programme={first.clone()} {lang} /> },
            None => html! { <p class="sp-loading" role="status">{ lang.loading() }</p> },
        },
        Load::Failed(error) => html! {
            <LoadErrorView error={error.clone()} src={props.src.clone()} plan={state.loading.offline_plan.clone()} />
        },
        Load::Ready(programme) => {
            let main = match state.route.view {
                View::Programme => html! {
                    <div class="sp-browse">
                        <aside class="sp-browse__side">
                            <SearchBox value={AttrValue::from(state.route.filters.text.clone())} />
                            <button type="button" class="sp-skip" onclick={on_skip}>{ lang.skip_filters() }</button>
                            <FilterPanel
                                filters={state.route.filters.clone()}
                                counts={outcome.counts.clone()}
                                open={state.chrome.filters_open}
                            />
                        </aside>
                        <div class="sp-browse__main" ref={results} tabindex="-1">
                            <ResultBar filters={state.route.filters.clone()} count={outcome.matching.len()} />
                            <DayTabs
                                selected={day}
                                counts={outcome.counts.clone()}
                                show_counts={state.route.filters.is_active()}
                            />
                            <LayoutSwitch layout={state.chrome.layout} mode={state.chrome.grid_mode} on_layout={prefs.on_layout} />
                            if let (Layout::Grid, Some(d)) = (state.chrome.layout, day) {
                                <Timetable
                                    programme={programme.clone()}
                                    {lang}
                                    day={d}
                                    matching={matching.clone()}
                                    plan={state.plan.clone()}
                                    clashes={clashes.clone()}
                                    mode={state.chrome.grid_mode}
                                    now={Some(clock)}
                                    open={state.route.session.clone()}
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
                                    expanded={state.chrome.expanded.clone()}
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
                    <>
                        <MySchedule
                            expanded={state.chrome.expanded.clone()}
                            on_calendar={on_calendar.reform(|()| None)}
                            on_print={Callback::from(|()| print::print())}
                        />
                        <DayPlan plan={state.plan.clone()} title={AttrValue::from(lang.my_day())} id="mine" />
                    </>
                },
                View::Team => {
                    let link = url::link_with(
                        &props.url,
                        props.keep_params.as_deref().unwrap_or_default(),
                        &format!(
                            "team={}",
                            encode_component(&team_value(state, programme, lang))
                        ),
                    );
                    html! {
                        <DelegationView team={state.team.clone()} link={AttrValue::from(link)}
                            on_calendar={person_calendar(programme.clone(), state, lang)}
                            on_copy={on_copy.clone()} on_print={Callback::from(|()| print::print())} />
                    }
                }
            };
            let page = if let Some(id) = &state.route.session {
                html! {
                    <SessionPage id={id.clone()} on_calendar={on_calendar.reform(|id: SessionId| Some(id))} />
                }
            } else if let Some(id) = &state.route.speaker {
                html! { <SpeakerPage id={id.clone()} /> }
            } else if state.chrome.share_open {
                let value = stamp_share(
                    &share::encode_for(programme, &state.plan.starred),
                    download::now().timestamp().max(0) as u64,
                );
                let link = url::link_with(
                    &props.url,
                    props.keep_params.as_deref().unwrap_or_default(),
                    &format!("share={}", encode_component(&value)),
                );
                html! { <ShareDialog link={AttrValue::from(link)} {on_copy} /> }
            } else {
                html! {}
            };
            let shared = state.shared().map(|shared| {
                let names: Vec<String> = state
                    .team
                    .colleagues
                    .colleagues
                    .iter()
                    .map(|c| c.name.clone())
                    .collect();
                html! {
                    <>
                        <SharedPlan shared={shared.clone()} />
                        <AddColleague {names} />
                    </>
                }
            });
            let team_link = state.team_link().map(|link| {
                html! {
                    <TeamLinkOffer link={link.clone()} />
                }
            });
            html! {
                <>
                    <Header view={state.route.view} on_lang={prefs.on_lang} />
                    <Notices notices={state.chrome.notices.iter().copied().collect::<Vec<_>>()} {on_restore} />
                    if let Some(stale) = &state.loading.stale {
                        <StaleNotice stale={stale.clone()} fetched={AttrValue::from(local_time(lang, stale.fetched_ms))}
                            reloading={state.loading.reloading} />
                    }
                    <ChangesNotice />
                    <NowNextStrip programme={programme.clone()} plan={state.plan.clone()} {lang} now={clock} on_open={on_open.clone()} />
                    { shared.unwrap_or_default() }
                    { team_link.unwrap_or_default() }
                    <TeamOutcomes team={state.team.clone()} shared_waiting={state.route.share.is_some()} team_waiting={state.route.team.is_some()} />
                    <div class="sp-main">{ main }</div>
                    { page }
                </>
            }
        }
    };
    let widget = Widget::new(&store);
    let mine = Mine {
        plan: Rc::new(state.plan.clone()),
        clashes,
        starred_shown,
    };
    html! {
        <ContextProvider<Widget> context={widget}>
            <ContextProvider<Mine> context={mine}>
                <div ref={root} class="sp-app" lang={lang.code()}>{ body }</div>
            </ContextProvider<Mine>>
        </ContextProvider<Widget>>
    }
}

/// The filters' outcome over the programme, and the count beside "only my starred". The
/// plan changes which sessions match only with "only my starred" on. Otherwise a star
/// changes just that count, counted apart, so it neither runs the filters again nor
/// changes the counts the filter panel and the day tabs are drawn from (issue 29).
#[hook]
fn use_outcome(
    state: &AppState,
    programme: &Option<ProgrammeRef>,
    index: &Rc<search::Index>,
    day: Option<usize>,
) -> (Rc<filter::Outcome>, usize) {
    let recent_searches = use_mut_ref(search::Recent::default);
    let starred_only = state.route.filters.starred_only;
    let plan = if starred_only {
        state.plan.clone()
    } else {
        Plan::default()
    };
    let outcome = use_memo(
        (programme.clone(), state.route.filters.clone(), plan, day),
        |(p, filters, plan, day)| {
            p.as_ref()
                .map(|p| {
                    let hits = search_hits(&recent_searches, index, &filters.text);
                    filter::run_with_hits(
                        p,
                        hits.as_deref().map(Vec::as_slice),
                        plan,
                        filters,
                        *day,
                    )
                })
                .unwrap_or_default()
        },
    );
    let starred_shown = match programme {
        Some(_) if starred_only => outcome.counts.starred,
        Some(p) => filter::starred_among(p, &state.plan, &outcome.matching),
        None => 0,
    };
    (outcome, starred_shown)
}

/// Which sessions contain the words of `text` (`None` without a search), from the
/// answers to the last searches where it can (`search::Recent`).
fn search_hits(
    recent: &RefCell<search::Recent>,
    index: &Rc<search::Index>,
    text: &str,
) -> Option<Rc<Vec<bool>>> {
    let terms = search::terms(text);
    (!terms.is_empty()).then(|| recent.borrow_mut().hits(index, terms))
}

/// The sessions of `ids` the programme has, in programme order.
fn ordered(p: &ProgrammeRef, ids: &std::collections::BTreeSet<SessionId>) -> Vec<usize> {
    let mut all: Vec<usize> = ids.iter().filter_map(|id| p.session_ix(id)).collect();
    all.sort_unstable();
    all
}

/// Downloads a calendar file: of one session, or with `None` of every starred one.
fn calendar(
    programme: Option<ProgrammeRef>,
    plan: Plan,
    lang: Lang,
) -> Callback<Option<SessionId>> {
    Callback::from(move |one: Option<SessionId>| {
        let Some(p) = &programme else { return };
        let sessions: Vec<usize> = match &one {
            Some(id) => p.session_ix(id).into_iter().collect(),
            None => ordered(p, &plan.starred),
        };
        let text = ics::calendar(p, &sessions, download::now(), lang.code());
        let name = ics::file_name(p, one.as_deref().and_then(|id| p.session(id)));
        download::offer(&name, "text/calendar;charset=utf-8", &text);
    })
}

/// The delegation link's value: the visitor (by the name they typed, else "Jag"/"Me",
/// stamped now) and every colleague (with the stamp of their link).
fn team_value(state: &AppState, programme: &ProgrammeRef, lang: Lang) -> String {
    let team = &state.team.colleagues;
    let me = team.me.clone().unwrap_or_else(|| lang.me().to_owned());
    let now = download::now().timestamp().max(0) as u64;
    let mut people = vec![(me.as_str(), now, &state.plan.starred)];
    people.extend(
        team.colleagues
            .iter()
            .map(|c| (c.name.as_str(), c.stamp, &c.plan.starred)),
    );
    encode_team(programme, &people)
}

/// Downloads a person's plan as a calendar file: a colleague's by name, the visitor's own
/// with an empty name. The file is named after the person.
fn person_calendar(programme: ProgrammeRef, state: &AppState, lang: Lang) -> Callback<String> {
    let team = state.team.colleagues.clone();
    let mine = state.plan.starred.clone();
    Callback::from(move |name: String| {
        let p = &programme;
        let starred = if name.is_empty() {
            &mine
        } else {
            match team.find(&name) {
                Some(i) => &team.colleagues[i].plan.starred,
                None => return,
            }
        };
        let text = ics::calendar(p, &ordered(p, starred), download::now(), lang.code());
        let stem = ics::file_name(p, None);
        let stem = stem.strip_suffix(".ics").unwrap_or(&stem);
        let who: String = if name.is_empty() {
            lang.me().to_owned()
        } else {
            name.clone()
        }
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
        download::offer(
            &format!("{stem}-{who}.ics"),
            "text/calendar;charset=utf-8",
            &text,
        );
    })
}
