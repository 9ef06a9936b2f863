#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# CPU hot-plug while the guest runs: xl vcpu-set up when its init asks for a vCPU, down once it has it online.
# Left running in the background: it follows the guest's "GUEST: hotplug:" lines (tests/xen/linux/init.sh)
# in Xen's console log, and writes what it did to dom0's console as this hook's output lines (HOOK-OUT).
set -u
log=/var/log/xen/console/hypervisor.log
say() { echo "HVMCHAIN-TEST HOOK-OUT $NAME: $*" >/dev/console; }
# wait_line ERE: up to 300 s for a console line of this guest matching ERE.
wait_line() {
	i=0
	while [ $i -lt 150 ]; do
		grep -q "^(d$DOMID) .*GUEST: $1" "$log" 2>/dev/null && return 0
		sleep 2
		i=$((i + 1))
	done
	say "hotplug hook: no '$1' line in 300 s"
	return 1
}
# --ignore-host: the emulated machine has one CPU, and xl will not otherwise give a domain more
# vCPUs than the host has CPUs ("You are overcommmitting!").
(
	wait_line "hotplug: waiting for a vCPU" || exit 0
	out=$(xl vcpu-set --ignore-host "$DOMID" 2 2>&1)
	say "hotplug hook: xl vcpu-set $DOMID 2: rc=$? $out"
	wait_line "hotplug: cpu1 online" || exit 0
	out=$(xl vcpu-set --ignore-host "$DOMID" 1 2>&1)
	say "hotplug hook: xl vcpu-set $DOMID 1: rc=$? $out"
) </dev/null >/dev/null 2>&1 &
echo "hotplug hook: watching d$DOMID in the background"
