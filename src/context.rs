//! The widget's state as the components see it: `App` keeps the one reducer ([`Store`])
//! and provides, through two Yew contexts, what the components need together with the way
//! to change it. A component reads them with [`use_widget`] (the programme, the language
//! and the actions) and [`use_plan`] (the visitor's plan and its clashes) instead of being
//! handed them by every level above it.
//!
//! A context change redraws every reader. The plan changes at every star, so it has a
//! context of its own, read only by what shows the plan (My schedule, the header's count,
//! a session's page, the delegation view): the header, the day tabs and the filter panel
//! are not redrawn by a star (issue 29). Components drawn many times over (a session card,
//! a star, a timetable cell) still take what they show as properties, so that a star does
//! not redraw the whole programme.

use std::rc::Rc;

use yew::prelude::*;

use seminarplan_core::lang::Lang;
use seminarplan_core::model::{ProgrammeRef, SessionId};
use seminarplan_core::plan::{Clash, Plan};
use seminarplan_core::state::{Action, AppState};

/// The reducer that wraps the pure `AppState`. Changes to the plan are stamped with the
/// browser's clock (`AppState::apply_at`), so the saved plan can be merged by time.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        crate::browser::timing::note_activity();
        let mut next = (*self).clone();
        next.0.apply_at(action, js_sys::Date::now() as i64);
        Rc::new(next)
    }
}

/// What every component may read, and the actions it may send.
#[derive(Clone, PartialEq)]
pub struct Widget {
    pub lang: Lang,
    /// `None` until the programme is loaded (or when it cannot be).
    pub programme: Option<ProgrammeRef>,
    dispatch: UseReducerDispatcher<Store>,
}

/// The visitor's plan and its clashes: the context that changes at every star.
#[derive(Clone, PartialEq)]
pub struct Mine {
    pub plan: Rc<Plan>,
    pub clashes: Rc<Vec<Clash>>,
    /// How many starred sessions the other filters let through: the count beside "only
    /// my starred".
    pub starred_shown: usize,
}

impl Widget {
    pub fn new(store: &UseReducerHandle<Store>) -> Widget {
        let state = &store.0;
        Widget {
            lang: state.lang,
            programme: state.programme().cloned(),
            dispatch: store.dispatcher(),
        }
    }

    /// Sends `action` to the store.
    pub fn send(&self, action: Action) {
        self.dispatch.dispatch(action);
    }

    /// A callback that turns its value into an action on the store.
    pub fn callback<T: 'static>(&self, make: fn(T) -> Action) -> Callback<T> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |value| dispatch.dispatch(make(value)))
    }

    /// Stars or unstars a session.
    pub fn on_star(&self) -> Callback<SessionId> {
        self.callback(Action::ToggleStar)
    }

    /// Opens (or with `None` closes) a session's page.
    pub fn on_open(&self) -> Callback<Option<SessionId>> {
        self.callback(Action::OpenSession)
    }

    /// Opens (or with `None` closes) a speaker's page.
    pub fn on_speaker(&self) -> Callback<Option<String>> {
        self.callback(Action::OpenSpeaker)
    }

    /// Folds a session card's details open or closed.
    pub fn on_expand(&self) -> Callback<SessionId> {
        self.callback(Action::ToggleExpanded)
    }
}

/// The widget's context; only components inside `App` may call it.
#[hook]
pub fn use_widget() -> Widget {
    use_context::<Widget>().expect("a component of the widget is drawn inside App")
}

/// The plan's context; only components inside `App` may call it.
#[hook]
pub fn use_plan() -> Mine {
    use_context::<Mine>().expect("a component of the widget is drawn inside App")
}
