# The two commands a newcomer needs: `make run` and `make test`. Everything else is a step of those.
JOBS ?= $(shell nproc)
# With OPENAI_API_KEY set, the quickstart's vendor is the real OpenAI; otherwise the built-in mock.
ifdef OPENAI_API_KEY
CONFIG ?= examples/quickstart-openai.yaml
else
CONFIG ?= examples/quickstart.yaml
endif
# ccache keys on paths relative to the checkout, so a fresh clone in another folder reuses the cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
export CCACHE_MAXSIZE ?= 5G

.PHONY: deps build test test-asan run fuzz bench format clean package image-test

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
	@if [ -z "$$SWITCHYARD_AUDIT_KEY" ]; then \
	  echo "WARNING: SWITCHYARD_AUDIT_KEY is not set; using a development audit key. Set your own for real use." >&2; \
	fi
	@if [ -z "$$SWITCHYARD_PSEUDONYM_KEY" ]; then \
	  echo "WARNING: SWITCHYARD_PSEUDONYM_KEY is not set; using a development pseudonym key. Set your own for real use." >&2; \
	fi
	SWITCHYARD_AUDIT_KEY="$${SWITCHYARD_AUDIT_KEY:-switchyard-dev-key-NOT-FOR-PRODUCTION}" \
	SWITCHYARD_PSEUDONYM_KEY="$${SWITCHYARD_PSEUDONYM_KEY:-switchyard-dev-pseudonym-key-NOT-FOR-PRODUCTION}" \
	  ./build/release/proxy/switchyard serve --config $(CONFIG)

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

# A Debian package of the release build (binary, packs, config, hardened systemd unit):
# build/release/package/switchyard_<version>_<arch>.deb. See docs/deployment.md.
package: build
	@cd build/release && cpack -G DEB

# The container image, docker-compose.yml and the package, proved with podman (CI runs it).
image-test: package
	@scripts/image-test.sh

bench: build
	@scripts/bench-load.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
