#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The Debian packages hvmchain needs: `deps.sh [check|install] build|test|lint|ovmf`.
# check (what a plain `make` does) only looks and prints the apt-get line for what is missing;
# install (the default; `make deps`, `make check`, `make demo`, `make lint`) installs the missing
# ones as root. fakeroot also makes `id -u` 0, so install refuses to run under it.
set -euo pipefail

build_pkgs=(gcc gcc-multilib binutils make acpica-tools libxen-dev seabios python3 dpkg-dev libxml2-utils)
# Emulated-Xen tests: QEMU runs Xen; debootstrap fetches Xen, dom0 kernel and qemu-xen debs
# into the cache without installing them on the host; isolinux and xorriso make the Linux guests' hybrid images;
# grub-pc-bin and xorriso make the GRUB guest CD too (grub-mkrescue); memtest86+ gives the memtest
# guest's memtest86+x64.bin and x64.efi (its /etc/grub.d hook only matters on a host that runs
# update-grub); ipxe gives the iPXE guest's ipxe.lkrn (its grub.d hook likewise).
# clang and its runtime (libFuzzer, sanitizers) build the fuzz harnesses (tests/fuzz/).
# deb-check builds the Debian package and runs lintian on it.
test_pkgs=(qemu-system-x86 debootstrap cpio isolinux syslinux-common dmidecode grub-pc-bin xorriso memtest86+ ipxe
	clang libclang-rt-14-dev debhelper fakeroot lintian
	# UEFI guests: the rig's patched QEMU 7.2 is built from Debian's source (tests/xen/qemu/);
	# the ESP disk is made with GRUB's standalone EFI image, sfdisk, mkfs.vfat and mtools; the
	# ovmf package's OVMF.fd is the one libxl passes for bios="ovmf".
	ninja-build meson pkg-config libglib2.0-dev libpixman-1-dev zlib1g-dev libfdt-dev libslirp-dev
	flex bison patch grub-efi-amd64-bin fdisk dosfstools mtools ovmf)
# OvmfXen (payloads/ovmf/build.sh): edk2's BaseTools and build need these.
ovmf_pkgs=(nasm uuid-dev g++ python3 acpica-tools dpkg-dev patch)

# make lint's format and shell checks.
lint_pkgs=(clang-format shellcheck)

action=install
case "${1:-}" in
check | install)
	action=$1
	shift
	;;
esac

case "${1:-}" in
build) want=("${build_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
lint) want=("${lint_pkgs[@]}") ;;
ovmf) want=("${ovmf_pkgs[@]}") ;;
*)
	echo "usage: $0 [check|install] build|test|lint|ovmf" >&2
	exit 2
	;;
esac

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$action" = check ] || [ "$(id -u)" != 0 ] || [ -n "${FAKEROOTKEY:-}" ]; then
	echo "hvmchain needs these Debian packages: ${missing[*]}" >&2
	echo "run as root: apt-get update && apt-get install --no-install-recommends ${missing[*]}" >&2
	echo "(or: make deps)" >&2
	exit 1
fi
echo "  DEPS    installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
