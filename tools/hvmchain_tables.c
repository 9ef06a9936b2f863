/* SPDX-License-Identifier: GPL-2.0-only */
/* hvmchain-tables: runs the loader's table builders for an xl-like guest and writes the tables to files. */
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "acpi/build.h"
#include "arena.h"
#include "console.h"
#include "e820_build.h"
#include "fixture.h"
#include "tables/tables.h"
#include "tools/smbios_dumpbin.h"

/* Where the loader puts its tables (main.c's TABLES_PHYS): addresses inside match a guest's. */
#define PHYS 0xFC000000u
#define GiB (1ull << 30)
#define MiB (1ull << 20)

static const char *outdir;

/* The builders' log lines go to stderr, as a guest's go to the Xen console. */
void console_write(const char *s, size_t len)
{
	fwrite(s, 1, len, stderr);
}

static void die(const char *what)
{
	fprintf(stderr, "hvmchain-tables: %s\n", what);
	exit(1);
}

/* A command line that describes no guest xl would create: exit status 2, as for usage. */
static void bad_option(const char *what)
{
	fprintf(stderr, "hvmchain-tables: %s\n", what);
	exit(2);
}

static void write_file(const char *name, const void *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", outdir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "hvmchain-tables: %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

static uint8_t *read_file(const char *path, uint32_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = malloc(16 * MiB);
	size_t n;

	if (!f || !buf) {
		fprintf(stderr, "hvmchain-tables: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	n = fread(buf, 1, 16 * MiB, f);
	fclose(f);
	*len = (uint32_t)n;
	return buf;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The arena: guest-physical PHYS.. backed by buf. */
static uint8_t *buf;
static size_t buf_size;

static uint8_t *at(uint64_t addr, uint64_t len)
{
	if (addr < PHYS || addr - PHYS + len > buf_size)
		die("a table points outside the tables area");
	return buf + (addr - PHYS);
}

/* ACPI table at addr as SIG.dat (ssdtN.dat for SSDTs), the names `iasl -d` expects. */
static void dump_acpi(uint64_t addr, unsigned *ssdt_nr)
{
	uint8_t *t = at(addr, 36);
	uint32_t len = le32(t + 4);
	char name[32], sig[5];

	t = at(addr, len);
	for (int i = 0; i < 4; i++)
		sig[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] - 'A' + 'a' : t[i]);
	sig[4] = 0;
	if (!strcmp(sig, "ssdt"))
		snprintf(name, sizeof(name), "ssdt%u.dat", (*ssdt_nr)++);
	else
		snprintf(name, sizeof(name), "%s.dat", sig);
	write_file(name, t, len);
}

/* bios-strings/KEY as libxl writes them (xenstore-paths), into struct platform_bios_strings. */
static void set_string(struct platform *p, const char *kv)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
#define K(key, field) { key, offsetof(struct platform_bios_strings, field) }
		K("bios-vendor", bios_vendor),
		K("bios-version", bios_version),
		K("system-manufacturer", system_manufacturer),
		K("system-product-name", system_product_name),
		K("system-version", system_version),
		K("system-serial-number", system_serial_number),
		K("baseboard-manufacturer", baseboard_manufacturer),
		K("baseboard-product-name", baseboard_product_name),
		K("baseboard-version", baseboard_version),
		K("baseboard-serial-number", baseboard_serial_number),
		K("baseboard-asset-tag", baseboard_asset_tag),
		K("baseboard-location-in-chassis", baseboard_location_in_chassis),
		K("enclosure-manufacturer", enclosure_manufacturer),
		K("enclosure-serial-number", enclosure_serial_number),
		K("enclosure-asset-tag", enclosure_asset_tag),
		K("battery-manufacturer", battery_manufacturer),
		K("battery-device-name", battery_device_name),
#undef K
	};
	const char *eq = strchr(kv, '=');
	size_t klen = eq ? (size_t)(eq - kv) : 0;

	if (!eq || strlen(eq + 1) >= PLATFORM_STRING_MAX)
		bad_option("--bios-string wants KEY=VALUE, VALUE shorter than 128 bytes");
	if (klen > 4 && !strncmp(kv, "oem-", 4)) {
		if (p->strings.oem_nr == PLATFORM_MAX_OEM_STRINGS)
			bad_option("too many oem- strings");
		strcpy(p->strings.oem[p->strings.oem_nr++], eq + 1);
		return;
	}
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strlen(keys[i].key) == klen && !strncmp(kv, keys[i].key, klen)) {
			strcpy((char *)&p->strings + keys[i].off, eq + 1);
			return;
		}
	bad_option("unknown bios-strings key (see hvmchain(7), XENSTORE KEYS)");
}

static unsigned long num(const char *s, const char *opt)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (!*s || *end) {
		fprintf(stderr, "hvmchain-tables: %s: \"%s\" is not a number\n", opt, s);
		exit(2);
	}
	return v;
}

static void usage(void)
{
	fprintf(stderr, "usage: hvmchain-tables [--vcpus N] [--maxvcpus N] [--memory MiB] [--mmio-hole MiB]\n"
			"         [--acpi-s3 0|1] [--acpi-s4 0|1] [--vnuma NODES] [--bios-string KEY=VALUE]...\n"
			"         [--acpi-firmware FILE] [--smbios-firmware FILE] OUTDIR\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "vcpus", 1, NULL, 'v' },           { "maxvcpus", 1, NULL, 'V' },    { "memory", 1, NULL, 'm' },
		{ "mmio-hole", 1, NULL, 'H' },       { "acpi-s3", 1, NULL, '3' },     { "acpi-s4", 1, NULL, '4' },
		{ "vnuma", 1, NULL, 'n' },           { "bios-string", 1, NULL, 's' }, { "acpi-firmware", 1, NULL, 'a' },
		{ "smbios-firmware", 1, NULL, 'b' }, { "help", 0, NULL, 'h' },        { 0 },
	};
	unsigned long vcpus = 1, maxvcpus = 0, memory = 512, hole = 256, nodes = 0;
	struct platform *p = sample_platform(1, 0, 0);
	const char *acpi_file = NULL, *smbios_file = NULL;
	int c;

	p->cfg.acpi_s3 = p->cfg.acpi_s4 = true;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'v':
			vcpus = num(optarg, "--vcpus");
			break;
		case 'V':
			maxvcpus = num(optarg, "--maxvcpus");
			break;
		case 'm':
			memory = num(optarg, "--memory");
			break;
		case 'H':
			hole = num(optarg, "--mmio-hole");
			break;
		case '3':
			p->cfg.acpi_s3 = num(optarg, "--acpi-s3") != 0;
			break;
		case '4':
			p->cfg.acpi_s4 = num(optarg, "--acpi-s4") != 0;
			break;
		case 'n':
			nodes = num(optarg, "--vnuma");
			break;
		case 's':
			set_string(p, optarg);
			break;
		case 'a':
			acpi_file = optarg;
			break;
		case 'b':
			smbios_file = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	outdir = argv[optind];
	if (!maxvcpus)
		maxvcpus = vcpus;
	if (!vcpus || vcpus > maxvcpus || maxvcpus > PLATFORM_MAX_VCPUS)
		bad_option("want 1 <= vcpus <= maxvcpus <= 128");
	if (hole < 256 || hole > 3072 || memory < 16)
		bad_option("want --mmio-hole between 256 and 3072 MiB (xl's range) and --memory of 16 MiB or more");
	if (nodes > PLATFORM_MAX_VNODES || nodes > vcpus)
		bad_option("want --vnuma no larger than 16 nor than --vcpus");

	/* The guest: vCPUs 0..vcpus-1 online of maxvcpus, RAM below the hole and the rest above 4 GiB. */
	struct platform *s = sample_platform((uint32_t)maxvcpus, 0, 0);
	p->vcpus = s->vcpus;
	free(s);
	memset(p->vcpus.online, 0, sizeof(p->vcpus.online));
	for (uint32_t i = 0; i < vcpus; i++)
		p->vcpus.online[i / 8] |= (uint8_t)(1u << (i % 8));
	uint64_t mem = (uint64_t)memory * MiB, low_max = 4 * GiB - (uint64_t)hole * MiB;
	p->mem.low_end = mem < low_max ? mem : low_max;
	p->mem.high_end = mem > low_max ? 4 * GiB + (mem - low_max) : 0;
	p->mem.memmap[0] = (struct e820_entry){ 0, p->mem.low_end, E820_RAM };
	p->mem.memmap_nr = 1;
	if (p->mem.high_end)
		p->mem.memmap[p->mem.memmap_nr++] = (struct e820_entry){ 4 * GiB, p->mem.high_end - 4 * GiB, E820_RAM };
	p->pci.mem_start = low_max;
	p->pci.mem_end = PHYS;
	p->isa.com1 = p->isa.hpet = true;
	p->cfg.smbios_ep21 = p->cfg.smbios_ep30 = true;
	p->cfg.xen_platform_pci_bar_uc = true;
	if (acpi_file)
		p->cfg.acpi_blob = read_file(acpi_file, &p->cfg.acpi_blob_len);
	if (smbios_file)
		p->cfg.smbios_blob = read_file(smbios_file, &p->cfg.smbios_blob_len);

	/* vNUMA: memory and vCPUs split evenly over the nodes, distance 10 local and 20 remote. */
	if (nodes > 1) {
		p->vnuma.nr_vnodes = p->vnuma.nr_vmemranges = (uint32_t)nodes;
		for (uint32_t i = 0; i < maxvcpus; i++)
			p->vnuma.vcpu_to_vnode[i] = (uint32_t)(i * nodes / maxvcpus);
		for (uint32_t n = 0; n < nodes; n++) {
			p->vnuma.vmemrange[n].start = n * (mem / nodes) & ~(MiB - 1);
			p->vnuma.vmemrange[n].end = n + 1 == nodes ? mem : (n + 1) * (mem / nodes) & ~(MiB - 1);
			p->vnuma.vmemrange[n].nid = n;
			for (uint32_t m = 0; m < nodes; m++)
				p->vnuma.distance[n * nodes + m] = n == m ? 10 : 20;
		}
	}

	/* The builders, in the loader's order, into one arena at the loader's address. */
	buf_size = SMBIOS_ARENA_MAX(p->cfg.smbios_blob_len) + MPTABLE_ARENA_MAX + PIR_ARENA_MAX + ACPI_ARENA_SIZE(p);
	buf = calloc(1, buf_size);
	struct arena a;
	arena_init(&a, buf, PHYS, buf_size);
	uint32_t ep21 = 0, ep30 = 0, mp = 0, pir = 0;
	struct acpi_tables acpi;
	int rc = 0;

	if (mkdir(outdir, 0755) && errno != EEXIST) {
		fprintf(stderr, "hvmchain-tables: %s: %s\n", outdir, strerror(errno));
		return 1;
	}
	if (smbios_build(p, &a, &ep21, &ep30)) {
		fprintf(stderr, "hvmchain-tables: SMBIOS not built\n");
		rc = 1;
	} else {
		char path[4096];
		const uint8_t *e = at(ep30, 0x18);
		uint64_t table = le32(e + 0x10) | (uint64_t)le32(e + 0x14) << 32;
		uint32_t len = le32(e + 0x0C);

		snprintf(path, sizeof(path), "%s/smbios.bin", outdir);
		if (!smbios_write_dump_bin(path, e, at(table, len), len))
			die("cannot write smbios.bin");
		snprintf(path, sizeof(path), "%s/smbios21.bin", outdir);
		if (!smbios_write_dump_bin(path, at(ep21, 0x1F), at(table, len), len))
			die("cannot write smbios21.bin");
	}
	if (mptable_build(p, &a, &mp)) {
		fprintf(stderr, "hvmchain-tables: MP table not built\n");
		rc = 1;
	} else {
		const uint8_t *fp = at(mp, 16);
		const uint8_t *cfg = at(le32(fp + 4), 8);

		write_file("mpfp.bin", fp, 16);
		write_file("mptable.bin", cfg, (size_t)(cfg[4] | cfg[5] << 8) + (size_t)(cfg[0x28] | cfg[0x29] << 8));
	}
	if (pir_build(p, &a, &pir)) {
		fprintf(stderr, "hvmchain-tables: $PIR not built\n");
		rc = 1;
	} else {
		const uint8_t *t = at(pir, 8);

		write_file("pir.bin", t, (size_t)(t[6] | t[7] << 8));
	}
	if (acpi_build_tables(p, &a, &acpi)) {
		fprintf(stderr, "hvmchain-tables: ACPI not built\n");
		rc = 1;
	} else {
		/* RSDP, RSDT, XSDT, FACS, DSDT, the ACPI 1.0 FADT the RSDT lists, then every XSDT entry. */
		unsigned ssdt_nr = 0;
		uint8_t *rsdp = at(acpi.rsdp, 36);
		uint8_t *rsdt = at(le32(rsdp + 16), 36);
		uint8_t *xsdt = at(le32(rsdp + 24), 36);
		uint8_t *fadt1 = at(le32(rsdt + 36), 36);

		write_file("rsdp.dat", rsdp, 36);
		dump_acpi(le32(rsdp + 16), &ssdt_nr);
		dump_acpi(le32(rsdp + 24), &ssdt_nr);
		write_file("facs.dat", at(acpi.facs, 64), 64);
		dump_acpi(acpi.dsdt, &ssdt_nr);
		write_file("facp1.dat", fadt1, le32(fadt1 + 4));
		for (uint32_t i = 0; i < (le32(xsdt + 4) - 36) / 8; i++)
			dump_acpi(le32(xsdt + 36 + 8 * i), &ssdt_nr);
	}

	/* The e820 map a 256 KiB SeaBIOS (libxl's default module) guest gets. */
	struct e820_map e820;
	const struct e820_layout layout = {
		.toolstack = p->mem.memmap,
		.toolstack_nr = p->mem.memmap_nr,
		.bios_base = 0xC0000,
		.tables_start = PHYS,
		.tables_end = PHYS + ((a.used + 0xFFF) & ~0xFFFull),
	};
	if (e820_build(&e820, &layout)) {
		fprintf(stderr, "hvmchain-tables: e820 map not built\n");
		return 1;
	}
	char path[4096];
	snprintf(path, sizeof(path), "%s/e820.txt", outdir);
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write e820.txt");
	for (uint32_t i = 0; i < e820.nr; i++)
		fprintf(f, "%016llx-%016llx %s\n", (unsigned long long)e820.entry[i].addr,
			(unsigned long long)(e820.entry[i].addr + e820.entry[i].size - 1),
			e820_type_name(e820.entry[i].type));
	fclose(f);
	printf("hvmchain-tables: %lu of %lu vCPUs, %lu MiB, tables in %s (%zu bytes used)\n", vcpus, maxvcpus, memory,
	       outdir, a.used);
	return rc;
}
