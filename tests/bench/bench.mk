# SPDX-License-Identifier: GPL-2.0-only
# make bench: loader-stage timings of hvmchain against Debian's hvmloader (not a test).

.PHONY: bench
bench: $(OUT)/hvmchain $(OUT)/seabios/bios-xen-128k.bin $(OUT)/tests/disk.img | xen-deps
	$(Q)tests/bench/bench.sh $(BENCH_REPS)
