/* SPDX-License-Identifier: GPL-2.0-only */
/* MTRR planning: fixed ranges, default type, and UC variable ranges over the PCI windows. */
#include <string.h>
#include "mtrr_plan.h"

/* fix64K_00000, fix16K_80000, fix16K_A0000, fix4K_C0000 .. fix4K_F8000. */
const uint32_t mtrr_fixed_msr[MTRR_NR_FIXED] = {
	0x250, 0x258, 0x259, 0x268, 0x269, 0x26A, 0x26B, 0x26C, 0x26D, 0x26E, 0x26F,
};

/* Eight one-byte type fields per fixed-range MSR. */
static uint64_t all(uint8_t type)
{
	return 0x0101010101010101ull * type;
}

/* The largest power of two that both aligns start and fits in len. */
static uint64_t block(uint64_t start, uint64_t len)
{
	uint64_t b = start ? start & -start : (uint64_t)1 << 63;

	while (b > len)
		b >>= 1;
	return b;
}

uint32_t mtrr_plan(struct mtrr_state *s, uint32_t vcnt, bool has_wc, uint32_t phys_bits, const struct mtrr_range *uc,
		   uint32_t nr_uc)
{
	uint32_t missing = 0;
	uint64_t addr_mask = ((uint64_t)1 << (phys_bits >= 36 && phys_bits <= 52 ? phys_bits : 36)) - 1;

	memset(s, 0, sizeof(*s));
	s->vcnt = vcnt < MTRR_MAX_VAR ? vcnt : MTRR_MAX_VAR;
	for (int i = 0; i < MTRR_NR_FIXED; i++)
		s->fixed[i] = all(MTRR_WB);
	/* The legacy VGA framebuffer: write-combining helps text and VESA output. */
	if (has_wc)
		s->fixed[2] = all(MTRR_WC);
	s->def_type = MTRR_DEF_ENABLE | MTRR_DEF_FIXED_ENABLE | MTRR_WB;

	for (uint32_t r = 0; r < nr_uc; r++) {
		uint64_t at = uc[r].start & ~0xFFFull, end = uc[r].end;

		while (at < end) {
			uint64_t b = block(at, end - at);

			if (s->nr_var < s->vcnt) {
				s->var_base[s->nr_var] = at | MTRR_UC;
				s->var_mask[s->nr_var] = (~(b - 1) & addr_mask) | MTRR_VALID;
				s->nr_var++;
			} else {
				missing++;
			}
			at += b;
		}
	}
	return missing;
}
