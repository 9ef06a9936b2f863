#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# dom0 /init (busybox sh): start the Xen toolstack by hand, run each /test/*.cfg guest, report, power off.
#
# Everything this prints goes to hvc0, i.e. Xen's serial console, next to the guests'
# "(dN) ..." port-0xE9 lines. Lines starting "HVMCHAIN-TEST " are the protocol the host side
# (check.sh) parses; the pass/fail verdict is made there, not here. This script only decides
# when a guest is finished: its last #expect-in-order line was seen (and, for an expected
# crash/shutdown, the domain reached that state), it crashed or shut down, or #timeout passed.
# No "set -e": if /init exits the kernel panics, and we always want to reach "reboot -f".

export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen-4.17/bin
HVLOG=/var/log/xen/console/hypervisor.log
POLL=${HVMCHAIN_POLL:-1}
# Seconds between a running guest's "ALIVE" lines (run.sh's watchdog counts on them).
ALIVE_EVERY=30

report() { echo "HVMCHAIN-TEST $*"; }
# prefix TAG NAME FILE: copy a file onto the console, each line tagged so the host keeps it with the guest.
prefix() { [ -s "$3" ] && sed "s/^/HVMCHAIN-TEST $1 $2: /" "$3"; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run
# The initramfs is unpacked into a tmpfs capped at half the RAM left beside the initrd, about
# 225 MiB with run.sh's dom0_mem: dom0's tools, the Linux images and the UEFI guests' 48 MiB ESP
# nearly fill it, and the logs then ran it out of space mid-run ("No space left on device",
# every xl create failing). The files are in dom0's RAM either way; lift the cap.
mount -o remount,size=85% / || echo "HVMCHAIN-TEST WARN cannot lift the root tmpfs cap"
# xenconsoled allocates a pty per guest console; without devpts `xl create` times out on it.
mkdir -p /dev/pts /run/xen /run/xenstored /var/log/xen/console
mount -t devpts devpts /dev/pts

while read -r m; do
	insmod "/lib/modules/$m.ko" || report "WARN insmod $m failed"
done </lib/modules/load-order
mount -t xenfs xenfs /proc/xen
# The host's results disk (run.sh's -drive ...,if=virtio): guests' report disks are copied into
# fixed slots of it, which the host reads after QEMU exits; the serial console is too slow.
RESULTS=/dev/vda
SLOT_MB=4
slot=0

xenstored --pid-file /run/xenstored.pid
i=0
until xenstore-ls / >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -gt 150 ] && { report "WARN xenstored not answering"; break; }
	sleep 0.2
done
xen-init-dom0 >/tmp/xen-init-dom0.log 2>&1 || prefix INIT-DOM0 dom0 /tmp/xen-init-dom0.log
# --log=hv: xenconsoled copies Xen's console ring (which holds the guests' port-0xE9 lines) into
# a file as it fills. Grepping that file is far cheaper for dom0 under TCG than `xl dmesg`.
xenconsoled --pid-file=/run/xenconsoled.pid --log=hv --log-dir=/var/log/xen/console

report "DOM0-UP uptime=$(uptime_s) root_free_mb=$(stat -f -c '%a %S' / | awk '{ print int($1 * $2 / 1048576) }') $(xl info | sed -n 's/^\(xen_version\|virt_caps\) *: */\1=/p' | tr ' \n' '_ ')"

# state NAME: one word for how the domain is, from `xl list -v`: running, blocked, paused, dying,
# gone, or (once it stopped, kept by on_*="preserve") the shutdown reason: poweroff, reboot,
# suspend, crashed, watchdog, soft-reset. The reason matters: a triple fault is a "reboot"
# to Xen, a SCHEDOP_shutdown(crash) is "crashed", and a vCPU halted with interrupts off
# (the BOOT-OK disk's final cli;hlt) is a "poweroff".
state() {
	xl list -v 2>/dev/null | awk -v n="$1" '
		$1 == n { s = $5; code = $8; found = 1 }
		END {
			split("poweroff reboot suspend crashed watchdog soft-reset", why, " ")
			if (!found) print "gone"
			else if (s ~ /d/) print "dying"
			else if (s ~ /[sc]/) print (code ~ /^[0-5]$/ ? why[code + 1] : "shutdown")
			else if (s ~ /p/) print "paused"
			else if (s ~ /b/) print "blocked"
			else print "running"
		}'
}

# screen_text DOMID: the guest's VGA text screen, one line per row (80x25 cells at 0xB8000, a
# character byte then an attribute byte each), read through qemu-xen's monitor: its xp command
# reads guest-physical memory, here the emulated VGA's text plane. For a guest that writes only
# to the screen (iPXE). busybox awk has no hex input: the low byte's two digits are decoded by hand.
screen_text() {
	xl qemu-monitor-command "$1" "xp /2000hx 0xb8000" 2>/dev/null | awk '
		function hex(s, i, v) { v = 0; for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1; return v }
		{
			for (i = 2; i <= NF; i++) {
				if ($i !~ /^0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f]$/) continue
				c = hex(substr($i, 5, 2))
				row = row ((c >= 32 && c < 127) ? sprintf("%c", c) : " ")
				if (length(row) == 80) { sub(/ +$/, "", row); print row; row = "" }
			}
		}'
}

# guest_text DOMID: that guest's console lines, "(dN) [timestamp] " stripped.
guest_text() { sed -n "s/^(d$1) \[[^]]*\] \{0,1\}//p" "$HVLOG" 2>/dev/null; }

# cfg_field CFG KEY: value of the last "#KEY: value" comment line.
cfg_field() { sed -n "s/^#$2: *//p" "$1" | tail -n 1; }

run_guest() {
	cfg=$1
	name=$(basename "$cfg" .cfg)
	tmo=$(cfg_field "$cfg" timeout)
	tmo=${tmo:-60}
	last=$(cfg_field "$cfg" expect-in-order)
	want=$(cfg_field "$cfg" expect-state)
	want=${want:-running}
	# A guest that only talks on COM1 and never stops (memtest86+): done when COM1 matches this too.
	sexp=$(cfg_field "$cfg" expect-serial)
	# One that only writes to the screen and never stops (iPXE): done when the screen matches this.
	scr=$(cfg_field "$cfg" expect-screen)

	t0=$(date +%s)
	# A Linux guest writes its report onto the raw disk its cfg names /tmp/report.img (vdev xvde).
	report_disk=
	if grep -q 'target=/tmp/report.img' "$cfg"; then
		report_disk=/tmp/report.img
		dd if=/dev/zero of=$report_disk bs=1M count=$SLOT_MB 2>/dev/null
	fi
	# Created paused, so the hook can prepare xenstore before the first guest instruction runs.
	# A pre-create hook changes dom0 before the domain exists (e.g. which hvmloader libxl finds).
	hook=/test/$name.pre-create.sh
	if [ -f "$hook" ]; then
		NAME=$name sh "$hook" >"/tmp/$name.prehook" 2>&1
		rc=$?
		prefix HOOK-OUT "$name" "/tmp/$name.prehook"
		if [ $rc != 0 ]; then
			report "BEGIN $name domid=none"
			report "HOOK $name rc=$rc"
			report "END $name domid=none state=gone reason=hook-failed secs=$(($(date +%s) - t0)) ok=0"
			return
		fi
	fi
	# "#create: timed" (make bench measures xl create to the boot sector): dom0's own lines carry
	# no timestamp, so the moment of `xl create` is put on Xen's clock, the one that stamps the
	# guests' "(dN) [t]" lines: two presses of debug key 'G' (it only toggles whether '+'/'-'
	# adjust the host's or the guests' log levels, and prints one line; the second press
	# restores it). Xen stamps each line inside the sysctl that prints it, so the second line is
	# earlier than `xl create` by the rest of that xl process and the fork of the next, less
	# than the whole run of one `xl debug-keys`, which the gap between the two lines measures.
	# Such a guest is created running, as a plain `xl create` does, unless it has a
	# pre-unpause hook (dom0's own xl calls between create and unpause would count otherwise).
	paused=-p
	if [ "$(cfg_field "$cfg" create)" = timed ]; then
		report "CREATE-STAMP $name"
		xl debug-keys G >/dev/null 2>&1
		xl debug-keys G >/dev/null 2>&1
		[ -f "/test/$name.pre-unpause.sh" ] || paused=
	fi
	# The name comes from the file name; the guest COM1 goes to a file shown after the run.
	if ! xl create ${paused:+-p} "$cfg" "name=\"$name\"" "serial=\"file:/tmp/$name.serial\"" >"/tmp/$name.create" 2>&1; then
		report "BEGIN $name domid=none"
		prefix CREATE "$name" "/tmp/$name.create"
		prefix QEMU-DM "$name" "/var/log/xen/qemu-dm-$name.log"
		xl destroy "$name" >/dev/null 2>&1
		report "END $name domid=none state=gone reason=create-failed secs=$(($(date +%s) - t0)) ok=0"
		return
	fi
	# "#quiet: N" (make bench): dom0 runs nothing of its own in a running guest's first N
	# seconds, not even the xl calls below. Each xl, grep or date is seconds of work for the
	# emulated machine, taken from the qemu-xen that answers the guest's port I/O: one poll
	# landing in the loader stage made it 0.1-0.2 s longer, and made the loaders' figures
	# depend on when dom0 polled rather than on what they do.
	quiet=$(cfg_field "$cfg" quiet)
	[ -z "$quiet" ] || [ -n "$paused" ] || sleep "$quiet"
	domid=$(xl domid "$name")
	# The UUID lets the host compare it with the guest's SMBIOS system UUID.
	uuid=$(xl list -v "$name" 2>/dev/null | awk -v n="$name" '$1 == n { print $7 }')
	report "BEGIN $name domid=$domid uuid=${uuid:-none}"

	hook=/test/$name.pre-unpause.sh
	if [ -f "$hook" ]; then
		DOMID=$domid NAME=$name sh "$hook" >"/tmp/$name.hook" 2>&1
		rc=$?
		prefix HOOK-OUT "$name" "/tmp/$name.hook"
		report "HOOK $name rc=$rc"
		if [ $rc != 0 ]; then
			xl destroy "$name" >/dev/null 2>&1
			report "END $name domid=$domid state=gone reason=hook-failed secs=$(($(date +%s) - t0)) ok=0"
			return
		fi
	fi
	# "#settle: N" (make bench): a guest created paused stays so N more seconds before `xl
	# unpause`, and "#quiet" then holds from the unpause. The tail of `xl create` (the xl
	# process winding down, its daemon settling) and dom0's xl calls above take dom0's one
	# vCPU from the qemu-xen that answers the loader's port I/O: hvmchain's own profile
	# totalled 329 and 351 ms on a guest created running, 258 and 279 ms on the same guest
	# created paused and unpaused by dom0 later.
	settle=$(cfg_field "$cfg" settle)
	[ -z "$paused" ] || [ -z "$settle" ] || sleep "$settle"
	[ -z "$paused" ] || xl unpause "$name"
	[ -z "$paused" ] || [ -z "$settle" ] || [ -z "$quiet" ] || sleep "$quiet"

	seen=0
	reason=timeout
	alive_at=$t0
	while :; do
		# A heartbeat while the guest runs, so the host can tell a long quiet guest from a stopped
		# emulated machine (run.sh's watchdog), and how far COM1 and the 0xE9 console had come.
		if [ $(($(date +%s) - alive_at)) -ge "$ALIVE_EVERY" ]; then
			alive_at=$(date +%s)
			report "ALIVE $name secs=$((alive_at - t0)) com1=$(stat -c %s "/tmp/$name.serial" 2>/dev/null || echo 0) e9=$(grep -c "^(d$domid) " "$HVLOG" 2>/dev/null)"
		fi
		if [ $seen = 0 ] && [ -n "$last" ] && guest_text "$domid" | grep -Eq -- "$last"; then
			seen=1
		fi
		st=$(state "$name")
		case $st in
		running | blocked | paused) ;;
		*) reason=state; break ;;
		esac
		[ -z "$scr" ] || [ $seen = 0 ] || screen_text "$domid" >"/tmp/$name.screen"
		# An expected crash/shutdown keeps waiting after the last line, for the state change.
		if [ $seen = 1 ] && [ "$want" = running ] &&
			{ [ -z "$sexp" ] || grep -Eq -- "$sexp" "/tmp/$name.serial" 2>/dev/null; } &&
			{ [ -z "$scr" ] || grep -Eq -- "$scr" "/tmp/$name.screen" 2>/dev/null; }; then
			reason=expected-lines
			break
		fi
		[ $(($(date +%s) - t0)) -ge "$tmo" ] && break
		sleep "$POLL"
	done
	# The guest may have printed its last line just before it crashed: look once more.
	if [ $seen = 0 ] && [ -n "$last" ] && guest_text "$domid" | grep -Eq -- "$last"; then
		seen=1
	fi
	# A guest that ran out of time: where each of its vCPUs is (rip, cr3, the registers), to tell a
	# guest that spins or waits from one that crawls; the host keeps these lines with its log.
	if [ "$reason" = timeout ]; then
		xl pause "$name" >/dev/null 2>&1
		v=0
		while [ $v -lt 128 ] && xenctx -a "$domid" $v >"/tmp/$name.ctx" 2>&1; do
			prefix "XENCTX vcpu$v" "$name" "/tmp/$name.ctx"
			v=$((v + 1))
		done
	fi
	report "END $name domid=$domid state=$st reason=$reason secs=$(($(date +%s) - t0)) ok=$seen"
	# Its vCPUs would keep dom0's (emulated) CPUs busy while it prints and destroys.
	[ -z "$sexp$scr" ] || xl pause "$name" >/dev/null 2>&1
	# The screen as it was at the end, row by row (even on a timeout: where it stopped).
	if [ -n "$scr" ]; then
		screen_text "$domid" >"/tmp/$name.screen"
		prefix SCREEN "$name" "/tmp/$name.screen"
	fi
	# COM1 in lines of at most 256 bytes: memtest86+ draws its screen with cursor moves and never
	# a newline, and one huge line would be cut by any Xen message printed in its middle.
	fold -b -w 256 "/tmp/$name.serial" >"/tmp/$name.serial.lines" 2>/dev/null
	prefix SERIAL "$name" "/tmp/$name.serial.lines"
	[ "$reason" = expected-lines ] || prefix QEMU-DM "$name" "/var/log/xen/qemu-dm-$name.log"
	xl destroy "$name" >/dev/null 2>&1
	if [ -n "$report_disk" ]; then
		# Destroyed first: qemu-xen (the qdisk backend) has then flushed and closed the file.
		if [ -b $RESULTS ] && dd if=$report_disk of=$RESULTS bs=1M seek=$((slot * SLOT_MB)) conv=notrunc,fsync 2>/dev/null; then
			report "REPORT $name slot=$slot mb=$SLOT_MB"
			slot=$((slot + 1))
		else
			report "REPORT $name slot=none"
		fi
		rm -f $report_disk
	fi
}

for cfg in /test/*.cfg; do
	[ -f "$cfg" ] && run_guest "$cfg"
done
report "ALL-DONE uptime=$(uptime_s)"
sync
# Xen then reboots the machine, and QEMU (run with -no-reboot) exits.
reboot -f
