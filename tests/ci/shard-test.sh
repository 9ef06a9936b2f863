#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of SHARD=K/N (tests/xen/matrix.py shard): for N = 2 and 3 the shards together hold
# exactly the guests one run does (each once), hvmloader/hvmchain pairs stay together, and the
# split is the same every time. No booting: it checks the names run.sh would be given.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
m=$here/../xen/matrix.py
guests=${GUESTS:-$here/../xen/guests}
passed=0 failed=0
verdict() { # verdict NAME OK|why
	if [ "$2" = OK ]; then echo "PASS shard/$1"; passed=$((passed + 1))
	else echo "FAIL shard/$1: $2"; failed=$((failed + 1)); fi
}
# What one unsharded run boots: run.sh's default, every cfg.
all=$(for c in "$guests"/*.cfg; do basename "$c" .cfg; done | LC_ALL=C sort)
for n in 2 3; do
	union=
	for ((k = 1; k <= n; k++)); do
		s=$("$m" shard "$k/$n" 2>/dev/null) || { verdict "$k-of-$n-runs" "matrix.py shard $k/$n failed"; continue; }
		if [ -n "$s" ]; then verdict "$k-of-$n-not-empty" OK; else verdict "$k-of-$n-not-empty" "no guest"; fi
		again=$("$m" shard "$k/$n" 2>/dev/null)
		if [ "$s" = "$again" ]; then verdict "$k-of-$n-deterministic" OK; else verdict "$k-of-$n-deterministic" "two calls differ"; fi
		# A pair that a comparison page needs: both halves in this shard, or neither.
		split=
		for g in $s; do
			case $g in
			*-hvmloader) o=${g%-hvmloader}-hvmchain ;;
			*-hvmchain) o=${g%-hvmchain}-hvmloader ;;
			*) continue ;;
			esac
			grep -qx "$o" <<<"$all" && ! grep -qx "$o" <<<"$s" && split+=" $g"
		done
		verdict "$k-of-$n-pairs-together" "${split:-OK}"
		union+=$s$'\n'
	done
	got=$(grep -v '^$' <<<"$union" | LC_ALL=C sort)
	dups=$(uniq -d <<<"$got" | tr '\n' ' ')
	if [ -z "$dups" ]; then verdict "$n-each-once" OK; else verdict "$n-each-once" "in two shards: $dups"; fi
	if [ "$(uniq <<<"$got")" = "$all" ]; then verdict "$n-cover-all" OK; else
		verdict "$n-cover-all" "missing: $(comm -23 <(echo "$all") <(uniq <<<"$got") | tr '\n' ' ') extra: $(comm -13 <(echo "$all") <(uniq <<<"$got") | tr '\n' ' ')"
	fi
done
# A bad spec is refused, not silently read as "everything".
for bad in 0/2 3/2 1 x/y; do
	if "$m" shard "$bad" >/dev/null 2>&1; then verdict "refuses-${bad//\//-of-}" "accepted"; else verdict "refuses-${bad//\//-of-}" OK; fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
