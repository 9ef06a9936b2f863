#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Smoke test for the SeaBIOS payload: boots it under plain QEMU (no Xen) to the BOOT-OK MBR.
#
# usage: smoke-test.sh BIOS DISK [NOMENU_BIOS]
#   -- prints "PASS name" or "FAIL name" per check; exit 1 on any FAIL.
# Under plain QEMU SeaBIOS takes its QEMU path, not the Xen one; this proves the image is
# a working BIOS (POST, IDE, INT 19h), while the Xen path is covered by the Xen tests.
# NOMENU_BIOS, the image built SEABIOS_BOOTMENU=n, is booted the same way. Plain QEMU has
# fw_cfg, so both boot with the menu asked for (-boot menu=on, 1 ms wait): BIOS must print
# the prompt, NOMENU_BIOS must not (CONFIG_BOOTMENU off) and must still boot.
# Helpers run through check() and the EXIT trap; shellcheck cannot see indirect calls.
# shellcheck disable=SC2317
set -euo pipefail

[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "usage: $0 BIOS DISK [NOMENU_BIOS]" >&2; exit 2; }
bios=$1
disk=$2
nomenu=${3:-}
debian_bios=/usr/share/seabios/bios.bin
boot_timeout=${SEABIOS_BOOT_TIMEOUT:-30}

failed=0
result() { # name, then the check's exit status
	if [ "$2" -eq 0 ]; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi
}
check() { # name, command...
	local name=$1 rc=0
	shift
	"$@" || rc=$?
	result "$name" "$rc"
}

has_xen_signature() { grep -aq XenHVMSeaBIOS "$1"; }
lacks_xen_signature() { [ -r "$1" ] && ! grep -aq XenHVMSeaBIOS "$1"; }
is_128k() { [ "$(stat -c %s "$1")" -eq 131072 ]; }

check seabios-size-128k is_128k "$bios"
check seabios-has-xen has_xen_signature "$bios"
if [ -n "$nomenu" ]; then
	check seabios-nomenu-size-128k is_128k "$nomenu"
	check seabios-nomenu-has-xen has_xen_signature "$nomenu"
fi
# Why we build our own: Debian's 128 KiB bios.bin is built with CONFIG_XEN=n.
check debian-128k-lacks-xen lacks_xen_signature "$debian_bios"

# Boot test. The MBR writes BOOT-OK to port 0xE9 (-debugcon) and then halts forever,
# so poll the log and stop QEMU as soon as it appears; `timeout` bounds a hang.
# SeaBIOS's own QEMU-path debug output goes to port 0x402; log it to check the banner.
tmp=$(mktemp -d)
qpid=
cleanup() {
	[ -z "$qpid" ] || kill "$qpid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# boot IMAGE DIR: boot it to the MBR, logs in DIR (qemu.out, seabios.log, e9.log).
boot() {
	mkdir -p "$2"
	timeout "$boot_timeout" qemu-system-x86_64 -accel tcg -m 128 \
		-bios "$1" -boot menu=on,splash-time=1 \
		-drive "file=$disk,format=raw,if=ide,snapshot=on" \
		-debugcon "file:$2/e9.log" \
		-chardev "file,id=seabios,path=$2/seabios.log" \
		-device isa-debugcon,iobase=0x402,chardev=seabios \
		-display none -no-reboot -nodefaults >"$2/qemu.out" 2>&1 &
	qpid=$!
	while kill -0 "$qpid" 2>/dev/null && ! grep -qs BOOT-OK "$2/e9.log"; do
		sleep 0.1
	done
	kill "$qpid" 2>/dev/null || true
	wait "$qpid" 2>/dev/null || true
	qpid=
}
prompt='Press ESC for boot menu'
# Only meaningful once it booted: a log that stopped early lacks the prompt too.
booted_without_prompt() { grep -qs BOOT-OK "$1/e9.log" && ! grep -qsF "$prompt" "$1/seabios.log"; }
show_logs() { # DIR: after a failure
	echo "--- QEMU output, port 0x402 (SeaBIOS) and port 0xE9 (MBR) logs:" >&2
	cat "$1/qemu.out" "$1/seabios.log" "$1/e9.log" >&2 2>/dev/null || true
}

if command -v qemu-system-x86_64 >/dev/null; then
	boot "$bios" "$tmp/menu"
	check boot-ok-from-mbr grep -qs BOOT-OK "$tmp/menu/e9.log"
	check banner-hvmchain grep -qs 'SeaBIOS (version .*-hvmchain)' "$tmp/menu/seabios.log"
	check boot-menu-prompt grep -qsF "$prompt" "$tmp/menu/seabios.log"
	[ "$failed" -eq 0 ] || show_logs "$tmp/menu"
	if [ -n "$nomenu" ]; then
		was=$failed failed=0
		boot "$nomenu" "$tmp/nomenu"
		check nomenu-boot-ok-from-mbr grep -qs BOOT-OK "$tmp/nomenu/e9.log"
		check nomenu-banner grep -qs 'SeaBIOS (version .*-hvmchain-nomenu)' "$tmp/nomenu/seabios.log"
		check nomenu-no-boot-menu-prompt booted_without_prompt "$tmp/nomenu"
		[ "$failed" -eq 0 ] || show_logs "$tmp/nomenu"
		failed=$((failed | was))
	fi
else
	echo "qemu-system-x86_64 not found: run scripts/deps.sh test" >&2
	result boot-ok-from-mbr 1
	result banner-hvmchain 1
fi

exit "$failed"
