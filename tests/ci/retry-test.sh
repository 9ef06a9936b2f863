#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of tests/xen/retry.sh with a stand-in run.sh: a Xen-context triple fault, a timeout
# with the guest kernel in soft lockups or after a long-silent console, is run once more (with its
# pair) and counted apart; another failure, or one that repeats, stays a FAIL.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
t=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$t"' EXIT
passed=0 failed=0
verdict() { if [ "$2" = OK ]; then echo "PASS retry/$1"; passed=$((passed + 1)); else echo "FAIL retry/$1: $2"; failed=$((failed + 1)); fi; }

# The stand-in: FAULT names the guests that triple-fault in Xen context in the first pass
# (in both passes with REPEAT=1), LOCKUP those that time out with soft lockups in the first pass,
# SLOW those that time out without them, BAD those that fail otherwise. It logs each call's guests.
cat >"$t/run.sh" <<'STUB'
#!/usr/bin/env bash
W=$OUT/xen
mkdir -p "$W"
echo "$*" >>"$T/calls"
pass=1
case $OUT in *xen-retry*) pass=2 ;; esac
# Pass 1 builds the guest images with their keys; pass 2 (like run.sh) does not rebuild an image
# whose key is there, so without the image it dies before judging anything. DIE2=1: pass 2 dies.
if [ $pass = 1 ]; then
	echo esp >"$W/linux-esp.img"; echo key >"$W/linux-iso.key"; echo cd >"$W/linux.iso"
elif [ -n "${DIE2:-}" ] || { [ -f "$W/linux-iso.key" ] && [ ! -f "$W/linux-esp.img" ]; }; then
	echo "cp: cannot stat '$W/linux-esp.img': No such file or directory" >&2
	exit 1
fi
: >"$W/serial.log"
p=0 f=0 dead=0
# timed_out NAME REASON [CONSOLE-LINE...]: NAME printed these "(dN)" lines, then dom0 gave up on it
# at its 600 s limit, and check.sh failed it for REASON.
timed_out() {
	local n=$1 why=$2
	shift 2
	[ $# = 0 ] || printf '%s\n' "$@" >>"$W/serial.log"
	echo "HVMCHAIN-TEST END $n domid=1 state=running reason=timeout secs=600 ok=1" >>"$W/serial.log"
	echo "FAIL $n: $why"
	echo "log of $n pass $pass" >"$W/$n.log"
}
while [ $# -gt 0 ]; do
	case $1 in -*) shift 2; continue ;; esac
	n=$1
	shift
	# Behind a stopped machine (STALL with KILLED=1) the other guests never start.
	if [ $dead = 1 ]; then
		echo "FAIL $n: dom0 never started this guest"; f=$((f + 1))
		continue
	fi
	echo "HVMCHAIN-TEST BEGIN $n domid=1 uuid=x" >>"$W/serial.log"
	if [[ " $FAULT " == *" $n "* ]] && { [ $pass = 1 ] || [ "${REPEAT:-0}" = 1 ]; }; then
		printf '(XEN) d1v2 Triple fault - invoking HVM shutdown action 1\n(XEN) ds: 0000   es: 0000   fs: 0000   gs: 0000   ss: 0000   cs: e008\n' >>"$W/serial.log"
		echo "FAIL $n: ended reboot, expected poweroff"; echo "    detail"; f=$((f + 1))
	elif [[ " ${LOCKUP:-} " == *" $n "* ]] && [ $pass = 1 ]; then
		timed_out "$n" "ended running, expected poweroff" \
			'(d1) [  490.9] [  173.4] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [migration/0:16]'
		f=$((f + 1))
		continue
	elif [[ " ${SLOW:-} " == *" $n "* ]]; then
		timed_out "$n" "ended running, expected poweroff"
		f=$((f + 1))
		continue
	elif [[ " ${SILENT:-} " == *" $n "* ]] && [ $pass = 1 ]; then
		# Its console silent from 12 s on, of a 600 s limit: a stall.
		timed_out "$n" "expected line 3/3 /Linux version/ not seen" '(d1) [  100.5] HVM Loader' '(d1) [  112.0] Invoking OVMF ...'
		f=$((f + 1))
		continue
	elif [[ " ${TALKING:-} " == *" $n "* ]]; then
		# Still printing 400 s in, of a 600 s limit: slow, not stalled.
		timed_out "$n" "ended running, expected poweroff" '(d1) [  100.5] HVM Loader' '(d1) [  500.2] [   60.1] Run /init as init process'
		f=$((f + 1))
		continue
	elif [[ " ${STALL:-} " == *" $n "* ]] && [ $pass = 1 ]; then
		# The emulated machine stops: no END line, and run.sh kills the instance (KILLED=1).
		printf '(d1) [  274.1] [   90.1] random: crng init done\n' >>"$W/serial.log"
		echo "FAIL $n: all lines seen, but no END line: QEMU stopped first"; f=$((f + 1))
		echo "log of $n pass $pass" >"$W/$n.log"
		[ -z "${KILLED:-}" ] || dead=1
		continue
	elif [[ " $BAD " == *" $n "* ]]; then
		printf '(XEN) d1v0 Triple fault - invoking HVM shutdown action 1\n(XEN) cs: 0008\n' >>"$W/serial.log"
		echo "FAIL $n: ended reboot, expected poweroff"; f=$((f + 1))
	else
		echo "PASS $n"; echo "PASS $n/report"; p=$((p + 2))
	fi
	echo "HVMCHAIN-TEST END $n domid=1 state=x secs=1 ok=1" >>"$W/serial.log"
	echo "log of $n pass $pass" >"$W/$n.log"
done
[ -z "${KILLED:-}" ] || [ $pass = 2 ] || echo "  XEN     QEMU killed by the 735s overall timeout"
echo "$p passed, $f failed"
[ $f = 0 ]
STUB
chmod +x "$t/run.sh"
go() { # go NAME FAULT BAD REPEAT: run retry.sh on four guests
	rm -rf "$t/out" "$t/calls"
	T=$t OUT=$t/out FAULT=$2 BAD=$3 REPEAT=$4 "$here/../xen/retry.sh" "$t/run.sh" --loader x \
		61-a-hvmchain 61-a-hvmloader 62-b-hvmchain 10-c >"$t/$1.out" 2>&1
	echo $?
}

rc=$(go clean "" "" 0)
verdict clean-passes "$([ "$rc" = 0 ] && [ "$(wc -l <"$t/calls")" = 1 ] && echo OK || echo "rc=$rc, $(wc -l <"$t/calls") calls")"

rc=$(go fault 61-a-hvmchain "" 0)
last=$(tail -n 1 "$t/fault.out")
verdict fault-retried "$([ "$rc" = 0 ] && [ "$(sed -n 2p "$t/calls")" = "--loader x 61-a-hvmchain 61-a-hvmloader" ] && echo OK ||
	echo "rc=$rc, second call: $(sed -n 2p "$t/calls")")"
verdict fault-counted-apart "$([[ $last == "8 passed, 0 failed (2 retried"* ]] && grep -q '^  RETRY   61-a-hvmchain' "$t/fault.out" && echo OK || echo "closing line: $last")"
verdict fault-no-first-fail "$(grep -q '^FAIL' "$t/fault.out" && echo "a FAIL line was kept" || echo OK)"
verdict fault-log-replaced "$(grep -q 'pass 2' "$t/out/xen/61-a-hvmchain.log" && echo OK || echo "NAME.log still the first pass's")"

rc=$(go repeat 61-a-hvmchain "" 1)
verdict repeat-stays-fail "$([ "$rc" != 0 ] && grep -q '^FAIL 61-a-hvmchain' "$t/repeat.out" && echo OK || echo "rc=$rc")"

rc=$(go guest-fault "" 62-b-hvmchain 0)
verdict guest-context-not-retried "$([ "$rc" != 0 ] && [ "$(wc -l <"$t/calls")" = 1 ] && echo OK || echo "rc=$rc, $(wc -l <"$t/calls") calls")"

rc=$(LOCKUP=61-a-hvmloader go lockup "" "" 0)
last=$(tail -n 1 "$t/lockup.out")
verdict lockup-retried "$([ "$rc" = 0 ] && [ "$(sed -n 2p "$t/calls")" = "--loader x 61-a-hvmchain 61-a-hvmloader" ] &&
	grep -q '^  RETRY   61-a-hvmloader: .*soft lockups' "$t/lockup.out" && [[ $last == *"retried after an emulated-Xen artefact"* ]] &&
	echo OK || echo "rc=$rc, second call: $(sed -n 2p "$t/calls"), closing line: $last")"

rc=$(SLOW=61-a-hvmloader go slow "" "" 0)
verdict timeout-alone-not-retried "$([ "$rc" != 0 ] && [ "$(wc -l <"$t/calls")" = 1 ] && echo OK || echo "rc=$rc, $(wc -l <"$t/calls") calls")"

# A timeout after a console silent for the second half of the limit: a stall, run once more.
rc=$(SILENT=61-a-hvmloader go silent "" "" 0)
verdict silent-stall-retried "$([ "$rc" = 0 ] && [ "$(sed -n 2p "$t/calls")" = "--loader x 61-a-hvmchain 61-a-hvmloader" ] &&
	grep -q '^  RETRY   61-a-hvmloader: .*silent' "$t/silent.out" && echo OK ||
	echo "rc=$rc, second call: $(sed -n 2p "$t/calls")")"
# Still printing late in the limit: a slow guest, whose timeout stands.
rc=$(TALKING=61-a-hvmloader go talking "" "" 0)
verdict slow-printing-not-retried "$([ "$rc" != 0 ] && [ "$(wc -l <"$t/calls")" = 1 ] && echo OK || echo "rc=$rc, $(wc -l <"$t/calls") calls")"

# The machine stopped (no END line, QEMU killed by run.sh's limit or watchdog): run once more.
rc=$(STALL=61-a-hvmloader KILLED=1 go stall "" "" 0)
verdict machine-stop-retried "$([ "$rc" = 0 ] && [ "$(sed -n 2p "$t/calls")" = "--loader x 10-c 61-a-hvmchain 61-a-hvmloader 62-b-hvmchain" ] &&
	grep -q '^  RETRY   61-a-hvmloader: .*machine stopped' "$t/stall.out" && echo OK ||
	echo "rc=$rc, second call: $(sed -n 2p "$t/calls")")"
# The guests queued behind it in that instance never started: they run once more too.
verdict queued-behind-stop-retried "$(grep -q '^  RETRY   62-b-hvmchain: .*stopped before dom0 started it' "$t/stall.out" &&
	grep -q '^PASS 10-c$' "$t/stall.out" && ! grep -q '^FAIL' "$t/stall.out" && echo OK || echo "$(grep -E '^(RETRY|FAIL)|  RETRY' "$t/stall.out" | head -n 3)")"
# No END line but QEMU ended by itself (a dom0 or Xen panic reboots it): not this artefact.
rc=$(STALL=61-a-hvmloader go stall-exit "" "" 0)
verdict no-end-without-kill-not-retried "$([ "$rc" != 0 ] && [ "$(wc -l <"$t/calls")" = 1 ] && echo OK || echo "rc=$rc, $(wc -l <"$t/calls") calls")"

# The ESP disk image travels to the second pass with the keys (it once stayed behind, and the
# retried UEFI guests never ran).
rc=$(go esp 61-a-hvmchain "" 0)
verdict images-carried "$([ "$rc" = 0 ] && grep -q '^PASS 61-a-hvmchain$' "$t/esp.out" && echo OK ||
	echo "rc=$rc: $(grep -a 'cannot stat' "$t/esp.out" | head -n 1)")"

# A second pass that dies before judging a retried guest fails that guest: it must not vanish.
rc=$(DIE2=1 go died 61-a-hvmchain "" 0)
last=$(tail -n 1 "$t/died.out")
verdict no-verdict-is-fail "$([ "$rc" != 0 ] && grep -q '^FAIL 61-a-hvmchain: no verdict' "$t/died.out" &&
	grep -q '^FAIL 61-a-hvmloader: no verdict' "$t/died.out" && [[ $last == "4 passed, 2 failed"* ]] &&
	echo OK || echo "rc=$rc, closing line: $last")"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
