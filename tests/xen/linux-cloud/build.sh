#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the cloud-kernel Linux guest image, OUT_DIR/linux-cloud.iso: Debian's linux-image-cloud-amd64 with the report initramfs.
#
# Usage: build.sh OUT_DIR
# A second Linux consumer of the firmware's tables: Debian's cloud flavour is a much smaller
# config (no MP-table parser, CONFIG_X86_MPPARSE unset; far fewer drivers) built for Xen and KVM
# clouds. Its deb is fetched with apt-get download from the machine's own apt sources and
# unpacked under $HVMCHAIN_CACHE/linux-cloud/ (never installed on the host, which would run
# initramfs and boot-loader hooks); linux/build-iso.sh then builds the same hybrid image as for
# linux.iso, with this kernel and its xen-blkfront. The busybox comes from the Xen rootfs.
# Rebuilt only when the kernel package, the guest scripts or HVMCHAIN_GUEST_ARGS change.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
out=$(readlink -f "$1")
cache=${HVMCHAIN_CACHE:-/var/cache/hvmchain}/linux-cloud
say() { printf '  %-7s %s\n' "$1" "$2"; }
mkdir -p "$cache"
# Two clones may run the tests at once: one fetches, the other waits and reuses it.
exec 9>"$cache.lock"
flock 9

# The metapackage names the ABI package (linux-image-6.1.0-N-cloud-amd64); apt's lists may be
# missing on a fresh machine, so refresh them once if the name cannot be resolved.
resolve() { apt-cache depends linux-image-cloud-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*-cloud-amd64\)$/\1/p' | head -n 1; }
pkg=$(resolve)
if [ -z "$pkg" ]; then
	apt-get update -qq >/dev/null
	pkg=$(resolve)
fi
[ -n "$pkg" ] || { echo "linux-cloud/build.sh: apt knows no linux-image-cloud-amd64" >&2; exit 1; }

tree=$cache/$pkg
if [ ! -f "$tree/.unpacked" ]; then
	say FETCH "$pkg (apt-get download)"
	rm -rf "$tree" "$cache/dl"
	mkdir -p "$cache/dl"
	# apt's _apt user cannot write here; it downloads as root and says so: not an error.
	(cd "$cache/dl" && apt-get download -qq "$pkg" 2>&1 | grep -v 'unsandboxed as root' >&2 || true)
	deb=$(ls "$cache/dl"/"$pkg"_*.deb 2>/dev/null | head -n 1)
	[ -n "$deb" ] || { echo "linux-cloud/build.sh: apt-get download $pkg gave no .deb" >&2; exit 1; }
	dpkg -x "$deb" "$tree.new"
	rm -rf "$cache/dl"
	mv "$tree.new" "$tree"
	touch "$tree/.unpacked"
	# Older kernels' trees are dropped: only the current one is ever used.
	find "$cache" -mindepth 1 -maxdepth 1 ! -name "$pkg" -exec rm -rf {} +
fi

key=$( (echo "$pkg"; cat "$here/../linux/build-iso.sh" "$here/../linux/init.sh" "$0"
	echo "${HVMCHAIN_GUEST_ARGS:-}") | sha256sum | cut -d' ' -f1)
[ "$(cat "$out/linux-cloud-iso.key" 2>/dev/null)" != "$key" ] || [ ! -f "$out/linux-cloud.iso" ] || exit 0
say ISO "$out/linux-cloud.iso ($pkg)"
rootfs=$("$here/../rootfs.sh")
"$here/../linux/build-iso.sh" "$rootfs" "$out" "$tree" linux-cloud
echo "$key" >"$out/linux-cloud-iso.key"
