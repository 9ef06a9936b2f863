#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Fetch Debian's Xen, dom0 kernel and qemu-xen debs and unpack them into a cached tree (never installed on the host).
#
# Usage: rootfs.sh            (prints the rootfs path on stdout)
# The tree lives in $HVMCHAIN_CACHE/xen-rootfs, outside any clone, so every clone and run shares it.
# It is rebuilt only when the stamp (suite + package list below) differs, so changing the list
# here is what triggers a new download.
set -euo pipefail

CACHE=${HVMCHAIN_CACHE:-/var/cache/hvmchain}
SUITE=bookworm
# xenstore-utils is its own package in bookworm (xenstore-read/write/ls/rm); seabios gives bios-256k.bin.
PACKAGES=(xen-utils-4.17 xen-hypervisor-4.17-amd64 qemu-system-xen seabios linux-image-amd64 busybox-static xenstore-utils)

ROOTFS=$CACHE/xen-rootfs
DEBS=$CACHE/xen-debs
STAMP_NAME=.hvmchain-packages
want=$(printf '%s\n' "suite=$SUITE" "${PACKAGES[@]}")

say() { printf '  %-7s %s\n' "$1" "$2" >&2; }

if [ -f "$ROOTFS/$STAMP_NAME" ] && [ "$(cat "$ROOTFS/$STAMP_NAME")" = "$want" ]; then
	echo "$ROOTFS"
	exit 0
fi

[ "$(id -u)" = 0 ] || { echo "rootfs.sh: debootstrap needs root to fetch $ROOTFS" >&2; exit 1; }
mkdir -p "$CACHE"
# Two clones may run the tests at once: one builds, the other waits and then reuses it.
exec 9>"$CACHE/xen-rootfs.lock"
flock 9
if [ -f "$ROOTFS/$STAMP_NAME" ] && [ "$(cat "$ROOTFS/$STAMP_NAME")" = "$want" ]; then
	echo "$ROOTFS"
	exit 0
fi

include=$(IFS=,; echo "${PACKAGES[*]}")
# The host's own Debian archive (scripts/debian-source.sh repo), or HVMCHAIN_DEBIAN_MIRROR.
MIRROR=${HVMCHAIN_DEBIAN_MIRROR:-$("$(dirname "$0")/../../scripts/debian-source.sh" repo | cut -d' ' -f1)}
say FETCH "$DEBS (debootstrap --download-only: $include)"
# minbase + --download-only resolves the dependency closure (libc, libs, ...) without running
# any maintainer script; debs already in $DEBS from an earlier list are reused, not fetched again.
if ! debootstrap --download-only --variant=minbase --include="$include" "$SUITE" "$DEBS" "$MIRROR" \
	>"$CACHE/xen-debootstrap.log" 2>&1; then
	tail -n 20 "$CACHE/xen-debootstrap.log" >&2
	exit 1
fi

say UNPACK "$ROOTFS"
# Unpack into a fresh directory and rename at the end, so an interrupted run never leaves a
# half-built tree behind a valid stamp. Only the debs of the current closure are unpacked.
rm -rf "$ROOTFS.new" "$ROOTFS.old"
mkdir -p "$ROOTFS.new"
n=0
for deb in "$DEBS"/var/cache/apt/archives/*.deb; do
	dpkg -x "$deb" "$ROOTFS.new"
	n=$((n + 1))
done
[ -x "$ROOTFS.new/usr/lib/xen-4.17/bin/xl" ] || { echo "rootfs.sh: xl missing after unpacking $n debs" >&2; exit 1; }
# Record exact versions: log comparisons may depend on them.
for deb in "$DEBS"/var/cache/apt/archives/*.deb; do
	# shellcheck disable=SC2016 # dpkg-deb expands ${Package}, not the shell
	dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb"
done >"$ROOTFS.new/.hvmchain-versions"
echo "$want" >"$ROOTFS.new/$STAMP_NAME"
[ -e "$ROOTFS" ] && mv "$ROOTFS" "$ROOTFS.old"
mv "$ROOTFS.new" "$ROOTFS"
rm -rf "$ROOTFS.old"
echo "$ROOTFS"
