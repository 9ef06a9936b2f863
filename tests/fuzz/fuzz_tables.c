/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the table builders over random valid platforms, each output checked by an independent oracle. */
#include <stdlib.h>
#include <string.h>
#include "acpi/build.h"
#include "fuzz.h"
#include "harness.h"
#include "oracle.h"
#include "smbios_oracle.h"
#include "tables/tables.h"

/*
 * The platform is valid as probe would fill it: 1..128 vCPUs with distinct APIC IDs (x2APIC
 * ones too), RAM below and above 4 GiB, up to 256 bus-0 functions with pins, sometimes a
 * vNUMA layout that names only existing nodes, the ACPI S3/S4/slate and battery options.
 */
/*
 * The most bytes random_platform() reads (run.sh passes it as -max_len): flags and count, a
 * word per vCPU, the RAM ends, the function count and a word per function, then vNUMA's
 * counts, a word per vCPU, two per range and one per distance off the diagonal.
 */
#define FUZZ_MAX_LEN 3300
_Static_assert(FUZZ_MAX_LEN == 8 + 4 * PLATFORM_MAX_VCPUS + 16 + 4 + 4 * PLATFORM_MAX_PCI_FUNCS + 8 +
				       4 * PLATFORM_MAX_VCPUS + 8 * PLATFORM_MAX_VMEMRANGES +
				       4 * PLATFORM_MAX_VNODES * (PLATFORM_MAX_VNODES - 1),
	       "max_len");

static void random_platform(struct platform *p, struct fuzz_in *in)
{
	uint32_t f = fuzz_u32(in), nr = 1 + fuzz_u32(in) % PLATFORM_MAX_VCPUS;
	uint32_t id_step = 1 + (f & 3), id_base = f & 4 ? 0x100 : 0;

	memset(p, 0, sizeof(*p));
	p->xen.major = 4;
	p->xen.minor = 17;
	p->vcpus.nr = nr;
	for (uint32_t i = 0; i < nr; i++) {
		p->vcpus.apic_id[i] = id_base + id_step * i;
		if (fuzz_u32(in) & 1 || i == 0)
			p->vcpus.online[i / 8] |= (uint8_t)(1u << (i % 8));
	}
	p->vcpus.x2apic = id_base != 0;
	p->vcpus.lapic_version = 0x14;
	p->apic_mode = !(f & 8);
	p->mem.low_end = (0x100000ull + (fuzz_u64(in) % 0xEFF00000ull)) & ~0xFFFull;
	uint64_t high = fuzz_u64(in) % (1ull << 44);
	p->mem.high_end = f & 16 ? (1ull << 32) + (high & ~0xFFFull) + 0x1000 : 0;
	p->pci.mem_start = 0xF0000000;
	p->pci.mem_end = 0xFC000000;
	p->pci.mem_uc_end = 0xFC000000;
	p->pci.irq_mask = 0x0C20;
	p->pci.isa_bridge_devfn = 0x08;
	p->pci.link_irq[0] = 5, p->pci.link_irq[1] = 10, p->pci.link_irq[2] = 11, p->pci.link_irq[3] = 5;
	uint32_t funcs = fuzz_u32(in) % (PLATFORM_MAX_PCI_FUNCS + 1);
	for (uint32_t i = 0; i < funcs; i++) {
		struct platform_pci_func *fn = &p->pci.func[p->pci.nr++];
		uint32_t r = fuzz_u32(in);
		fn->bdf = (uint16_t)i; /* device i / 8, function i % 8: each once */
		fn->vendor = (uint16_t)r;
		fn->device = (uint16_t)(r >> 16);
		fn->int_pin = (uint8_t)(r % 5);
		fn->irq = fn->int_pin ? p->pci.link_irq[(fn->int_pin - 1 + (i >> 3)) & 3] : 0;
	}
	p->isa.com1 = f & 32;
	p->isa.com2 = f & 64;
	p->isa.hpet = f & 128;
	p->cfg.acpi = true;
	p->cfg.acpi_s3 = f & 256;
	p->cfg.acpi_s4 = f & 512;
	p->cfg.acpi_laptop_slate = f & 1024;
	p->cfg.smbios_default_battery = f & 2048;
	if (f & 4096) {
		struct platform_vnuma *v = &p->vnuma;
		v->nr_vnodes = 1 + fuzz_u32(in) % PLATFORM_MAX_VNODES;
		v->nr_vmemranges = 1 + fuzz_u32(in) % PLATFORM_MAX_VMEMRANGES;
		for (uint32_t i = 0; i < nr; i++)
			v->vcpu_to_vnode[i] = fuzz_u32(in) % v->nr_vnodes;
		for (uint32_t i = 0; i < v->nr_vmemranges; i++) {
			v->vmemrange[i].start = (uint64_t)i << 30;
			v->vmemrange[i].end = ((uint64_t)i << 30) + 0x1000 + (fuzz_u32(in) & 0x3FFFF000);
			v->vmemrange[i].nid = fuzz_u32(in) % v->nr_vnodes;
		}
		for (uint32_t i = 0; i < v->nr_vnodes; i++)
			for (uint32_t j = 0; j < v->nr_vnodes; j++)
				v->distance[i * v->nr_vnodes + j] = i == j ? 10 : 11 + fuzz_u32(in) % 245;
	}
}

/* A table with a checksum over len bytes at guest address pa, inside [phys, phys+size). */
static const uint8_t *summed(const uint8_t *mem, uint64_t phys, size_t size, uint64_t pa, size_t len)
{
	CHECK(pa >= phys && pa + len <= phys + size);
	const uint8_t *t = mem + (pa - phys);
	CHECK_EQ(t_sum8(t, len), 0);
	return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct platform p;
	struct fuzz_in in = { data, size };
	struct t_mem m;
	struct acpi_tables out;
	struct t_walk w;
	uint32_t ep21 = 0, ep30 = 0, mp = 0, pir = 0;

	console_clear();
	random_platform(&p, &in);

	/* ACPI: walked from the RSDP; every table in the arena and summing to zero. */
	t_build(&m, &p, ACPI_ARENA_SIZE(&p), &out, &w);
	/* hvmloader's rule: one vCPU and no IOAPIC is a PIC-only guest, without a MADT. */
	CHECK_EQ(!!t_find(&w, "APIC", 0), p.vcpus.nr > 1 || p.apic_mode);
	CHECK_EQ(!!t_find(&w, "SRAT", 0), !!p.vnuma.nr_vnodes);
	t_mem_free(&m);

	/* SMBIOS */
	size_t sz = SMBIOS_ARENA_MAX(0);
	uint8_t *mem = malloc(sz);
	struct arena a;
	arena_init(&a, mem, 0xFC100000, sz);
	CHECK_EQ(smbios_build(&p, &a, &ep21, &ep30), 0);
	smbios_oracle(mem, 0xFC100000, sz, ep30, ep21);
	free(mem);

	/* MP: the floating pointer and the table it names both sum to zero, within the arena. */
	mem = malloc(MPTABLE_ARENA_MAX);
	arena_init(&a, mem, 0xFC100000, MPTABLE_ARENA_MAX);
	if (!mptable_build(&p, &a, &mp)) {
		const uint8_t *fp = summed(mem, 0xFC100000, MPTABLE_ARENA_MAX, mp, 16);
		CHECK(!memcmp(fp, "_MP_", 4));
		uint32_t cfg = t_le(fp + 4, 4);
		CHECK(cfg >= 0xFC100000u && cfg + 44 <= 0xFC100000u + MPTABLE_ARENA_MAX);
		const uint8_t *h = mem + (cfg - 0xFC100000u);
		CHECK(!memcmp(h, "PCMP", 4));
		summed(mem, 0xFC100000, MPTABLE_ARENA_MAX, cfg, t_le(h + 4, 2));
	} else {
		CHECK(!p.apic_mode);
	}
	free(mem);

	/* $PIR: header length covers the slots and the whole table sums to zero. */
	mem = malloc(PIR_ARENA_MAX);
	arena_init(&a, mem, 0xFC100000, PIR_ARENA_MAX);
	if (!pir_build(&p, &a, &pir)) {
		const uint8_t *h = mem + (pir - 0xFC100000u);
		CHECK(pir >= 0xFC100000u && pir + 32 <= 0xFC100000u + PIR_ARENA_MAX);
		uint32_t len = t_le(h + 6, 2);
		CHECK(!memcmp(h, "$PIR", 4) && len >= 32 && (len - 32) % 16 == 0);
		summed(mem, 0xFC100000, PIR_ARENA_MAX, pir, len);
	}
	free(mem);
	return 0;
}
