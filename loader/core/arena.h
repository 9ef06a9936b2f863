/* SPDX-License-Identifier: GPL-2.0-only */
/* Injected output memory: builders allocate here and ask it for guest-physical addresses. */
#ifndef HVMCHAIN_ARENA_H
#define HVMCHAIN_ARENA_H

#include <stddef.h>
#include <stdint.h>

/*
 * A bump allocator over [base, base+size) whose bytes the guest sees at [phys, phys+size).
 * On the target base and phys name the same memory; host tests malloc base and pick any
 * phys, so builders produce byte-identical tables in both places.
 */
struct arena {
	uint8_t *base;
	uint64_t phys;
	size_t size;
	size_t used;
	/* Bytes [0, backed) have memory behind them; see arena_init_backed(). */
	size_t backed;
	int (*back)(void *ctx, uint64_t phys, size_t len);
	void *back_ctx;
};

/* An arena whose whole size is memory already. */
void arena_init(struct arena *a, void *base, uint64_t phys, size_t size);

/*
 * An arena over guest-physical space that has no memory yet: before an allocation reaches
 * past what is backed, back(ctx, phys, len) is asked to back the whole 4 KiB pages (relative
 * to phys, which must be page-aligned) that it needs. A nonzero return fails that allocation
 * and leaves the arena as it was. So only the pages used are ever taken from the domain.
 */
void arena_init_backed(struct arena *a, void *base, uint64_t phys, size_t size,
		       int (*back)(void *ctx, uint64_t phys, size_t len), void *ctx);

/* Zeroed memory aligned to align (a power of two, relative to phys), or NULL when full. */
void *arena_alloc(struct arena *a, size_t size, size_t align);

/* A point to return to: arena_rewind() gives back everything allocated since, so a
 * builder can drop a table that failed half-way. */
size_t arena_mark(const struct arena *a);
void arena_rewind(struct arena *a, size_t mark);

/* The guest-physical address of p, which must lie inside the arena. */
uint64_t arena_v2p(const struct arena *a, const void *p);

#endif
