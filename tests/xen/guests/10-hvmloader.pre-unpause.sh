#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Pre-unpause hook smoke test: runs in dom0 (busybox sh) with DOMID set while the guest is still paused.
# hvmloader ignores this key; the point is that the hook path (xenstore-write under the guest's
# own /local/domain/$DOMID) works, so tests that pass settings to the loader this way can rely on it.
set -eu
key=/local/domain/$DOMID/hvmchain-test/hook
xenstore-write "$key" "ran-before-unpause"
echo "$key = $(xenstore-read "$key")"
