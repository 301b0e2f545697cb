# The README's two commands: `make run` (build, demo database, serve) and `make test`
# (install test dependencies, build plain and sanitizer flavours, run every test).
# Meson does the real work; this file only sequences it.

BUILD   ?= build
ASAN    ?= build-asan
FUZZ    ?= build-fuzz
DB      ?= haiguan.db
LISTEN  ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 15

.PHONY: all deps test-deps build run test test-plain test-asan fuzz lint clean

all: build

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD) haiguan

run: build
	$(BUILD)/haiguan --db $(DB) init
	$(BUILD)/haiguan --db $(DB) demo
	@echo "console and API: http://$(LISTEN)/  (stop with Ctrl-C)"
	$(BUILD)/haiguan --db $(DB) serve --listen $(LISTEN)

$(ASAN)/build.ninja:
	meson setup $(ASAN) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

$(FUZZ)/build.ninja:
	CC=clang meson setup $(FUZZ) --buildtype=debug -Dfuzz=true

test: test-deps lint test-plain test-asan fuzz
	@echo "all tests passed"

test-plain: $(BUILD)/build.ninja
	ninja -C $(BUILD)
	meson test -C $(BUILD) --print-errorlogs

test-asan: $(ASAN)/build.ninja
	ninja -C $(ASAN)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		meson test -C $(ASAN) --print-errorlogs

fuzz: $(FUZZ)/build.ninja
	ninja -C $(FUZZ)
	scripts/run-fuzzers.sh $(FUZZ) $(FUZZ_SECONDS)

lint:
	@scripts/lint.sh

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ)
