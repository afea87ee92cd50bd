//! `use_search_index`: the programme's search index, built once per programme.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use seminarplan_core::model::Shared;
use seminarplan_core::search::Index;

/// The search index kept for a programme.
type IndexCache = Rc<RefCell<Option<(Shared, Rc<Index>)>>>;

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

/// The index to search `programme` with while the search text is `text`. It is not built
/// before the first sessions are painted: a moment after, or at the first search if that
/// comes sooner. Without a search it is empty.
#[hook]
pub fn use_search_index(programme: Option<Shared>, text: &str) -> Rc<Index> {
    let cache = use_mut_ref(|| None::<(Shared, Rc<Index>)>);
    let index = match &programme {
        Some(p) if !text.trim().is_empty() => index_for(&cache, p),
        _ => Rc::new(Index::default()),
    };
    use_effect_with(programme, move |p| {
        let p = p.clone();
        let later = p.map(|p| {
            gloo::timers::callback::Timeout::new(200, move || {
                index_for(&cache, &p);
            })
        });
        move || drop(later)
    });
    index
}
