# SPDX-License-Identifier: GPL-2.0-only
# The loader: freestanding 32-bit C linked into out/hvmchain, an ELF32 image at 1 MiB.

HVMCHAIN := $(OUT)/hvmchain

TARGET_CC := gcc
TARGET_CFLAGS := -m32 -march=i686 -std=gnu11 -Os -g -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-common -nostdinc \
	-mno-sse -mno-mmx -mno-80387 -fno-builtin \
	-Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wundef \
	-isystem loader/libc/include -isystem $(OUT)/include -iquote include -iquote loader -iquote . \
	-D__XEN_INTERFACE_VERSION__=__XEN_LATEST_INTERFACE_VERSION__ \
	-DHVMCHAIN_VERSION='"$(VERSION)"' -MMD -MP
TARGET_LDFLAGS := -m elf_i386 -N --no-warn-rwx-segments --build-id=none -nostdlib -T loader/link.lds

# Sources shared with the host tests (pure: no hardware, no hypercalls) ...
LOADER_PURE_SRCS += loader/lib/string.c loader/lib/printf.c loader/lib/checksum.c \
	loader/lib/div64.c loader/arena.c loader/console.c loader/e820.c loader/start_info.c \
	loader/hvm_info.c loader/lib/parse.c loader/xenstore.c loader/pci_plan.c loader/mtrr_plan.c \
	payloads/seabios/handoff.c payloads/ovmf/handoff.c
# ... and the ones only the target runs.
LOADER_TARGET_SRCS += loader/entry.S loader/main.c loader/panic.c loader/hw/console_e9.c \
	loader/hw/realmode.S loader/xen/hypercall.c payloads/seabios/seabios.c payloads/ovmf/ovmf.c \
	payloads/seabios/builtin.S loader/hw/pci.c loader/hw/isa.c \
	loader/hw/mtrr.c loader/hw/apic.c loader/hw/ap_entry.S loader/smp.c loader/probe.c loader/hw/pm.c
# Code that drives hardware through loader/hw/ APIs: on the target as is, in host tests
# against the fakes in tests/fakes/.
LOADER_PROBE_SRCS += loader/pci.c loader/cmos.c

LOADER_OBJS := $(patsubst %,$(OUT)/obj/%.o,$(LOADER_PURE_SRCS) $(LOADER_PROBE_SRCS) $(LOADER_TARGET_SRCS))

# Include namespace: the project's own headers are "quoted" (-iquote), the system's are
# <angled> (-isystem): the freestanding libc in loader/libc/include and Xen's public headers
# from the libxen-dev package, so <xen/xen.h> is always Xen's. The Xen headers are reached
# through a link in $(OUT)/include, without putting the rest of /usr/include on the
# freestanding include path.
XEN_HEADERS := $(OUT)/include/xen/xen.h
$(XEN_HEADERS): $(DEPS_BUILD)
	$(Q)mkdir -p $(OUT)/include
	$(Q)ln -sfn /usr/include/xen $(OUT)/include/xen
	$(Q)test -e $@

# The built-in payload is the 128 KiB Xen SeaBIOS from payloads/seabios/.
SEABIOS_BUILTIN ?= $(SEABIOS_128K)
$(OUT)/obj/payloads/seabios/builtin.S.o: $(SEABIOS_BUILTIN)
$(OUT)/obj/payloads/seabios/builtin.S.o: TARGET_CFLAGS += -DSEABIOS_BUILTIN_PATH='"$(SEABIOS_BUILTIN)"'

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
	$(Q)ld $(TARGET_LDFLAGS) -o $@ $(LOADER_OBJS)
	$(Q)scripts/check-elf.sh $@

-include $(LOADER_OBJS:.o=.d)

ALL_TARGETS += $(HVMCHAIN)
INSTALL_FILES += $(HVMCHAIN)
