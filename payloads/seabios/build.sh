#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the 128 KiB Xen-capable SeaBIOS payload from Debian's pinned seabios source package.
#
# Debian's own 128 KiB bios.bin is built with XEN=n, so we rebuild the same source
# with our config. Writes only to $OUT/seabios and $HVMCHAIN_CACHE/seabios-src; the
# source is downloaded once and reused offline. Quiet on success, logs to
# $OUT/seabios/build.log and shows its tail on failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(realpath -m "${OUT:-out}")
cache=$(realpath -m "${HVMCHAIN_CACHE:-/var/cache/hvmchain}")/seabios-src
work=$OUT/seabios
src=$work/src
log=$work/build.log
target=$work/bios-xen-128k.bin
config=$here/config-xen-128k

die() {
	echo "seabios: error: $*" >&2
	exit 1
}

# VERSION is KEY=value lines; read them without sourcing so it can hold no code.
pin() {
	local v
	v=$(sed -n "s/^$1=//p" "$here/VERSION")
	[ -n "$v" ] || die "$1 missing from $here/VERSION"
	printf '%s\n' "$v"
}
pkg=$(pin SOURCE_PACKAGE)
ver=$(pin SOURCE_VERSION)
dsc_sha=$(pin DSC_SHA256)
dsc=${pkg}_${ver}.dsc

mkdir -p "$work"
: >"$log"

# Run a noisy command with output in the log; on failure show where it went wrong.
run() {
	if ! "$@" >>"$log" 2>&1; then
		tail -n 25 "$log" >&2
		die "'$*' failed (full log: $log)"
	fi
}

# The source comes from the host's own Debian archive, pinned by the .dsc hash
# (scripts/debian-source.sh); it is downloaded once into the cache and reused offline.
"$here/../../scripts/debian-source.sh" fetch "$pkg" "$ver" "$dsc_sha" "$cache"

# Fresh tree every time: dpkg-source -x applies Debian's quilt patches. The upstream
# signing key is not in a host keyring, so the signature warning is expected; trust
# comes from the pinned hash above.
rm -rf "$src"
run dpkg-source -x "$cache/$dsc" "$src"

# SeaBIOS's own make must not inherit ours: V=, -j/jobserver flags and OUT (which it
# also uses, for its build directory) would leak in through the environment.
smake() {
	run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u OUT make -C "$src" PYTHON=python3 "$@"
}

# Expand the fragment to a full .config, then insist every line we set survived:
# olddefconfig silently drops options whose dependencies are unmet.
grep -E '^(CONFIG_|# CONFIG_)' "$config" >"$src/.config"
smake olddefconfig
while IFS= read -r line; do
	grep -qxF "$line" "$src/.config" || die "olddefconfig changed '$line' (see $src/.config)"
done < <(grep -E '^(CONFIG_|# CONFIG_)' "$config")

# EXTRAVERSION puts "-hvmchain" in the banner; with Debian's .version file it also
# makes the version string free of build date and host name.
smake EXTRAVERSION=-hvmchain -j"$(nproc)" out/bios.bin

bin=$src/out/bios.bin
size=$(stat -c %s "$bin")
[ "$size" -eq 131072 ] || die "$bin is $size bytes, expected 131072"
grep -aq XenHVMSeaBIOS "$bin" || die "$bin lacks the XenHVMSeaBIOS signature: CONFIG_XEN not built in"
# The reset vector (F000:FFF0, last 16 bytes) must be a far jump, opcode 0xEA.
[ "$(tail -c 16 "$bin" | od -An -tx1 -N1 | tr -d ' ')" = ea ] ||
	die "$bin: reset vector is not a far jump (0xEA)"

cp "$bin" "$target.tmp"
mv "$target.tmp" "$target"
# Free space inside the ROM, from SeaBIOS's checkrom.py "Total size: ... Free: N" line.
free=$(sed -n 's/.*Free: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
printf '  %-7s %s (%s %s, %s bytes free)\n' SEABIOS "${target#"$PWD"/}" "$pkg" "$ver" "${free:-?}"
