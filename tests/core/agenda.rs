//! A day's agenda: time order, block sessions gathered under their block.

use seminarplan_core::agenda::{Group, day_groups};

use super::{demo, small};

#[test]
fn small_day_one_groups() {
    let p = small();
    let groups = day_groups(&p, 0, |_| true);
    let ix = |id: &str| p.session_ix(id).expect(id);
    assert_eq!(
        groups,
        vec![
            Group::Single(ix("open")),
            Group::Block {
                block: 0,
                sessions: vec![ix("s1"), ix("s2")]
            },
            Group::Single(ix("fika")),
        ]
    );
    assert_eq!(day_groups(&p, 1, |_| true), vec![Group::Single(ix("d2"))]);
    // Filtering out sessions drops empty blocks.
    let only_open = day_groups(&p, 0, |i| i == ix("open"));
    assert_eq!(only_open, vec![Group::Single(ix("open"))]);
}

#[test]
fn every_demo_session_appears_once_on_its_day() {
    let p = demo();
    let mut seen = vec![0; p.sessions.len()];
    for day in 0..p.conference.days.len() {
        for g in day_groups(&p, day, |_| true) {
            match g {
                Group::Single(i) => seen[i] += 1,
                Group::Block { sessions, .. } => sessions.iter().for_each(|&i| seen[i] += 1),
            }
        }
    }
    assert!(seen.iter().all(|&n| n == 1));
}
