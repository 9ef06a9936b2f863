#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Install the Debian packages hvmchain needs: `deps.sh build` or `deps.sh test`.
# Only missing packages are installed; as non-root it prints the apt-get line and fails.
set -euo pipefail

build_pkgs=(gcc gcc-multilib binutils make acpica-tools libxen-dev seabios python3 dpkg-dev libxml2-utils)
# Emulated-Xen tests: QEMU runs Xen; debootstrap fetches Xen, dom0 kernel and qemu-xen debs
# into the cache without installing them on the host; isolinux/genisoimage make guest CDs;
# grub-pc-bin and xorriso make the GRUB guest CD (grub-mkrescue).
test_pkgs=(qemu-system-x86 debootstrap cpio isolinux syslinux-common genisoimage dmidecode grub-pc-bin xorriso)

case "${1:-}" in
build) want=("${build_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
*) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "hvmchain needs these Debian packages: ${missing[*]}" >&2
	echo "run as root: apt-get update && apt-get install --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
echo "  DEPS    installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
