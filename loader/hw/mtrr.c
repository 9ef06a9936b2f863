/* SPDX-License-Identifier: GPL-2.0-only */
/* MTRR MSR access (Intel SDM vol. 3A, 12.11). */
#include "hw/cpu.h"
#include "hw/mtrr.h"

struct mtrr_caps mtrr_caps(void)
{
	struct mtrr_caps c = { 0 };

	if (!(cpuid(1).edx & (1u << 12)))
		return c;
	uint64_t cap = rdmsr(MSR_MTRR_CAP);
	c.present = true;
	c.vcnt = (uint32_t)(cap & 0xFF);
	c.wc = (cap >> 10) & 1;
	return c;
}

void mtrr_apply(const struct mtrr_state *s)
{
	/* Disabled while they change, so no access sees a half-written set. */
	wrmsr(MSR_MTRR_DEF_TYPE, 0);
	for (int i = 0; i < MTRR_NR_FIXED; i++)
		wrmsr(mtrr_fixed_msr[i], s->fixed[i]);
	for (uint32_t i = 0; i < s->vcnt; i++) {
		wrmsr(0x200 + 2 * i, i < s->nr_var ? s->var_base[i] : 0);
		wrmsr(0x201 + 2 * i, i < s->nr_var ? s->var_mask[i] : 0);
	}
	wrmsr(MSR_MTRR_DEF_TYPE, s->def_type);
}
