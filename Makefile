# corridor: the two commands a planner needs are `make run` and `make test`.
# Both install what is missing (Debian bookworm, as root or with sudo), build Release and go on.

PACKAGES := g++ cmake make ccache pkg-config \
            libeigen3-dev libboost-graph-dev libyaml-cpp-dev libtbb-dev catch2 \
            nlohmann-json3-dev libcli11-dev python3-simpy3 libsqlite3-dev \
            libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev liblz4-dev \
            clang libclang-rt-14-dev dpkg-dev libopenmpi-dev openmpi-bin \
            python3 chromium chromium-driver gdal-bin

MAKEFLAGS += --no-print-directory

SCENARIO ?= scenarios/karabakh-2020/scenario.yaml
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= scenario csv dimacs osm pbf cli prepared
FUZZ_PENDING_OK ?= 0
FUZZ_FIXED ?= 0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test golden bench asan fuzz data package clean

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$(echo ' '$$missing)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	fi

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release

run: build
	./build/corridor run $(SCENARIO)

test: build
	@ctest --preset release; status=$$?; tests/skipped.sh build; exit $$status

# Rewrites tests/golden/ from this build's outputs: only when a change to the results is intended
# (read `git diff tests/golden` and say why in the commit).
golden: build
	tests/golden/check.sh ./build/corridor . --update

bench: build
	./build/corridor-bench hold --pending 10000 --events 5000000
	./build/corridor-bench hold --pending 100 --events 5000000
	./build/corridor-bench mmc --servers 2 --arrival-rate 1.6 --service-rate 1 --customers 2000000 --seed 1
	tests/bench/compare_simpy.sh ./build/corridor-bench
	./build/corridor-bench load
	./build/corridor-bench route --queries 200
	./build/corridor-bench scenario $(SCENARIO)
	./build/corridor-bench scenario --kpis-only --days 90 --repetitions 5
	./build/corridor-bench scenario --kpis-only --days 900 --repetitions 5
	./build/corridor-bench sweep

asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan
	ctest --preset asan

# Each reader's libFuzzer target for FUZZ_SECONDS (clang, the fuzz preset, build-fuzz/); an input
# that fails lands in tests/fuzz/crashes/TARGET/ and fails the run (docs/testing.md).
fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz
	FUZZ_PENDING_OK=$(FUZZ_PENDING_OK) FUZZ_FIXED=$(FUZZ_FIXED) tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The public files tests and benchmarks use (road networks, map extracts, a golden file), fetched
# from upstream and checked by SHA-256 into ~/.cache/corridor/data; offline, it says which files to
# put where (scripts/fetch_data.sh, docs/testing.md "Test data").
data:
	@command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || { \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends curl ca-certificates; }
	scripts/fetch_data.sh

# The Debian package build/corridor_VERSION_ARCH.deb: the program, its docs and the example
# scenarios (cmake/packaging.cmake, docs/architecture.md "Licence, install and package").
package: build
	cmake --build --preset release --target package

clean:
	rm -rf build build-asan build-fuzz
