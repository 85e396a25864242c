# The README's two commands, and a few more. The real build is Meson + Ninja;
# this file only strings the steps together.
BUILD ?= build
ASAN_BUILD ?= build-asan
TAISAKU = ./$(BUILD)/src/cli/taisaku

.PHONY: all run check check-asan bootstrap build fuzz bench clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) -Dwerror=true >/dev/null
	@ninja -C $(BUILD) >/dev/null

# Builds taisaku and shows what it does with its embedded default.
run: build
	@scripts/run-sample $(TAISAKU)

# Builds with -Werror and runs every test; the last line is "N passed, N failed".
check: bootstrap
	@tests/run all

check-asan: bootstrap
	@tests/run asan

fuzz: bootstrap
	@fuzz/run 60

bench: build
	@bench/run

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
