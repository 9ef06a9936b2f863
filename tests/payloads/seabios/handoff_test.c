/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the XenHVMSeaBIOS block as SeaBIOS 1.16.2 validates it, and the image check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "err.h"
#include "bytes.h"
#include "harness.h"
#include "payloads/seabios/handoff.h"

/* SeaBIOS src/fw/xen.c validate_info(), restated: signature, length, zero byte sum. */
static bool seabios_accepts(const unsigned char *blk)
{
	if (memcmp(blk, "XenHVMSeaBIOS", 14) || blk[14] < 32)
		return false;
	return t_sum8(blk, blk[14]) == 0;
}

TEST(handoff_block_validates_and_points_at_copies)
{
	unsigned char *scratch_mem = calloc(1, 0x10000);
	struct arena scratch;
	struct seabios_info info;
	struct e820_map m = { .nr = 2 };
	const uint32_t tables[] = { 0xF5B50, 0xFC100150 };

	m.entry[0] = (struct e820_entry){ 0, 0xA0000, E820_RAM };
	m.entry[1] = (struct e820_entry){ 0xE0000, 0x20000, E820_RESERVED };
	arena_init(&scratch, scratch_mem, 0x10000, 0x10000);
	CHECK_EQ(seabios_handoff_build(&info, &scratch, tables, 2, &m), 0);

	const unsigned char *b = (const unsigned char *)&info;
	CHECK(seabios_accepts(b));
	CHECK_EQ(b[13], 0); /* the signature's NUL is part of it */
	CHECK_EQ(b[14], 32);
	/* Pointers are guest-physical addresses inside the scratch area. */
	uint32_t tables_pa = t_le32(b + 16), e820_pa = t_le32(b + 24);
	CHECK_EQ(t_le32(b + 20), 2);
	CHECK_EQ(t_le32(b + 28), 2);
	CHECK(tables_pa >= 0x10000 && tables_pa < 0x20000);
	CHECK(e820_pa >= 0x10000 && e820_pa < 0x20000);
	CHECK_EQ(e820_pa % 8, 0);
	const unsigned char *t = scratch_mem + (tables_pa - 0x10000);
	CHECK_EQ(t_le32(t), 0xF5B50);
	CHECK_EQ(t_le32(t + 4), 0xFC100150);
	/* SeaBIOS reads 20-byte entries: start, size, type. */
	const unsigned char *e = scratch_mem + (e820_pa - 0x10000);
	CHECK_EQ(t_le64(e + 20), 0xE0000);
	CHECK_EQ(t_le64(e + 28), 0x20000);
	CHECK_EQ(t_le32(e + 36), E820_RESERVED);
	free(scratch_mem);
}

TEST(handoff_block_with_no_tables)
{
	unsigned char mem[256];
	struct arena scratch;
	struct seabios_info info;
	struct e820_map m = { .nr = 1 };

	m.entry[0] = (struct e820_entry){ 0, 0xA0000, E820_RAM };
	arena_init(&scratch, mem, 0x10000, sizeof(mem));
	CHECK_EQ(seabios_handoff_build(&info, &scratch, NULL, 0, &m), 0);
	CHECK(seabios_accepts((const unsigned char *)&info));
	CHECK_EQ(info.tables_nr, 0);
	CHECK_EQ(info.e820_nr, 1);
	/* Any single flipped byte is caught by SeaBIOS's check. */
	((unsigned char *)&info)[20] ^= 1;
	CHECK(!seabios_accepts((const unsigned char *)&info));
}

TEST(handoff_block_reports_full_scratch)
{
	unsigned char mem[64];
	struct arena scratch;
	struct seabios_info info;
	struct e820_map m = { .nr = 4 };

	arena_init(&scratch, mem, 0x10000, sizeof(mem));
	for (int i = 0; i < 4; i++)
		m.entry[i] = (struct e820_entry){ (uint64_t)i << 20, 0x1000, E820_RAM };
	CHECK_EQ(seabios_handoff_build(&info, &scratch, NULL, 0, &m), -ERR_NOSPC);
	uint32_t many[SEABIOS_MAX_TABLES + 1] = { 0 };
	CHECK_EQ(seabios_handoff_build(&info, &scratch, many, SEABIOS_MAX_TABLES + 1, &m), -ERR_RANGE);
}

/*
 * An image of the given size whose reset vector is "ljmp $0xf000,$0xe05b", as SeaBIOS's, with
 * the Xen signature somewhere in its body as a CONFIG_XEN build has it.
 */
static unsigned char *fake_bios(size_t size)
{
	unsigned char *img = calloc(1, size);
	const unsigned char jump[] = { 0xEA, 0x5B, 0xE0, 0x00, 0xF0 };

	memcpy(img + size - 16, jump, sizeof(jump));
	memcpy(img + size / 3, "XenHVMSeaBIOS", 13);
	return img;
}

/* Reads a whole image file into *img; returns its size, 0 when it cannot be read. */
static size_t read_image(const char *path, unsigned char **img)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	*img = malloc(0x80000);
	if (!f)
		return 0;
	n = fread(*img, 1, 0x80000, f);
	fclose(f);
	return n;
}

TEST(image_check_places_128k_and_256k)
{
	char why[160];
	uint32_t base = 0;
	unsigned char *a = fake_bios(0x20000), *b = fake_bios(0x40000);

	CHECK_EQ(seabios_image_check(a, 0x20000, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xE0000);
	CHECK_EQ(seabios_image_check(b, 0x40000, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xC0000);
	free(a);
	free(b);
}

TEST(image_check_refuses_wrong_sizes_and_vectors)
{
	char why[160];
	uint32_t base = 0x1234;
	unsigned char *img = fake_bios(0x40000);

	CHECK_EQ(seabios_image_check(img, 100, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "100 bytes") != NULL);
	CHECK_EQ(seabios_image_check(img, 0x30000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK_EQ(seabios_image_check(img, 0x80000, &base, why, sizeof(why)), -ERR_INVAL);
	img[0x40000 - 16] = 0xE9; /* a near jump cannot reach F000 from FFFF0 as SeaBIOS expects */
	CHECK_EQ(seabios_image_check(img, 0x40000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "reset vector") != NULL);
	img[0x40000 - 16] = 0xEA;
	img[0x40000 - 12] = 0xE0; /* far jump to segment E000 */
	CHECK_EQ(seabios_image_check(img, 0x40000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK_EQ(base, 0x1234); /* untouched on refusal */
	free(img);
}

TEST(image_check_accepts_debians_xen_seabios)
{
	/* The 256 KiB image libxl passes on Debian; the build deps install it. */
	FILE *f = fopen("/usr/share/seabios/bios-256k.bin", "rb");
	if (!CHECK(f != NULL))
		return;
	unsigned char *img = malloc(0x40000);
	size_t n = fread(img, 1, 0x40000, f);
	fclose(f);
	char why[200];
	uint32_t base = 0;
	CHECK_EQ(seabios_image_check(img, n, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xC0000);
	free(img);
}

TEST(image_check_refuses_a_bios_without_the_xen_signature)
{
	char why[200];
	uint32_t base = 0x1234;
	unsigned char *img = fake_bios(0x20000);

	memset(img + 0x20000 / 3, 0, 13);
	CHECK_EQ(seabios_image_check(img, 0x20000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "XenHVMSeaBIOS") != NULL);
	CHECK(strstr(why, "bios-256k.bin") != NULL);
	CHECK_EQ(base, 0x1234);
	/* The signature split by the end of the image does not count. */
	memcpy(img + 0x20000 - 6, "XenHVM", 6);
	CHECK_EQ(seabios_image_check(img, 0x20000, &base, why, sizeof(why)), -ERR_INVAL);
	free(img);
}

TEST(image_check_finds_the_signature_at_either_end_after_decoys)
{
	char why[200];
	uint32_t base = 0;
	unsigned char *img = fake_bios(0x20000);

	memset(img + 0x20000 / 3, 0, 13);
	/* Decoys: its first byte alone, and all but its last byte. */
	memcpy(img + 0x100, "XXenHVMSeaBIO", 13);
	CHECK_EQ(seabios_image_check(img, 0x20000, &base, why, sizeof(why)), -ERR_INVAL);
	/* At offset 0. */
	memcpy(img, "XenHVMSeaBIOS", 13);
	CHECK_EQ(seabios_image_check(img, 0x20000, &base, why, sizeof(why)), 0);
	/* Just before the reset vector (the last place it fits beside a valid jump). */
	memset(img, 0, 13);
	memcpy(img + 0x20000 - 16 - 13, "XenHVMSeaBIOS", 13);
	CHECK_EQ(seabios_image_check(img, 0x20000, &base, why, sizeof(why)), 0);
	img[0x20000 - 16 - 1] = 'Z';
	CHECK_EQ(seabios_image_check(img, 0x20000, &base, why, sizeof(why)), -ERR_INVAL);
	free(img);
}

/*
 * Debian's 128 KiB images are built without CONFIG_XEN (bios.bin for QEMU's PC machines,
 * bios-microvm.bin for its microvm machine): an admin's bios_path_override at one of them must
 * be refused, naming the file to use. The seabios package is a build dependency.
 */
TEST(image_check_refuses_debians_non_xen_seabios)
{
	static const char *const paths[] = { "/usr/share/seabios/bios.bin", "/usr/share/seabios/bios-microvm.bin" };

	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		unsigned char *img;
		size_t n = read_image(paths[i], &img);
		char why[200] = "";
		uint32_t base = 0;

		if (!CHECK(n == 0x20000))
			printf("  %s: not found or not 128 KiB (apt-get install seabios)\n", paths[i]);
		CHECK_EQ(seabios_image_check(img, n, &base, why, sizeof(why)), -ERR_INVAL);
		CHECK(strstr(why, "no \"XenHVMSeaBIOS\" signature") != NULL);
		free(img);
	}
}

/* The SeaBIOS image this build has, built in or installed, or for SEABIOS=none the one libxl
 * passes (HVMCHAIN_BUILD_SEABIOS, set by `make unit-check`), passes. */
TEST(image_check_accepts_our_seabios_image)
{
	const char *path = getenv("HVMCHAIN_BUILD_SEABIOS");
	unsigned char *img;
	char why[200] = "";
	uint32_t base = 0;

	if (!CHECK(path && *path)) {
		printf("  HVMCHAIN_BUILD_SEABIOS is not set: run it through make unit-check\n");
		return;
	}
	size_t n = read_image(path, &img);
	if (!CHECK(n != 0))
		printf("  %s: cannot read\n", path);
	CHECK_EQ(seabios_image_check(img, n, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0x100000 - n);
	free(img);
}

/* SEABIOS_MAX_TABLES (8) table addresses fit the block; a 9th is refused (above). */
TEST(handoff_block_lists_8_tables)
{
	unsigned char mem[512];
	struct arena scratch;
	struct seabios_info info;
	struct e820_map m = { .nr = 1 };
	uint32_t tables[SEABIOS_MAX_TABLES];

	m.entry[0] = (struct e820_entry){ 0, 0xA0000, E820_RAM };
	for (uint32_t i = 0; i < SEABIOS_MAX_TABLES; i++)
		tables[i] = 0xFC000000u + i * 0x100;
	arena_init(&scratch, mem, 0x10000, sizeof(mem));
	CHECK_EQ(seabios_handoff_build(&info, &scratch, tables, SEABIOS_MAX_TABLES, &m), 0);
	CHECK(seabios_accepts((const unsigned char *)&info));
	CHECK_EQ(info.tables_nr, SEABIOS_MAX_TABLES);
	const unsigned char *t = mem + (t_le32((const unsigned char *)&info + 16) - 0x10000);
	for (uint32_t i = 0; i < SEABIOS_MAX_TABLES; i++)
		CHECK_EQ(t_le32(t + 4 * i), 0xFC000000u + i * 0x100);
}
