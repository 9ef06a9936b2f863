# SPDX-License-Identifier: GPL-2.0-only
# A 1 MiB raw disk whose MBR prints BOOT-OK: the guest every boot test ends in.

$(OUT)/tests/bootsector.bin: tests/boot/bootsector.S $(DEPS_BUILD)
	$(call say,AS,$@)
	$(Q)mkdir -p $(@D)
	$(Q)as --32 -o $(@:.bin=.o) $<
	$(Q)ld -m elf_i386 -Ttext 0x7c00 --oformat binary -o $@ $(@:.bin=.o)
	$(Q)test $$(stat -c %s $@) -eq 512

$(OUT)/tests/disk.img: $(OUT)/tests/bootsector.bin
	$(call say,DISK,$@)
	$(Q)dd if=/dev/zero of=$@ bs=1M count=1 status=none
	$(Q)dd if=$< of=$@ conv=notrunc status=none
