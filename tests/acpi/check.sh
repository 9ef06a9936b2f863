#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# acpi-check: our tables through ACPICA's iasl and acpiexec, and our DSDT through SeaBIOS's parser.
#
#   check.sh ACPI_DUMP OUTDIR SEABIOS_SRC
#
# For each sample platform acpi-dump writes every table; then
#   1. iasl -d disassembles each table without error,
#   2. iasl recompiles each disassembly with no error and no warning (remarks counted),
#   3. acpiexec loads DSDT + SSDTs and evaluates _CRS, _PRT (both modes), every
#      processor's _STA and _MAT, the link devices, \_S5 and the hotplug GPE methods,
#   4. SeaBIOS's dsdt_parser.c parses the DSDT without a parse error.
# A self-test then feeds a deliberately broken DSDT through the same checks and
# requires them to fail, so a check that cannot fail is caught too.
# Prints PASS/FAIL per check; exits non-zero on any FAIL.
set -u

dump=$1
out=$2
seabios_src=$3
here=$(cd "$(dirname "$0")" && pwd)
shapes=(1cpu 4cpu 128cpu x2apic)
fails=0

pass() { echo "PASS $1"; }
fail() {
	echo "FAIL $1"
	fails=$((fails + 1))
}

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
if ! "$dump" "$out" "${shapes[@]}" >"$out/dump.log" 2>&1; then
	cat "$out/dump.log"
	fail acpi-dump
	exit 1
fi
pass acpi-dump

# SeaBIOS's parser, unmodified, against stub headers.
stubs=$out/seabios-stubs
mkdir -p "$stubs/std"
for h in config list malloc output string util std/acpi; do
	echo '#include "seabios_stub.h"' >"$stubs/$h.h"
done
have_seabios=0
if [ -f "$seabios_src/fw/dsdt_parser.c" ] &&
	gcc -O1 -w -iquote "$stubs" -iquote "$here" -iquote "$seabios_src" \
		-o "$out/seabios-parse" "$here/seabios_parse.c" >"$out/seabios-parse.log" 2>&1; then
	have_seabios=1
	pass seabios-parser-build
else
	cat "$out/seabios-parse.log" 2>/dev/null
	fail "seabios-parser-build ($seabios_src/fw/dsdt_parser.c)"
fi

# Our test SSDT that checks _PRT's wiring from inside the AML (tests/acpi/prtcheck.asl).
if iasl -vs -we -p "$out/prtcheck" "$here/prtcheck.asl" >"$out/prtcheck.log" 2>&1; then
	pass prtcheck-build
else
	cat "$out/prtcheck.log"
	fail prtcheck-build
fi

# 1 and 2: disassemble and recompile one table in the current directory.
roundtrip() { # name
	local name=$1 ext=()
	case $name in ssdt*) ext=(-e dsdt.dat) ;; esac
	if ! iasl "${ext[@]}" -d "$name.dat" >"$name.d.log" 2>&1 || ! [ -s "$name.dsl" ] ||
		grep -qE '^(Error|Warning)|[1-9][0-9]* (Errors|Warnings)' "$name.d.log"; then
		cat "$name.d.log"
		return 1
	fi
	mkdir -p re
	if ! iasl -p "re/$name" "$name.dsl" >"$name.c.log" 2>&1 ||
		! grep -q 'Compilation successful\. 0 Errors, 0 Warnings' "$name.c.log"; then
		grep -E 'Error|Warning' "$name.c.log"
		return 2
	fi
	grep -oE '[0-9]+ Remarks' "$name.c.log" | grep -qv '^0 ' && echo "  (remarks in $name: $(grep -oE '[0-9]+ Remarks' "$name.c.log"))"
	return 0
}

# 3: acpiexec over DSDT + SSDTs of the current directory.
evaluate() { # shape
	local cmds=() procs expect=0 n
	procs=$(grep -oE 'Device \(CP[0-9A-F]{2}\)' ssdt0.dsl | grep -oE 'CP[0-9A-F]{2}')
	add() {
		cmds+=("evaluate $1")
		[ "${2:-value}" = value ] && expect=$((expect + 1))
	}
	add '\_SB.PCI0._CRS'
	# _PRT is evaluated in both modes by \TPRT below: acpiexec's debugger cannot print
	# the PIC-mode table (more than its 16 KiB output buffer).
	add '\_S5'
	for l in A B C D; do
		add "\\_SB.PCI0.LNK$l._STA"
		add "\\_SB.PCI0.LNK$l._PRS"
		add "\\_SB.PCI0.LNK$l._CRS"
	done
	for d in ISA.UAR1 ISA.UAR2 ISA.LTP1 HPET ISA.VGID; do add "\\_SB.PCI0.$d._STA"; done
	add '\_SB.PCI0.ISA.VGID.ADDR'
	for p in $procs; do
		add "\\_SB.$p._STA"
		add "\\_SB.$p._MAT"
	done
	add '\_GPE._E02' none
	add '\_GPE._E01' none
	add '\TPRT 0'
	add '\TPRT 1'
	# acpiexec's batch line is short: run the commands in chunks over the same tables.
	: >acpiexec.log
	local i chunk
	for ((i = 0; i < ${#cmds[@]}; i += 16)); do
		chunk=$(printf '%s;' "${cmds[@]:i:16}")
		acpiexec -b "${chunk%;}" dsdt.dat ssdt*.dat "$out/prtcheck.aml" >>acpiexec.log 2>&1
	done
	n=$(grep -c 'returned object' acpiexec.log)
	# \TPRT returns how many _PRT entries break the wiring: 0 in both modes.
	local prt_ok
	prt_ok=$(grep -A1 'Evaluation of \\TPRT returned' acpiexec.log | grep -c '\[Integer\] = 0000000000000000')
	if grep -qE 'ACPI Error|ACPI Exception|failed with status|AE_NOT_FOUND|AE_AML_|Could not' acpiexec.log ||
		[ "$n" -ne "$expect" ] || [ -z "$procs" ] || [ "$prt_ok" -ne 2 ]; then
		grep -E 'ACPI Error|ACPI Exception|failed|AE_' acpiexec.log | head -20
		echo "  $n of $expect evaluations returned a value; $prt_ok of 2 _PRT modes as expected"
		return 1
	fi
	echo "  acpiexec: $expect evaluations, $(echo "$procs" | wc -w) processors, _PRT wiring checked"
	return 0
}

# PIC-mode links, from the disassembly: device d pin p goes through LNK[(d + p) & 3].
check_links() { # dsl
	local bad=0 d p want
	for ((d = 1; d < 32; d++)); do
		for ((p = 0; p < 4; p++)); do
			want=LNK$(echo ABCD | cut -c$((((d + p) & 3) + 1)))
			tr -d ' \n' <"$1" | grep -q "Package(0x04){0x$(printf '%04X' $d)FFFF,$(
				case $p in 0) echo Zero ;; 1) echo One ;; *) printf '0x%02X' $p ;; esac
			),$want,Zero}" || bad=$((bad + 1))
		done
	done
	[ $bad -eq 0 ] || echo "  $bad PIC-mode routes not as expected"
	return $bad
}

check_dir() { # label dir
	local label=$1 dir=$2 t rc=0
	(
		cd "$dir" || exit 1
		local bad=0
		for t in *.dat; do
			# iasl 20200925 cannot read an RSDP from a file; the unit tests check it.
			[ "$t" = rsdp.dat ] && continue
			if ! roundtrip "${t%.dat}"; then
				echo "  iasl round trip failed: $t"
				bad=1
			fi
		done
		exit $bad
	) && pass "$label iasl-roundtrip" || { fail "$label iasl-roundtrip"; rc=1; }
	(cd "$dir" && evaluate) && pass "$label acpiexec" || { fail "$label acpiexec"; rc=1; }
	check_links "$dir/dsdt.dsl" && pass "$label pic-links" || { fail "$label pic-links"; rc=1; }
	if [ $have_seabios = 1 ]; then
		"$out/seabios-parse" "$dir/dsdt.dat" >"$dir/seabios.log" 2>&1 && pass "$label seabios-parse" ||
			{ cat "$dir/seabios.log"; fail "$label seabios-parse"; rc=1; }
	fi
	return $rc
}

for s in "${shapes[@]}"; do
	check_dir "$s" "$out/$s"
done

# Self-test: a DSDT with one method's body cut short (its PkgLength now runs past the
# table) must fail every stage; a check that passes it proves nothing.
broken=$out/selftest-broken
mkdir -p "$broken"
cp "$out/4cpu/"*.dat "$broken/"
python3 - "$broken/dsdt.dat" <<'EOF'
import sys
path = sys.argv[1]
t = bytearray(open(path, "rb").read())
at = t.find(b"CSTA")             # the Method (CSTA, 1) definition
t[at - 2] = 0x3F                 # its one-byte PkgLength, now longer than the body
t[at + 5] = 0xFF                 # and an undefined opcode where the body starts
t[9] = 0
t[9] = (-sum(t)) & 0xFF          # keep the checksum right so only the AML is wrong
open(path, "wb").write(t)
EOF
selftest_out=$(check_dir selftest "$broken" 2>&1)
if echo "$selftest_out" | grep -q '^FAIL selftest acpiexec' &&
	echo "$selftest_out" | grep -q '^FAIL selftest iasl-roundtrip'; then
	pass "selftest-broken-dsdt-is-caught"
else
	echo "$selftest_out"
	fail "selftest-broken-dsdt-is-caught"
fi

echo "acpi-check: $fails failed"
[ $fails -eq 0 ]
