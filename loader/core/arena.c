/* SPDX-License-Identifier: GPL-2.0-only */
/* The arena: the only place a builder's pointer becomes a guest-physical address. */
#include <string.h>
#include "arena.h"
#include "bug.h"

void arena_init(struct arena *a, void *base, uint64_t phys, size_t size)
{
	a->base = base;
	a->phys = phys;
	a->size = size;
	a->used = 0;
	a->backed = size;
	a->back = NULL;
	a->back_ctx = NULL;
}

void arena_init_backed(struct arena *a, void *base, uint64_t phys, size_t size,
		       int (*back)(void *ctx, uint64_t phys, size_t len), void *ctx)
{
	ASSERT(back && !(phys & 0xFFF));
	arena_init(a, base, phys, size);
	a->backed = 0;
	a->back = back;
	a->back_ctx = ctx;
}

/* Backs [0, end) of the arena, in whole pages but not past its size; 0 or back()'s error. */
static int arena_back(struct arena *a, size_t end)
{
	if (end <= a->backed)
		return 0;
	size_t to = (end + 0xFFF) & ~(size_t)0xFFF;

	if (to > a->size || to < end)
		to = a->size;
	int rc = a->back(a->back_ctx, a->phys + a->backed, to - a->backed);

	if (rc)
		return rc;
	a->backed = to;
	return 0;
}

void *arena_alloc(struct arena *a, size_t size, size_t align)
{
	ASSERT(align && !(align & (align - 1)));
	/* Align the guest-physical address: that is what the consumer checks. */
	uint64_t at = (a->phys + a->used + align - 1) & ~(uint64_t)(align - 1);
	size_t off = (size_t)(at - a->phys);

	if (off > a->size || size > a->size - off)
		return NULL;
	if (arena_back(a, off + size))
		return NULL;
	a->used = off + size;
	memset(a->base + off, 0, size);
	return a->base + off;
}

size_t arena_mark(const struct arena *a)
{
	return a->used;
}

void arena_rewind(struct arena *a, size_t mark)
{
	ASSERT(mark <= a->used);
	a->used = mark;
}

uint64_t arena_v2p(const struct arena *a, const void *p)
{
	const uint8_t *b = p;

	ASSERT(b >= a->base && b <= a->base + a->size);
	return a->phys + (uint64_t)(b - a->base);
}
