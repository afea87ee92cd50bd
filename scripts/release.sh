#!/usr/bin/env bash
# Makes the release an organiser can use without a toolchain (README, "Putting it on your
# conference website"), under target/release-archive/:
#   seminarplan-<version>.zip   the folder seminarplan-<version>/: the widget files with the
#                               loader at seminar-plan.js, the check pages, the demo, the
#                               spreadsheet template, LÄSMIG.txt/README.txt, CHANGELOG.md,
#                               LICENSES.txt (every crate compiled into the wasm, collected
#                               by cargo-about), package.json and custom-elements.json;
#   seminarplan-<version>.tgz   the same files as an npm package (`npm pack`).
# The version is the one in Cargo.toml.
#
#   scripts/release.sh            installs what is missing, builds the release bundle
#                                 (trunk build --release) and packages it
#   scripts/release.sh --package  only packages the dist/ already built (scripts/test.sh,
#                                 right after its own release build)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ "${1:-}" != "--package" ]; then
  scripts/setup.sh
  trunk build --release
fi

version=$(awk '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 }
  p && /^version *=/ { gsub(/version *= *|"/, ""); print; exit }' Cargo.toml)
if ! grep -q "^const VERSION = \"$version\";" dist/seminar-plan.js 2>/dev/null; then
  echo "release.sh: dist/seminar-plan.js is missing or not of version $version: run trunk build --release" >&2
  exit 1
fi

if ! grep -q "^## \[$version\] - " CHANGELOG.md; then
  echo "release.sh: CHANGELOG.md has no entry '## [$version] - <date>'" >&2
  exit 1
fi

out=target/release-archive
name="seminarplan-$version"
stage="$out/$name"
rm -rf "$stage" "$out/$name.zip" "$out/$name.tgz"
mkdir -p "$stage"

# The bundle, hidden files (Trunk's lock) aside. The demo page refers to its files from the
# site's root; in the archive it must work from any folder.
cp -R dist/. "$stage/"
find "$stage" -name '.*' -exec rm -rf {} +
# (Trunk's minifier may drop the quotes around an attribute.)
sed -E -i 's#(href|src)=("?)/([^/])#\1=\2./\3#g' "$stage/index.html"
cp CHANGELOG.md release/custom-elements.json "$stage/"
for text in README.txt LÄSMIG.txt; do
  sed "s|@VERSION@|$version|g" "release/$text" > "$stage/$text"
done

# The licences of every crate compiled into the wasm (release/about.toml says which).
cargo about generate --config release/about.toml --fail --locked --offline \
  --output-file "$stage/LICENSES.txt" release/about.hbs

# package.json: the files are the folder's, so the zip and the package hold the same.
node - "$stage" "$version" <<'EOF'
const fs = require("fs");
const [dir, version] = process.argv.slice(2);
const files = fs.readdirSync(dir).filter((f) => f !== "package.json").sort();
const pkg = {
  name: "seminarplan",
  version,
  description: "A conference programme and personal schedule widget: the <seminar-plan> custom element (Rust + Yew, WebAssembly). Swedish and English.",
  license: "MIT OR Apache-2.0",
  type: "module",
  exports: {
    ".": "./seminar-plan.js",
    "./seminar-plan.js": "./seminar-plan.js",
    "./custom-elements.json": "./custom-elements.json",
    "./package.json": "./package.json",
    "./*": "./*",
  },
  customElements: "custom-elements.json",
  sideEffects: ["./seminar-plan.js"],
  files,
  keywords: ["web-component", "custom-element", "conference", "programme", "schedule", "webassembly"],
};
fs.writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
EOF

# The zip, with UTF-8 names (LÄSMIG.txt) flagged as such, every file dated as the last
# commit (or SOURCE_DATE_EPOCH), so the same commit gives the same zip.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
python3 - "$out" "$name" "$epoch" <<'EOF'
import os, sys, time, zipfile
out, name, epoch = sys.argv[1:]
when = time.gmtime(max(int(epoch), 315532800))[:6]
with zipfile.ZipFile(os.path.join(out, name + ".zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for root, dirs, files in os.walk(os.path.join(out, name)):
        dirs.sort()
        for f in sorted(files):
            path = os.path.join(root, f)
            info = zipfile.ZipInfo(os.path.relpath(path, out), date_time=when)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as data:
                z.writestr(info, data.read())
EOF

npm pack "./$stage" --pack-destination "$out" --ignore-scripts --silent >/dev/null
echo "release $version:"
ls -l "$out/$name.zip" "$out/$name.tgz"
