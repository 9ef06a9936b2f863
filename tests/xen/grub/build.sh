#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the GRUB guest CD, OUT_DIR/grub.iso: Debian's GRUB 2 (grub-pc-bin) running grub/grub.cfg.
#
# Usage: build.sh OUT_DIR
# grub-mkrescue makes an El Torito CD (BIOS boot image, i386-pc modules) from a tree holding
# only boot/grub/grub.cfg, with xorriso; no root, no loop mounts. Rebuilt only when the GRUB
# package, the script or this file change (key in OUT_DIR/grub-iso.key), like the Linux CD.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
out=$1
mkdir -p "$out"
key=$( (dpkg-query -W -f='${Version}' grub-pc-bin; cat "$here/grub.cfg" "$0") | sha256sum | cut -d' ' -f1)
[ "$(cat "$out/grub-iso.key" 2>/dev/null)" != "$key" ] || [ ! -f "$out/grub.iso" ] || exit 0
printf '  %-7s %s\n' ISO "$out/grub.iso"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/boot/grub"
# The cfg's comment lines stay: GRUB skips them.
cp "$here/grub.cfg" "$tree/boot/grub/grub.cfg"
mods="serial terminal echo lsmmap lsacpi lspci smbios halt test"
grub-mkrescue -o "$out/grub.iso.new" --modules="$mods" --install-modules="$mods normal iso9660 part_msdos" \
	--locales= --fonts= --themes= "$tree" >"$out/grub-iso.log" 2>&1 ||
	{ cat "$out/grub-iso.log" >&2; exit 1; }
mv "$out/grub.iso.new" "$out/grub.iso"
echo "$key" >"$out/grub-iso.key"
