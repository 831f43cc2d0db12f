#!/usr/bin/env bash
# The throttled first-tap benchmark (tests/first_tap.mjs) against the release build: builds it,
# installs puppeteer-core (no browser of its own: it drives Debian's Chromium) and starts the
# server. Prints figures; it asserts nothing. Run: `make firsttap`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo leptos build --release >/dev/null 2>&1 || { echo "release build failed: run cargo leptos build --release" >&2; exit 1; }
[ -d tests/node_modules/puppeteer-core ] || npm install --silent --no-audit --no-fund --prefix tests puppeteer-core@23
port=${FIRST_TAP_PORT:-3223}
data=$(mktemp -d)
FEEDWISE_ADDR=127.0.0.1:$port FEEDWISE_DATA_DIR="$data" LEPTOS_SITE_ROOT=target/site RUST_LOG=warn target/release/feedwise &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/en" && break; sleep 0.2; done
sleep 3 # the background compression of the static files
node tests/first_tap.mjs "http://127.0.0.1:$port" "${RUNS:-3}"
