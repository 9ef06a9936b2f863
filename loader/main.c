/* SPDX-License-Identifier: GPL-2.0-only */
/* The boot sequence: probe Xen and the toolstack's inputs, set up the platform, build, hand over. */
#include <string.h>
#include "xen/abi.h"
#include <xen/hvm/params.h>
#include "acpi/build.h"
#include "arena.h"
#include "boot.h"
#include "bug.h"
#include "cmos.h"
#include "console.h"
#include "e820_build.h"
#include "err.h"
#include "hvm_platform.h"
#include "hw/apic.h"
#include "hw/cpu.h"
#include "hw/mem.h"
#include "hw/mtrr.h"
#include "hw/pm.h"
#include "mtrr_plan.h"
#include "payload.h"
#include "pci.h"
#include "platform.h"
#include "probe.h"
#include "profile.h"
#include "smp.h"
#include "start_info.h"
#include "tables/tables.h"
#include "xen/hypercall.h"

void main(uint32_t start_info_paddr);

/* The vm86 TSS Xen needs for real mode on VT-x without unrestricted guest (hvmloader: 384 B). */
#define VM86_TSS_SIZE 384

/* The tables area holds every builder's worst case for 128 vCPUs (ACPI 64 KiB, SMBIOS
 * 36 KiB, MP and $PIR) and the TSS; the toolstack's blobs are added on top. */
_Static_assert(ACPI_ARENA_BASE_SIZE + SMBIOS_ARENA_MAX(0) + MPTABLE_ARENA_MAX + PIR_ARENA_MAX + VM86_TSS_SIZE <=
		       TABLES_BASE_SIZE,
	       "the tables area holds every builder's worst case");

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
		/* No start info at all: no modules to use; a built-in SeaBIOS (SEABIOS_BUILTIN=1) still boots. */
		log_error("%s\n", why);
		return;
	}
	if (rc)
		fatal("%s", why);
	log_printf("Start info v%u at %#x: %u module(s)%s\n", p->start_info.version, p->start_info_paddr,
		   p->start_info.nr_modules, p->start_info.have_firmware ? ", \"firmware\" present" : "");
}

static void probe_memory_map(struct platform *p)
{
	/* One entry more than we keep: Xen truncates to the buffer without saying so. */
	static struct e820_entry map[E820_TOOLSTACK_MAX + 1];
	uint32_t nr;

	if (xen_memory_map(map, E820_TOOLSTACK_MAX + 1, &nr))
		fatal("XENMEM_memory_map failed: no memory map from the toolstack");
	if (nr > E820_TOOLSTACK_MAX) {
		log_error("XENMEM_memory_map has more than %u entries; the ones past that are ignored\n",
			  E820_TOOLSTACK_MAX);
		nr = E820_TOOLSTACK_MAX;
	}
	memcpy(p->mem.memmap, map, nr * sizeof(map[0]));
	p->mem.memmap_nr = nr;
}

static void setup_time(struct platform *p)
{
	if (xen_map_shared_info(SHARED_INFO_PHYS >> 12)) {
		log_error("cannot map the shared info page: no CPU speed, no xenstore timeouts\n");
		return;
	}
	p->vcpus.khz = xen_tsc_khz();
	log_printf("CPU speed is %u MHz\n", p->vcpus.khz / 1000);
}

static void setup_cpus(struct platform *p)
{
	static struct mtrr_state mtrr;
	struct mtrr_caps caps = mtrr_caps();
	/* Uncached: the PCI windows (MTRRs cover what PCI setup chose, so it runs first). */
	const struct mtrr_range uc[] = {
		{ p->pci.mem_start, p->pci.mem_uc_end },
		{ p->pci.hi_mem_start, p->pci.hi_mem_end },
	};

	if (caps.present) {
		uint32_t missing = mtrr_plan(&mtrr, caps.vcnt, caps.wc, p->vcpus.phys_bits, uc, 2);

		if (missing)
			log_error("MTRRs: %u more variable ranges needed than the %u there are\n", missing, caps.vcnt);
	}
	smp_setup(p, caps.present ? &mtrr : NULL);
	apic_setup(p->vcpus.apic_id[0]);
}

/* The tables arena's back(): guest memory for the pages its builders reach. */
static int populate_tables(void *ctx, uint64_t phys, size_t len)
{
	(void)ctx;
	if (xen_populate((uint32_t)(phys >> 12), (uint32_t)(len >> 12))) {
		log_error("cannot populate the tables area at %#llx (%u KiB)\n", (unsigned long long)phys,
			  (uint32_t)(len >> 10));
		return -ERR_XEN;
	}
	return 0;
}

/*
 * The tables area, populated a page at a time as the builders fill it, as hvmloader's
 * mem_alloc() does: a guest uses 3 or 4 of its TABLES_BASE_SIZE pages. Populating all of
 * them and giving the rest back afterwards took one XENMEM_decrease_reservation that cost
 * more than building every table (32 ms against 30 under the emulated Xen). Unused pages
 * kept would be pages the OVMF flash then takes from the top of low RAM, and the guest
 * would end up with less RAM than under hvmloader.
 */
static void setup_tables_area(const struct platform *p, struct arena *a)
{
	uint32_t size = (TABLES_BASE_SIZE + p->cfg.acpi_blob_len + p->cfg.smbios_blob_len + 0xFFF) & ~0xFFFu;

	arena_init_backed(a, phys_to_virt(TABLES_PHYS), TABLES_PHYS, size, populate_tables, NULL);
}

static void add_table(struct boot *b, uint32_t paddr)
{
	if (!paddr)
		return;
	if (b->tables_nr == BOOT_MAX_TABLES) {
		log_error("table list full; %#x not handed over\n", paddr);
		return;
	}
	b->tables[b->tables_nr++] = paddr;
}

/* Builders report what went wrong themselves; a failed table is left out and boot goes on. */
static void build_tables(const struct platform *p, struct arena *tables, struct boot *b, bool legacy)
{
	uint32_t ep21 = 0, ep30 = 0, mp = 0, pir = 0;

	log_printf("Writing SMBIOS tables ...\n");
	if (smbios_build(p, tables, &ep21, &ep30))
		log_error("SMBIOS tables not built\n");
	/* Linux looks for _SM3_ first and takes _SM_ only when there is none. */
	if (p->cfg.smbios_ep30)
		add_table(b, ep30);
	if (p->cfg.smbios_ep21)
		add_table(b, ep21);

	/* MP tables describe the IOAPIC: only with APIC mode on (hvmloader's rule), and only
	 * for a BIOS; UEFI has no use for MP or $PIR tables (hvmloader's ovmf.c builds neither). */
	if (legacy && p->apic_mode) {
		log_printf("Creating MP tables ...\n");
		if (mptable_build(p, tables, &mp))
			log_error("MP tables not built\n");
		add_table(b, mp);
	}
	/* $PIR serves PIC-mode routing, so it is built whatever the APIC mode. */
	if (legacy && pir_build(p, tables, &pir) == 0)
		add_table(b, pir);

	/* platform/acpi=0: no ACPI tables at all, and the PM block stays in legacy mode. */
	if (!p->cfg.acpi) {
		log_printf("ACPI disabled (platform/acpi=0): no ACPI tables built\n");
		return;
	}
	struct acpi_tables acpi;
	log_printf("Loading ACPI ...\n");
	if (acpi_build_tables(p, tables, &acpi)) {
		log_error("ACPI tables not built: the guest boots without ACPI\n");
		return;
	}
	add_table(b, acpi.rsdp);
	if (acpi.vm_genid)
		xen_hvm_param_set(HVM_PARAM_VM_GENERATION_ID_ADDR, acpi.vm_genid);
	if (!pm_enable_sci())
		log_error("SCI_EN did not come on: ACPI events will not reach the OS\n");
	/* Xen's own PM timer and PM1 registers move to the 0xB000 block the FADT names. */
	xen_hvm_param_set(HVM_PARAM_ACPI_IOPORTS_LOCATION, 1);
}

/* The vm86 TSS Xen needs for real mode without unrestricted guest; 0 when it does not fit. */
static uint64_t alloc_vm86_tss(struct arena *tables)
{
	void *tss = arena_alloc(tables, VM86_TSS_SIZE, 128);

	if (!tss) {
		log_error("no room for the vm86 TSS\n");
		return 0;
	}
	return arena_v2p(tables, tss);
}

static void setup_vm86_tss(uint64_t pa)
{
	if (!pa)
		return;
	xen_hvm_param_set(HVM_PARAM_VM86_TSS_SIZED, (uint64_t)VM86_TSS_SIZE << 32 | pa);
	log_printf("vm86 TSS at %08llx\n", (unsigned long long)pa);
}

/* The firmware image: libxl's "firmware" module, else the SeaBIOS built in (OVMF has none). */
static void pick_payload_image(const struct platform *p, const struct payload_ops *payload, struct payload_image *img)
{
	if (p->start_info.have_firmware) {
		img->data = phys_to_virt((uint32_t)p->start_info.firmware.paddr);
		img->size = p->start_info.firmware.size;
		img->source = "module \"firmware\"";
		return;
	}
	if (!payload->builtin)
		fatal("no %s image: libxl passes one as the \"firmware\" module (bios_path_override= picks the file)",
		      payload->name);
	/* Built without SEABIOS_BUILTIN=1 (the default: libxl passes SeaBIOS whenever it was built
	 * with it), so nothing to fall back on. */
	if (seabios_builtin_end - seabios_builtin == 0)
		fatal("no \"firmware\" module and no built-in SeaBIOS (hvmchain built with SEABIOS_BUILTIN=0): "
		      "give the guest bios_path_override=\"/usr/share/seabios/bios-256k.bin\"");
	img->data = seabios_builtin;
	img->size = (uint64_t)(seabios_builtin_end - seabios_builtin);
	img->source = "the built-in image";
}

static void load_payload(const struct platform *p, const struct payload_ops *payload, const struct payload_image *img,
			 struct boot *b)
{
	/* A firmware image we cannot run leaves nothing to boot: crash so `xl list` says so. */
	if (payload->load(p, img, b))
		fatal("cannot load %s", payload->name);
}

/* hvmloader/bios names the firmware; hvmloader crashes on a name it does not know, and so do we. */
static const struct payload_ops *select_payload(const char *bios)
{
	static const struct payload_ops *const payloads[] = { &seabios_payload, &ovmf_payload };

	for (uint32_t i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++)
		if (!strcmp(bios, payloads[i]->key))
			return payloads[i];
	fatal("hvmloader/bios = \"%s\" is not supported: hvmchain boots \"seabios\" or \"ovmf\" "
	      "(set bios= in the xl config to one of them)",
	      bios);
}

/* The profile's summary, one line per phase (profile.h): what `make bench` and the tests read. */
static void log_profile(const struct platform *p, const struct profile *pr)
{
	static char text[(PHASE_NR + 1) * 160];
	int n = profile_format(pr, p->vcpus.khz, text, sizeof(text));

	if (n < 0 || (size_t)n >= sizeof(text)) {
		log_error("phase profile does not fit in %zu bytes\n", sizeof(text));
		return;
	}
	console_write(text, (size_t)n);
}

void main(uint32_t start_info_paddr)
{
	static struct platform plat;
	static struct xs_client xs;
	static struct e820_map e820;
	static struct arena tables;
	static struct boot boot;
	struct platform *p = &plat;
	struct xs_client *store = NULL;
	const struct payload_ops *payload;
	struct payload_image img;
	static struct profile prof;

	profile_start(&prof, tsc_read);
	phase_enter(PHASE_PROBE);
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
	probe_hvm_info(p);
	probe_vnuma(p);
	setup_time(p);
	phase_enter(PHASE_XENSTORE);
	if (probe_xenstore_open(&xs))
		store = &xs;
	probe_config(p, store);
	phase_enter(PHASE_PROBE);
	payload = select_payload(p->cfg.bios);
	/* An image we would refuse ends the boot now, not after PCI and vCPU setup. */
	pick_payload_image(p, payload, &img);
	if (payload->check && payload->check(&img))
		fatal("cannot load %s", payload->name);
	if (xen_guest_handle(p->uuid))
		log_error("XENVER_guest_handle failed: no system UUID\n");
	probe_cpu(p);

	/* Platform setup. PCI before the vCPUs: their MTRRs cover the PCI windows
	 * (Xen cfd5232431 fixed a regression in this order). */
	pci_setup(p);
	phase_enter(PHASE_VCPUS);
	setup_cpus(p);
	probe_isa(p);

	/* Build: from here on the probed facts are read-only. The payload goes first, as its
	 * placement is part of the memory map. */
	const struct platform *cp = p;
	phase_enter(PHASE_TABLES);
	setup_tables_area(cp, &tables);
	build_tables(cp, &tables, &boot, payload->legacy_tables);
	uint64_t tss = alloc_vm86_tss(&tables);
	phase_enter(PHASE_PAYLOAD);
	load_payload(cp, payload, &img, &boot);
	phase_enter(PHASE_HANDOFF);
	setup_vm86_tss(tss);
	/* Low RAM as it is now: PCI setup or the payload may have moved some of it. */
	uint64_t low_end = boot.low_ram_end ? boot.low_ram_end : cp->mem.low_end;
	cmos_write_memory_size(low_end);

	const struct e820_layout layout = {
		.toolstack = cp->mem.memmap,
		.toolstack_nr = cp->mem.memmap_nr,
		.bios_base = boot.bios_base,
		.tables_start = tables.phys,
		.tables_end = tables.phys + ((tables.used + 0xFFF) & ~0xFFFull),
		.low_ram_end = cp->mem.relocated || boot.low_ram_end ? low_end : 0,
		.high_ram_end = cp->mem.relocated ? cp->mem.high_end : 0,
	};
	if (e820_build(&e820, &layout))
		fatal("the E820 map does not fit in %u entries", E820_MAX);
	e820_dump(&e820);

	if (payload->handoff(cp, &boot, &e820))
		fatal("cannot fill the %s handoff block", payload->name);
	/* Last of all, so the OS's xenbus finds the ring as a fresh boot would. */
	if (store)
		probe_xenstore_close(store);
	phase_enter(PHASE_NR);
	log_profile(cp, &prof);
	payload->start();
}
