/* SPDX-License-Identifier: GPL-2.0-only */
/* The MTRR values every vCPU gets: computed once, purely, then written on each CPU. */
#ifndef HVMCHAIN_MTRR_PLAN_H
#define HVMCHAIN_MTRR_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#define MTRR_MAX_VAR 16
#define MTRR_NR_FIXED 11

/* Memory types (Intel SDM vol. 3A, 12.11.1). */
#define MTRR_UC 0
#define MTRR_WC 1
#define MTRR_WB 6

/* MSRs (Intel SDM vol. 3A, 12.11.2). */
#define MSR_MTRR_CAP 0xFE
#define MSR_MTRR_DEF_TYPE 0x2FF
#define MTRR_DEF_ENABLE (1u << 11)
#define MTRR_DEF_FIXED_ENABLE (1u << 10)
#define MTRR_VALID (1u << 11)

struct mtrr_state {
	uint64_t def_type;
	uint64_t fixed[MTRR_NR_FIXED]; /* in the order of mtrr_fixed_msr[] */
	uint32_t nr_var;               /* variable pairs in use */
	uint32_t vcnt;                 /* pairs the CPU has */
	uint64_t var_base[MTRR_MAX_VAR], var_mask[MTRR_MAX_VAR];
};

extern const uint32_t mtrr_fixed_msr[MTRR_NR_FIXED];

struct mtrr_range {
	uint64_t start, end; /* [start, end), page-aligned; empty when equal */
};

/*
 * Fixed ranges write-back, but the VGA window 0xA0000-0xBFFFF write-combining when the
 * CPU has WC; default type write-back; uncached variable ranges over each given range,
 * split into naturally aligned power-of-two blocks. Returns 0, or the number of blocks
 * that did not fit in vcnt (those ranges are then only partly uncached: logged by the
 * caller).
 */
uint32_t mtrr_plan(struct mtrr_state *s, uint32_t vcnt, bool has_wc, uint32_t phys_bits, const struct mtrr_range *uc,
		   uint32_t nr_uc);

#endif
