# SPDX-License-Identifier: GPL-2.0-only
# Emulated-Xen boot tests: real Xen 4.17 + dom0 under QEMU TCG run HVM guests through hvmchain.
#
#   make xen-check   all guests in tests/xen/guests (part of `make check`)
#   make check-xen SHARD=K/N   the same through scripts/check.sh (JUnit in $(OUT)/junit/), only
#                    shard K of N: whole hvmloader/hvmchain pairs, balanced by the seconds measured
#                    in tests/xen/matrix.tsv (tests/xen/matrix.py shard); N machines run it all
#   make matrix-readme   rewrite the README's matrix table from tests/xen/matrix.tsv and the
#                    latest results in $(OUT)/junit/
#   make demo        only 20-hvmchain-256k, printing its console (loader, SeaBIOS, BOOT-OK)
# Xen, the dom0 kernel and qemu-xen come from Debian debs unpacked under $(HVMCHAIN_CACHE)
# (tests/xen/rootfs.sh); nothing Xen-related is installed on the host. Results: $(OUT)/xen/, with
# the Linux guests' reports in $(OUT)/xen/report/ and hvmloader-vs-hvmchain pages in $(OUT)/xen/compare/.
# Two QEMU instances run side by side (XEN_JOBS=2), each with one emulated CPU. On an idle 2-core
# machine on 2026-12-01 the whole matrix (64 guests) took 1111 s and the whole of `.ci/run`
# 1565 s with a warm cache; before the iPXE pair joined (62 guests) SHARD=1/2 took 664 s and
# SHARD=2/2 625 s.

XEN_TEST_INPUTS := $(OUT)/hvmchain $(SEABIOS_128K) $(OUT)/tests/disk.img
XEN_RUN := tests/xen/run.sh --loader $(OUT)/hvmchain --bios128 $(SEABIOS_128K) \
	--disk $(OUT)/tests/disk.img --ovmf $(OVMF_XEN)

# The rig's QEMU for UEFI guests (tests/xen/qemu/): Debian's 7.2 with the CR8 lock fix, built
# once into $(HVMCHAIN_CACHE)/qemu-rig/. run.sh uses it when a guest says "#qemu: patched".
.PHONY: qemu-rig
qemu-rig: | xen-deps
	$(Q)tests/xen/qemu/build.sh >/dev/null
DEPS_TARGETS += qemu-rig

# Always run: deps.sh only calls apt for what is missing, and a stamp would hide a removed
# package. Ordered after the build deps so two apt-get runs never race for the dpkg lock.
.PHONY: xen-deps xen-check demo
xen-deps: | $(DEPS_BUILD)
	$(Q)scripts/deps.sh test

# retry.sh runs a scenario once more when a guest of it triple-faulted in Xen's own context
# (nested-SVM artefact), and counts it apart. SHARD=K/N: this machine's part of the matrix (an empty or bad spec is an error, never "all").
SHARD ?=
# The UEFI guests boot OvmfXen (built once from Debian's edk2 source, cached).
xen-check: $(XEN_TEST_INPUTS) $(OVMF_XEN) | xen-deps
	$(call say,XENTEST,$(OUT)/xen/serial.log$(if $(SHARD),:shard-$(SHARD)))
	$(Q)$(if $(SHARD),names=$$(tests/xen/matrix.py shard $(SHARD)) && [ -n "$$names" ] && ,)tests/xen/retry.sh $(XEN_RUN)$(if $(SHARD), $$names)

.PHONY: check-xen check-pending matrix-readme
# Guests that have not yet passed here (guests-pending/): the 4-vCPU Linux pair
# (tests/xen/README.md and matrix.tsv say why it waits). make check
# leaves them out until they pass.
check-pending: $(XEN_TEST_INPUTS) $(OVMF_XEN) | xen-deps qemu-rig
	$(call say,XENTEST,$(OUT)/xen/serial.log:pending)
	$(Q)GUESTS=tests/xen/guests-pending $(XEN_RUN)

# No package prerequisite of its own: the xen-check it runs installs what it needs.
check-xen:
	$(Q)scripts/check.sh xen-check

matrix-readme:
	$(Q)tests/xen/matrix.py readme README

demo: $(XEN_TEST_INPUTS) | xen-deps
	$(call say,DEMO,$(OUT)/xen/20-hvmchain-256k.log)
	$(Q)$(XEN_RUN) --show-log 20-hvmchain-256k

CHECK_TARGETS += xen-check
