/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests acpi/blob.c: the toolstack's acpi_firmware tables are validated before they are linked. */
#include "acpi/internal.h"
#include "oracle.h"

/* Appends a table with signature sig and len bytes (header included) to buf at *off. */
static void put_table(uint8_t *buf, uint32_t *off, const char *sig, uint32_t len, bool good_sum)
{
	uint8_t *t = buf + *off;

	memset(t, 0, len);
	memcpy(t, sig, 4);
	t[4] = (uint8_t)len;
	t[5] = (uint8_t)(len >> 8);
	t[8] = 1;
	memcpy(t + 10, "TOOLST", 6);
	for (uint32_t i = 36; i < len; i++)
		t[i] = (uint8_t)(i * 7);
	t[9] = (uint8_t)(0 - t_sum8(t, len) + (good_sum ? 0 : 1));
	*off += len;
}

/* Builds with the blob and returns how many tables with signature sig the XSDT lists
 * that came from the blob (OEM ID "TOOLST"), copied unchanged. */
static unsigned linked(const uint8_t *blob, uint32_t len, const char *sig)
{
	struct platform *p = t_platform(2, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;
	unsigned n = 0;

	p->cfg.acpi_blob = blob;
	p->cfg.acpi_blob_len = len;
	if (t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w)) {
		for (uint32_t i = 0; i < w.nr; i++) {
			if (!memcmp(w.table[i], sig, 4) && !memcmp(w.table[i] + 10, "TOOLST", 6)) {
				n++;
				CHECK_EQ(w.table[i][36], (uint8_t)(36 * 7));
			}
		}
	}
	t_mem_free(&m);
	free(p);
	return n;
}

TEST(blob_good_tables_are_linked)
{
	uint8_t buf[512];
	uint32_t off = 0;

	put_table(buf, &off, "SLIC", 374, true);
	put_table(buf, &off, "SSDT", 60, true);
	CHECK_EQ(linked(buf, off, "SLIC"), 1);
	CHECK_EQ(linked(buf, off, "SSDT"), 1);
	console_clear();
	CHECK_EQ(linked(buf, off, "SLIC"), 1);
	CHECK(strstr(console_text(), "ERROR") == NULL);
}

TEST(blob_bad_checksum_drops_it_and_the_rest)
{
	uint8_t buf[512];
	uint32_t off = 0;

	put_table(buf, &off, "SLIC", 100, true);
	put_table(buf, &off, "MSDM", 85, false);
	put_table(buf, &off, "BGRT", 56, true);
	console_clear();
	CHECK_EQ(linked(buf, off, "SLIC"), 1);
	CHECK(strstr(console_text(), "offset 100 is invalid") != NULL);
	CHECK_EQ(linked(buf, off, "MSDM"), 0);
	CHECK_EQ(linked(buf, off, "BGRT"), 0);
}

TEST(blob_truncated_and_lying_lengths_are_refused)
{
	uint8_t buf[512];
	uint32_t off = 0;

	put_table(buf, &off, "SLIC", 100, true);
	/* Truncated: the blob ends 10 bytes into the second table. */
	put_table(buf, &off, "MSDM", 85, true);
	CHECK_EQ(linked(buf, off - 10, "SLIC"), 1);
	CHECK_EQ(linked(buf, off - 10, "MSDM"), 0);
	/* Shorter than a header. */
	CHECK_EQ(linked(buf, 100 + 20, "MSDM"), 0);
	console_clear();
	CHECK_EQ(linked(buf, 100 + 20, "SLIC"), 1);
	CHECK(strstr(console_text(), "20 trailing bytes") != NULL);

	/* A length under 36 (even with a matching checksum) and one past the end. */
	off = 0;
	put_table(buf, &off, "MSDM", 40, true);
	buf[4] = 20;
	buf[9] = (uint8_t)(buf[9] + 20);
	CHECK_EQ(linked(buf, 40, "MSDM"), 0);
	off = 0;
	put_table(buf, &off, "MSDM", 40, true);
	buf[4] = 41;
	buf[9] = (uint8_t)(buf[9] - 1);
	CHECK_EQ(linked(buf, 40, "MSDM"), 0);

	/* An unprintable signature. */
	off = 0;
	put_table(buf, &off,
		  "M\x01"
		  "DM",
		  40, true);
	CHECK_EQ(linked(buf, 40,
			"M\x01"
			"DM"),
		 0);
}

TEST(blob_cannot_replace_our_tables)
{
	uint8_t buf[512];
	uint32_t off = 0;

	put_table(buf, &off, "FACP", 116, true);
	put_table(buf, &off, "APIC", 60, true);
	put_table(buf, &off, "SLIC", 100, true);
	console_clear();
	CHECK_EQ(linked(buf, off, "SLIC"), 1);
	CHECK_EQ(linked(buf, off, "FACP"), 0);
	CHECK_EQ(linked(buf, off, "APIC"), 0);
	CHECK(strstr(console_text(), "FACP at offset 0 would replace ours") != NULL);
	CHECK(strstr(console_text(), "APIC at offset 116 would replace ours") != NULL);
}

TEST(blob_larger_than_the_arena_is_refused_cleanly)
{
	static uint8_t buf[70000];
	uint32_t off = 0;
	struct platform *p = t_platform(2, NULL);
	struct acpi_tables out;
	struct t_walk w;
	struct t_mem m;

	put_table(buf, &off, "SLIC", 100, true);
	put_table(buf, &off, "BIGT", 65000, true);
	p->cfg.acpi_blob = buf;
	p->cfg.acpi_blob_len = off;
	/* Room for our tables but not the blob's big one. */
	if (t_build(&m, p, ACPI_ARENA_BASE_SIZE, &out, &w)) {
		CHECK(t_find(&w, "SLIC", 0) != NULL);
		CHECK(t_find(&w, "BIGT", 0) == NULL);
	}
	t_mem_free(&m);
	free(p);
}

/* Builds p with extra SSDTs of 40 bytes in its blob; returns the XSDT's entries (0 on a failed build). */
static uint32_t xsdt_entries_with_ssdts(uint32_t extra)
{
	struct platform *p = t_platform(2, NULL);
	uint8_t *buf = calloc(extra ? extra : 1, 40);
	struct acpi_tables out;
	struct t_walk w = { 0 };
	struct t_mem m;
	uint32_t off = 0;

	for (uint32_t i = 0; i < extra; i++)
		put_table(buf, &off, "SSDT", 40, true);
	p->cfg.acpi_blob = extra ? buf : NULL;
	p->cfg.acpi_blob_len = off;
	bool ok = t_build(&m, p, ACPI_ARENA_SIZE(p), &out, &w);
	t_mem_free(&m);
	free(buf);
	free(p);
	return ok ? w.nr : 0;
}

/* The table list (ACPI_MAX_TABLES after the FADT) filled by the blob exactly, then one past. */
TEST(blob_fills_the_table_list_and_one_past_is_logged)
{
	uint32_t own = xsdt_entries_with_ssdts(0);

	CHECK(own >= 2 && own <= ACPI_MAX_TABLES);
	uint32_t room = ACPI_MAX_TABLES + 1 - own;
	console_clear();
	CHECK_EQ(xsdt_entries_with_ssdts(room), ACPI_MAX_TABLES + 1);
	CHECK(strstr(console_text(), "not all added") == NULL);
	console_clear();
	CHECK_EQ(xsdt_entries_with_ssdts(room + 1), ACPI_MAX_TABLES + 1);
	CHECK(strstr(console_text(), "acpi_firmware tables not all added") != NULL);
}
