/* SPDX-License-Identifier: GPL-2.0-only */
/* Bringing up every vCPU once: each reports its APIC ID and programs its own MTRRs. */
#ifndef HVMCHAIN_SMP_H
#define HVMCHAIN_SMP_H

#include "mtrr_plan.h"
#include "platform.h"

/*
 * Programs the BSP's MTRRs, starts all other vCPUs at once (VCPUOP_initialise/up in flat
 * 32-bit mode, as newer hvmloader does; Xen 4.17's still sends INIT-SIPI-SIPI), then those Xen will not
 * start that way (from vCPU 32 on) one by one with INIT-SIPI-SIPI; waits for each to report,
 * then stops them (VCPUOP_down) for the OS to start. Fills p->vcpus.apic_id.
 */
void smp_setup(struct platform *p, const struct mtrr_state *mtrr);

#endif
