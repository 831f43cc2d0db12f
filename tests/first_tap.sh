#!/usr/bin/env bash
# The throttled first-tap benchmark (tests/first_tap.mjs) against the release build: builds it,
# installs puppeteer-core (no browser of its own: it drives Debian's Chromium) and starts the
# server. Prints figures; it asserts nothing. Run: `make firsttap`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo leptos build --release >/dev/null 2>&1 || { echo "release build failed: run cargo leptos build --release" >&2; exit 1; }
[ -d tests/node_modules/puppeteer-core ] || npm install --silent --no-audit --no-fund --prefix tests puppeteer-core@23
. tests/release_server.sh
start_release_server ${FIRST_TAP_PORT:-3223}
node tests/first_tap.mjs "$base" "${RUNS:-3}"
