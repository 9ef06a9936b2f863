/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes hvm_info validation and the memory-map fallback for an invalid table. */
#include <stdlib.h>
#include <string.h>
#include "xen/abi.h"
#include <xen/hvm/hvm_info_table.h>
#include "bytes.h"
#include "fuzz.h"
#include "harness.h"
#include "hvm_info.h"

/*
 * Input: a flags byte (bit 0: fix up the checksum so the fields themselves get tested), the
 * table page from HVM_INFO_OFFSET, then up to 128 toolstack map entries for the fallback.
 */
#define TABLE_SPACE (4096 - HVM_INFO_OFFSET)
/* The most bytes an input can use (run.sh passes it as -max_len). */
#define FUZZ_MAX_LEN 2609
_Static_assert(FUZZ_MAX_LEN == 1 + sizeof(struct hvm_info_table) + sizeof(((struct platform *)0)->mem.memmap),
	       "max_len");

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct platform p;
	static uint8_t page[TABLE_SPACE];
	struct fuzz_in in = { data, size };
	uint8_t flags = 0;
	char why[160];

	console_clear();
	memset(&p, 0, sizeof(p));
	fuzz_take(&in, &flags, 1);
	fuzz_take(&in, page, sizeof(struct hvm_info_table));
	struct hvm_info_table *t = (struct hvm_info_table *)page;
	if (flags & 1) {
		memcpy(t->signature, "HVM INFO", 8);
		if (t->length < sizeof(*t) || t->length > TABLE_SPACE)
			t->length = sizeof(*t);
		t->checksum = 0;
		t->checksum = (uint8_t)(0x100 - t_sum8(page, t->length));
	}
	p.mem.memmap_nr = (uint32_t)(fuzz_take(&in, p.mem.memmap, sizeof(p.mem.memmap)) / sizeof(p.mem.memmap[0]));

	if (hvm_info_read(page, &p, why, sizeof(why))) {
		hvm_info_fallback(&p);
		/* Oracle: the fallback never invents memory past any physical address. */
		CHECK(p.mem.high_end <= 1ull << 52);
	}
	CHECK(p.vcpus.nr >= 1 && p.vcpus.nr <= HVM_MAX_VCPUS);
	CHECK(p.mem.low_end <= 1ull << 32);
	CHECK(!p.mem.high_end || p.mem.high_end > 1ull << 32);
	return 0;
}
