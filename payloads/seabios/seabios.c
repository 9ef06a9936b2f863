/* SPDX-License-Identifier: GPL-2.0-only */
/* The SeaBIOS payload's ops: place the image below 1 MiB, fill the 0x1000 block, jump to F000:FFF0. */
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

_Static_assert(BOOT_MAX_TABLES <= SEABIOS_MAX_TABLES, "every table the boot lists fits the block");

/* Where the image must go (0xC0000 or 0xE0000), 0 when it is refused (logged). */
static uint32_t seabios_place(const struct payload_image *img)
{
	char why[200];
	uint32_t base;

	if (seabios_image_check(img->data, img->size, &base, why, sizeof(why))) {
		uint64_t flash;
		char ignored[8];

		/* The likeliest mistake: an OVMF.fd with bios="seabios" (or no bios= at all). */
		if (ovmf_image_check(img->data, img->size, &flash, ignored, sizeof(ignored)) == 0) {
			log_error("SeaBIOS image rejected: %s is an OVMF (UEFI) flash image\n", img->source);
			log_error("use bios=\"ovmf\" for it, or give a SeaBIOS guest a 128 or 256 KiB SeaBIOS image\n");
		} else
			log_error("SeaBIOS image rejected: %s is %s\n", img->source, why);
		return 0;
	}
	return base;
}

static int seabios_check(const struct payload_image *img)
{
	return seabios_place(img) ? 0 : -ERR_INVAL;
}

static int seabios_load(const struct platform *p, const struct payload_image *img, struct boot *b)
{
	uint32_t base = seabios_place(img);

	(void)p;
	if (!base)
		return -ERR_INVAL;
	log_printf("Loading SeaBIOS from %s (%llu bytes) at %#x\n", img->source, (unsigned long long)img->size, base);
	memmove(phys_to_virt(base), img->data, (size_t)img->size);
	b->bios_base = base;
	return 0;
}

static int seabios_handoff(const struct platform *p, const struct boot *b, const struct e820_map *e820)
{
	struct arena scratch;

	(void)p;
	/* The arrays the block points at go to the low scratch (hvm_platform.h), where hvmloader
	 * keeps them: SeaBIOS reads them during POST before it reuses low memory. */
	arena_init(&scratch, phys_to_virt(LOW_SCRATCH_PHYS), LOW_SCRATCH_PHYS, LOW_SCRATCH_SIZE);
	return seabios_handoff_build(phys_to_virt(SEABIOS_INFO_PHYS), &scratch, b->tables, b->tables_nr, e820);
}

static __attribute__((noreturn)) void seabios_start(void)
{
	log_printf("Invoking SeaBIOS ...\n");
	realmode_jump_to_reset_vector();
}

const struct payload_ops seabios_payload = {
	.name = "SeaBIOS",
	.key = "seabios",
	.legacy_tables = true,
	.builtin = true,
	.check = seabios_check,
	.load = seabios_load,
	.handoff = seabios_handoff,
	.start = seabios_start,
};
