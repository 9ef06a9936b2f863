#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs every test suite (make -k, so one failing suite does not hide the others) and ends
# with one line that totals them: "N passed, N failed". Exit status 0 only if all passed.
set -uo pipefail
OUT=${OUT:-out}
mkdir -p "$OUT"
log=$OUT/check.log
start=$(date +%s)
make --no-print-directory -k "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "make check took $(($(date +%s) - start)) s; log in $log"
if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
	# A suite broke before it could report (a build error, a missing tool): count it.
	echo "FAIL make: a suite did not run to completion (exit $rc)"
	failed=1
fi
echo "$passed passed, $failed failed"
[ "$rc" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
