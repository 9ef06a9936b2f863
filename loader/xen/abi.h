/* SPDX-License-Identifier: GPL-2.0-only */
/* The Xen public ABI hvmchain uses, from Debian's libxen-dev, with the layouts we rely on pinned. */
#ifndef HVMCHAIN_XEN_ABI_H
#define HVMCHAIN_XEN_ABI_H

/*
 * The public headers come from the installed package as system headers (-isystem: the
 * target reaches them through out/include/xen, a link to /usr/include/xen); the project's own
 * headers are only ever "quoted" (-iquote), so <xen/xen.h> cannot resolve to one of them.
 * The Makefile sets __XEN_INTERFACE_VERSION__ to the latest interface, as hvmloader is built.
 */
#include <stddef.h>
#include <stdint.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/memory.h>
#include <xen/sched.h>
#include <xen/arch-x86/hvm/start_info.h>

/* The domain builder's contract (start_info.h): layouts read across the 32/64-bit boundary. */
_Static_assert(sizeof(struct hvm_start_info) == 56, "hvm_start_info v1 is 56 bytes");
_Static_assert(offsetof(struct hvm_start_info, nr_modules) == 12, "nr_modules at 12");
_Static_assert(offsetof(struct hvm_start_info, modlist_paddr) == 16, "modlist_paddr at 16");
_Static_assert(offsetof(struct hvm_start_info, memmap_paddr) == 40, "memmap_paddr at 40");
_Static_assert(sizeof(struct hvm_modlist_entry) == 32, "hvm_modlist_entry is 32 bytes");
_Static_assert(offsetof(struct hvm_modlist_entry, cmdline_paddr) == 16, "module cmdline at 16");

#endif
