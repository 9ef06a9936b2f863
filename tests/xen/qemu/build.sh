#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build and cache the emulated-Xen rig's QEMU: Debian's QEMU 7.2 source with cr8-virq-lock.patch.
#
# Usage: build.sh            build once (downloads the source once), print the binary's path
#        build.sh --cached   print the path if it is already built, else fail quietly
#
# Why: Debian's QEMU 7.2 aborts when a nested UEFI guest writes CR8 (see cr8-virq-lock.patch and
# tests/xen/README.md). Only the x86_64 system emulator is built, without UI or host devices.
# Everything lives in $HVMCHAIN_CACHE/qemu-rig/KEY, KEY a hash of the pin, patch and this script,
# so a changed patch builds anew and two clones share one build (flock).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=$(realpath -m "${HVMCHAIN_CACHE:-/var/cache/hvmchain}")

die() {
	echo "qemu-rig: error: $*" >&2
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
key=$(cat "$here/VERSION" "$here/cr8-virq-lock.patch" "$here/build.sh" | sha256sum | cut -c1-12)
dir=$cache/qemu-rig/$key
bin=$dir/qemu-system-x86_64

if [ "${1:-}" = --cached ]; then
	[ -x "$bin" ] || exit 1
	echo "$bin"
	exit 0
fi
[ -x "$bin" ] && { echo "$bin"; exit 0; }

mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
[ -x "$bin" ] && { echo "$bin"; exit 0; }

"$here/../../../scripts/debian-source.sh" fetch "$pkg" "$ver" "$dsc_sha" "$cache/qemu-src"
log=$dir/build.log
: >"$log"
run() {
	if ! "$@" >>"$log" 2>&1; then
		tail -n 25 "$log" >&2
		die "'$*' failed (full log: $log)"
	fi
}
printf '  %-7s %s\n' QEMU "building $pkg $ver + cr8-virq-lock.patch in $dir (a few minutes)" >&2
start=$(date +%s)
rm -rf "$dir/src"
run dpkg-source -x "$cache/qemu-src/${pkg}_${ver#*:}.dsc" "$dir/src"
run patch -d "$dir/src" -p1 -i "$here/cr8-virq-lock.patch"
mkdir -p "$dir/src/build"
(cd "$dir/src/build" && run ../configure --target-list=x86_64-softmmu --disable-docs --disable-werror \
	--disable-gtk --disable-sdl --disable-vnc --disable-opengl --disable-spice --disable-xen \
	--disable-kvm --disable-libusb --disable-usb-redir --disable-seccomp --disable-curl \
	--disable-alsa --disable-pa --disable-jack --disable-oss --disable-guest-agent --disable-tools)
run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL nice -n 10 ninja -C "$dir/src/build" -j"$(nproc)" qemu-system-x86_64
cp "$dir/src/build/qemu-system-x86_64" "$bin.tmp"
mv "$bin.tmp" "$bin"
# The sources and objects are 1 GiB; only the binary is needed (it finds ROMs through -L).
rm -rf "$dir/src"
printf '  %-7s %s\n' QEMU "built in $(($(date +%s) - start)) s" >&2
echo "$bin"
