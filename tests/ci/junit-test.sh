#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of the JUnit writer (scripts/junit.py) and schema (scripts/junit.xsd): known suite
# output in, counts, failure text and attached console log read back with xmllint's XPath.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
top=$here/../..
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0 failed=0
check() { # check NAME WANT GOT
	if [ "$2" = "$3" ]; then echo "PASS junit/$1"; passed=$((passed + 1))
	else echo "FAIL junit/$1: want '$2', got '$3'"; failed=$((failed + 1)); fi
}
xp() { xmllint --xpath "$1" "$2" 2>/dev/null; }
valid() { xmllint --noout --schema "$top/scripts/junit.xsd" "$1" >/dev/null 2>&1 && echo valid || echo invalid; }

mkdir -p "$t/logs"
printf '(d1) HVM Loader\n(d1) \033[0mCONSOLE-TAIL\n' >"$t/logs/g1-hvmchain.log"
cat >"$t/suite.log" <<'LOG'
  XEN     booting
PASS g0-hvmloader
FAIL g1-hvmchain: expected line 2/3 /BOOT-OK/ not seen
    matched 1 of 3
    guest console after that
PASS g1-hvmchain/e820 "Locator: DIMM 0"
FAIL g1-hvmchain/madt: 3 CPUs, want 4
not indented: not part of the failure
2 passed, 2 failed
LOG
"$top/scripts/junit.py" xen-check "$t/suite.log" "$t/a.xml" --status 1 --seconds 12 --logdir "$t/logs"
check valid valid "$(valid "$t/a.xml")"
check tests 4 "$(xp 'string(/testsuite/@tests)' "$t/a.xml")"
check failures 2 "$(xp 'string(/testsuite/@failures)' "$t/a.xml")"
check failure-message "expected line 2/3 /BOOT-OK/ not seen" \
	"$(xp 'string(//testcase[@name="g1-hvmchain"]/failure/@message)' "$t/a.xml")"
check failure-detail 1 "$(xp 'string(//testcase[@name="g1-hvmchain"]/failure)' "$t/a.xml" | grep -c 'guest console after that')"
check detail-stops 0 "$(xp 'string(//testcase[@name="g1-hvmchain"]/failure)' "$t/a.xml" | grep -c 'not indented')"
check console-attached 1 "$(xp 'string(//testcase[@name="g1-hvmchain"]/system-out)' "$t/a.xml" | grep -c 'CONSOLE-TAIL')"
check check-classname xen-check.g1-hvmchain "$(xp 'string(//testcase[@name="madt"]/@classname)' "$t/a.xml")"
check name-with-spaces 'e820 "Locator: DIMM 0"' "$(xp 'string(//testcase[starts-with(@name,"e820")]/@name)' "$t/a.xml")"
check passing-case-bare 0 "$(xp 'count(//testcase[@name="g0-hvmloader"]/*)' "$t/a.xml")"

# An expected failure (XFAIL, from tests/xen/matrix.tsv's expect-fail column) is a <skipped>
# testcase with its why, counted in skipped and not in failures.
printf 'PASS g2-hvmloader/e820\nXFAIL g2-hvmloader/smbios: UUID byte order [the checker: 1 string(s) differ]\n    detail\n1 passed, 0 failed, 1 expected failures (XFAIL)\n' >"$t/xf.log"
"$top/scripts/junit.py" xen-check "$t/xf.log" "$t/x.xml" --status 0
check xfail-valid valid "$(valid "$t/x.xml")"
check xfail-counts 2/0/1 "$(xp 'concat(/testsuite/@tests,"/",/testsuite/@failures,"/",/testsuite/@skipped)' "$t/x.xml")"
check xfail-skipped-why 'expected failure: UUID byte order [the checker: 1 string(s) differ]' \
	"$(xp 'string(//testcase[@name="smbios"]/skipped/@message)' "$t/x.xml")"
check xfail-no-failure 0 "$(xp 'count(//failure)' "$t/x.xml")"

# A suite that broke before reporting (exit 2, no FAIL line) is one failing testcase.
printf 'PASS x\nmake: *** [y] Error 1\n' >"$t/broke.log"
"$top/scripts/junit.py" broke "$t/broke.log" "$t/b.xml" --status 2
check broken-suite 1 "$(xp 'count(//testcase[@name="suite-completed"]/failure)' "$t/b.xml")"

# The schema can say no: a testsuite without its required counts, a non-numeric time.
printf '<?xml version="1.0"?>\n<testsuite name="x"><testcase name="a"/></testsuite>\n' >"$t/bad1.xml"
check schema-rejects-missing-counts invalid "$(valid "$t/bad1.xml")"
printf '<?xml version="1.0"?>\n<testsuite name="x" tests="1" failures="0" errors="0" time="soon"><testcase name="a"/></testsuite>\n' >"$t/bad2.xml"
check schema-rejects-bad-time invalid "$(valid "$t/bad2.xml")"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
