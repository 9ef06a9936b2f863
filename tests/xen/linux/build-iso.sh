#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the Linux guest CDs: Debian's kernel + a busybox initramfs (init.sh) on ISOLINUX, one CD per kernel command line.
#
# Usage: build-iso.sh ROOTFS OUTDIR          (env HVMCHAIN_GUEST_ARGS: extra kernel arguments)
# ROOTFS is the tree rootfs.sh unpacked (kernel, modules, busybox-static). Writes, in OUTDIR:
#   linux.iso             the default command line
#   linux-acpi-off.iso    acpi=off: Linux takes the CPUs and IRQs from the MP table
#   linux-noapic.iso      noapic acpi=off xen_no_vector_callback: PCI IRQs through the PIC and $PIR;
#                         without the vector callback, event channels (the report disk) arrive
#                         on the Xen platform device's PCI interrupt, so that IRQ must work.
# Host packages: isolinux syslinux-common genisoimage cpio.
set -euo pipefail

ROOTFS=$(readlink -f "$1")
OUTDIR=$(readlink -f "$2")
HERE=$(dirname "$(readlink -f "$0")")
T=$OUTDIR/linux-iso.d
rm -rf "$T"
mkdir -p "$T"/init/{bin,proc,sys,dev,tmp,lib/modules} "$T/iso/isolinux"

cp "$ROOTFS/bin/busybox" "$T/init/bin/"
for a in $("$ROOTFS/bin/busybox" --list); do
	[ "$a" = busybox ] || ln -sf busybox "$T/init/bin/$a"
done
install -m 0755 "$HERE/init.sh" "$T/init/init"

# xen-blkfront reaches the report disk; the modules' own dependencies ("depends=" in .modinfo) first.
kver=$(ls "$ROOTFS/lib/modules")
: >"$T/init/lib/modules/load-order"
add_module() {
	local p dep
	p=$(find "$ROOTFS/lib/modules/$kver" -name "$1.ko" | head -n 1)
	[ -n "$p" ] || { echo "build-iso.sh: module $1 not found" >&2; exit 1; }
	for dep in $(tr '\0' '\n' <"$p" | sed -n 's/^depends=//p' | tr , ' '); do
		grep -qx "$dep" "$T/init/lib/modules/load-order" || add_module "$dep"
	done
	cp "$p" "$T/init/lib/modules/$1.ko"
	echo "$1" >>"$T/init/lib/modules/load-order"
}
add_module xen-blkfront
(cd "$T/init" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$T/iso/initrd.gz"
cp "$ROOTFS"/boot/vmlinuz-* "$T/iso/vmlinuz"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 "$T/iso/isolinux/"

# No serial console: the emulated UART (qemu-xen in dom0) moves under 1 KB/s under nested emulation
# and heavy output there made multi-vCPU guests flaky. earlyprintk=xen writes the kernel's console
# to port 0xE9 instead, which Xen itself prints as the guest's "(dN)" lines (next to the firmware's);
# keep_bootcon keeps it after the VGA console registers. loglevel=4 shows errors up to init, which
# then raises it (init.sh). HVMCHAIN_GUEST_ARGS adds words to every CD, e.g. "loglevel=7" to see a hang.
base="initrd=/initrd.gz earlyprintk=xen keep_bootcon loglevel=4 panic=-1 ${HVMCHAIN_GUEST_ARGS:-}"
mkiso() { # mkiso NAME EXTRA-ARGS
	cat >"$T/iso/isolinux/isolinux.cfg" <<CFG
DEFAULT linux
PROMPT 0
TIMEOUT 0
LABEL linux
  KERNEL /vmlinuz
  APPEND $base $2
CFG
	genisoimage -quiet -o "$OUTDIR/$1.tmp" -b isolinux/isolinux.bin -c isolinux/boot.cat -no-emul-boot \
		-boot-load-size 4 -boot-info-table -J -R "$T/iso"
	mv "$OUTDIR/$1.tmp" "$OUTDIR/$1"
}
mkiso linux.iso ""
mkiso linux-acpi-off.iso "acpi=off"
mkiso linux-noapic.iso "noapic acpi=off xen_no_vector_callback"
rm -rf "$T"
