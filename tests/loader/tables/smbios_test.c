/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the SMBIOS builder by decoding its output with an independent reader (DSP0134 framing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "err.h"
#include "bytes.h"
#include "harness.h"
#include "fixture.h"
#include "tables/tables.h"

#define PHYS 0xFC100000u
#define ARENA_SIZE (256 * 1024)
#define MAX_STRUCTS 1024

/* One decoded structure: where it is and its strings, found by walking bytes ourselves. */
struct st {
	const uint8_t *b;
	uint8_t type, len;
	uint16_t handle;
	size_t total; /* formatted area plus string set */
	int nr_strings;
	const char *str[256]; /* str[1..nr_strings] */
};

struct decoded {
	uint8_t *mem;
	struct arena a;
	uint32_t ep21, ep30;
	int rc;
	const uint8_t *table;
	size_t table_len;
	int nr;
	struct st s[MAX_STRUCTS];
};

static const uint8_t *at_phys(struct decoded *d, uint64_t pa, size_t len)
{
	if (pa < PHYS || pa + len > PHYS + ARENA_SIZE)
		return NULL;
	return d->mem + (pa - PHYS);
}

/* Walks the table structure by structure; false (with a failed check) if it is malformed. */
static bool walk(struct decoded *d)
{
	size_t at = 0;

	d->nr = 0;
	while (at < d->table_len) {
		struct st *s = &d->s[d->nr];
		const uint8_t *b = d->table + at;
		size_t left = d->table_len - at;

		if (!CHECK(d->nr < MAX_STRUCTS) || !CHECK(left >= 6))
			return false;
		s->b = b;
		s->type = b[0];
		s->len = b[1];
		s->handle = t_le16(b + 2);
		if (!CHECK(s->len >= 4) || !CHECK(s->len + 2u <= left))
			return false;
		size_t i = s->len;
		s->nr_strings = 0;
		if (b[i] == 0) {
			/* No strings: the set is exactly two NULs. */
			if (!CHECK(b[i + 1] == 0))
				return false;
			i += 2;
		} else {
			while (b[i]) {
				size_t n = strnlen((const char *)b + i, left - i);
				if (!CHECK(i + n + 1 < left) || !CHECK(s->nr_strings < 255))
					return false;
				s->str[++s->nr_strings] = (const char *)b + i;
				i += n + 1;
			}
			i++; /* the set's final NUL */
		}
		s->total = i;
		at += i;
		d->nr++;
		if (s->type == 127)
			break;
	}
	return CHECK_EQ(at, d->table_len);
}

/* Builds SMBIOS for p and checks both entry points the way a reader would. */
static struct decoded *build(const struct platform *p)
{
	struct decoded *d = calloc(1, sizeof(*d));

	d->mem = calloc(1, ARENA_SIZE);
	arena_init(&d->a, d->mem, PHYS, ARENA_SIZE);
	d->rc = smbios_build(p, &d->a, &d->ep21, &d->ep30);
	if (d->rc)
		return d;

	/* DSP0134 5.2.2: the 3.0 entry point. */
	const uint8_t *e3 = at_phys(d, d->ep30, 0x18);
	if (!CHECK(e3 != NULL) || !CHECK(!memcmp(e3, "_SM3_", 5)))
		return d;
	CHECK_EQ(d->ep30 % 16, 0);
	CHECK_EQ(e3[6], 0x18);
	CHECK_EQ(t_sum8(e3, e3[6]), 0);
	CHECK_EQ(e3[7], 3);
	CHECK_EQ(e3[8], 0);
	CHECK_EQ(e3[10], 1);
	uint64_t table = t_le64(e3 + 0x10);
	d->table_len = t_le32(e3 + 0x0C);
	d->table = at_phys(d, table, d->table_len);
	if (!CHECK(d->table != NULL) || !walk(d))
		return d;

	/* DSP0134 5.2.1: the 2.1 entry point names the same table. */
	if (d->ep21) {
		const uint8_t *e2 = at_phys(d, d->ep21, 0x1F);
		if (!CHECK(e2 != NULL))
			return d;
		CHECK(!memcmp(e2, "_SM_", 4));
		CHECK(!memcmp(e2 + 0x10, "_DMI_", 5));
		CHECK_EQ(d->ep21 % 16, 0);
		CHECK_EQ(e2[5], 0x1F);
		CHECK_EQ(t_sum8(e2, 0x1F), 0);
		CHECK_EQ(t_sum8(e2, 0x10), 0); /* what SeaBIOS checks */
		CHECK_EQ(t_sum8(e2 + 0x10, 0x0F), 0);
		CHECK_EQ(e2[6], 3);
		CHECK_EQ(e2[7], 0);
		CHECK_EQ(e2[0x1E], 0x30);
		CHECK_EQ(t_le32(e2 + 0x18), table);
		CHECK_EQ(t_le16(e2 + 0x16), d->table_len);
		CHECK_EQ(t_le16(e2 + 0x1C), d->nr);
		size_t max = 0;
		for (int i = 0; i < d->nr; i++)
			max = d->s[i].total > max ? d->s[i].total : max;
		CHECK_EQ(t_le16(e2 + 8), max);
	}
	return d;
}

static void release(struct decoded *d)
{
	free(d->mem);
	free(d);
}

static int count_type(const struct decoded *d, uint8_t type)
{
	int n = 0;

	for (int i = 0; i < d->nr; i++)
		n += d->s[i].type == type;
	return n;
}

static const struct st *find(const struct decoded *d, uint8_t type, int nth)
{
	for (int i = 0; i < d->nr; i++)
		if (d->s[i].type == type && nth-- == 0)
			return &d->s[i];
	return NULL;
}

/* The string a field at offset off refers to; "" for index 0, NULL for a bad index. */
static const char *str_at(const struct st *s, uint8_t off)
{
	if (!s || off >= s->len)
		return NULL;
	uint8_t idx = s->b[off];
	if (idx == 0)
		return "";
	return idx <= s->nr_strings ? s->str[idx] : NULL;
}

static bool handles_unique(const struct decoded *d)
{
	bool ok = true;

	for (int i = 0; i < d->nr; i++)
		for (int j = i + 1; j < d->nr; j++)
			ok &= CHECK(d->s[i].handle != d->s[j].handle);
	return ok;
}

static const struct st *by_handle(const struct decoded *d, uint16_t h)
{
	for (int i = 0; i < d->nr; i++)
		if (d->s[i].handle == h)
			return &d->s[i];
	return NULL;
}

TEST(smbios_defaults_are_hvmloaders)
{
	struct platform *p = sample_platform(2, 1ull << 30, 0);
	struct decoded *d = build(p);

	if (!CHECK_EQ(d->rc, 0) || !CHECK(d->table) || !CHECK(d->ep21 != 0))
		goto out;
	handles_unique(d);
	CHECK_EQ(d->s[d->nr - 1].type, 127);
	CHECK_EQ(d->s[0].type, 0);

	const struct st *t0 = find(d, 0, 0);
	CHECK_STR(str_at(t0, 4), "Xen");
	CHECK_STR(str_at(t0, 5), "4.17.3");
	CHECK_EQ(t0->len, 0x18);
	CHECK_EQ(t_le16(t0->b + 6), 0xE800);
	CHECK_EQ(t0->b[0x14], 4); /* BIOS release 4.17 */
	CHECK_EQ(t0->b[0x15], 17);

	const struct st *t1 = find(d, 1, 0);
	CHECK_EQ(t1->len, 0x1B);
	CHECK_STR(str_at(t1, 4), "Xen");
	CHECK_STR(str_at(t1, 5), "HVM domU");
	CHECK_STR(str_at(t1, 6), "4.17.3");
	CHECK_STR(str_at(t1, 7), SAMPLE_UUID_STR);
	/* Printed as SMBIOS 2.6+ readers do (first three fields little-endian), it is the UUID. */
	const uint8_t *u = t1->b + 8;
	char uuid[40];
	snprintf(uuid, sizeof(uuid), "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[3], u[2],
		 u[1], u[0], u[5], u[4], u[7], u[6], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
	CHECK_STR(uuid, SAMPLE_UUID_STR);

	CHECK_EQ(count_type(d, 2), 0); /* no baseboard strings given */
	CHECK_STR(str_at(find(d, 3, 0), 4), "Xen");
	CHECK_EQ(count_type(d, 4), 2);
	CHECK_STR(str_at(find(d, 4, 0), 4), "CPU 1");
	CHECK_STR(str_at(find(d, 4, 1), 4), "CPU 2");
	CHECK_STR(str_at(find(d, 4, 1), 7), "Intel");
	CHECK_EQ(t_le32(find(d, 4, 0)->b + 8), 0x000806EA);
	CHECK_EQ(t_le16(find(d, 4, 0)->b + 0x16), 2400); /* MHz */
	CHECK_EQ(find(d, 4, 0)->b[0x18], 0x41);

	const struct st *t11 = find(d, 11, 0);
	CHECK_EQ(t11->b[4], 1);
	CHECK_STR(str_at(t11, 4), "Xen");
	CHECK_EQ(count_type(d, 22), 0);
	CHECK_EQ(count_type(d, 32), 1);
	CHECK_EQ(count_type(d, 16), 1);
out:
	release(d);
	free(p);
}

TEST(smbios_string_sets_and_index_zero)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);

	/* Only an asset tag: the other string fields say "none" with index 0. */
	strcpy(p->strings.baseboard_asset_tag, "Tag-7");
	strcpy(p->strings.bios_vendor, "Acme");
	p->strings.oem_nr = 3;
	strcpy(p->strings.oem[0], "first");
	strcpy(p->strings.oem[1], ""); /* cannot be stored: dropped */
	strcpy(p->strings.oem[2], "third");
	struct decoded *d = build(p);
	if (!CHECK_EQ(d->rc, 0) || !CHECK(d->table))
		goto out;

	const struct st *t2 = find(d, 2, 0);
	if (CHECK(t2 != NULL)) {
		CHECK_EQ(t2->b[4], 0); /* manufacturer */
		CHECK_EQ(t2->b[5], 0); /* product */
		CHECK_EQ(t2->b[8], 1); /* asset tag: the set's first string */
		CHECK_EQ(t2->nr_strings, 1);
		CHECK_STR(str_at(t2, 8), "Tag-7");
		CHECK_EQ(t_le16(t2->b + 0x0B), 0x0300); /* in our enclosure */
		/* One string, then the set's extra NUL. */
		CHECK_EQ(t2->total, t2->len + strlen("Tag-7") + 2);
	}
	CHECK_STR(str_at(find(d, 0, 0), 4), "Acme");
	const struct st *t11 = find(d, 11, 0);
	CHECK_EQ(t11->b[4], 2); /* count */
	if (CHECK_EQ(t11->nr_strings, 2)) {
		CHECK_STR(t11->str[1], "first");
		CHECK_STR(t11->str[2], "third");
	}

	/* A structure without strings ends in exactly two NULs. */
	const struct st *t32 = find(d, 32, 0);
	CHECK_EQ(t32->nr_strings, 0);
	CHECK_EQ(t32->total, t32->len + 2);
	CHECK_EQ(t32->b[t32->len], 0);
	CHECK_EQ(t32->b[t32->len + 1], 0);
	const struct st *t127 = find(d, 127, 0);
	CHECK_EQ(t127->total, 6);
out:
	release(d);
	free(p);
}

/* The memory structures against the RAM the platform has. */
static void check_memory(uint64_t low_end, uint64_t high_end)
{
	struct platform *p = sample_platform(1, low_end, high_end);
	struct decoded *d = build(p);
	uint64_t four_gib = 1ull << 32;
	uint64_t want_mib = ((low_end + (1u << 20) - 1) >> 20);
	uint64_t got_mib = 0, got_bytes = 0;

	if (high_end > four_gib)
		want_mib += (high_end - four_gib + (1u << 20) - 1) >> 20;
	if (!CHECK_EQ(d->rc, 0) || !CHECK(d->table))
		goto out;
	handles_unique(d);

	int nr17 = count_type(d, 17);
	const struct st *t16 = find(d, 16, 0);
	CHECK_EQ(t_le16(t16->b + 0x0D), nr17);
	CHECK(nr17 <= 256);
	for (int i = 0; i < nr17; i++) {
		const struct st *t = find(d, 17, i);
		uint16_t sz = t_le16(t->b + 0x0C);
		uint64_t mib = sz == 0x7FFF ? t_le32(t->b + 0x1C) : sz;
		CHECK(!(sz & 0x8000)); /* MiB granularity */
		/* 16 GiB devices, growing past 4 TiB of RAM so there are at most 256. */
		CHECK(mib <= 0x4000 || want_mib > (4ull << 20));
		CHECK_EQ(t_le16(t->b + 4), t16->handle);
		got_mib += mib;
	}
	CHECK_EQ(got_mib, want_mib);

	/* Type 19: the real ranges; type 20: each device inside one, summing to RAM. */
	int nr19 = count_type(d, 19);
	CHECK_EQ(nr19, (low_end ? 1 : 0) + (high_end > four_gib ? 1 : 0));
	for (int i = 0; i < nr19; i++) {
		const struct st *t = find(d, 19, i);
		uint64_t s = t_le32(t->b + 4), e = t_le32(t->b + 8);
		if (s == 0xFFFFFFFF) {
			s = t_le64(t->b + 0x0F);
			e = t_le64(t->b + 0x17);
		} else {
			s <<= 10;
			e = (e << 10) + 1023;
		}
		if (i == 0 && low_end) {
			CHECK_EQ(s, 0);
			CHECK_EQ(e + 1, low_end);
		} else {
			CHECK_EQ(s, four_gib);
			CHECK_EQ(e + 1, high_end);
		}
	}
	CHECK_EQ(count_type(d, 20), nr17);
	for (int i = 0; i < count_type(d, 20); i++) {
		const struct st *t = find(d, 20, i);
		uint64_t s = t_le32(t->b + 4), e = t_le32(t->b + 8);
		if (s == 0xFFFFFFFF) {
			s = t_le64(t->b + 0x13);
			e = t_le64(t->b + 0x1B);
		} else {
			s <<= 10;
			e = (e << 10) + 1023;
		}
		const struct st *dev = by_handle(d, t_le16(t->b + 0x0C));
		const struct st *map = by_handle(d, t_le16(t->b + 0x0E));
		if (CHECK(dev && map)) {
			CHECK_EQ(dev->type, 17);
			CHECK_EQ(map->type, 19);
		}
		CHECK(s < four_gib ? e < low_end : s >= four_gib && e < high_end);
		got_bytes += e - s + 1;
	}
	CHECK_EQ(got_bytes, low_end + (high_end > four_gib ? high_end - four_gib : 0));
out:
	release(d);
	free(p);
}

TEST(smbios_memory_adds_up_to_ram)
{
	check_memory(1ull << 30, 0);                            /* 1 GiB */
	check_memory(0x3F7FF000, 0);                            /* not a whole MiB */
	check_memory(0xC0000000, (1ull << 32) + (5ull << 30));  /* 3 + 5 GiB */
	check_memory(0x80000000, (1ull << 32) + (40ull << 30)); /* 2 + 16 + 16 + 8 GiB */
	check_memory(0xF0000000, (1ull << 32) + (64ull << 30)); /* exactly four 16 GiB devices high */
	check_memory(0xF0000000, (1ull << 32) + (5ull << 40));  /* 5 TiB: bigger devices, extended */
}

TEST(smbios_128_vcpus_and_battery)
{
	struct platform *p = sample_platform(128, 1ull << 30, 0);

	p->cfg.smbios_default_battery = true;
	p->vcpus.online[15] = 0x7F; /* vCPU 127 offline */
	struct decoded *d = build(p);
	if (CHECK_EQ(d->rc, 0) && CHECK(d->table)) {
		handles_unique(d);
		CHECK_EQ(count_type(d, 4), 128);
		CHECK_STR(str_at(find(d, 4, 127), 4), "CPU 128");
		CHECK_EQ(find(d, 4, 126)->b[0x18], 0x41);
		CHECK_EQ(find(d, 4, 127)->b[0x18], 0x44); /* idle until brought online */
		const struct st *t22 = find(d, 22, 0);
		if (CHECK(t22 != NULL)) {
			CHECK_STR(str_at(t22, 4), "Primary");
			CHECK_STR(str_at(t22, 5), "Xen");
			CHECK_STR(str_at(t22, 8), "XEN-VBAT");
		}
	}
	release(d);
	free(p);
}

TEST(smbios_reports_a_full_arena)
{
	struct platform *p = sample_platform(4, 1ull << 30, 0);
	uint8_t mem[512];
	struct arena a;
	uint32_t e2 = 0, e3 = 0;

	arena_init(&a, mem, PHYS, sizeof(mem));
	CHECK_EQ(smbios_build(p, &a, &e2, &e3), -ERR_NOSPC);
	CHECK(strstr(console_text(), "SMBIOS: no room") != NULL);
	free(p);
}

/* Appends one blob record: the length word, then the structure. */
static size_t put_record(uint8_t *blob, size_t at, const void *s, uint32_t len)
{
	memcpy(blob + at, &len, 4);
	memcpy(blob + at + 4, s, len);
	return at + 4 + len;
}

TEST(smbios_blob_good_record_used_bad_ones_logged)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	static uint8_t blob[512];
	size_t at = 0;

	/* A good type 1 with its own strings and handle 0x1234 (ours replaces it). */
	uint8_t t1[0x1B + 16] = { 1, 0x1B, 0x34, 0x12, 1, 2, 0, 0 };
	memcpy(t1 + 0x1B, "Custom\0Machine\0\0", 16);
	at = put_record(blob, at, t1, sizeof(t1));
	/* A type 3 whose formatted area is below the 0x0D DSP0134 requires. */
	uint8_t t3[] = { 3, 0x08, 0, 3, 1, 1, 0, 0, 0, 0 };
	at = put_record(blob, at, t3, sizeof(t3));
	/* A vendor type whose string set never ends. */
	uint8_t v1[] = { 0x81, 4, 0, 0x90, 'a', 'b', 0, 'c' };
	at = put_record(blob, at, v1, sizeof(v1));
	/* A good vendor type, whose handle clashes with our type 0's. */
	uint8_t v2[] = { 0xC8, 6, 0x00, 0x00, 0xAA, 0xBB, 'O', 'E', 'M', 0, 0 };
	at = put_record(blob, at, v2, sizeof(v2));
	/* A type 0 record whose length runs past the blob: truncated. */
	uint32_t big = 400;
	memcpy(blob + at, &big, 4);
	memcpy(blob + at + 4, "\0\x18", 2);
	at += 4 + 20;
	p->cfg.smbios_blob = blob;
	p->cfg.smbios_blob_len = (uint32_t)at;

	struct decoded *d = build(p);
	if (!CHECK_EQ(d->rc, 0) || !CHECK(d->table))
		goto out;
	handles_unique(d);
	const struct st *s1 = find(d, 1, 0);
	CHECK_EQ(s1->handle, 0x0100);
	CHECK_STR(str_at(s1, 4), "Custom");
	CHECK_STR(str_at(s1, 5), "Machine");
	CHECK_EQ(count_type(d, 1), 1);
	CHECK_STR(str_at(find(d, 3, 0), 4), "Xen"); /* ours, not the short one */
	CHECK_EQ(find(d, 3, 0)->len, 0x16);
	CHECK_EQ(count_type(d, 0x81), 0);
	const struct st *v = find(d, 0xC8, 0);
	if (CHECK(v != NULL)) {
		CHECK(v->handle != 0);
		if (CHECK_EQ(v->nr_strings, 1))
			CHECK_STR(v->str[1], "OEM");
		CHECK(!memcmp(v->b + 4, "\xAA\xBB", 2));
	}
	CHECK_STR(str_at(find(d, 0, 0), 4), "Xen"); /* the truncated type 0 was not used */
	/* The vendor structure comes before the end. */
	CHECK_EQ(d->s[d->nr - 2].type, 0xC8);

	const char *log = console_text();
	CHECK(strstr(log, "offset 47 (type 3, 10 bytes): formatted area shorter") != NULL);
	CHECK(strstr(log, "offset 61 (type 129, 8 bytes): string set does not end in a double NUL") != NULL);
	CHECK(strstr(log, "offset 88 is truncated") != NULL);
	CHECK(strstr(log, "handle 0 is taken; using 0x8000") != NULL);
out:
	release(d);
	free(p);
}

TEST(smbios_blob_replaces_and_fixes_baseboard)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	static uint8_t blob[256];
	size_t at = 0;

	/* Type 2 pointing at some other chassis handle: it can only mean ours. */
	uint8_t t2[0x0F + 7] = { 2, 0x0F, 0x77, 0x77, 1, 0, 0, 0, 0, 0x09, 0, 0x42, 0x42, 0x0A, 0 };
	memcpy(t2 + 0x0F, "Board\0\0", 7);
	at = put_record(blob, at, t2, sizeof(t2));
	/* A second type 2: the first wins. */
	at = put_record(blob, at, t2, sizeof(t2));
	/* Type 39, emitted only when passed through. */
	uint8_t t39[0x10 + 2] = { 39, 0x10, 0x01, 0x01 };
	at = put_record(blob, at, t39, sizeof(t39));
	/* Type 4 is not a type we take. */
	uint8_t t4[0x30 + 2] = { 4, 0x30 };
	at = put_record(blob, at, t4, sizeof(t4));
	p->cfg.smbios_blob = blob;
	p->cfg.smbios_blob_len = (uint32_t)at;

	struct decoded *d = build(p);
	if (!CHECK_EQ(d->rc, 0) || !CHECK(d->table))
		goto out;
	handles_unique(d);
	const struct st *s2 = find(d, 2, 0);
	if (CHECK(s2 != NULL)) {
		CHECK_EQ(s2->handle, 0x0200);
		CHECK_STR(str_at(s2, 4), "Board");
		CHECK_EQ(t_le16(s2->b + 0x0B), 0x0300);
	}
	CHECK_EQ(count_type(d, 2), 1);
	CHECK_EQ(count_type(d, 39), 1);
	CHECK_EQ(find(d, 39, 0)->handle, 0x2700);
	CHECK_EQ(count_type(d, 4), 1);
	CHECK(strstr(console_text(), "a record of this type came earlier") != NULL);
	CHECK(strstr(console_text(), "(type 4, 50 bytes): hvmchain builds this type itself") != NULL);
out:
	release(d);
	free(p);
}

TEST(smbios_large_table_drops_only_the_21_entry_point)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	size_t len = 0;
	uint8_t *blob = malloc(80 * 1024);

	/* 40 vendor structures of 2000 bytes: more than the 2.1 entry point's 64 KiB. */
	for (int i = 0; i < 40; i++) {
		uint8_t s[2000] = { 0x90, 4, (uint8_t)i, 0x90 };
		memset(s + 4, 'x', sizeof(s) - 6);
		len = put_record(blob, len, s, sizeof(s));
	}
	p->cfg.smbios_blob = blob;
	p->cfg.smbios_blob_len = (uint32_t)len;
	struct decoded *d = build(p);
	if (CHECK_EQ(d->rc, 0) && CHECK(d->table)) {
		CHECK_EQ(d->ep21, 0);
		CHECK(d->ep30 != 0);
		CHECK_EQ(count_type(d, 0x90), 40);
		CHECK(strstr(console_text(), "do not fit the 2.1 entry point") != NULL);
	}
	release(d);
	free(blob);
	free(p);
}

TEST(smbios_absurd_ram_is_bounded_and_fast)
{
	/* RAM up to 2^62: counting 16 GiB devices one by one took ~10^9 steps. */
	struct platform *p = sample_platform(1, 0xF0000000, 1ull << 62);
	clock_t start = clock();
	struct decoded *d = build(p);
	double took = (double)(clock() - start) / CLOCKS_PER_SEC;

	CHECK(took < 0.5);
	if (CHECK_EQ(d->rc, 0) && CHECK(d->table)) {
		CHECK(count_type(d, 17) <= 256);
		CHECK(count_type(d, 17) >= 2);
		handles_unique(d);
	}
	release(d);
	free(p);
}

/* SMBIOS_MAX_DIMMS (256): RAM that takes exactly 256 devices of 16 GiB gets them; one page
 * more doubles the device size (one below 4 GiB plus 128 of 32 GiB above). */
TEST(smbios_256_memory_devices_and_one_page_past)
{
	const uint64_t four_gib = 1ull << 32, dimm = 16ull << 30;
	const uint64_t high[] = { four_gib + 255 * dimm, four_gib + 255 * dimm + 4096 };
	const unsigned want[] = { 256, 1 + 128 };

	for (int i = 0; i < 2; i++) {
		struct platform *p = sample_platform(1, 0xF0000000, high[i]);
		struct decoded *d = build(p);

		if (CHECK_EQ(d->rc, 0) && CHECK(d->table)) {
			CHECK_EQ(count_type(d, 17), want[i]);
			CHECK_EQ(count_type(d, 20), want[i]);
			handles_unique(d);
		}
		release(d);
		free(p);
	}
}
