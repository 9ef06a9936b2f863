/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the MP table builder by decoding the floating pointer and base entries as an OS would. */
#include <stdlib.h>
#include <string.h>
#include "err.h"
#include "bytes.h"
#include "harness.h"
#include "fixture.h"
#include "tables/tables.h"

#define PHYS 0x10000u
#define ARENA_SIZE 16384

struct mp {
	uint8_t mem[ARENA_SIZE];
	struct arena a;
	uint32_t fp;
	int rc;
	const uint8_t *cfg;
	/* Entries by type, as offsets into cfg. */
	int nr[5];
	size_t at[5][300];
};

/* Builds and checks what Linux's smp_scan_config()/smp_check_mpc() check, then splits entries. */
static struct mp *build(const struct platform *p)
{
	struct mp *m = calloc(1, sizeof(*m));

	arena_init(&m->a, m->mem, PHYS, sizeof(m->mem));
	m->rc = mptable_build(p, &m->a, &m->fp);
	if (m->rc)
		return m;
	if (!CHECK(m->fp >= PHYS && m->fp + 16 <= PHYS + ARENA_SIZE))
		return m;
	const uint8_t *fp = m->mem + (m->fp - PHYS);
	CHECK(!memcmp(fp, "_MP_", 4));
	CHECK_EQ(m->fp % 16, 0);
	CHECK_EQ(fp[8], 1);
	CHECK_EQ(fp[9], 4);
	CHECK_EQ(t_sum8(fp, 16), 0);
	CHECK_EQ(fp[11], 0); /* a configuration table follows, no default configuration */
	uint32_t cfg = t_le32(fp + 4);
	if (!CHECK(cfg >= PHYS && cfg + 44 <= PHYS + ARENA_SIZE))
		return m;
	m->cfg = m->mem + (cfg - PHYS);
	uint16_t len = t_le16(m->cfg + 4);
	if (!CHECK(!memcmp(m->cfg, "PCMP", 4)) || !CHECK(cfg + len <= PHYS + ARENA_SIZE))
		return m;
	CHECK_EQ(m->cfg[6], 4);
	CHECK_EQ(t_sum8(m->cfg, len), 0);
	CHECK_EQ(t_le32(m->cfg + 36), 0xFEE00000);
	CHECK_EQ(t_le16(m->cfg + 40), 0); /* no extended table */

	/* Base entries: sizes by type, in nondecreasing type order (MP spec 4.3). */
	static const size_t size[5] = { 20, 8, 8, 8, 8 };
	size_t at = 44;
	int last = 0, count = 0;
	while (at < len) {
		uint8_t t = m->cfg[at];
		if (!CHECK(t < 5) || !CHECK(at + size[t] <= len))
			return m;
		CHECK(t >= last);
		last = t;
		m->at[t][m->nr[t]++] = at;
		at += size[t];
		count++;
	}
	CHECK_EQ(at, len);
	CHECK_EQ(t_le16(m->cfg + 34), count);
	return m;
}

/* The I/O interrupt entry whose source is (bus, irq), or NULL. */
static const uint8_t *io_int(const struct mp *m, uint8_t bus, uint8_t irq, uint8_t type)
{
	for (int i = 0; i < m->nr[3]; i++) {
		const uint8_t *e = m->cfg + m->at[3][i];
		if (e[4] == bus && e[5] == irq && e[1] == type)
			return e;
	}
	return NULL;
}

/* Xen's PCI INTx wiring in APIC mode, written out again: GSI = ((dev*4 + dev/8 + intx) & 31) + 16. */
static uint8_t oracle_gsi(unsigned dev, unsigned intx)
{
	return (uint8_t)(((dev * 4 + dev / 8 + intx) % 32) + 16);
}

TEST(mptable_one_entry_per_vcpu)
{
	for (uint32_t n = 1; n <= 16; n *= 2) {
		struct platform *p = sample_platform(n, 1ull << 30, 0);
		if (n == 4)
			p->vcpus.online[0] = 0x7; /* vCPU 3 offline */
		struct mp *m = build(p);
		if (CHECK_EQ(m->rc, 0) && CHECK(m->cfg) && CHECK_EQ(m->nr[0], n)) {
			for (uint32_t i = 0; i < n; i++) {
				const uint8_t *e = m->cfg + m->at[0][i];
				CHECK_EQ(e[1], 2 * i);
				CHECK_EQ(e[2], 0x14); /* the vLAPIC's version, not hvmloader's 0x11 */
				uint8_t flags = (i == 0 ? 2 : 0) | (n == 4 && i == 3 ? 0 : 1);
				CHECK_EQ(e[3], flags);
				CHECK_EQ(t_le32(e + 4), 0x000806EA);
				CHECK_EQ(t_le32(e + 8), 0x178BFBFF);
			}
			CHECK_EQ(m->nr[1], 2);
			CHECK_EQ(m->nr[2], 1);
			CHECK_EQ(m->nr[4], 2);
			/* ExtINT + 15 ISA + INTA of 00:01 (PM), 00:03 (platform) and 00:04 (e1000). */
			CHECK_EQ(m->nr[3], 1 + 15 + 3);
		}
		free(m);
		free(p);
	}
}

TEST(mptable_buses_ioapic_and_isa_interrupts)
{
	struct platform *p = sample_platform(2, 1ull << 30, 0);
	struct mp *m = build(p);

	if (!CHECK_EQ(m->rc, 0) || !CHECK(m->cfg))
		goto out;
	const uint8_t *pci = m->cfg + m->at[1][0], *isa = m->cfg + m->at[1][1];
	CHECK_EQ(pci[1], 0);
	CHECK(!memcmp(pci + 2, "PCI   ", 6));
	CHECK_EQ(isa[1], 1);
	CHECK(!memcmp(isa + 2, "ISA   ", 6));
	const uint8_t *io = m->cfg + m->at[2][0];
	CHECK_EQ(io[1], 1);
	CHECK_EQ(io[2], 0x11);
	CHECK_EQ(io[3], 1);
	CHECK_EQ(t_le32(io + 4), 0xFEC00000);

	const uint8_t *ext = io_int(m, 1, 0, 3);
	if (CHECK(ext != NULL))
		CHECK_EQ(ext[7], 0);
	for (uint8_t irq = 0; irq < 16; irq++) {
		const uint8_t *e = io_int(m, 1, irq, 0);
		if (irq == 2) {
			CHECK(e == NULL);
			continue;
		}
		if (!CHECK(e != NULL))
			continue;
		CHECK_EQ(e[6], 1);
		CHECK_EQ(e[7], irq == 0 ? 2 : irq);
		/* IRQs 5, 10, 11 carry PCI: level, active low. */
		CHECK_EQ(t_le16(e + 2), (0x0C20 >> irq) & 1 ? 0xF : 0);
	}
	const uint8_t *l0 = m->cfg + m->at[4][0], *l1 = m->cfg + m->at[4][1];
	CHECK_EQ(l0[1], 3);
	CHECK_EQ(l0[6], 0xFF);
	CHECK_EQ(l0[7], 0);
	CHECK_EQ(l1[1], 1);
	CHECK_EQ(l1[7], 1);
out:
	free(m);
	free(p);
}

TEST(mptable_pci_interrupts_follow_xens_wiring)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);

	/* Multi-function and high-numbered devices: 00:04.1 shares 00:04.0's INTA; 00:1f.0 INTD. */
	sample_add_func(p, 4, 1, 0x8086, 0x100E, 1);
	sample_add_func(p, 4, 2, 0x8086, 0x100E, 2);
	sample_add_func(p, 31, 0, 0x1AF4, 0x1000, 4);
	sample_add_func(p, 9, 0, 0x1AF4, 0x1000, 7); /* no such pin: logged */
	struct mp *m = build(p);
	if (!CHECK_EQ(m->rc, 0) || !CHECK(m->cfg))
		goto out;
	/* 00:01 A, 00:03 A, 00:04 A and B, 00:1f D. */
	CHECK_EQ(m->nr[3], 16 + 5);
	static const struct {
		unsigned dev, intx;
	} want[] = { { 1, 0 }, { 3, 0 }, { 4, 0 }, { 4, 1 }, { 31, 3 } };
	for (unsigned i = 0; i < 5; i++) {
		const uint8_t *e = io_int(m, 0, (uint8_t)(want[i].dev << 2 | want[i].intx), 0);
		if (!CHECK(e != NULL))
			continue;
		CHECK_EQ(t_le16(e + 2), 0xF);
		CHECK_EQ(e[6], 1);
		CHECK_EQ(e[7], oracle_gsi(want[i].dev, want[i].intx));
	}
	/* The Xen platform device at 00:03.0, INTA: GSI 28. */
	CHECK_EQ(io_int(m, 0, 3 << 2, 0)[7], 28);
	CHECK(strstr(console_text(), "00:09.0 INT pin 7") != NULL);
out:
	free(m);
	free(p);
}

TEST(mptable_skips_wide_apic_ids_and_warns_about_seabios)
{
	struct platform *p = sample_platform(32, 1ull << 30, 0);

	p->vcpus.apic_id[5] = 255;
	p->vcpus.apic_id[6] = 300;
	struct mp *m = build(p);
	if (CHECK_EQ(m->rc, 0) && CHECK(m->cfg)) {
		CHECK_EQ(m->nr[0], 30);
		CHECK(strstr(console_text(), "vCPU 5 has APIC ID 255") != NULL);
		CHECK(strstr(console_text(), "vCPU 6 has APIC ID 300") != NULL);
		/* 30 processors make the table larger than SeaBIOS copies. */
		CHECK(strstr(console_text(), "exceed the 600 SeaBIOS copies") != NULL);
	}
	free(m);
	free(p);
}

TEST(mptable_needs_an_ioapic_and_room)
{
	struct platform *p = sample_platform(2, 1ull << 30, 0);
	struct arena a;
	uint8_t small[64];
	uint32_t fp = 0;

	arena_init(&a, small, PHYS, sizeof(small));
	CHECK_EQ(mptable_build(p, &a, &fp), -ERR_NOSPC);
	p->apic_mode = false;
	CHECK_EQ(mptable_build(p, &a, &fp), -ERR_NOENT);
	free(p);
}
