#!/usr/bin/env bash
# Prints what a student downloads for the pages with islands (round, lesson list, progress,
# class page: they load the same files): the JavaScript and WebAssembly of the release build,
# compressed with gzip -9 and brotli -q 11. Goal: 80 KB gzip for the round. Run: `make budget`.
# With `--ceiling KB` it fails when the gzip figure is over KB (`make test` does, with 100), so
# the download cannot creep back. It builds only the front end (`--frontend-only`).
set -euo pipefail
cd "$(dirname "$0")/.."
ceiling=""
[ "${1:-}" = "--ceiling" ] && ceiling=${2:?"--ceiling needs a figure in KB"}
cargo leptos build --release --frontend-only >/dev/null 2>&1 || { echo "release build failed: run cargo leptos build --release --frontend-only" >&2; exit 1; }
pkg=target/site/pkg
# The hashes in the file names, from the list cargo-leptos wrote into the site.
hash() { awk -v k="$1:" '$1 == k { print $2 }' target/site/hash.txt; }
[ -f target/site/hash.txt ] || { echo "no target/site/hash.txt: is hash-files on in Cargo.toml?" >&2; exit 1; }
br() { if command -v brotli >/dev/null; then brotli -q 11 -c "$1" | wc -c; else echo 0; fi; }
total=0
total_br=0
for f in "$pkg/feedwise.$(hash js).js" "$pkg/feedwise.$(hash wasm).wasm"; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  b=$(br "$f")
  total=$((total + gz))
  total_br=$((total_br + b))
  printf '%-40s %9d bytes raw %9d gzip -9 %9d brotli\n' "$(basename "$f")" "$raw" "$gz" "$b"
done
css="$pkg/feedwise.$(hash css).css"
printf '%-40s %9s           %9d gzip -9 %9d brotli (not counted)\n' "$(basename "$css")" "" "$(gzip -9 -c "$css" | wc -c)" "$(br "$css")"
command -v brotli >/dev/null || echo "(brotli is not installed: apt-get install brotli for the brotli figures)"
kb=$(awk "BEGIN { printf \"%.1f\", $total / 1024 }")
printf 'JS + WebAssembly, round / lesson list / progress / class page: %d bytes = %s KB gzip -9, %.1f KB brotli (goal 80 KB gzip)\n' \
  "$total" "$kb" "$(awk "BEGIN { print $total_br / 1024 }")"
if [ -n "$ceiling" ] && [ "$total" -gt $((ceiling * 1024)) ]; then
  echo "over the ceiling: $kb KB gzip for the round, the ceiling is $ceiling KB (README.md, 'Budgets'; ARCHITECTURE.md, 'A round')" >&2
  exit 1
fi
