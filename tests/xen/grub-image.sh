#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build a GRUB 2 guest image from Debian's GRUB: a BIOS CD or a UEFI boot disk running one grub.cfg.
#
# Usage: grub-image.sh cd|esp OUT GRUB_CFG MODULES [DEST=SRC ...]
#   cd   an El Torito CD (grub-pc-bin, i386-pc) made by grub-mkrescue with xorriso, holding
#        GRUB_CFG as /boot/grub/grub.cfg and each file SRC as /DEST;
#   esp  an MBR disk whose one EFI system partition holds GRUB (grub-efi-amd64-bin, x86_64-efi)
#        as \EFI\BOOT\BOOTX64.EFI (the removable-media path: no boot entry needed), with
#        GRUB_CFG and each SRC at /DEST in its built-in memdisk, its root when it starts.
#        4 MiB, FAT12 (UEFI reads FAT12, 16 and 32): the disk travels whole in dom0's initramfs.
#        No root and no loop devices: sfdisk writes the partition table, mkfs.vfat formats the
#        partition in place (--offset), mtools copies into it ("img@@offset").
# MODULES go into GRUB's core image. OUT is rebuilt only when the GRUB package, the inputs or
# this script change (the key in OUT.key), like the Linux images.
set -euo pipefail
kind=$1 out=$2 cfg=$3 mods=$4
shift 4
case $kind in
cd) pkg=grub-pc-bin ;;
esp) pkg=grub-efi-amd64-bin ;;
*) echo "grub-image.sh: cd or esp, not '$kind'" >&2; exit 2 ;;
esac
srcs=()
for f in "$@"; do srcs+=("${f#*=}"); done
key=$( (echo "$kind $mods $*"; dpkg-query -W -f='${Version}\n' "$pkg"; cat "$cfg" "$0" ${srcs[@]+"${srcs[@]}"}) |
	sha256sum | cut -d' ' -f1)
[ "$(cat "$out.key" 2>/dev/null)" != "$key" ] || [ ! -f "$out" ] || exit 0
printf '  %-7s %s\n' "$(echo "$kind" | tr a-z A-Z)" "$out"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ "$kind" = cd ]; then
	mkdir -p "$T/tree/boot/grub"
	cp "$cfg" "$T/tree/boot/grub/grub.cfg"
	for f in "$@"; do
		mkdir -p "$(dirname "$T/tree/${f%%=*}")"
		cp "${f#*=}" "$T/tree/${f%%=*}"
	done
	grub-mkrescue -o "$T/out" --modules="$mods" --install-modules="$mods normal iso9660 part_msdos" \
		--locales= --fonts= --themes= "$T/tree" >"$T/log" 2>&1 || { cat "$T/log" >&2; exit 1; }
else
	grub-mkstandalone -O x86_64-efi -o "$T/BOOTX64.EFI" --modules="$mods memdisk tar" \
		--install-modules="$mods memdisk tar normal" --locales= --themes= --fonts= "boot/grub/grub.cfg=$cfg" "$@"
	off=1048576 size=$((4 * 1048576))
	truncate -s "$size" "$T/out"
	echo "start=$((off / 512)), type=ef" | sfdisk -q "$T/out"
	mkfs.vfat -F 12 -n HVMCHAINESP --offset $((off / 512)) "$T/out" $(((size - off) / 1024)) >/dev/null
	mmd -i "$T/out@@$off" ::/EFI ::/EFI/BOOT
	mcopy -i "$T/out@@$off" "$T/BOOTX64.EFI" ::/EFI/BOOT/
fi
mv "$T/out" "$out"
echo "$key" >"$out.key"
