# SPDX-License-Identifier: GPL-2.0-only
# OvmfXen, the Xen-capable OVMF for bios="ovmf" guests: built from Debian's pinned edk2 source by build.sh.

OVMF_XEN := $(OUT)/ovmf/ovmf-xen.fd
OVMF_DEPS := $(OUT)/.deps-ovmf

$(OVMF_DEPS): scripts/deps.sh | $(DEPS_BUILD)
	$(Q)mkdir -p $(@D)
	$(Q)scripts/deps.sh $(if $(filter 1,$(HVMCHAIN_ONLINE)),install,check) ovmf
	$(Q)touch $@

# The first build takes minutes (edk2's BaseTools, then the firmware); the result is cached
# under $(HVMCHAIN_CACHE)/ovmf-xen/ and copied here. `make deps`, `make check` and the UEFI
# guests build it; a plain `make` only when the edk2 source is already in the cache, since a
# packager's build has no network.
$(OVMF_XEN): payloads/ovmf/build.sh payloads/ovmf/VERSION $(wildcard payloads/ovmf/ovmfxen-*.patch) | $(OVMF_DEPS)
	$(Q)payloads/ovmf/build.sh $@

.PHONY: ovmf-xen
ovmf-xen: $(OVMF_XEN)

OVMF_XEN_PIN := $(shell sed -n 's/^SOURCE_VERSION=//p' payloads/ovmf/VERSION)
ifneq ($(wildcard $(HVMCHAIN_CACHE)/edk2-src/edk2_$(OVMF_XEN_PIN).dsc),)
ALL_TARGETS   += $(OVMF_XEN)
INSTALL_FILES += $(OVMF_XEN)
endif
DEPS_TARGETS  += ovmf-xen
