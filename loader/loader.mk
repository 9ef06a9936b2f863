# SPDX-License-Identifier: GPL-2.0-only
# The loader: freestanding 32-bit C linked into out/hvmchain, an ELF32 image at 1 MiB.

HVMCHAIN := $(OUT)/hvmchain

TARGET_CC := $(CC)
TARGET_CFLAGS := -m32 -march=i686 -std=gnu11 -Os -g -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-common -nostdinc \
	-mno-sse -mno-mmx -mno-80387 -fno-builtin \
	-Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wundef \
	-isystem loader/libc/include -isystem $(OUT)/include -iquote include -iquote loader -iquote loader/core -iquote loader/setup -iquote . \
	-D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ \
	-DHVMCHAIN_VERSION='"$(VERSION)"' -MMD -MP
TARGET_LDFLAGS := -m elf_i386 -N --no-warn-rwx-segments --build-id=none -nostdlib -T loader/link.lds

# The folders are the layers (scripts/lint.sh checks each list against its folders):
#   loader/lib/, loader/core/, loader/tables/, acpi/: pure code (no hardware, no hypercalls),
#     built into the loader and into the host tests;
#   loader/setup/: platform setup that drives hardware only through loader/hw/'s APIs, on
#     the target as is, in host tests against the fakes in tests/fakes/;
#   loader/hw/ (ports, MSRs, MMIO), loader/xen/ (hypercalls) and the boot sequence at the
#     top of loader/: only the target runs them;
#   payloads/NAME/: one payload each, its pure handoff code in LOADER_PURE_SRCS.
LOADER_PURE_DIRS := loader/lib loader/core loader/tables acpi
LOADER_PROBE_DIRS := loader/setup
LOADER_PURE_SRCS += $(sort $(wildcard loader/lib/*.c loader/core/*.c)) payloads/seabios/handoff.c \
	payloads/ovmf/handoff.c
LOADER_PROBE_SRCS += $(sort $(wildcard $(addsuffix /*.c,$(LOADER_PROBE_DIRS))))
LOADER_TARGET_SRCS += loader/entry.S loader/main.c loader/panic.c loader/probe.c loader/smp.c \
	$(sort $(wildcard loader/hw/*.c loader/hw/*.S loader/xen/*.c)) \
	payloads/seabios/seabios.c payloads/seabios/builtin.S payloads/ovmf/ovmf.c

LOADER_OBJS := $(patsubst %,$(OUT)/obj/%.o,$(LOADER_PURE_SRCS) $(LOADER_PROBE_SRCS) $(LOADER_TARGET_SRCS))

# Include namespace: the project's own headers are "quoted" (-iquote), the system's are
# <angled> (-isystem): the freestanding libc in loader/libc/include and Xen's public headers
# from the libxen-dev package (or XEN_INCLUDE), so <xen/xen.h> is always Xen's. The Xen headers
# are reached through a link in $(OUT)/include, without putting the rest of /usr/include on the
# freestanding include path.
XEN_HEADERS := $(OUT)/include/xen/xen.h
$(XEN_HEADERS): $(DEPS_BUILD)
	$(Q)mkdir -p $(OUT)/include
	$(Q)ln -sfn $(abspath $(XEN_INCLUDE))/xen $(OUT)/include/xen
	$(Q)test -e $@ || { echo "no xen/xen.h under XEN_INCLUDE=$(XEN_INCLUDE) (libxen-dev)" >&2; exit 1; }

# The built-in payload, chosen in payloads/seabios/seabios.mk (none when SEABIOS_EMBED is empty).
$(OUT)/obj/payloads/seabios/builtin.S.o: $(SEABIOS_EMBED)
$(OUT)/obj/payloads/seabios/builtin.S.o: TARGET_CFLAGS += \
	$(if $(SEABIOS_EMBED),-DSEABIOS_BUILTIN_PATH='"$(SEABIOS_EMBED)"')

$(OUT)/obj/%.c.o: %.c $(XEN_HEADERS)
	$(call say,CC,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -c -o $@ $<

$(OUT)/obj/%.S.o: %.S $(XEN_HEADERS)
	$(call say,AS,$<)
	$(Q)mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(HVMCHAIN): $(LOADER_OBJS) loader/link.lds
	$(call say,LD,$@)
	$(Q)$(LD) $(TARGET_LDFLAGS) -o $@ $(LOADER_OBJS)
	$(Q)scripts/check-elf.sh $@

-include $(LOADER_OBJS:.o=.d)

ALL_TARGETS += $(HVMCHAIN)
INSTALL_FILES += $(HVMCHAIN)
