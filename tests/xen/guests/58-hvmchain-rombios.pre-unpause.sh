#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Runs in dom0 before unpause: ask for ROMBIOS, which hvmchain does not provide (nor Debian's hvmloader).
set -eu
xenstore-write "/local/domain/$DOMID/hvmloader/bios" rombios
echo "hvmloader/bios = $(xenstore-read "/local/domain/$DOMID/hvmloader/bios")"
