/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests hvm_info_table validation with tables built field by field here. */
#include <string.h>
#include "xen/abi.h"
#include <xen/hvm/hvm_info_table.h>
#include "err.h"
#include "bytes.h"
#include "harness.h"
#include "hvm_info.h"

static struct platform plat;

static void seal(struct hvm_info_table *t)
{
	t->checksum = 0;
	t->checksum = (uint8_t)(0x100 - t_sum8(t, sizeof(*t)));
}

static struct hvm_info_table good(void)
{
	struct hvm_info_table t;

	memset(&t, 0, sizeof(t));
	memcpy(t.signature, "HVM INFO", 8);
	t.length = sizeof(t);
	t.apic_mode = 1;
	t.nr_vcpus = 4;
	t.low_mem_pgend = 0x20000;        /* 512 MiB */
	t.reserved_mem_pgstart = 0xFEFF0; /* libxl's special pages */
	t.vcpu_online[0] = 0x0B;          /* vCPUs 0, 1, 3 */
	seal(&t);
	return t;
}

TEST(hvm_info_good_table_fills_platform)
{
	struct hvm_info_table t = good();
	char why[128];

	memset(&plat, 0, sizeof(plat));
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), 0);
	CHECK_EQ(plat.vcpus.nr, 4);
	CHECK(plat.apic_mode);
	CHECK_EQ(plat.mem.low_end, 0x20000000);
	CHECK_EQ(plat.mem.high_end, 0);
	CHECK(vcpu_is_online(&plat.vcpus, 0));
	CHECK(vcpu_is_online(&plat.vcpus, 1));
	CHECK(!vcpu_is_online(&plat.vcpus, 2));
	CHECK(vcpu_is_online(&plat.vcpus, 3));
}

TEST(hvm_info_ignores_online_bits_past_nr_vcpus)
{
	struct hvm_info_table t = good();
	char why[128];

	t.vcpu_online[0] = 0xFF;
	t.high_mem_pgend = 0x140000; /* RAM up to 5 GiB */
	seal(&t);
	memset(&plat, 0, sizeof(plat));
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), 0);
	CHECK_EQ(plat.vcpus.online[0], 0x0F);
	CHECK_EQ(plat.mem.high_end, 0x140000000ull);
}

TEST(hvm_info_refuses_bad_tables)
{
	char why[128];
	struct hvm_info_table t;

	memset(&plat, 0, sizeof(plat));
	t = good();
	t.signature[0] = 'X';
	seal(&t);
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);

	t = good();
	t.nr_vcpus = 5; /* checksum no longer adds up */
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);
	CHECK(strstr(why, "checksum") != NULL);

	t = good();
	t.nr_vcpus = 0;
	seal(&t);
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);

	t = good();
	t.length = 8;
	seal(&t);
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);

	t = good();
	t.length = 4096; /* would run past the page */
	seal(&t);
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);

	t = good();
	t.high_mem_pgend = 0x80000; /* "above 4 GiB" but below it */
	seal(&t);
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);

	t = good();
	t.low_mem_pgend = 0x100001;
	seal(&t);
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), -ERR_INVAL);
	CHECK_EQ(plat.vcpus.nr, 0); /* untouched by every refusal */
}

TEST(hvm_info_more_than_128_vcpus_keeps_the_table)
{
	struct hvm_info_table t = good();
	char why[128];

	t.nr_vcpus = 200;
	memset(t.vcpu_online, 0xFF, sizeof(t.vcpu_online));
	seal(&t);
	memset(&plat, 0, sizeof(plat));
	CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), 0);
	CHECK_EQ(plat.vcpus.nr, HVM_MAX_VCPUS);
	CHECK_EQ(plat.mem.low_end, 0x20000000); /* the rest of the table is still used */
	CHECK(vcpu_is_online(&plat.vcpus, 127));
	CHECK(strstr(console_text(), "hvm_info: 200 vCPUs; only the first 128 are used") != NULL);
}

TEST(hvm_info_fallback_ignores_wrapping_and_absurd_ram)
{
	memset(&plat, 0, sizeof(plat));
	plat.mem.memmap[0] = (struct e820_entry){ 0x100000, 0x1FF00000, E820_RAM };
	plat.mem.memmap[1] = (struct e820_entry){ 0x100000000ull, 0x40000000, E820_RAM };
	/* Wraps past 2^64: its end would look like a small number or a huge one. */
	plat.mem.memmap[2] = (struct e820_entry){ 0xFFFFFFFFFFFF0000ull, 0x20000, E820_RAM };
	/* Ends far beyond any physical address (52 bits). */
	plat.mem.memmap[3] = (struct e820_entry){ 0x200000000ull, 1ull << 62, E820_RAM };
	plat.mem.memmap_nr = 4;
	hvm_info_fallback(&plat);
	CHECK_EQ(plat.vcpus.nr, 1);
	CHECK_EQ(plat.mem.low_end, 0x20000000);
	CHECK_EQ(plat.mem.high_end, 0x140000000ull);
	CHECK(strstr(console_text(), "hvm_info fallback: ignoring RAM entry 2") != NULL);
	CHECK(strstr(console_text(), "hvm_info fallback: ignoring RAM entry 3") != NULL);
}

/* HVM_MAX_VCPUS (128) exactly: all kept and online, nothing logged; 129: capped and logged. */
TEST(hvm_info_128_vcpus_fit_and_129_are_capped)
{
	struct hvm_info_table t = good();
	char why[128];

	for (uint32_t nr = HVM_MAX_VCPUS; nr <= HVM_MAX_VCPUS + 1; nr++) {
		t.nr_vcpus = nr;
		memset(t.vcpu_online, 0xFF, sizeof(t.vcpu_online));
		seal(&t);
		memset(&plat, 0, sizeof(plat));
		console_clear();
		CHECK_EQ(hvm_info_read(&t, &plat, why, sizeof(why)), 0);
		CHECK_EQ(plat.vcpus.nr, HVM_MAX_VCPUS);
		CHECK(vcpu_is_online(&plat.vcpus, HVM_MAX_VCPUS - 1));
		CHECK_EQ(strstr(console_text(), "only the first 128 are used") != NULL, nr > HVM_MAX_VCPUS);
	}
}
