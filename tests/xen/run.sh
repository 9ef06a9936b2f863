#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Boot Debian's Xen 4.17 under QEMU TCG with a busybox dom0 that runs the guests in tests/xen/guests.
#
# Usage: run.sh [--loader FILE] [--bios128 FILE] [--disk FILE] [--ovmf FILE] [--extra FILE]... [--show-log] [NAME...]
#   NAME       guest cfg names (tests/xen/guests/NAME.cfg), in order; default: all of them
#   --loader   the hvmchain ELF, /test/hvmchain in dom0   (env HVMCHAIN_LOADER, default $OUT/hvmchain)
#   --bios128  the 128 KiB SeaBIOS, /test/bios-xen-128k.bin (env HVMCHAIN_BIOS128,
#              default $OUT/seabios/bios-xen-128k.bin)
#   --disk     the BOOT-OK disk image, /test/disk.img     (default $OUT/tests/disk.img)
#   --ovmf     OvmfXen, /test/ovmf-xen.fd, needed only by guests naming it (default $OUT/ovmf/ovmf-xen.fd)
#   --extra    one more file for the guests, /test/BASENAME (make bench: the no-menu SeaBIOS)
#   --show-log print each guest's log before its verdict (make demo)
# Env: GUESTS (the cfg folder; default tests/xen/guests), OUT (out), HVMCHAIN_CACHE (/var/cache/hvmchain),
#      XEN_SMP (emulated CPUs per QEMU; default 2 for one instance, 1 each for several),
#      XEN_MEM (MiB; default 1152, more when a guest has more than 256 MiB), XEN_JOBS (QEMU instances
#      side by side, default 2: the guests are split between them), XEN_TIMEOUT (overall QEMU
#      limit, s; default from the guests' #timeout), V=1 streams the console,
#      HVMCHAIN_GUEST_ARGS (extra kernel words for the Linux guest CDs, see linux/build-iso.sh),
#      HVMCHAIN_QEMU (the QEMU that runs Xen; default: see "Which QEMU" below).
# Results: $OUT/xen/serial.log (whole console; with several instances $OUT/xen/sN/serial.log each),
# $OUT/xen/NAME.log, Linux guests' reports in $OUT/xen/report/NAME and comparison pages in
# $OUT/xen/compare/, "N passed, N failed", exit 1 on failure.
set -euo pipefail

HERE=$(dirname "$(readlink -f "$0")")
# Another set of guest cfgs (make bench uses its own): GUESTS=dir.
GUESTS=$(readlink -f "${GUESTS:-$HERE/guests}")
OUT=${OUT:-out}
loader=${HVMCHAIN_LOADER:-$OUT/hvmchain}
bios128=${HVMCHAIN_BIOS128:-$OUT/seabios/bios-xen-128k.bin}
disk=$OUT/tests/disk.img
ovmf=$OUT/ovmf/ovmf-xen.fd
show_log=
names=() extras=()
while [ $# -gt 0 ]; do
	case $1 in
	--loader) loader=$2; shift 2 ;;
	--bios128) bios128=$2; shift 2 ;;
	--disk) disk=$2; shift 2 ;;
	--ovmf) ovmf=$2; shift 2 ;;
	--extra) extras+=("$2"); shift 2 ;;
	--show-log) show_log=--show-log; shift ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) names+=("$1"); shift ;;
	esac
done
if [ ${#names[@]} = 0 ]; then
	for c in "$GUESTS"/*.cfg; do names+=("$(basename "$c" .cfg)"); done
fi
for f in "$loader" "$bios128" "$disk" ${extras[@]+"${extras[@]}"}; do
	[ -f "$f" ] || { echo "run.sh: missing $f" >&2; exit 1; }
done
for n in "${names[@]}"; do
	! grep -qs '/test/ovmf-xen.fd' "$GUESTS/$n.cfg" || [ -f "$ovmf" ] ||
		{ echo "run.sh: guest $n needs OvmfXen, missing $ovmf (make ovmf-xen)" >&2; exit 1; }
done

# Which QEMU: Debian's QEMU 7.2 aborts when a nested UEFI guest writes CR8 (qemu/cr8-virq-lock.patch),
# so a run with a guest marked "#qemu: patched" uses the rig's patched build of the same QEMU for
# its instance (qemu/build.sh: built once, cached; minutes the first time). Runs without one
# (make demo, make bench, the BIOS guests on their own) keep Debian's binary and never wait for it.
# pick_qemu NAME...: the QEMU for one instance running these guests, into $qemu and $qemu_args.
pick_qemu() {
	local n
	qemu=${HVMCHAIN_QEMU:-}
	if [ -z "$qemu" ]; then
		qemu="qemu-system-x86_64"
		for n in "$@"; do
			if grep -qsx '#qemu: patched' "$GUESTS/$n.cfg"; then
				qemu=$("$HERE/qemu/build.sh")
				break
			fi
		done
	fi
	# The patched build has no ROM directory of its own: Debian's qemu-system-data, seabios and ipxe hold them.
	qemu_args=()
	[ "$qemu" = qemu-system-x86_64 ] || qemu_args=(-L /usr/share/qemu -L /usr/share/seabios -L /usr/lib/ipxe/qemu)
}
# Built before anything boots, so a build failure stops the run early.
pick_qemu "${names[@]}"

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

# The Linux guest CDs (linux/build-iso.sh), rebuilt when the kernel or the guest scripts change.
linux=0
for n in "${names[@]}"; do
	! grep -qs 'target=/test/linux' "$GUESTS/$n.cfg" || linux=1
done
if [ $linux = 1 ]; then
	key=$( (cat "$rootfs/.hvmchain-versions" "$HERE/linux/build-iso.sh" "$HERE/linux/init.sh"
		echo "${HVMCHAIN_GUEST_ARGS:-}") | sha256sum | cut -d' ' -f1)
	if [ "$(cat "$W/linux-iso.key" 2>/dev/null)" != "$key" ] || [ ! -f "$W/linux.iso" ]; then
		say ISO "$W/linux*.iso"
		"$HERE/linux/build-iso.sh" "$rootfs" "$W"
		echo "$key" >"$W/linux-iso.key"
	fi
fi

# cfg_timeout NAME: the guest's #timeout (dom0's default 60).
cfg_timeout() {
	local t
	t=$(sed -n 's/^#timeout: *//p' "$GUESTS/$1.cfg" | tail -n 1)
	echo "${t:-60}"
}
for n in "${names[@]}"; do
	[ -f "$GUESTS/$n.cfg" ] || { echo "run.sh: no guest $GUESTS/$n.cfg" >&2; exit 1; }
done
# Other guest images built on the host from Debian packages: a cfg's "#image: X" makes
# $HERE/X/build.sh build $W/X.iso or $W/X.img (cached there, like the Linux CDs), copied into /test.
for img in $(for n in "${names[@]}"; do sed -n 's/^#image: *//p' "$GUESTS/$n.cfg"; done | sort -u); do
	"$HERE/$img/build.sh" "$W"
done

# Shards: XEN_JOBS QEMU instances side by side. Longest guests first, each to the least loaded
# instance; each instance runs its guests in name order. Side by side, each gets one emulated CPU:
# two 2-CPU instances on two host cores made a Linux guest's CD boot (thousands of I/O round trips
# between the guest and qemu-xen in dom0, each waiting for the other emulated CPU's host thread)
# about four times slower and it timed out; one CPU each runs both at nearly full speed.
# The UEFI guests too: a 2-CPU instance of their own ended many of their runs in a nested-SVM
# triple fault (tests/xen/README.md), and on one emulated CPU each boots in under a minute. One
# instance alone has the machine to itself: two emulated CPUs.
jobs=${XEN_JOBS:-2}
[ "$jobs" -le ${#names[@]} ] || jobs=${#names[@]}
[ "$jobs" -ge 1 ] || jobs=1
smp=${XEN_SMP:-$((jobs > 1 ? 1 : 2))}
declare -a load shard_names
for ((i = 0; i < jobs; i++)); do load[i]=0 shard_names[i]=; done
while read -r t n; do
	best=0
	for ((i = 1; i < jobs; i++)); do [ "${load[i]}" -ge "${load[best]}" ] || best=$i; done
	load[best]=$((load[best] + t))
	shard_names[best]+=" $n"
done < <(for n in "${names[@]}"; do echo "$(cfg_timeout "$n") $n"; done | sort -k1,1nr -k2)

rm -rf "$W/report" "$W/compare" "$W"/s[0-9]*
mkdir -p "$W/report"

# watchdog DIR: ends the QEMU instance whose console is DIR/serial.log once that log has stayed the
# same size for longer than the running guest's own time limit plus 120 s, or than 420 s (300 s
# outside a guest), whichever is shorter. dom0 prints an ALIVE line every 30 s while a guest runs
# and ends every guest at its limit, so a longer silence is the emulated machine itself stopped:
# on 2026-11-30 a QEMU instance spun at 100% of a host core for 18 minutes with Xen, dom0 and the
# guest (62-linux-acpi-off-hvmloader, after blkfront) all silent; on 2026-12-01 CI lost 22 minutes
# to one behind a UEFI guest with a 1200 s limit, before the heartbeat. Without this, it waits
# for the overall limit, the sum of all its guests' limits. It leaves the silence in
# DIR/watchdog-fired for boot()'s closing line, which retry.sh reads.
watchdog() {
	local D=$1 last=-1 size quiet=0 cur limit
	while sleep 10; do
		size=$(stat -c %s "$D/serial.log" 2>/dev/null || echo 0)
		if [ "$size" != "$last" ]; then
			last=$size quiet=0
			continue
		fi
		quiet=$((quiet + 10))
		cur=$(grep -aoE 'HVMCHAIN-TEST (BEGIN|END) [^ ]+' "$D/serial.log" | tail -n 1)
		case $cur in
		*BEGIN*)
			limit=$(($(cfg_timeout "${cur##* }") + 120))
			[ "$limit" -le 420 ] || limit=420
			;;
		*) limit=300 ;;
		esac
		if [ $quiet -ge $limit ]; then
			echo "$quiet" >"$D/watchdog-fired"
			# The instance's own initramfs is in its command line, and in no other instance's; KILL
			# also ends a QEMU that is stopped (SIGSTOP), which TERM would not.
			pkill -KILL -f -- "$D/dom0.cpio"
			return
		fi
	done
}

# boot DIR NAME...: one QEMU instance running these guests; its console in DIR/serial.log.
boot() {
	local D=$1 T=$1/test n cfg m
	shift
	local total_tmo=0 max_mem=0 reports=0
	# /test: the selected cfgs (+ hooks) and the files they name. Debian's hvmloader and SeaBIOS
	# come from the base part; everything under test comes from this run.
	rm -rf "$T" "${D:?}/usr"
	mkdir -p "$T"
	for n in "$@"; do
		cfg=$GUESTS/$n.cfg
		cp "$cfg" "$T/"
		[ ! -f "$GUESTS/$n.pre-unpause.sh" ] || cp "$GUESTS/$n.pre-unpause.sh" "$T/"
		[ ! -f "$GUESTS/$n.pre-create.sh" ] || cp "$GUESTS/$n.pre-create.sh" "$T/"
		total_tmo=$((total_tmo + $(cfg_timeout "$n") + 15))
		m=$(sed -n 's/^memory *= *\([0-9]*\).*/\1/p' "$cfg" | tail -n 1)
		[ "${m:-0}" -le "$max_mem" ] || max_mem=$m
		! grep -q 'target=/tmp/report.img' "$cfg" || reports=$((reports + 1))
		# Only the images this cfg names: each travels in dom0's RAM-backed initramfs.
		for m in $(sed -n 's|.*target=/test/\(linux[^,"]*\.iso\).*|\1|p' "$cfg"); do
			cp -n "$W/$m" "$T/"
		done
		! grep -q 'target=/test/linux-esp.img' "$cfg" || cp -n "$W/linux-esp.img" "$T/"
		! grep -q '/test/ovmf-xen.fd' "$cfg" || cp -n "$ovmf" "$T/ovmf-xen.fd"
		# bios="ovmf" without an override: libxl loads Debian's OVMF.fd from this path (the ovmf
		# package on the host is the same Debian build).
		if grep -q '/usr/share/ovmf/OVMF.fd' "$cfg" ||
			{ grep -q '^bios *= *"ovmf"' "$cfg" && ! grep -q '^bios_path_override' "$cfg"; }; then
			mkdir -p "$D/usr/share/ovmf"
			cp /usr/share/ovmf/OVMF.fd "$D/usr/share/ovmf/"
		fi
		# acpi_firmware: a valid SSDT, compiled from its source here (no AML in the tree).
		! grep -q '/test/ssdt-corners.aml' "$cfg" || [ -f "$T/ssdt-corners.aml" ] ||
			iasl -p "$T/ssdt-corners" "$HERE/ssdt-corners.asl" >/dev/null
		# A CD (X.iso) or, for the UEFI guests, a disk with an EFI system partition (X.img).
		m=$(sed -n 's/^#image: *//p' "$cfg" | tail -n 1)
		for f in ${m:+"$W/$m.iso" "$W/$m.img"}; do [ ! -f "$f" ] || cp -n "$f" "$T/"; done
	done
	# dom0 copies each guest's report disk into a 4 MiB slot of this one (see dom0-init.sh).
	rm -f "$D/results.img"
	truncate -s $(((reports > 0 ? reports : 1) * 4))M "$D/results.img"
	cp "$loader" "$T/hvmchain"
	cp "$bios128" "$T/bios-xen-128k.bin"
	cp "$disk" "$T/disk.img"
	for f in ${extras[@]+"${extras[@]}"}; do cp "$f" "$T/"; done
	# Not a SeaBIOS image: 100 bytes of text, for the rejection test.
	for _ in 1 2 3 4 5; do printf 'NOT-A-SEABIOS-IMAGE\n'; done >"$T/bad-100.bin"
	# More payloads that are not SeaBIOS: 2 bytes, and 128 KiB of 'G' (right size, no reset vector).
	# (An empty one never reaches the loader: libxl refuses an empty BIOS file.)
	printf '\xea\x5b' >"$T/bad-2.bin"
	head -c 131072 /dev/zero | tr '\0' G >"$T/bad-128k.bin"
	# acpi_firmware: one SSDT header claiming 1 GiB (0x40000000) in a 36-byte blob.
	printf 'SSDT\0\0\0\x40\x02\0HVMCHNBIGTABLE\1\0\0\0INTL\1\0\0\0' >"$T/acpi-1g.bin"
	# smbios_firmware: 512 bytes of text, so the first length word reads 0x42524147.
	for _ in $(seq 64); do printf 'GARBAGE!'; done >"$T/smbios-garbage.bin"
	# Debian's 128 KiB SeaBIOS, built without Xen support (the seabios package is a build
	# dependency): an admin's likely mistake, which hvmchain must refuse by name.
	cp /usr/share/seabios/bios.bin "$T/debian-bios.bin"
	# smbios_firmware blob ([u32 length][structure] records): a good vendor type 200 (handle 0xC800,
	# clear of hvmchain's own) carrying the string HVMCHAIN-BLOB-GOOD (32 bytes with its length), then at offset 32 a type 201 whose
	# header claims 16 formatted bytes in a 6-byte record.
	printf '\x1c\0\0\0\xc8\x08\0\xc8\x01\0\0\0HVMCHAIN-BLOB-GOOD\0\0\x06\0\0\0\xc9\x10\0\0\xaa\xbb' >"$T/smbios-blob.bin"
	# Guests marked "#needs: deb" get the files of the Debian package (make deb) at their
	# installed paths, and dpkg-divert with an empty diversions database, for hvmchain-switch.
	local deb_root='' deb='' needs_deb=0
	for n in "$@"; do
		! grep -q '^#needs: deb' "$GUESTS/$n.cfg" || needs_deb=1
	done
	if [ $needs_deb = 1 ]; then
		deb=${HVMCHAIN_DEB:-$(ls "$OUT"/deb/hvmchain_*_amd64.deb 2>/dev/null | tail -n 1)}
		if [ ! -f "$deb" ]; then
			echo "run.sh: a selected guest needs the Debian package: run 'make deb' first (or set HVMCHAIN_DEB)" >&2
			exit 1
		fi
		deb_root=$D/deb-root
		rm -rf "$deb_root"
		dpkg-deb -x "$deb" "$deb_root"
		mkdir -p "$deb_root/var/lib/dpkg" "$T/bin" "$T/lib"
		: >"$deb_root/var/lib/dpkg/diversions"
		# The host is Debian 12 like dom0: its dpkg-divert and libmd run there as they are.
		cp /usr/bin/dpkg-divert "$T/bin/"
		cp -L /lib/x86_64-linux-gnu/libmd.so.0 "$T/lib/"
	fi
	# Debian's OVMF.fd for bios="ovmf" guests lands at its own path (usr/), beside /test.
	local tops=(test)
	[ ! -d "$D/usr" ] || tops+=(usr)
	(cd "$D" && find "${tops[@]}" | LC_ALL=C sort | cpio -o -H newc --quiet) >"$D/test.cpio"
	[ -z "$deb_root" ] || (cd "$deb_root" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet) >>"$D/test.cpio"
	# Linux unpacks concatenated newc archives one after the other into the same rootfs.
	cat "$W/dom0-base.cpio" "$D/test.cpio" >"$D/dom0.cpio"
	rm -rf "$T" "${D:?}/usr" "$D/test.cpio" "$D/deb-root"

	# Xen: guest_loglvl=all puts the guests' port-0xE9 lines on the console; one dom0 vCPU leaves
	# the other emulated CPU to the guest (two dom0 vCPUs made guests twice as slow).
	# Dom0: unknown k=v words reach /init as environment; panic=5 turns a dom0 panic into a reboot.
	local xen_cmdline="console=com1 com1=115200,8n1 loglvl=all guest_loglvl=all console_timestamps=boot"
	# dom0's initramfs (its tools, plus /test: the Linux images, the 48 MiB ESP, OVMF.fd, the .deb)
	# unpacks into a tmpfs capped at half the RAM left beside the initrd itself: with 512 MiB that
	# was about 160 MiB, and one instance's set overflowed it ("Initramfs unpacking failed: write
	# error", the files sorted last, OVMF.fd and the .deb's, cut short). 640 MiB: about 225 MiB.
	local dom0_mb=640
	xen_cmdline+=" dom0_mem=${dom0_mb}M,max:${dom0_mb}M dom0_max_vcpus=1"
	local dom0_cmdline="console=hvc0 earlyprintk=xen quiet loglevel=4 panic=5 rdinit=/init"
	# Boot to dom0 takes ~10 s; allow for a loaded host on top of every guest's own limit.
	local overall=${XEN_TIMEOUT:-$((120 + total_tmo))}
	# Xen needs room beside dom0 for the largest guest: 512 MiB fits guests up to 256 MiB.
	local mem=${XEN_MEM:-$((dom0_mb + (max_mem > 256 ? max_mem + 512 : 512)))}
	local tag=${D#"$W"}
	tag=${tag#/}

	local qemu qemu_args
	pick_qemu "$@"
	say XEN "${tag:+[$tag] }$* (QEMU TCG${qemu_args:+ patched}, -smp $smp, limit ${overall}s)"
	local start rc secs
	start=$(date +%s)
	rm -f "$D/watchdog-fired"
	watchdog "$D" &
	local wd=$!
	set +e
	# -no-reboot: dom0's "reboot -f" and a Xen panic (which reboots) both end QEMU.
	timeout --kill-after=10 "$overall" "$qemu" "${qemu_args[@]}" \
		-accel tcg -cpu qemu64,+svm,+npt -smp "$smp" -m "$mem" \
		-display none -monitor none -no-reboot -nodefaults -serial stdio \
		-kernel "$W/xen.elf" -append "$xen_cmdline" \
		-initrd "$vmlinuz $dom0_cmdline,$D/dom0.cpio" \
		-drive file="$D/results.img",format=raw,if=virtio </dev/null 2>&1 |
		# Line-buffered: a plain tr into a pipe holds 4 KiB, so serial.log and the END lines
		# trailed a quiet guest by minutes.
		stdbuf -oL tr -d '\r' | tee "$D/serial.log" |
		if [ "${V:-0}" = 1 ]; then cat; else
			grep --line-buffered -aoE 'HVMCHAIN-TEST (DOM0-UP|END) .*' | sed -u "s/^HVMCHAIN-TEST /  ... ${tag:+[$tag] }/"
		fi
	rc=${PIPESTATUS[0]}
	kill "$wd" 2>/dev/null
	wait "$wd" 2>/dev/null
	set -e
	secs=$(($(date +%s) - start))
	if [ -f "$D/watchdog-fired" ]; then
		say XEN "${tag:+[$tag] }QEMU killed by the watchdog after ${secs}s: its console was silent for $(cat "$D/watchdog-fired")s, past the running guest's limit"
	else
		case $rc in
		0) say XEN "${tag:+[$tag] }QEMU exited after ${secs}s" ;;
		124 | 137) say XEN "${tag:+[$tag] }QEMU killed by the ${overall}s overall timeout" ;;
		*) say XEN "${tag:+[$tag] }QEMU failed (exit $rc) after ${secs}s" ;;
		esac
	fi
	! grep -aq 'Panic on CPU' "$D/serial.log" || say XEN "Xen panicked: see $D/serial.log"
	# The dom0 kernel's own line: it unpacks what fits and boots on, and a guest later fails on a
	# cut-short file with a message that points elsewhere.
	! grep -aq 'Initramfs unpacking failed' "$D/serial.log" ||
		say XEN "${tag:+[$tag] }dom0's initramfs did not fit its tmpfs: the files last in it are missing or cut short (dom0_mb in run.sh)"

	# Each "REPORT NAME slot=N mb=M" line: a tar (the guest's report) at N*M MiB of the results disk.
	# No REPORT line (boot-sector guests only) is fine: grep's status must not end the run.
	{ grep -aoE 'HVMCHAIN-TEST REPORT [^ ]+ slot=[0-9]+ mb=[0-9]+' "$D/serial.log" || true; } |
		while read -r _ _ n slot mb; do
			slot=${slot#slot=} mb=${mb#mb=}
			mkdir -p "$W/report/$n"
			# Through a file: tar stops reading at the archive's end, and a pipe would fail dd.
			dd if="$D/results.img" of="$W/report/$n.tar" bs=1M skip=$((slot * mb)) count="$mb" status=none
			tar -xf "$W/report/$n.tar" -C "$W/report/$n" 2>/dev/null || say REPORT "$n: slot $slot holds no readable tar"
			rm -f "$W/report/$n.tar"
		done
	rm -f "$D/dom0.cpio" "$D/results.img"
}

start=$(date +%s)
if [ "$jobs" = 1 ]; then
	boot "$W" "${names[@]}"
	logs=$W/serial.log
else
	pids=() logs=
	for ((i = 0; i < jobs; i++)); do
		mkdir -p "$W/s$i"
		# shellcheck disable=SC2086 # the shard's names are words
		boot "$W/s$i" ${shard_names[i]} &
		pids+=($!)
		logs+=${logs:+:}$W/s$i/serial.log
	done
	for p in "${pids[@]}"; do wait "$p" || true; done
	# One file for people; check.sh reads each instance's log (domids repeat across instances).
	for ((i = 0; i < jobs; i++)); do echo "=== QEMU instance s$i ==="; cat "$W/s$i/serial.log"; done >"$W/serial.log"
	say XEN "$jobs instances done after $(($(date +%s) - start))s"
fi

"$HERE/check.sh" $show_log "$logs" "$GUESTS" "$W" "${names[@]}"
