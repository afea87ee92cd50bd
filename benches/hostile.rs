//! Hostile schedule files (issue 15): 50,000 events built to make a careless importer
//! slow (every id equal; a room and a speaker per event; a day per event), imported
//! natively, and `now::day_of` on a programme of 50,000 days. Each was quadratic before;
//! each is now linear. Run with `cargo bench --bench hostile`; figures in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use seminarplan_core::generate::{Hostile, hostile_frab};
use seminarplan_core::import::import;

const EVENTS: usize = 50_000;

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (name, shape) in [
        ("same_id", Hostile::SameId),
        ("many_rooms", Hostile::ManyRooms),
        ("many_days", Hostile::ManyDays),
    ] {
        let text = hostile_frab(EVENTS, shape);
        group.bench_function(format!("import_50k_{name}"), |b| {
            b.iter(|| {
                let imported = import(black_box(&text)).expect("imported");
                assert_eq!(imported.programme.sessions.len(), EVENTS);
            })
        });
    }
    let days = import(&hostile_frab(EVENTS, Hostile::ManyDays))
        .expect("imported")
        .programme;
    let last = days.sessions[EVENTS - 1].start;
    group.bench_function("day_of_50k_days", |b| {
        b.iter(|| seminarplan_core::now::day_of(black_box(&days), black_box(last)))
    });
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
