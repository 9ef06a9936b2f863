/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the XenHVMOVMF block as edk2's XenPlatformPei reads it, the low table copies, and the image check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bytes.h"
#include "err.h"
#include "harness.h"
#include "payloads/ovmf/handoff.h"

/* XenPlatformPei: NUL-terminated copy of the 14-byte signature, compared with "XenHVMOVMF";
 * hvmloader's block also sums to zero over its length, which we keep. */
static bool ovmf_accepts(const unsigned char *blk)
{
	char sig[15] = { 0 };

	memcpy(sig, blk, 14);
	if (strcmp(sig, "XenHVMOVMF") || blk[14] != 40)
		return false;
	return t_sum8(blk, 40) == 0;
}

/* An ACPI 2.0 RSDP (36 bytes) with valid checksums, as an independent fixture. */
static void make_rsdp(unsigned char *r, uint32_t xsdt)
{
	memset(r, 0, 36);
	memcpy(r, "RSD PTR ", 8);
	memcpy(r + 9, "HVMCHN", 6);
	r[15] = 2;
	r[16] = 0x10; /* RSDT 0xFC000010 */
	r[19] = 0xFC;
	r[20] = 36;
	memcpy(r + 24, &xsdt, 4);
	r[8] = (unsigned char)(0x100 - t_sum8(r, 20));
	r[32] = (unsigned char)(0x100 - t_sum8(r, 36));
}

/* An SMBIOS 2.1 entry point (31 bytes) whose structure table is at 0xFC001000. */
static void make_sm21(unsigned char *e)
{
	memset(e, 0, 32);
	memcpy(e, "_SM_", 4);
	e[5] = 0x1F;
	e[6] = 2;
	e[7] = 8;
	memcpy(e + 16, "_DMI_", 5);
	e[24] = 0x00; /* table address 0xFC001000 */
	e[25] = 0x10;
	e[27] = 0xFC;
	e[21] = (unsigned char)(0x100 - t_sum8(e + 16, 15));
	e[4] = (unsigned char)(0x100 - t_sum8(e, 0x1F));
}

struct fixture {
	unsigned char scratch_mem[0x10000];
	unsigned char low[OVMF_LOW_END - OVMF_LOW_BASE];
	unsigned char rsdp[36], sm21[32], sm30[24], mp[16];
	struct arena scratch;
	struct e820_map map;
	struct ovmf_info info;
	struct ovmf_placed placed;
};

static struct fixture *fixture(void)
{
	struct fixture *f = calloc(1, sizeof(*f));

	arena_init(&f->scratch, f->scratch_mem, 0x10000, sizeof(f->scratch_mem));
	make_rsdp(f->rsdp, 0xFC000100);
	make_sm21(f->sm21);
	memcpy(f->sm30, "_SM3_", 5);
	memcpy(f->mp, "_MP_", 4);
	/* The map e820_build gives an OVMF guest of 2 GiB: 0xF0000 as its BIOS base. */
	f->map.nr = 5;
	f->map.entry[0] = (struct e820_entry){ 0, 0xA0000, E820_RAM };
	f->map.entry[1] = (struct e820_entry){ 0xF0000, 0x10000, E820_RESERVED };
	f->map.entry[2] = (struct e820_entry){ 0x100000, 0x7FF00000, E820_RAM };
	f->map.entry[3] = (struct e820_entry){ 0xFC000000, 0x20000, E820_NVS };
	f->map.entry[4] = (struct e820_entry){ 0xFC020000, 0x3FE0000, E820_RESERVED };
	return f;
}

TEST(ovmf_block_validates_and_lists_the_low_copies)
{
	struct fixture *f = fixture();
	const struct ovmf_table t[] = {
		{ 0xFC000200, f->sm30 },
		{ 0xFC000220, f->sm21 },
		{ 0xFC000240, f->mp },
		{ 0xFC000300, f->rsdp },
	};

	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, t, 4, &f->map, 0xFFE00000, &f->placed), 0);
	const unsigned char *b = (const unsigned char *)&f->info;
	CHECK(ovmf_accepts(b));
	CHECK_EQ(f->placed.rsdp, 0xEA020);
	CHECK_EQ(f->placed.smbios, 0xEB000);

	/* XenAcpiPlatformDxe: first "RSD PTR " from 0xEA020 in 16-byte steps, both checksums. */
	const unsigned char *r = NULL;
	for (uint32_t a = 0xEA020; a < OVMF_LOW_END; a += 16)
		if (!memcmp(f->low + (a - OVMF_LOW_BASE), "RSD PTR ", 8)) {
			r = f->low + (a - OVMF_LOW_BASE);
			CHECK_EQ(a, 0xEA020);
			break;
		}
	if (CHECK(r != NULL)) {
		CHECK_EQ(t_sum8(r, 20), 0);
		CHECK_EQ(t_sum8(r, 36), 0);
		CHECK_EQ(t_le64(r + 24), 0xFC000100);
	}
	/* X86Xen.c: "_SM_" and "_DMI_" in [0xEB000, 0xF0000), checksum over the entry point length. */
	const unsigned char *e = f->low + (0xEB000 - OVMF_LOW_BASE);
	CHECK(!memcmp(e, "_SM_", 4) && !memcmp(e + 16, "_DMI_", 5));
	CHECK_EQ(t_sum8(e, e[5]), 0);
	CHECK_EQ(t_le32(e + 24), 0xFC001000);

	/* The table list holds 64-bit addresses of the copies, RSDP first as it came last. */
	CHECK_EQ(t_le32(b + 24), 2);
	uint64_t tpa = t_le64(b + 16);
	if (CHECK(tpa >= 0x10000 && tpa + 16 <= 0x20000)) {
		const unsigned char *l = f->scratch_mem + (tpa - 0x10000);
		CHECK_EQ(t_le64(l), 0xEB000);
		CHECK_EQ(t_le64(l + 8), 0xEA020);
	}
	free(f);
}

/* Walks the handed-over map as OVMF's MemDetect does, as 20-byte entries. */
static const unsigned char *map_of(struct fixture *f, uint32_t *nr)
{
	const unsigned char *b = (const unsigned char *)&f->info;
	uint64_t pa = t_le64(b + 28);

	*nr = t_le32(b + 36);
	if (pa < 0x10000 || pa + *nr * 20ull > 0x20000)
		return NULL;
	return f->scratch_mem + (pa - 0x10000);
}

/* The type covering addr in a sorted map, 0 if none. */
static uint32_t type_at(const unsigned char *m, uint32_t nr, uint64_t addr)
{
	for (uint32_t i = 0; i < nr; i++, m += 20)
		if (addr >= t_le64(m) && addr - t_le64(m) < t_le64(m + 8))
			return t_le32(m + 16);
	return 0;
}

TEST(ovmf_map_reserves_reset_chunk_and_flash)
{
	struct fixture *f = fixture();
	uint32_t nr;

	/* A 4 MiB flash from a map that reserved nothing above the tables area. */
	f->map.nr = 3;
	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, NULL, 0, &f->map, 0xFFC00000, &f->placed), 0);
	CHECK(ovmf_accepts((const unsigned char *)&f->info));
	CHECK_EQ(f->info.tables_nr, 0);
	CHECK_EQ(f->info.tables, 0);
	const unsigned char *m = map_of(f, &nr);
	if (!CHECK(m != NULL))
		goto out;
	CHECK_EQ(type_at(m, nr, 0xF0000), E820_RESERVED);
	CHECK_EQ(type_at(m, nr, 0xFFFFF), E820_RESERVED);
	CHECK_EQ(type_at(m, nr, 0xFFC00000), E820_RESERVED);
	CHECK_EQ(type_at(m, nr, 0xFFFFFFFF), E820_RESERVED);
	CHECK_EQ(type_at(m, nr, 0xFFBFFFFF), 0);
	CHECK_EQ(type_at(m, nr, 0x9FFFF), E820_RAM);
	CHECK_EQ(type_at(m, nr, 0x7FFFFFFF), E820_RAM);
	/* Sorted, no overlaps. */
	for (uint32_t i = 1; i < nr; i++)
		CHECK(t_le64(m + 20 * (i - 1)) + t_le64(m + 20 * (i - 1) + 8) <= t_le64(m + 20 * i));
	/* Nothing was copied low when there were no tables. */
	CHECK_EQ(f->placed.rsdp, 0);
	CHECK_EQ(t_sum8(f->low, sizeof(f->low)), 0);
out:
	free(f);
}

TEST(ovmf_block_refuses_bad_inputs)
{
	struct fixture *f = fixture();
	struct ovmf_table many[OVMF_MAX_TABLES + 1];

	for (int i = 0; i <= OVMF_MAX_TABLES; i++)
		many[i] = (struct ovmf_table){ 0xFC000000, f->mp };
	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, many, OVMF_MAX_TABLES + 1, &f->map, 0xFFE00000,
				    &f->placed),
		 -ERR_RANGE);
	/* A flash reaching below 0xFF000000, or not on a 1 MiB boundary. */
	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, NULL, 0, &f->map, 0xFEF00000, &f->placed),
		 -ERR_RANGE);
	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, NULL, 0, &f->map, 0xFFE10000, &f->placed),
		 -ERR_RANGE);
	/* Scratch too small for the map. */
	arena_init(&f->scratch, f->scratch_mem, 0x10000, 64);
	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, NULL, 0, &f->map, 0xFFE00000, &f->placed),
		 -ERR_NOSPC);
	free(f);
}

/* A minimal flash: a firmware volume header at 0 and edk2's reset vector (nop, nop, jmp near). */
static unsigned char *fake_flash(size_t size)
{
	unsigned char *img = calloc(1, size);
	const unsigned char rv[] = { 0x90, 0x90, 0xE9, 0xAB, 0xFF };

	memcpy(img + 40, "_FVH", 4);
	memcpy(img + size - 16, rv, sizeof(rv));
	return img;
}

TEST(ovmf_image_check_places_below_4g)
{
	char why[160];
	uint64_t base = 0;
	unsigned char *a = fake_flash(0x200000), *b = fake_flash(0x1C0000), *c = fake_flash(0x400000);

	CHECK_EQ(ovmf_image_check(a, 0x200000, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xFFE00000);
	/* 1.75 MiB rounds up to 2 MiB, as hvmloader's OVMF_BEGIN does. */
	CHECK_EQ(ovmf_image_check(b, 0x1C0000, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xFFE00000);
	CHECK_EQ(ovmf_image_check(c, 0x400000, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xFFC00000);
	free(a);
	free(b);
	free(c);
}

TEST(ovmf_image_check_refuses_what_is_not_a_flash)
{
	char why[160];
	uint64_t base = 0;
	unsigned char *img = fake_flash(0x200000);

	/* Size: not a multiple of 64 KiB, and too big for the space above Xen's special pages. */
	CHECK_EQ(ovmf_image_check(img, 0x200000 - 512, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "multiple of 64 KiB") != NULL);
	CHECK_EQ(ovmf_image_check(img, 0, &base, why, sizeof(why)), -ERR_INVAL);
	unsigned char *big = fake_flash(0x1010000);
	CHECK_EQ(ovmf_image_check(big, 0x1010000, &base, why, sizeof(why)), -ERR_INVAL);
	free(big);

	/* No reset vector: erased flash at the top. */
	memset(img + 0x200000 - 16, 0xFF, 16);
	CHECK_EQ(ovmf_image_check(img, 0x200000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "reset vector") != NULL);

	/* A SeaBIOS-style far jump. */
	const unsigned char far[] = { 0xEA, 0x5B, 0xE0, 0x00, 0xF0 };
	memcpy(img + 0x200000 - 16, far, sizeof(far));
	CHECK_EQ(ovmf_image_check(img, 0x200000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "legacy BIOS") != NULL);

	/* Reset vector fine, volume header missing, or not on a 64 KiB boundary. */
	free(img);
	img = fake_flash(0x200000);
	memcpy(img + 40, "_FVX", 4);
	memcpy(img + 0x20000 + 48, "_FVH", 4);
	CHECK_EQ(ovmf_image_check(img, 0x200000, &base, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "_FVH") != NULL);
	CHECK_EQ(base, 0); /* never set on failure */
	free(img);
}

/* OvmfXen's layout: an ELF header for PVH boot first, the first volume at 128 KiB. */
TEST(ovmf_image_check_finds_a_volume_after_an_elf_header)
{
	char why[160];
	uint64_t base = 0;
	unsigned char *img = fake_flash(0x200000);

	memcpy(img,
	       "\x7f"
	       "ELF",
	       4);
	memset(img + 40, 0, 4);
	memcpy(img + 0x20000 + 40, "_FVH", 4);
	CHECK_EQ(ovmf_image_check(img, 0x200000, &base, why, sizeof(why)), 0);
	CHECK_EQ(base, 0xFFE00000);
	free(img);
}

/* The real images when the host has them: Debian's OVMF.fd passes, Debian's SeaBIOS does not. */
static unsigned char *slurp(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	*size = (size_t)ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc(*size);
	if (fread(buf, 1, *size, fp) != *size) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	return buf;
}

TEST(ovmf_image_check_on_debian_images)
{
	char why[160];
	uint64_t base = 0;
	size_t n = 0;
	unsigned char *img = slurp("/usr/share/ovmf/OVMF.fd", &n);
	unsigned char *bios = NULL;

	/* The ovmf package is in the test dependencies; without it this only checks SeaBIOS. */
	if (img) {
		CHECK_EQ(ovmf_image_check(img, n, &base, why, sizeof(why)), 0);
		CHECK_EQ(base, 0x100000000ull - ((n + 0xFFFFF) & ~0xFFFFFull));
		free(img);
	}
	bios = slurp("/usr/share/seabios/bios.bin", &n);
	if (CHECK(bios != NULL)) {
		CHECK_EQ(ovmf_image_check(bios, n, &base, why, sizeof(why)), -ERR_INVAL);
		free(bios);
	}
}

/* OVMF_MAX_TABLES (8) tables are accepted; a 9th is refused (ovmf_block_refuses_bad_inputs).
 * The RSDP first, then seven MP tables, which are not for OVMF: only the RSDP is listed. */
TEST(ovmf_block_takes_8_tables)
{
	struct fixture *f = fixture();
	struct ovmf_table many[OVMF_MAX_TABLES];

	for (int i = 0; i < OVMF_MAX_TABLES; i++)
		many[i] = (struct ovmf_table){ 0xFC000000, f->mp };
	many[0] = (struct ovmf_table){ 0xFC000100, f->rsdp };
	CHECK_EQ(ovmf_handoff_build(&f->info, &f->scratch, f->low, many, OVMF_MAX_TABLES, &f->map, 0xFFE00000,
				    &f->placed),
		 0);
	CHECK(ovmf_accepts((const unsigned char *)&f->info));
	CHECK_EQ(f->info.tables_nr, 1);
	CHECK_EQ(f->placed.rsdp, OVMF_RSDP_PHYS);
	free(f);
}
