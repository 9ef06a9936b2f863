/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests MTRR planning by decoding the variable ranges back, as a CPU would match them. */
#include "harness.h"
#include "mtrr_plan.h"

/* The type the variable MTRRs give addr, or -1 when none matches (Intel SDM 12.11.4.1). */
static int var_type(const struct mtrr_state *s, uint64_t addr, uint64_t phys_mask)
{
	for (uint32_t i = 0; i < s->nr_var; i++) {
		uint64_t mask = s->var_mask[i] & ~0xFFFull & phys_mask;
		if (!(s->var_mask[i] & MTRR_VALID))
			continue;
		if ((addr & mask) == (s->var_base[i] & mask))
			return (int)(s->var_base[i] & 0xFF);
	}
	return -1;
}

TEST(mtrr_plan_covers_the_default_hole_in_two_ranges)
{
	struct mtrr_state s;
	const struct mtrr_range uc[] = { { 0xF0000000, 0xFC000000 } };

	CHECK_EQ(mtrr_plan(&s, 8, true, 40, uc, 1), 0);
	CHECK_EQ(s.nr_var, 2); /* 128 MiB at 0xF0000000 + 64 MiB at 0xF8000000 */
	CHECK_EQ(s.var_base[0], 0xF0000000);
	CHECK_EQ(s.var_mask[0], 0xFFF8000000ull | MTRR_VALID);
	CHECK_EQ(var_type(&s, 0xEFFFFFFF, 0xFFFFFFFFFFull), -1);
	CHECK_EQ(var_type(&s, 0xF0000000, 0xFFFFFFFFFFull), MTRR_UC);
	CHECK_EQ(var_type(&s, 0xFBFFFFFF, 0xFFFFFFFFFFull), MTRR_UC);
	CHECK_EQ(var_type(&s, 0xFC000000, 0xFFFFFFFFFFull), -1);
	CHECK_EQ(s.def_type, 0xC06);
	CHECK_EQ(s.fixed[0], 0x0606060606060606ull);
	CHECK_EQ(s.fixed[2], 0x0101010101010101ull); /* VGA window WC */
	CHECK_EQ(mtrr_fixed_msr[10], 0x26F);
}

TEST(mtrr_plan_exact_cover_of_odd_ranges)
{
	const struct mtrr_range uc[] = { { 0xC0000000, 0xFB000000 }, { 0x140000000ull, 0x1C8000000ull } };
	struct mtrr_state s;

	CHECK_EQ(mtrr_plan(&s, 16, false, 36, uc, 2), 0);
	CHECK_EQ(s.fixed[2], 0x0606060606060606ull); /* no WC: write-back */
	/* Every 16 MiB step inside is UC, every one outside is not. */
	for (uint64_t a = 0xB0000000; a < 0x200000000ull; a += 0x1000000) {
		bool inside = (a >= 0xC0000000 && a < 0xFB000000) || (a >= 0x140000000ull && a < 0x1C8000000ull);
		if (!CHECK_EQ(var_type(&s, a, 0xFFFFFFFFFull), inside ? MTRR_UC : -1))
			return;
	}
}

TEST(mtrr_plan_reports_ranges_that_do_not_fit)
{
	/* 4 KiB-aligned odd range: needs many blocks. */
	const struct mtrr_range uc[] = { { 0xF0001000, 0xF0100000 } };
	struct mtrr_state s;

	uint32_t missing = mtrr_plan(&s, 4, true, 40, uc, 1);
	CHECK(missing > 0);
	CHECK_EQ(s.nr_var, 4);
	const struct mtrr_range none[] = { { 0x1000, 0x1000 } };
	CHECK_EQ(mtrr_plan(&s, 8, true, 40, none, 1), 0);
	CHECK_EQ(s.nr_var, 0);
}

/* MTRR_MAX_VAR (16) kept of whatever count the CPU reports: 16 single-block ranges fit
 * exactly, a 17th is reported missing, and a CPU claiming 200 gets no more than 16 written. */
TEST(mtrr_plan_fills_16_variable_ranges_and_reports_a_17th)
{
	struct mtrr_range uc[MTRR_MAX_VAR + 1];
	struct mtrr_state s;

	/* 4 KiB blocks 8 KiB apart: none merges with another, each needs one MTRR. */
	for (uint32_t i = 0; i <= MTRR_MAX_VAR; i++)
		uc[i] = (struct mtrr_range){ 0xF0000000u + i * 0x2000, 0xF0001000u + i * 0x2000 };
	CHECK_EQ(mtrr_plan(&s, MTRR_MAX_VAR, true, 40, uc, MTRR_MAX_VAR), 0);
	CHECK_EQ(s.nr_var, MTRR_MAX_VAR);
	CHECK_EQ(mtrr_plan(&s, MTRR_MAX_VAR, true, 40, uc, MTRR_MAX_VAR + 1), 1);
	CHECK_EQ(s.nr_var, MTRR_MAX_VAR);
	CHECK_EQ(mtrr_plan(&s, 200, true, 40, uc, MTRR_MAX_VAR + 1), 1);
	CHECK_EQ(s.nr_var, MTRR_MAX_VAR);
	CHECK_EQ(s.vcnt, MTRR_MAX_VAR);
}
