#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of the matrix's expected failures (tests/xen/matrix.py xfail and check, on a made-up table).
# An expected FAIL turns into XFAIL with its why, an expected failure that passes or goes
# unreported turns into a FAIL, other lines pass through, and an hvmchain cell may expect nothing.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
mx=$here/../xen/matrix.py
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0 failed=0
check() { # check NAME WANT GOT
	if [ "$2" = "$3" ]; then echo "PASS xfail/$1"; passed=$((passed + 1))
	else echo "FAIL xfail/$1: want '$2', got '$3'"; failed=$((failed + 1)); fi
}
tab=$(printf '\t')
row() { local IFS=$tab; echo "$*"; }
{
	echo '# name guest firmware seconds checks note expect-fail'
	row 90-g-hvmloader g hvmloader - 'c.py: all' 'not built yet: test' 'smbios: UUID byte order; e820: why two'
	row 90-g-hvmchain g hvmchain - 'c.py: all' 'not built yet: test' ''
} >"$t/m.tsv"
x() { MATRIX=$t/m.tsv GUESTS=$t "$mx" xfail "$@"; }

got=$(printf 'PASS 90-g-hvmloader/acpi\nFAIL 90-g-hvmloader/smbios: 1 string(s) differ\n    detail\nFAIL 90-g-hvmloader/e820: off\n' | x 90-g-hvmloader)
check expected-fail-is-xfail 'XFAIL 90-g-hvmloader/smbios: UUID byte order [the checker: 1 string(s) differ]' \
	"$(grep '/smbios' <<<"$got")"
check other-lines-kept 'PASS 90-g-hvmloader/acpi|    detail' "$(grep -E '/acpi|detail' <<<"$got" | paste -sd'|')"
check no-fail-left 0 "$(grep -c '^FAIL ' <<<"$got")"
check second-item-too 1 "$(grep -c '^XFAIL 90-g-hvmloader/e820: why two' <<<"$got")"

got=$(printf 'PASS 90-g-hvmloader/smbios\nFAIL 90-g-hvmloader/e820: off\n' | x 90-g-hvmloader)
check unexpected-pass-fails 1 "$(grep -c '^FAIL 90-g-hvmloader/smbios: expected to fail (UUID byte order), but it passed' <<<"$got")"

got=$(printf 'FAIL 90-g-hvmloader/e820: off\n' | x 90-g-hvmloader)
check unreported-fails 1 "$(grep -c '^FAIL 90-g-hvmloader/smbios: .*did not report it' <<<"$got")"

got=$(printf 'FAIL 90-g-hvmchain/smbios: 1 string(s) differ\nPASS 90-g-hvmchain/e820\n' | x 90-g-hvmchain)
check other-cell-untouched 'FAIL 90-g-hvmchain/smbios: 1 string(s) differ|PASS 90-g-hvmchain/e820' "$(paste -sd'|' <<<"$got")"

# A guest named like a prefix of another is not the other: 90-g-hvmloader2's lines stay.
got=$(printf 'FAIL 90-g-hvmloader2/smbios: x\n' | x 90-g-hvmloader | sed -n 1p)
check prefix-name-untouched 'FAIL 90-g-hvmloader2/smbios: x' "$got"

check table-ok 0 "$(MATRIX=$t/m.tsv GUESTS=$t "$mx" check | grep -c '^FAIL ')"
sed -i "s/^\(90-g-hvmchain.*\)${tab}\$/\1${tab}smbios: ours too/" "$t/m.tsv"
check hvmchain-may-not-expect 1 "$(MATRIX=$t/m.tsv GUESTS=$t "$mx" check | grep -c '^FAIL matrix/90-g-hvmchain/expect-fail')"
sed -i "s/${tab}smbios: ours too\$/${tab}smbios,no why/" "$t/m.tsv"
check malformed-refused 1 "$(MATRIX=$t/m.tsv GUESTS=$t "$mx" check | grep -c '^FAIL matrix/90-g-hvmchain/expect-fail: not')"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
