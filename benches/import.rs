//! Reading a large programme natively (issue 16): the same generated 10,000 sessions as our
//! own `seminarplan/1` JSON and as the sheet Swedish Excel writes, each through
//! `import::read_here`, the widget's own reader. Run with `cargo bench --bench import`;
//! figures in BENCHMARKS.md ("Speed: a 10,000-row sheet").

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use seminarplan_core::generate::{programme_csv, programme_json};
use seminarplan_core::import::read_here;

const SESSIONS: usize = 10_000;
/// The browser benchmark's seed, so both read the same programme.
const SEED: u64 = 2027;

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    for (name, text) in [
        ("json_10000", programme_json(SESSIONS, SEED)),
        ("sheet_10000", programme_csv(SESSIONS, SEED)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let (programme, _) = read_here(black_box(&text))
                    .expect("read here")
                    .expect("imported");
                assert_eq!(programme.sessions.len(), SESSIONS);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
