#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Host test of tests/xen/ipxe/check.py on a made-up guest log: a good one passes every check,
# and each single fault (no script end, a missing function, a BAR iPXE reads otherwise) fails its own.
set -uo pipefail
here=$(dirname "$(readlink -f "$0")")
chk=$here/../xen/ipxe/check.py n=85-ipxe-hvmchain suite=ipxe-check
# shellcheck source=tests/ci/checker-lib.sh
. "$here/checker-lib.sh"
good() {
	echo "HVMCHAIN-TEST BEGIN $n domid=4 uuid=c32e7a2a-ec70-11f1-acb1-bd5043137f3c"
	printf '(d4) [  1.0] %s\n' 'HVM Loader (hvmchain 0.1.0)' \
		'pci dev 02:0 bar 14 size 001000000: 0f0000008' 'pci dev 03:0 bar 10 size 002000000: 0f2000008' \
		'pci dev 03:0 bar 14 size 000001000: 0f3000000' 'pci dev 02:0 bar 10 size 000000100: 00000c001' \
		'pci dev 01:1 bar 20 size 000000010: 00000c101'
	echo "HVMCHAIN-TEST END $n domid=4 state=running reason=expected-lines secs=40 ok=1"
	while IFS= read -r l; do echo "HVMCHAIN-TEST SCREEN $n: $l"; done <<'SCR'
 iPXE initialising devices...ok
 iPXE 1.0.0+git-20190125.36a4c85-5.1 -- Open Source Network Boot Firmware -- htt
p://ipxe.org
 Features: DNS HTTP iSCSI NFS TFTP SRP AoE ELF MBOOT PXE bzImage Menu PXEXT
 IPXE-TEST BEGIN
 P 00 12378086 06000002 00000000 00000000 00000000 00000000 00000000 00000000
 P 08 70008086 06010000 00000000 00000000 00000000 00000000 00000000 00000000
 P 09 70108086 01018000 00000000 00000000 00000000 00000000 0000c101 00000000
 P 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff
 P 11 71138086 06800003 00000000 00000000 00000000 00000000 00000000 00000000
 P 16 00015853 ff800001 0000c001 f0000008 00000000 00000000 00000000 00000000
 P 24 00b81013 03000000 f2000008 f3000000 00000000 00000000 00000000 00000000
 P 32 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff
 P 40 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff
 IPXE-TEST IFSTAT
 IPXE-TEST END
 iPXE>
SCR
}
got=$(run good '')
verdict good-passes "$([ -z "$got" ] && [ "$(grep -c '^PASS' "$t/good.out")" = 3 ] && echo OK || echo "failed: ${got:-?} $(head -3 "$t/good.out")")"
expect script-not-finished ipxe-ran "$(run no-end '/IPXE-TEST END/d')"
expect no-init ipxe-ran "$(run no-init 's/initialising devices...ok/initialising devices.../')"
expect no-ide-function pci-devices "$(run no-ide 's/ P 09 70108086/ P 09 ffffffff/')"
expect bar-differs pci-bars "$(run bar-moved 's/ P 24 00b81013 03000000 f2000008/ P 24 00b81013 03000000 e2000008/')"
expect no-bar-logged pci-bars "$(run no-bars '/pci dev /d')"
expect no-screen 'ipxe-ran pci-devices pci-bars' "$(run no-screen '/HVMCHAIN-TEST SCREEN/d')"
finish
