#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of tests/xen/grub/check.py on a made-up guest log: a good one passes every check,
# and each single fault (a bad checksum, RAM GRUB may not use, a wrong UUID, no S5) fails its own.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
chk=$here/../xen/grub/check.py n=80-grub-hvmchain suite=grub-check
# shellcheck source=tests/ci/checker-lib.sh
. "$here/checker-lib.sh"
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
got=$(run good '')
verdict good-passes "$([ -z "$got" ] && [ "$(grep -c '^PASS' "$t/good.out")" = 6 ] && echo OK || echo "failed: ${got:-?} $(head -3 "$t/good.out")")"
expect bad-checksum acpi-checksums "$(run bad-checksum 's/FACP  116B rev=1 chksum=0xe1 (valid)/FACP  116B rev=1 chksum=0xe1 (invalid)/')"
expect ram-outside-e820 e820 "$(run ram-outside 's/length = 0x7ee0000, available RAM/length = 0x9ee0000, available RAM/')"
expect nvs-missing e820 "$(run nvs-missing '/ACPI non-volatile storage RAM/d')"
expect wrong-uuid smbios "$(run wrong-uuid "s/system-uuid=.*/system-uuid=00000000-0000-0000-0000-000000000000/")"
expect halt-returned poweroff-s5 "$(run halt-returned 's/: GRUB-TEST HALT$/: GRUB-TEST HALT\nHVMCHAIN-TEST SERIAL '"$n"': GRUB-TEST HALT-RETURNED/')"
expect still-running poweroff-s5 "$(run still-running 's/state=poweroff/state=running/')"
expect rsdp-v2-and-xsdt-suffice '' "$(run rsdp-v2-xsdt-only 's/: RSDPv1 .*/: No RSDPv1/; s/: RSDT /: XSDT /')"
expect bad-extended-rsdp-checksum acpi-checksums "$(run bad-rsdp-ext 's/\(: RSDPv2 .*\) chksum:34 (valid)/\1 chksum:34 (invalid)/')"
expect no-xen-platform-device pci "$(run no-platform-dev '/5853:0001/d')"
# 8 MiB of RAM kept by the firmware: more than SeaBIOS ever keeps.
expect bios-8m-kept e820 "$(run carve-8m 's/base_addr = 0x100000, length = 0x7ee0000, available RAM/base_addr = 0x100000, length = 0x76e0000, available RAM/')"
# The UEFI guest (its cfg says bios="ovmf"): OVMF may keep 2 MiB, and need not list the loader's
# NVS tables area (it installs copies of the tables); 8 MiB kept is too much even so.
n=81-grub-ovmf-hvmchain
expect uefi-good-passes '' "$(run uefi-good '')"
expect uefi-2m-kept '' "$(run uefi-carve-2m 's/base_addr = 0x100000, length = 0x7ee0000, available RAM/base_addr = 0x100000, length = 0x7ce0000, available RAM/')"
expect uefi-nvs-not-listed '' "$(run uefi-nvs-missing '/ACPI non-volatile storage RAM/d')"
expect uefi-8m-kept e820 "$(run uefi-carve-8m 's/base_addr = 0x100000, length = 0x7ee0000, available RAM/base_addr = 0x100000, length = 0x76e0000, available RAM/')"
expect uefi-ram-outside-e820 e820 "$(run uefi-ram-outside 's/length = 0x7ee0000, available RAM/length = 0x9ee0000, available RAM/')"
finish
