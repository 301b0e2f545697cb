# The README's two commands: `make run` (build, demo database, serve) and `make test`
# (install test dependencies, build plain and sanitizer flavours, run every test).
# Meson does the real work; this file only sequences it.

BUILD   ?= build
ASAN    ?= build-asan
FUZZ    ?= build-fuzz
DB      ?= haiguan.db
LISTEN  ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 15

# The web console (web/): npm ci when node_modules is missing or the lock file changed, then
# a Vite build into web/dist, which the Meson build embeds (tools/embed_assets.py).
WEB_SRC := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.js

.PHONY: all deps test-deps build web run test test-plain test-pg test-asan test-e2e test-proxy fuzz lint clean

all: build

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SRC)
	cd web && npm run build

web: deps web/dist/index.html

build: deps web $(BUILD)/build.ninja
	ninja -C $(BUILD) haiguan

run: build
	$(BUILD)/haiguan --db $(DB) init
	$(BUILD)/haiguan --db $(DB) demo --days 30
	@echo "console and API: http://$(LISTEN)/  (stop with Ctrl-C)"
	$(BUILD)/haiguan --db $(DB) serve --listen $(LISTEN)

$(ASAN)/build.ninja:
	meson setup $(ASAN) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false -Dfast_path_check=true -Droute_check=true

$(FUZZ)/build.ninja:
	CC=clang meson setup $(FUZZ) --buildtype=debug -Dfuzz=true

test: test-deps lint web test-plain test-pg test-asan fuzz test-e2e test-proxy
	@echo "all tests passed"

test-plain: web $(BUILD)/build.ninja
	ninja -C $(BUILD)
	meson test -C $(BUILD) --print-errorlogs

# The API suite again, on a PostgreSQL server of its own (scripts/pg-start.sh), stopped and
# deleted afterwards whether the suite passed or not. Unit tests stay on SQLite.
test-pg: web $(BUILD)/build.ninja
	ninja -C $(BUILD)
	@state=$$(mktemp); url=$$(scripts/pg-start.sh $$state); rc=$$?; \
	if [ $$rc -eq 0 ]; then \
		echo "API suite on $$url"; \
		HAIGUAN_TEST_PG=$$url HAIGUAN_TEST_PG_STATE=$$state HAIGUAN_DOCS=$(CURDIR)/docs \
			python3 tests/api/run_api_tests.py $(BUILD)/haiguan; rc=$$?; \
	fi; \
	scripts/pg-stop.sh $$state; exit $$rc

test-asan: web $(ASAN)/build.ninja
	meson configure $(ASAN) -Dfast_path_check=true -Droute_check=true
	ninja -C $(ASAN)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		meson test -C $(ASAN) --print-errorlogs

# the README's tour through Debian's nginx over TLS with deploy/nginx/haiguan.conf, on loopback
test-proxy: test-deps $(BUILD)/build.ninja
	ninja -C $(BUILD) haiguan
	python3 tests/proxy/run_proxy_tests.py $(BUILD)/haiguan

# the console in headless Chromium against a fresh demo server; screenshots in $(BUILD)/e2e-artifacts
test-e2e: test-deps web $(BUILD)/build.ninja
	ninja -C $(BUILD) haiguan
	node tests/e2e/run.mjs $(BUILD)/haiguan $(BUILD)/e2e-artifacts

fuzz: web $(FUZZ)/build.ninja
	ninja -C $(FUZZ)
	scripts/run-fuzzers.sh $(FUZZ) $(FUZZ_SECONDS)

lint:
	@scripts/lint.sh

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ) web/dist
