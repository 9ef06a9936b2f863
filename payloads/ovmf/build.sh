#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build OvmfXen (edk2's OvmfPkg/OvmfXen.dsc, X64 RELEASE) from Debian's pinned edk2 source.
#
# Usage: build.sh [--if-fetched] DEST
#   Builds once into $HVMCHAIN_CACHE/ovmf-xen/KEY (KEY: a hash of the pin, the patch and this
#   script; flock for concurrent clones) and copies the 2 MiB flash image to DEST.
#   --if-fetched: a packager's build with no network; build only when the source is already in
#   the cache, else say so and exit 0 without DEST.
#
# Debian's `ovmf` package is OvmfPkgX64, which finds ACPI and SMBIOS through QEMU's fw_cfg; Xen
# has none. OvmfXen reads the tables the loader built (the XenHVMOVMF block). Two patches, applied
# in name order (the header of each says why): ovmfxen-shell-libs.patch maps two library classes
# Debian's Shell patch needs and OvmfXen.dsc lacks; ovmfxen-one-root-bus.patch stops the PCI
# root-bridge scan after bus 0, the only root bus qemu-xen has (8160 needless config reads).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=$(realpath -m "${HVMCHAIN_CACHE:-/var/cache/hvmchain}")
if_fetched=0
[ "${1:-}" = --if-fetched ] && { if_fetched=1; shift; }
[ $# = 1 ] || { echo "usage: $0 [--if-fetched] DEST" >&2; exit 2; }
dest=$1

die() {
	echo "ovmf: error: $*" >&2
	exit 1
}
pin() {
	local v
	v=$(sed -n "s/^$1=//p" "$here/VERSION")
	[ -n "$v" ] || die "$1 missing from $here/VERSION"
	printf '%s\n' "$v"
}
pkg=$(pin SOURCE_PACKAGE)
ver=$(pin SOURCE_VERSION)
dsc_sha=$(pin DSC_SHA256)
dsc=$cache/edk2-src/${pkg}_${ver}.dsc
patches=("$here"/ovmfxen-*.patch)
key=$(cat "$here/VERSION" "${patches[@]}" "$here/build.sh" | sha256sum | cut -c1-12)
dir=$cache/ovmf-xen/$key
fd=$dir/OVMF-xen.fd

install_fd() {
	mkdir -p "$(dirname "$dest")"
	cp "$fd" "$dest.tmp"
	mv "$dest.tmp" "$dest"
}
if [ -f "$fd" ]; then
	install_fd
	exit 0
fi
if [ $if_fetched = 1 ] && [ ! -f "$dsc" ]; then
	printf '  %-7s %s\n' SKIP "OvmfXen: no edk2 source in $cache (make deps fetches and builds it)" >&2
	exit 0
fi

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
if [ ! -f "$fd" ]; then
	"$here/../../scripts/debian-source.sh" fetch "$pkg" "$ver" "$dsc_sha" "$cache/edk2-src"
	log=$dir/build.log
	: >"$log"
	run() {
		if ! "$@" >>"$log" 2>&1; then
			tail -n 25 "$log" >&2
			die "'$*' failed (full log: $log)"
		fi
	}
	printf '  %-7s %s\n' OVMF "building OvmfXen from $pkg $ver in $dir (a few minutes)" >&2
	start=$(date +%s)
	src=$dir/src
	rm -rf "$src"
	run dpkg-source -x "$dsc" "$src"
	for p in "${patches[@]}"; do
		run patch -d "$src" -p1 -i "$p"
	done
	# edk2's BaseTools and build read MAKEFLAGS; ours (jobserver, V=) must not leak in.
	unset MAKEFLAGS MFLAGS MAKELEVEL
	run nice -n 10 make -C "$src/BaseTools" -j"$(nproc)"
	(
		cd "$src"
		export WORKSPACE=$src PACKAGES_PATH=$src
		set +u
		# shellcheck disable=SC1091
		. ./edksetup.sh BaseTools >>"$log" 2>&1
		set -u
		run nice -n 10 build -a X64 -t GCC5 -b RELEASE -p OvmfPkg/OvmfXen.dsc -n "$(nproc)"
	)
	out=$src/Build/OvmfXen/RELEASE_GCC5/FV/OVMF.fd
	size=$(stat -c %s "$out")
	[ $((size % 65536)) = 0 ] || die "$out is $size bytes, not a multiple of 64 KiB"
	cp "$out" "$fd.tmp"
	mv "$fd.tmp" "$fd"
	rm -rf "$src"
	printf '  %-7s %s\n' OVMF "OvmfXen built in $(($(date +%s) - start)) s ($size bytes)" >&2
fi
install_fd
