//! The plan as the organiser's registration form sees it: the choice per seminar block,
//! whether the choices are valid (`required`, `choose="one-per-block"`), what the host page
//! is told (`Report`, the `detail` of the element's events), and setting the plan from the
//! host page through the same validation and merge as a share link.
//!
//! The element (`web/seminar-plan.js`) turns a `Report` into its form value and validity;
//! nothing here reads anything of the host page.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Programme, SessionId};
use crate::parse::valid_id;
use crate::plan::Plan;
use crate::share::{MAX_IDS, ShareError, SharedPlan};
use crate::state::{Action, AppState};

/// What the element's `choose` attribute asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rule {
    /// Any number of sessions (no `choose`, or a value we do not know).
    #[default]
    Any,
    /// `choose="one-per-block"`: exactly one seminar that is not full in every block that
    /// has one to choose.
    OnePerBlock,
}

impl Rule {
    pub fn from_attr(value: Option<&str>) -> Rule {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("one-per-block") => Rule::OnePerBlock,
            _ => Rule::Any,
        }
    }
}

/// One seminar block and the sessions starred in it, in programme order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockPick {
    pub id: String,
    /// In the visitor's language.
    pub name: String,
    pub chosen: Vec<SessionId>,
}

/// What the host page can know: exactly the visitor's plan for this programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanReport {
    pub programme: String,
    /// Starred sessions the programme has, in programme order (the form value).
    pub chosen: Vec<SessionId>,
    /// Every seminar block in time order.
    pub blocks: Vec<BlockPick>,
}

/// The blocks (indices into `Programme::blocks`) that make a plan invalid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invalid {
    /// `required`, and nothing is chosen at all.
    pub nothing: bool,
    /// Blocks with no choice.
    pub missing: Vec<usize>,
    /// Blocks whose only choices are full.
    pub full: Vec<usize>,
    /// Blocks with more than one choice that is not full.
    pub too_many: Vec<usize>,
}

impl Invalid {
    pub fn is_valid(&self) -> bool {
        *self == Invalid::default()
    }

    /// The `valueMissing` flag: something still has to be chosen.
    pub fn value_missing(&self) -> bool {
        self.nothing || !self.missing.is_empty() || !self.full.is_empty()
    }

    /// The `customError` flag: something has to be unchosen.
    pub fn custom_error(&self) -> bool {
        !self.too_many.is_empty()
    }

    /// The validation message in `lang`, naming the blocks; empty when valid.
    pub fn message(&self, programme: &Programme, lang: Lang) -> String {
        let names = |blocks: &[usize]| {
            blocks
                .iter()
                .map(|&b| programme.blocks[b].name.get(lang.code(), programme.lang()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        if self.nothing {
            parts.push(lang.choose_at_least_one().to_owned());
        }
        if !self.missing.is_empty() {
            parts.push(lang.choose_in_blocks(&names(&self.missing)));
        }
        if !self.full.is_empty() {
            parts.push(lang.full_in_blocks(&names(&self.full)));
        }
        if !self.too_many.is_empty() {
            parts.push(lang.only_one_in_blocks(&names(&self.too_many)));
        }
        parts.join(" ")
    }
}

/// Sessions starred in the programme, in programme order (cancelled ones are left out:
/// they can no longer be chosen).
fn chosen_ixs(programme: &Programme, plan: &Plan) -> Vec<usize> {
    let mut ixs: Vec<usize> = plan
        .starred
        .iter()
        .filter_map(|id| programme.session_ix(id))
        .collect();
    ixs.sort_unstable();
    ixs
}

/// Every seminar block in time order with what is starred in it: the choice per block.
pub fn picks(programme: &Programme, plan: &Plan, lang: Lang) -> Vec<BlockPick> {
    crate::plan::block_choices(programme, plan)
        .into_iter()
        .map(|c| {
            let block = &programme.blocks[c.block];
            BlockPick {
                id: block.id.clone(),
                name: block.name.get(lang.code(), programme.lang()).to_owned(),
                chosen: c
                    .chosen
                    .iter()
                    .map(|&i| programme.sessions[i].id.clone())
                    .collect(),
            }
        })
        .collect()
}

/// The visitor's plan as the host page sees it.
pub fn report(programme: &Programme, plan: &Plan, lang: Lang) -> PlanReport {
    PlanReport {
        programme: programme.id.clone(),
        chosen: chosen_ixs(programme, plan)
            .into_iter()
            .map(|i| programme.sessions[i].id.clone())
            .collect(),
        blocks: picks(programme, plan, lang),
    }
}

/// What is wrong with `plan` under `rule` (and `required`). A block only needs a choice
/// when it has a session that can be starred and is not full.
pub fn check(programme: &Programme, plan: &Plan, rule: Rule, required: bool) -> Invalid {
    let mut out = Invalid {
        nothing: required && chosen_ixs(programme, plan).is_empty(),
        ..Invalid::default()
    };
    if rule != Rule::OnePerBlock {
        return out;
    }
    for choice in crate::plan::block_choices(programme, plan) {
        let open_here = programme
            .sessions
            .iter()
            .any(|s| s.block == Some(choice.block) && !s.full && programme.kind(s).can_star());
        if !open_here {
            continue;
        }
        let open_chosen = choice
            .chosen
            .iter()
            .filter(|&&i| !programme.sessions[i].full)
            .count();
        match (open_chosen, choice.chosen.len()) {
            (0, 0) => out.missing.push(choice.block),
            (0, _) => out.full.push(choice.block),
            (1, _) => {}
            _ => out.too_many.push(choice.block),
        }
    }
    out
}

/// Why the host page's plan was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetError {
    /// No programme yet, or the saved plan not read yet (it must never be overwritten
    /// unread): wait for the `seminarplan-load` event.
    NotReady,
    /// An id a share link could not carry, or more ids than a share link carries.
    Refused(ShareError),
}

/// What setting the plan did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOutcome {
    /// The plan is now exactly the ids given (nothing the visitor had was lost).
    Replaced,
    /// The ids were added to the visitor's plan.
    Merged,
    /// The visitor's plan has sessions the ids lack: they are asked, as with a share link.
    Asked,
    /// The plan already was exactly that.
    Unchanged,
}

impl SetOutcome {
    /// As the JavaScript API returns it.
    pub fn name(self) -> &'static str {
        match self {
            SetOutcome::Replaced => "replaced",
            SetOutcome::Merged => "merged",
            SetOutcome::Asked => "asked",
            SetOutcome::Unchanged => "unchanged",
        }
    }
}

/// Setting the plan to `ids` from the host page, as a share link for this programme:
/// every id checked as a share link's are, then merged (with `merge`), taken over when
/// nothing of the visitor's own plan would be lost, or else offered to the visitor.
pub fn set_plan(
    state: &AppState,
    ids: &[String],
    merge: bool,
) -> Result<(Vec<Action>, SetOutcome), SetError> {
    let programme = state.programme().ok_or(SetError::NotReady)?;
    if !state.plan_loaded {
        return Err(SetError::NotReady);
    }
    if ids.iter().any(|id| !valid_id(id)) {
        return Err(SetError::Refused(ShareError::Malformed));
    }
    // `extend`, not `collect()`, which sorts first: kilobytes of wasm.
    let mut set = BTreeSet::new();
    set.extend(ids.iter().cloned());
    let ids = set;
    if ids.len() > MAX_IDS {
        return Err(SetError::Refused(ShareError::TooLong));
    }
    let unchanged = if merge {
        ids.is_subset(&state.plan.starred)
    } else {
        ids == state.plan.starred
    };
    if unchanged {
        return Ok((Vec::new(), SetOutcome::Unchanged));
    }
    let loses = !state.plan.starred.is_subset(&ids);
    let offer = Action::Offer(SharedPlan {
        programme: programme.id.clone(),
        // Offered for this very programme: no fingerprint needed to tell it from another.
        fingerprint: None,
        ids,
    });
    Ok(match (merge, loses) {
        (true, _) => (vec![offer, Action::MergeShared], SetOutcome::Merged),
        (false, false) => (vec![offer, Action::AdoptShared], SetOutcome::Replaced),
        (false, true) => (vec![offer], SetOutcome::Asked),
    })
}

/// The element's validity, as `ElementInternals.setValidity` takes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Validity {
    pub value_missing: bool,
    pub custom_error: bool,
    /// In the visitor's language; empty when valid.
    pub message: String,
}

/// What the element is told after the programme loaded or the plan changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HostUpdate {
    pub programme: String,
    pub revision: Option<String>,
    /// The programme shown is the last good copy kept in the browser.
    pub stale: bool,
    pub plan: PlanReport,
    pub validity: Validity,
    /// The problems of the sessions left out of the programme shown, for the organiser.
    pub problems: Vec<String>,
}

/// The update for the element, as JSON. `None` until the programme and the saved plan
/// are both there (before that, nothing the host page reads would be the visitor's plan).
pub fn host_update(state: &AppState, rule: Rule, required: bool) -> Option<String> {
    let programme = state.programme().filter(|_| state.plan_loaded)?;
    let invalid = check(programme, &state.plan, rule, required);
    let update = HostUpdate {
        programme: programme.id.clone(),
        revision: programme.revision.clone(),
        stale: state.loading.stale.is_some(),
        plan: report(programme, &state.plan, state.lang),
        problems: (state.loading.left_out.0.iter())
            .map(|e| state.lang.problem(e))
            .collect(),
        validity: Validity {
            value_missing: invalid.value_missing(),
            custom_error: invalid.custom_error(),
            message: invalid.message(programme, state.lang),
        },
    };
    serde_json::to_string(&update).ok()
}

/// What the element is told when the programme cannot be shown: the `detail` of
/// `seminarplan-error`, and a validity that keeps a form that needs a choice from being
/// sent without one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HostFailure {
    /// `fetch` (the file could not be fetched) or `invalid` (it is not a valid programme).
    pub reason: &'static str,
    pub message: String,
    pub validity: Validity,
    /// Every problem of a file that cannot be shown, for the organiser.
    pub problems: Vec<String>,
}

/// The failure for the element, as JSON; `None` unless loading failed.
pub fn host_failure(state: &AppState, rule: Rule, required: bool) -> Option<String> {
    let crate::state::Load::Failed(error) = &state.loading.load else {
        return None;
    };
    let (reason, problems) = match error {
        crate::loading::LoadError::Fetch(_) => ("fetch", Vec::new()),
        crate::loading::LoadError::Invalid(errors) => (
            "invalid",
            errors.iter().map(|e| state.lang.problem(e)).collect(),
        ),
    };
    let message = state.lang.load_error_short(error);
    let needs = required || rule == Rule::OnePerBlock;
    let failure = HostFailure {
        reason,
        problems,
        validity: Validity {
            value_missing: needs,
            custom_error: false,
            message: if needs {
                message.clone()
            } else {
                String::new()
            },
        },
        message,
    };
    serde_json::to_string(&failure).ok()
}
