//! Orders a day's sessions the way a visitor reads a programme: in time order, with the
//! parallel seminars of a block gathered under that block.

use crate::model::Programme;

/// One entry in a day's agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    /// A seminar block and its sessions (indices into `Programme::sessions`).
    Block { block: usize, sessions: Vec<usize> },
    /// A session outside any block (a plenary, a break, the dinner).
    Single(usize),
}

/// The agenda of one day, restricted to the sessions `keep` accepts.
pub fn day_groups(programme: &Programme, day: usize, keep: impl Fn(usize) -> bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (ix, s) in programme.sessions.iter().enumerate() {
        if s.day != day || !keep(ix) {
            continue;
        }
        match s.block {
            None => groups.push(Group::Single(ix)),
            Some(b) => {
                let existing = groups.iter_mut().find_map(|g| match g {
                    Group::Block { block, sessions } if *block == b => Some(sessions),
                    _ => None,
                });
                match existing {
                    Some(sessions) => sessions.push(ix),
                    None => groups.push(Group::Block {
                        block: b,
                        sessions: vec![ix],
                    }),
                }
            }
        }
    }
    groups
}
