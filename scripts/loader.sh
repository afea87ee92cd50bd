#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): writes the loader, seminar-plan.js, into the
# build from web/seminar-plan.js, with this build's file names of the four wasm modules
# and their wasm-bindgen JavaScript filled in: the widget (hashed by Trunk), and the
# importer, the workbook reader and the check page, which Trunk leaves unhashed (it builds them as "worker"
# apps) and which are given a content hash here, so a browser never mixes two builds.
# It also writes the version from Cargo.toml into the loader and the check pages.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run this from Trunk (a post_build hook)}"
source_dir="${TRUNK_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$staging"

# The first file matching the pattern $1 (and not $2), or nothing.
first() {
  ls $1 2>/dev/null | grep -v -e '^seminar-plan\.js$' -e "${2:-^$}" | head -n 1 || true
}

bindings=$(first 'seminarplan-*.js' '^seminarplan-\(import\|workbook\|check-page\)')
wasm=$(first 'seminarplan-*_bg.wasm' '^seminarplan-\(import\|workbook\|check-page\)')
if [ -z "$bindings" ] || [ -z "$wasm" ]; then
  echo "loader.sh: no seminarplan-*.js / seminarplan-*_bg.wasm in $staging" >&2
  exit 1
fi

# Renames a lazily loaded module `$1` (`$1.js`, `$1_bg.wasm`) to names with a hash of both.
hashed() {
  local name=$1
  if [ ! -f "$name.js" ] || [ ! -f "${name}_bg.wasm" ]; then
    echo "loader.sh: no $name.js / ${name}_bg.wasm in $staging" >&2
    exit 1
  fi
  local hash
  hash=$(cat "$name.js" "${name}_bg.wasm" | sha256sum | cut -c1-16)
  mv "$name.js" "$name-$hash.js"
  mv "${name}_bg.wasm" "$name-${hash}_bg.wasm"
  echo "$name-$hash"
}
import=$(hashed seminarplan-import)
workbook=$(hashed seminarplan-workbook)
check=$(hashed seminarplan-check-page)

# The web crate's version: the `version` line of Cargo.toml's [package] table.
version=$(awk '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 }
  p && /^version *=/ { gsub(/version *= *|"/, ""); print; exit }' "$source_dir/Cargo.toml")
if [ -z "$version" ]; then
  echo "loader.sh: no [package] version in $source_dir/Cargo.toml" >&2
  exit 1
fi
for page in check.html check-en.html; do
  if [ -f "$page" ]; then
    sed -i "s|__SP_VERSION__|$version|g" "$page"
  fi
done

sed -e "s|__SP_VERSION__|$version|g" -e "s|__SP_BINDINGS__|./$bindings|" -e "s|__SP_WASM__|./$wasm|" \
  -e "s|__SP_IMPORT_BINDINGS__|./$import.js|" -e "s|__SP_IMPORT_WASM__|./${import}_bg.wasm|" \
  -e "s|__SP_WORKBOOK_BINDINGS__|./$workbook.js|" -e "s|__SP_WORKBOOK_WASM__|./${workbook}_bg.wasm|" \
  -e "s|__SP_CHECK_BINDINGS__|./$check.js|" -e "s|__SP_CHECK_WASM__|./${check}_bg.wasm|" \
  "$source_dir/web/seminar-plan.js" > seminar-plan.js
