/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the AP stack slots: inside the low scratch, disjoint, at capacity for 128 vCPUs; and the paint gauge. */
#include <string.h>
#include "ap_stack.h"
#include "harness.h"

/* What the slots must stay clear of, written out here rather than taken from the code. */
static const struct {
	uint32_t start, end;
} keep_out[] = {
	{ 0x0, 0x1000 },         /* the real-mode trampoline and IVT at 0 */
	{ 0x1000, 0x2000 },      /* the 0x1000 handoff block */
	{ 0x9F000, 0xA0000 },    /* the hvm_info page */
	{ 0xA0000, 0x100000 },   /* VGA window and the BIOS */
	{ 0x100000, 0xFFFFFFFF } /* the loader image and the modules after it */
};

TEST(ap_stack_slots_fill_the_scratch_for_128_vcpus)
{
	uint32_t prev_end = 0;

	CHECK_EQ(ap_stack_base(0), 0); /* the BSP runs on the loader's own stack */
	for (uint32_t cpu = 1; cpu < 128; cpu++) {
		uint32_t base = ap_stack_base(cpu);
		uint32_t end = base + AP_STACK_SIZE;

		if (!CHECK(base != 0))
			return;
		CHECK_EQ(base % 16, 0);
		CHECK(base >= 0x10000 && end <= 0x20000);
		CHECK(cpu == 1 || base == prev_end); /* contiguous and in order: disjoint */
		for (size_t i = 0; i < sizeof(keep_out) / sizeof(keep_out[0]); i++)
			CHECK(end <= keep_out[i].start || base >= keep_out[i].end);
		prev_end = end;
	}
	/* At capacity: the last vCPU's slot ends where the scratch ends, and there is no 129th. */
	CHECK_EQ(prev_end, 0x20000);
	CHECK_EQ(ap_stack_base(128), 0);
	CHECK_EQ(ap_stack_base(0xFFFFFFFFu), 0);
	CHECK(AP_STACK_SIZE >= 512);
}

TEST(ap_stack_used_finds_the_deepest_write)
{
	uint8_t buf[AP_STACK_SIZE + 32];
	uint8_t *slot = buf + 16;

	memset(buf, 0x11, sizeof(buf));
	ap_stack_paint(slot);
	/* The paint covers the slot and nothing around it. */
	CHECK_EQ(buf[15], 0x11);
	CHECK_EQ(buf[16 + AP_STACK_SIZE], 0x11);
	CHECK_EQ(slot[0], AP_STACK_PAINT);
	CHECK_EQ(slot[AP_STACK_SIZE - 1], AP_STACK_PAINT);
	CHECK_EQ(ap_stack_used(slot), 0);

	/* A return address pushed at the top: 4 bytes used. */
	memset(slot + AP_STACK_SIZE - 4, 0, 4);
	CHECK_EQ(ap_stack_used(slot), 4);
	/* A deeper frame; bytes above it that still hold the paint do not matter. */
	slot[AP_STACK_SIZE - 100] = 0;
	CHECK_EQ(ap_stack_used(slot), 100);
	CHECK(!ap_stack_overran(100));
}

TEST(ap_stack_overran_flags_a_write_into_the_guard)
{
	uint8_t slot[AP_STACK_SIZE];

	ap_stack_paint(slot);
	/* The lowest byte outside the guard is still fine ... */
	slot[AP_STACK_GUARD] = 0;
	CHECK_EQ(ap_stack_used(slot), AP_STACK_SIZE - AP_STACK_GUARD);
	CHECK(!ap_stack_overran(ap_stack_used(slot)));
	/* ... the highest guard byte is not, nor is the whole slot. */
	slot[AP_STACK_GUARD - 1] = 0;
	CHECK(ap_stack_overran(ap_stack_used(slot)));
	slot[0] = 0;
	CHECK_EQ(ap_stack_used(slot), AP_STACK_SIZE);
	CHECK(ap_stack_overran(ap_stack_used(slot)));
}
