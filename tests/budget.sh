#!/usr/bin/env bash
# Prints what a student downloads for the feed page: the JavaScript and WebAssembly of the
# release build, compressed with gzip -9. Target: 150 KB. Run: `make budget`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo leptos build --release >/dev/null 2>&1 || { echo "release build failed: run cargo leptos build --release" >&2; exit 1; }
pkg=target/site/pkg
total=0
for f in "$pkg/feedwise.js" "$pkg/feedwise.wasm" "$pkg/feedwise_bg.wasm"; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-28s %9d bytes raw %9d bytes gzip -9\n' "$(basename "$f")" "$raw" "$gz"
done
css=$(gzip -9 -c "$pkg/feedwise.css" | wc -c)
printf '%-28s %9s           %9d bytes gzip -9 (not counted)\n' "feedwise.css" "" "$css"
printf 'JS + WebAssembly for the feed page: %d bytes = %.1f KB gzip -9 (target 150 KB)\n' "$total" "$(awk "BEGIN { print $total / 1024 }")"
