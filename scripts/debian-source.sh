#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Debian source packages for the builds that need one (SeaBIOS, QEMU, edk2), from the host's own apt sources.
#
# Usage:
#   debian-source.sh repo                              print "URI SUITE KEYRING" of the host's Debian archive
#   debian-source.sh fetch PKG VERSION DSC_SHA256 DIR  put PKG's .dsc and tarballs in DIR (once), checked
#
# No archive address is written here: the URI comes from the machine's apt configuration (deb822
# .sources or one-line .list files), the archive the host already trusts. The pinned hash covers
# the .dsc, and the .dsc lists the tarballs' SHA256 sums, which dpkg-source checks on extraction,
# so one hash pins the whole source. /etc/apt is never modified: when the host has no deb-src
# lines, a private list in DIR is handed to apt with -o options.
set -euo pipefail

die() {
	echo "debian-source: error: $*" >&2
	exit 1
}

# The first Debian archive among the host's deb (not deb-src) entries, security archive excluded.
repo() {
	local f line uri='' suite='' key=''
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		read -r uri suite key < <(awk '
			function flush() { if (u != "" && u !~ /security/ && t ~ /(^| )deb( |$)/ && !done) { print u, s, k; done = 1 } }
			/^[[:space:]]*$/ { flush(); u = s = k = t = ""; next }
			/^Types:/ { t = $0 }
			/^URIs:/ { u = $2 }
			/^Suites:/ { s = $2 }
			/^Signed-By:/ { k = $2 }
			END { flush() }' "$f") || true
		[ -z "$uri" ] || break
	done
	if [ -z "$uri" ]; then
		for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
			[ -r "$f" ] || continue
			# deb [options] URI SUITE COMPONENTS...
			line=$(sed -nE 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+([^[:space:]]+).*/\2 \3/p' "$f" |
				grep -v security | grep -E '/debian/?( |$)' | head -n1) || true
			[ -n "$line" ] || continue
			read -r uri suite <<<"$line"
			break
		done
	fi
	[ -n "$uri" ] || die "no Debian archive found in /etc/apt/sources.list{,.d/}: add one (apt-get must work)"
	[ -n "$key" ] || key=/usr/share/keyrings/debian-archive-keyring.gpg
	printf '%s %s %s\n' "$uri" "$suite" "$key"
}

check_dsc() { # FILE PKG VERSION SHA256
	local got
	got=$(sha256sum "$1" | cut -d' ' -f1)
	[ "$got" = "$4" ] || die "$1: SHA256 $got, expected $4"
	grep -qx "Source: $2" "$1" || die "$1 is not source package $2"
	grep -qx "Version: $3" "$1" || die "$1 is not version $3"
}

fetch() { # PKG VERSION SHA256 DIR
	local pkg=$1 ver=$2 sha=$3 dir=$4 dsc tmp uri suite key list log
	local -a opts
	# The file name carries the version without its epoch.
	dsc=${pkg}_${ver#*:}.dsc
	# Already there and read-only to us (a non-root build using root's cache): no lock needed.
	if [ -f "$dir/$dsc" ] && [ ! -w "$dir" ]; then
		check_dsc "$dir/$dsc" "$pkg" "$ver" "$sha"
		return 0
	fi
	mkdir -p "$dir"
	# Two clones may fetch at once: the second waits, then finds the files.
	exec 8>"$dir/.fetch.lock"
	flock 8
	if [ -f "$dir/$dsc" ]; then
		check_dsc "$dir/$dsc" "$pkg" "$ver" "$sha"
		return 0
	fi
	[ "$(id -u)" = 0 ] || [ -w "$dir" ] || die "$dir is not writable: run once as root (it downloads $pkg $ver)"
	tmp=$(mktemp -d "$dir/.fetch.XXXXXX")
	# apt drops privileges to _apt for downloads; it must be able to write here.
	chmod 0755 "$tmp"
	log=$tmp/apt.log
	trap 'rm -rf "$tmp"' EXIT
	read -r uri suite key < <(repo)
	list=$tmp/deb-src.sources
	printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' "$uri" "$suite" "$key" >"$list"
	# A private list and private index directories: the host's own apt state is left alone.
	mkdir -p "$tmp/lists/partial"
	opts=(-o "Dir::Etc::sourcelist=$list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$tmp/lists")
	printf '  %-7s %s\n' FETCH "$pkg $ver source ($suite)" >&2
	if ! apt-get update -q "${opts[@]}" >>"$log" 2>&1 ||
		! (cd "$tmp" && apt-get source --download-only "${opts[@]}" "$pkg=$ver") >>"$log" 2>&1; then
		tail -n 20 "$log" >&2
		die "could not download $pkg $ver source from $uri $suite"
	fi
	[ -f "$tmp/$dsc" ] || die "apt-get source did not produce $dsc"
	check_dsc "$tmp/$dsc" "$pkg" "$ver" "$sha"
	mv "$tmp"/*.dsc "$tmp"/*.tar.* "$dir/"
	rm -rf "$tmp"
	trap - EXIT
}

case "${1:-}" in
repo) repo ;;
fetch)
	[ $# = 5 ] || die "usage: $0 fetch PKG VERSION DSC_SHA256 DIR"
	fetch "$2" "$3" "$4" "$5"
	;;
*) die "usage: $0 repo | fetch PKG VERSION DSC_SHA256 DIR" ;;
esac
