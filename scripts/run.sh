#!/usr/bin/env bash
# Builds the release bundle and serves the demo (dist/demo/programme.json, the default) on
# http://127.0.0.1:8080. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release
echo
echo "Seminarplan demo: http://127.0.0.1:8080/  (Ctrl+C stops it)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
