#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Judge one emulated-Xen run on the host: match each guest's console lines against its cfg's expectations.
#
# Usage: check.sh [--show-log] SERIAL_LOG[:SERIAL_LOG...] GUEST_DIR LOG_DIR NAME...
# (several logs when run.sh ran QEMU instances side by side: each guest is judged on the log
# whose dom0 started it, since domids repeat across instances)
# For each NAME, reads GUEST_DIR/NAME.cfg:
#   #expect-in-order: ERE   (repeatable) must match that guest's console lines, in this order
#   #expect-state: S        running (also accepts blocked), or how it stopped: poweroff, reboot,
#                           crashed, ... (see state() in dom0-init.sh); default running
#   #timeout: N             used by dom0 only
#   #reject: ERE            (repeatable) no console line of that guest may match
#   #expect-e820-ram: memory  the RAM entries of the firmware's first "E820 table:" dump add up to
#                           the domain's RAM to the page: memory= less videoram= (libxl's default
#                           8 MiB for qemu-xen's Cirrus VGA) less [0xA0000, 1 MiB), which is VGA
#                           hole (never populated) and BIOS area (populated, reserved)
# A guest's console lines are Xen's "(dN) [timestamp] text" lines for the domid that dom0
# announced with "HVMCHAIN-TEST BEGIN NAME domid=N"; the regexes see "text" only.
# Writes LOG_DIR/NAME.log, prints "PASS NAME" or "FAIL NAME: reason" plus the relevant lines,
# then "N passed, N failed" (", N expected failures (XFAIL)" when there are some). Exits 1 if
# anything failed. Can be rerun on a saved serial log.
# Guests with a report disk (target=/tmp/report.img) are Linux guests: their reports, unpacked
# by run.sh into LOG_DIR/report/NAME, are checked by linux/report.py (PASS/FAIL NAME/CHECK), and
# each NAME-hvmloader/NAME-hvmchain pair gets a page LOG_DIR/compare/NAME.md. A cfg's
#   #compare-with: OTHER    adds a page LOG_DIR/compare/NAME-vs-OTHER.md when OTHER ran too;
#   #compare-note: TEXT     (repeatable) a known difference and its reason, listed on its pages.
set -euo pipefail

show_log=0
if [ "${1:-}" = --show-log ]; then show_log=1; shift; fi
[ $# -ge 4 ] || { echo "usage: $0 [--show-log] SERIAL_LOG GUEST_DIR LOG_DIR NAME..." >&2; exit 2; }
IFS=: read -ra serial_logs <<<"$1"
guests=$2 logdir=$3
shift 3
# pick_serial NAME: the console log in which dom0 started NAME (else the first one).
pick_serial() {
	local f
	for f in "${serial_logs[@]}"; do
		if grep -aq "HVMCHAIN-TEST BEGIN $1 " "$f" 2>/dev/null; then echo "$f"; return; fi
	done
	echo "${serial_logs[0]}"
}

here=$(dirname "$(readlink -f "$0")")
passed=0 failed=0 xfailed=0
indent() { sed 's/^/    /'; }
# The last lines of the whole serial log: what Xen/dom0 said when things stopped early.
serial_tail() { grep -avE '^\(d[0-9]+\) |^\(XEN\) .*HVM( d|[0-9]+ restore)' "$serial" | tail -n 15 | indent; }

# xen_lines DOMID [ERE]: Xen's own lines naming the domain ("d3v0 Triple fault"), less the
# per-domain "HVM dN save:" dump Xen logs while building every guest; plus lines matching ERE.
xen_lines() {
	grep -aE "^\(XEN\) .*\<d$1(v[0-9]+)?\>${2:+|$2}" "$serial" | grep -avE '^\(XEN\) .*HVM d[0-9]+(v[0-9]+)? save:' || true
}

fail() { # fail NAME REASON [DETAIL_FILE]
	echo "FAIL $1: $2"
	[ -z "${3:-}" ] || indent <"$3"
	failed=$((failed + 1))
}

for name in "$@"; do
	serial=$(pick_serial "$name")
	cfg=$guests/$name.cfg
	log=$logdir/$name.log
	: >"$log"
	mapfile -t expect < <(sed -n 's/^#expect-in-order: *//p' "$cfg")
	want=$(sed -n 's/^#expect-state: *//p' "$cfg" | tail -n 1)
	want=${want:-running}

	begin=$(grep -aoE "HVMCHAIN-TEST BEGIN $name domid=[0-9a-z]+" "$serial" | tail -n 1 || true)
	if [ -z "$begin" ]; then
		serial_tail >"$log"
		[ $show_log = 1 ] && cat "$log"
		fail "$name" "dom0 never started this guest; end of the serial log:" "$log"
		continue
	fi
	domid=${begin##*domid=}
	end=$(grep -aoE "HVMCHAIN-TEST END $name .*" "$serial" | tail -n 1 || true)

	# NAME.log: the guest's own lines, dom0's lines about it, and Xen's lines naming the domain
	# (e.g. "d2v0 Triple fault"), in serial-log order.
	xen_lines "$domid" "HVMCHAIN-TEST [A-Z-]+ ${name}[ :]|^\(d$domid\) " >"$log"
	[ $show_log = 1 ] && cat "$log"
	mapfile -t text < <(sed -n "s/^(d$domid) \[[^]]*\] \{0,1\}//p" "$serial")

	# Ordered match: each expectation must match a line after the previous one's match.
	i=0 n=${#expect[@]} prev_at=-1
	for ((l = 0; l < ${#text[@]} && i < n; l++)); do
		if [[ ${text[l]} =~ ${expect[i]} ]]; then
			prev_at=$l
			i=$((i + 1))
		fi
	done
	ctx=$(mktemp)
	if ((i < n)); then
		{
			if ((i > 0)); then
				echo "matched $i of $n; /${expect[i - 1]}/ matched: ${text[prev_at]}"
			fi
			echo "guest console after that (last 20 lines; ${#text[@]} in all):"
			printf '%s\n' "${text[@]:prev_at+1}" | tail -n 20 | indent
			# What dom0 said about it: xl create errors, qemu-dm log, hook output.
			grep -aE "HVMCHAIN-TEST (CREATE|QEMU-DM|HOOK-OUT) $name: " "$serial" | tail -n 20 || true
			if [ -n "$end" ]; then
				echo "$end"
			else
				echo "no END line (QEMU stopped first); end of the serial log:"
				serial_tail
			fi
		} >"$ctx"
		fail "$name" "expected line $((i + 1))/$n /${expect[i]}/ not seen${end:+ (${end#*END "$name" })}" "$ctx"
		rm -f "$ctx"
		continue
	fi
	if [ -z "$end" ]; then
		serial_tail >"$ctx"
		fail "$name" "all lines seen, but no END line: QEMU stopped first; end of the serial log:" "$ctx"
		rm -f "$ctx"
		continue
	fi
	state=$(sed -n 's/.* state=\([^ ]*\).*/\1/p' <<<"$end")
	case $want:$state in
	running:running | running:blocked | "$state:$state") ;;
	*)
		xen_lines "$domid" | tail -n 10 >"$ctx"
		echo "$end" >>"$ctx"
		fail "$name" "ended $state, expected $want" "$ctx"
		rm -f "$ctx"
		continue
		;;
	esac
	bad=
	while IFS= read -r re; do
		for ((l = 0; l < ${#text[@]}; l++)); do
			if [[ ${text[l]} =~ $re ]]; then bad="/$re/ matched: ${text[l]}" && break 2; fi
		done
	done < <(sed -n 's/^#reject: *//p' "$cfg")
	if [ -n "$bad" ]; then
		fail "$name" "rejected line seen: $bad"
		rm -f "$ctx"
		continue
	fi
	if grep -q '^#expect-e820-ram: *memory' "$cfg"; then
		mem=$(sed -n 's/^memory *= *\([0-9]*\).*/\1/p' "$cfg" | tail -n 1)
		vram=$(sed -n 's/^videoram *= *\([0-9]*\).*/\1/p' "$cfg" | tail -n 1)
		want_kib=$(((mem - ${vram:-8}) * 1024 - (0x100000 - 0xA0000) / 1024))
		ram=0 in=0 entries=0
		for ((l = 0; l < ${#text[@]}; l++)); do
			if ((in == 0)); then
				[[ ${text[l]} =~ ^E820\ table: ]] && in=1
				continue
			fi
			re='^ *\[[0-9]+\]: ([0-9a-f]{8}):([0-9a-f]{8}) - ([0-9a-f]{8}):([0-9a-f]{8}): ([A-Z]+)'
			if [[ ${text[l]} =~ $re ]]; then
				entries=$((entries + 1))
				[ "${BASH_REMATCH[5]}" = RAM ] || continue
				ram=$((ram + 0x${BASH_REMATCH[3]}${BASH_REMATCH[4]} - 0x${BASH_REMATCH[1]}${BASH_REMATCH[2]}))
			elif ! [[ ${text[l]} =~ ^\ *HOLE: ]]; then
				break
			fi
		done
		if ((entries == 0 || ram != want_kib * 1024)); then
			fail "$name" "e820 RAM is $ram bytes in $entries entries, the domain has $((want_kib * 1024)) (memory=$mem, videoram=${vram:-8})"
			rm -f "$ctx"
			continue
		fi
		echo "  $name: e820 RAM $((ram / 1024)) KiB = (memory $mem MiB - videoram ${vram:-8} MiB) - 384 KiB"
	fi
	if [ -f "$guests/$name.pre-unpause.sh" ] && ! grep -aq "HVMCHAIN-TEST HOOK $name rc=0" "$serial"; then
		grep -aE "HVMCHAIN-TEST (HOOK|HOOK-OUT) $name" "$serial" >"$ctx" || true
		fail "$name" "pre-unpause hook did not succeed" "$ctx"
		rm -f "$ctx"
		continue
	fi
	rm -f "$ctx"
	echo "PASS $name"
	passed=$((passed + 1))
done

# count_checks NAME OUTPUT: print a checker's verdicts for NAME through the cell's expect-fail
# column in matrix.tsv (a known failure of Debian's firmware prints as XFAIL, and as FAIL once it
# passes) and add them up.
count_checks() {
	local v
	v=$("$here/matrix.py" xfail "$1" <<<"$2") || v=$2$'\n'"FAIL $1/matrix.py-xfail: crashed"
	echo "$v"
	passed=$((passed + $(grep -c '^PASS ' <<<"$v" || true)))
	failed=$((failed + $(grep -c '^FAIL ' <<<"$v" || true)))
	xfailed=$((xfailed + $(grep -c '^XFAIL ' <<<"$v" || true)))
}

# Linux guests (a report disk in their cfg): decode and check what they wrote (linux/report.py),
# one PASS/FAIL line per check, then one comparison page per hvmloader/hvmchain pair.
for name in "$@"; do
	grep -q 'target=/tmp/report.img' "$guests/$name.cfg" || continue
	grep -aq "HVMCHAIN-TEST BEGIN $name " "$(pick_serial "$name")" || continue # already failed above
	out=$("$here/linux/report.py" check "$name" "$guests/$name.cfg" "$logdir/report/$name" "$logdir/$name.log" 2>&1) ||
		out+=$'\n'"FAIL $name/report.py: crashed"
	count_checks "$name" "$out"
done
# compare_page TITLE PAGE NAME_A NAME_B: the side-by-side page, then the cfgs' known differences.
compare_page() {
	if ! "$here/linux/report.py" compare "$1" "$2" "$3" "$logdir/report/$3" "$logdir/$3.log" \
		"$4" "$logdir/report/$4" "$logdir/$4.log"; then
		echo "  (comparison page for $1 failed)"
		return
	fi
	if grep -qs '^#compare-note:' "$guests/$3.cfg" "$guests/$4.cfg"; then
		{
			printf '\n## Known differences and their reasons\n\n'
			sed -n 's/^#compare-note: */- /p' "$guests/$3.cfg" "$guests/$4.cfg"
		} >>"$2"
	fi
	echo "  COMPARE $2"
}
for name in "$@"; do
	case $name in *-hvmloader) ;; *) continue ;; esac
	scen=${name%-hvmloader}
	other=
	for n in "$@"; do [ "$n" != "$scen-hvmchain" ] || other=$n; done
	[ -n "$other" ] && grep -q 'target=/tmp/report.img' "$guests/$name.cfg" || continue
	mkdir -p "$logdir/compare"
	compare_page "$scen" "$logdir/compare/$scen.md" "$name" "$other"
done
for name in "$@"; do
	for other in $(sed -n 's/^#compare-with: *//p' "$guests/$name.cfg"); do
		for n in "$@"; do
			[ "$n" = "$other" ] || continue
			mkdir -p "$logdir/compare"
			compare_page "$name vs $other" "$logdir/compare/$name-vs-$other.md" "$name" "$other"
		done
	done
done

# Guests with a checker of their own ("#checker: PATH", under tests/xen): it reads the guest's
# log (NAME.log: firmware lines, dom0's BEGIN/END, the guest's COM1 as SERIAL lines) and prints
# PASS/FAIL NAME/CHECK lines; each hvmloader/hvmchain pair also gets a page in compare/.
for name in "$@"; do
	chk=$(sed -n 's/^#checker: *//p' "$guests/$name.cfg" | tail -n 1)
	[ -n "$chk" ] || continue
	grep -aq "HVMCHAIN-TEST BEGIN $name " "$(pick_serial "$name")" || continue # already failed above
	out=$(GUESTS=$guests "$here/$chk" check "$name" "$logdir/$name.log" 2>&1) || out+=$'\n'"FAIL $name/$chk: crashed"
	count_checks "$name" "$out"
	case $name in *-hvmloader) ;; *) continue ;; esac
	scen=${name%-hvmloader}
	for n in "$@"; do
		[ "$n" = "$scen-hvmchain" ] || continue
		mkdir -p "$logdir/compare"
		GUESTS=$guests "$here/$chk" compare "$scen" "$logdir/compare/$scen.md" "$name" "$logdir/$name.log" "$n" "$logdir/$n.log" ||
			echo "  (comparison page for $scen failed)"
		# The page shows raw verdicts; say which of them matrix.tsv expects, and why.
		xf=$("$here/matrix.py" expect-fail "$name")
		[ -z "$xf" ] || printf '\n## Expected failures of %s (tests/xen/matrix.tsv)\n\n%s\n' "$name" "$xf" >>"$logdir/compare/$scen.md"
		echo "  COMPARE $logdir/compare/$scen.md"
	done
done

xf=
[ "$xfailed" = 0 ] || xf=", $xfailed expected failures (XFAIL)"
echo "$passed passed, $failed failed$xf"
[ "$failed" = 0 ]
