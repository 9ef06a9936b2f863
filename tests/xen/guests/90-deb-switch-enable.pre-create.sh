#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# dom0: switch libxl's default hvmloader to the packaged hvmchain, as an admin would.
set -e
export PATH=/test/bin:$PATH LD_LIBRARY_PATH=/test/lib
hvmchain-switch enable
hvmchain-switch status | grep -q '^enabled: /usr/lib/xen-4.17/boot/hvmloader -> /usr/lib/hvmchain/hvmchain'
ls -l /usr/lib/xen-4.17/boot/
