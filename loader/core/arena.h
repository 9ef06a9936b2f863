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
};

void arena_init(struct arena *a, void *base, uint64_t phys, size_t size);

/* Zeroed memory aligned to align (a power of two, relative to phys), or NULL when full. */
void *arena_alloc(struct arena *a, size_t size, size_t align);

/* A point to return to: arena_rewind() gives back everything allocated since, so a
 * builder can drop a table that failed half-way. */
size_t arena_mark(const struct arena *a);
void arena_rewind(struct arena *a, size_t mark);

/* The guest-physical address of p, which must lie inside the arena. */
uint64_t arena_v2p(const struct arena *a, const void *p);

#endif
