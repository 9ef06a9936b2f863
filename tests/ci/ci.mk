# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the CI layer: the JUnit writer and schema, the matrix table, the shard split.

.PHONY: ci-check
ci-check: | $(DEPS_BUILD)
	$(Q)tests/ci/junit-test.sh
	$(Q)tests/xen/matrix.py check
	$(Q)tests/ci/shard-test.sh

CHECK_TARGETS += ci-check
