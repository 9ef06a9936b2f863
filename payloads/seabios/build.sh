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

# The mirror and suite of the host's own Debian sources (first non-security deb822
# stanza), so the deb-src entry comes from the same registry the host already trusts.
host_repo() {
	local f=/etc/apt/sources.list.d/debian.sources
	local uri='' suite='' key=''
	if [ -r "$f" ]; then
		read -r uri suite key < <(awk '
			/^[[:space:]]*$/ { if (u != "" && u !~ /security/) exit; u = s = k = ""; next }
			/^URIs:/ { u = $2 }
			/^Suites:/ { s = $2 }
			/^Signed-By:/ { k = $2 }
			END { print u, s, k }' "$f") || true
	fi
	[ -n "$uri" ] && [[ $uri != *security* ]] || uri=http://deb.debian.org/debian
	# shellcheck source=/dev/null
	[ -n "$suite" ] || suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
	[ -n "$key" ] || key=/usr/share/keyrings/debian-archive-keyring.gpg
	printf '%s %s %s\n' "$uri" "$suite" "$key"
}

# Download .dsc + tarballs into the cache. A plain `apt-get source` is tried first (the
# host may already have deb-src lines); otherwise a private deb-src list kept in the
# cache is used via -o options, so /etc/apt is never modified and the host's later
# `apt-get update` runs do not start downloading Sources indexes.
fetch_source() {
	local tmp uri suite key list opts
	[ "$(id -u)" = 0 ] || [ -w "$(dirname "$cache")" ] ||
		die "$cache is absent and not writable: run once as root (it downloads $pkg $ver)"
	mkdir -p "$cache"
	tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
	# _apt cannot write into a root-only mktemp dir; let apt drop privileges cleanly.
	chmod 0755 "$tmp"
	trap 'rm -rf "$tmp"' EXIT
	if ! (cd "$tmp" && apt-get source --download-only "$pkg=$ver") >>"$log" 2>&1; then
		read -r uri suite key < <(host_repo)
		list=$cache/deb-src.sources
		printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
			"$uri" "$suite" "$key" >"$list"
		opts=(-o "Dir::Etc::sourcelist=$list" -o Dir::Etc::sourceparts=-)
		echo "  FETCH   $pkg $ver source from $uri $suite"
		run apt-get update -q "${opts[@]}" -o APT::Get::List-Cleanup=0
		(cd "$tmp" && run apt-get source --download-only "${opts[@]}" "$pkg=$ver")
	fi
	[ -f "$tmp/$dsc" ] || die "apt-get source did not produce $dsc (see $log)"
	check_dsc "$tmp/$dsc"
	mv "$tmp"/*.dsc "$tmp"/*.tar.* "$cache/"
	rm -rf "$tmp"
	trap - EXIT
}

# The pinned hash covers the .dsc, and the .dsc lists the tarballs' SHA256 sums, which
# dpkg-source verifies on extraction; so the whole source is pinned by one hash.
check_dsc() {
	local got
	got=$(sha256sum "$1" | cut -d' ' -f1)
	[ "$got" = "$dsc_sha" ] || die "$1: SHA256 $got, expected $dsc_sha (payloads/seabios/VERSION)"
	grep -qx "Source: $pkg" "$1" || die "$1 is not source package $pkg"
	grep -qx "Version: $ver" "$1" || die "$1 is not version $ver"
}

[ -f "$cache/$dsc" ] || fetch_source
check_dsc "$cache/$dsc"

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
