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
