#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Writes hostile values for the keys hvmchain reads while the guest is paused (45-hvmchain-bad-xenstore.cfg).
set -eu
d=/local/domain/$DOMID
# Nearly 4 KiB: xenstored takes at most 4096 bytes of path and value together.
v=x
while [ ${#v} -lt 2048 ]; do v=$v$v; done
# 2048 + 1950 bytes, built with POSIX expansions only (dom0 runs busybox sh).
tail=$v
while [ ${#tail} -gt 1950 ]; do tail=${tail%x}; done
v=$v$tail
esc=$(printf '1\033[2J\001')
# "--": a value starting with "-" is not an option.
xenstore-write -- "$d"/platform/acpi_s3 "$v" "$d"/platform/acpi_s4 2 \
	"$d"/hvmloader/pci/xen-platform-pci-bar-uc "$esc" \
	"$d"/platform/mmio_hole_size 18446744073709551616 \
	"$d"/hvmloader/smbios/default_battery -1 \
	"$d"/platform/generation-id 18446744073709551616:1
xenstore-rm "$d"/hvmloader/allow-memory-relocate 2>/dev/null || true
# 200 keys of 16-byte names: a listing of about 3.2 KiB, over hvmchain's 2 KiB buffer and
# under xenstored's 4 KiB payload limit (past it the daemon refuses the listing: E2BIG).
set --
i=0
while [ $i -lt 200 ]; do
	set -- "$@" "$d/bios-strings/filler-key-$((1000 + i))" "filler $i"
	i=$((i + 1))
done
xenstore-write -- "$@" "$d"/bios-strings/bios-vendor "$(printf 'Vendor\twith\001controls')"
