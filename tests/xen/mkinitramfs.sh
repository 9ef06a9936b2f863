#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build the dom0 toolstack initramfs (busybox, xl, xenstored, xenconsoled, qemu-xen, firmware, /init).
#
# Usage: mkinitramfs.sh ROOTFS OUT.cpio
# ROOTFS is the tree rootfs.sh unpacked. The result holds no test files: run.sh appends a
# second, small cpio with /test each run (the kernel unpacks concatenated newc archives in
# order), so this 40+ MB part is rebuilt only when its inputs change.
set -euo pipefail

ROOTFS=$(readlink -f "$1")
OUTCPIO=$2
HERE=$(dirname "$(readlink -f "$0")")
XENLIB=/usr/lib/xen-4.17

STAGE=$OUTCPIO.d
rm -rf "$STAGE"
mkdir -p "$STAGE"

# copy PATH: copy one file from the rootfs to the same path, following symlinks.
copy() {
	mkdir -p "$STAGE$(dirname "$1")"
	cp -L "$ROOTFS$1" "$STAGE$1"
}

# Shared libraries, resolved inside the rootfs with readelf (no chroot, no ldd): walk DT_NEEDED
# through the multiarch dirs that glibc searches by default. dpkg -x does not merge /usr, so
# both /lib and /usr/lib are looked at.
declare -A seen_lib=()
libdirs=(/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu)
copy_needed() {
	local lib dir found
	for lib in $(readelf -d "$ROOTFS$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		[ -n "${seen_lib[$lib]:-}" ] && continue
		seen_lib[$lib]=1
		found=
		for dir in "${libdirs[@]}"; do
			if [ -e "$ROOTFS$dir/$lib" ]; then found=$dir/$lib; break; fi
		done
		[ -n "$found" ] || { echo "mkinitramfs.sh: $lib (needed by $1) not in rootfs" >&2; exit 1; }
		copy "$found"
		copy_needed "$found"
	done
}

# Toolstack: xl drives libxl; xenstored/xenconsoled/xen-init-dom0 are what xencommons would
# start; libxl-save-helper is exec'd by libxl for some domain operations.
bins=(
	"$XENLIB/bin/xl" "$XENLIB/bin/xenstored" "$XENLIB/bin/xenconsoled" "$XENLIB/bin/xen-init-dom0"
	"$XENLIB/bin/libxl-save-helper" "$XENLIB/bin/xenctx"
	/usr/bin/xenstore
	/usr/libexec/xen-qemu-system-i386
)
for b in "${bins[@]}"; do
	copy "$b"
	copy_needed "$b"
done
copy /lib64/ld-linux-x86-64.so.2
# glibc dlopen()s libgcc_s for pthread_cancel (xl aborts without it) and ldd/readelf can't see that.
copy /lib/x86_64-linux-gnu/libgcc_s.so.1
# xenstore-utils is one multi-call binary; the tools are hard links to it in the deb.
for t in read write ls list rm exists chmod watch; do
	ln -sf xenstore "$STAGE/usr/bin/xenstore-$t"
done

# Busybox: the applet list comes from the static binary itself. It includes "busybox", which
# must be skipped or the link would replace the binary with a self-loop.
mkdir -p "$STAGE/bin"
cp "$ROOTFS/bin/busybox" "$STAGE/bin/busybox"
for a in $("$ROOTFS/bin/busybox" --list); do
	[ "$a" = busybox ] || ln -sf busybox "$STAGE/bin/$a"
done

# Firmware libxl passes by default: hvmloader (firmware dir) and SeaBIOS (the "firmware" module).
copy $XENLIB/boot/hvmloader
copy /usr/share/seabios/bios-256k.bin
# qemu-xen loads a VGA option ROM from its data dir; Debian points that dir at the seabios files.
mkdir -p "$STAGE/usr/share/qemu"
for r in vgabios-stdvga.bin vgabios-cirrus.bin; do
	copy /usr/share/seabios/$r
	ln -sf ../seabios/$r "$STAGE/usr/share/qemu/$r"
done
# libxl always passes "-k en-us" to qemu-xen, which aborts without the keymap file.
copy /usr/share/qemu/keymaps/en-us
copy /etc/xen/xl.conf

# Kernel modules the toolstack needs, with their dependencies first, in load order. The disks
# use backendtype=qdisk (qemu-xen serves them through gntdev), so no blkback and no hotplug scripts.
kver=$(ls "$ROOTFS/lib/modules")
[ "$(echo "$kver" | wc -w)" = 1 ] || { echo "mkinitramfs.sh: expected one kernel, got: $kver" >&2; exit 1; }
declare -A mod_path=() mod_done=()
while read -r p; do
	b=${p##*/} # pure bash: there are ~4000 modules, and a fork per module costs a minute
	b=${b%.ko}
	mod_path[${b//_/-}]=$p
done < <(cd "$ROOTFS" && find lib/modules/"$kver" -name '*.ko')
mkdir -p "$STAGE/lib/modules"
: >"$STAGE/lib/modules/load-order"
add_module() {
	local m=${1//_/-} dep
	[ -n "${mod_done[$m]:-}" ] && return
	[ -n "${mod_path[$m]:-}" ] || { echo "mkinitramfs.sh: module $m not found" >&2; exit 1; }
	# .modinfo holds "depends=a,b" among NUL-separated strings.
	for dep in $(tr '\0' '\n' <"$ROOTFS/${mod_path[$m]}" | sed -n 's/^depends=//p' | tr , ' '); do
		add_module "$dep"
	done
	cp "$ROOTFS/${mod_path[$m]}" "$STAGE/lib/modules/$m.ko"
	echo "$m" >>"$STAGE/lib/modules/load-order"
	mod_done[$m]=1
}
# virtio-blk: the host's results disk, where the guests' reports land.
for m in xen-evtchn xen-gntdev xen-gntalloc xen-privcmd xenfs virtio-pci virtio-blk; do
	add_module "$m"
done

mkdir -p "$STAGE"/{dev,proc,sys,run,tmp,root,test,etc} "$STAGE"/var/{log/xen/console,lib/xen,lib/xenstored}
ln -s ../run "$STAGE/var/run"
echo "root:x:0:0:root:/root:/bin/sh" >"$STAGE/etc/passwd"
echo "root:x:0:" >"$STAGE/etc/group"
install -m 0755 "$HERE/dom0-init.sh" "$STAGE/init"

# Uncompressed on purpose: under TCG, decompressing 40 MB in dom0 costs more than QEMU
# loading it from the host.
(cd "$STAGE" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) >"$OUTCPIO.tmp"
mv "$OUTCPIO.tmp" "$OUTCPIO"
rm -rf "$STAGE"
