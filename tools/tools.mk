# SPDX-License-Identifier: GPL-2.0-only
# hvmchain-tables: the loader's pure table builders built for the host as an installed tool,
# and tables-tool-check, which decodes its output for a 4-vCPU guest with iasl and dmidecode.

# Plain host C (no sanitizers: it is installed), with the packager's CPPFLAGS/CFLAGS/LDFLAGS.
TOOL_CC     ?= $(HOST_CC)
TOOL_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wundef -iquote include -iquote loader -iquote loader/core \
	-iquote . -iquote tests/harness \
	-D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ -MMD -MP
HVMCHAIN_TABLES := $(OUT)/hvmchain-tables
TOOL_SRCS := tools/hvmchain_tables.c tools/smbios_dumpbin.c tests/harness/tool_crash.c $(ACPI_SRCS) \
	loader/tables/smbios.c loader/tables/mptable.c loader/tables/pir.c loader/core/e820.c loader/core/arena.c \
	loader/core/console.c loader/lib/printf.c loader/lib/div64.c loader/lib/checksum.c
TOOL_OBJS := $(patsubst %,$(OUT)/tool/%.o,$(TOOL_SRCS))

$(OUT)/tool/%.c.o: %.c $(XEN_HEADERS)
	$(call say,HOSTCC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(TOOL_CC) $(CPPFLAGS) $(TOOL_CFLAGS) $(CFLAGS) -isystem $(OUT)/include -c -o $@ $<

$(HVMCHAIN_TABLES): $(TOOL_OBJS)
	$(call say,HOSTLD,$@)
	$(Q)$(TOOL_CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TOOL_OBJS)

-include $(TOOL_OBJS:.o=.d)

ALL_TARGETS  += $(HVMCHAIN_TABLES)
INSTALL_BIN  += $(HVMCHAIN_TABLES)
INSTALL_MAN1 += docs/hvmchain-tables.1
MAN_PAGES    += docs/hvmchain-tables.1

.PHONY: tables-tool-check
tables-tool-check: $(HVMCHAIN_TABLES)
	$(Q)tools/tables-check.sh $(HVMCHAIN_TABLES) $(OUT)/tables-tool-check

CHECK_TARGETS += tables-tool-check
