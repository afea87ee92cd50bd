#!/usr/bin/env bash
# Runs the browser benchmark (issue 7): installs what is missing first (as the test
# command does), then `cargo bench --bench browser`, which builds the release bundle,
# measures it in headless Chromium, prints the tables and writes target/bench/.
# Settings: SEMINARPLAN_BENCH_SIZES, SEMINARPLAN_BENCH_RATES, SEMINARPLAN_BENCH_LOADS
# (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
cargo bench --bench browser "$@"
