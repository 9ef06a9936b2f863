#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs every test suite (one make call each, -k, so one failing suite does not hide the others)
# and ends with one line that totals them: "N passed, N failed". Exit status 0 only if all passed.
# Each suite's output also becomes JUnit XML, $OUT/junit/SUITE.xml (scripts/junit.py), which CI
# systems read; the last step validates every one of them against scripts/junit.xsd.
set -uo pipefail
OUT=${OUT:-out}
here=$(dirname "$(readlink -f "$0")")
mkdir -p "$OUT/junit"
log=$OUT/check.log
: >"$log"
start=$(date +%s)
rc=0
# With SHARD=K/N (make check-xen) each machine runs a part of a suite: one file per part.
part=${SHARD:+-shard${SHARD/\//of}}
for suite in "$@"; do
	slog=$OUT/junit/$suite$part.log
	t0=$(date +%s)
	make --no-print-directory -k "$suite" 2>&1 | tee "$slog" | tee -a "$log"
	src=${PIPESTATUS[0]}
	[ "$src" = 0 ] || rc=$src
	# Emulated-Xen checks attach the guest's console log ($OUT/xen/NAME.log) on failure.
	logdir=
	case $suite in *xen*) logdir=$OUT/xen ;; esac
	"$here/junit.py" "$suite" "$slog" "$OUT/junit/$suite$part.xml" --status "$src" \
		--seconds $(($(date +%s) - t0)) ${logdir:+--logdir "$logdir"} 2>&1 | tee -a "$log"
done
# The JUnit files themselves: a CI system that cannot parse one shows nothing, so check them.
for suite in "$@"; do
	x=$OUT/junit/$suite$part.xml
	if err=$(xmllint --noout --schema "$here/junit.xsd" "$x" 2>&1); then
		echo "PASS junit-$suite"
	else
		printf 'FAIL junit-%s: %s does not validate against scripts/junit.xsd\n' "$suite" "$x"
		tail -n 20 <<<"$err" | sed "s/^/    /"
	fi
done 2>&1 | tee -a "$log"
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
# Checks a firmware not ours fails by design (tests/xen/matrix.tsv, expect-fail): still run, shown apart.
xfailed=$(grep -c '^XFAIL ' "$log")
echo "make check took $(($(date +%s) - start)) s; log in $log; JUnit in $OUT/junit/"
if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
	# A suite broke before it could report (a build error, a missing tool): count it.
	echo "FAIL make: a suite did not run to completion (exit $rc)"
	failed=1
fi
[ "$xfailed" = 0 ] || echo "$xfailed expected failures of Debian's firmware (XFAIL lines above; why: tests/xen/matrix.tsv)"
echo "$passed passed, $failed failed"
[ "$rc" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
