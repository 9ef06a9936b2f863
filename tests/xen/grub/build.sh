#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the GRUB guest's images from Debian's GRUB 2 running grub/grub.cfg: OUT_DIR/grub.iso, a BIOS CD (grub-pc-bin), and OUT_DIR/grub.img, a UEFI boot disk (grub-efi-amd64-bin).
#
# Usage: build.sh OUT_DIR
# The script needs no file of its own: only GRUB's commands, as modules (grub-image.sh).
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
mods="serial terminal echo lsmmap lsacpi lspci smbios halt test"
mkdir -p "$1"
"$here/../grub-image.sh" cd "$1/grub.iso" "$here/grub.cfg" "$mods"
"$here/../grub-image.sh" esp "$1/grub.img" "$here/grub.cfg" "$mods"
