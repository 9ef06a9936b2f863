/* SPDX-License-Identifier: GPL-2.0-only */
/* hvm_start_info parsing; pure, so every malformed shape is tested on the host. */
#include <string.h>
#include "xen/abi.h"
#include "console.h"
#include "err.h"
#include "hvm_platform.h"
#include "lib/printf.h"
#include "start_info.h"

/*
 * Areas the loader writes before or while it reads the firmware module, so a module there
 * would be overwritten: SeaBIOS's 0x1000 block (payloads/seabios/handoff.h), the low scratch
 * (the APs' stacks, then the block's arrays), and the tables area main.c populates from
 * 0xFC000000 (up to 4 GiB it is ACPI, special pages and the APIC windows anyway).
 */
static const struct {
	uint64_t start, end;
	const char *what;
} fixed_areas[] = {
	{ 0x1000, 0x2000, "the SeaBIOS handoff block" },
	{ LOW_SCRATCH_PHYS, LOW_SCRATCH_PHYS + LOW_SCRATCH_SIZE, "the handoff scratch" },
	{ TABLES_PHYS, FOUR_GIB, "the tables area" },
};

/* Copies the NUL-terminated name at paddr into buf, reading no further than the view allows. */
static bool read_name(const struct phys_view *pv, uint64_t paddr, char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		const char *c = pv->map(pv->ctx, paddr + i, 1);

		if (!c)
			return false;
		buf[i] = *c;
		if (!*c)
			return true;
	}
	return false; /* longer than any name we look for */
}

int start_info_read(const struct phys_view *pv, uint64_t si_paddr, uint64_t image_start, uint64_t image_end,
		    struct start_info_result *out, char *why, size_t why_len)
{
	memset(out, 0, sizeof(*out));

	/* Version 0 fields suffice (modules); later versions only append. Copied out: the
	 * toolstack may put the structures at any address, aligned or not. */
	const void *si_raw = pv->map(pv->ctx, si_paddr, offsetof(struct hvm_start_info, memmap_paddr));
	struct hvm_start_info si_copy;
	const struct hvm_start_info *si = &si_copy;
	if (!si_raw) {
		fmt_snprintf(why, why_len, "start info at %#llx is not readable", (unsigned long long)si_paddr);
		return -ERR_NOENT;
	}
	memset(&si_copy, 0, sizeof(si_copy));
	memcpy(&si_copy, si_raw, offsetof(struct hvm_start_info, memmap_paddr));
	if (si->magic != XEN_HVM_START_MAGIC_VALUE) {
		fmt_snprintf(why, why_len, "start info at %#llx has magic %#x, not %#x", (unsigned long long)si_paddr,
			     si->magic, XEN_HVM_START_MAGIC_VALUE);
		return -ERR_NOENT;
	}
	out->version = si->version;
	out->nr_modules = si->nr_modules;
	uint32_t nr = si->nr_modules;
	if (nr > START_INFO_MAX_MODULES) {
		/* libxc passes two at most; the firmware module is the first of them. */
		log_error("start info lists %u modules; the first %u are read\n", nr, START_INFO_MAX_MODULES);
		nr = START_INFO_MAX_MODULES;
	}
	if (!nr)
		return 0;

	const uint8_t *mods = pv->map(pv->ctx, si->modlist_paddr, (uint64_t)nr * sizeof(struct hvm_modlist_entry));
	if (!mods) {
		fmt_snprintf(why, why_len, "module list at %#llx is not readable",
			     (unsigned long long)si->modlist_paddr);
		return -ERR_RANGE;
	}

	for (uint32_t i = 0; i < nr; i++) {
		char name[START_INFO_NAME_MAX];
		struct hvm_modlist_entry mod;

		memcpy(&mod, mods + i * sizeof(mod), sizeof(mod));
		if (!mod.cmdline_paddr || !read_name(pv, mod.cmdline_paddr, name, sizeof(name)))
			continue;
		if (strcmp(name, "firmware"))
			continue;

		uint64_t start = mod.paddr, size = mod.size;
		if (!size) {
			fmt_snprintf(why, why_len, "module \"firmware\" is empty");
			return -ERR_INVAL;
		}
		if (start + size < start || start + size > FOUR_GIB) {
			fmt_snprintf(why, why_len, "module \"firmware\" at %#llx+%#llx is not below 4 GiB",
				     (unsigned long long)start, (unsigned long long)size);
			return -ERR_RANGE;
		}
		if (start < image_end && image_start < start + size) {
			fmt_snprintf(why, why_len,
				     "module \"firmware\" at %#llx+%#llx overlaps the loader at %#llx-%#llx",
				     (unsigned long long)start, (unsigned long long)size,
				     (unsigned long long)image_start, (unsigned long long)image_end);
			return -ERR_RANGE;
		}
		for (size_t a = 0; a < sizeof(fixed_areas) / sizeof(fixed_areas[0]); a++)
			if (start < fixed_areas[a].end && fixed_areas[a].start < start + size) {
				fmt_snprintf(why, why_len,
					     "module \"firmware\" at %#llx+%#llx overlaps %s at %#llx-%#llx",
					     (unsigned long long)start, (unsigned long long)size, fixed_areas[a].what,
					     (unsigned long long)fixed_areas[a].start,
					     (unsigned long long)fixed_areas[a].end);
				return -ERR_RANGE;
			}
		if (!pv->map(pv->ctx, start, size)) {
			fmt_snprintf(why, why_len, "module \"firmware\" at %#llx+%#llx is not readable",
				     (unsigned long long)start, (unsigned long long)size);
			return -ERR_RANGE;
		}
		/* libxc names one module "firmware"; should there be more, the first one counts. */
		out->have_firmware = true;
		out->firmware = (struct boot_module){ start, size };
		return 0;
	}
	return 0;
}
