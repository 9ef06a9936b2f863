#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# dom0: switch on (unless guest 90 already did in this dom0: guests may run in different QEMU
# instances), then take the switch back out; Xen's hvmloader must be a plain file at its path again.
set -e
export PATH=/test/bin:$PATH LD_LIBRARY_PATH=/test/lib
hvmchain-switch status | grep -q '^enabled:' || hvmchain-switch enable
[ "$(readlink /usr/lib/xen-4.17/boot/hvmloader)" = /usr/lib/hvmchain/hvmchain ]
hvmchain-switch disable
hvmchain-switch status | grep -q '^disabled:'
[ -f /usr/lib/xen-4.17/boot/hvmloader ] && [ ! -L /usr/lib/xen-4.17/boot/hvmloader ]
[ ! -e /usr/lib/xen-4.17/boot/hvmloader.distrib ]
