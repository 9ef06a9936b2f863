/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading MTRR capabilities and writing a planned MTRR state on the calling CPU. */
#ifndef HVMCHAIN_HW_MTRR_H
#define HVMCHAIN_HW_MTRR_H

#include <stdbool.h>
#include "mtrr_plan.h"

struct mtrr_caps {
	bool present;  /* CPUID.1:EDX.MTRR */
	bool wc;       /* MTRRcap.WC */
	uint32_t vcnt; /* variable ranges */
};

struct mtrr_caps mtrr_caps(void);

/* Writes s on this CPU: MTRRs off, fixed and variable ranges, then the default type. */
void mtrr_apply(const struct mtrr_state *s);

#endif
