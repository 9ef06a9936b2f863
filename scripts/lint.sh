#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make lint: the layering and file rules the compiler cannot see (docs/style: ../shared/style.md).
set -uo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 2>/dev/null || find . -type f -not -path './out/*' -not -path './.git/*')
passed=0 failed=0
check() { # check NAME OFFENDERS...
	local name=$1
	shift
	if [ $# -eq 0 ] || [ -z "$*" ]; then
		echo "PASS lint-$name"
		passed=$((passed + 1))
	else
		echo "FAIL lint-$name: $*"
		failed=$((failed + 1))
	fi
}

src=$(grep -E '\.(c|h|S)$' <<<"$files")

# Only loader/hw/ touches ports and MMIO: nothing else includes hw/io.h or writes in/out asm.
check hw-io-only-in-hw $(grep -lE '#include "hw/io\.h"|"(in|out)[bwl] ' $src | grep -v '^loader/hw/')

# Table builders touch no hardware at all: no loader/hw/ header in acpi/, loader/tables/ or
# the pure parts of the loader and the SeaBIOS payload.
pure=$(grep -E '^(acpi|loader/tables)/|^loader/(arena|console|e820|start_info|hvm_info|xenstore|pci_plan|mtrr_plan)\.c$|^loader/lib/|^payloads/seabios/handoff\.c$' <<<"$src")
check builders-include-no-hw $(grep -l '#include "hw/' $pure)

# Every hypercall is made in loader/xen/hypercall.c.
check hypercalls-in-one-file $(grep -lE '__HYPERVISOR_|hypercall_page' $src | grep -vE '^loader/xen/hypercall\.c$')

# One checksum helper: nobody else computes "0 - sum".
check one-checksum-helper $(grep -lE '(uint8_t)\s*\(?-\s*sum|0 - sum' $(grep -vE '^tests/' <<<"$src") | grep -v '^loader/lib/checksum\.c$')

# Every source and build file starts with an SPDX line (within its first two lines). Not the
# licence text, nor Debian files whose format has no room for a comment line.
spdx=()
for f in $(grep -vE '(^|/)(README|VERSION|COPYING)$|\.gitignore$|\.md$|^debian/(changelog|copyright|source/format)$' <<<"$files"); do
	head -n 2 "$f" | grep -q 'SPDX-License-Identifier: GPL-2.0-only' || spdx+=("$f")
done
check spdx-first "${spdx[@]:-}"

# Xen's public headers come from the libxen-dev package, never from a copy in the tree.
check no-copied-xen-headers $(grep -lE 'XEN_PUBLIC|__XEN_PUBLIC_' $src | grep -v '^loader/xen/abi\.h$')

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
