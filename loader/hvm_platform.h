/* SPDX-License-Identifier: GPL-2.0-only */
/* The fixed facts of the Xen HVM guest platform: memory map, APIC/HPET/PM blocks, PCI INTx wiring. */
#ifndef HVMCHAIN_HVM_PLATFORM_H
#define HVMCHAIN_HVM_PLATFORM_H

/*
 * Every address and wiring rule that Xen, qemu-xen and the guest agree on is written once,
 * here; builders and hardware code both include it (it is plain constants, no hardware).
 *
 * The guest-physical map below 4 GiB (hvmloader's layout, which libxl and SeaBIOS expect):
 *
 *   0x00000000 +--------------------------------+
 *              | conventional RAM               |  0x1000: SeaBIOS info block, 0x10000: low
 *              |                                |  scratch (AP stacks, then the block's arrays), 0x9F800:
 *   0x000A0000 +--------------------------------+  hvm_info (LOW_RAM_END = 640 KiB)
 *              | VGA window, option ROMs        |
 *    bios_base +--------------------------------+
 *              | payload image (SeaBIOS)        |  up to BIOS_END
 *   0x00100000 +--------------------------------+
 *              | hvmchain image, then RAM       |  RAM up to mem.low_end
 *    low_end   +--------------------------------+
 *              | PCI MMIO hole                  |  starts at 0xF0000000 or lower
 *   0xFC000000 +--------------------------------+  PCI_HOLE_END = TABLES_PHYS = RESERVED_BASE
 *              | tables area (ACPI, SMBIOS, MP, |  TABLES_BASE_SIZE plus the toolstack's
 *              | $PIR, vm86 TSS): NVS in e820   |  blobs; populated by the loader
 *              | ...                            |
 *   0xFDFFF000 | Xen shared info page           |  SHARED_INFO_PHYS
 *   0xFEC00000 | IOAPIC                         |  IOAPIC_BASE
 *   0xFED00000 | HPET                           |  HPET_BASE
 *   0xFEE00000 | local APICs                    |  LAPIC_BASE
 *   4 GiB      +--------------------------------+  e820 reserves [RESERVED_BASE, 4 GiB)
 *              | RAM moved or placed above 4 GiB, then the 64-bit PCI window
 */

#include <stdbool.h>
#include <stdint.h>

#define FOUR_GIB 0x100000000ull
#define FOUR_GIB_PAGES 0x100000u

/* Conventional memory ends at 640 KiB; the payload runs up to 1 MiB. */
#define LOW_RAM_END 0xA0000u
#define BIOS_END 0x100000u

/*
 * Low scratch RAM, where hvmloader keeps its scratch (SCRATCH_PHYSICAL_ADDRESS): first the
 * APs' stacks (loader/core/ap_stack.h), dead once every AP has reported and been stopped;
 * then the arrays the payload's 0x1000 block points at, which the payload reads during POST
 * before it reuses low memory. Nothing the guest keeps lives here, and no module may
 * (loader/core/start_info.c), since the loader writes it before it reads the modules.
 */
#define LOW_SCRATCH_PHYS 0x10000u
#define LOW_SCRATCH_SIZE 0x10000u

/* [RESERVED_BASE, 4 GiB) is reserved in the guest's e820 (hvmloader's RESERVED_MEMBASE). */
#define RESERVED_BASE 0xFC000000u
/* The low PCI MMIO window ends where the reserved range starts (hvmloader's PCI_MEM_END). */
#define PCI_HOLE_END ((uint64_t)RESERVED_BASE)
#define PCI_HOLE_DEFAULT_START 0xF0000000ull
#define PCI_HOLE_MAX_START 0x80000000ull /* never more than 2 GiB of hole */

/*
 * The firmware tables area: the start of hvmloader's ACPI area (ACPI_INFO_PHYSICAL_ADDRESS),
 * outside guest RAM, so it must be populated before use. TABLES_BASE_SIZE holds what the
 * builders may need (the *_ARENA_* bounds of acpi/build.h and loader/tables/tables.h,
 * asserted in main.c) and the vm86 TSS; the toolstack's blobs come on top of that.
 */
#define TABLES_PHYS RESERVED_BASE
#define TABLES_BASE_SIZE 0x20000u
/* Where Xen's shared info page is mapped: the top of hvmloader's dynamic area. */
#define SHARED_INFO_PHYS 0xFDFFF000u

/* Fixed MMIO blocks of the emulated platform (Xen's vIOAPIC, vHPET, vLAPIC). */
#define IOAPIC_BASE 0xFEC00000u
#define HPET_BASE 0xFED00000u
#define LAPIC_BASE 0xFEE00000u
/* The IOAPIC ID hvmloader programs and the MADT and MP table name. */
#define IOAPIC_ID 1

_Static_assert(LOW_SCRATCH_PHYS >= 0x2000u && LOW_SCRATCH_PHYS + LOW_SCRATCH_SIZE <= LOW_RAM_END - 0x1000u,
	       "the low scratch is clear of the 0x1000 block and the hvm_info page");
_Static_assert(PCI_HOLE_DEFAULT_START < PCI_HOLE_END, "the default hole is not empty");
_Static_assert(PCI_HOLE_END == TABLES_PHYS, "the PCI hole ends where the tables area starts");
_Static_assert(TABLES_PHYS >= RESERVED_BASE, "the tables area is in the reserved range");
_Static_assert(TABLES_PHYS + TABLES_BASE_SIZE <= SHARED_INFO_PHYS, "tables area below the shared info");
_Static_assert(SHARED_INFO_PHYS + 0x1000u <= IOAPIC_BASE, "shared info page below the IOAPIC");
_Static_assert(IOAPIC_BASE < HPET_BASE && HPET_BASE < LAPIC_BASE, "MMIO blocks in address order");
_Static_assert(LAPIC_BASE + 0x1000ull <= FOUR_GIB, "every fixed block below 4 GiB");
_Static_assert(FOUR_GIB_PAGES * 4096ull == FOUR_GIB, "4 GiB in pages");

/*
 * The PIIX4 ACPI PM block qemu-xen decodes at 0xB000 once the loader sets PMBA, which
 * the FADT names (Xen moves its own PM1/timer emulation there on
 * HVM_PARAM_ACPI_IOPORTS_LOCATION=1); the SCI arrives on ISA IRQ 9.
 */
#define PM_BLK 0xB000u
#define PM1A_EVT_BLK (PM_BLK + 0x0)
#define PM1A_EVT_LEN 4
#define PM1A_CNT_BLK (PM_BLK + 0x4)
#define PM1A_CNT_LEN 2
#define PM_TMR_BLK (PM_BLK + 0x8)
#define PM_TMR_LEN 4
#define PM1_CNT_SCI_EN 0x0001
#define SCI_IRQ 9
/* GPE0 (qemu-xen: bit 1 PCI hotplug, bit 2 CPU hotplug). */
#define GPE0_BLK 0xAFE0u
#define GPE0_BLK_LEN 4

/*
 * The largest APIC ID the 8-bit xAPIC forms can carry: 0xFF means "all processors" in
 * both the MADT (ACPI 6.5 §5.2.12.2) and the MP table (MP 1.4 §4.3.1); above it a CPU
 * needs the x2APIC forms (MADT, SRAT) and cannot be listed in an MP table at all.
 */
#define XAPIC_MAX_ID 254

static inline bool apic_id_needs_x2apic(uint32_t apic_id)
{
	return apic_id > XAPIC_MAX_ID;
}

/*
 * Xen's PCI INTx wiring for bus-0 device dev, pin intx (0 = INTA): in PIC mode through
 * the PIIX3 link (PIRQA-D) hvm_pci_intx_link() names, the "barber's pole"; in APIC mode
 * to the IOAPIC input hvm_pci_intx_gsi() names (xen/arch/x86/include/asm/hvm/irq.h).
 * PCI setup, $PIR, the MP table and the DSDT's _PRT (acpi/gen_asl.py, checked against
 * this function by tests/acpi/prt_test.c) all follow it.
 */
struct pci_intx_route {
	uint8_t link; /* 0..3: PIRQA..PIRQD */
	uint8_t gsi;  /* 16..47 */
};

static inline struct pci_intx_route pci_intx_route(uint32_t dev, uint32_t intx)
{
	struct pci_intx_route r = {
		.link = (uint8_t)((dev + intx) & 3),
		.gsi = (uint8_t)((((dev << 2) + (dev >> 3) + intx) & 31) + 16),
	};
	return r;
}

#endif
