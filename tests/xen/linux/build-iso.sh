#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the Linux guest media: Debian's kernel + a busybox initramfs (init.sh) on hybrid ISOLINUX images and a UEFI disk.
#
# Usage: build-iso.sh ROOTFS OUTDIR [KERNEL_TREE NAME]   (env HVMCHAIN_GUEST_ARGS: extra kernel arguments)
# ROOTFS is the tree rootfs.sh unpacked (kernel, modules, busybox-static). With KERNEL_TREE (an
# unpacked linux-image deb: boot/vmlinuz-*, lib/modules/), the kernel and modules come from there
# and only OUTDIR/NAME.iso is written, with the default command line (linux-cloud/build.sh).
# Otherwise it writes, in OUTDIR:
#   linux.iso             the default command line
#   linux-acpi-off.iso    acpi=off: Linux takes the CPUs and IRQs from the MP table
#   linux-noapic.iso      noapic acpi=off xen_no_vector_callback: PCI IRQs through the PIC and $PIR;
#                         without the vector callback, event channels (the report disk) arrive
#                         on the Xen platform device's PCI interrupt, so that IRQ must work.
#   linux-esp.img         for UEFI guests: an MBR disk with one EFI system partition (FAT) holding
#                         GRUB as EFI/BOOT/BOOTX64.EFI (the removable-media path OVMF boots without
#                         any boot entry), the same kernel and initramfs, the default command line.
# Host packages: isolinux syslinux-common xorriso cpio; grub-efi-amd64-bin fdisk dosfstools mtools.
set -euo pipefail

ROOTFS=$(readlink -f "$1")
OUTDIR=$(readlink -f "$2")
KTREE=$(readlink -f "${3:-$1}")
ONLY=${4:-}
HERE=$(dirname "$(readlink -f "$0")")
T=$OUTDIR/${ONLY:-linux}-iso.d
rm -rf "$T"
mkdir -p "$T"/init/{bin,proc,sys,dev,tmp,lib/modules} "$T/iso/isolinux"

cp "$ROOTFS/bin/busybox" "$T/init/bin/"
for a in $("$ROOTFS/bin/busybox" --list); do
	[ "$a" = busybox ] || ln -sf busybox "$T/init/bin/$a"
done
install -m 0755 "$HERE/init.sh" "$T/init/init"

# xen-blkfront reaches the report disk; the modules' own dependencies ("depends=" in .modinfo) first.
kver=$(ls "$KTREE/lib/modules")
: >"$T/init/lib/modules/load-order"
add_module() {
	local p dep
	p=$(find "$KTREE/lib/modules/$kver" -name "$1.ko" | head -n 1)
	[ -n "$p" ] || { echo "build-iso.sh: module $1 not found" >&2; exit 1; }
	for dep in $(tr '\0' '\n' <"$p" | sed -n 's/^depends=//p' | tr , ' '); do
		grep -qx "$dep" "$T/init/lib/modules/load-order" || add_module "$dep"
	done
	cp "$p" "$T/init/lib/modules/$1.ko"
	echo "$1" >>"$T/init/lib/modules/load-order"
}
add_module xen-blkfront
(cd "$T/init" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$T/iso/initrd.gz"
cp "$KTREE"/boot/vmlinuz-* "$T/iso/vmlinuz"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 "$T/iso/isolinux/"

# No serial console: the emulated UART (qemu-xen in dom0) moves under 1 KB/s under nested emulation
# and heavy output there made multi-vCPU guests flaky. earlyprintk=xen writes the kernel's console
# to port 0xE9 instead, which Xen itself prints as the guest's "(dN)" lines (next to the firmware's);
# keep_bootcon keeps it after the VGA console registers. loglevel=4 shows errors up to init, which
# then raises it (init.sh). HVMCHAIN_GUEST_ARGS adds words to every CD, e.g. "loglevel=7" to see a hang.
# pci=noearly: Linux's early chipset quirks probe all 256 PCI buses (about 8,200 reads, nearly all
# of absent devices, for chipsets Xen does not emulate). Each is a round trip to qemu-xen; under the
# emulated Xen that is about 27 s per boot, and one nested-SVM triple fault hit during it. The
# firmware's tables and BARs are read later by the PCI and ACPI code, which this leaves alone.
base="initrd=/initrd.gz earlyprintk=xen keep_bootcon loglevel=4 panic=-1 pci=noearly ${HVMCHAIN_GUEST_ARGS:-}"
mkiso() { # mkiso NAME EXTRA-ARGS
	cat >"$T/iso/isolinux/isolinux.cfg" <<CFG
DEFAULT linux
PROMPT 0
TIMEOUT 0
LABEL linux
  KERNEL /vmlinuz
  APPEND $base $2
CFG
	# Hybrid: ISOLINUX's MBR (isohdpfx.bin) in front makes the same image boot as a hard disk, which
	# the BIOS guests attach to QEMU's AHCI controller (DMA) rather than as an IDE CD (port I/O).
	xorriso -as mkisofs -quiet -o "$OUTDIR/$1.tmp" -isohybrid-mbr /usr/lib/ISOLINUX/isohdpfx.bin \
		-b isolinux/isolinux.bin -c isolinux/boot.cat -no-emul-boot \
		-boot-load-size 4 -boot-info-table -J -R "$T/iso" 2>/dev/null
	mv "$OUTDIR/$1.tmp" "$OUTDIR/$1"
}
if [ -n "$ONLY" ]; then
	mkiso "$ONLY.iso" ""
	rm -rf "$T"
	exit 0
fi
mkiso linux.iso ""

# The ESP, built without root or loop devices: sfdisk writes the partition table, mkfs.vfat formats
# the partition in place (--offset), mtools copies files into it ("img@@offset").
mkesp() { # mkesp FILE
	local img=$OUTDIR/$1.tmp off=1048576 size=$((48 * 1048576)) cfg=$T/grub.cfg
	# GRUB with its config built in: find the partition holding /vmlinuz, boot it. No initrd= word:
	# GRUB loads the initramfs itself (the EFI stub would look for that file on its own).
	cat >"$cfg" <<CFG
set timeout=0
search --no-floppy --file --set=root /vmlinuz
linux /vmlinuz ${base/initrd=\/initrd.gz /}
initrd /initrd.gz
boot
CFG
	grub-mkstandalone -O x86_64-efi -o "$T/BOOTX64.EFI" --modules="part_msdos fat search linux normal" \
		--locales= --themes= --fonts= "boot/grub/grub.cfg=$cfg"
	rm -f "$img"
	truncate -s "$size" "$img"
	echo "start=$((off / 512)), type=ef" | sfdisk -q "$img"
	mkfs.vfat -F 16 -n HVMCHAINESP --offset $((off / 512)) "$img" $(((size - off) / 1024)) >/dev/null
	mmd -i "$img@@$off" ::/EFI ::/EFI/BOOT
	mcopy -i "$img@@$off" "$T/BOOTX64.EFI" ::/EFI/BOOT/
	mcopy -i "$img@@$off" "$T/iso/vmlinuz" "$T/iso/initrd.gz" ::/
	mv "$img" "$OUTDIR/$1"
}
mkesp linux-esp.img
mkiso linux-acpi-off.iso "acpi=off"
mkiso linux-noapic.iso "noapic acpi=off xen_no_vector_callback"
rm -rf "$T"
