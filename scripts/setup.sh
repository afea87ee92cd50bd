#!/usr/bin/env bash
# Installs what building and testing Seminarplan needs, skipping what is already there.
# Tools go to fixed places outside the clone (~/.cargo/bin, ~/.local/share/seminarplan),
# so later runs on the same machine reuse them.
#   scripts/setup.sh            build tools: wasm32 target, Trunk, wasm-bindgen CLI, wasm-opt,
#                               cargo-about (the release's licences, scripts/release.sh)
#   scripts/setup.sh --browser  the same, plus Debian's chromium and chromium-driver, and the
#                               other engines' core journeys need: firefox-esr, geckodriver,
#                               webkit2gtk-driver (WebKitWebDriver) and xvfb, and
#                               libreoffice-calc-nogui (the tests' CSV exports and workbooks)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
BINARYEN_VERSION=132.0.0
CARGO_ABOUT_VERSION=0.9.3
GECKODRIVER_VERSION=0.37.1
# Independent readers the end-to-end tests check the widget's output with (--browser only).
ICALENDAR_VERSION=6.3.1
JSQR_VERSION=1.4.0
AXE_VERSION=4.14.1
TOOLS="$HOME/.local/share/seminarplan"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # Not --locked: the registry mirror lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (npm binaryen $BINARYEN_VERSION)"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
fi
ln -sf "$TOOLS/node_modules/.bin/wasm-opt" "$HOME/.cargo/bin/wasm-opt"

# cargo-about collects the licences of every crate in the wasm for the release archive.
if ! cargo about --version 2>/dev/null | grep -q " $CARGO_ABOUT_VERSION"; then
  say "installing cargo-about $CARGO_ABOUT_VERSION (about 4 minutes)"
  cargo install cargo-about --version "$CARGO_ABOUT_VERSION" --locked --features cli
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi

  # LibreOffice Calc, headless: the template saved as CSV (tests/core/sheet.rs) and as
  # .xlsx and .ods (the workbook tests, tests/support/soffice.rs).
  if ! command -v soffice >/dev/null 2>&1; then
    say "installing libreoffice-calc-nogui"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null
  fi

  # The other engines of the core journeys (tests/e2e/engines.rs): Firefox ESR through
  # geckodriver, and WebKitGTK (Safari's engine) through WebKitWebDriver in Xvfb.
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/xvfb-run ] \
    || [ ! -x /usr/bin/xauth ]; then
    say "installing firefox-esr, webkit2gtk-driver and xvfb"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
  fi
  if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
    say "installing geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi

  # Python's icalendar reads the downloaded calendar file in tests/e2e/schedule.rs.
  if ! python3 -c "import sys, icalendar; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" 2>/dev/null; then
    say "installing icalendar $ICALENDAR_VERSION (Python)"
    python3 -m pip install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION" \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "icalendar==$ICALENDAR_VERSION"
  fi

  # jsQR decodes the share dialog's QR code in tests/e2e/schedule.rs.
  if [ "$(node -p "require('$TOOLS/node_modules/jsqr/package.json').version" 2>/dev/null)" != "$JSQR_VERSION" ]; then
    say "installing jsqr $JSQR_VERSION (npm)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent --save-exact "jsqr@$JSQR_VERSION"
  fi

  # axe-core audits every view for accessibility in tests/e2e/a11y.rs.
  if [ "$(node -p "require('$TOOLS/node_modules/axe-core/package.json').version" 2>/dev/null)" != "$AXE_VERSION" ]; then
    say "installing axe-core $AXE_VERSION (npm)"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent --save-exact "axe-core@$AXE_VERSION"
  fi
fi
