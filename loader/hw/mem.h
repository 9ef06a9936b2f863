/* SPDX-License-Identifier: GPL-2.0-only */
/* Guest-physical memory as the loader sees it: flat, identity-mapped, below 4 GiB. */
#ifndef HVMCHAIN_HW_MEM_H
#define HVMCHAIN_HW_MEM_H

#include <stdint.h>

/*
 * Paging is off and segments are flat, so a physical address below 4 GiB is a pointer.
 * This is the loader's one integer-to-pointer conversion for fixed addresses (the 0x1000
 * handoff block, the scratch area, module contents); builders get arenas instead.
 */
static inline void *phys_to_virt(uint32_t paddr)
{
	return (void *)(uintptr_t)paddr;
}

/* The loader's own image, from the linker script. */
extern char _image_start[], _image_end[];

#endif
