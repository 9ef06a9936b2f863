# SPDX-License-Identifier: GPL-2.0-only
# Host unit tests: the loader's pure code built for the host under ASan/UBSan, with the tests
# that mirror it (tests/loader/core/e820_test.c tests loader/core/e820.c) and a small harness.

HOST_CC := gcc
HOST_CFLAGS := -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -Wundef \
	-iquote tests/harness -iquote tests/fakes -iquote include -iquote loader -iquote loader/core -iquote loader/setup -iquote . \
	-D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ -MMD -MP

UNIT_TEST_SRCS := $(sort $(shell find tests -name '*_test.c'))
# The code under test; string.c is built renamed (t_memcpy ...) to sit beside the C library.
UNIT_CODE_SRCS := $(filter-out loader/lib/string.c,$(LOADER_PURE_SRCS) $(LOADER_PROBE_SRCS))
# Fakes of the hardware and hypercall layers, so probe-and-apply code runs on the host too.
UNIT_FAKE_SRCS := $(sort $(wildcard tests/fakes/*.c))
UNIT_OBJS := $(patsubst %,$(OUT)/host/%.o,tests/harness/harness.c $(UNIT_CODE_SRCS) $(UNIT_FAKE_SRCS) \
	$(UNIT_TEST_SRCS) $(UNIT_HOST_ONLY_SRCS)) \
	$(OUT)/host/string-renamed.o
UNIT_BIN := $(OUT)/host/unit-tests

$(OUT)/host/%.c.o: %.c $(DEPS_BUILD)
	$(call say,HOSTCC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -c -o $@ $<

$(OUT)/host/string-renamed.o: loader/lib/string.c tests/harness/rename_string.h $(DEPS_BUILD)
	$(call say,HOSTCC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -fno-builtin -include tests/harness/rename_string.h -c -o $@ $<

$(OUT)/host/tests/loader/lib/string_test.c.o: HOST_CFLAGS += -fno-builtin
# The _PRT test reads the ASL gen_asl.py wrote for this build.
$(OUT)/host/tests/acpi/prt_test.c.o: HOST_CFLAGS += -DDSDT_GEN_ASL='"$(ACPI_OUT)/dsdt_gen.asl"'
$(OUT)/host/tests/acpi/prt_test.c.o: $(ACPI_OUT)/dsdt_gen.asl

$(UNIT_BIN): $(UNIT_OBJS)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $(UNIT_OBJS)

-include $(UNIT_OBJS:.o=.d)

# The SeaBIOS image this build has (built in or not) is checked as the loader would check it;
# with SEABIOS=none, the one its guests boot: what Debian's libxl passes.
.PHONY: unit-check
unit-check: $(UNIT_BIN) $(SEABIOS_HAVE)
	$(Q)HVMCHAIN_BUILD_SEABIOS='$(or $(SEABIOS_HAVE),/usr/share/seabios/bios-256k.bin)' $(UNIT_BIN)

CHECK_TARGETS += unit-check
