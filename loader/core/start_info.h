/* SPDX-License-Identifier: GPL-2.0-only */
/* Reading the domain builder's hvm_start_info (%ebx at entry) and its module list. */
#ifndef HVMCHAIN_START_INFO_H
#define HVMCHAIN_START_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Guest-physical memory access, injected: returns a pointer to [paddr, paddr+len) or NULL
 * when that range cannot be read (above 4 GiB, or outside a test's buffer).
 */
struct phys_view {
	const void *(*map)(void *ctx, uint64_t paddr, uint64_t len);
	void *ctx;
};

/* libxc passes at most 2 modules (firmware, ipxe); we read up to this many (more are
 * logged and not looked at). */
#define START_INFO_MAX_MODULES 16
/* Module names are short words ("firmware"); longer ones are not ours. */
#define START_INFO_NAME_MAX 32

struct boot_module {
	uint64_t paddr;
	uint64_t size;
};

struct start_info_result {
	uint32_t version;
	uint32_t nr_modules;
	bool have_firmware;
	struct boot_module firmware;
};

/*
 * Validates the start info at si_paddr and finds the module named "firmware" (libxl's
 * SeaBIOS/OVMF blob). A module that is empty, wraps, ends above 4 GiB or overlaps the
 * loader image [image_start, image_end), the SeaBIOS handoff block and scratch or the
 * tables area is refused. The structures may sit at any alignment. Returns 0; -ERR_NOENT when there is no
 * valid start info (bad magic, unreadable), so no modules; or another negative ERR_* for a
 * module list or firmware module that cannot be used. Errors come with a one-line reason
 * in why, for the log.
 */
int start_info_read(const struct phys_view *pv, uint64_t si_paddr, uint64_t image_start, uint64_t image_end,
		    struct start_info_result *out, char *why, size_t why_len);

#endif
