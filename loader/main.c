/* SPDX-License-Identifier: GPL-2.0-only */
/* The boot sequence: probe Xen and the toolstack's inputs, build, hand over to SeaBIOS. */
#include <string.h>
#include "bug.h"
#include "console.h"
#include "e820_build.h"
#include "err.h"
#include "hw/mem.h"
#include "payload.h"
#include "platform.h"
#include "start_info.h"
#include "xen/xen.h"

void main(uint32_t start_info_paddr);

/* Below 4 GiB and paging off, the whole address space is readable as it is. */
static const void *map_identity(void *ctx, uint64_t paddr, uint64_t len)
{
	(void)ctx;
	if (!len || paddr + len < paddr || paddr + len > 0x100000000ull || paddr > UINT32_MAX)
		return NULL;
	return phys_to_virt((uint32_t)paddr);
}

static void probe_start_info(struct platform *p)
{
	const struct phys_view pv = { .map = map_identity };
	char why[160];

	int rc = start_info_read(&pv, p->start_info_paddr, p->image_start, p->image_end, &p->start_info, why,
				 sizeof(why));
	if (rc == -ERR_NOENT) {
		/* No start info at all: there are no modules to use, but the built-in BIOS boots. */
		log_error("%s\n", why);
		return;
	}
	if (rc)
		fatal("%s", why);
	p->start_info_valid = true;
	log_printf("Start info v%u at %#x: %u module(s)%s\n", p->start_info.version, p->start_info_paddr,
		   p->start_info.nr_modules, p->start_info.have_firmware ? ", \"firmware\" present" : "");
}

static void probe_memory_map(struct platform *p)
{
	if (xen_memory_map(p->mem.memmap, E820_TOOLSTACK_MAX, &p->mem.memmap_nr))
		fatal("XENMEM_memory_map failed: no memory map from the toolstack");
}

static void load_payload(struct platform *p, const struct payload_ops *payload)
{
	struct payload_image img;

	if (p->start_info.have_firmware) {
		img.data = phys_to_virt((uint32_t)p->start_info.firmware.paddr);
		img.size = p->start_info.firmware.size;
		img.source = "module \"firmware\"";
	} else {
		img.data = seabios_builtin;
		img.size = (uint64_t)(seabios_builtin_end - seabios_builtin);
		img.source = "the built-in image";
	}
	/* A firmware image we cannot run leaves nothing to boot: crash so `xl list` says so. */
	if (payload->load(p, &img))
		fatal("cannot load %s", payload->name);
}

void main(uint32_t start_info_paddr)
{
	static struct platform plat;
	static struct e820_map e820;
	struct platform *p = &plat;
	const struct payload_ops *payload = &seabios_payload;

	log_printf("HVM Loader (hvmchain " HVMCHAIN_VERSION ")\n");
	p->start_info_paddr = start_info_paddr;
	p->image_start = (uint32_t)(uintptr_t)_image_start;
	p->image_end = (uint32_t)(uintptr_t)_image_end;

	/* Probe: Xen first, since every other fact comes through hypercalls or Xen's memory. */
	if (xen_setup(&p->xen))
		fatal("Xen not detected: hvmchain runs only as a Xen HVM guest's firmware");
	log_printf("Detected Xen v%u.%u%s\n", p->xen.major, p->xen.minor, p->xen.extra);
	probe_start_info(p);
	probe_memory_map(p);

	/* Build: the payload goes first, as its placement is part of the memory map. */
	load_payload(p, payload);
	const struct e820_layout layout = {
		.toolstack = p->mem.memmap,
		.toolstack_nr = p->mem.memmap_nr,
		.bios_base = p->bios_base,
	};
	if (e820_build(&e820, &layout))
		fatal("the E820 map does not fit in %u entries", E820_MAX);
	e820_dump(&e820);

	if (payload->handoff(p, &e820))
		fatal("cannot fill the %s handoff block", payload->name);
	payload->start();
}
