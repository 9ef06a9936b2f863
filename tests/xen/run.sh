#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Boot Debian's Xen 4.17 under QEMU TCG with a busybox dom0 that runs the guests in tests/xen/guests.
#
# Usage: run.sh [--loader FILE] [--bios128 FILE] [--disk FILE] [--show-log] [NAME...]
#   NAME       guest cfg names (tests/xen/guests/NAME.cfg), in order; default: all of them
#   --loader   the hvmchain ELF, /test/hvmchain in dom0   (env HVMCHAIN_LOADER, default $OUT/hvmchain)
#   --bios128  the 128 KiB SeaBIOS, /test/bios-xen-128k.bin (env HVMCHAIN_BIOS128,
#              default $OUT/seabios/bios-xen-128k.bin)
#   --disk     the BOOT-OK disk image, /test/disk.img     (default $OUT/tests/disk.img)
#   --show-log print each guest's log before its verdict (make demo)
# Env: GUESTS (the cfg folder; default tests/xen/guests), OUT (out), HVMCHAIN_CACHE (/var/cache/hvmchain), XEN_SMP (2), XEN_MEM (1024, MiB),
#      XEN_TIMEOUT (overall QEMU limit, s; default from the guests' #timeout), V=1 streams the console.
# Results: $OUT/xen/serial.log (whole console), $OUT/xen/NAME.log, "N passed, N failed", exit 1 on failure.
set -euo pipefail

HERE=$(dirname "$(readlink -f "$0")")
# Another set of guest cfgs (make bench uses its own): GUESTS=dir.
GUESTS=$(readlink -f "${GUESTS:-$HERE/guests}")
OUT=${OUT:-out}
loader=${HVMCHAIN_LOADER:-$OUT/hvmchain}
bios128=${HVMCHAIN_BIOS128:-$OUT/seabios/bios-xen-128k.bin}
disk=$OUT/tests/disk.img
show_log=
names=()
while [ $# -gt 0 ]; do
	case $1 in
	--loader) loader=$2; shift 2 ;;
	--bios128) bios128=$2; shift 2 ;;
	--disk) disk=$2; shift 2 ;;
	--show-log) show_log=--show-log; shift ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) names+=("$1"); shift ;;
	esac
done
if [ ${#names[@]} = 0 ]; then
	for c in "$GUESTS"/*.cfg; do names+=("$(basename "$c" .cfg)"); done
fi
for f in "$loader" "$bios128" "$disk"; do
	[ -f "$f" ] || { echo "run.sh: missing $f" >&2; exit 1; }
done

say() { printf '  %-7s %s\n' "$1" "$2"; }
W=$OUT/xen
mkdir -p "$W"

rootfs=$("$HERE/rootfs.sh")

# Toolstack initramfs: rebuilt only when the rootfs or the scripts that shape it change.
key=$(cat "$rootfs/.hvmchain-packages" "$rootfs/.hvmchain-versions" "$HERE/mkinitramfs.sh" "$HERE/dom0-init.sh" |
	sha256sum | cut -d' ' -f1)
if [ "$(cat "$W/dom0-base.key" 2>/dev/null)" != "$key" ] || [ ! -f "$W/dom0-base.cpio" ] || [ ! -f "$W/xen.elf" ]; then
	say CPIO "$W/dom0-base.cpio"
	"$HERE/mkinitramfs.sh" "$rootfs" "$W/dom0-base.cpio"
	# QEMU's multiboot loader takes the 32-bit ELF, not Debian's gzipped file.
	zcat "$rootfs"/boot/xen-4.17-amd64.gz >"$W/xen.elf"
	echo "$key" >"$W/dom0-base.key"
fi
vmlinuz=$(ls "$rootfs"/boot/vmlinuz-*)

# /test: the selected cfgs (+ hooks) and the files they name. Debian's hvmloader and SeaBIOS
# come from the base part; everything under test comes from this run.
T=$W/test
rm -rf "$T"
mkdir -p "$T"
total_tmo=0
for n in "${names[@]}"; do
	cfg=$GUESTS/$n.cfg
	[ -f "$cfg" ] || { echo "run.sh: no guest $cfg" >&2; exit 1; }
	cp "$cfg" "$T/"
	[ ! -f "$GUESTS/$n.pre-unpause.sh" ] || cp "$GUESTS/$n.pre-unpause.sh" "$T/"
	t=$(sed -n 's/^#timeout: *//p' "$cfg" | tail -n 1)
	total_tmo=$((total_tmo + ${t:-60} + 15))
done
cp "$loader" "$T/hvmchain"
cp "$bios128" "$T/bios-xen-128k.bin"
cp "$disk" "$T/disk.img"
# Not a SeaBIOS image: 100 bytes of text, for the rejection test.
for _ in 1 2 3 4 5; do printf 'NOT-A-SEABIOS-IMAGE\n'; done >"$T/bad-100.bin"
(cd "$W" && find test | LC_ALL=C sort | cpio -o -H newc --quiet) >"$W/test.cpio"
# Linux unpacks concatenated newc archives one after the other into the same rootfs.
cat "$W/dom0-base.cpio" "$W/test.cpio" >"$W/dom0.cpio"

# Xen: guest_loglvl=all puts the guests' port-0xE9 lines on the console; one dom0 vCPU leaves
# the other emulated CPU to the guest (two dom0 vCPUs made guests twice as slow).
# Dom0: unknown k=v words reach /init as environment; panic=5 turns a dom0 panic into a reboot.
xen_cmdline="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all console_timestamps=boot"
xen_cmdline+=" dom0_mem=512M,max:512M dom0_max_vcpus=1"
dom0_cmdline="console=hvc0 earlyprintk=xen quiet loglevel=4 panic=5 rdinit=/init"
# Boot to dom0 takes ~10 s; allow for a loaded host on top of every guest's own limit.
overall=${XEN_TIMEOUT:-$((120 + total_tmo))}

say XEN "${names[*]} (QEMU TCG, limit ${overall}s)"
start=$(date +%s)
set +e
# -no-reboot: dom0's "reboot -f" and a Xen panic (which reboots) both end QEMU.
timeout --kill-after=10 "$overall" qemu-system-x86_64 \
	-accel tcg -cpu qemu64,+svm,+npt -smp "${XEN_SMP:-2}" -m "${XEN_MEM:-1024}" \
	-display none -monitor none -no-reboot -nodefaults -serial stdio \
	-kernel "$W/xen.elf" -append "$xen_cmdline" \
	-initrd "$vmlinuz $dom0_cmdline,$W/dom0.cpio" </dev/null 2>&1 |
	tr -d '\r' | tee "$W/serial.log" |
	if [ "${V:-0}" = 1 ]; then cat; else
		grep --line-buffered -aoE 'HVMCHAIN-TEST (DOM0-UP|END) .*' | sed -u 's/^HVMCHAIN-TEST /  ... /'
	fi
rc=${PIPESTATUS[0]}
set -e
secs=$(($(date +%s) - start))
case $rc in
0) say XEN "QEMU exited after ${secs}s" ;;
124 | 137) say XEN "QEMU killed by the ${overall}s overall timeout" ;;
*) say XEN "QEMU failed (exit $rc) after ${secs}s" ;;
esac
grep -aq 'Panic on CPU' "$W/serial.log" && say XEN "Xen panicked: see $W/serial.log"

"$HERE/check.sh" $show_log "$W/serial.log" "$GUESTS" "$W" "${names[@]}"
