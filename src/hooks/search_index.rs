//! `use_search_index`: the programme's search index, built once per programme, once the
//! first sessions are drawn and in short steps, so that input is never held up for long.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::timing;
use seminarplan_core::model::ProgrammeRef;
use seminarplan_core::search::{Index, Term, terms};

/// The search index kept for a programme, whole or in the making.
type IndexCache = Rc<RefCell<Option<(ProgrammeRef, Rc<Index>)>>>;

/// Sessions indexed between two looks at the clock.
const STEP: usize = 25;

/// How long one step of building may hold the page, in milliseconds.
const SLICE_MS: f64 = 6.0;

/// The index `cache` holds for `programme`, started afresh for a new programme.
fn entry<'a>(
    cache: &'a mut Option<(ProgrammeRef, Rc<Index>)>,
    programme: &ProgrammeRef,
) -> &'a mut Rc<Index> {
    if cache.as_ref().is_some_and(|(p, _)| p != programme) {
        *cache = None;
    }
    &mut cache
        .get_or_insert_with(|| (programme.clone(), Rc::default()))
        .1
}

/// Puts up to `count` more sessions into the index `cache` holds for `programme`; says
/// whether it is whole.
fn extend(cache: &IndexCache, programme: &ProgrammeRef, count: usize) -> bool {
    let mut cache = cache.borrow_mut();
    let index = entry(&mut cache, programme);
    index.is_whole(programme) || Rc::make_mut(index).extend(programme, count)
}

/// The search index of `programme`, ready to search it for `terms`: what the steps left
/// of that is built now, so a search that comes before they are done still finds every
/// session.
fn index_for(cache: &IndexCache, programme: &ProgrammeRef, terms: &[Term]) -> Rc<Index> {
    let mut cache = cache.borrow_mut();
    let index = entry(&mut cache, programme);
    if !index.ready_for(programme, terms) {
        Rc::make_mut(index).extend_for(programme, terms);
    }
    index.clone()
}

/// Builds the index of `programme` in steps of at most [`SLICE_MS`], one task each, until
/// it is whole or `stop` is set (another programme came). It starts in the task after the
/// effect that asks for it, which Yew runs once the sessions are drawn: not after the
/// next paint, which let a visitor's first keystroke come before the first step.
async fn build_in_steps(cache: IndexCache, programme: ProgrammeRef, stop: Rc<Cell<bool>>) {
    loop {
        timing::next_task().await;
        if stop.get() {
            return;
        }
        let start = timing::now();
        let mut whole = false;
        while !whole && timing::now() - start < SLICE_MS {
            whole = extend(&cache, &programme, STEP);
        }
        if whole {
            timing::mark("seminarplan:indexed");
            return;
        }
    }
}

/// The index to search `programme` with while the search text is `text`. It is built
/// once the first sessions are drawn, a few sessions at a time; a search that comes
/// sooner builds the rest of what it needs at once. Without a search it is empty.
#[hook]
pub fn use_search_index(programme: Option<ProgrammeRef>, text: &str) -> Rc<Index> {
    let cache: IndexCache = use_mut_ref(|| None);
    let index = match &programme {
        Some(p) if !text.trim().is_empty() => index_for(&cache, p, &terms(text)),
        _ => Rc::new(Index::default()),
    };
    use_effect_with(programme, move |p| {
        let stop = Rc::new(Cell::new(false));
        if let Some(p) = p.clone() {
            wasm_bindgen_futures::spawn_local(build_in_steps(cache, p, stop.clone()));
        }
        move || stop.set(true)
    });
    index
}
