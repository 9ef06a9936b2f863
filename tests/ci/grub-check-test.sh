#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of tests/xen/grub/check.py on a made-up guest log: a good one passes every check,
# and each single fault (a bad checksum, RAM GRUB may not use, a wrong UUID, no S5) fails its own.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
chk=$here/../xen/grub/check.py
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
passed=0 failed=0
verdict() { if [ "$2" = OK ]; then echo "PASS grub-check/$1"; passed=$((passed + 1)); else echo "FAIL grub-check/$1: $2"; failed=$((failed + 1)); fi; }
n=80-grub-hvmchain
uuid=c32e7a2a-ec70-11f1-acb1-bd5043137f3c
good() {
	echo "HVMCHAIN-TEST BEGIN $n domid=3 uuid=$uuid"
	printf '(d3) [  1.0] %s\n' 'HVM Loader (hvmchain 0.1.0)' 'E820 table:' \
		' [00]: 00000000:00000000 - 00000000:000a0000: RAM' ' HOLE: 00000000:000a0000 - 00000000:000f0000' \
		' [01]: 00000000:000f0000 - 00000000:00100000: RESERVED' ' [02]: 00000000:00100000 - 00000000:08000000: RAM' \
		' HOLE: 00000000:08000000 - 00000000:fc000000' ' [03]: 00000000:fc000000 - 00000000:fc00a000: NVS' \
		' [04]: 00000000:fc00a000 - 00000001:00000000: RESERVED'
	echo "HVMCHAIN-TEST END $n domid=3 state=poweroff reason=state secs=40 ok=1"
	while IFS= read -r l; do echo "HVMCHAIN-TEST SERIAL $n: $l"; done <<SER
$(printf '\033[H\033[J')GRUB-TEST BEGIN
GRUB-TEST LSMMAP
base_addr = 0x0, length = 0x9fc00, available RAM
base_addr = 0x9fc00, length = 0x400, reserved RAM
base_addr = 0xf0000, length = 0x10000, reserved RAM
base_addr = 0x100000, length = 0x7ee0000, available RAM
base_addr = 0x7fe0000, length = 0x20000, reserved RAM
base_addr = 0xfc000000, length = 0xa000, ACPI non-volatile storage RAM
base_addr = 0xfc00a000, length = 0x3fff6000, reserved RAM
GRUB-TEST LSACPI
RSDPv1 signature:RSD PTR  chksum:53 (valid), OEM-ID: Xen  rev=0
RSDT   52B rev=1 chksum=0xd4 (valid) OEM=Xen HVM
FACP  116B rev=1 chksum=0xe1 (valid) OEM=Xen HVM
APIC  120B rev=1 chksum=0x8a (valid) OEM=Xen HVM
RSDPv2 signature:RSD PTR  chksum:12 (valid), OEM-ID: Xen  rev=2 len=36 XSDT=fc00a0a0 chksum:34 (valid)
GRUB-TEST LSPCI
00:00.0 8086:1237 [0600] Host Bridge
00:01.0 8086:7000 [0601] ISA Bridge
00:02.0 5853:0001 [ff80] Unknown class
GRUB-TEST SMBIOS
GRUB-TEST smbios bios-vendor=Xen
GRUB-TEST smbios system-manufacturer=Xen
GRUB-TEST smbios system-product=HVM domU
GRUB-TEST smbios system-uuid=${uuid^^}
GRUB-TEST HALT
SER
}
# run CASE SED-EXPRESSION: the good log changed by SED; prints the checks that failed.
run() {
	good | sed "$2" >"$t/$1.log"
	"$chk" check "$n" "$t/$1.log" >"$t/$1.out" 2>&1
	grep -oE "^FAIL $n/[a-z0-9-]+" "$t/$1.out" | sed "s|^FAIL $n/||" | tr '\n' ' ' | sed 's/ $//'
}
got=$(run good '')
verdict good-passes "$([ -z "$got" ] && [ "$(grep -c '^PASS' "$t/good.out")" = 6 ] && echo OK || echo "failed: ${got:-?} $(head -3 "$t/good.out")")"
got=$(run bad-checksum 's/FACP  116B rev=1 chksum=0xe1 (valid)/FACP  116B rev=1 chksum=0xe1 (invalid)/')
verdict bad-checksum "$([ "$got" = acpi-checksums ] && echo OK || echo "failed: '$got'")"
got=$(run ram-outside 's/length = 0x7ee0000, available RAM/length = 0x9ee0000, available RAM/')
verdict ram-outside-e820 "$([ "$got" = e820 ] && echo OK || echo "failed: '$got'")"
got=$(run nvs-missing '/ACPI non-volatile storage RAM/d')
verdict nvs-missing "$([ "$got" = e820 ] && echo OK || echo "failed: '$got'")"
got=$(run wrong-uuid "s/system-uuid=.*/system-uuid=00000000-0000-0000-0000-000000000000/")
verdict wrong-uuid "$([ "$got" = smbios ] && echo OK || echo "failed: '$got'")"
got=$(run halt-returned 's/: GRUB-TEST HALT$/: GRUB-TEST HALT\nHVMCHAIN-TEST SERIAL '"$n"': GRUB-TEST HALT-RETURNED/')
verdict halt-returned "$([ "$got" = poweroff-s5 ] && echo OK || echo "failed: '$got'")"
got=$(run still-running 's/state=poweroff/state=running/')
verdict still-running "$([ "$got" = poweroff-s5 ] && echo OK || echo "failed: '$got'")"
got=$(run rsdp-v2-xsdt-only 's/: RSDPv1 .*/: No RSDPv1/; s/: RSDT /: XSDT /')
verdict rsdp-v2-and-xsdt-suffice "$([ -z "$got" ] && echo OK || echo "failed: '$got'")"
got=$(run bad-rsdp-ext 's/\(: RSDPv2 .*\) chksum:34 (valid)/\1 chksum:34 (invalid)/')
verdict bad-extended-rsdp-checksum "$([ "$got" = acpi-checksums ] && echo OK || echo "failed: '$got'")"
got=$(run no-platform-dev '/5853:0001/d')
verdict no-xen-platform-device "$([ "$got" = pci ] && echo OK || echo "failed: '$got'")"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
