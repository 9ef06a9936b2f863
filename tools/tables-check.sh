#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# tables-tool-check: hvmchain-tables for a 4-vCPU guest, decoded by the real iasl and dmidecode.
#
# Usage: tables-check.sh HVMCHAIN_TABLES OUTDIR. Each table family gets PASS/FAIL lines: every
# ACPI .dat disassembles with `iasl -d` with no error or warning, both SMBIOS dumps decode with
# `dmidecode --from-dump` without complaint and show what was asked for, MP/$PIR carry their
# signatures, e820.txt has RAM. A run with a broken option must fail, so the tool's errors count.
set -uo pipefail

tool=$(realpath "$1")
out=$2
rc=0
pass() { echo "PASS tables-tool/$1"; }
fail() { echo "FAIL tables-tool/$1${2:+: $2}"; rc=1; }
PATH=$PATH:/usr/sbin
for t in iasl dmidecode; do
	command -v $t >/dev/null || { fail "$t" "missing (scripts/deps.sh test)"; exit 1; }
done

rm -rf "$out"
mkdir -p "$out"
if "$tool" --vcpus 4 --maxvcpus 6 --memory 5120 --mmio-hole 1024 --acpi-s3 1 --acpi-s4 0 --vnuma 2 \
	--bios-string system-manufacturer=HVMCHAIN-TEST --bios-string oem-1=OEM-ONE "$out/guest" >"$out/tool.log" 2>&1; then
	pass run
else
	fail run "$(tail -n 3 "$out/tool.log")"
	exit 1
fi
cd "$out/guest" || exit 1

# ACPI: iasl 20200925 cannot read an RSDP from a file (the unit tests check the RSDP).
n=0
for f in *.dat; do
	[ "$f" != rsdp.dat ] || continue
	ext=()
	case $f in ssdt*) ext=(-e dsdt.dat) ;; esac
	if iasl "${ext[@]}" -d "$f" >"${f%.dat}.d.log" 2>&1 && [ -s "${f%.dat}.dsl" ] &&
		! grep -qE '^(Error|Warning)|[1-9][0-9]* (Errors|Warnings)' "${f%.dat}.d.log"; then
		n=$((n + 1))
	else
		fail "iasl/$f" "$(grep -m1 -E 'Error|Warning' "${f%.dat}.d.log")"
	fi
done
[ $n -ge 10 ] && pass "iasl ($n tables)" || fail iasl "only $n tables disassembled"
# What the options asked for: 6 processors in the MADT (4 enabled), S3 but no S4, 2 NUMA nodes.
[ "$(grep -c 'Subtable Type : 00 \[Processor Local APIC\]' apic.dsl)" = 6 ] && pass madt-6-cpus || fail madt-6-cpus
grep -qs '_S3' ssdt*.dsl && ! grep -qs '_S4' ssdt*.dsl dsdt.dsl && pass s3-not-s4 || fail s3-not-s4
grep -q 'Locality   1 : 14 0A' slit.dsl && pass slit-2-nodes || fail slit-2-nodes

# SMBIOS through each entry point; dmidecode's complaints (as tables-check counts them).
complaints='invalid|wrong|warning|out of spec|not fully supported|truncated|corrupt|failed|broken|bad'
for d in smbios.bin smbios21.bin; do
	dmidecode --from-dump "$d" >"$d.txt" 2>&1
	st=$?
	if [ $st = 0 ] && ! grep -qiE "$complaints" "$d.txt" &&
		grep -q 'Manufacturer: HVMCHAIN-TEST' "$d.txt" && grep -q 'String 1: OEM-ONE' "$d.txt" &&
		[ "$(grep -c '^Processor Information' "$d.txt")" -ge 4 ]; then
		pass "dmidecode/$d"
	else
		fail "dmidecode/$d" "exit $st; $(grep -m1 -iE "$complaints" "$d.txt")"
	fi
done

# MP and $PIR raw; the e820 map as text, with RAM above 4 GiB for a 5 GiB guest.
[ "$(head -c 4 mpfp.bin)" = _MP_ ] && [ "$(head -c 4 mptable.bin)" = PCMP ] && pass mp || fail mp
[ "$(head -c 4 pir.bin)" = '$PIR' ] && pass pir || fail pir
grep -q '^0000000100000000-.* RAM$' e820.txt && pass e820-high-ram || fail e820-high-ram "$(cat e820.txt)"

# The tool must refuse nonsense rather than write tables for it.
"$tool" --vcpus 8 --maxvcpus 4 "$out/bad" >/dev/null 2>&1
st=$?
[ $st = 2 ] && [ ! -e "$out/bad" ] && pass refuses-bad-options || fail refuses-bad-options "exit $st"
"$tool" --bios-string no-such-key=1 "$out/bad" >/dev/null 2>&1
[ $? = 2 ] && pass refuses-unknown-bios-string || fail refuses-unknown-bios-string
exit $rc
