#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the iPXE guest CD, OUT_DIR/ipxe.iso: Debian's GRUB 2 (grub-pc-bin) starting Debian's ipxe.lkrn with test.ipxe.
#
# Usage: build.sh OUT_DIR
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
lkrn=/boot/ipxe.lkrn
[ -f "$lkrn" ] || { echo "ipxe/build.sh: no $lkrn (Debian's ipxe package; scripts/deps.sh test)" >&2; exit 1; }
mkdir -p "$1"
"$here/../grub-image.sh" cd "$1/ipxe.iso" "$here/grub.cfg" "serial terminal echo linux16 test" \
	"boot/ipxe.lkrn=$lkrn" "boot/test.ipxe=$here/test.ipxe"
