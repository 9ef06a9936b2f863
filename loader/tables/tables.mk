# SPDX-License-Identifier: GPL-2.0-only
# The legacy BIOS tables (SMBIOS, MP, $PIR): pure builders, and a dmidecode check of SMBIOS.

LOADER_PURE_SRCS += loader/tables/smbios.c loader/tables/mptable.c loader/tables/pir.c

# tables-check: the real dmidecode decodes SMBIOS built for sample guests, through each entry
# point (tests/loader/tables/smbios_dump.c). Host objects come from tests/unit.mk's rules.
SMBIOS_DUMP := $(OUT)/host/smbios-dump
SMBIOS_DUMP_OBJS := $(patsubst %,$(OUT)/host/%.o,tests/loader/tables/smbios_dump.c tests/harness/tool_crash.c \
	tools/smbios_dumpbin.c \
	loader/tables/smbios.c loader/core/arena.c loader/core/console.c loader/lib/checksum.c loader/lib/printf.c \
	loader/lib/div64.c)

$(SMBIOS_DUMP): $(SMBIOS_DUMP_OBJS)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $(SMBIOS_DUMP_OBJS)

-include $(SMBIOS_DUMP_OBJS:.o=.d)

.PHONY: tables-check
tables-check: $(SMBIOS_DUMP)
	$(Q)command -v dmidecode >/dev/null || PATH=$$PATH:/usr/sbin command -v dmidecode >/dev/null || \
		{ echo "tables-check needs dmidecode: apt-get install dmidecode (scripts/deps.sh test)" >&2; exit 1; }
	$(Q)mkdir -p $(OUT)/tables-check
	$(Q)PATH=$$PATH:/usr/sbin $(SMBIOS_DUMP) $(OUT)/tables-check

CHECK_TARGETS += tables-check
