#!/usr/bin/env bash
# Requests per second on this machine, one server, one run: a round page, the stylesheet, and
# the WebAssembly as gzip and as brotli. Builds the release build first, and needs wrk
# (Debian's `wrk`). Loopback only, 10 seconds per figure. Run: `make rps`.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo leptos build --release >/dev/null 2>&1 || { echo "release build failed: run cargo leptos build --release" >&2; exit 1; }
# The file names carry content hashes, listed in the site's hash.txt.
hash() { awk -v k="$1:" '$1 == k { print $2 }' target/site/hash.txt; }
wasm="/pkg/feedwise.$(hash wasm).wasm"
css="/pkg/feedwise.$(hash css).css"
. tests/release_server.sh
start_release_server ${RPS_PORT:-3222}
measure() { # name, path, accept-encoding
  local size
  size=$(curl -s -H "Accept-Encoding: $3" "$base$2" | wc -c)
  printf '%-34s %8s bytes  ' "$1" "$size"
  wrk -t2 -c32 -d10s -H "Accept-Encoding: $3" "$base$2" | awk '/Requests\/sec/ { printf "%10.0f requests/s\n", $2 }'
}
measure "round page (gzip)" "/en/play?age=10-12&app=video&level=2&seed=7" "gzip"
measure "stylesheet (gzip)" "$css" "gzip"
measure "WebAssembly (gzip)" "$wasm" "gzip"
measure "WebAssembly (brotli)" "$wasm" "gzip, br"
etag=$(curl -sI -H "Accept-Encoding: br" "$base$wasm" | awk 'tolower($1)=="etag:" { print $2 }' | tr -d '\r')
printf '%-34s %8s bytes  ' "WebAssembly, warm (304)" "$(curl -s -H "If-None-Match: $etag" "$base$wasm" | wc -c)"
wrk -t2 -c32 -d10s -H "If-None-Match: $etag" "$base$wasm" | awk '/Requests\/sec/ { printf "%10.0f requests/s\n", $2 }'
