# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the CI layer: the JUnit writer and schema, the matrix table, the shard split.

.PHONY: ci-check
ci-check: | $(DEPS_BUILD)
	$(Q)tests/ci/junit-test.sh
	$(Q)tests/xen/matrix.py check
	$(Q)tests/ci/shard-test.sh
	$(Q)tests/ci/retry-test.sh
	$(Q)tests/ci/grub-check-test.sh
	$(Q)tests/ci/xfail-test.sh
	$(Q)tests/ci/memtest-check-test.sh
	$(Q)tests/ci/ipxe-check-test.sh

CHECK_TARGETS += ci-check

# Every suite but the emulated-Xen one (the CI job beside the sharded check-xen jobs).
.PHONY: check-host
check-host: | $(DEPS_BUILD)
	$(Q)scripts/check.sh $(filter-out xen-check,$(CHECK_TARGETS))
