#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the memtest86+ guest's images from Debian's GRUB 2 and memtest86+: OUT_DIR/memtest.iso, a BIOS CD starting memtest86+x64.bin, and OUT_DIR/memtest.img, a UEFI boot disk starting memtest86+x64.efi.
#
# Usage: build.sh OUT_DIR
# memtest86+ 6 is a Linux-boot-protocol image (the EFI one through the EFI handover entry):
# GRUB's linux command loads it with a command line (grub.cfg, grub-efi.cfg), which is what
# turns on its COM1 copy of the screen. The package's own ISO has no way to pass one.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
bin=/boot/memtest86+x64.bin efi=/boot/memtest86+x64.efi
for f in "$bin" "$efi"; do
	[ -f "$f" ] || { echo "memtest/build.sh: no $f (Debian's memtest86+ package; scripts/deps.sh test)" >&2; exit 1; }
done
mkdir -p "$1"
"$here/../grub-image.sh" cd "$1/memtest.iso" "$here/grub.cfg" "serial terminal echo linux test" "boot/memtest.bin=$bin"
"$here/../grub-image.sh" esp "$1/memtest.img" "$here/grub-efi.cfg" "serial terminal echo linux" "boot/memtest.efi=$efi"
