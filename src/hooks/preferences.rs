//! `use_preferences`: the visitor's own choices of layout and language, remembered per
//! namespace.

use yew::prelude::*;

use crate::browser::storage;
use crate::context::Store;
use seminarplan_core::lang::Lang;
use seminarplan_core::saved;
use seminarplan_core::state::{Action, Layout};

/// How the visitor changes a preference: it is applied and remembered.
pub struct Preferences {
    pub on_lang: Callback<Lang>,
    pub on_layout: Callback<Layout>,
}

/// Applies the remembered choices at start (they win over the page's defaults) and gives
/// the callbacks that change and remember them.
#[hook]
pub fn use_preferences(store: &UseReducerHandle<Store>, namespace: &AttrValue) -> Preferences {
    let layout_key = saved::layout_key(namespace);
    let lang_key = saved::lang_key(namespace);
    {
        let dispatch = store.dispatcher();
        let (layout_key, lang_key) = (layout_key.clone(), lang_key.clone());
        use_effect_with((), move |_| {
            match storage::read_pref(&layout_key).as_deref() {
                Some("grid") => dispatch.dispatch(Action::SetLayout(Layout::Grid)),
                Some("list") => dispatch.dispatch(Action::SetLayout(Layout::List)),
                _ => {}
            }
            if let Some(code) = storage::read_pref(&lang_key) {
                dispatch.dispatch(Action::SetLang(Lang::from_code(&code)));
            }
        });
    }
    // Made once per namespace: new callbacks at every render would redraw the header
    // and the layout switch at every star and keystroke (issue 29).
    let dispatch = store.dispatcher();
    let (on_lang, on_layout) =
        (*use_memo((lang_key, layout_key), move |(lang_key, layout_key)| {
            let on_lang = {
                let (dispatch, lang_key) = (dispatch.clone(), lang_key.clone());
                Callback::from(move |lang: Lang| {
                    storage::write_pref(&lang_key, lang.code());
                    dispatch.dispatch(Action::SetLang(lang));
                })
            };
            let on_layout = {
                let layout_key = layout_key.clone();
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
            (on_lang, on_layout)
        }))
        .clone();
    Preferences { on_lang, on_layout }
}
