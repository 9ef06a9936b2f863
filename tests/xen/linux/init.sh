#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# /init of the Linux guest (busybox sh): record what the firmware built into a tar on the report disk, then power off.
#
# The report goes to the xen-blkfront disk xvde (dom0 hands it to the host after the guest
# stops). The console (earlyprintk=xen: port 0xE9, the guest's "(dN)" lines on Xen's console)
# only gets a few "GUEST:" progress lines, the drivers' info lines and the poweroff path's.
# No "set -e": an early exit panics the kernel; whatever happens we want to reach poweroff.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# Through the kernel log at notice level, so the lines reach the 0xE9 console (and the report).
say() { echo "<5>GUEST: $*" >/dev/kmsg; }
# From here on info lines reach the console too: blkfront's, and "ACPI: PM: Preparing to enter
# system sleep state S5", which shows that poweroff went through ACPI.
dmesg -n 7
say "init up, $(cut -d' ' -f1 /proc/uptime)s"

R=/tmp/r
mkdir -p $R/pci $R/acpi $R/dmi/id
# Raw kernel log: the "<N>" prefixes keep each line's level, so the host can pick warnings.
dmesg -r >$R/dmesg-early.txt

# blkfront is a module: the report disk only appears once it is loaded and the backend connects.
for m in $(cat /lib/modules/load-order); do
	insmod /lib/modules/$m.ko || say "insmod $m failed"
done
i=0
while [ ! -b /dev/xvde ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done

# CPU hot-plug (maxvcpus > vcpus): the host's hook watches for these GUEST lines and runs
# xl vcpu-set up, then down. Linux makes the new CPU's device from the hot-plug GPE's Notify
# (the DSDT's handler reading qemu-xen's map at 0xAF00); nothing here onlines it but this
# script, as udev would. It waits up to 240 s (of uptime: a busybox sleep can take far longer
# than asked under nested emulation) for the vCPU, then 30 s for the unplug; if the CPU is still
# there it offlines it itself, so the report shows vcpus= online again. $R/hotplug records each step.
cpus() { cat /sys/devices/system/cpu/$1 2>/dev/null; }
up() { cut -d. -f1 /proc/uptime; }
# wait_until SECONDS TEST...: poll TEST until it succeeds or SECONDS of uptime pass.
wait_until() {
	end=$(($(up) + $1))
	shift
	until "$@"; do
		[ "$(up)" -lt $end ] || return 1
		sleep 1
	done
}
if [ "$(cpus possible)" != "$(cpus present)" ]; then
	say "hotplug: waiting for a vCPU (possible $(cpus possible), present $(cpus present))"
	echo "start possible=$(cpus possible) present=$(cpus present)" >$R/hotplug
	if wait_until 240 test -f /sys/devices/system/cpu/cpu1/online; then
		echo 1 >/sys/devices/system/cpu/cpu1/online
		echo "added present=$(cpus present) online=$(cpus online)" >>$R/hotplug
		say "hotplug: cpu1 online (present $(cpus present), online $(cpus online))"
		wait_until 30 test ! -e /sys/devices/system/cpu/cpu1
		echo "after-down present=$(cpus present) online=$(cpus online)" >>$R/hotplug
		if [ -f /sys/devices/system/cpu/cpu1/online ]; then
			echo 0 >/sys/devices/system/cpu/cpu1/online
			echo "offlined present=$(cpus present) online=$(cpus online)" >>$R/hotplug
		fi
		say "hotplug: done (present $(cpus present), online $(cpus online))"
	else
		say "hotplug: no cpu1 appeared"
	fi
fi

cp /proc/cmdline /proc/iomem /proc/ioports /proc/mtrr /proc/cpuinfo $R/
cp /proc/interrupts /proc/uptime $R/
cat /sys/devices/system/cpu/online >$R/cpus-online
sed -n 's/^apicid[[:space:]]*: *//p' /proc/cpuinfo >$R/apicids
cat /sys/devices/system/clocksource/clocksource0/available_clocksource >$R/clocksources 2>/dev/null
# NUMA nodes as Linux took them from SRAT/SLIT: "nodeN cpus=LIST distance=D..." per node.
for n in /sys/devices/system/node/node*; do
	[ -d "$n" ] && echo "${n##*/} cpus=$(cat $n/cpulist) distance=$(cat $n/distance)"
done >$R/numa
# /sys/firmware/memmap is the e820 map as the kernel took it from the firmware.
for d in /sys/firmware/memmap/*; do
	[ -d "$d" ] && echo "$(cat $d/start) $(cat $d/end) $(cat $d/type)"
done >$R/memmap

for d in /sys/bus/pci/devices/*; do
	[ -d "$d" ] || continue
	o=$R/pci/${d##*/}
	mkdir -p $o
	for f in vendor device subsystem_vendor subsystem_device class irq resource; do
		cat $d/$f >$o/$f 2>/dev/null
	done
	[ -L $d/driver ] && basename "$(readlink $d/driver)" >$o/driver
done

# The devices Linux made from the ACPI namespace ("HID:instance"): a device that an SSDT alone
# defines shows that Linux loaded that table's AML, not only found it in the XSDT.
ls /sys/bus/acpi/devices >$R/acpi-devices 2>/dev/null
# Exact bytes of every ACPI table (dynamic/ holds tables loaded at run time, if any).
cp -r /sys/firmware/acpi/tables/. $R/acpi/ 2>/dev/null
cp /sys/firmware/dmi/tables/smbios_entry_point /sys/firmware/dmi/tables/DMI $R/dmi/ 2>/dev/null
for f in /sys/class/dmi/id/*; do
	[ -f "$f" ] && cat "$f" >$R/dmi/id/${f##*/} 2>/dev/null
done

dmesg -r >$R/dmesg.txt
if [ -b /dev/xvde ]; then
	# Through /tmp and dd: a tar stream straight onto the device would leave its end in the page cache.
	(cd $R && tar -cf /tmp/report.tar .)
	dd if=/tmp/report.tar of=/dev/xvde bs=65536 conv=fsync 2>/dev/null && say "report written, $(wc -c </tmp/report.tar) bytes"
	sync
else
	say "no report disk xvde"
fi
say "power off, $(cut -d' ' -f1 /proc/uptime)s"
# -f: straight to reboot(2); the kernel still goes through ACPI S5 (or the platform's poweroff).
poweroff -f
