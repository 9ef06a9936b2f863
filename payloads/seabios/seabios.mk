# SPDX-License-Identifier: GPL-2.0-only
# The SeaBIOS image this build has (SEABIOS=build|system|none) and whether the loader carries it
# inside (SEABIOS_BUILTIN=0|1).
#
#   SEABIOS=build   the 128 KiB Xen-capable image build.sh makes from Debian's pinned source (from
#                   SEABIOS_SRC=DIR when given, else the copy `make deps` cached), installed beside
#                   the loader for bios_path_override=
#   SEABIOS=system  SEABIOS_IMAGE=FILE, to be carried inside; it must be Xen-capable (Debian's
#                   bios-256k.bin is, its 128 KiB bios.bin is not), 128 or 256 KiB
#   SEABIOS=none    no image at all
#
#   SEABIOS_BUILTIN=0 (default; 1 with SEABIOS=system) the loader carries no SeaBIOS. libxl passes
#                   one as the "firmware" module to every bios="seabios" guest whenever it knows
#                   a SeaBIOS path (libxl__seabios_path(), its configured SEABIOS_PATH; Debian's
#                   libxl, from --with-system-seabios=, passes /usr/share/seabios/bios-256k.bin),
#                   so a copy inside would only cost every guest 128 or 256 KiB of memory, as
#                   much as the whole loader without it.
#   SEABIOS_BUILTIN=1 the loader carries the image above and boots it when a guest comes with no
#                   "firmware" module (a libxl with no SeaBIOS path). Without either, such a
#                   guest's boot ends with a log line naming what to set and a crashed domain.

#   SEABIOS_BOOTMENU=y (default) the 128 KiB image keeps SeaBIOS's boot menu: under Xen (no
#                   fw_cfg) it prints "Press ESC for boot menu." and waits its 2.5 s default.
#   SEABIOS_BOOTMENU=n the build's image is bios-xen-128k-nomenu.bin instead, built with
#                   CONFIG_BOOTMENU off (no prompt, no wait; Kconfig only, SeaBIOS unpatched).
#                   Both names can coexist in $(OUT)/seabios; make bench boots both.
SEABIOS_BOOTMENU ?= y
ifeq ($(filter y n,$(SEABIOS_BOOTMENU)),)
$(error SEABIOS_BOOTMENU=$(SEABIOS_BOOTMENU): expected y or n)
endif
SEABIOS_128K_MENU   := $(OUT)/seabios/bios-xen-128k.bin
SEABIOS_128K_NOMENU := $(OUT)/seabios/bios-xen-128k-nomenu.bin
SEABIOS_128K := $(if $(filter n,$(SEABIOS_BOOTMENU)),$(SEABIOS_128K_NOMENU),$(SEABIOS_128K_MENU))

# build.sh takes the source from SEABIOS_SRC or the cache; it rebuilds from a fresh copy,
# so only our own files (config, pin, script) are prerequisites. Each image has its own
# tree and log, so both can build at once.
# No $(call say): build.sh prints the one status line itself, with the free space.
SEABIOS_BUILD_INPUTS := payloads/seabios/build.sh payloads/seabios/config-xen-128k \
	payloads/seabios/VERSION $(DEPS_BUILD)
$(SEABIOS_128K_MENU): $(SEABIOS_BUILD_INPUTS)
	$(Q)SEABIOS_SRC='$(SEABIOS_SRC)' payloads/seabios/build.sh
$(SEABIOS_128K_NOMENU): $(SEABIOS_BUILD_INPUTS)
	$(Q)SEABIOS_SRC='$(SEABIOS_SRC)' SEABIOS_BOOTMENU=n payloads/seabios/build.sh

SEABIOS_BUILTIN ?= $(if $(filter system,$(SEABIOS)),1,0)
ifeq ($(filter 0 1,$(SEABIOS_BUILTIN)),)
$(error SEABIOS_BUILTIN=$(SEABIOS_BUILTIN): expected 0 or 1)
endif

# SEABIOS_HAVE: the image this build has (checked by unit-check); SEABIOS_EMBED: the one the
# loader carries, empty for none.
ifeq ($(SEABIOS),build)
SEABIOS_HAVE    := $(SEABIOS_128K)
ALL_TARGETS     += $(SEABIOS_128K)
INSTALL_FILES   += $(SEABIOS_128K)
# `make deps` downloads the pinned source unless a tree was given.
DEPS_FETCH      := $(if $(SEABIOS_SRC),true,payloads/seabios/build.sh fetch)
else ifeq ($(SEABIOS),system)
ifeq ($(SEABIOS_IMAGE),)
$(error SEABIOS=system needs SEABIOS_IMAGE=FILE, a Xen-capable SeaBIOS such as /usr/share/seabios/bios-256k.bin)
endif
ifeq ($(SEABIOS_BUILTIN),0)
$(error SEABIOS=system only names the image the loader carries: it needs SEABIOS_BUILTIN=1)
endif
SEABIOS_HAVE    := $(OUT)/seabios/builtin.bin
# Checked once here, as the loader checks a "firmware" module: a wrong file fails the build.
$(SEABIOS_HAVE): $(SEABIOS_IMAGE) payloads/seabios/build.sh
	$(call say,SEABIOS,$@ from $(SEABIOS_IMAGE))
	$(Q)mkdir -p $(@D)
	$(Q)payloads/seabios/build.sh check $(SEABIOS_IMAGE)
	$(Q)cp $(SEABIOS_IMAGE) $@
DEPS_FETCH      := true
else ifeq ($(SEABIOS),none)
ifeq ($(SEABIOS_BUILTIN),1)
$(error SEABIOS_BUILTIN=1 needs an image: SEABIOS=build, or SEABIOS=system SEABIOS_IMAGE=FILE)
endif
SEABIOS_HAVE    :=
DEPS_FETCH      := true
else
$(error SEABIOS=$(SEABIOS): expected build, system or none)
endif
SEABIOS_EMBED   := $(if $(filter 1,$(SEABIOS_BUILTIN)),$(SEABIOS_HAVE))

# The object embedding the image is rebuilt when the choice changes, not only the file.
SEABIOS_CHOICE := $(OUT)/seabios/choice
$(SEABIOS_CHOICE): FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo '$(SEABIOS) $(SEABIOS_EMBED)' | cmp -s - $@ || echo '$(SEABIOS) $(SEABIOS_EMBED)' > $@
$(OUT)/obj/payloads/seabios/builtin.S.o: $(SEABIOS_CHOICE)
.PHONY: FORCE
FORCE:

# Boots the image under plain QEMU (TCG, no Xen) to the BOOT-OK MBR, and documents why
# we build our own: Debian's 128 KiB bios.bin has no Xen support. The no-menu image too
# (one more SeaBIOS build, a second's boot): it must boot and never show the menu prompt.
.PHONY: seabios-check
seabios-check: $(SEABIOS_128K_MENU) $(SEABIOS_128K_NOMENU) $(OUT)/tests/disk.img
	$(Q)payloads/seabios/smoke-test.sh $(SEABIOS_128K_MENU) $(OUT)/tests/disk.img $(SEABIOS_128K_NOMENU)

CHECK_TARGETS += seabios-check
