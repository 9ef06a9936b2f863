# SPDX-License-Identifier: GPL-2.0-only
# hvmchain: one non-recursive Makefile; every output goes to $(OUT).
#
#   make           build out/hvmchain (the loader) and the 128 KiB SeaBIOS payload
#   make check     host unit tests, then the emulated-Xen boot tests (installs what it needs)
#   make demo      boot one guest through hvmchain under Xen in QEMU and show the log
#   make bench     time the loader stage of hvmchain against Debian's hvmloader
#   make deps      install the Debian packages and build the cached pieces (OvmfXen, the rig's QEMU)
#   make install   install the loader, its payload and (once built) ovmf-xen.fd under $(DESTDIR)$(LIBDIR)
#   make clean     remove $(OUT)

OUT            ?= out
HVMCHAIN_CACHE ?= /var/cache/hvmchain
PREFIX         ?= /usr
LIBDIR         ?= $(PREFIX)/lib/hvmchain
V              ?= 0
VERSION        := 0.1.0

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

export OUT HVMCHAIN_CACHE

# Build dependencies come from Debian packages; this stamp installs the missing ones
# (as root) or says which apt-get line to run.
DEPS_BUILD := $(OUT)/.deps-build
$(DEPS_BUILD): scripts/deps.sh
	$(Q)mkdir -p $(@D)
	$(Q)scripts/deps.sh build
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

.PHONY: all clean check install deps
all: $(ALL_TARGETS)

# Everything that needs the network once: packages, source downloads and the long builds.
deps: $(DEPS_BUILD) $(DEPS_TARGETS)

# Each suite prints PASS/FAIL lines; scripts/check.sh runs them all and totals them. The test
# packages go in first: under make -k, a suite that ran before them (seabios-check needs QEMU,
# tables-check dmidecode) failed on a fresh machine.
check: $(DEPS_BUILD) | xen-deps
	$(Q)scripts/check.sh $(CHECK_TARGETS)

install: all
	install -d $(DESTDIR)$(LIBDIR)
	install -m 0644 $(INSTALL_FILES) $(DESTDIR)$(LIBDIR)/
	strip --strip-debug $(DESTDIR)$(LIBDIR)/$(notdir $(HVMCHAIN))

clean:
	rm -rf $(OUT)

# Layering and file rules (scripts/lint.sh); part of make check.
.PHONY: lint
lint:
	$(Q)scripts/lint.sh
CHECK_TARGETS += lint

# Every header compiles on its own, twice in a row (its includes and guard are complete):
# the loader's and the builders' with the target's flags, the tests' with the host's.
HEADER_TARGET_HDRS := $(sort $(filter-out loader/libc/%,$(shell git ls-files 2>/dev/null '*.h' | grep -v '^tests/')))
HEADER_HOST_HDRS := $(sort $(shell git ls-files 2>/dev/null 'tests/*.h'))
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
