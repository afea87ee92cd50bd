//! Benchmarks of filtering and search over a generated programme of 5,000 sessions.
//!
//! Every query runs `filter::run` over all days (the faceted counts included), the way the
//! widget runs it on each keystroke; `index/build` is the one-off cost when a programme
//! loads. Run with `cargo bench --bench filter`.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use seminarplan_core::filter::{Filters, run};
use seminarplan_core::generate;
use seminarplan_core::plan::Plan;
use seminarplan_core::search::Index;

const SESSIONS: usize = 5_000;
const SEED: u64 = 2027;

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| (*s).to_owned()).collect()
}

fn filter_and_search(c: &mut Criterion) {
    let programme = generate::programme(SESSIONS, SEED);
    let index = Index::new(&programme);
    let plan = Plan::default();

    let theme_lang = Filters {
        themes: set(&["hallbarhet"]),
        languages: set(&["sv"]),
        ..Filters::default()
    };
    let text = |q: &str| Filters {
        text: q.to_owned(),
        ..Filters::default()
    };
    let cases = [
        ("filter/none", Filters::default()),
        ("filter/theme+lang", theme_lang.clone()),
        ("search/one-word", text("hallbar")),
        ("search/three-words", text("upphandling ramavtal kommun")),
        (
            "search+filters",
            Filters {
                text: "upphandling".to_owned(),
                ..theme_lang
            },
        ),
    ];
    for (name, filters) in &cases {
        let matching = run(&programme, &index, &plan, filters, None).matching.len();
        eprintln!("{name}: {matching} of {SESSIONS} sessions match");
        c.bench_function(name, |b| {
            b.iter(|| {
                run(
                    black_box(&programme),
                    black_box(&index),
                    black_box(&plan),
                    black_box(filters),
                    None,
                )
            })
        });
    }
    // Far slower than a query: fewer samples keep the whole run short.
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.bench_function("build", |b| b.iter(|| Index::new(black_box(&programme))));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = filter_and_search
}
criterion_main!(benches);
