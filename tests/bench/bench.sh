#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make bench: hvmloader and hvmchain on the same guest, alternating, in one emulated-Xen run;
# reports the loader stage (first loader line to SeaBIOS's banner, Xen console timestamps).
#
# Usage: bench.sh [REPS]   (env BENCH_VCPUS, default "1 4": one table per vCPU count)
# Writes $OUT/bench.md and prints it. Not a test: it judges nothing but that the guests booted.
set -euo pipefail

HERE=$(dirname "$(readlink -f "$0")")
OUT=${OUT:-out}
reps=${1:-5}
vcpus_list=${BENCH_VCPUS:-1 4}
B=$OUT/bench
G=$B/guests
rm -rf "$G"
mkdir -p "$G"

# Alternate firmwares so that drift in the host's load hits both alike.
names=()
for v in $vcpus_list; do
	for i in $(seq 1 "$reps"); do
		for fw in hvmloader hvmchain; do
			n=$(printf '%dcpu-%02d-%s' "$v" "$i" "$fw")
			case $fw in
			hvmloader) line='# Debian'"'"'s hvmloader with its default module (bios-256k.bin)' ;;
			hvmchain) line='firmware="/test/hvmchain"' ;;
			esac
			sed -e "s|@VCPUS@|$v|" -e "s|@FIRMWARE@|$line|" "$HERE/guest.cfg.in" >"$G/$n.cfg"
			names+=("$n")
		done
	done
done

# One QEMU run (XEN_SMP=2 as the tests, not the tests' two instances side by side): dom0
# boots once, then every guest in order, so both firmwares see the same machine.
# The images come from this build's $OUT; run.sh writes its results under $B.
loader=$OUT/hvmchain bios128=$OUT/seabios/bios-xen-128k.bin disk=$OUT/tests/disk.img
XEN_JOBS=1 OUT=$B GUESTS=$G "$HERE/../xen/run.sh" --loader "$loader" --bios128 "$bios128" \
	--disk "$disk" "${names[@]}" >"$B/run.log" 2>&1 || {
	cat "$B/run.log"
	echo "bench: some guests did not boot; no figures" >&2
	exit 1
}

# Seconds between the loader's first line and SeaBIOS's banner, from "(dN) [   t] text".
stage() {
	awk '
		/\) \[ *[0-9.]+\] HVM Loader/ && !s { gsub(/.*\[ */, ""); gsub(/\].*/, ""); s = $0 }
		/\) \[ *[0-9.]+\] SeaBIOS \(version/ && s && !e { gsub(/.*\[ */, ""); gsub(/\].*/, ""); e = $0 }
		END { if (s && e) printf "%.3f\n", e - s }' "$1"
}

stats() { # numbers on stdin -> "median min max"
	sort -n | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.3f %.3f %.3f %d\n", m, v[1], v[NR], NR }'
}

{
	echo "# hvmchain vs Debian's hvmloader: loader stage"
	echo
	echo "Loader stage = from the loader's first console line to SeaBIOS's banner, Xen console"
	echo "timestamps, same guest (BOOT-OK disk, 128 MiB), $reps runs each, alternating, one"
	echo "emulated-Xen session ($(date -u +%F), $(nproc) host cores, QEMU TCG, nested HVM)."
	echo
	echo "| vCPUs | firmware | median s | min s | max s | runs |"
	echo "| --- | --- | --- | --- | --- | --- |"
	declare -A median
	for v in $vcpus_list; do
		for fw in hvmloader hvmchain; do
			read -r med min max n < <(for f in "$B"/xen/"${v}"cpu-*-"$fw".log; do stage "$f"; done | stats)
			echo "| $v | $fw | $med | $min | $max | $n |"
			median[$fw]=$med
		done
		echo "| $v | ratio hvmchain/hvmloader (medians) | $(awk -v a="${median[hvmchain]}" -v b="${median[hvmloader]}" 'BEGIN { printf "%.2f", a / b }') | | | |"
	done
	echo
	echo "Loaded image (ELF PT_LOAD file size / memory size, bytes):"
	echo
	echo "| image | file | memory |"
	echo "| --- | --- | --- |"
	for img in "$OUT/hvmchain" /var/cache/hvmchain/xen-rootfs/usr/lib/xen-4.17/boot/hvmloader; do
		[ -f "$img" ] || continue
		f=0 m=0
		while read -r type _ _ _ filesz memsz _; do
			[ "$type" = LOAD ] || continue
			f=$((f + filesz)) m=$((m + memsz))
		done < <(LC_ALL=C readelf -lW "$img")
		echo "| $(basename "$img") | $f | $m |"
	done
	echo
	echo "hvmchain's file size includes its built-in 128 KiB SeaBIOS (131072 bytes); its memory"
	echo "size adds .bss, mostly 128 KiB of AP stacks (1 KiB per possible vCPU)."
} >"$OUT/bench.md"
cat "$OUT/bench.md"
