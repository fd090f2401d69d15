#!/usr/bin/env bash
# Renders every fixture page and 30 articles made up at random (generate.mjs), and checks
# them with the Nu HTML Checker, axe-core in headless Chromium, an overflow test at 375 and
# 320 px, and a JSON-LD check (see check.mjs).
# Installs what it needs: Chromium and Java from Debian, the checkers from npm.
#
# Usage: tests/browser/run.sh [--screenshots DIR]
# Screenshots of CJK and Arabic pages also need fonts-noto-cjk and fonts-noto-core.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
(cd "$root" && cargo build --quiet --example render)
render="$root/target/debug/examples/render"
"$render" --out "$pages/sample.html"
for file in "$root"/tests/fixtures/*.json "$root"/tests/fixtures/*.md; do
  name=$(basename "$file")
  "$render" --out "$pages/${name%.*}.html" "$file"
done
# Articles made up at random with a fixed seed (generate.mjs), some with another
# language's words.
generated=$(mktemp -d)
trap 'rm -rf "$pages" "$generated"' EXIT
node "$here/generate.mjs" "$generated" 30
for file in "$generated"/*.json; do
  name=$(basename "$file" .json)
  locale=()
  if [ -f "$generated/$name.locale" ]; then locale=(--locale "$(cat "$generated/$name.locale")"); fi
  "$render" "${locale[@]}" --out "$pages/$name.html" "$file"
done
node "$here/check.mjs" "$pages" "$@"
