/* SPDX-License-Identifier: GPL-2.0-only */
/* hvm_start_info parsing; pure, so every malformed shape is tested on the host. */
#include <string.h>
#include "xen/abi.h"
#include "err.h"
#include "hvm_platform.h"
#include "lib/printf.h"
#include "start_info.h"

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

	/* Version 0 fields suffice (modules); later versions only append. */
	const struct hvm_start_info *si = pv->map(pv->ctx, si_paddr, offsetof(struct hvm_start_info, memmap_paddr));
	if (!si) {
		fmt_snprintf(why, why_len, "start info at %#llx is not readable", (unsigned long long)si_paddr);
		return -ERR_NOENT;
	}
	if (si->magic != XEN_HVM_START_MAGIC_VALUE) {
		fmt_snprintf(why, why_len, "start info at %#llx has magic %#x, not %#x", (unsigned long long)si_paddr,
			     si->magic, XEN_HVM_START_MAGIC_VALUE);
		return -ERR_NOENT;
	}
	out->version = si->version;
	out->nr_modules = si->nr_modules;
	if (si->nr_modules > START_INFO_MAX_MODULES) {
		fmt_snprintf(why, why_len, "start info lists %u modules; at most %u are read", si->nr_modules,
			     START_INFO_MAX_MODULES);
		return -ERR_RANGE;
	}
	if (!si->nr_modules)
		return 0;

	const struct hvm_modlist_entry *mods =
		pv->map(pv->ctx, si->modlist_paddr, (uint64_t)si->nr_modules * sizeof(*mods));
	if (!mods) {
		fmt_snprintf(why, why_len, "module list at %#llx is not readable",
			     (unsigned long long)si->modlist_paddr);
		return -ERR_RANGE;
	}

	for (uint32_t i = 0; i < si->nr_modules; i++) {
		char name[START_INFO_NAME_MAX];

		if (!mods[i].cmdline_paddr || !read_name(pv, mods[i].cmdline_paddr, name, sizeof(name)))
			continue;
		if (strcmp(name, "firmware"))
			continue;

		uint64_t start = mods[i].paddr, size = mods[i].size;
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
