#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The loaded-image size table of `make bench` (and `make bench-size`, which boots nothing): what
# each loader image costs a guest in memory, by section, against Debian's hvmloader.
#
# Usage: size.sh IMAGE...   (hvmchain images; hvmloader is added from the test rig's root file
#                           system in $HVMCHAIN_CACHE, else /usr/lib/xen-4.17/boot/hvmloader)
# Prints a Markdown table. Sizes are the ELF program headers' PT_LOAD sums, which is what Xen's
# domain builder populates and copies: the file size is what it copies, the memory size what
# the guest gives up while the loader runs (the rest is .bss, zeroed).
set -euo pipefail

cache=${HVMCHAIN_CACHE:-/var/cache/hvmchain}
hvmloader=
for f in "$cache/xen-rootfs/usr/lib/xen-4.17/boot/hvmloader" /usr/lib/xen-4.17/boot/hvmloader; do
	if [ -f "$f" ]; then
		hvmloader=$f
		break
	fi
done

# load_sizes IMAGE: "FILESZ MEMSZ", the PT_LOAD sums.
load_sizes() {
	local type filesz memsz f=0 m=0
	while read -r type _ _ _ filesz memsz _; do
		[ "$type" = LOAD ] || continue
		f=$((f + filesz)) m=$((m + memsz))
	done < <(LC_ALL=C readelf -lW "$1")
	echo "$f $m"
}

# section IMAGE NAME: its size in bytes (0 when the image has no such section).
section() {
	LC_ALL=C size -A "$1" | awk -v s="$2" '$1 == s { n = $2 } END { print n + 0 }'
}

# builtin IMAGE: the bytes of SeaBIOS the image carries (its seabios_builtin symbols), "-"
# when it has no such symbols (hvmloader, a stripped image).
builtin() {
	local start end
	start=$(LC_ALL=C nm "$1" 2>/dev/null | awk '$3 == "seabios_builtin" { print $1 }')
	end=$(LC_ALL=C nm "$1" 2>/dev/null | awk '$3 == "seabios_builtin_end" { print $1 }')
	if [ -n "$start" ] && [ -n "$end" ]; then
		echo $((16#$end - 16#$start))
	else
		echo -
	fi
}

ref=0
if [ -n "$hvmloader" ]; then
	read -r _ ref < <(load_sizes "$hvmloader")
fi

echo "Loaded image (ELF PT_LOAD sums and sections, bytes; \`make bench-size\` prints this without booting):"
echo
echo "| image | file | memory | memory / hvmloader's | built-in SeaBIOS | .text | .rodata | .data | .bss |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for img in "$@" $hvmloader; do
	if [ ! -f "$img" ]; then
		echo "size: $img: no such image" >&2
		exit 1
	fi
	read -r f m < <(load_sizes "$img")
	ratio=-
	[ "$ref" = 0 ] || ratio=$(awk -v m="$m" -v r="$ref" 'BEGIN { printf "%.2f", m / r }')
	echo "| $(basename "$img") | $f | $m | $ratio | $(builtin "$img") | $(section "$img" .text) |" \
		"$(section "$img" .rodata) | $(section "$img" .data) | $(section "$img" .bss) |"
done
echo
[ -n "$hvmloader" ] || echo "(Debian's hvmloader not found: no xen-rootfs in $cache and no Xen installed here.)"
echo "hvmloader's .data is mostly the three DSDTs it carries (132,786 bytes); hvmchain builds one"
echo "DSDT from ASL, in .rodata. A SeaBIOS built in (SEABIOS_BUILTIN=1) is in .rodata too; the APs'"
echo "stacks are not in the image (they run on the low scratch at 0x10000)."
