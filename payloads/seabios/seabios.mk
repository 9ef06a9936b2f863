# SPDX-License-Identifier: GPL-2.0-only
# The 128 KiB Xen-capable SeaBIOS payload: built from Debian's pinned source by build.sh.

SEABIOS_128K := $(OUT)/seabios/bios-xen-128k.bin

# build.sh downloads the source into $(HVMCHAIN_CACHE) once; it rebuilds from a fresh
# unpacked tree, so only our own files (config, pin, script) are prerequisites.
# No $(call say): build.sh prints the one status line itself, with the free space.
$(SEABIOS_128K): payloads/seabios/build.sh payloads/seabios/config-xen-128k \
		payloads/seabios/VERSION $(DEPS_BUILD)
	$(Q)payloads/seabios/build.sh

# Boots the image under plain QEMU (TCG, no Xen) to the BOOT-OK MBR, and documents why
# we build our own: Debian's 128 KiB bios.bin has no Xen support.
.PHONY: seabios-check
seabios-check: $(SEABIOS_128K) $(OUT)/tests/disk.img
	$(Q)payloads/seabios/smoke-test.sh $(SEABIOS_128K) $(OUT)/tests/disk.img

ALL_TARGETS   += $(SEABIOS_128K)
INSTALL_FILES += $(SEABIOS_128K)
CHECK_TARGETS += seabios-check
