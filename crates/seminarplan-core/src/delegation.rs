//! A delegation plans together: colleagues' plans kept next to the visitor's own, who
//! covers which seminar block, and one link for the whole delegation.
//!
//! A colleague is a name the visitor typed (or that came in a delegation link, treated as
//! untrusted text) and that colleague's plan. Colleagues are identified by their name,
//! compared without regard to case. Every plan carries a *stamp*: when its link was made,
//! in seconds since 1970, written in base 36. A link from the same colleague replaces the
//! kept plan only when its stamp is newer; an older or equally old link that differs is
//! reported, and applied only when the visitor asks for it. Links made before stamps
//! existed count as stamp 0: never newer than anything.
//!
//! Submodules: `link` (the share-link stamp and the delegation link), `coverage` (who goes
//! where), `day` (a plan as a day: free time and walks between rooms and floors).

pub mod actions;
pub mod coverage;
pub mod day;
pub mod link;
mod texts;

use std::collections::BTreeSet;

use crate::model::{Programme, SessionId};
use crate::plan::Plan;

/// Longest colleague name kept, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// Most colleagues one visitor keeps (a delegation is rarely more than six).
pub const MAX_COLLEAGUES: usize = 20;

/// A colleague and the plan they shared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colleague {
    /// Cleaned (`clean_name`), never empty.
    pub name: String,
    /// When the colleague's link was made (seconds since 1970); 0 when unknown.
    pub stamp: u64,
    pub plan: Plan,
}

/// The visitor's colleagues, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Delegation {
    pub colleagues: Vec<Colleague>,
    /// The visitor's own name in delegation links they make (cleaned), once typed.
    pub me: Option<String>,
}

/// What adding or updating a colleague did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new colleague.
    Added,
    /// The kept plan was replaced by a newer one (or on request).
    Replaced,
    /// The link says what is already kept.
    Unchanged,
    /// The link is not newer than the kept plan and differs from it: nothing changed.
    NotNewer,
    /// The name is empty once cleaned.
    BadName,
    /// Too many colleagues already.
    Full,
}

/// Why a rename was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameError {
    Empty,
    Taken,
    NoSuchColleague,
}

/// Characters that show as nothing (or as a blank) in a name, so `Anna` with one of them
/// would look like a second `Anna` (issue 28): zero-width spaces and joiners, the soft
/// hyphen, the Arabic letter mark, invisible operators, the combining grapheme joiner,
/// variation selectors, tag characters, the Hangul and Khmer fillers, the Mongolian
/// separators; and `~`, which separates link parts.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
            | '~'
    )
}

/// A name as kept and shown: disguising characters removed (`parse::clean`), invisible
/// and separator characters dropped, white space collapsed, at most `MAX_NAME_CHARS`
/// characters. `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let cleaned = crate::text::clean(raw);
    let visible = cleaned
        .chars()
        .filter(|&c| !invisible(c))
        .collect::<String>();
    let name: String = visible
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    let name = name.trim().to_owned();
    (!name.is_empty()).then_some(name)
}

/// Up to two initials ("Anna Berg" → "AB", "Åsa" → "Å").
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

impl Delegation {
    /// The colleague with this name (compared after cleaning, without regard to case).
    pub fn find(&self, name: &str) -> Option<usize> {
        let name = clean_name(name)?;
        self.colleagues
            .iter()
            .position(|c| same_name(&c.name, &name))
    }

    pub fn is_empty(&self) -> bool {
        self.colleagues.is_empty()
    }

    pub fn len(&self) -> usize {
        self.colleagues.len()
    }

    /// Adds a colleague, or updates the one with the same name: a newer stamp replaces
    /// the kept plan; anything else is `NotNewer` unless `force`. Snapshots are taken from
    /// `programme` so later changes to the colleague's sessions can be pointed out.
    pub fn add_or_update(
        &mut self,
        name: &str,
        ids: BTreeSet<SessionId>,
        stamp: u64,
        force: bool,
        programme: Option<&Programme>,
    ) -> Outcome {
        let Some(name) = clean_name(name) else {
            return Outcome::BadName;
        };
        let mut plan = Plan {
            starred: ids,
            ..Plan::default()
        };
        if let Some(p) = programme {
            plan.fill_snapshots(p);
        }
        match self.find(&name) {
            None if self.colleagues.len() >= MAX_COLLEAGUES => Outcome::Full,
            None => {
                self.colleagues.push(Colleague { name, stamp, plan });
                Outcome::Added
            }
            Some(i) => {
                let kept = &mut self.colleagues[i];
                if kept.plan.starred == plan.starred {
                    kept.stamp = kept.stamp.max(stamp);
                    Outcome::Unchanged
                } else if stamp > kept.stamp || force {
                    kept.plan = plan;
                    kept.stamp = kept.stamp.max(stamp);
                    Outcome::Replaced
                } else {
                    Outcome::NotNewer
                }
            }
        }
    }

    /// Renames a colleague; the new name is cleaned and must not be another colleague's.
    pub fn rename(&mut self, old: &str, new: &str) -> Result<(), RenameError> {
        let i = self.find(old).ok_or(RenameError::NoSuchColleague)?;
        let new = clean_name(new).ok_or(RenameError::Empty)?;
        if self.find(&new).is_some_and(|j| j != i) {
            return Err(RenameError::Taken);
        }
        self.colleagues[i].name = new;
        Ok(())
    }

    /// Removes a colleague; returns whether there was one by that name.
    pub fn remove(&mut self, name: &str) -> bool {
        match self.find(name) {
            Some(i) => {
                self.colleagues.remove(i);
                true
            }
            None => false,
        }
    }

    /// The changes to each colleague's sessions since they were added (cancelled, moved,
    /// renamed, another room), by the same rules as the visitor's own (`plan::changes`).
    pub fn changes(&self, programme: &Programme) -> Vec<(usize, crate::plan::Change)> {
        self.colleagues
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                crate::plan::changes(programme, &c.plan)
                    .into_iter()
                    .map(move |ch| (i, ch))
            })
            .collect()
    }

    /// Takes snapshots for sessions that have none (colleagues kept by an older version,
    /// or added before the programme was loaded).
    pub fn fill_snapshots(&mut self, programme: &Programme) {
        for c in &mut self.colleagues {
            c.plan.fill_snapshots(programme);
        }
    }

    /// The visitor has seen the changes to the colleagues' plans.
    pub fn acknowledge(&mut self, programme: &Programme) {
        for c in &mut self.colleagues {
            c.plan.acknowledge(programme);
        }
    }
}
