/* SPDX-License-Identifier: GPL-2.0-only */
/* acpi-dump: builds the ACPI tables of a few sample platforms on the host and writes each to a file for iasl/acpiexec.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "acpi/build.h"
#include "bug.h"
#include "console.h"
#include "oracle.h"

/* What the loader's console and crash path would do, for a host program. */
void console_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stderr);
}

#define PHYS 0xFC000000ull

/* The sample platforms: name and how they differ from t_platform(). */
static struct platform *shape(const char *name)
{
	struct platform *p;

	if (!strcmp(name, "1cpu")) {
		p = t_platform(1, NULL);
		p->isa.hpet = false;
	} else if (!strcmp(name, "4cpu")) {
		/* Xen's old APIC ID layout, one vCPU offline, everything optional switched on. */
		p = t_platform(4, NULL);
		p->vcpus.online[0] = 0x07;
		p->pci.mem_start = 0xE0000000;
		p->pci.hi_mem_start = 0x1000000000ull;
		p->pci.hi_mem_end = 0x1040000000ull;
		p->isa.com2 = p->isa.lpt1 = true;
		p->cfg.acpi_s3 = p->cfg.acpi_s4 = p->cfg.acpi_laptop_slate = true;
		p->cfg.genid[0] = 0x0123456789ABCDEFull;
		p->cfg.genid[1] = 0xFEDCBA9876543210ull;
		p->vnuma.nr_vnodes = 2;
		p->vnuma.nr_vmemranges = 2;
		for (uint32_t i = 0; i < 4; i++)
			p->vnuma.vcpu_to_vnode[i] = i / 2;
		p->vnuma.vmemrange[0].end = 0x40000000;
		p->vnuma.vmemrange[1].start = 0x40000000;
		p->vnuma.vmemrange[1].end = 0x80000000;
		p->vnuma.vmemrange[1].nid = 1;
		p->vnuma.distance[0] = p->vnuma.distance[3] = 10;
		p->vnuma.distance[1] = p->vnuma.distance[2] = 20;
	} else if (!strcmp(name, "128cpu")) {
		p = t_platform(128, NULL);
		for (uint32_t i = 100; i < 128; i++)
			p->vcpus.online[i / 8] &= (uint8_t) ~(1u << (i % 8));
	} else if (!strcmp(name, "x2apic")) {
		p = t_platform(8, NULL);
		for (uint32_t i = 0; i < 8; i++)
			p->vcpus.apic_id[i] = 250 + 2 * i;
		p->vcpus.online[0] = 0x7F;
	} else {
		return NULL;
	}
	return p;
}

static int write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "acpi-dump: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static uint8_t *at(uint8_t *buf, size_t size, uint64_t addr, uint32_t len)
{
	if (addr < PHYS || addr - PHYS + len > size) {
		fprintf(stderr, "acpi-dump: table at %#llx is outside the arena\n", (unsigned long long)addr);
		exit(1);
	}
	return buf + (addr - PHYS);
}

/* Writes table `addr` as SIG[N].dat (facp.dat, apic.dat, ssdt1.dat ...). */
static int dump_table(const char *dir, uint8_t *buf, size_t size, uint64_t addr, unsigned *ssdt_nr)
{
	uint8_t *t = at(buf, size, addr, 36);
	uint32_t len = t_le32(t + 4);
	char name[32], sig[5];

	t = at(buf, size, addr, len);
	for (int i = 0; i < 4; i++)
		sig[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
	sig[4] = 0;
	if (!strcmp(sig, "ssdt"))
		snprintf(name, sizeof(name), "ssdt%u.dat", (*ssdt_nr)++);
	else
		snprintf(name, sizeof(name), "%s.dat", sig);
	return write_file(dir, name, t, len);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: acpi-dump OUTDIR SHAPE... (shapes: 1cpu 4cpu 128cpu x2apic)\n");
		return 2;
	}
	for (int s = 2; s < argc; s++) {
		struct platform *p = shape(argv[s]);
		char dir[512];
		struct arena a;
		struct acpi_tables out;
		unsigned ssdt_nr = 0;
		int rc = 0;

		if (!p) {
			fprintf(stderr, "acpi-dump: unknown shape %s\n", argv[s]);
			return 2;
		}
		size_t size = ACPI_ARENA_SIZE(p);
		uint8_t *buf = calloc(1, size);
		arena_init(&a, buf, PHYS, size);
		if (acpi_build_tables(p, &a, &out)) {
			fprintf(stderr, "acpi-dump: %s: acpi_build_tables failed\n", argv[s]);
			return 1;
		}
		snprintf(dir, sizeof(dir), "%s/%s", argv[1], argv[s]);
		mkdir(argv[1], 0755);
		mkdir(dir, 0755);

		/* RSDP, then XSDT, RSDT, FACS, DSDT, the 1.0 FADT and every XSDT entry. */
		uint8_t *rsdp = at(buf, size, out.rsdp, 36);
		uint8_t *xsdt = at(buf, size, (uint64_t)t_le32(rsdp + 24) | (uint64_t)t_le32(rsdp + 28) << 32, 36);
		uint8_t *rsdt = at(buf, size, t_le32(rsdp + 16), 36);
		rc |= write_file(dir, "rsdp.dat", rsdp, 36);
		rc |= dump_table(dir, buf, size, t_le32(rsdp + 16), &ssdt_nr);
		rc |= dump_table(dir, buf, size, (uint64_t)t_le32(rsdp + 24), &ssdt_nr);
		rc |= write_file(dir, "facs.dat", at(buf, size, out.facs, 64), 64);
		rc |= dump_table(dir, buf, size, out.dsdt, &ssdt_nr);
		uint8_t *fadt1 = at(buf, size, t_le32(rsdt + 36), 36);
		rc |= write_file(dir, "facp1.dat", fadt1, t_le32(fadt1 + 4));
		for (uint32_t i = 0; i < (t_le32(xsdt + 4) - 36) / 8; i++)
			rc |= dump_table(dir, buf, size, t_le32(xsdt + 36 + 8 * i), &ssdt_nr);
		printf("%s: %u tables, %zu of %zu arena bytes used\n", argv[s], out.nr_tables, a.used, size);
		free(buf);
		free(p);
		if (rc)
			return 1;
	}
	return 0;
}
