/* SPDX-License-Identifier: GPL-2.0-only */
/* The APs' stack slots in the low scratch, and the paint that shows how deep each AP went. */
#include <string.h>
#include "ap_stack.h"

uint32_t ap_stack_base(uint32_t cpu)
{
	if (cpu == 0 || cpu >= PLATFORM_MAX_VCPUS)
		return 0;
	return LOW_SCRATCH_PHYS + cpu * AP_STACK_SIZE;
}

void ap_stack_paint(uint8_t *slot)
{
	memset(slot, AP_STACK_PAINT, AP_STACK_SIZE);
}

uint32_t ap_stack_used(const uint8_t *slot)
{
	uint32_t low = 0;

	/* Stacks grow down: the first changed byte from the bottom is the deepest write. */
	while (low < AP_STACK_SIZE && slot[low] == AP_STACK_PAINT)
		low++;
	return AP_STACK_SIZE - low;
}
