# The two commands of README.md. Each installs what is missing first.
.PHONY: run test bench load budget rps firsttap

## Build (release) and start Feedwise on http://127.0.0.1:3000
run:
	.ci/tools.sh
	cargo leptos serve --release

## Every test: the download ceiling (a release front end), then unit, property, integration and
## browser tests (a dev build, as the browser tests need)
test:
	.ci/tools.sh --test
	tests/budget.sh --ceiling 100
	cargo leptos build
	cargo leptos test

## Feed generation speed (criterion)
bench:
	cargo bench --features ssr --bench generate_feed

## Classroom server under 1,000 simulated students (LOAD_SECONDS, LOAD_STUDENTS)
load:
	cargo bench --features ssr --bench load

## Download size of the feed page (release build)
budget:
	.ci/tools.sh
	tests/budget.sh

## Requests per second for a round page and the static files (release build, wrk)
rps:
	tests/static_rps.sh

## A round's first tap on a throttled network, cold and warm (release build, headless Chromium)
firsttap:
	.ci/tools.sh --test
	tests/first_tap.sh
