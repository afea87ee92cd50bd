#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): writes the loader, seminar-plan.js, into the
# build from web/seminar-plan.js, with this build's hashed names of the wasm-bindgen
# JavaScript and the wasm file filled in.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run this from Trunk (a post_build hook)}"
source_dir="${TRUNK_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$staging"
bindings=$(ls seminarplan*.js 2>/dev/null | grep -v '^seminar-plan\.js$' | head -n 1 || true)
wasm=$(ls seminarplan*_bg.wasm 2>/dev/null | head -n 1 || true)
if [ -z "$bindings" ] || [ -z "$wasm" ]; then
  echo "loader.sh: no seminarplan*.js / seminarplan*_bg.wasm in $staging" >&2
  exit 1
fi
sed -e "s|__SP_BINDINGS__|./$bindings|" -e "s|__SP_WASM__|./$wasm|" \
  "$source_dir/web/seminar-plan.js" > seminar-plan.js
