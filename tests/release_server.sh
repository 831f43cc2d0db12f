# Sourced by the benchmark scripts: starts the release build's server on port $1 with a fresh
# data folder, stops it when the script ends, and waits until it serves and has compressed its
# static files. Sets $base.
start_release_server() {
  local port=$1 data
  data=$(mktemp -d)
  FEEDWISE_ADDR=127.0.0.1:$port FEEDWISE_DATA_DIR="$data" LEPTOS_SITE_ROOT=target/site RUST_LOG=warn target/release/feedwise &
  server=$!
  trap 'kill $server 2>/dev/null; rm -rf "'"$data"'"' EXIT
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/en" && break; sleep 0.2; done
  sleep 3 # the background compression of the static files
  base="http://127.0.0.1:$port"
}
