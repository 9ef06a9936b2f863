# SPDX-License-Identifier: GPL-2.0-only
# What the host tests of the guest checkers (tests/xen/*/check.py) share; sourced, after setting
# chk (the checker), n (the guest's name) and suite (the name PASS/FAIL lines carry).
# $t is a scratch folder, removed at exit. GUESTS, when set, is where the checker finds NAME.cfg.
# shellcheck shell=bash
# shellcheck disable=SC2154 # chk, n and suite come from the test that sources this file
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0 failed=0
verdict() { if [ "$2" = OK ]; then echo "PASS $suite/$1"; passed=$((passed + 1)); else echo "FAIL $suite/$1: $2"; failed=$((failed + 1)); fi; }
# checks_failed CASE: run the checker on $t/CASE.log; print the checks that failed, space-separated
# (its whole output is in $t/CASE.out).
checks_failed() {
	"$chk" check "$n" "$t/$1.log" >"$t/$1.out" 2>&1
	grep -oE "^FAIL $n/[a-z0-9-]+" "$t/$1.out" | sed "s|^FAIL $n/||" | tr '\n' ' ' | sed 's/ $//'
}
# run CASE SED-EXPRESSION: the test's good log (its function good) changed by SED; prints the checks
# that failed.
run() {
	good | sed "$2" >"$t/$1.log"
	checks_failed "$1"
}
# expect CASE WANT GOT: a case passes when exactly the checks WANT ("" for none) failed.
expect() { verdict "$1" "$([ "$3" = "$2" ] && echo OK || echo "failed: '$3', want '$2'")"; }
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}
