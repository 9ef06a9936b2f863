#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# make lint: the layering, format and file rules the compiler cannot see (the style is the README's).
#
# The layers come from the build itself (make lint-layers prints loader.mk's source lists and
# folders), so a file moved or added is checked where the build puts it. Installs nothing:
# clang-format and shellcheck come from scripts/deps.sh lint (make check runs it).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
mapfile -t files < <(git ls-files 2>/dev/null || find . -type f -not -path './out/*' -not -path './.git/*')
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
# grep_l PATTERN FILES...: the files that match (none when no files are given).
grep_l() {
	local pat=$1
	shift
	[ $# -gt 0 ] && grep -lE -- "$pat" "$@"
}

mapfile -t src < <(printf '%s\n' "${files[@]}" | grep -E '\.(c|h|S)$')
mapfile -t prod < <(printf '%s\n' "${src[@]}" | grep -v '^tests/')

# The build's layers.
declare -A layer
while read -r name list; do
	layer[$name]=$list
done < <(make -s --no-print-directory lint-layers)
read -ra pure <<<"${layer[pure]:-}"
read -ra probe <<<"${layer[probe]:-}"
read -ra pure_dirs <<<"${layer[pure-dirs]:-}"
read -ra probe_dirs <<<"${layer[probe-dirs]:-}"
[ ${#pure[@]} -gt 0 ] && [ ${#pure_dirs[@]} -gt 0 ] || check layers-from-the-build "make lint-layers printed no layers"

# in_dirs FILE DIRS...: whether FILE lies in one of the folders.
in_dirs() {
	local f=$1 d
	shift
	for d in "$@"; do [[ $f == "$d"/* ]] && return 0; done
	return 1
}

# Folders carry the layers: every C file in a pure folder is built as pure code and every
# pure source lies in a pure folder (or is a payload's handoff code under payloads/); the
# same for the setup layer.
bad=()
for f in "${prod[@]}"; do
	[[ $f == *.c ]] || continue
	in_dirs "$f" "${pure_dirs[@]}" && [[ " ${pure[*]} " != *" $f "* ]] && bad+=("$f(in-pure-folder-not-built-pure)")
	in_dirs "$f" "${probe_dirs[@]}" && [[ " ${probe[*]} " != *" $f "* ]] && bad+=("$f(in-setup-folder-not-built-as-setup)")
done
for f in "${pure[@]}"; do
	in_dirs "$f" "${pure_dirs[@]}" payloads || bad+=("$f(pure-outside-pure-folders)")
done
for f in "${probe[@]}"; do
	in_dirs "$f" "${probe_dirs[@]}" || bad+=("$f(setup-outside-setup-folders)")
done
check folders-are-layers "${bad[@]}"

# Only loader/hw/ touches ports and MMIO: nothing else includes hw/io.h or writes in/out asm.
mapfile -t hits < <(grep_l '#include "hw/io\.h"|"(in|out)[bwl] ' "${src[@]}" | grep -v '^loader/hw/')
check hw-io-only-in-hw "${hits[@]}"

# Pure code touches no hardware and makes no hypercall: no loader/hw/ header and not the
# hypercall API (xen/info.h has the plain data), in the pure sources and their folders' headers.
mapfile -t pure_hdrs < <(printf '%s\n' "${prod[@]}" | grep '\.h$' | while read -r h; do
	in_dirs "$h" "${pure_dirs[@]}" && echo "$h"
done)
mapfile -t hits < <(grep_l '#include "(hw/|xen/hypercall\.h)' "${pure[@]}" "${pure_hdrs[@]}")
check builders-include-no-hw "${hits[@]}"

# Every hypercall is made in loader/xen/hypercall.c.
mapfile -t hits < <(grep_l '__HYPERVISOR_|hypercall_page' "${src[@]}" | grep -vE '^loader/xen/hypercall\.c$')
check hypercalls-in-one-file "${hits[@]}"

# One checksum helper (loader/lib/checksum.c), and one byte-sum oracle for the tests
# (tests/harness/): no other code negates a sum or adds bytes up, whatever the loop looks
# like (for or while, index or pointer): flagged is any += into a byte-sized variable, and
# any += of a byte read through a byte pointer or array (x += p[i]; x += *p++; casts).
bytesum=()
for f in "${src[@]}"; do
	case $f in loader/lib/checksum.c | tests/harness/*) continue ;; esac
	grep -qE '\(uint8_t\)\s*\(?\s*(0\s*)?-\s*\(?\s*sum|0 - sum' "$f" && bytesum+=("$f(negated-sum)")
	scalars=$(grep -oE '\buint8_t\s+[a-z_][a-z0-9_]*\s*(=[^;,]*)?;' "$f" | sed -E 's/uint8_t\s+([a-z0-9_]+).*/\1/' | sort -u)
	pointers=$(grep -oE '\b(uint8_t|unsigned char)\s*\*\s*[a-z_][a-z0-9_]*|\b(uint8_t|unsigned char)\s+[a-z_][a-z0-9_]*\s*\[' "$f" |
		sed -E 's/.*[* ]([a-z_][a-z0-9_]*)\s*\[?$/\1/' | sort -u)
	for v in $scalars; do
		grep -qE "\\b$v\\s*\\+=" "$f" && bytesum+=("$f($v)")
	done
	for v in $pointers; do
		grep -qE "\\+=\\s*(\\*\\s*$v\\+\\+|$v\\s*\\[\\s*[a-z_][a-z0-9_]*\\s*\\])\\s*;" "$f" && bytesum+=("$f(${v}[])")
	done
	grep -qE '\+=\s*\(\(\s*(const\s+)?(uint8_t|unsigned char)\s*\*\)' "$f" && bytesum+=("$f(cast)")
	# s = (uint8_t)(s + *p++), s = s + p[i]
	grep -qE '\b([a-z_][a-z0-9_]*)\s*=\s*(\(uint8_t\)\s*)?\(?\s*\1\s*\+\s*(\*\s*[a-z_]|[a-z_][a-z0-9_]*\s*\[\s*[a-z_][a-z0-9_]*\s*\]\s*\)?;)' "$f" &&
		bytesum+=("$f(s=s+)")
done
check one-checksum-helper "${bytesum[@]}"

# Every source and build file starts with an SPDX line (within its first two lines). Not the
# licence text, nor Debian files whose format has no room for a comment line.
spdx=()
for f in "${files[@]}"; do
	[[ $f =~ (^|/)(README|VERSION|COPYING)$|\.gitignore$|\.md$|^debian/(changelog|copyright|source/format)$ ]] && continue
	head -n 2 "$f" | grep -q 'SPDX-License-Identifier: GPL-2.0-only' || spdx+=("$f")
done
check spdx-first "${spdx[@]}"

# Xen's public headers come from the libxen-dev package, never from a copy in the tree.
mapfile -t hits < <(grep_l 'XEN_PUBLIC|__XEN_PUBLIC_' "${src[@]}" | grep -v '^loader/xen/abi\.h$')
check no-copied-xen-headers "${hits[@]}"

# Comments and scripts point inside the repository, not at a sibling checkout.
mapfile -t hits < <(grep_l '\.\./share''d/|/wor''k/' "${files[@]}")
check no-paths-outside-the-repo "${hits[@]}"

# clang-format (.clang-format) over every C file; shellcheck over every shell script.
mapfile -t cfiles < <(printf '%s\n' "${src[@]}" | grep -E '\.(c|h)$')
if command -v clang-format >/dev/null; then
	mapfile -t hits < <(for f in "${cfiles[@]}"; do
		clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"
	done)
	check clang-format "${hits[@]}"
else
	check clang-format "clang-format is not installed: run scripts/deps.sh lint"
fi
mapfile -t shells < <(for f in "${files[@]}"; do
	[[ $f == *.sh ]] && { echo "$f"; continue; }
	[ -f "$f" ] && head -n 1 "$f" | grep -qE '^#!.*\b(ba)?sh\b' && echo "$f"
done)
if command -v shellcheck >/dev/null; then
	mapfile -t hits < <(for f in "${shells[@]}"; do
		shellcheck -S warning -x "$f" >/dev/null 2>&1 || echo "$f"
	done)
	check shellcheck "${hits[@]}"
else
	check shellcheck "shellcheck is not installed: run scripts/deps.sh lint"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
