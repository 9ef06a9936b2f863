#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make bench: hvmloader and hvmchain on the same guest, alternating, in one emulated-Xen run;
# reports the loader stage (first loader line to SeaBIOS's banner, Xen console timestamps) and
# the whole way from `xl create` to the boot sector, cut into toolstack, loader and SeaBIOS.
#
# Usage: bench.sh [REPS]   (env BENCH_VCPUS, default "1 4": one table per vCPU count;
#                           BENCH_CREATE_REPS, default 3: runs per firmware for the
#                           create-to-boot table, on guests of their own (below);
#                           BENCH_FIRMWARES, default "hvmloader hvmchain hvmchain-nomenu":
#                           which firmwares boot the guest, in this order each round; the two
#                           loaders must be among them. hvmloader and hvmchain take libxl's
#                           default SeaBIOS module (Debian's bios-256k.bin); hvmchain-128k is
#                           hvmchain with this build's 128 KiB SeaBIOS, hvmchain-nomenu with
#                           the same built SEABIOS_BOOTMENU=n (BENCH_BIOS128, BENCH_NOMENU);
#                           BENCH_REPORT_ONLY=1 reports again on the logs of the last run)
# Writes $OUT/bench.md and prints it. Not a test: it judges nothing but that the guests booted.
set -euo pipefail

HERE=$(dirname "$(readlink -f "$0")")
OUT=${OUT:-out}
reps=${1:-5}
vcpus_list=${BENCH_VCPUS:-1 4}
B=$OUT/bench
G=$B/guests
bios128=${BENCH_BIOS128:-$OUT/seabios/bios-xen-128k.bin}
nomenu=${BENCH_NOMENU:-$OUT/seabios/bios-xen-128k-nomenu.bin}

if [ -z "${BENCH_REPORT_ONLY:-}" ]; then
	read -ra firmwares <<<"${BENCH_FIRMWARES:-hvmloader hvmchain hvmchain-nomenu}"
	[[ " ${firmwares[*]} " == *" hvmloader "* && " ${firmwares[*]} " == *" hvmchain "* ]] ||
		{ echo "bench: BENCH_FIRMWARES must name hvmloader and hvmchain" >&2; exit 2; }
	# run.sh leaves the logs of guests it did not run this time: an earlier run's with more
	# repetitions would join the figures.
	rm -rf "$G"
	rm -f "$B"/xen/*.log
	mkdir -p "$G"
	# The report reads the list back (BENCH_REPORT_ONLY=1 reports on what ran).
	echo "${firmwares[*]}" >"$B/firmwares"
	extra=()

	# Alternate firmwares so that drift in the host's load hits both alike. dom0 runs the
	# guests in name order, and its first `xl create` is seconds slower than the rest (its
	# toolstack and qemu-xen not yet in the page cache): a warm-up guest, left out of the
	# figures, takes that instead of the first firmware.
	sed -e "s|@VCPUS@|1|" -e 's|@FIRMWARE@|firmware="/test/hvmchain"|' "$HERE/guest.cfg.in" >"$G/0-warmup.cfg"
	names=(0-warmup)
	# Two kinds of guest. The loader stage is taken on guests created paused and unpaused
	# once dom0 is idle ("#settle"), Ncpu-RR-FW: on a guest created running, the end of
	# `xl create` takes dom0's one vCPU from qemu-xen while the loader waits on it
	# (dom0-init.sh has figures). The way from `xl create` to the boot sector is taken on
	# guests created running, as `xl create` does, Ncpu-create-RR-FW, every firmware.
	for v in $vcpus_list; do
		for i in $(seq 1 "$reps"); do
			for fw in hvmloader hvmchain; do
				n=$(printf '%dcpu-%02d-%s' "$v" "$i" "$fw")
				case $fw in
				hvmloader) line='# Debian'"'"'s hvmloader with its default module (bios-256k.bin)' ;;
				hvmchain) line='firmware="/test/hvmchain"' ;;
				esac
				sed -e "s|@VCPUS@|$v|" -e "s|@FIRMWARE@|$line|" -e '/^#create: timed$/d' \
					-e '$a #settle: 4' "$HERE/guest.cfg.in" >"$G/$n.cfg"
				names+=("$n")
			done
		done
		for i in $(seq 1 "${BENCH_CREATE_REPS:-3}"); do
			for fw in "${firmwares[@]}"; do
				n=$(printf '%dcpu-create-%02d-%s' "$v" "$i" "$fw")
				case $fw in
				hvmloader) line='# Debian'"'"'s hvmloader with its default module (bios-256k.bin)' ;;
				hvmchain) line='firmware="/test/hvmchain"' ;;
				hvmchain-128k) line='firmware="/test/hvmchain"\nbios_path_override="/test/bios-xen-128k.bin"' ;;
				hvmchain-nomenu)
					line='firmware="/test/hvmchain"\nbios_path_override="/test/'$(basename "$nomenu")'"'
					extra=(--extra "$nomenu")
					;;
				*) echo "bench: unknown firmware '$fw' in BENCH_FIRMWARES" >&2; exit 2 ;;
				esac
				sed -e "s|@VCPUS@|$v|" -e "s|@FIRMWARE@|$line|" "$HERE/guest.cfg.in" >"$G/$n.cfg"
				names+=("$n")
			done
		done
	done

	# One QEMU run (XEN_SMP=2 as the tests, not the tests' two instances side by side): dom0
	# boots once, then every guest in order, so both firmwares see the same machine.
	# The images come from this build's $OUT; run.sh writes its results under $B.
	loader=$OUT/hvmchain disk=$OUT/tests/disk.img
	# A guest that did not boot (under the emulated Xen a multi-vCPU guest now and then ends in a
	# nested-emulation triple fault) is named and left out of the figures below; it does not void
	# the other runs. Without a single FAIL line the run itself broke: no figures.
	if ! XEN_JOBS=1 OUT=$B GUESTS=$G "$HERE/../xen/run.sh" --loader "$loader" --bios128 "$bios128" \
		--disk "$disk" ${extra[@]+"${extra[@]}"} "${names[@]}" >"$B/run.log" 2>&1; then
		if ! grep -aq '^FAIL ' "$B/run.log" || ! grep -aq '^PASS ' "$B/run.log"; then
			cat "$B/run.log"
			echo "bench: the run failed; no figures" >&2
			exit 1
		fi
		grep -aE '^FAIL |^    ' "$B/run.log" >&2
	fi
fi
# The firmwares that ran (a run from before the list was kept had the two loaders only).
read -ra firmwares <<<"$(cat "$B/firmwares" 2>/dev/null || echo hvmloader hvmchain)"
mapfile -t failed < <(grep -aoE '^FAIL [^ :/]+' "$B/run.log" | cut -d' ' -f2 | sort -u)
[ ${#failed[@]} = 0 ] || echo "bench: left out of the figures (did not boot): ${failed[*]}" >&2

# logs VCPUS FW [create]: the console logs of the runs that booted, of the loader-stage
# guests, or with "create" of the create-to-boot ones.
logs() {
	local f n m glob="$B/xen/$1cpu-[0-9]*-$2.log"
	[ "${3:-}" != create ] || glob="$B/xen/$1cpu-create-*-$2.log"
	for f in $glob; do
		[ -f "$f" ] || continue
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

# create_stamps NAME: "t1 t2", Xen's timestamps of the two debug-key lines dom0-init.sh has Xen
# print right before it runs `xl create` for a "#create: timed" guest (after its own line
# "CREATE-STAMP NAME"); nothing for a run without them. Xen stamps its own lines and the
# guests' "(dN)" lines from the same clock (console_timestamps=boot: time since Xen booted),
# so t2 puts the create on the guests' time line; dom0-init.sh says why t2 - t1 bounds its error.
create_stamps() {
	awk -v n="$1" '
		$1 == "HVMCHAIN-TEST" && $2 == "CREATE-STAMP" && $3 == n { on = 1; k = 0; next }
		on && /^\(XEN\) \[ *[0-9.]+\] .G. pressed/ {
			sub(/^\(XEN\) \[ */, ""); sub(/\].*/, ""); t[++k] = $0
			if (k == 2) { print t[1], t[2]; exit }
		}' "$B/xen/serial.log" 2>/dev/null
}

# create_to_boot LOG "t1 t2": one run from `xl create` to the boot sector, in seconds:
# "total toolstack loader seabios vga-rom vga-mode option-roms boot-menu stamp-gap", "-" for a
# part its log lacks. The boot sector's first instruction is SeaBIOS's "Booting from 0000:7c00"
# (printed by call_boot_entry() just before its far call into the sector): the sector's own
# "BOOT-OK" line reaches Xen only after 17 round trips to qemu-xen's COM1 (one per byte).
# Inside SeaBIOS's share, from its own lines: the VGA ROM (found, copied, run), the text mode
# (int 10h mode 3 and the banner on the emulated screen), the other option ROMs (their scan to
# the next line), and the boot menu (the prompt's leading newline to the first line after its
# wait; 0 when SeaBIOS printed no prompt).
create_to_boot() {
	awk -v stamps="$2" '
		function ts(line) { sub(/^\(d[0-9]+\) \[ */, "", line); sub(/\].*/, "", line); return line + 0 }
		function d(a, b) { return (a != "" && b != "") ? sprintf("%.3f", b - a) : "-" }
		BEGIN { split(stamps, st, " "); t1 = st[1]; t2 = st[2] }
		!/^\(d[0-9]+\) \[ *[0-9.]+\]/ { next }
		{ t = ts($0); x = $0; sub(/^\(d[0-9]+\) \[[^]]*\] ?/, "", x) }
		L == "" && x ~ /^HVM Loader/ { L = t }
		L != "" && S == "" && x ~ /^SeaBIOS \(version/ { S = t; prev = t; next }
		S != "" && V0 == "" && x ~ /^Scan for VGA option rom/ { V0 = t }
		V0 != "" && V1 == "" && x ~ /^Turning on vga text mode console/ { V1 = t; prev = t; next }
		V1 != "" && V2 == "" && x ~ /^SeaBIOS \(version/ { V2 = t }
		o == 1 { O1 = t; o = 2 }
		S != "" && O0 == "" && x ~ /^Scan for option roms/ { O0 = t; o = 1 }
		m == 1 && x != "" { M1 = t; m = 2 }
		S != "" && M == "" && x ~ /^Press ESC for boot menu/ { M0 = prev; M = t; m = 1 }
		S != "" && B == "" && x ~ /^Booting from [0-9a-f]+:[0-9a-f]+$/ { B = t }
		{ prev = t }
		END {
			menu = M != "" ? d(M0, M1) : (B != "" ? "0.000" : "-")
			print d(t2, B), d(t2, L), d(L, S), d(S, B), d(V0, V1), d(V1, V2), d(O0, O1), menu, d(t1, t2)
		}' "$1"
}

# fw_label FW: a firmware's name in the tables.
fw_label() {
	case $1 in
	hvmchain-128k) echo "hvmchain, 128 KiB SeaBIOS" ;;
	hvmchain-nomenu) echo "hvmchain, 128 KiB SeaBIOS, no menu" ;;
	*) echo "$1" ;;
	esac
}

{
	echo "# hvmchain vs Debian's hvmloader: loader stage"
	echo
	echo "Loader stage = from the loader's first console line to SeaBIOS's banner, Xen console"
	echo "timestamps, same guest (BOOT-OK disk, 128 MiB), $reps runs each, alternating, one"
	echo "emulated-Xen session ($(date -u +%F), $(nproc) host cores, QEMU TCG, nested HVM). Each"
	echo "guest is created paused and unpaused 4 s later, when dom0 has finished \`xl create\`."
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
		echo "| phase | ms | PCI cfg reads | PCI cfg writes | 0xCF8 writes | other port I/O | console bytes/exits | hypercalls | xenstore requests |"
		echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
		mapfile -t booted < <(logs "$v" hvmchain)
		first=${booted[0]}
		while read -r ph counts; do
			med=$(for f in $(logs "$v" hvmchain); do
				sed -n "s/.*hvmchain: phases\{0,1\} $ph \([0-9.]*\) ms .*/\1/p" "$f"
			done | stats | cut -d' ' -f1)
			echo "| $ph | $med | $(echo "$counts" | sed 's/pcir=//; s/ pciw=/ | /; s/ pcia=/ | /; s/ io=/ | /; s/ con=/ | /; s/ hc=/ | /; s/ xs=/ | /') |"
		done < <(sed -n 's/.*hvmchain: phases\{0,1\} \([a-z-]*\) [0-9.?]* ms \(.*\)/\1 \2/p' "$first")
		echo
	done
	echo "## From \`xl create\` to the boot sector (median seconds)"
	echo
	echo "| vCPUs | firmware | create to boot sector | toolstack | loader stage | SeaBIOS | VGA ROM | VGA text mode | option ROMs | boot menu | stamp gap | runs |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	declare -A total
	for v in $vcpus_list; do
		for fw in "${firmwares[@]}"; do
			splits=$(for f in $(logs "$v" "$fw" create); do
				create_to_boot "$f" "$(create_stamps "$(basename "$f" .log)")"
			done)
			row="| $v | $(fw_label "$fw") |"
			for col in 1 2 3 4 5 6 7 8 9; do
				med=$(awk -v c=$col 'NF && $c != "-" { print $c }' <<<"$splits" | stats | cut -d' ' -f1)
				[ -n "$(awk -v c=$col 'NF && $c != "-"' <<<"$splits")" ] || med=-
				row="$row $med |"
				[ $col != 1 ] || total[$v $fw]=$med
			done
			echo "$row $(grep -c . <<<"$splits") |"
		done
	done
	echo
	echo "- firmware: hvmloader and hvmchain boot libxl's default SeaBIOS module (Debian's"
	echo "  bios-256k.bin); \"128 KiB SeaBIOS\" is this build's image (bios_path_override), \"no"
	echo "  menu\" the same built with SEABIOS_BOOTMENU=n (CONFIG_BOOTMENU off)."
	echo "- create to boot sector: from \`xl create\` (dom0 has Xen stamp the moment, below) to the"
	echo "  boot sector's first instruction (SeaBIOS's \"Booting from 0000:7c00\", printed just before"
	echo "  its far call into the sector; the sector's own BOOT-OK line follows 17 COM1 exits later)."
	echo "- toolstack: \`xl create\` to the loader's first line: libxl builds the domain, starts"
	echo "  qemu-xen in dom0 and unpauses the guest."
	echo "- loader stage: the loader's first line to SeaBIOS's banner, as in the table at the top,"
	echo "  but on guests created running: the end of \`xl create\` in dom0 overlaps it."
	echo "- SeaBIOS: its banner to the boot sector. Of it: VGA ROM, \"Scan for VGA option rom\" to"
	echo "  \"Turning on vga text mode console\" (the ROM read through its BAR and run); VGA text mode,"
	echo "  from there to the banner on the screen (int 10h mode 3 on the emulated VGA); option ROMs,"
	echo "  \"Scan for option roms\" to the next line (none on this guest); boot menu, the"
	echo "  \"Press ESC for boot menu.\" prompt and its wait (etc/boot-menu-wait: no fw_cfg under Xen,"
	echo "  so SeaBIOS's 2.5 s default) to the next line; 0 when SeaBIOS prints no prompt."
	echo "- stamp gap: dom0's lines carry no timestamp, so before \`xl create\` it has Xen print two"
	echo "  debug-key lines, each stamped by Xen's clock, the guests' clock; the create is stamped with"
	echo "  the second. It is early by less than one \`xl debug-keys\` run, the gap between the two,"
	echo "  so the toolstack column is at most that much too long."
	echo "- The medians are taken column by column, so the parts need not add up to the total."
	for v in $vcpus_list; do
		[ -n "${total[$v hvmchain-nomenu]:-}" ] || continue
		base=hvmchain
		[ -z "${total[$v hvmchain-128k]:-}" ] || base=hvmchain-128k
		echo "- $v vCPU(s): SEABIOS_BOOTMENU=n takes create-to-boot from ${total[$v $base]} s"
		echo "  ($(fw_label "$base")) to ${total[$v hvmchain-nomenu]} s."
	done
	echo
	echo "The floor: the least any loader must do on this guest (qemu-xen's default devices:"
	echo "00.0 host bridge, 01.0 PIIX3 ISA, 01.1 PIIX3 IDE, 01.3 PIIX4 PM, 02.0 Xen platform,"
	echo "03.0 VGA; six BARs), counted by hand; BAR registers sized only where the datasheets"
	echo "allow one (IDE's 0x20, all seven of 02.0 and 03.0):"
	echo
	echo "| what | PCI cfg reads | PCI cfg writes | 0xCF8 writes | hypercalls | xenstore requests |"
	echo "| --- | --- | --- | --- | --- | --- |"
	echo "| presence: fn 0 of 32 slots, fn 1-7 of the multi-function 01, header type of 4 fn 0 | 43 | 0 | 43 | | |"
	echo "| per function (6): class, interrupt pin, command | 18 | 0 | 18 | | |"
	echo "| sizing 15 BAR registers: write ones, read back (no restore: the address follows) | 15 | 15 | 15 | | |"
	echo "| PIIX3 ID; 4 link routes (one dword write), 2 INTx lines (the pin's dword), PM (7: 4 dwords) and IDE (2: one) quirk writes | 1 | 12 | 7 | | |"
	echo "| 6 BAR addresses, 6 command writes (decode, bus master) | 0 | 12 | 12 | | |"
	echo "| memory map, 2 store params, shared info, guest handle, tables area, TSS and ACPI-ports params | | | | 8 | |"
	echo "| xenstore: list platform/, hvmloader/ and bios-strings/, then read the 6 keys libxl writes that matter: two exchanges, each all its requests at once | | | | 2 per exchange (send + one poll) | 9 |"
	echo "| vCPUs: initialise + up per AP | | | | 2 per AP | |"
	echo "| **floor (1 vCPU)** | **77** | **39** | **95** | **12** | **9** |"
	echo
	echo "Console output is not in the floor: a loader could print nothing."
	echo
	echo "What an exit costs here, timed once (2026-12-01) by a throwaway build that ran 32-40 of"
	echo "each kind in a row and read the TSC around each, on a guest unpaused once dom0 was idle:"
	echo
	echo "| exit | answered by | time each |"
	echo "| --- | --- | --- |"
	echo "| 0xCF8 write | qemu-xen: Xen records it, then passes it on (hvm_access_cf8) | 0.35-0.5 ms |"
	echo "| config read or write of a function that exists | qemu-xen | 0.35-0.6 ms |"
	echo "| config read of a device that does not exist | Xen: no ioreq server claims it | 0.02-0.06 ms |"
	echo "| cpuid; a port no device model claims (COM2's scratch register) | Xen | 0.02-0.06 ms |"
	echo "| a console line to port 0xE9 (one rep outsb) | Xen prints it to its console (this rig's guest_loglvl=all) | 0.6 ms for 10 bytes, 2-2.5 ms for 100 |"
	echo
	echo "- Some writes cost more, their exits included, as qemu-xen acts on them: a PIIX3 link"
	echo "  route about 3 ms (a dom0 hypercall for each byte of 0x60-0x63 written), a PIIX4 PM"
	echo "  register that moves an I/O range 0.9-2.4 ms, a BAR address 1.6-3.5 ms, and the command"
	echo "  write that turns decode on 1.4-4.5 ms per function (qemu-xen maps its BARs)."
	echo "- CMOS past the clock registers goes to qemu-xen, index and data each: the 8 bytes of"
	echo "  memory size that both loaders write take 16 exits, about 9 ms."
	echo "- The console is about a third of hvmchain's stage here: a throwaway build that printed"
	echo "  only its first line took 0.166 s (median of 5; hvmloader 0.662 s in the same run, 0.251x)"
	echo "  against 0.247-0.253 s with its 50 lines. The tests need guest_loglvl=all; a release"
	echo "  Xen's default (guest_loglvl=none/warning) drops the loaders' debug-level lines unprinted."
	echo "- While dom0 is busy, an exit to qemu-xen waits for it: with Xen on one emulated CPU, the"
	echo "  first 20-30 of a guest created running took up to 10 ms each (hence the settle above)."
	echo "- So the floor's config-space exits, 181 to qemu-xen and 33 absent-device reads, take"
	echo "  65-90 ms; with the device-model work above and CMOS, 110-140 ms. hvmloader's scan alone"
	echo "  selects 768 registers at 0xCF8 (three 16-bit reads for each of 256 functions), about"
	echo "  0.3 s at these costs, and it writes the console one byte per exit."
	echo
	# The sizes need no guest: `make bench-size` prints the same table on its own.
	"$HERE/size.sh" "$OUT/hvmchain" ${BENCH_BUILTIN:+"$BENCH_BUILTIN"}
} >"$OUT/bench.md"
cat "$OUT/bench.md"
