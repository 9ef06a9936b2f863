/* SPDX-License-Identifier: GPL-2.0-only */
/* The OVMF payload's ops: the flash below 4 GiB, its last 64 KiB at 0xF0000, the 0x1000 block, F000:FFF0. */
#include <string.h>
#include "arena.h"
#include "console.h"
#include "err.h"
#include "hvm_platform.h"
#include "hw/mem.h"
#include "hw/realmode.h"
#include "payload.h"
#include "payloads/ovmf/handoff.h"
#include "payloads/seabios/handoff.h"
#include "platform.h"
#include "xen/hypercall.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE 0x1000u

_Static_assert(BOOT_MAX_TABLES <= OVMF_MAX_TABLES, "every table the boot lists fits the block");

/* Where load() put the flash; handoff() reserves it in the map. */
static uint64_t flash_base;

static void refuse(const struct payload_image *img, const char *why)
{
	uint32_t unused;
	char ignored[8];

	/* Two lines: Xen cuts a guest's console line at about 200 characters. The likeliest
	 * mistake is bios_path_override= naming a SeaBIOS image. */
	if (seabios_image_check(img->data, img->size, &unused, ignored, sizeof(ignored)) == 0)
		log_error("OVMF image rejected: %s is a SeaBIOS image (%llu bytes, far jump at its reset vector)\n",
			  img->source, (unsigned long long)img->size);
	else
		log_error("OVMF image rejected: %s is %s\n", img->source, why);
	log_error("bios=\"ovmf\" needs an OVMF flash image: hvmchain's ovmf-xen.fd (bios_path_override=) "
		  "or the ovmf package's OVMF.fd; a SeaBIOS image needs bios=\"seabios\"\n");
}

/* RAM the flash may take from the top of low memory before the guest has too little left. */
#define LOW_RAM_FLOOR 0x1000000u

/*
 * Backs [pfn, pfn + nr) with RAM. libxl leaves the domain about 1 MiB above its memory size,
 * less than a 2 MiB flash: when Xen refuses a fresh page, the page is moved from the top of
 * low RAM instead, as hvmloader's mem_hole_populate_ram() does, and b->low_ram_end tells the
 * map (and CMOS) where low RAM now ends. hvmloader takes high RAM first; we take low RAM only,
 * whose end e820_build() already follows.
 */
static int populate_hole(const struct platform *p, struct boot *b, uint32_t pfn, uint32_t nr)
{
	uint64_t end = b->low_ram_end ? b->low_ram_end : p->mem.low_end;
	uint32_t fresh = xen_populate_upto(pfn, nr);
	uint32_t rest = nr - fresh;

	if (!rest)
		return 0;
	/* One XENMAPSPACE_gmfn_range move for all the rest, not a hypercall per page. */
	if (end < LOW_RAM_FLOOR + (uint64_t)rest * PAGE_SIZE) {
		log_error("no RAM left to move under the OVMF flash (low RAM ends at %#llx, %u pages needed)\n",
			  (unsigned long long)end, rest);
		return -ERR_NOSPC;
	}
	end -= (uint64_t)rest * PAGE_SIZE;
	if (xen_relocate_ram(end, (uint64_t)(pfn + fresh) << PAGE_SHIFT, (uint64_t)rest * PAGE_SIZE))
		return -ERR_XEN;
	b->low_ram_end = end;
	log_printf("OVMF flash: %u pages moved from the top of low RAM, which now ends at %#llx\n", rest,
		   (unsigned long long)end);
	return 0;
}

static int ovmf_load(const struct platform *p, const struct payload_image *img, struct boot *b)
{
	char why[160];
	uint64_t base;

	if (ovmf_image_check(img->data, img->size, &base, why, sizeof(why))) {
		refuse(img, why);
		return -ERR_INVAL;
	}
	uint32_t size = (uint32_t)img->size;
	uint64_t src = (uint64_t)(uintptr_t)img->data;
	/* The toolstack places modules in RAM below the MMIO hole; a copy onto itself would be garbage. */
	if (src < base + size && base < src + size) {
		log_error("OVMF image rejected: %s at %#llx overlaps its place at %#llx\n", img->source,
			  (unsigned long long)src, (unsigned long long)base);
		return -ERR_RANGE;
	}
	log_printf("Loading OVMF from %s (%u bytes) at %#llx\n", img->source, size, (unsigned long long)base);
	/* The flash range is MMIO hole, not RAM: back it with pages first, as hvmloader does. */
	uint32_t first = (uint32_t)(base >> PAGE_SHIFT), last = (uint32_t)((base + size - 1) >> PAGE_SHIFT);
	if (populate_hole(p, b, first, last - first + 1)) {
		log_error("cannot populate %u pages at %#llx for the OVMF flash\n", last - first + 1,
			  (unsigned long long)base);
		return -ERR_XEN;
	}
	/* The CPU starts at F000:FFF0, below 1 MiB: the reset vector's 64 KiB go there too. */
	memcpy(phys_to_virt(OVMF_LOWCHUNK_PHYS), img->data + size - OVMF_LOWCHUNK_SIZE, OVMF_LOWCHUNK_SIZE);
	memcpy(phys_to_virt((uint32_t)base), img->data, size);
	flash_base = base;
	b->bios_base = OVMF_LOWCHUNK_PHYS;
	return 0;
}

static int ovmf_handoff(const struct platform *p, const struct boot *b, const struct e820_map *e820)
{
	struct ovmf_table tables[OVMF_MAX_TABLES];
	struct ovmf_placed placed;
	struct arena scratch;
	uint32_t nr = b->tables_nr;

	for (uint32_t i = 0; i < nr; i++)
		tables[i] = (struct ovmf_table){ b->tables[i], phys_to_virt(b->tables[i]) };
	/* As for SeaBIOS: the block's arrays go to the low scratch (hvm_platform.h). */
	arena_init(&scratch, phys_to_virt(LOW_SCRATCH_PHYS), LOW_SCRATCH_PHYS, LOW_SCRATCH_SIZE);
	int rc = ovmf_handoff_build(phys_to_virt(OVMF_INFO_PHYS), &scratch, phys_to_virt(OVMF_LOW_BASE), tables, nr,
				    e820, flash_base, &placed);
	if (rc)
		return rc;
	if (placed.rsdp)
		log_printf("ACPI RSDP copied to %#x for OVMF\n", placed.rsdp);
	else if (p->cfg.acpi)
		log_error("no RSDP for OVMF: the guest boots without ACPI\n");
	if (placed.smbios)
		log_printf("SMBIOS entry point copied to %#x for OVMF\n", placed.smbios);
	else
		log_error("no SMBIOS 2.1 entry point for OVMF (it reads only that one): no SMBIOS\n");
	return 0;
}

static __attribute__((noreturn)) void ovmf_start(void)
{
	log_printf("Invoking OVMF ...\n");
	realmode_jump_to_reset_vector();
}

const struct payload_ops ovmf_payload = {
	.name = "OVMF",
	.key = "ovmf",
	.legacy_tables = false,
	.builtin = false,
	.load = ovmf_load,
	.handoff = ovmf_handoff,
	.start = ovmf_start,
};
