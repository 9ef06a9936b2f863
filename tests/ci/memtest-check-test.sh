#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of tests/xen/memtest/check.py on made-up guest logs: memtest's COM1 screen as VT100
# cursor moves (folded at 256 bytes as dom0 does), a good one passes every check, and each single
# fault (fewer CPUs, a CPU that did not start, a wrong memory size, no screen) fails its own.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
chk=$here/../xen/memtest/check.py n=82-memtest-hvmchain suite=memtest-check
# shellcheck source=tests/ci/checker-lib.sh
. "$here/checker-lib.sh"
# The checker reads the domain's vcpus= from the cfg.
export GUESTS=$t
printf 'vcpus=4\n' >"$t/$n.cfg"
# screen ROW7_SMP MEMORY STATUS [EXTRA]: memtest's stream, rows sent as cursor move + text.
screen() {
	printf '\033[2J\033[?25l'
	printf '\033[1;1H      Memtest86+ v6.10      \033[7m| Pass   0%%\033[0m'
	printf '\033[6;1HMemory  :  %s          | Pattern:' "$2"
	printf '\033[8;1HCPU: 4 Cores 4 Threads\033[8;27HSMP: %s\033[8;43H| Time:  0:00:03  Status: Init.' "$1"
	printf '\033[8;69H%s \033[8;78H/' "$3"
	printf '%s' "${4:-}"
}
# log SCREEN...: a check.sh NAME.log around that stream, with the loader's e820 (127 MiB + 639 KiB of RAM).
log() {
	echo "HVMCHAIN-TEST BEGIN $n domid=3 uuid=0"
	printf '(d3) [  1.0] %s\n' 'HVM Loader (hvmchain 0.1.0)' 'E820 table:' \
		' [00]: 00000000:00000000 - 00000000:0009fc00: RAM' ' [01]: 00000000:000f0000 - 00000000:00100000: RESERVED' \
		' [02]: 00000000:00100000 - 00000000:08000000: RAM'
	echo "HVMCHAIN-TEST END $n domid=3 state=running reason=expected-lines secs=99 ok=1"
	screen "$@" | fold -b -w 256 | sed "s/^/HVMCHAIN-TEST SERIAL $n: /"
	echo
}
run() { # run CASE SCREEN-ARGS...: the checks that failed
	local c=$1
	shift
	log "$@" >"$t/$c.log"
	checks_failed "$c"
}
got=$(run good '4T (PAR)' '   127MB' 'Testing')
verdict good-passes "$([ -z "$got" ] && [ "$(grep -c '^PASS' "$t/good.out")" = 4 ] && echo OK || echo "failed: ${got:-?} $(head -3 "$t/good.out")")"
expect fewer-cpus cpus "$(run three-cpus '3T (PAR)' '   127MB' 'Testing')"
expect smp-disabled cpus "$(run smp-off 'Disabled' '   127MB' 'Testing')"
expect cpu-not-started cpus-started "$(run ap-failed '4T (PAR)' '   127MB' 'Init.  ' $'\033[12;10HFailed to start CPU core 2. Press any key to reboot...')"
expect never-tested cpus-started "$(run still-init '4T (PAR)' '   127MB' 'Init.  ')"
expect wrong-memory memory-size "$(run small-memory '4T (PAR)' '    64MB' 'Testing')"
expect too-much-memory memory-size "$(run big-memory '4T (PAR)' '   130MB' 'Testing')"
# The label "Testing:" on row 4 of the first screen is not the status.
expect label-is-not-status cpus-started "$(run label-only '4T (PAR)' '   127MB' 'Init.  ' $'\033[5;1HL3 Cache:   N/A             | Testing:')"
log '4T (PAR)' '   127MB' 'Testing' | grep -v SERIAL >"$t/none.log"
checks_failed none >/dev/null
verdict no-screen "$(grep -q "^FAIL $n/memtest-ran" "$t/none.out" && echo OK || echo "failed: $(cat "$t/none.out")")"
finish
