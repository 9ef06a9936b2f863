/* SPDX-License-Identifier: GPL-2.0-only */
/* Test oracles for the ACPI builder: sample platforms, a guest-memory view and an independent table walk. */
#ifndef HVMCHAIN_TESTS_ACPI_ORACLE_H
#define HVMCHAIN_TESTS_ACPI_ORACLE_H

#include <stdlib.h>
#include <string.h>
#include "acpi/build.h"
#include "bytes.h"
#include "fixture.h"
#include "harness.h"

/* Where the loader puts the ACPI arena; tests use the same address. */
#define T_PHYS 0xFC000000ull

/* An arena of size bytes at T_PHYS, backed by exactly that much heap (ASan sees overruns). */
struct t_mem {
	struct arena a;
	uint8_t *buf;
};

static inline void t_mem_init(struct t_mem *m, size_t size)
{
	m->buf = malloc(size ? size : 1);
	memset(m->buf, 0xA5, size); /* arena_alloc must zero what it hands out */
	arena_init(&m->a, m->buf, T_PHYS, size);
}

static inline void t_mem_free(struct t_mem *m)
{
	free(m->buf);
	m->buf = NULL;
}

/* The bytes at guest-physical addr, or NULL unless [addr, addr+len) is inside the arena. */
static inline uint8_t *t_at(const struct t_mem *m, uint64_t addr, uint64_t len)
{
	if (addr < T_PHYS || addr - T_PHYS > m->a.size || len > m->a.size - (addr - T_PHYS))
		return NULL;
	return m->buf + (addr - T_PHYS);
}

/* A table header at addr that is whole, in the arena, and sums to zero; else NULL. */
static inline uint8_t *t_table(const struct t_mem *m, uint64_t addr)
{
	uint8_t *h = t_at(m, addr, 36);

	if (!CHECK(h != NULL))
		return NULL;
	uint32_t len = t_le(h + 4, 4);
	if (!CHECK(len >= 36) || !CHECK(t_at(m, addr, len) != NULL) || !CHECK_EQ(t_sum8(h, len), 0))
		return NULL;
	return h;
}

/* The tables a walk found, in XSDT order; [0] is the FADT. */
struct t_walk {
	uint8_t *rsdp, *xsdt, *rsdt;
	uint32_t nr;
	uint8_t *table[64];
	uint8_t *rsdt_fadt;
};

/*
 * RSDP -> XSDT and RSDT -> every table, checking what SeaBIOS and ACPICA check:
 * signatures, checksums (both RSDP ones), lengths, and that the RSDT lists the same
 * tables as the XSDT except for its ACPI 1.0 FADT.
 */
static inline bool t_walk(const struct t_mem *m, uint32_t rsdp_addr, struct t_walk *w)
{
	memset(w, 0, sizeof(*w));
	w->rsdp = t_at(m, rsdp_addr, 36);
	if (!CHECK(w->rsdp != NULL) || !CHECK_EQ(rsdp_addr % 16, 0))
		return false;
	bool ok = CHECK(!memcmp(w->rsdp, "RSD PTR ", 8));
	ok &= CHECK_EQ(t_sum8(w->rsdp, 20), 0);
	ok &= CHECK_EQ(t_sum8(w->rsdp, 36), 0);
	ok &= CHECK_EQ(w->rsdp[15], 2);
	ok &= CHECK_EQ(t_le(w->rsdp + 20, 4), 36);
	ok &= CHECK(!memcmp(w->rsdp + 9, "Xen\0\0\0", 6));
	w->xsdt = t_table(m, t_le64(w->rsdp + 24));
	w->rsdt = t_table(m, t_le(w->rsdp + 16, 4));
	if (!ok || !w->xsdt || !w->rsdt)
		return false;
	ok &= CHECK(!memcmp(w->xsdt, "XSDT", 4)) && CHECK(!memcmp(w->rsdt, "RSDT", 4));
	uint32_t xn = (t_le(w->xsdt + 4, 4) - 36) / 8, rn = (t_le(w->rsdt + 4, 4) - 36) / 4;
	ok &= CHECK_EQ((t_le(w->xsdt + 4, 4) - 36) % 8, 0) && CHECK_EQ(xn, rn) && CHECK(xn >= 1) && CHECK(xn <= 64);
	if (!ok)
		return false;
	w->nr = xn;
	for (uint32_t i = 0; i < xn; i++) {
		uint64_t xa = t_le64(w->xsdt + 36 + 8 * i), ra = t_le(w->rsdt + 36 + 4 * i, 4);

		w->table[i] = t_table(m, xa);
		if (!w->table[i])
			return false;
		if (i == 0) {
			w->rsdt_fadt = t_table(m, ra);
			if (!w->rsdt_fadt)
				return false;
			ok &= CHECK(!memcmp(w->table[0], "FACP", 4)) && CHECK(!memcmp(w->rsdt_fadt, "FACP", 4));
		} else {
			ok &= CHECK_EQ(xa, ra);
			ok &= CHECK(memcmp(w->table[i], "FACP", 4) != 0);
		}
		for (int c = 0; c < 4; c++)
			ok &= CHECK(w->table[i][c] >= 0x20 && w->table[i][c] <= 0x7E);
	}
	return ok;
}

/* The n-th table with signature sig (0-based), or NULL. */
static inline uint8_t *t_find(const struct t_walk *w, const char *sig, unsigned n)
{
	for (uint32_t i = 0; i < w->nr; i++)
		if (!memcmp(w->table[i], sig, 4) && n-- == 0)
			return w->table[i];
	return NULL;
}

/* Builds p into a fresh arena of size bytes and walks the result; false if anything failed. */
static inline bool t_build(struct t_mem *m, const struct platform *p, size_t size, struct acpi_tables *out,
			   struct t_walk *w)
{
	t_mem_init(m, size);
	if (!CHECK_EQ(acpi_build_tables(p, &m->a, out), 0))
		return false;
	return t_walk(m, out->rsdp, w);
}

/* Occurrences of needle in [p, p+len). */
static inline unsigned t_count(const uint8_t *p, size_t len, const void *needle, size_t n)
{
	unsigned c = 0;

	for (size_t i = 0; i + n <= len; i++)
		c += !memcmp(p + i, needle, n);
	return c;
}

#endif
