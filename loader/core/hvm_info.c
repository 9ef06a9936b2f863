/* SPDX-License-Identifier: GPL-2.0-only */
/* hvm_info_table validation: the toolstack writes it, so check everything before trusting it. */
#include <string.h>
#include "xen/abi.h"
#include <xen/hvm/hvm_info_table.h>
#include "console.h"
#include "err.h"
#include "hvm_info.h"
#include "hvm_platform.h"
#include "lib/checksum.h"
#include "lib/printf.h"

/* x86-64 physical addresses have at most 52 bits (SDM vol. 3A 4.1.4, MAXPHYADDR). */
#define MAX_PHYS_END (1ull << 52)

int hvm_info_read(const void *t, struct platform *p, char *why, size_t why_len)
{
	const struct hvm_info_table *h = t;
	uint8_t sum;

	if (memcmp(h->signature, "HVM INFO", 8)) {
		fmt_snprintf(why, why_len, "hvm_info: bad signature");
		return -ERR_INVAL;
	}
	/* The checksum covers length bytes; a length beyond the page would read past it. */
	if (h->length < sizeof(*h) || h->length > 4096 - HVM_INFO_OFFSET) {
		fmt_snprintf(why, why_len, "hvm_info: length %u is not between %zu and %u", h->length, sizeof(*h),
			     4096 - HVM_INFO_OFFSET);
		return -ERR_INVAL;
	}
	sum = sum8(h, h->length);
	if (sum) {
		fmt_snprintf(why, why_len, "hvm_info: checksum does not add up (sum %#x)", sum);
		return -ERR_INVAL;
	}
	if (!h->nr_vcpus) {
		fmt_snprintf(why, why_len, "hvm_info: 0 vCPUs");
		return -ERR_INVAL;
	}
	if (h->low_mem_pgend > FOUR_GIB_PAGES || (h->high_mem_pgend && h->high_mem_pgend <= FOUR_GIB_PAGES) ||
	    (h->reserved_mem_pgstart && h->reserved_mem_pgstart < h->low_mem_pgend)) {
		fmt_snprintf(why, why_len,
			     "hvm_info: memory layout low %#x high %#x reserved %#x pages is inconsistent",
			     h->low_mem_pgend, h->high_mem_pgend, h->reserved_mem_pgstart);
		return -ERR_INVAL;
	}

	/* More than Xen 4.17 gives an HVM guest: the rest of a checksummed table is still good,
	 * and the vcpu_online bitmap has room for no more. */
	uint32_t nr = h->nr_vcpus;
	if (nr > HVM_MAX_VCPUS) {
		log_error("hvm_info: %u vCPUs; only the first %u are used\n", nr, HVM_MAX_VCPUS);
		nr = HVM_MAX_VCPUS;
	}
	p->vcpus.nr = nr;
	memset(p->vcpus.online, 0, sizeof(p->vcpus.online));
	/* Only the first nr_vcpus bits mean anything. */
	for (uint32_t i = 0; i < nr; i++)
		if ((h->vcpu_online[i / 8] >> (i % 8)) & 1)
			p->vcpus.online[i / 8] |= (uint8_t)(1u << (i % 8));
	p->apic_mode = h->apic_mode != 0;
	p->mem.low_end = (uint64_t)h->low_mem_pgend << 12;
	p->mem.high_end = (uint64_t)h->high_mem_pgend << 12;
	return 0;
}

void hvm_info_fallback(struct platform *p)
{
	p->vcpus.nr = 1;
	p->vcpus.online[0] = 1;
	p->apic_mode = true;
	for (uint32_t i = 0; i < p->mem.memmap_nr; i++) {
		const struct e820_entry *e = &p->mem.memmap[i];
		uint64_t end = e->addr + e->size;

		if (e->type == E820_RAM && (end < e->addr || end > MAX_PHYS_END)) {
			log_error("hvm_info fallback: ignoring RAM entry %u, %#llx+%#llx: past any physical address\n",
				  i, (unsigned long long)e->addr, (unsigned long long)e->size);
			continue;
		}
		if (e->type == E820_RAM && end <= 0x100000000ull && end > p->mem.low_end)
			p->mem.low_end = end;
		if (e->type == E820_RAM && end > 0x100000000ull && end > p->mem.high_end)
			p->mem.high_end = end;
	}
}
