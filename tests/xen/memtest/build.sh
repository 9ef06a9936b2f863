#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the memtest86+ guest CD, OUT_DIR/memtest.iso: Debian's GRUB 2 (grub-pc-bin) starting Debian's memtest86+x64.bin.
#
# Usage: build.sh OUT_DIR
# memtest86+ 6 is a Linux-boot-protocol image: GRUB's linux command loads it with a command line
# (memtest/grub.cfg), which is what turns on its COM1 copy of the screen. The package's own ISO
# has no way to pass one. grub-mkrescue makes the El Torito CD as for the GRUB guest. Rebuilt
# only when the packages, the cfg or this file change (key in OUT_DIR/memtest-iso.key).
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
out=$1
bin=/boot/memtest86+x64.bin
mkdir -p "$out"
[ -f "$bin" ] || { echo "memtest/build.sh: no $bin (Debian's memtest86+ package; scripts/deps.sh test)" >&2; exit 1; }
key=$( (dpkg-query -W -f='${Version}\n' grub-pc-bin memtest86+; cat "$here/grub.cfg" "$0") | sha256sum | cut -d' ' -f1)
[ "$(cat "$out/memtest-iso.key" 2>/dev/null)" != "$key" ] || [ ! -f "$out/memtest.iso" ] || exit 0
printf '  %-7s %s\n' ISO "$out/memtest.iso"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/boot/grub"
cp "$here/grub.cfg" "$tree/boot/grub/grub.cfg"
cp "$bin" "$tree/boot/memtest.bin"
mods="serial terminal echo linux test"
grub-mkrescue -o "$out/memtest.iso.new" --modules="$mods" --install-modules="$mods normal iso9660 part_msdos" \
	--locales= --fonts= --themes= "$tree" >"$out/memtest-iso.log" 2>&1 ||
	{ cat "$out/memtest-iso.log" >&2; exit 1; }
mv "$out/memtest.iso.new" "$out/memtest.iso"
echo "$key" >"$out/memtest-iso.key"
