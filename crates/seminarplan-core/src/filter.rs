//! Filters and faceted counts: which sessions match, and for every option of every facet,
//! how many would match with the other active filters applied (as in a good web shop).
//!
//! `Filters` names things by their ids (and the day by its date), so it survives in a URL
//! and across programme updates; `run` resolves the ids against one programme and ignores
//! ids it does not know.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::model::Programme;
use crate::plan::Plan;
use crate::search::{self, Index};

/// Which day the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DayChoice {
    /// The programme's default day (the first day, or today during the conference).
    #[default]
    Default,
    All,
    Date(NaiveDate),
}

/// Everything the visitor filtered on. Within a facet the options combine with OR,
/// across facets with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub text: String,
    pub day: DayChoice,
    pub blocks: BTreeSet<String>,
    pub themes: BTreeSet<String>,
    pub types: BTreeSet<String>,
    pub rooms: BTreeSet<String>,
    pub languages: BTreeSet<String>,
    pub levels: BTreeSet<String>,
    pub starred_only: bool,
}

/// A filter facet other than text and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Block,
    Theme,
    Type,
    Room,
    Language,
    Level,
}

pub const FACETS: [Facet; 6] = [
    Facet::Theme,
    Facet::Type,
    Facet::Block,
    Facet::Room,
    Facet::Language,
    Facet::Level,
];

impl Facet {
    /// A short stable name, used in URLs and element ids.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Block => "block",
            Facet::Theme => "theme",
            Facet::Type => "type",
            Facet::Room => "room",
            Facet::Language => "lang",
            Facet::Level => "level",
        }
    }
}

impl Filters {
    pub fn set(&self, facet: Facet) -> &BTreeSet<String> {
        match facet {
            Facet::Block => &self.blocks,
            Facet::Theme => &self.themes,
            Facet::Type => &self.types,
            Facet::Room => &self.rooms,
            Facet::Language => &self.languages,
            Facet::Level => &self.levels,
        }
    }

    pub fn set_mut(&mut self, facet: Facet) -> &mut BTreeSet<String> {
        match facet {
            Facet::Block => &mut self.blocks,
            Facet::Theme => &mut self.themes,
            Facet::Type => &mut self.types,
            Facet::Room => &mut self.rooms,
            Facet::Language => &mut self.languages,
            Facet::Level => &mut self.levels,
        }
    }

    /// Adds the option if absent, removes it if present.
    pub fn toggle(&mut self, facet: Facet, id: &str) {
        let set = self.set_mut(facet);
        if !set.remove(id) {
            set.insert(id.to_owned());
        }
    }

    /// Whether anything narrows the list (the day is navigation, not a filter).
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
            || self.starred_only
            || FACETS.iter().any(|&f| !self.set(f).is_empty())
    }

    /// Removes every filter but keeps the day.
    pub fn clear(&mut self) {
        *self = Filters {
            day: self.day.clone(),
            ..Filters::default()
        };
    }

    /// How many filters are active (for the "Filter (3)" button).
    pub fn active_count(&self) -> usize {
        usize::from(!self.text.trim().is_empty())
            + usize::from(self.starred_only)
            + FACETS.iter().map(|&f| self.set(f).len()).sum::<usize>()
    }
}

/// The day index a `DayChoice` means in this programme; `None` for all days.
pub fn resolve_day(
    programme: &Programme,
    choice: &DayChoice,
    today: Option<NaiveDate>,
) -> Option<usize> {
    let days = &programme.conference.days;
    match choice {
        DayChoice::All => None,
        DayChoice::Date(d) => days.iter().position(|x| x == d).or(Some(0)),
        DayChoice::Default => today
            .and_then(|t| days.iter().position(|&x| x == t))
            .or(Some(0)),
    }
}

/// How many sessions each option would give, with the other filters applied.
/// Each vector runs parallel to the programme's list (`blocks`, `themes`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub days: Vec<usize>,
    pub all_days: usize,
    pub blocks: Vec<usize>,
    pub themes: Vec<usize>,
    pub types: Vec<usize>,
    pub rooms: Vec<usize>,
    pub levels: Vec<usize>,
    /// Languages in the programme (sorted codes) with their counts.
    pub languages: Vec<(String, usize)>,
    pub starred: usize,
}

impl Counts {
    pub fn of(&self, facet: Facet, option: usize) -> usize {
        let list = match facet {
            Facet::Block => &self.blocks,
            Facet::Theme => &self.themes,
            Facet::Type => &self.types,
            Facet::Room => &self.rooms,
            Facet::Level => &self.levels,
            Facet::Language => return self.languages.get(option).map_or(0, |l| l.1),
        };
        list.get(option).copied().unwrap_or(0)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching sessions on the chosen day (or all days), in programme order.
    pub matching: Vec<usize>,
    pub counts: Counts,
}

// One bit per constraint a session can fail.
const TEXT: u16 = 1;
const DAY: u16 = 1 << 1;
const STARRED: u16 = 1 << 2;

fn bit(facet: Facet) -> u16 {
    1 << (3 + facet as u16)
}

/// The options of a facet as (id, label), in the programme's order.
pub fn options(programme: &Programme, facet: Facet, lang: Lang) -> Vec<(String, String)> {
    let (ui, pl) = (lang.code(), programme.lang());
    match facet {
        Facet::Block => programme
            .blocks
            .iter()
            .map(|b| (b.id.clone(), b.name.get(ui, pl).to_owned()))
            .collect(),
        Facet::Theme => programme
            .themes
            .iter()
            .map(|t| (t.id.clone(), t.name.get(ui, pl).to_owned()))
            .collect(),
        Facet::Type => programme
            .types
            .iter()
            .map(|t| (t.id.clone(), t.name.get(ui, pl).to_owned()))
            .collect(),
        Facet::Room => programme
            .rooms
            .iter()
            .map(|r| (r.id.clone(), r.name.get(ui, pl).to_owned()))
            .collect(),
        Facet::Level => programme
            .levels
            .iter()
            .map(|l| (l.id.clone(), l.name.get(ui, pl).to_owned()))
            .collect(),
        Facet::Language => languages(programme)
            .into_iter()
            .map(|code| {
                let name = lang.language_name(&code);
                (code, name)
            })
            .collect(),
    }
}

/// The languages of a programme's sessions, sorted, each once.
///
/// Inserted one by one, a run of sessions in one language once: collecting them all
/// sorted 1,000 strings at every keystroke, a twentieth of its time (issue 29).
pub fn languages(programme: &Programme) -> Vec<String> {
    let mut set: BTreeSet<&str> = BTreeSet::new();
    let mut last = None;
    for s in &programme.sessions {
        let l = s.language.as_str();
        if last != Some(l) {
            set.insert(l);
            last = Some(l);
        }
    }
    set.into_iter().map(str::to_owned).collect()
}

/// Runs the filters over the programme.
pub fn run(
    programme: &Programme,
    index: &Index,
    plan: &Plan,
    filters: &Filters,
    day: Option<usize>,
) -> Outcome {
    let terms = search::terms(&filters.text);
    let hits = (!terms.is_empty()).then(|| index.hits(&terms, None));
    run_with_hits(programme, hits.as_deref(), plan, filters, day)
}

/// How many of `plan`'s sessions are among `matching` (indices in programme order, as
/// [`Outcome::matching`] gives them): the count beside "only my starred" while that
/// filter is off. It is then `counts.starred` of a run with the plan; counted apart, a
/// star changes only this number, not the outcome of the filters (issue 29).
pub fn starred_among(programme: &Programme, plan: &Plan, matching: &[usize]) -> usize {
    plan.starred
        .iter()
        .filter_map(|id| programme.session_ix(id))
        .filter(|ix| matching.binary_search(ix).is_ok())
        .count()
}

/// [`run`] with the search already done: `hits` says for every session whether it
/// contains the search words (`None`: no search), as [`Index::hits`] gives it.
pub fn run_with_hits(
    programme: &Programme,
    hits: Option<&[bool]>,
    plan: &Plan,
    filters: &Filters,
    day: Option<usize>,
) -> Outcome {
    let ids = |list: &[String], wanted: &BTreeSet<String>| -> Vec<bool> {
        list.iter().map(|id| wanted.contains(id)).collect()
    };
    let block_ids: Vec<String> = programme.blocks.iter().map(|b| b.id.clone()).collect();
    let theme_ids: Vec<String> = programme.themes.iter().map(|t| t.id.clone()).collect();
    let type_ids: Vec<String> = programme.types.iter().map(|t| t.id.clone()).collect();
    let room_ids: Vec<String> = programme.rooms.iter().map(|r| r.id.clone()).collect();
    let level_ids: Vec<String> = programme.levels.iter().map(|l| l.id.clone()).collect();
    let langs = languages(programme);
    let want_block = ids(&block_ids, &filters.blocks);
    let want_theme = ids(&theme_ids, &filters.themes);
    let want_type = ids(&type_ids, &filters.types);
    let want_room = ids(&room_ids, &filters.rooms);
    let want_level = ids(&level_ids, &filters.levels);
    // A filter whose every id is unknown here filters nothing rather than everything.
    let on = |want: &[bool]| want.iter().any(|&w| w);
    let (block_on, theme_on, type_on, room_on, level_on) = (
        on(&want_block),
        on(&want_theme),
        on(&want_type),
        on(&want_room),
        on(&want_level),
    );
    let lang_on = langs.iter().any(|l| filters.languages.contains(l));

    let mut counts = Counts {
        days: vec![0; programme.conference.days.len()],
        all_days: 0,
        blocks: vec![0; programme.blocks.len()],
        themes: vec![0; programme.themes.len()],
        types: vec![0; programme.types.len()],
        rooms: vec![0; programme.rooms.len()],
        levels: vec![0; programme.levels.len()],
        languages: langs.iter().map(|l| (l.clone(), 0)).collect(),
        starred: 0,
    };
    let mut matching = Vec::new();

    for (ix, s) in programme.sessions.iter().enumerate() {
        let mut fails = 0u16;
        if hits.is_some_and(|hits| !hits.get(ix).copied().unwrap_or(false)) {
            fails |= TEXT;
        }
        if day.is_some_and(|d| d != s.day) {
            fails |= DAY;
        }
        let starred = plan.is_starred(&s.id);
        if filters.starred_only && !starred {
            fails |= STARRED;
        }
        if block_on && !s.block.is_some_and(|b| want_block[b]) {
            fails |= bit(Facet::Block);
        }
        if theme_on && !s.themes.iter().any(|&t| want_theme[t]) {
            fails |= bit(Facet::Theme);
        }
        if type_on && !want_type[s.kind_ix] {
            fails |= bit(Facet::Type);
        }
        if room_on && !s.room.is_some_and(|r| want_room[r]) {
            fails |= bit(Facet::Room);
        }
        if level_on && !s.level.is_some_and(|l| want_level[l]) {
            fails |= bit(Facet::Level);
        }
        if lang_on && !filters.languages.contains(&s.language) {
            fails |= bit(Facet::Language);
        }

        if fails == 0 {
            matching.push(ix);
        }
        // Counts: a session counts for an option when it fails nothing but that facet.
        let except = |mask: u16| fails & !mask == 0;
        if except(DAY) {
            counts.days[s.day] += 1;
            counts.all_days += 1;
        }
        if except(STARRED) && starred {
            counts.starred += 1;
        }
        if except(bit(Facet::Block))
            && let Some(b) = s.block
        {
            counts.blocks[b] += 1;
        }
        if except(bit(Facet::Theme)) {
            for &t in &s.themes {
                counts.themes[t] += 1;
            }
        }
        if except(bit(Facet::Type)) {
            counts.types[s.kind_ix] += 1;
        }
        if except(bit(Facet::Room))
            && let Some(r) = s.room
        {
            counts.rooms[r] += 1;
        }
        if except(bit(Facet::Level))
            && let Some(l) = s.level
        {
            counts.levels[l] += 1;
        }
        if except(bit(Facet::Language))
            && let Ok(i) = langs.binary_search(&s.language)
        {
            counts.languages[i].1 += 1;
        }
    }
    Outcome { matching, counts }
}
