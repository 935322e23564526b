# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of those.
JOBS ?= $(shell nproc)
CONFIG ?= examples/quickstart.yaml
# ccache keys on paths relative to the checkout, so a fresh clone in another folder reuses the cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
export CCACHE_MAXSIZE ?= 5G

.PHONY: deps build test test-asan run fuzz bench format clean

deps:
	@scripts/deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

test: build
	@ctest --preset release

build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

test-asan: build-asan
	@ctest --preset asan

run: build
	./build/release/proxy/switchyard serve --config $(CONFIG)

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

bench: build
	@scripts/bench-load.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
