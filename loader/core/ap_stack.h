/* SPDX-License-Identifier: GPL-2.0-only */
/* The APs' stacks: one slot per vCPU in the low scratch, painted before use and measured after. */
#ifndef HVMCHAIN_AP_STACK_H
#define HVMCHAIN_AP_STACK_H

#include <stdint.h>
#include "hvm_platform.h"
#include "platform.h"

/*
 * The APs run while the loader sets up the vCPUs and not after: each reports, then halts
 * without touching memory, and the BSP stops it (VCPUOP_down) before it builds anything
 * (loader/smp.c). So their stacks need no room in the loader image (128 vCPUs at 1 KiB
 * were 128 KiB of .bss); they are carved from the low scratch, which the payload's handoff
 * only writes at the very end (hvm_platform.h). hvmloader starts one AP at a time on one
 * 4 KiB .bss stack; we start them all at once, so each has its own slot.
 *
 * vCPU cpu's slot is [LOW_SCRATCH_PHYS + cpu * AP_STACK_SIZE, + AP_STACK_SIZE); the BSP's
 * (cpu 0) is no stack but holds the INIT-SIPI trampoline (smp.c), so PLATFORM_MAX_VCPUS
 * slots fill the scratch exactly.
 */
#define AP_STACK_SIZE (LOW_SCRATCH_SIZE / PLATFORM_MAX_VCPUS)

/* The bottom of a slot that must still hold the paint after its AP ran: the code an AP
 * runs (ap_entry.S, ap_main, cpuid, MTRR writes) needs well under a tenth of the slot. */
#define AP_STACK_GUARD 128u

/* The byte a slot is filled with before its AP starts. */
#define AP_STACK_PAINT 0xA5u

_Static_assert(AP_STACK_SIZE >= 512u, "an AP stack slot holds ap_main with room to spare");
_Static_assert(AP_STACK_SIZE % 16u == 0, "AP stacks stay 16-byte aligned");
_Static_assert(AP_STACK_GUARD < AP_STACK_SIZE / 2, "the guard leaves most of the slot usable");

/* The guest-physical base of vCPU cpu's slot; 0 for the BSP and for cpu >= PLATFORM_MAX_VCPUS. */
uint32_t ap_stack_base(uint32_t cpu);

/* Fills a slot (AP_STACK_SIZE bytes at slot) with AP_STACK_PAINT. */
void ap_stack_paint(uint8_t *slot);

/* How many bytes below the slot's top its AP wrote: the distance from the top down to the
 * lowest byte that no longer holds the paint (0 when the slot is untouched). */
uint32_t ap_stack_used(const uint8_t *slot);

/* Whether an AP that used that many bytes reached into the guard: its stack was too small. */
static inline int ap_stack_overran(uint32_t used)
{
	return used > AP_STACK_SIZE - AP_STACK_GUARD;
}

#endif
