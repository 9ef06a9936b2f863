#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Checks out/hvmchain is what libxc loads as HVM firmware: ELF32 i386 EXEC, entry 1 MiB, no notes.
set -euo pipefail
elf=$1
hdr=$(LC_ALL=C readelf -h "$elf")
fail() { echo "check-elf: $elf: $*" >&2; exit 1; }
grep -q 'Class: *ELF32' <<<"$hdr" || fail "not ELF32"
grep -q 'Machine: *Intel 80386' <<<"$hdr" || fail "not i386"
grep -q 'Type: *EXEC' <<<"$hdr" || fail "not an executable (ET_EXEC)"
grep -q 'Entry point address: *0x100000$' <<<"$hdr" || fail "entry is not 0x100000"
# libxc's elf_xen_parse would succeed on Xen notes and treat the image as a PV/PVH kernel.
[ -z "$(LC_ALL=C readelf -n "$elf")" ] || fail "has ELF notes"
