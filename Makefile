# SPDX-License-Identifier: GPL-2.0-only
# hvmchain: one non-recursive Makefile; every output goes to $(OUT).
#
#   make           build out/hvmchain (the loader) and the 128 KiB SeaBIOS payload
#   make check     host unit tests, then the emulated-Xen boot tests (installs what it needs)
#   make demo      boot one guest through hvmchain under Xen in QEMU and show the log
#   make bench     time the loader stage of hvmchain against Debian's hvmloader
#   make install   install the loader and its payload under $(DESTDIR)$(LIBDIR)
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
-include acpi/acpi.mk
-include loader/tables/tables.mk
include loader/loader.mk
include tests/boot/boot.mk
include tests/unit.mk
-include tests/xen/xen.mk
include tests/bench/bench.mk

.PHONY: all clean check install
all: $(ALL_TARGETS)

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
