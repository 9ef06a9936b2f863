/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the arena: alignment in guest-physical terms, exhaustion, address translation. */
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "harness.h"

TEST(arena_aligns_physical_addresses)
{
	unsigned char *mem = malloc(4096);
	struct arena a;

	memset(mem, 0xEE, 4096);
	/* A phys base that is not aligned the way the host buffer is. */
	arena_init(&a, mem, 0xFC000004, 4096);
	void *p1 = arena_alloc(&a, 10, 1);
	void *p2 = arena_alloc(&a, 16, 64);
	CHECK_EQ(arena_v2p(&a, p1), 0xFC000004);
	CHECK_EQ(arena_v2p(&a, p2), 0xFC000040);
	CHECK_EQ(((unsigned char *)p2)[15], 0); /* allocations come zeroed */
	CHECK_EQ((unsigned char *)p2 - mem, 0x3C);
	free(mem);
}

TEST(arena_returns_null_when_full)
{
	unsigned char mem[128];
	struct arena a;

	arena_init(&a, mem, 0x10000, sizeof(mem));
	CHECK(arena_alloc(&a, 100, 4) != NULL);
	CHECK(arena_alloc(&a, 29, 1) == NULL);
	CHECK(arena_alloc(&a, 28, 1) != NULL); /* exactly the rest still fits */
	CHECK(arena_alloc(&a, 1, 1) == NULL);
	CHECK(arena_alloc(&a, (size_t)-1, 1) == NULL); /* no wrap-around */
	CHECK(CRASHES(arena_alloc(&a, 1, 3)));         /* alignment must be a power of two */
}

TEST(arena_rewind_gives_space_back)
{
	unsigned char mem[64];
	struct arena a;

	arena_init(&a, mem, 0x20000, sizeof(mem));
	CHECK(arena_alloc(&a, 16, 1) != NULL);
	size_t mark = arena_mark(&a);
	void *dropped = arena_alloc(&a, 40, 8);
	CHECK(dropped != NULL);
	CHECK(arena_alloc(&a, 16, 1) == NULL);
	arena_rewind(&a, mark);
	CHECK(arena_alloc(&a, 40, 8) == dropped);
	CHECK(CRASHES(arena_rewind(&a, 1000)));
}

/* What a backed arena asked its back() for: the calls, in order, and a page it refuses. */
static struct {
	uint64_t phys[8];
	size_t len[8];
	int calls;
	uint64_t refuse;
} backing;

static int fake_back(void *ctx, uint64_t phys, size_t len)
{
	CHECK(ctx == &backing);
	if (backing.refuse >= phys && backing.refuse - phys < len)
		return -1;
	if (backing.calls < 8) {
		backing.phys[backing.calls] = phys;
		backing.len[backing.calls] = len;
	}
	backing.calls++;
	return 0;
}

TEST(arena_backed_asks_for_whole_pages_only_as_used)
{
	unsigned char *mem = malloc(0x5800);
	struct arena a;

	memset(&backing, 0, sizeof(backing));
	backing.refuse = UINT64_MAX;
	arena_init_backed(&a, mem, 0xFC000000, 0x5800, fake_back, &backing);
	CHECK_EQ(backing.calls, 0); /* nothing until the first allocation */
	CHECK(arena_alloc(&a, 0x10, 16) != NULL);
	CHECK(arena_alloc(&a, 0x100, 16) != NULL); /* still inside page 0 */
	CHECK_EQ(backing.calls, 1);
	CHECK_EQ(backing.phys[0], 0xFC000000);
	CHECK_EQ(backing.len[0], 0x1000);
	/* Ends exactly at the end of page 1: one page more, not two. */
	CHECK(arena_alloc(&a, 0x2000 - 0x110, 1) != NULL);
	CHECK_EQ(backing.calls, 2);
	CHECK_EQ(backing.phys[1], 0xFC001000);
	CHECK_EQ(backing.len[1], 0x1000);
	/* Past the last whole page: backed up to the arena's end, not a page beyond it. */
	CHECK(arena_alloc(&a, 0x3100, 1) != NULL);
	CHECK_EQ(backing.calls, 3);
	CHECK_EQ(backing.phys[2], 0xFC002000);
	CHECK_EQ(backing.len[2], 0x3800);
	CHECK(arena_alloc(&a, 0x701, 1) == NULL); /* one byte too many: no call for it */
	CHECK(arena_alloc(&a, 0x700, 1) != NULL); /* the exact rest: already backed */
	CHECK_EQ(backing.calls, 3);
	free(mem);
}

TEST(arena_backed_refusal_fails_the_allocation_only)
{
	unsigned char *mem = malloc(0x3000);
	struct arena a;

	memset(&backing, 0, sizeof(backing));
	backing.refuse = 0x10001800; /* inside page 1 */
	arena_init_backed(&a, mem, 0x10000000, 0x3000, fake_back, &backing);
	CHECK(arena_alloc(&a, 0x800, 8) != NULL);
	size_t used = arena_mark(&a);
	CHECK(arena_alloc(&a, 0x1000, 8) == NULL);
	CHECK_EQ(arena_mark(&a), used); /* unchanged */
	CHECK_EQ(backing.calls, 1);
	CHECK(arena_alloc(&a, 0x800, 8) != NULL); /* what page 0 still holds */
	CHECK(CRASHES(arena_init_backed(&a, mem, 0x10000010, 0x3000, fake_back, &backing))); /* phys not a page */
	free(mem);
}
