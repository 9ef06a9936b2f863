# SPDX-License-Identifier: GPL-2.0-only
# hvmchain: one non-recursive Makefile; every output goes to $(OUT).
#
#   make           build out/hvmchain (the loader) and its SeaBIOS payload; installs nothing,
#                  never reaches the network, names the apt-get line for a missing package
#   make deps      install the build packages and fetch the pinned SeaBIOS source (as root)
#   make check     host unit tests, then the emulated-Xen boot tests (installs what it needs)
#   make demo      boot one guest through hvmchain under Xen in QEMU and show the log
#   make bench     time the loader stage of hvmchain against Debian's hvmloader
#   make fuzz      run each libFuzzer harness for FUZZ_SECONDS (tests/fuzz/)
#   make deps      install the Debian packages and build the cached pieces (OvmfXen, the rig's QEMU)
#   make install   install the loader, its payload and (once built) ovmf-xen.fd under $(DESTDIR)$(LIBDIR)
#   make clean     remove $(OUT)
#
# Packagers: SEABIOS=build (default; the 128 KiB Xen SeaBIOS from SEABIOS_SRC=DIR or the source
# `make deps` cached, installed beside the loader), SEABIOS=system SEABIOS_IMAGE=FILE (a
# Xen-capable image to carry, e.g. Debian's bios-256k.bin), SEABIOS=none (no image).
# SEABIOS_BUILTIN=0|1: whether the loader carries that image inside, for guests libxl gives no
# "firmware" module (default 0: a libxl that knows a SeaBIOS path always gives one; 1 with system;
# payloads/seabios/seabios.mk says more). CROSS_COMPILE, CC, LD, STRIP and XEN_INCLUDE (where
# xen/xen.h lives) are honoured.

OUT            ?= out
HVMCHAIN_CACHE ?= /var/cache/hvmchain
PREFIX         ?= /usr
LIBDIR         ?= $(PREFIX)/lib/hvmchain
BINDIR         ?= $(PREFIX)/bin
SBINDIR        ?= $(PREFIX)/sbin
MANDIR         ?= $(PREFIX)/share/man
# Xen's firmware dir, where libxl looks up a bare firmware="hvmchain" (Debian's Xen 4.17:
# /usr/lib/xen-4.17/boot); empty: no link there.
XENFIRMWAREDIR ?=
# INSTALL_STRIP=0 keeps the loader's debug info in it; INSTALL_DEBUG=1 also keeps it in
# $(DEBUGDIR)$(LIBDIR)/hvmchain.debug, which gdb finds through the stripped image's debug link.
INSTALL_STRIP  ?= 1
INSTALL_DEBUG  ?= 0
DEBUGDIR       ?= $(PREFIX)/lib/debug
V              ?= 0
SEABIOS        ?= build
# SEABIOS_BUILTIN defaults in payloads/seabios/seabios.mk (0, or 1 with SEABIOS=system).
XEN_INCLUDE    ?= /usr/include

# The loader is freestanding i386 code: any x86 gcc/ld pair that takes -m32 builds it.
ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
ifeq ($(origin LD),default)
LD := $(CROSS_COMPILE)ld
endif
STRIP ?= $(CROSS_COMPILE)strip
OBJCOPY ?= $(CROSS_COMPILE)objcopy

# The version: `git describe` in a git tree (tags vX.Y.Z), else the VERSION file, which a
# release tarball or Debian source package carries; the VERSION base plus the commit when
# the repository has no tag yet.
VERSION_BASE   := $(shell cat VERSION)
VERSION        := $(shell git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null | sed 's/^v//')
ifeq ($(VERSION),)
VERSION        := $(VERSION_BASE)$(shell git rev-parse --short HEAD 2>/dev/null | sed 's/^/+g/')
endif

ifeq ($(V),0)
Q    := @
say   = @printf '  %-7s %s\n' $(1) $(2)
else
Q    :=
say   = @true
endif

.DELETE_ON_ERROR:
.SUFFIXES:
.DEFAULT_GOAL := all

# Only these goals may install packages or download (the SeaBIOS source); a plain `make`,
# `make install` or a package build only checks, so it runs as any user with no network.
ONLINE_GOALS := deps check demo bench xen-check xen-deps check-xen check-pending ovmf-xen qemu-rig
ifneq ($(filter $(ONLINE_GOALS),$(MAKECMDGOALS)),)
HVMCHAIN_ONLINE := 1
endif
HVMCHAIN_ONLINE ?= 0

export OUT HVMCHAIN_CACHE HVMCHAIN_ONLINE

# Build dependencies come from Debian packages: this stamp checks them and, for the goals
# above, installs the missing ones (as root); otherwise it prints the apt-get line to run.
DEPS_BUILD := $(OUT)/.deps-build
$(DEPS_BUILD): scripts/deps.sh
	$(Q)mkdir -p $(@D)
	$(Q)scripts/deps.sh $(if $(filter 1,$(HVMCHAIN_ONLINE)),install,check) build
	$(Q)touch $@

# Table families add their sources to LOADER_PURE_SRCS (built into the loader and the host
# tests) before loader.mk turns the lists into rules.
-include payloads/seabios/seabios.mk
-include payloads/ovmf/ovmf.mk
-include acpi/acpi.mk
-include loader/tables/tables.mk
include loader/loader.mk
include tests/boot/boot.mk
include tests/unit.mk
-include tests/xen/xen.mk
include tests/bench/bench.mk
-include tests/fuzz/fuzz.mk
include docs/docs.mk
include tools/tools.mk
-include tests/ci/ci.mk

.PHONY: all clean check install deps
all: $(ALL_TARGETS)

# The one explicit step that installs the build packages, fetches what `make` needs and
# builds the cached pieces (OvmfXen, the emulated Xen's patched QEMU).
deps:
	$(Q)scripts/deps.sh install build
	$(Q)mkdir -p $(OUT) && touch $(DEPS_BUILD)
	$(Q)$(DEPS_FETCH)
	$(Q)$(MAKE) --no-print-directory $(DEPS_TARGETS)

# Each suite prints PASS/FAIL lines; scripts/check.sh runs them all and totals them. The test
# packages go in first: under make -k, a suite that ran before them (seabios-check needs QEMU,
# tables-check dmidecode) failed on a fresh machine.
check: $(DEPS_BUILD) | xen-deps
	$(Q)scripts/check.sh $(CHECK_TARGETS)

# The version is compiled in: rebuild what prints it when it changes (a new commit).
$(OUT)/version: FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo '$(VERSION)' | cmp -s - $@ || echo '$(VERSION)' > $@
$(filter %/main.c.o,$(LOADER_OBJS)): $(OUT)/version

.PHONY: version uninstall
version:
	@echo $(VERSION)

# Loader and payload are data to the host (Xen's domain builder reads them): mode 0644.
install: all
	install -d $(DESTDIR)$(LIBDIR)
	install -m 0644 $(INSTALL_FILES) $(DESTDIR)$(LIBDIR)/
ifeq ($(INSTALL_DEBUG),1)
	install -d $(DESTDIR)$(DEBUGDIR)$(LIBDIR)
	$(OBJCOPY) --only-keep-debug --compress-debug-sections $(HVMCHAIN) \
		$(DESTDIR)$(DEBUGDIR)$(LIBDIR)/$(notdir $(HVMCHAIN)).debug
	chmod 0644 $(DESTDIR)$(DEBUGDIR)$(LIBDIR)/$(notdir $(HVMCHAIN)).debug
endif
ifeq ($(INSTALL_STRIP),1)
	$(STRIP) --strip-debug $(DESTDIR)$(LIBDIR)/$(notdir $(HVMCHAIN))
ifeq ($(INSTALL_DEBUG),1)
	cd $(DESTDIR)$(DEBUGDIR)$(LIBDIR) && $(OBJCOPY) --add-gnu-debuglink=$(notdir $(HVMCHAIN)).debug \
		$(abspath $(DESTDIR)$(LIBDIR))/$(notdir $(HVMCHAIN))
endif
endif
	$(foreach f,$(INSTALL_BIN),install -D -m 0755 $(f) $(DESTDIR)$(BINDIR)/$(notdir $(f))$(newline))
	$(foreach f,$(INSTALL_SBIN),install -D -m 0755 $(f) $(DESTDIR)$(SBINDIR)/$(notdir $(f))$(newline))
	$(foreach f,$(INSTALL_MAN7),install -D -m 0644 $(f) $(DESTDIR)$(MANDIR)/man7/$(notdir $(f))$(newline))
	$(foreach f,$(INSTALL_MAN1),install -D -m 0644 $(f) $(DESTDIR)$(MANDIR)/man1/$(notdir $(f))$(newline))
	$(foreach f,$(INSTALL_MAN8),install -D -m 0644 $(f) $(DESTDIR)$(MANDIR)/man8/$(notdir $(f))$(newline))
ifneq ($(XENFIRMWAREDIR),)
	install -d $(DESTDIR)$(XENFIRMWAREDIR)
	ln -sfn $(LIBDIR)/$(notdir $(HVMCHAIN)) $(DESTDIR)$(XENFIRMWAREDIR)/hvmchain
endif

uninstall:
	rm -f $(addprefix $(DESTDIR)$(LIBDIR)/,$(notdir $(INSTALL_FILES)))
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(INSTALL_BIN)))
	rm -f $(addprefix $(DESTDIR)$(SBINDIR)/,$(notdir $(INSTALL_SBIN)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man7/,$(notdir $(INSTALL_MAN7)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(INSTALL_MAN1)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man8/,$(notdir $(INSTALL_MAN8)))
ifneq ($(XENFIRMWAREDIR),)
	rm -f $(DESTDIR)$(XENFIRMWAREDIR)/hvmchain
endif
	rm -f $(DESTDIR)$(DEBUGDIR)$(LIBDIR)/$(notdir $(HVMCHAIN)).debug
	-rmdir $(DESTDIR)$(LIBDIR)

define newline


endef

clean:
	rm -rf $(OUT)

# Layering, format and file rules (scripts/lint.sh); part of make check. Lint installs
# nothing: make check (or scripts/deps.sh lint) brings clang-format and shellcheck.
DEPS_LINT := $(OUT)/.deps-lint
$(DEPS_LINT): scripts/deps.sh
	$(Q)mkdir -p $(@D)
	$(Q)scripts/deps.sh lint
	$(Q)touch $@
check: $(DEPS_LINT)

.PHONY: lint lint-layers
lint:
	$(Q)scripts/lint.sh
CHECK_TARGETS += lint

# The build's own source lists, by layer, for scripts/lint.sh (generated sources left out).
lint-layers:
	@echo "pure $(filter-out $(OUT)/%,$(LOADER_PURE_SRCS))"
	@echo "probe $(LOADER_PROBE_SRCS)"
	@echo "target $(LOADER_TARGET_SRCS)"
	@echo "pure-dirs $(LOADER_PURE_DIRS)"
	@echo "probe-dirs $(LOADER_PROBE_DIRS)"

# Every header compiles on its own, twice in a row (its includes and guard are complete):
# the loader's and the builders' with the target's flags, the tests' with the host's.
# The loader's folders are built freestanding; any other header (tests/, host tools) for the host.
HEADER_TARGET_HDRS := $(sort $(filter-out loader/libc/%,$(shell git ls-files 2>/dev/null \
	'loader/*.h' 'include/*.h' 'acpi/*.h' 'payloads/*.h')))
HEADER_HOST_HDRS := $(sort $(filter-out $(HEADER_TARGET_HDRS) loader/libc/%,$(shell git ls-files 2>/dev/null '*.h')))
HEADER_STAMPS := $(patsubst %,$(OUT)/hdr/%.ok,$(HEADER_TARGET_HDRS) $(HEADER_HOST_HDRS))
$(patsubst %,$(OUT)/hdr/%.ok,$(HEADER_TARGET_HDRS)): HDR_CC = $(TARGET_CC) $(filter-out -MMD -MP,$(TARGET_CFLAGS))
$(patsubst %,$(OUT)/hdr/%.ok,$(HEADER_HOST_HDRS)): HDR_CC = $(HOST_CC) $(filter-out -MMD -MP,$(HOST_CFLAGS))
$(OUT)/hdr/%.h.ok: %.h $(XEN_HEADERS)
	$(Q)mkdir -p $(@D)
	$(Q)printf '#include "%s"\n#include "%s"\n' $< $< | $(HDR_CC) -fsyntax-only -x c - || \
		{ echo "FAIL header-alone $<"; exit 1; }
	$(Q)touch $@

.PHONY: header-check
header-check: $(HEADER_STAMPS)
	@echo "PASS header-check ($(words $(HEADER_STAMPS)) headers compile alone)"
CHECK_TARGETS += header-check
