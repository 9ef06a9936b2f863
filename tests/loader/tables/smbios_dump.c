/* SPDX-License-Identifier: GPL-2.0-only */
/* `make tables-check`: builds SMBIOS for sample guests and has the real dmidecode decode each entry point. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bug.h"
#include "console.h"
#include "fixture.h"
#include "tables/tables.h"
#include "tools/smbios_dumpbin.h"

/*
 * For each sample platform this writes one dump per entry point in the format of
 * `dmidecode --dump-bin` (dmidecode(8), BINARY DUMP FILE FORMAT: the entry point at offset 0
 * with its table address rewritten to 0x20, the table at 0x20), runs
 * `dmidecode --from-dump FILE`, and checks that dmidecode decodes without complaint and shows
 * what the guest should see. A deliberately broken table must be caught, which proves the
 * checks can fail.
 */

#define PHYS 0xFC100000u
#define ARENA_SIZE (256 * 1024)

static int failures;

/* The builders' log lines, shown indented. */
void console_write(const char *s, size_t len)
{
	printf("    | %.*s", (int)len, s);
}

static void result(bool ok, const char *name, const char *what)
{
	printf("%s %s%s%s\n", ok ? "PASS" : "FAIL", name, ok ? "" : ": ", ok ? "" : what);
	failures += !ok;
}

/* Runs cmd and returns all it printed (stdout and stderr), or NULL. */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	size_t len = 0, cap = 1 << 16;
	char *out = malloc(cap);

	if (!p)
		return NULL;
	for (size_t n; (n = fread(out + len, 1, cap - 1 - len, p)) > 0;) {
		len += n;
		if (len == cap - 1)
			out = realloc(out, cap *= 2);
	}
	out[len] = '\0';
	*status = pclose(p);
	return out;
}

/* A complaint dmidecode prints about a table it finds out of spec or broken, or NULL. */
static const char *complaint(const char *out)
{
	static const char *words[] = { "invalid",   "wrong",   "warning", "out of spec", "not fully supported",
				       "truncated", "corrupt", "failed",  "broken",      "bad" };

	for (const char *line = out; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
			size_t wl = strlen(words[w]);
			for (size_t i = 0; i + wl <= len; i++) {
				/* Whole words only, so that e.g. "Broadband" is no complaint. */
				bool start = i == 0 || !((line[i - 1] | 0x20) >= 'a' && (line[i - 1] | 0x20) <= 'z');
				bool stop = i + wl == len ||
					    !((line[i + wl] | 0x20) >= 'a' && (line[i + wl] | 0x20) <= 'z');
				if (start && stop && !strncasecmp(line + i, words[w], wl)) {
					static char buf[200];
					snprintf(buf, sizeof(buf), "dmidecode said: %.*s", (int)(len < 150 ? len : 150),
						 line);
					return buf;
				}
			}
		}
		line += len + (end ? 1 : 0);
	}
	return NULL;
}

struct sample {
	const char *name;
	struct platform *p;
	const char *expect[12]; /* lines dmidecode must print, whole or in part */
};

/* Decodes one dump and checks it; returns whether every check held. */
static bool check_dump(const char *name, const char *file, const char *const *expect, bool quiet)
{
	char cmd[512], what[256];
	int status = 0;
	bool all = true;

	snprintf(cmd, sizeof(cmd), "dmidecode --from-dump '%s' 2>&1", file);
	char *out = run(cmd, &status);
	if (!out) {
		if (!quiet)
			result(false, name, "cannot run dmidecode");
		return false;
	}
	const char *bad = complaint(out);
	all &= status == 0 && !bad;
	if (!quiet)
		result(status == 0 && !bad, name, bad ? bad : "dmidecode failed");
	for (int i = 0; expect[i]; i++) {
		bool found = strstr(out, expect[i]) != NULL;
		all &= found;
		if (!quiet) {
			snprintf(what, sizeof(what), "%s/decodes \"%s\"", name, expect[i]);
			result(found, what, "not in dmidecode's output");
		}
	}
	free(out);

	/* What /sys/class/dmi/id/product_uuid shows comes from the same decoding. */
	snprintf(cmd, sizeof(cmd), "dmidecode --from-dump '%s' -s system-uuid 2>&1", file);
	out = run(cmd, &status);
	bool uuid = out && status == 0 && !strcmp(out, SAMPLE_UUID_STR "\n");
	all &= uuid;
	if (!quiet) {
		snprintf(what, sizeof(what), "%s/system-uuid", name);
		result(uuid, what, out ? out : "no output");
	}
	free(out);
	return all;
}

/* Builds SMBIOS for s, dumps both entry points to dir and checks them. */
static void check_sample(const struct sample *s, const char *dir)
{
	uint8_t *mem = calloc(1, ARENA_SIZE);
	struct arena a;
	uint32_t ep21 = 0, ep30 = 0;
	char path[512], name[128];

	arena_init(&a, mem, PHYS, ARENA_SIZE);
	int rc = smbios_build(s->p, &a, &ep21, &ep30);
	snprintf(name, sizeof(name), "%s/build", s->name);
	result(rc == 0 && ep21 && ep30, name, "smbios_build failed");
	if (rc || !ep21 || !ep30) {
		free(mem);
		return;
	}
	const uint8_t *e3 = mem + (ep30 - PHYS), *e2 = mem + (ep21 - PHYS);
	uint64_t table;
	uint32_t len;
	memcpy(&table, e3 + 0x10, 8);
	memcpy(&len, e3 + 0x0C, 4);

	static const char *const which[2] = { "ep30", "ep21" };
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s-%s.bin", dir, s->name, which[i]);
		snprintf(name, sizeof(name), "%s/%s", s->name, which[i]);
		if (!smbios_write_dump_bin(path, i ? e2 : e3, mem + (table - PHYS), len)) {
			result(false, name, "cannot write the dump");
			continue;
		}
		check_dump(name, path, s->expect, false);
	}

	/* Once: break the first structure's length and make sure the checks notice. */
	if (!strcmp(s->name, "default")) {
		uint8_t *t = mem + (table - PHYS);
		t[1] = 3; /* DSP0134 6.1.2: a header alone is already 4 */
		snprintf(path, sizeof(path), "%s/corrupt-ep30.bin", dir);
		bool caught = smbios_write_dump_bin(path, e3, t, len) && !check_dump("corrupt", path, s->expect, true);
		result(caught, "corrupt/ep30-is-rejected", "a broken table passed the checks");
	}
	free(mem);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
		return 2;
	}

	/* hvmloader's defaults: 2 vCPUs, 2 GiB. */
	struct sample def = { "default",
			      sample_platform(2, 2ull << 30, 0),
			      { "SMBIOS 3.0", "Vendor: Xen", "Version: 4.17.3", "Manufacturer: Xen",
				"Product Name: HVM domU", "Serial Number: " SAMPLE_UUID_STR, "String 1: Xen",
				"Socket Designation: CPU 2", "Size: 2 GB", NULL } };

	/* Toolstack strings, a battery, passed-through structures, RAM above 4 GiB. */
	struct sample custom = { "custom",
				 sample_platform(4, 3ull << 30, (1ull << 32) + (37ull << 30)),
				 { "SMBIOS 3.0", "Vendor: Acme BIOS", "Product Name: Roadrunner 9000",
				   "String 2: oem two", "Serial Number: chassis-sn", "Name: XEN-VBAT",
				   "Manufacturer: PassedBoard", "Size: 16 GB", "Size: 5 GB", "Range Size: 37 GB",
				   "OEM-specific Type", NULL } };
	struct platform *p = custom.p;
	strcpy(p->strings.bios_vendor, "Acme BIOS");
	strcpy(p->strings.system_product_name, "Roadrunner 9000");
	strcpy(p->strings.enclosure_serial_number, "chassis-sn");
	p->strings.oem_nr = 2;
	strcpy(p->strings.oem[0], "oem one");
	strcpy(p->strings.oem[1], "oem two");
	p->cfg.smbios_default_battery = true;
	/* smbios_firmware=: a type 2 replacing ours and a vendor type 192, each after its length. */
	static uint8_t blob[] = {
		15 + 13, 0, 0,    0, 2,   15,  0x99, 0x99, 1,    0,    0,    0,    0,   0x09, 0,
		0x03,    0, 0x0A, 0, 'P', 'a', 's',  's',  'e',  'd',  'B',  'o',  'a', 'r',  'd',
		0,       0, 8,    0, 0,   0,   0xC0, 6,    0x00, 0xC0, 0x12, 0x34, 0,   0,
	};
	/* The passed-through type 2 wins over the toolstack's baseboard strings. */
	strcpy(p->strings.baseboard_manufacturer, "ignored");
	p->cfg.smbios_blob = blob;
	p->cfg.smbios_blob_len = sizeof(blob);

	/* The largest guest: 128 vCPUs, 1 TiB above 4 GiB. */
	struct sample big = { "big",
			      sample_platform(128, 0xF0000000, (1ull << 32) + (1ull << 40)),
			      { "SMBIOS 3.0", "Socket Designation: CPU 128", "Size: 16 GB", "Range Size: 1 TB",
				"Locator: DIMM 64", NULL } };

	const struct sample *all[] = { &def, &custom, &big };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		check_sample(all[i], argv[1]);
		free(all[i]->p);
	}
	printf("tables-check: %s\n", failures ? "FAILED" : "all passed");
	return failures ? 1 : 0;
}
