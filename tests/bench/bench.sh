#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make bench: hvmloader and hvmchain on the same guest, alternating, in one emulated-Xen run;
# reports the loader stage (first loader line to SeaBIOS's banner, Xen console timestamps).
#
# Usage: bench.sh [REPS]   (env BENCH_VCPUS, default "1 4": one table per vCPU count;
#                           BENCH_REPORT_ONLY=1 reports again on the logs of the last run)
# Writes $OUT/bench.md and prints it. Not a test: it judges nothing but that the guests booted.
set -euo pipefail

HERE=$(dirname "$(readlink -f "$0")")
OUT=${OUT:-out}
reps=${1:-5}
vcpus_list=${BENCH_VCPUS:-1 4}
B=$OUT/bench
G=$B/guests

if [ -z "${BENCH_REPORT_ONLY:-}" ]; then
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
	# A guest that did not boot (under the emulated Xen a multi-vCPU guest now and then ends in a
	# nested-emulation triple fault) is named and left out of the figures below; it does not void
	# the other runs. Without a single FAIL line the run itself broke: no figures.
	if ! XEN_JOBS=1 OUT=$B GUESTS=$G "$HERE/../xen/run.sh" --loader "$loader" --bios128 "$bios128" \
		--disk "$disk" "${names[@]}" >"$B/run.log" 2>&1; then
		if ! grep -aq '^FAIL ' "$B/run.log" || ! grep -aq '^PASS ' "$B/run.log"; then
			cat "$B/run.log"
			echo "bench: the run failed; no figures" >&2
			exit 1
		fi
		grep -aE '^FAIL |^    ' "$B/run.log" >&2
	fi
fi
mapfile -t failed < <(grep -aoE '^FAIL [^ :/]+' "$B/run.log" | cut -d' ' -f2 | sort -u)
[ ${#failed[@]} = 0 ] || echo "bench: left out of the figures (did not boot): ${failed[*]}" >&2

# logs VCPUS FW: the console logs of the runs that booted.
logs() {
	local f n m
	for f in "$B"/xen/"$1"cpu-*-"$2".log; do
		n=$(basename "$f" .log)
		for m in "${failed[@]}"; do [ "$m" != "$n" ] || continue 2; done
		echo "$f"
	done
}

# Seconds between the loader's first line and SeaBIOS's banner, from "(dN) [   t] text".
stage() {
	awk '
		/\) \[ *[0-9.]+\] HVM Loader/ && !s { gsub(/.*\[ */, ""); gsub(/\].*/, ""); s = $0 }
		/\) \[ *[0-9.]+\] SeaBIOS \(version/ && s && !e { gsub(/.*\[ */, ""); gsub(/\].*/, ""); e = $0 }
		END { if (s && e) printf "%.3f\n", e - s }' "$1"
}

# The same milestones in both loaders' logs cut the stage into phases (log timestamps, so
# a phase ends when the next milestone line is printed): prints "NAME seconds" per phase.
# The PCI scan ends at the first line after "Relocating guest memory" that is not a link
# routing or INTx line (both loaders print those while scanning, BAR lines after).
milestones() {
	awk '
		function ts(line) { sub(/.*\[ */, "", line); sub(/\].*/, "", line); return line + 0 }
		/\) \[ *[0-9.]+\] / {
			if (n == 0 && /HVM Loader/) t[n++] = ts($0)
			else if (n == 1 && /Xenbus rings/) t[n++] = ts($0)
			else if (n == 2 && /Relocating guest memory/) t[n++] = ts($0)
			else if (n == 3 && !/PCI-ISA link|pci dev .* INT[A-D]/) t[n++] = ts($0)
			else if (n == 4 && /Multiprocessor initialisation/) t[n++] = ts($0)
			else if (n == 5 && /Writing SMBIOS tables/) t[n++] = ts($0)
			else if (n == 6 && /vm86 TSS/) t[n++] = ts($0)
			else if (n == 7 && /Invoking SeaBIOS/) t[n++] = ts($0)
			else if (n == 8 && /SeaBIOS \(version/) t[n++] = ts($0)
		}
		END {
			split("probe xenstore pci-scan pci-program+decode vcpus tables+payload handoff jump", name, " ")
			if (n == 9) for (i = 1; i < n; i++) printf "%s %.3f\n", name[i], t[i] - t[i - 1]
		}' "$1"
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
	if [ ${#failed[@]} != 0 ]; then
		echo "Left out (did not boot; the run's log says why): ${failed[*]}."
		echo
	fi
	echo "| vCPUs | firmware | median s | min s | max s | runs |"
	echo "| --- | --- | --- | --- | --- | --- |"
	declare -A median
	for v in $vcpus_list; do
		for fw in hvmloader hvmchain; do
			read -r med min max n < <(for f in $(logs "$v" "$fw"); do stage "$f"; done | stats)
			echo "| $v | $fw | $med | $min | $max | $n |"
			median[$fw]=$med
		done
		echo "| $v | ratio hvmchain/hvmloader (medians) | $(awk -v a="${median[hvmchain]}" -v b="${median[hvmloader]}" 'BEGIN { printf "%.3f", a / b }') | | | |"
	done
	echo
	for v in $vcpus_list; do
		echo "### $v vCPU(s): phases from the log timestamps (median seconds)"
		echo
		echo "| phase | hvmloader | hvmchain |"
		echo "| --- | --- | --- |"
		for ph in probe xenstore pci-scan pci-program+decode vcpus tables+payload handoff jump; do
			row="| $ph |"
			for fw in hvmloader hvmchain; do
				read -r med _ < <(for f in $(logs "$v" "$fw"); do milestones "$f"; done |
					awk -v p="$ph" '$1 == p { print $2 }' | stats)
				row="$row $med |"
			done
			echo "$row"
		done
		echo
		echo "### $v vCPU(s): hvmchain's own profile (TSC ms, median; exit counts of the first run)"
		echo
		echo "| phase | ms | PCI cfg reads | PCI cfg writes | other port I/O | console bytes/exits | hypercalls | xenstore requests |"
		echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
		mapfile -t booted < <(logs "$v" hvmchain)
		first=${booted[0]}
		while read -r ph counts; do
			med=$(for f in $(logs "$v" hvmchain); do
				sed -n "s/.*hvmchain: phases\{0,1\} $ph \([0-9.]*\) ms .*/\1/p" "$f"
			done | stats | cut -d' ' -f1)
			echo "| $ph | $med | $(echo "$counts" | sed 's/pcir=//; s/ pciw=/ | /; s/ io=/ | /; s/ con=/ | /; s/ hc=/ | /; s/ xs=/ | /') |"
		done < <(sed -n 's/.*hvmchain: phases\{0,1\} \([a-z-]*\) [0-9.?]* ms \(.*\)/\1 \2/p' "$first")
		echo
	done
	echo "The floor: the least any loader must do on this guest (qemu-xen's default devices:"
	echo "00.0 host bridge, 01.0 PIIX3 ISA, 01.1 PIIX3 IDE, 01.3 PIIX4 PM, 02.0 Xen platform,"
	echo "03.0 VGA; six BARs), counted by hand; BAR registers sized only where the datasheets"
	echo "allow one (IDE's 0x20, all seven of 02.0 and 03.0):"
	echo
	echo "| what | PCI cfg reads | PCI cfg writes | hypercalls | xenstore requests |"
	echo "| --- | --- | --- | --- | --- |"
	echo "| presence: fn 0 of 32 slots, fn 1-7 of the multi-function 01, header type of 4 fn 0 | 43 | 0 | | |"
	echo "| per function (6): class, interrupt pin, command | 18 | 0 | | |"
	echo "| sizing 15 BAR registers: write ones, read back (no restore: the address follows) | 15 | 15 | | |"
	echo "| PIIX3 ID; 4 link routes, 2 INTx lines, PM (7) and IDE (2) quirk writes | 1 | 15 | | |"
	echo "| 6 BAR addresses, 6 command writes (decode, bus master) | 0 | 12 | | |"
	echo "| memory map, 2 store params, shared info, guest handle, tables area, TSS and ACPI-ports params | | | 8 | |"
	echo "| xenstore: list platform/ and hvmloader/, read the 6 keys libxl writes that matter, look up bios-strings/ | | | 2 per request (send + one poll) | 9 |"
	echo "| vCPUs: initialise + up per AP | | | 2 per AP | |"
	echo "| **floor (1 vCPU)** | **77** | **42** | **26** | **9** |"
	echo
	echo "Console output is not in the floor: a loader could print nothing. Each PCI config access"
	echo "is two exits to qemu-xen; other port I/O (PIC, ELCR, CMOS, PM) and MMIO (LAPIC, IOAPIC)"
	echo "stay in Xen."
	echo
	# The sizes need no guest: `make bench-size` prints the same table on its own.
	"$HERE/size.sh" "$OUT/hvmchain" ${BENCH_BUILTIN:+"$BENCH_BUILTIN"}
} >"$OUT/bench.md"
cat "$OUT/bench.md"
