# SPDX-License-Identifier: GPL-2.0-only
# ACPI: the table builders (pure C, also in the host tests), our ASL compiled by iasl, and acpi-check.

ACPI_OUT := $(OUT)/acpi

# iasl compiles each table; -so also writes the offsets of named objects (*.offset.h),
# which aml2c.py turns into the DSDT's patch points. -we: a warning fails the build.
ACPI_IASL := iasl -vs -we -so
ACPI_AML_NAMES := dsdt ssdt_s3 ssdt_s4 ssdt_slate
ACPI_AML_C := $(patsubst %,$(ACPI_OUT)/%_aml.c,$(ACPI_AML_NAMES))

$(ACPI_OUT)/dsdt_gen.asl: acpi/gen_asl.py
	$(call say,GEN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)python3 acpi/gen_asl.py > $@

$(ACPI_OUT)/dsdt.aml: acpi/isa.asl $(ACPI_OUT)/dsdt_gen.asl

$(ACPI_OUT)/%.aml: acpi/%.asl $(DEPS_BUILD)
	$(call say,IASL,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(ACPI_IASL) -I acpi -I $(ACPI_OUT) -p $(ACPI_OUT)/$* $< > $(ACPI_OUT)/$*.log 2>&1 || \
		{ cat $(ACPI_OUT)/$*.log; rm -f $@; exit 1; }

$(ACPI_OUT)/%_aml.c: $(ACPI_OUT)/%.aml acpi/aml2c.py
	$(call say,AML2C,$@)
	$(Q)python3 acpi/aml2c.py acpi_$*_aml $< $(ACPI_OUT)/$*.offset.h > $@

# Keep the generated files: they are intermediates of pattern rules, which make would delete.
.SECONDARY: $(ACPI_AML_C) $(patsubst %,$(ACPI_OUT)/%.aml,$(ACPI_AML_NAMES))

ACPI_SRCS := acpi/aml.c acpi/build.c acpi/fadt.c acpi/madt.c acpi/hpet.c acpi/waet.c \
	acpi/ssdt.c acpi/dsdt.c acpi/cpus.c acpi/srat.c acpi/blob.c $(ACPI_AML_C)
LOADER_PURE_SRCS += $(ACPI_SRCS)

# acpi-check: the real ACPICA tools on the tables of a few sample platforms.
# It links the host build of the builder and the little it uses from the loader (the same
# objects the unit tests link), with its own console and crash path.
ACPI_DUMP := $(OUT)/host/acpi-dump
ACPI_DUMP_OBJS := $(patsubst %,$(OUT)/host/%.o,tests/acpi/acpi_dump.c tests/harness/tool_crash.c $(ACPI_SRCS) \
	loader/lib/printf.c loader/lib/div64.c loader/lib/checksum.c loader/core/arena.c loader/core/console.c) \
	$(OUT)/host/string-renamed.o

$(ACPI_DUMP): $(ACPI_DUMP_OBJS)
	$(call say,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $(ACPI_DUMP_OBJS)

-include $(OUT)/host/tests/acpi/acpi_dump.c.d

.PHONY: acpi-check
# SeaBIOS's source tree comes with the payload build, for its DSDT parser.
acpi-check: $(ACPI_DUMP) tests/acpi/check.sh tests/acpi/seabios_parse.c tests/acpi/seabios_stub.h \
		$(SEABIOS_128K)
	$(Q)tests/acpi/check.sh $(ACPI_DUMP) $(OUT)/acpi-check $(OUT)/seabios/src/src

CHECK_TARGETS += acpi-check
