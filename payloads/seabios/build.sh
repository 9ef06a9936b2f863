#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the 128 KiB Xen-capable SeaBIOS payload from Debian's pinned seabios source package.
#
#   build.sh             build from $SEABIOS_SRC (an unpacked SeaBIOS tree) or the cached source
#   build.sh fetch       download the pinned source into the cache (`make deps`; needs network)
#   build.sh check FILE  is FILE a SeaBIOS image the loader accepts (SEABIOS=system)?
#
# SEABIOS_BOOTMENU=n builds a second image, bios-xen-128k-nomenu.bin (its own tree and log
# under $OUT/seabios/nomenu/), with CONFIG_BOOTMENU off: SeaBIOS then has no "Press ESC"
# prompt and no wait. Under Xen it has no fw_cfg, so etc/boot-menu-wait cannot be set per
# guest and falls back to its 2.5 s default (src/boot.c, DEFAULT_BOOTMENU_WAIT); Kconfig is
# the only way to drop it without patching SeaBIOS. The default (y) image is unchanged.
#
# Debian's own 128 KiB bios.bin is built with XEN=n, so we rebuild the same source
# with our config. Writes only to $OUT/seabios and $HVMCHAIN_CACHE/seabios-src. Only `fetch`,
# or a build with HVMCHAIN_ONLINE=1 (make check/demo), downloads; a plain `make` is offline.
# Quiet on success, logs to $OUT/seabios/build.log and shows its tail on failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(realpath -m "${OUT:-out}")
cache=$(realpath -m "${HVMCHAIN_CACHE:-/var/cache/hvmchain}")/seabios-src
config=$here/config-xen-128k
menu=${SEABIOS_BOOTMENU:-y}
case $menu in
y)
	work=$OUT/seabios
	target=$work/bios-xen-128k.bin
	extraversion=-hvmchain
	;;
n)
	work=$OUT/seabios/nomenu
	target=$OUT/seabios/bios-xen-128k-nomenu.bin
	# The banner names the image, so a boot log tells which of the two ran.
	extraversion=-hvmchain-nomenu
	;;
*)
	echo "seabios: error: SEABIOS_BOOTMENU=$menu: expected y or n" >&2
	exit 1
	;;
esac
src=$work/src
log=$work/build.log

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

# The checks the loader makes (payloads/seabios/handoff.c) plus the reset vector's opcode.
check_image() { # FILE
	local size
	[ -r "$1" ] || die "$1: not readable"
	size=$(stat -L -c %s "$1")
	[ "$size" -eq 131072 ] || [ "$size" -eq 262144 ] || die "$1 is $size bytes, expected 131072 or 262144"
	grep -aq XenHVMSeaBIOS "$1" ||
		die "$1 lacks the XenHVMSeaBIOS signature: SeaBIOS built without CONFIG_XEN (Debian's bios-256k.bin has it, bios.bin does not)"
	# The reset vector (F000:FFF0, last 16 bytes) must be a far jump, opcode 0xEA.
	[ "$(tail -c 16 "$1" | od -An -tx1 -N1 | tr -d ' ')" = ea ] || die "$1: reset vector is not a far jump (0xEA)"
}

fetch_source() {
	"$here/../../scripts/debian-source.sh" fetch "$pkg" "$ver" "$dsc_sha" "$cache"
}

case "${1:-}" in
check)
	[ $# = 2 ] || die "usage: $0 check FILE"
	check_image "$2"
	exit 0
	;;
fetch)
	fetch_source
	exit 0
	;;
'') ;;
*) die "usage: $0 [fetch | check FILE]" ;;
esac

mkdir -p "$work"
: >"$log"

# Run a noisy command with output in the log; on failure show where it went wrong.
run() {
	if ! "$@" >>"$log" 2>&1; then
		tail -n 25 "$log" >&2
		die "'$*' failed (full log: $log)"
	fi
}

rm -rf "$src"
if [ -n "${SEABIOS_SRC:-}" ]; then
	# A tree the packager provides (e.g. an unpacked Debian seabios source): copied, so the
	# build never writes into it.
	[ -f "$SEABIOS_SRC/src/fw/xen.c" ] || die "SEABIOS_SRC=$SEABIOS_SRC is not a SeaBIOS source tree (no src/fw/xen.c)"
	cp -a "$SEABIOS_SRC" "$src"
	rm -rf "$src/out" "$src/.config"
	origin="SeaBIOS from $SEABIOS_SRC"
else
	# The source comes from the host's own Debian archive, pinned by the .dsc hash
	# (scripts/debian-source.sh); it is downloaded once into the cache and reused offline.
	if [ ! -f "$cache/$dsc" ] && [ "${HVMCHAIN_ONLINE:-0}" != 1 ]; then
		die "the SeaBIOS source ($pkg $ver) is not in $cache and a plain make does not download:" \
			"run 'make deps' once, or choose SEABIOS_SRC=DIR, SEABIOS=system SEABIOS_IMAGE=FILE or SEABIOS=none"
	fi
	fetch_source
	# Fresh tree every time: dpkg-source -x applies Debian's quilt patches. The upstream
	# signing key is not in a host keyring, so the signature warning is expected; trust
	# comes from the pinned hash above.
	run dpkg-source -x "$cache/$dsc" "$src"
	origin="$pkg $ver"
fi

# SeaBIOS's own make must not inherit ours: V=, -j/jobserver flags and OUT (which it
# also uses, for its build directory) would leak in through the environment.
smake() {
	run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u OUT make -C "$src" PYTHON=python3 "$@"
}

# Expand the fragment (plus the menu knob) to a full .config, then insist every line we set
# survived: olddefconfig silently drops options whose dependencies are unmet.
mapfile -t settings < <(grep -E '^(CONFIG_|# CONFIG_)' "$config")
[ "$menu" = y ] || settings+=("# CONFIG_BOOTMENU is not set")
printf '%s\n' "${settings[@]}" >"$src/.config"
smake olddefconfig
for line in "${settings[@]}"; do
	grep -qxF "$line" "$src/.config" || die "olddefconfig changed '$line' (see $src/.config)"
done

# EXTRAVERSION puts "-hvmchain" in the banner; with Debian's .version file it also
# makes the version string free of build date and host name.
smake EXTRAVERSION="$extraversion" -j"$(nproc)" out/bios.bin

bin=$src/out/bios.bin
size=$(stat -c %s "$bin")
[ "$size" -eq 131072 ] || die "$bin is $size bytes, expected 131072"
check_image "$bin"
# The knob reached the image: the prompt lives only in interactive_bootmenu(), which
# CONFIG_BOOTMENU=n reduces to a return, so its string must be gone (and be there otherwise).
prompt='Press ESC for boot menu'
if [ "$menu" = n ]; then
	! grep -aqF "$prompt" "$bin" || die "$bin still holds '$prompt' with CONFIG_BOOTMENU off"
else
	grep -aqF "$prompt" "$bin" || die "$bin lacks '$prompt': is CONFIG_BOOTMENU on?"
fi

cp "$bin" "$target.tmp"
mv "$target.tmp" "$target"
# Free space inside the ROM, from SeaBIOS's checkrom.py "Total size: ... Free: N" line.
free=$(sed -n 's/.*Free: *\([0-9]*\).*/\1/p' "$log" | tail -n1)
printf '  %-7s %s (%s, %s bytes free)\n' SEABIOS "${target#"$PWD"/}" "$origin" "${free:-?}"
