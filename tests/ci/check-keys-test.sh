#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of tests/xen/check.sh's #reject and #expect-e820-ram keys on made-up serial logs.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0 failed=0
mkdir -p "$t/g" "$t/logs"

# guest NAME MEMORY KEYS...: a cfg with the given memory= and comment keys.
guest() {
	local name=$1 mem=$2
	shift 2
	{
		echo 'type="hvm"'
		echo "memory=$mem"
		echo '#expect-state: poweroff'
		echo '#expect-in-order: ^E820 table:'
		printf '%s\n' "$@"
	} >"$t/g/$name.cfg"
}

# log NAME HIGH_END EXTRA_LINE: a serial log with hvmchain's e820 dump, low RAM to 0x07800000
# and, when HIGH_END (as the dump writes it, HI:LO) is set, RAM from 4 GiB to it.
log() {
	{
		echo "HVMCHAIN-TEST BEGIN $1 domid=3 uuid=x"
		echo '(d3) [    1.000000] E820 table:'
		echo '(d3) [    1.000001]  [00]: 00000000:00000000 - 00000000:000a0000: RAM'
		echo '(d3) [    1.000002]  HOLE: 00000000:000a0000 - 00000000:000c0000'
		echo '(d3) [    1.000003]  [01]: 00000000:000c0000 - 00000000:00100000: RESERVED'
		echo '(d3) [    1.000004]  [02]: 00000000:00100000 - 00000000:07800000: RAM'
		echo '(d3) [    1.000005]  [03]: 00000000:fc000000 - 00000000:fc004000: NVS'
		[ -z "$2" ] || echo "(d3) [    1.000006]  [04]: 00000001:00000000 - $2: RAM"
		echo '(d3) [    1.000007] Invoking SeaBIOS ...'
		[ -z "$3" ] || echo "(d3) [    1.000008] $3"
		echo "HVMCHAIN-TEST END $1 domid=3 state=poweroff reason=state secs=1 ok=1"
	} >"$t/$1.serial"
}

# expect NAME PASS|FAIL [TEXT]: check.sh's verdict on NAME, and TEXT in its output.
expect() {
	local out
	out=$("$here/../xen/check.sh" "$t/$1.serial" "$t/g" "$t/logs" "$1" 2>&1)
	if grep -q "^$2 $1" <<<"$out" && { [ -z "${3:-}" ] || grep -qF "$3" <<<"$out"; }; then
		echo "PASS check-keys/$1"
		passed=$((passed + 1))
	else
		echo "FAIL check-keys/$1: wanted $2${3:+ with \"$3\"}, got:"
		while IFS= read -r l; do echo "    $l"; done <<<"$out"
		failed=$((failed + 1))
	fi
}

# 128 MiB less 8 MiB of video RAM less 384 KiB: RAM to 0x07800000, as guest 50 really shows.
guest ram-exact 128 '#expect-e820-ram: memory'
log ram-exact '' ''
expect ram-exact PASS 'e820 RAM 122496 KiB'
# One page more memory than the map holds.
guest ram-short 128 '#expect-e820-ram: memory'
sed -i 's/^memory=128/memory=128\nvideoram=7/' "$t/g/ram-short.cfg"
log ram-short '' ''
expect ram-short FAIL 'the domain has 126484480'
# Above 4 GiB: 6136 MiB less 384 KiB in all, 0x077A0000 of it low, so 0x178000000 bytes high,
# up to 0x278000000; then one page more.
guest ram-high 6144 '#expect-e820-ram: memory'
log ram-high 00000002:78000000 ''
expect ram-high PASS
log ram-high-off 00000002:78001000 ''
guest ram-high-off 6144 '#expect-e820-ram: memory'
expect ram-high-off FAIL 'e820 RAM is'
# #reject: a matching line fails the guest, no match passes.
guest reject-hit 128 '#reject: Copying ACPI RSDP'
log reject-hit '' 'Copying ACPI RSDP from 0xfc002e60 to 0x000f5ae0'
expect reject-hit FAIL 'rejected line seen: /Copying ACPI RSDP/'
guest reject-miss 128 '#reject: Copying ACPI RSDP'
log reject-miss '' 'Copying MPTABLE from 0xfc0002f0/fc000300 to 0x000f5b50'
expect reject-miss PASS

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
