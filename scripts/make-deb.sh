#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make deb: build the Debian package from the committed tree as a non-root user with no network,
# then run lintian on the .deb and the .dsc. Output in $OUT/deb/.
#
# As root the build runs as $DEB_BUILD_USER (created as a system user when missing) inside a
# new network namespace (unshare -n: only a loopback, down), which proves the build needs
# neither; as any other user it runs as that user, network as it is.
set -euo pipefail

OUT=$(realpath -m "${OUT:-out}")
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$OUT/deb
user=${DEB_BUILD_USER:-hvmchain-build}
ver=$(sed -n '1s/^hvmchain (\([^)]*\)).*/\1/p' "$top/debian/changelog")

die() {
	echo "deb: error: $*" >&2
	exit 1
}

for t in dpkg-buildpackage dh fakeroot lintian; do
	command -v "$t" >/dev/null || die "$t missing: apt-get install --no-install-recommends dpkg-dev debhelper fakeroot lintian"
done

rm -rf "$work"
mkdir -p "$work"
# The committed tree only (no out/, no local edits), as a source package would carry it.
git -C "$top" archive --format=tar --prefix="hvmchain-$ver/" HEAD | tar -x -C "$work"

run=()
if [ "$(id -u)" = 0 ]; then
	id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
	chown -R "$user:" "$work"
	run=(unshare -n setpriv --reuid="$user" --regid="$user" --init-groups env HOME="$work")
fi

t0=$(date +%s)
printf '  %-7s %s\n' DEB "$work (as ${user:-$(id -un)}, no network)"
if ! (cd "$work/hvmchain-$ver" && "${run[@]}" env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u OUT -u HVMCHAIN_ONLINE \
	dpkg-buildpackage -us -uc -rfakeroot) >"$work/build.log" 2>&1; then
	tail -n 30 "$work/build.log" >&2
	echo "FAIL deb/build: dpkg-buildpackage failed (full log: $work/build.log)"
	exit 1
fi
echo "PASS deb/build ($(($(date +%s) - t0)) s, as ${user:-$(id -un)}, no network)"
# The loader's debug info (the package ships it stripped): for gdb against a guest.
objcopy --only-keep-debug --compress-debug-sections "$work/hvmchain-$ver/out/hvmchain" "$work/hvmchain_$ver.loader.debug"
printf '  %-7s %s\n' DEB "built in $(($(date +%s) - t0)) s: $(cd "$work" && ls ./*.deb ./*.dsc ./*.debug | tr '\n' ' ')"

# lintian: the binary packages and the source package; any error or warning fails.
t0=$(date +%s)
# The .changes names the .dsc and every .deb (the -dbgsym too), so one run checks them all.
if ! "${run[@]}" lintian --info --display-info "$work"/*.changes >"$work/lintian.log" 2>&1 &&
	! grep -q '^[EW]: ' "$work/lintian.log"; then
	cat "$work/lintian.log" >&2
	echo "FAIL deb/lintian: lintian did not run"
	exit 1
fi
printf '  %-7s %s\n' LINTIAN "$(($(date +%s) - t0)) s, $(grep -c '^[EW]: ' "$work/lintian.log" || true) errors/warnings (log: $work/lintian.log)"
if grep -q '^[EW]: ' "$work/lintian.log"; then
	grep '^[EW]: ' "$work/lintian.log" >&2
	echo "FAIL deb/lintian: $(grep -c '^[EW]: ' "$work/lintian.log") errors/warnings"
	exit 1
fi
echo "PASS deb/lintian (.deb and .dsc: no error, no warning)"
