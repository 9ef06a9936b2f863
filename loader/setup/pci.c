/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI setup: probe bus 0 through the config-space API, plan with pci_plan(), apply. */
#include <string.h>
#include "bug.h"
#include "console.h"
#include "hvm_platform.h"
#include "hw/isa.h"
#include "hw/pci.h"
#include "pci.h"
#include "pci_plan.h"
#include "profile.h"
#include "xen/hypercall.h"

/* Seven BARs (six plus the ROM) for every function bus 0 can hold would be 1792; guests
 * have a few dozen. The rest are logged and left disabled. */
#define PCI_MAX_BARS 256

#define VENDOR_INTEL 0x8086
#define VENDOR_XEN 0x5853

struct scan_state {
	struct pci_bar bars[PCI_MAX_BARS];
	uint32_t nr_bars;
	/* Per function (index into p->pci.func): the decode bits a BAR past the array needs
	 * kept off, since its register still holds 0 or whatever the device reset to. */
	uint16_t dropped[PLATFORM_MAX_PCI_FUNCS];
	/* Per function: its command register with decode off, as probe_function() left it
	 * (nothing writes it again before enable_decode()). */
	uint16_t cmd[PLATFORM_MAX_PCI_FUNCS];
	int vga; /* index into p->pci.func of the primary VGA, or -1 */
};

static struct scan_state scan;

static void route_links(struct platform *p)
{
	uint32_t id = pci_cfg_read32(PCI_ISA_BRIDGE_DEVFN, PCI_VENDOR_ID); /* vendor and device in one */
	uint16_t id_vendor = (uint16_t)id, id_device = (uint16_t)(id >> 16);
	uint32_t irq = 0;

	p->pci.isa_bridge_devfn = PCI_ISA_BRIDGE_DEVFN;
	p->pci.irq_mask = PCI_ISA_IRQ_MASK;
	if (id_vendor != VENDOR_INTEL || id_device != 0x7000) {
		log_error("PCI: no PIIX3 PCI-ISA bridge at 00:01.0 (found %04x:%04x); INTx left unrouted\n", id_vendor,
			  id_device);
		p->pci.irq_mask = 0;
		return;
	}
	/* Links A..D take the mask's IRQs in turn, wrapping: 5, 10, 11, 5. */
	uint32_t routes = 0;
	for (uint32_t link = 0; link < 4; link++) {
		do
			irq = (irq + 1) & 15;
		while (!(PCI_ISA_IRQ_MASK & (1u << irq)));
		p->pci.link_irq[link] = (uint8_t)irq;
		routes |= irq << (8 * link);
	}
	/* PIRQRCA..D (0x60-0x63) in one dword: one exit instead of four. qemu-xen hands each
	 * byte of the write to Xen as its own link route (piix3_write_config_xen). */
	pci_cfg_write32(PCI_ISA_BRIDGE_DEVFN, PIIX_PIRQ_ROUTE, routes);
	for (uint32_t link = 0; link < 4; link++)
		log_printf("PCI-ISA link %u routed to IRQ%u\n", link, p->pci.link_irq[link]);
	/* PCI interrupts are level-triggered, shared, active low. */
	isa_elcr_write(PCI_ISA_IRQ_MASK);
}

/* hvmloader's fixed-function quirks, by class. */
static void apply_quirks(struct platform *p, uint16_t bdf, uint16_t vendor, uint16_t device, uint16_t class)
{
	switch (class) {
	case 0x0300:
		if ((vendor == 0x1234 && device == 0x1111) || (vendor == 0x1013 && device == 0x00b8)) {
			/* qemu's std-VGA or Cirrus: the primary VGA, always with I/O decode. */
			scan.vga = (int)p->pci.nr;
		} else if (scan.vga < 0) {
			scan.vga = (int)p->pci.nr;
			if (vendor == VENDOR_INTEL)
				log_error("PCI: Intel graphics passthrough at %02x:%x needs an IGD OpRegion, "
					  "which hvmchain does not set up\n",
					  PCI_DEV(bdf), PCI_FN(bdf));
		}
		break;
	case 0x0680:
		/* PIIX4 ACPI power management: the PM block at 0xB000 the FADT describes, SCI on
		 * IRQ 9, and the SMBus I/O it would otherwise decode switched off. */
		if (vendor != VENDOR_INTEL || device != 0x7113)
			break;
		/* 0x20 and 0x22 first, one dword (one 0xCF8 write); hvmloader puts 0xd2 between. */
		pci_cfg_write16(bdf, 0x20, 0);
		pci_cfg_write16(bdf, 0x22, 0);
		pci_cfg_write16(bdf, 0xd2, 0);
		pci_cfg_write8(bdf, PCI_INTERRUPT_LINE, SCI_IRQ);
		pci_cfg_write8(bdf, PCI_INTERRUPT_PIN, 1);
		pci_cfg_write32(bdf, 0x40, PM_BLK | 1); /* PMBA */
		pci_cfg_write8(bdf, 0x80, 0x01);        /* PMREGMISC: PM I/O space on */
		break;
	case 0x0101:
		/* Intel IDE (PIIX3/4): decode the legacy primary and secondary channels. */
		if (vendor == VENDOR_INTEL) {
			pci_cfg_write16(bdf, 0x40, 0x8000);
			pci_cfg_write16(bdf, 0x42, 0x8000);
		}
		break;
	}
}

/*
 * Sizes one BAR with decode off; returns how many BAR registers it used (0 = none).
 * The register is not read first: at firmware entry every BAR holds 0 beside its read-only
 * type bits (qemu resets its devices' BARs to 0, and qemu-xen's passthrough starts its
 * emulated BARs at 0), and the type bits read back with the size. That saves an exit per
 * register. The sizing write is undone only where nothing else will overwrite it:
 * program_bars() writes every placed BAR and puts 0 back in an unplaced one.
 */
static int size_bar(struct platform *p, uint16_t bdf, uint8_t reg, bool keep_top)
{
	uint32_t lo;
	uint64_t size;
	uint8_t kind;
	int regs = 1;

	if (reg == PCI_ROM_ADDRESS) {
		pci_cfg_write32(bdf, reg, 0xFFFFF800u);
		lo = pci_cfg_read32(bdf, reg);
		size = lo & 0xFFFFF800u;
		kind = PCI_BAR_ROM;
	} else {
		pci_cfg_write32(bdf, reg, 0xFFFFFFFFu);
		lo = pci_cfg_read32(bdf, reg);
		if (lo & PCI_BAR_SPACE_IO) {
			size = lo & 0xFFFCu; /* x86 I/O space is 64 KiB */
			kind = PCI_BAR_IO;
		} else if ((lo & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64 && reg < 0x24) {
			pci_cfg_write32(bdf, (uint8_t)(reg + 4), 0xFFFFFFFFu);
			size = (uint64_t)pci_cfg_read32(bdf, (uint8_t)(reg + 4)) << 32 | (lo & ~0xFu);
			kind = PCI_BAR_MEM64;
			regs = 2;
		} else {
			size = lo & ~0xFu;
			kind = PCI_BAR_MEM32;
		}
	}
	size &= ~(size - 1); /* the lowest writable bit is the size */
	uint32_t type = lo & (kind == PCI_BAR_IO ? 0x3u : kind == PCI_BAR_ROM ? 0 : 0xFu);
	if (!size) {
		/* Nothing sizable, yet some bit took the ones (an I/O BAR's upper half): clear it. */
		if (lo != type)
			pci_cfg_write32(bdf, reg, 0);
		return regs;
	}
	if (scan.nr_bars == PCI_MAX_BARS) {
		log_error("PCI: more than %u BARs; %02x:%x bar %02x left disabled\n", PCI_MAX_BARS, PCI_DEV(bdf),
			  PCI_FN(bdf), reg);
		scan.dropped[p->pci.nr] |= kind == PCI_BAR_IO ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY;
		pci_cfg_write32(bdf, reg, 0);
		if (kind == PCI_BAR_MEM64)
			pci_cfg_write32(bdf, (uint8_t)(reg + 4), 0);
		return regs;
	}
	struct pci_bar *b = &scan.bars[scan.nr_bars++];
	memset(b, 0, sizeof(*b));
	b->bdf = bdf;
	b->reg = reg;
	b->kind = kind;
	b->size = size;
	b->prefetchable = kind != PCI_BAR_IO && kind != PCI_BAR_ROM && (lo & PCI_BAR_MEM_PREFETCH);
	b->top_of_hole = keep_top && kind == PCI_BAR_MEM32;
	b->type_bits = type;
	return regs;
}

/*
 * Functions whose datasheet fixes their layout, and which of the seven BAR registers
 * (bit n: 0x10 + 4n; bit 6: the ROM at 0x30) they implement; the rest are reserved and
 * read 0, so sizing them would be writes that change nothing (QEMU models them so too).
 * Every other function has all seven sized.
 */
static const struct {
	uint16_t vendor, device;
	uint8_t bars;
} fixed_layout[] = {
	{ VENDOR_INTEL, 0x1237, 0 },       /* 82441FX PMC (i440FX host bridge): no BARs */
	{ VENDOR_INTEL, 0x7000, 0 },       /* 82371SB PIIX3 function 0, PCI-ISA bridge: none */
	{ VENDOR_INTEL, 0x7010, 1u << 4 }, /* PIIX3 IDE: BMIBA at 0x20 only */
	{ VENDOR_INTEL, 0x7020, 1u << 4 }, /* PIIX3 USB: USBBA at 0x20 only */
	{ VENDOR_INTEL, 0x7113, 0 },       /* 82371AB PIIX4 power management: PMBA/SMBBA are not BARs */
};

static uint8_t implemented_bars(uint16_t vendor, uint16_t device)
{
	for (uint32_t i = 0; i < sizeof(fixed_layout) / sizeof(fixed_layout[0]); i++)
		if (fixed_layout[i].vendor == vendor && fixed_layout[i].device == device)
			return fixed_layout[i].bars;
	return 0x7F;
}

static void probe_function(struct platform *p, uint16_t bdf, uint16_t vendor, uint16_t device)
{
	if (p->pci.nr == PLATFORM_MAX_PCI_FUNCS)
		return;
	struct platform_pci_func *f = &p->pci.func[p->pci.nr];
	uint32_t class_rev = pci_cfg_read32(bdf, PCI_CLASS_REVISION);
	uint16_t class = (uint16_t)(class_rev >> 16);

	f->bdf = bdf;
	f->vendor = vendor;
	f->device = device;
	apply_quirks(p, bdf, vendor, device, class);

	/* Decode off while BARs move (Xen commit a8e0c228c7: a 64-bit BAR whose low half was
	 * written first, with decode on, briefly mapped below 4 GiB over RAM). */
	uint16_t cmd = pci_cfg_read16(bdf, PCI_COMMAND);
	uint16_t off = cmd & (uint16_t) ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY);
	if (off != cmd)
		pci_cfg_write16(bdf, PCI_COMMAND, off);
	scan.cmd[p->pci.nr] = off;

	/* The Xen platform device's MMIO holds the grant table: with
	 * xen-platform-pci-bar-uc=0 it stays write-back, outside the UC range (Xen 22650d6054). */
	bool keep_top = vendor == VENDOR_XEN && !p->cfg.xen_platform_pci_bar_uc;
	uint8_t bars = implemented_bars(vendor, device);
	for (uint8_t reg = PCI_BASE_ADDRESS_0; reg <= 0x24;) {
		if (!(bars & (1u << ((reg - PCI_BASE_ADDRESS_0) / 4)))) {
			reg = (uint8_t)(reg + 4);
			continue;
		}
		reg = (uint8_t)(reg + 4 * size_bar(p, bdf, reg, keep_top));
	}
	if (bars & (1u << 6))
		size_bar(p, bdf, PCI_ROM_ADDRESS, false);

	/* INTx: the "barber's pole" wiring of Xen's virtual PCI bus. */
	/* The PIIX4 PM function gets the same treatment: its SCI is wired to IRQ 9 whatever its
	 * INTA says, and its INTx line then matches what _PRT tells the OS, as with hvmloader. */
	f->int_pin = pci_cfg_read8(bdf, PCI_INTERRUPT_PIN);
	if (f->int_pin >= 1 && f->int_pin <= 4 && p->pci.irq_mask) {
		f->irq = p->pci.link_irq[pci_intx_route(PCI_DEV(bdf), f->int_pin - 1u).link];
		pci_cfg_write8(bdf, PCI_INTERRUPT_LINE, f->irq);
		log_printf("pci dev %02x:%x INT%c->IRQ%u\n", PCI_DEV(bdf), PCI_FN(bdf), 'A' + f->int_pin - 1, f->irq);
	} else {
		f->int_pin = 0;
	}
	p->pci.nr++;
}

static void scan_bus0(struct platform *p)
{
	for (uint8_t dev = 0; dev < 32; dev++) {
		for (uint8_t fn = 0; fn < 8; fn++) {
			uint16_t bdf = PCI_BDF(0, dev, fn);
			uint32_t id = pci_cfg_read32(bdf, PCI_VENDOR_ID);

			if ((id & 0xFFFF) == 0xFFFF) {
				if (fn == 0)
					break; /* no device: its other functions cannot exist */
				continue;
			}
			probe_function(p, bdf, (uint16_t)id, (uint16_t)(id >> 16));
			if (fn == 0 && !(pci_cfg_read8(bdf, PCI_HEADER_TYPE) & PCI_HEADER_MULTI_FUNCTION))
				break;
		}
	}
}

static void program_bars(const struct pci_plan *pl)
{
	for (uint32_t i = 0; i < pl->nr; i++) {
		const struct pci_bar *b = &pl->bar[i];
		uint32_t flags;

		if (!b->placed) {
			/* Back to 0, as it was (the ROM disabled): the sizing write is still in it. */
			pci_cfg_write32(b->bdf, b->reg, 0);
			if (b->kind == PCI_BAR_MEM64)
				pci_cfg_write32(b->bdf, (uint8_t)(b->reg + 4), 0);
			log_error("pci dev %02x:%x bar %02x size %09llx: no space, left disabled\n", PCI_DEV(b->bdf),
				  PCI_FN(b->bdf), b->reg, (unsigned long long)b->size);
			continue;
		}
		/* Keep the type bits the device reported when sized (read-only, so they have not
		 * changed); the ROM stays disabled until its driver (SeaBIOS, for VGA and NIC ROMs)
		 * turns it on. */
		flags = b->type_bits;
		pci_cfg_write32(b->bdf, b->reg, (uint32_t)b->addr | flags);
		if (b->kind == PCI_BAR_MEM64)
			pci_cfg_write32(b->bdf, (uint8_t)(b->reg + 4), (uint32_t)(b->addr >> 32));
		log_printf("pci dev %02x:%x bar %02x size %09llx: %09llx\n", PCI_DEV(b->bdf), PCI_FN(b->bdf), b->reg,
			   (unsigned long long)b->size, (unsigned long long)(b->addr | flags));
	}
}

static void enable_decode(struct platform *p, const struct pci_plan *pl)
{
	for (uint32_t f = 0; f < p->pci.nr; f++) {
		uint16_t bdf = p->pci.func[f].bdf;
		uint16_t on = PCI_COMMAND_MASTER, off = scan.dropped[f];

		for (uint32_t i = 0; i < pl->nr; i++) {
			const struct pci_bar *b = &pl->bar[i];
			uint16_t bit = b->kind == PCI_BAR_IO ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY;

			if (b->bdf != bdf)
				continue;
			/* One unplaced BAR would decode at address 0: keep that space off. */
			if (b->placed)
				on |= bit;
			else
				off |= bit;
		}
		/* The primary VGA answers the legacy VGA ports whatever its BARs say. */
		if ((int)f == scan.vga)
			on |= PCI_COMMAND_IO;
		on &= (uint16_t)~off;
		/* One write per function, and none where the bits are already as wanted. */
		if ((uint16_t)(scan.cmd[f] | on) != scan.cmd[f])
			pci_cfg_write16(bdf, PCI_COMMAND, (uint16_t)(scan.cmd[f] | on));
	}
}

uint32_t pci_setup(struct platform *p)
{
	static struct pci_plan plan;

	memset(&scan, 0, sizeof(scan));
	scan.vga = -1;
	memset(&p->pci, 0, sizeof(p->pci));
	log_printf("Relocating guest memory for lowmem MMIO space %s\n",
		   p->cfg.allow_memory_relocate ? "enabled" : "disabled");

	phase_enter(PHASE_PCI_SCAN);
	route_links(p);
	scan_bus0(p);

	phase_enter(PHASE_PCI_PROGRAM);
	memset(&plan, 0, sizeof(plan));
	plan.low_mem_end = p->mem.low_end;
	plan.high_mem_end = p->mem.high_end;
	plan.mmio_hole_size = p->cfg.mmio_hole_size;
	plan.allow_relocate = p->cfg.allow_memory_relocate;
	plan.keep_end = p->image_end;
	if (p->start_info.have_firmware && p->start_info.firmware.paddr + p->start_info.firmware.size > plan.keep_end)
		plan.keep_end = p->start_info.firmware.paddr + p->start_info.firmware.size;
	plan.phys_bits = p->vcpus.phys_bits;
	plan.map = p->mem.memmap;
	plan.map_nr = p->mem.memmap_nr;
	plan.bar = scan.bars;
	plan.nr = scan.nr_bars;
	pci_plan(&plan);

	if (plan.new_low_mem_end < p->mem.low_end) {
		/* Only reachable when the toolstack allows it (libxl never does with qemu-xen). */
		uint64_t bytes = p->mem.low_end - plan.new_low_mem_end;
		uint64_t to = p->mem.high_end ? p->mem.high_end : 0x100000000ull;

		log_printf("Relocating %#llx bytes of RAM from %#llx to %#llx for the MMIO hole\n",
			   (unsigned long long)bytes, (unsigned long long)plan.new_low_mem_end, (unsigned long long)to);
		if (xen_relocate_ram(plan.new_low_mem_end, to, bytes))
			fatal("moving RAM out of the MMIO hole failed");
		p->mem.low_end = plan.new_low_mem_end;
		p->mem.high_end = plan.new_high_mem_end;
		p->mem.relocated = true;
	}
	if (p->cfg.mmio_hole_size && plan.mem_start != ((0x100000000ull - p->cfg.mmio_hole_size) & ~0xFFFFFull))
		log_error("platform/mmio_hole_size=%llu not honoured (a hole must be 256 MiB to 3840 MiB "
			  "and leave RAM alone)\n",
			  (unsigned long long)p->cfg.mmio_hole_size);
	log_printf("PCI low MMIO window %#llx-%#llx\n", (unsigned long long)plan.mem_start,
		   (unsigned long long)PCI_HOLE_END - 1);
	if (plan.hi_end > plan.hi_start)
		log_printf("PCI 64-bit MMIO window %#llx-%#llx\n", (unsigned long long)plan.hi_start,
			   (unsigned long long)plan.hi_end - 1);

	program_bars(&plan);
	phase_enter(PHASE_PCI_DECODE);
	enable_decode(p, &plan);

	p->pci.mem_start = plan.mem_start;
	p->pci.mem_end = PCI_HOLE_END;
	p->pci.mem_uc_end = plan.mem_uc_end;
	p->pci.hi_mem_start = plan.hi_start;
	p->pci.hi_mem_end = plan.hi_end;
	return plan.unplaced;
}
