/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests hvm_start_info parsing on a fake guest memory: module lookup and every refusal. */
#include <stdlib.h>
#include <string.h>
#include "xen/abi.h"
#include "err.h"
#include "harness.h"
#include "start_info.h"

/* 4 MiB of fake guest memory at physical 0. */
#define MEM_SIZE 0x400000u
static unsigned char *mem;

static const void *map_fake(void *ctx, uint64_t paddr, uint64_t len)
{
	(void)ctx;
	if (paddr >= MEM_SIZE || len > MEM_SIZE - paddr)
		return NULL;
	return mem + paddr;
}

static const struct phys_view view = { .map = map_fake };

#define SI_PADDR 0x143000u
#define MODLIST_PADDR 0x143100u
#define IMAGE_START 0x100000u
#define IMAGE_END 0x129000u

/* Lays out a start info with the given modules; names go at 0x143800 + 64*i. */
static struct hvm_modlist_entry *setup(uint32_t nr, const char *const *names)
{
	free(mem);
	mem = calloc(1, MEM_SIZE);
	struct hvm_start_info *si = (void *)(mem + SI_PADDR);
	si->magic = XEN_HVM_START_MAGIC_VALUE;
	si->version = 1;
	si->nr_modules = nr;
	si->modlist_paddr = MODLIST_PADDR;
	struct hvm_modlist_entry *m = (void *)(mem + MODLIST_PADDR);
	for (uint32_t i = 0; i < nr && i < 16; i++) {
		m[i].paddr = 0x200000 + i * 0x40000;
		m[i].size = 0x40000;
		if (names[i]) {
			strcpy((char *)mem + 0x143800 + 64 * i, names[i]);
			m[i].cmdline_paddr = 0x143800 + 64 * i;
		}
	}
	return m;
}

static int run(struct start_info_result *r, char *why)
{
	why[0] = '\0';
	return start_info_read(&view, SI_PADDR, IMAGE_START, IMAGE_END, r, why, 160);
}

TEST(start_info_finds_firmware_among_several)
{
	const char *names[] = { "ipxe", NULL, "firmware" };
	struct start_info_result r;
	char why[160];

	setup(3, names);
	CHECK_EQ(run(&r, why), 0);
	CHECK_EQ(r.version, 1);
	CHECK_EQ(r.nr_modules, 3);
	CHECK(r.have_firmware);
	CHECK_EQ(r.firmware.paddr, 0x280000);
	CHECK_EQ(r.firmware.size, 0x40000);
}

TEST(start_info_without_modules_or_with_other_names)
{
	struct start_info_result r;
	char why[160];

	setup(0, NULL);
	CHECK_EQ(run(&r, why), 0);
	CHECK(!r.have_firmware);

	const char *names[] = { "firmware2", "firmwar", "FIRMWARE" };
	setup(3, names);
	CHECK_EQ(run(&r, why), 0);
	CHECK(!r.have_firmware);
}

TEST(start_info_first_firmware_module_counts)
{
	const char *names[] = { "firmware", "firmware" };
	struct start_info_result r;
	char why[160];

	setup(2, names);
	CHECK_EQ(run(&r, why), 0);
	CHECK_EQ(r.firmware.paddr, 0x200000);
}

TEST(start_info_bad_magic_is_refused)
{
	struct start_info_result r;
	char why[160];

	setup(0, NULL);
	((struct hvm_start_info *)(void *)(mem + SI_PADDR))->magic = 0x12345678;
	CHECK_EQ(run(&r, why), -ERR_NOENT);
	CHECK(strstr(why, "magic 0x12345678") != NULL);
	CHECK(!r.have_firmware);
	/* Unreadable start info (outside guest memory). */
	CHECK_EQ(start_info_read(&view, MEM_SIZE, IMAGE_START, IMAGE_END, &r, why, sizeof(why)), -ERR_NOENT);
}

TEST(start_info_refuses_bad_firmware_modules)
{
	const char *names[] = { "firmware" };
	struct start_info_result r;
	char why[160];

	struct hvm_modlist_entry *m = setup(1, names);
	m->paddr = 0x100000000ull; /* above 4 GiB */
	CHECK_EQ(run(&r, why), -ERR_RANGE);
	CHECK(strstr(why, "not below 4 GiB") != NULL);

	m->paddr = 0xFFFFF000u; /* ends above 4 GiB */
	m->size = 0x2000;
	CHECK_EQ(run(&r, why), -ERR_RANGE);

	m->paddr = 0xFFFFFFFFFFFFF000ull; /* wraps */
	CHECK_EQ(run(&r, why), -ERR_RANGE);

	m->paddr = 0x128000; /* overlaps the loader's last page */
	m->size = 0x40000;
	CHECK_EQ(run(&r, why), -ERR_RANGE);
	CHECK(strstr(why, "overlaps the loader") != NULL);

	m->paddr = 0xC0000; /* ends where the loader starts: fine */
	m->size = 0x40000;
	CHECK_EQ(run(&r, why), 0);

	m->size = 0; /* empty */
	CHECK_EQ(run(&r, why), -ERR_INVAL);

	m->paddr = MEM_SIZE - 0x1000; /* below 4 GiB but beyond guest memory */
	m->size = 0x2000;
	CHECK_EQ(run(&r, why), -ERR_RANGE);
	CHECK(!r.have_firmware);
}

TEST(start_info_refuses_bad_module_lists)
{
	const char *names[] = { "firmware" };
	struct start_info_result r;
	char why[160];

	setup(1, names);
	struct hvm_start_info *si = (void *)(mem + SI_PADDR);
	si->nr_modules = 1000; /* the first 16 are read, the firmware among them */
	CHECK_EQ(run(&r, why), 0);
	CHECK(r.have_firmware);
	CHECK(strstr(console_text(), "1000 modules; the first 16 are read") != NULL);

	si->nr_modules = 1;
	si->modlist_paddr = MEM_SIZE - 16; /* list runs off guest memory */
	CHECK_EQ(run(&r, why), -ERR_RANGE);

	/* A name with no NUL in reach is not "firmware". */
	setup(1, names);
	memset(mem + 0x143800, 'f', 64);
	CHECK_EQ(run(&r, why), 0);
	CHECK(!r.have_firmware);
	/* A name pointer past guest memory is skipped, not followed. */
	((struct hvm_modlist_entry *)(void *)(mem + MODLIST_PADDR))->cmdline_paddr = MEM_SIZE + 5;
	CHECK_EQ(run(&r, why), 0);
	CHECK(!r.have_firmware);
}

TEST(start_info_at_an_unaligned_address_is_read)
{
	const char *names[] = { "firmware" };
	struct start_info_result r;
	char why[160];

	/* The start info and the module list one byte off their alignment. */
	setup(1, names);
	memmove(mem + SI_PADDR + 1, mem + SI_PADDR, sizeof(struct hvm_start_info));
	memmove(mem + MODLIST_PADDR + 0x41, mem + MODLIST_PADDR, sizeof(struct hvm_modlist_entry));
	uint64_t list = MODLIST_PADDR + 0x41;
	memcpy(mem + SI_PADDR + 1 + offsetof(struct hvm_start_info, modlist_paddr), &list, sizeof(list));
	why[0] = '\0';
	CHECK_EQ(start_info_read(&view, SI_PADDR + 1, IMAGE_START, IMAGE_END, &r, why, sizeof(why)), 0);
	CHECK(r.have_firmware);
	CHECK_EQ(r.firmware.paddr, 0x200000);
}

TEST(start_info_more_than_16_modules_reads_the_first_16)
{
	const char *names[] = { "ipxe", NULL, "firmware" };
	struct start_info_result r;
	char why[160];

	setup(3, names);
	((struct hvm_start_info *)(void *)(mem + SI_PADDR))->nr_modules = 20;
	CHECK_EQ(run(&r, why), 0);
	CHECK(r.have_firmware);
	CHECK_EQ(r.firmware.paddr, 0x280000);
	CHECK(strstr(console_text(), "start info lists 20 modules; the first 16 are read") != NULL);
}

TEST(start_info_refuses_modules_over_the_loaders_fixed_areas)
{
	const char *names[] = { "firmware" };
	struct start_info_result r;
	char why[160];
	struct hvm_modlist_entry *m = setup(1, names);

	m->paddr = 0xFBFFF000u; /* runs into the tables area at 0xFC000000 */
	m->size = 0x2000;
	CHECK_EQ(run(&r, why), -ERR_RANGE);
	CHECK(strstr(why, "overlaps the tables area") != NULL);
	m->paddr = 0x1800; /* the SeaBIOS handoff block at 0x1000 */
	m->size = 0x1000;
	CHECK_EQ(run(&r, why), -ERR_RANGE);
	CHECK(strstr(why, "overlaps the SeaBIOS handoff block") != NULL);
	m->paddr = 0x18000; /* the handoff's scratch at 0x10000 */
	CHECK_EQ(run(&r, why), -ERR_RANGE);
	CHECK(strstr(why, "overlaps the handoff scratch") != NULL);
	m->paddr = 0x20000; /* just past it: fine */
	CHECK_EQ(run(&r, why), 0);
	CHECK(r.have_firmware);
}

/* START_INFO_MAX_MODULES at capacity and one past: "firmware" last, so only the limit decides. */
TEST(start_info_16_modules_are_read_and_a_17th_is_not)
{
	const char *one[] = { "ipxe" };
	struct start_info_result r;
	char why[160];

	for (uint32_t nr = START_INFO_MAX_MODULES; nr <= START_INFO_MAX_MODULES + 1; nr++) {
		struct hvm_modlist_entry *m = setup(1, one);

		((struct hvm_start_info *)(void *)(mem + SI_PADDR))->nr_modules = nr;
		for (uint32_t i = 0; i < nr; i++) {
			m[i].paddr = 0x200000 + i * 0x1000;
			m[i].size = 0x1000;
			m[i].cmdline_paddr = 0x143800 + 64 * i;
			strcpy((char *)mem + m[i].cmdline_paddr, i == nr - 1 ? "firmware" : "other");
		}
		console_clear();
		CHECK_EQ(run(&r, why), 0);
		if (nr == START_INFO_MAX_MODULES) {
			CHECK(r.have_firmware);
			CHECK_EQ(r.firmware.paddr, 0x200000 + (nr - 1) * 0x1000);
			CHECK(strstr(console_text(), "the first 16 are read") == NULL);
		} else {
			CHECK(!r.have_firmware);
			CHECK(strstr(console_text(), "start info lists 17 modules; the first 16 are read") != NULL);
		}
	}
}
