#!/usr/bin/env bash
# Runs every check and test Seminarplan has, installing whatever is missing first:
# format, clippy (host and wasm32), native tests, browser tests in headless Chromium,
# the release build, and end-to-end tests that drive the release build over WebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# setup.sh --browser installed LibreOffice: its round trip of the template must run.
export SEMINARPLAN_REQUIRE_SOFFICE=1
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check
step "clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown -p seminarplan-web --lib --bins --tests -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p seminarplan-core --lib -- -D warnings
step "native tests"
cargo test --test core
cargo test -p seminarplan-core
step "property test: 100,000 generated inputs through every importer (optimised)"
cargo test --profile fuzz --test core fuzzed_inputs_never_panic -- --nocapture
step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web --test web_grid
step "release build"
trunk build --release
step "release archive and npm package (scripts/release.sh, of the build above)"
scripts/release.sh --package
step "first-load size (fails above the ceiling in tests/size.rs)"
cargo test --test size -- --nocapture
step "end-to-end tests (WebDriver, headless Chromium)"
cargo test --test e2e -- --test-threads=1
