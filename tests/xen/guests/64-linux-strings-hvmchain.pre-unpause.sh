#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Writes SMBIOS strings under bios-strings/ while the guest is paused: the only way on Xen 4.17 (xl ignores smbios=[...]).
# The host checks them in the guest's /sys/class/dmi/id and type 11 (tests/xen/linux/report.py, STRINGS).
set -eu
d=/local/domain/$DOMID/bios-strings
xenstore-write $d/bios-vendor "HVMCHAIN-TEST Vendor" $d/bios-version "9.8.7-test" \
	$d/system-manufacturer "Test Maker Ltd" $d/system-product-name "Matrix Box" \
	$d/system-version "rev 42" $d/system-serial-number "SN-0001-XYZ" \
	$d/oem-1 "hvmchain oem one" $d/oem-2 "hvmchain oem two"
xenstore-ls $d
