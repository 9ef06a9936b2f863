# SPDX-License-Identifier: GPL-2.0-only
# The SeaBIOS payload built into the loader, chosen by SEABIOS=build|system|none.
#
#   build   the 128 KiB Xen-capable image build.sh makes from Debian's pinned source (from
#           SEABIOS_SRC=DIR when given, else the copy `make deps` cached), also installed
#   system  embed SEABIOS_IMAGE=FILE as is; it must be Xen-capable (Debian's bios-256k.bin is,
#           its 128 KiB bios.bin is not), 128 or 256 KiB
#   none    no built-in image: the loader then needs libxl's "firmware" module

SEABIOS_128K := $(OUT)/seabios/bios-xen-128k.bin

# build.sh takes the source from SEABIOS_SRC or the cache; it rebuilds from a fresh copy,
# so only our own files (config, pin, script) are prerequisites.
# No $(call say): build.sh prints the one status line itself, with the free space.
$(SEABIOS_128K): payloads/seabios/build.sh payloads/seabios/config-xen-128k \
		payloads/seabios/VERSION $(DEPS_BUILD)
	$(Q)SEABIOS_SRC='$(SEABIOS_SRC)' payloads/seabios/build.sh

ifeq ($(SEABIOS),build)
SEABIOS_BUILTIN := $(SEABIOS_128K)
ALL_TARGETS     += $(SEABIOS_128K)
INSTALL_FILES   += $(SEABIOS_128K)
# `make deps` downloads the pinned source unless a tree was given.
DEPS_FETCH      := $(if $(SEABIOS_SRC),true,payloads/seabios/build.sh fetch)
else ifeq ($(SEABIOS),system)
ifeq ($(SEABIOS_IMAGE),)
$(error SEABIOS=system needs SEABIOS_IMAGE=FILE, a Xen-capable SeaBIOS such as /usr/share/seabios/bios-256k.bin)
endif
SEABIOS_BUILTIN := $(OUT)/seabios/builtin.bin
# Checked once here, as the loader checks a "firmware" module: a wrong file fails the build.
$(SEABIOS_BUILTIN): $(SEABIOS_IMAGE) payloads/seabios/build.sh
	$(call say,SEABIOS,$@ from $(SEABIOS_IMAGE))
	$(Q)mkdir -p $(@D)
	$(Q)payloads/seabios/build.sh check $(SEABIOS_IMAGE)
	$(Q)cp $(SEABIOS_IMAGE) $@
DEPS_FETCH      := true
else ifeq ($(SEABIOS),none)
SEABIOS_BUILTIN :=
DEPS_FETCH      := true
else
$(error SEABIOS=$(SEABIOS): expected build, system or none)
endif

# The object embedding the image is rebuilt when the choice changes, not only the file.
SEABIOS_CHOICE := $(OUT)/seabios/choice
$(SEABIOS_CHOICE): FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo '$(SEABIOS) $(SEABIOS_BUILTIN)' | cmp -s - $@ || echo '$(SEABIOS) $(SEABIOS_BUILTIN)' > $@
$(OUT)/obj/payloads/seabios/builtin.S.o: $(SEABIOS_CHOICE)
.PHONY: FORCE
FORCE:

# Boots the image under plain QEMU (TCG, no Xen) to the BOOT-OK MBR, and documents why
# we build our own: Debian's 128 KiB bios.bin has no Xen support.
.PHONY: seabios-check
seabios-check: $(SEABIOS_128K) $(OUT)/tests/disk.img
	$(Q)payloads/seabios/smoke-test.sh $(SEABIOS_128K) $(OUT)/tests/disk.img

CHECK_TARGETS += seabios-check
