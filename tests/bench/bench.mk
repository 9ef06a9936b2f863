# SPDX-License-Identifier: GPL-2.0-only
# make bench: loader-stage timings of hvmchain against Debian's hvmloader (not a test);
# make bench-size: its image-size table alone, with no emulated Xen.

# The loader as built, and the same objects linked with the 128 KiB SeaBIOS inside, as
# SEABIOS_BUILTIN=1 builds it: both go in the size table (tests/bench/size.sh).
BENCH_BUILTIN := $(OUT)/size/hvmchain-seabios-builtin
$(OUT)/size/builtin.S.o: payloads/seabios/builtin.S $(SEABIOS_128K) $(XEN_HEADERS)
	$(call say,AS,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(TARGET_CC) $(TARGET_CFLAGS) -D__ASSEMBLY__ -DSEABIOS_BUILTIN_PATH='"$(SEABIOS_128K)"' -c -o $@ $<
$(BENCH_BUILTIN): $(filter-out %/payloads/seabios/builtin.S.o,$(LOADER_OBJS)) $(OUT)/size/builtin.S.o loader/link.lds
	$(call say,LD,$@)
	$(Q)$(LD) $(TARGET_LDFLAGS) -o $@ $(filter %.o,$^)

.PHONY: bench bench-size
# Both 128 KiB SeaBIOS images, whatever SEABIOS_BOOTMENU says: the create-to-boot table shows
# what the no-menu one saves (BENCH_FIRMWARES in bench.sh picks the columns).
bench: $(OUT)/hvmchain $(SEABIOS_128K_MENU) $(SEABIOS_128K_NOMENU) $(OUT)/tests/disk.img $(BENCH_BUILTIN) | xen-deps
	$(Q)BENCH_BUILTIN=$(BENCH_BUILTIN) BENCH_BIOS128=$(SEABIOS_128K_MENU) BENCH_NOMENU=$(SEABIOS_128K_NOMENU) \
		tests/bench/bench.sh $(BENCH_REPS)

bench-size: $(HVMCHAIN) $(BENCH_BUILTIN)
	$(Q)tests/bench/size.sh $(HVMCHAIN) $(BENCH_BUILTIN)
