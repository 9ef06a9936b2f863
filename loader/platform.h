/* SPDX-License-Identifier: GPL-2.0-only */
/* struct platform: every fact probed from Xen, the toolstack and the hardware, in plain data. */
#ifndef HVMCHAIN_PLATFORM_H
#define HVMCHAIN_PLATFORM_H

/*
 * The probe phase of main.c (with loader/hw/ and PCI setup) fills this in; after it, it is
 * read-only: table builders and payloads see it through a const pointer and write through an
 * arena, and what the boot itself produces goes into struct boot (boot.h). Nothing here points at hardware; blobs the
 * toolstack passed are plain byte ranges (guest memory on the target, buffers in tests).
 * Every array is bounded, and each count says how much of it is valid.
 */

#include <stdbool.h>
#include <stdint.h>
#include "e820.h"
#include "start_info.h"
#include "xen/info.h"

/* HVM_MAX_VCPUS in Xen's public hvm_info_table.h. */
#define PLATFORM_MAX_VCPUS 128
/* Bus 0: 32 devices of up to 8 functions. */
#define PLATFORM_MAX_PCI_FUNCS 256
/* Xen's vNUMA limits are per-domain settings; these bound what we describe. */
#define PLATFORM_MAX_VNODES 16
#define PLATFORM_MAX_VMEMRANGES 32
/* libxl writes bios-strings/oem-1 .. oem-99. */
#define PLATFORM_MAX_OEM_STRINGS 99
#define PLATFORM_STRING_MAX 128

struct platform_vcpus {
	uint32_t nr;                            /* hvm_info nr_vcpus: vCPUs the domain may ever have (maxvcpus) */
	uint8_t online[PLATFORM_MAX_VCPUS / 8]; /* hvm_info vcpu_online bitmap */
	uint32_t apic_id[PLATFORM_MAX_VCPUS];   /* as each vCPU reported it (x2APIC ID when enabled) */
	bool x2apic;                            /* CPUID.1:ECX[21] */
	uint8_t lapic_version;                  /* LAPIC version register bits 7:0 (Xen's vLAPIC: 0x14) */
	char vendor[13];                        /* CPUID leaf 0 vendor string */
	uint32_t signature;                     /* CPUID.1:EAX */
	uint32_t features_edx;                  /* CPUID.1:EDX */
	uint32_t khz;                           /* TSC frequency from Xen's time info; 0 if unknown */
	uint32_t phys_bits;                     /* CPUID 0x80000008 EAX[7:0], 36 if absent */
};

static inline bool vcpu_is_online(const struct platform_vcpus *v, uint32_t i)
{
	return i < PLATFORM_MAX_VCPUS && (v->online[i / 8] >> (i % 8)) & 1;
}

struct platform_memory {
	uint64_t low_end;   /* RAM below 4 GiB is [0, low_end) less holes (hvm_info low_mem_pgend) */
	uint64_t high_end;  /* RAM above 4 GiB is [4 GiB, high_end), or high_end is 0 */
	bool relocated;     /* PCI setup moved RAM out of the hole: low_end/high_end changed */
	uint32_t memmap_nr; /* the toolstack's map (XENMEM_memory_map) */
	struct e820_entry memmap[E820_TOOLSTACK_MAX];
};

struct platform_pci_func {
	uint16_t bdf; /* bus << 8 | device << 3 | function */
	uint16_t vendor, device;
	uint8_t int_pin; /* 0: none, 1..4: INTA..INTD */
	uint8_t irq;     /* ISA IRQ its pin routes to through the PIIX3 links, 0 if none */
};

struct platform_pci {
	uint32_t nr;
	struct platform_pci_func func[PLATFORM_MAX_PCI_FUNCS];
	uint64_t mem_start, mem_end;       /* the low MMIO window assigned: [start, end) */
	uint64_t mem_uc_end;               /* [mem_start, mem_uc_end) is what the UC MTRR covers */
	uint64_t hi_mem_start, hi_mem_end; /* the 64-bit window; empty when equal */
	uint8_t link_irq[4];               /* PIIX3 PIRQA..D -> ISA IRQ */
	uint16_t irq_mask;                 /* ISA IRQs PCI uses: level, active low (bit n = IRQ n) */
	uint8_t isa_bridge_devfn;          /* the PIIX3 PCI-ISA bridge, 00:01.0 */
};

/* What the toolstack asked for through xenstore (the platform/ and hvmloader/ keys). */
struct platform_config {
	char bios[16]; /* hvmloader/bios: which firmware libxl chose ("seabios" when absent) */
	bool acpi, acpi_s3, acpi_s4, acpi_laptop_slate;
	bool allow_memory_relocate;
	bool xen_platform_pci_bar_uc;
	uint64_t mmio_hole_size;     /* 0: not set */
	uint64_t genid[2];           /* VM generation ID, low then high; both 0 when unset */
	bool smbios_default_battery; /* hvmloader/smbios/default_battery */
	/* hvmchain/smbios-entry-points: which SMBIOS entry points SeaBIOS gets, "2.1", "3.0" or
	 * "both" (default); an OS that trips over one can be given only the other. */
	bool smbios_ep21, smbios_ep30;
	/* acpi_firmware= and smbios_firmware= blobs (hvmloader/{acpi,smbios}/{address,length}) */
	const uint8_t *acpi_blob;
	uint32_t acpi_blob_len;
	const uint8_t *smbios_blob;
	uint32_t smbios_blob_len;
};

/* The bios-strings/ keys: empty when absent. */
struct platform_bios_strings {
	char bios_vendor[PLATFORM_STRING_MAX], bios_version[PLATFORM_STRING_MAX];
	char system_manufacturer[PLATFORM_STRING_MAX], system_product_name[PLATFORM_STRING_MAX];
	char system_version[PLATFORM_STRING_MAX], system_serial_number[PLATFORM_STRING_MAX];
	char baseboard_manufacturer[PLATFORM_STRING_MAX], baseboard_product_name[PLATFORM_STRING_MAX];
	char baseboard_version[PLATFORM_STRING_MAX], baseboard_serial_number[PLATFORM_STRING_MAX];
	char baseboard_asset_tag[PLATFORM_STRING_MAX], baseboard_location_in_chassis[PLATFORM_STRING_MAX];
	char enclosure_manufacturer[PLATFORM_STRING_MAX], enclosure_serial_number[PLATFORM_STRING_MAX];
	char enclosure_asset_tag[PLATFORM_STRING_MAX];
	char battery_manufacturer[PLATFORM_STRING_MAX], battery_device_name[PLATFORM_STRING_MAX];
	uint32_t oem_nr; /* oem-1 .. oem-N, contiguous from 1 */
	char oem[PLATFORM_MAX_OEM_STRINGS][PLATFORM_STRING_MAX];
};

/* Legacy devices the guest has, probed once. */
struct platform_isa {
	bool com1, com2, lpt1;
	bool hpet; /* an HPET answers at 0xFED00000 */
};

/* Xen's vNUMA layout (XENMEM_get_vnumainfo); nr_vnodes 0 means none. */
struct platform_vnuma {
	uint32_t nr_vnodes, nr_vmemranges;
	uint32_t vcpu_to_vnode[PLATFORM_MAX_VCPUS];
	struct {
		uint64_t start, end;
		uint32_t nid;
	} vmemrange[PLATFORM_MAX_VMEMRANGES];
	uint32_t distance[PLATFORM_MAX_VNODES * PLATFORM_MAX_VNODES]; /* [from * nr_vnodes + to] */
};

struct platform {
	struct xen_info xen;
	uint8_t uuid[16]; /* XENVER_guest_handle: the domain's UUID */

	/* hvm_start_info, from %ebx at entry. */
	uint32_t start_info_paddr;
	struct start_info_result start_info;

	/* The loader image in guest memory. */
	uint32_t image_start, image_end;

	struct platform_vcpus vcpus;
	bool apic_mode; /* hvm_info apic_mode: IOAPIC/LAPIC exist */
	struct platform_memory mem;
	struct platform_pci pci;
	struct platform_config cfg;
	struct platform_bios_strings strings;
	struct platform_isa isa;
	struct platform_vnuma vnuma;
};

#endif
