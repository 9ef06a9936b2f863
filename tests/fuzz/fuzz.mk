# SPDX-License-Identifier: GPL-2.0-only
# libFuzzer harnesses (tests/fuzz/fuzz_*.c) over the loader's pure code, built with Debian's clang.
#
#   make fuzz [FUZZ_SECONDS=N] [FUZZ_RUNS=N] [FUZZ=NAME...]   run each harness for N seconds (default
#                                                        60), or until N executions if sooner
#   make fuzz-smoke                              a few seconds each; part of `make check`
# Corpora live under $(OUT)/fuzz/corpus/NAME (seeded by tests/fuzz/seeds.py); crashes are saved as
# $(OUT)/fuzz/crash-NAME-*. Executions per harness are printed and kept in $(OUT)/fuzz/NAME.stats.

FUZZ_CC := clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -Wundef \
	-iquote tests/fuzz -iquote tests/acpi -iquote tests/loader/tables \
	-iquote tests/harness -iquote include -iquote loader -iquote loader/core -iquote loader/setup -iquote . \
	-D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ -MMD -MP
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 4

FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(filter-out tests/fuzz/fuzz_support.c,$(sort $(wildcard tests/fuzz/fuzz_*.c))))
FUZZ ?= $(FUZZ_NAMES)
FUZZ_CODE_OBJS := $(patsubst %,$(OUT)/fuzz/obj/%.o,$(filter-out loader/lib/string.c,$(LOADER_PURE_SRCS)) \
	tests/fuzz/fuzz_support.c) $(OUT)/fuzz/obj/string-renamed.o
FUZZ_BINS := $(patsubst %,$(OUT)/fuzz/fuzz-%,$(FUZZ_NAMES))

# Objects depend on this file: its flags decide what they are instrumented with.
$(OUT)/fuzz/obj/%.c.o: %.c tests/fuzz/fuzz.mk $(DEPS_BUILD) | fuzz-deps
	$(call say,FUZZCC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_CFLAGS_EXTRA) -c -o $@ $<

# The formatting, division and checksum helpers run a comparison per character, bit or byte
# of every log line and table: traced, those comparisons were most of each harness's time
# (64-bit division alone was 27% of fuzz-e820). Their operands come from format strings and
# loop bounds, not from input structure, so they keep edge coverage, ASan and UBSan and lose
# only the comparison tracing that feeds the mutator.
FUZZ_UNTRACED_CMP := loader/lib/printf.c loader/lib/div64.c loader/lib/checksum.c
$(patsubst %,$(OUT)/fuzz/obj/%.o,$(FUZZ_UNTRACED_CMP)): FUZZ_CFLAGS_EXTRA := -fno-sanitize-coverage=trace-cmp

$(OUT)/fuzz/obj/string-renamed.o: loader/lib/string.c tests/harness/rename_string.h tests/fuzz/fuzz.mk $(DEPS_BUILD) \
		| fuzz-deps
	$(call say,FUZZCC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fno-builtin -include tests/harness/rename_string.h -c -o $@ $<

$(OUT)/fuzz/fuzz-%: $(OUT)/fuzz/obj/tests/fuzz/fuzz_%.c.o $(FUZZ_CODE_OBJS)
	$(call say,FUZZLD,$@)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^

# Objects are intermediates of pattern rules: keep them between runs.
.SECONDARY: $(FUZZ_CODE_OBJS) $(patsubst %,$(OUT)/fuzz/obj/tests/fuzz/fuzz_%.c.o,$(FUZZ_NAMES))

-include $(FUZZ_CODE_OBJS:.o=.d) $(patsubst %,$(OUT)/fuzz/obj/tests/fuzz/fuzz_%.c.d,$(FUZZ_NAMES))

# Seeds: real inputs where there are some (the SeaBIOS images, a libxl memory map, the
# daemon's replies to probe_config's requests), generated, never committed.
$(OUT)/fuzz/seeds.stamp: tests/fuzz/seeds.py $(SEABIOS_128K)
	$(call say,SEEDS,$(OUT)/fuzz/seeds)
	$(Q)python3 tests/fuzz/seeds.py $(OUT)/fuzz/seeds $(SEABIOS_128K)
	$(Q)touch $@

.PHONY: fuzz fuzz-smoke fuzz-deps
# clang and its libFuzzer runtime are test packages (scripts/deps.sh); deps.sh only calls apt
# for what is missing.
fuzz-deps: | $(DEPS_BUILD)
	$(Q)scripts/deps.sh test

fuzz: $(patsubst %,$(OUT)/fuzz/fuzz-%,$(FUZZ)) $(OUT)/fuzz/seeds.stamp
	$(Q)tests/fuzz/run.sh $(OUT)/fuzz $(FUZZ_SECONDS) $(FUZZ)

# A smoke run shares the machine with the rest of make check: a load spike is not a hang.
fuzz-smoke: $(FUZZ_BINS) $(OUT)/fuzz/seeds.stamp
	$(Q)FUZZ_TIMEOUT=10 tests/fuzz/run.sh $(OUT)/fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_NAMES)

CHECK_TARGETS += fuzz-smoke
