#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Runs each libFuzzer harness for a bounded time: PASS/FAIL fuzz-NAME with its executions.
#
#   tests/fuzz/run.sh DIR SECONDS NAME...
# DIR holds the binaries (DIR/fuzz-NAME) and the seeds (DIR/seeds/NAME); the corpus grows in
# DIR/corpus/NAME; a crash, timeout (> FUZZ_TIMEOUT s per input, default 1) or leak is saved as
# DIR/crash-NAME-* and fails the harness. One harness at a time, niced: the machine is shared.
# FUZZ_RUNS=N stops a harness after N executions if that comes before SECONDS.
set -u
dir=$1 secs=$2
src=$(dirname "$0")
shift 2
pass=0 fail=0
for name in "$@"; do
	corpus=$dir/corpus/$name
	mkdir -p "$corpus"
	[ -d "$dir/seeds/$name" ] && cp -n "$dir/seeds/$name"/* "$corpus"/ 2>/dev/null
	log=$dir/$name.log
	# A harness that reads a bounded input says how much (FUZZ_MAX_LEN): longer inputs would
	# spend mutations on bytes it never reads.
	max_len=$(sed -n 's/^#define FUZZ_MAX_LEN \([0-9]*\)$/\1/p' "$src/fuzz_$name.c" 2>/dev/null)
	start=$(date +%s)
	nice -n 15 "$dir/fuzz-$name" "$corpus" -max_total_time="$secs" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} \
		-timeout="${FUZZ_TIMEOUT:-1}" -rss_limit_mb=2048 -max_len="${max_len:-65536}" -print_final_stats=1 \
		-artifact_prefix="$dir/crash-$name-" >"$log" 2>&1
	rc=$?
	took=$(($(date +%s) - start))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	echo "$name execs=${execs:-0} seconds=$took rc=$rc" >"$dir/$name.stats"
	if [ $rc -eq 0 ] && [ -n "$execs" ]; then
		echo "PASS fuzz-$name (${execs} executions in ${took} s)"
		pass=$((pass + 1))
	else
		echo "FAIL fuzz-$name: rc=$rc, see $log"
		grep -E 'ERROR|oracle failed|BUG|runtime error|Test unit written' "$log" | head -5 | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
