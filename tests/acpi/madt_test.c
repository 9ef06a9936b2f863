/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests acpi/madt.c: processor entries per vCPU (xAPIC and x2APIC), the IOAPIC, overrides and NMIs. */
#include "oracle.h"

/* What one MADT says, decoded independently of acpi.h. */
struct decoded {
	unsigned lapic, x2apic, ioapic, iso, nmi, x2nmi, other;
	uint32_t id[256], uid[256], flags[256];
	unsigned nr_cpu;
	uint16_t iso_flags[16];
	uint32_t iso_gsi[16];
	bool iso_seen[16];
};

static bool decode(const uint8_t *t, struct decoded *d)
{
	uint32_t len = t_le(t + 4, 4);

	memset(d, 0, sizeof(*d));
	if (!CHECK(!memcmp(t, "APIC", 4)) || !CHECK_EQ(t[8], 5) || !CHECK_EQ(t_le(t + 36, 4), 0xFEE00000) ||
	    !CHECK_EQ(t_le(t + 40, 4), 1))
		return false;
	for (uint32_t off = 44; off < len;) {
		const uint8_t *e = t + off;
		if (!CHECK(off + 2 <= len) || !CHECK(e[1] >= 2) || !CHECK(off + e[1] <= len))
			return false;
		switch (e[0]) {
		case 0:
			CHECK_EQ(e[1], 8);
			d->lapic++;
			d->uid[d->nr_cpu] = e[2];
			d->id[d->nr_cpu] = e[3];
			d->flags[d->nr_cpu++] = t_le(e + 4, 4);
			break;
		case 9:
			CHECK_EQ(e[1], 16);
			d->x2apic++;
			d->id[d->nr_cpu] = t_le(e + 4, 4);
			d->flags[d->nr_cpu] = t_le(e + 8, 4);
			d->uid[d->nr_cpu++] = t_le(e + 12, 4);
			break;
		case 1:
			CHECK_EQ(e[1], 12);
			d->ioapic++;
			CHECK_EQ(e[2], 1);
			CHECK_EQ(t_le(e + 4, 4), 0xFEC00000);
			CHECK_EQ(t_le(e + 8, 4), 0);
			break;
		case 2:
			CHECK_EQ(e[1], 10);
			CHECK_EQ(e[2], 0);
			if (CHECK(e[3] < 16)) {
				d->iso_seen[e[3]] = true;
				d->iso_gsi[e[3]] = t_le(e + 4, 4);
				d->iso_flags[e[3]] = (uint16_t)t_le(e + 8, 2);
			}
			d->iso++;
			break;
		case 4:
			CHECK_EQ(e[1], 6);
			CHECK_EQ(e[2], 0xFF);
			CHECK_EQ(e[5], 1);
			d->nmi++;
			break;
		case 0xA:
			CHECK_EQ(e[1], 12);
			CHECK_EQ(t_le(e + 4, 4), 0xFFFFFFFF);
			CHECK_EQ(e[8], 1);
			d->x2nmi++;
			break;
		default:
			d->other++;
		}
		off += e[1];
	}
	return true;
}

static void check_shape(uint32_t nr, const uint32_t *ids, const uint8_t *offline, unsigned nr_offline)
{
	struct platform *p = t_platform(nr, ids);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;
	struct decoded d;

	for (unsigned i = 0; i < nr_offline; i++)
		p->vcpus.online[offline[i] / 8] &= (uint8_t) ~(1u << (offline[i] % 8));
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w) && CHECK(t_find(&w, "APIC", 0)) &&
	    decode(t_find(&w, "APIC", 0), &d)) {
		unsigned want_x2 = 0;
		for (uint32_t i = 0; i < nr; i++)
			want_x2 += p->vcpus.apic_id[i] > 254;
		CHECK_EQ(d.nr_cpu, nr);
		CHECK_EQ(d.x2apic, want_x2);
		CHECK_EQ(d.lapic, nr - want_x2);
		CHECK_EQ(d.ioapic, 1);
		CHECK_EQ(d.nmi, 1);
		CHECK_EQ(d.x2nmi, want_x2 ? 1 : 0);
		CHECK_EQ(d.other, 0);
		for (uint32_t i = 0; i < d.nr_cpu && i < nr; i++) {
			bool online = true;
			for (unsigned k = 0; k < nr_offline; k++)
				online &= offline[k] != i;
			CHECK_EQ(d.uid[i], i);
			CHECK_EQ(d.id[i], p->vcpus.apic_id[i]);
			CHECK_EQ(d.flags[i], online ? 1 : 2); /* enabled, or online capable */
		}
		/* IRQ0 -> GSI 2 edge/high; PCI IRQs 5, 10, 11 level/low; nothing else. */
		CHECK_EQ(d.iso, 4);
		CHECK(d.iso_seen[0] && d.iso_gsi[0] == 2 && d.iso_flags[0] == 0);
		for (unsigned irq = 5; irq < 12; irq++) {
			bool pci = irq == 5 || irq == 10 || irq == 11;
			CHECK_EQ(d.iso_seen[irq], pci);
			if (pci) {
				CHECK_EQ(d.iso_gsi[irq], irq);
				CHECK_EQ(d.iso_flags[irq], 0xF);
			}
		}
	}
	t_mem_free(&m);
	free(p);
}

TEST(madt_one_vcpu)
{
	check_shape(1, NULL, NULL, 0);
}

TEST(madt_four_vcpus_with_even_apic_ids)
{
	static const uint32_t ids[] = { 0, 2, 4, 6 };
	static const uint8_t offline[] = { 3 };
	check_shape(4, ids, offline, 1);
}

TEST(madt_128_vcpus_some_offline)
{
	static const uint8_t offline[] = { 1, 64, 127 };
	check_shape(128, NULL, offline, 3);
}

TEST(madt_x2apic_entries_for_ids_above_254)
{
	static const uint32_t ids[] = { 0, 254, 255, 4096 };
	static const uint8_t offline[] = { 2 };
	check_shape(4, ids, offline, 1);
}

TEST(madt_absent_for_one_vcpu_without_ioapic)
{
	struct platform *p = t_platform(1, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	p->apic_mode = false;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w))
		CHECK(t_find(&w, "APIC", 0) == NULL);
	t_mem_free(&m);

	/* Two vCPUs without an IOAPIC: processors only. */
	p->vcpus.nr = 2;
	p->vcpus.online[0] = 3;
	p->vcpus.apic_id[1] = 2;
	struct decoded d;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w) && CHECK(t_find(&w, "APIC", 0)) &&
	    decode(t_find(&w, "APIC", 0), &d)) {
		CHECK_EQ(d.lapic, 2);
		CHECK_EQ(d.ioapic, 0);
		CHECK_EQ(d.iso, 0);
	}
	t_mem_free(&m);
	free(p);
}
