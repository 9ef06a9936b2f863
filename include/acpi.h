/* SPDX-License-Identifier: GPL-2.0-only */
/* ACPI table layouts hvmchain builds (ACPI 6.5 chapter 5 unless noted): packed, commented, size-checked. */
#ifndef HVMCHAIN_ACPI_H
#define HVMCHAIN_ACPI_H

#include <stddef.h>
#include <stdint.h>

/*
 * Every struct is packed and its size and key offsets are asserted: the same header is
 * compiled for the 32-bit loader and the 64-bit host tests, whose alignment of uint64_t
 * differs (4 vs 8 bytes). Integers are little-endian, as on x86.
 */

/* The IDs every table carries. Guests and tools key on "Xen" (Linux's xen_hvm detection
 * quirks, `xen-detect`-style scripts, Windows PV driver installers), so we keep
 * hvmloader's values rather than invent our own. */
#define ACPI_OEM_ID "Xen"       /* 6 bytes, NUL padded */
#define ACPI_OEM_TABLE_ID "HVM" /* 8 bytes, NUL padded */
#define ACPI_OEM_REVISION 0
#define ACPI_CREATOR_ID 0x4C4D5648 /* "HVML", little-endian */
#define ACPI_CREATOR_REVISION 0

/* §5.2.3.2 Generic Address Structure. */
struct acpi_gas {
	uint8_t space_id;    /* ACPI_GAS_* */
	uint8_t bit_width;   /* register width in bits */
	uint8_t bit_offset;  /* first bit of the register */
	uint8_t access_size; /* 0 undefined (legacy), 1 byte, 2 word, 3 dword, 4 qword */
	uint64_t address;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_gas) == 12, "GAS is 12 bytes");

#define ACPI_GAS_MEMORY 0
#define ACPI_GAS_IO 1

/* §5.2.5.3 Root System Description Pointer, revision 2 (ACPI 2.0+). */
struct acpi_rsdp {
	char signature[8]; /* "RSD PTR " */
	uint8_t checksum;  /* over the first 20 bytes (the ACPI 1.0 structure) */
	char oem_id[6];
	uint8_t revision;          /* 2: the XSDT fields are valid */
	uint32_t rsdt_address;     /* 32-bit physical address of the RSDT */
	uint32_t length;           /* 36, the whole structure */
	uint64_t xsdt_address;     /* 64-bit physical address of the XSDT */
	uint8_t extended_checksum; /* over all 36 bytes */
	uint8_t reserved[3];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_rsdp) == 36, "RSDP is 36 bytes");
_Static_assert(offsetof(struct acpi_rsdp, rsdt_address) == 16, "RSDT address at 16");
_Static_assert(offsetof(struct acpi_rsdp, xsdt_address) == 24, "XSDT address at 24");
_Static_assert(offsetof(struct acpi_rsdp, extended_checksum) == 32, "extended checksum at 32");

#define ACPI_RSDP_SIGNATURE "RSD PTR "
#define ACPI_RSDP_V1_LEN 20
#define ACPI_RSDP_REVISION 2

/* §5.2.6 System Description Table Header, shared by every table but the FACS. */
struct acpi_header {
	char signature[4];
	uint32_t length; /* the whole table, header included */
	uint8_t revision;
	uint8_t checksum; /* the table's bytes sum to zero */
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_header) == 36, "SDT header is 36 bytes");
_Static_assert(offsetof(struct acpi_header, checksum) == 9, "checksum at 9");
_Static_assert(offsetof(struct acpi_header, oem_table_id) == 16, "OEM table ID at 16");

/* §5.2.7 RSDT: header + 32-bit entries; §5.2.8 XSDT: header + 64-bit entries (unaligned). */
#define ACPI_RSDT_REVISION 1
#define ACPI_XSDT_REVISION 1

/*
 * §5.2.9 Fixed ACPI Description Table, up to revision 5 (ACPI 5.0, 268 bytes). The first
 * 116 bytes are the ACPI 1.0 (revision 1) FADT.
 */
struct acpi_fadt {
	struct acpi_header header;
	uint32_t firmware_ctrl;       /* 32-bit FACS address */
	uint32_t dsdt;                /* 32-bit DSDT address */
	uint8_t reserved0;            /* ACPI 1.0 INT_MODEL; 0 since 2.0 */
	uint8_t preferred_pm_profile; /* 0 unspecified */
	uint16_t sci_int;             /* ISA IRQ (8259 mode) / GSI the SCI is wired to */
	uint32_t smi_cmd;             /* SMI command port, 0: no SMM, hardware already in ACPI mode */
	uint8_t acpi_enable;          /* value written to smi_cmd to enter ACPI mode */
	uint8_t acpi_disable;
	uint8_t s4bios_req;
	uint8_t pstate_cnt;
	uint32_t pm1a_evt_blk; /* I/O port of PM1a_STS/PM1a_EN */
	uint32_t pm1b_evt_blk;
	uint32_t pm1a_cnt_blk; /* I/O port of PM1a_CNT */
	uint32_t pm1b_cnt_blk;
	uint32_t pm2_cnt_blk;
	uint32_t pm_tmr_blk; /* I/O port of the ACPI PM timer */
	uint32_t gpe0_blk;   /* I/O port of GPE0_STS then GPE0_EN */
	uint32_t gpe1_blk;
	uint8_t pm1_evt_len; /* bytes */
	uint8_t pm1_cnt_len;
	uint8_t pm2_cnt_len;
	uint8_t pm_tmr_len;   /* 4 */
	uint8_t gpe0_blk_len; /* bytes, even: status half then enable half */
	uint8_t gpe1_blk_len;
	uint8_t gpe1_base;
	uint8_t cst_cnt;
	uint16_t p_lvl2_lat; /* > 100: C2 not supported */
	uint16_t p_lvl3_lat; /* > 1000: C3 not supported */
	uint16_t flush_size;
	uint16_t flush_stride;
	uint8_t duty_offset;
	uint8_t duty_width;
	uint8_t day_alrm; /* RTC CMOS index of day-of-month alarm, 0 none */
	uint8_t mon_alrm;
	uint8_t century;         /* RTC CMOS index of the century, 0 none */
	uint16_t iapc_boot_arch; /* ACPI_FADT_BOOT_* (table 5.10); reserved in 1.0 */
	uint8_t reserved1;
	uint32_t flags;            /* ACPI_FADT_* (table 5.11) */
	struct acpi_gas reset_reg; /* ends the 116-byte ACPI 1.0 FADT */
	uint8_t reset_value;
	uint16_t arm_boot_arch;
	uint8_t minor_version; /* FADT minor revision (ACPI 5.1+), 0 for 5.0 */
	uint64_t x_firmware_ctrl;
	uint64_t x_dsdt;
	struct acpi_gas x_pm1a_evt_blk;
	struct acpi_gas x_pm1b_evt_blk;
	struct acpi_gas x_pm1a_cnt_blk;
	struct acpi_gas x_pm1b_cnt_blk;
	struct acpi_gas x_pm2_cnt_blk;
	struct acpi_gas x_pm_tmr_blk;
	struct acpi_gas x_gpe0_blk;
	struct acpi_gas x_gpe1_blk;
	struct acpi_gas sleep_control_reg; /* HW-reduced only */
	struct acpi_gas sleep_status_reg;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_fadt) == 268, "FADT revision 5 is 268 bytes");
_Static_assert(offsetof(struct acpi_fadt, sci_int) == 46, "SCI_INT at 46");
_Static_assert(offsetof(struct acpi_fadt, pm1a_evt_blk) == 56, "PM1a_EVT_BLK at 56");
_Static_assert(offsetof(struct acpi_fadt, gpe0_blk) == 80, "GPE0_BLK at 80");
_Static_assert(offsetof(struct acpi_fadt, pm1_evt_len) == 88, "PM1_EVT_LEN at 88");
_Static_assert(offsetof(struct acpi_fadt, iapc_boot_arch) == 109, "IAPC_BOOT_ARCH at 109");
_Static_assert(offsetof(struct acpi_fadt, flags) == 112, "Flags at 112");
_Static_assert(offsetof(struct acpi_fadt, reset_reg) == 116, "RESET_REG at 116");
_Static_assert(offsetof(struct acpi_fadt, x_firmware_ctrl) == 132, "X_FIRMWARE_CTRL at 132");
_Static_assert(offsetof(struct acpi_fadt, x_pm1a_evt_blk) == 148, "X_PM1a_EVT_BLK at 148");
_Static_assert(offsetof(struct acpi_fadt, x_gpe0_blk) == 220, "X_GPE0_BLK at 220");
_Static_assert(offsetof(struct acpi_fadt, sleep_control_reg) == 244, "SLEEP_CONTROL_REG at 244");

#define ACPI_FADT_REVISION 5
#define ACPI_FADT_V1_LEN 116 /* the ACPI 1.0 FADT: through Flags */
#define ACPI_FADT_V1_REVISION 1

/* Table 5.10 IA-PC boot architecture flags. */
#define ACPI_FADT_BOOT_LEGACY_DEVICES (1u << 0)
#define ACPI_FADT_BOOT_8042 (1u << 1)
#define ACPI_FADT_BOOT_NO_VGA (1u << 2)
#define ACPI_FADT_BOOT_NO_CMOS_RTC (1u << 5)

/* Table 5.11 fixed feature flags (the ones we use, and the last ACPI 1.0 one). */
#define ACPI_FADT_WBINVD (1u << 0)
#define ACPI_FADT_PROC_C1 (1u << 2)
#define ACPI_FADT_PWR_BUTTON (1u << 4) /* set: power button is a control-method device */
#define ACPI_FADT_SLP_BUTTON (1u << 5)
#define ACPI_FADT_FIX_RTC (1u << 6)
#define ACPI_FADT_TMR_VAL_EXT (1u << 8) /* 32-bit PM timer */
#define ACPI_FADT_DCK_CAP (1u << 9)     /* the last flag ACPI 1.0 defines */
#define ACPI_FADT_RESET_REG_SUP (1u << 10)
#define ACPI_FADT_USE_PLATFORM_CLOCK (1u << 15)
#define ACPI_FADT_V1_FLAGS_MASK ((ACPI_FADT_DCK_CAP << 1) - 1)

/* §5.2.10 Firmware ACPI Control Structure: no checksum, 64-byte aligned. */
struct acpi_facs {
	char signature[4]; /* "FACS" */
	uint32_t length;   /* 64 */
	uint32_t hardware_signature;
	uint32_t firmware_waking_vector;
	uint32_t global_lock;
	uint32_t flags;
	uint64_t x_firmware_waking_vector;
	uint8_t version; /* 2 since ACPI 4.0 */
	uint8_t reserved0[3];
	uint32_t ospm_flags;
	uint8_t reserved1[24];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_facs) == 64, "FACS is 64 bytes");
_Static_assert(offsetof(struct acpi_facs, version) == 32, "FACS version at 32");

#define ACPI_FACS_VERSION 2
#define ACPI_FACS_ALIGN 64

/* §5.2.11 DSDT and SSDT: a header followed by AML. */
#define ACPI_DSDT_REVISION 2 /* 2+: AML integers are 64 bits */
#define ACPI_SSDT_REVISION 2

/* §5.2.12 Multiple APIC Description Table. */
struct acpi_madt {
	struct acpi_header header;
	uint32_t lapic_address; /* 32-bit local APIC base every CPU sees */
	uint32_t flags;         /* ACPI_MADT_PCAT_COMPAT */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt) == 44, "MADT header is 44 bytes");

/* Revision 5 (ACPI 6.2+): x2APIC structures (since revision 3) and, from 6.3 on, the
 * Online Capable flag, which OSes only honour in a revision 5 MADT. */
#define ACPI_MADT_REVISION 5
#define ACPI_MADT_PCAT_COMPAT (1u << 0) /* dual 8259s are present too */

/* Table 5.21 interrupt controller structure types. */
#define ACPI_MADT_LAPIC 0
#define ACPI_MADT_IOAPIC 1
#define ACPI_MADT_ISO 2
#define ACPI_MADT_LAPIC_NMI 4
#define ACPI_MADT_X2APIC 9
#define ACPI_MADT_X2APIC_NMI 0xA

/* §5.2.12.2 Processor Local APIC; APIC IDs up to 254 (§5.2.12.12 requires x2APIC beyond). */
struct acpi_madt_lapic {
	uint8_t type;     /* 0 */
	uint8_t length;   /* 8 */
	uint8_t acpi_uid; /* ACPI Processor UID: the processor device's _UID */
	uint8_t apic_id;
	uint32_t flags; /* ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_lapic) == 8, "LAPIC entry is 8 bytes");

#define ACPI_MADT_ENABLED (1u << 0)
/* ACPI 6.3+: a disabled entry with this bit may be brought online later (hotplug). */
#define ACPI_MADT_ONLINE_CAPABLE (1u << 1)

/* §5.2.12.3 I/O APIC. */
struct acpi_madt_ioapic {
	uint8_t type;   /* 1 */
	uint8_t length; /* 12 */
	uint8_t ioapic_id;
	uint8_t reserved;
	uint32_t address;
	uint32_t gsi_base; /* first GSI of its pins */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_ioapic) == 12, "IOAPIC entry is 12 bytes");

/* §5.2.12.5 Interrupt Source Override. */
struct acpi_madt_iso {
	uint8_t type;   /* 2 */
	uint8_t length; /* 10 */
	uint8_t bus;    /* 0: ISA */
	uint8_t source; /* ISA IRQ */
	uint32_t gsi;
	uint16_t flags; /* MPS INTI flags: polarity bits 1:0, trigger bits 3:2 */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_iso) == 10, "ISO entry is 10 bytes");

#define ACPI_MADT_INTI_CONFORMS 0x0
#define ACPI_MADT_INTI_LEVEL_LOW 0xF /* active low (3), level triggered (3 << 2) */

/* §5.2.12.7 Local APIC NMI. */
struct acpi_madt_lapic_nmi {
	uint8_t type;     /* 4 */
	uint8_t length;   /* 6 */
	uint8_t acpi_uid; /* 0xFF: every processor */
	uint16_t flags;   /* MPS INTI flags */
	uint8_t lint;     /* LINT# pin the NMI arrives on */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_lapic_nmi) == 6, "LAPIC NMI entry is 6 bytes");

/* §5.2.12.12 Processor Local x2APIC. */
struct acpi_madt_x2apic {
	uint8_t type;   /* 9 */
	uint8_t length; /* 16 */
	uint16_t reserved;
	uint32_t x2apic_id;
	uint32_t flags;    /* as the LAPIC entry */
	uint32_t acpi_uid; /* the processor device's _UID */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_x2apic) == 16, "x2APIC entry is 16 bytes");

/* §5.2.12.13 Local x2APIC NMI. */
struct acpi_madt_x2apic_nmi {
	uint8_t type;   /* 0xA */
	uint8_t length; /* 12 */
	uint16_t flags;
	uint32_t acpi_uid; /* 0xFFFFFFFF: every processor */
	uint8_t lint;
	uint8_t reserved[3];
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_madt_x2apic_nmi) == 12, "x2APIC NMI entry is 12 bytes");

/* IA-PC HPET specification 1.0a §3.2.4: the HPET description table. */
struct acpi_hpet {
	struct acpi_header header;
	uint32_t block_id;       /* event timer block ID: the capabilities register's low half */
	struct acpi_gas address; /* system memory, base of the block */
	uint8_t hpet_number;     /* sequence number of this block */
	uint16_t min_tick;       /* minimum clock ticks in periodic mode */
	uint8_t page_protection; /* 0: no guarantee */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_hpet) == 56, "HPET table is 56 bytes");

#define ACPI_HPET_REVISION 1

/* Microsoft "Windows ACPI Emulated Devices Table" (WAET) 1.0. */
struct acpi_waet {
	struct acpi_header header;
	uint32_t flags; /* ACPI_WAET_* */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_waet) == 40, "WAET is 40 bytes");

#define ACPI_WAET_REVISION 1
#define ACPI_WAET_RTC_NO_ACK (1u << 0)        /* Xen's RTC needs no status read to rearm */
#define ACPI_WAET_PM_TIMER_ONE_READ (1u << 1) /* Xen's PM timer is reliable on one read */

/* §5.2.16 System Resource Affinity Table. */
struct acpi_srat {
	struct acpi_header header;
	uint32_t reserved1; /* 1, for compatibility with the pre-ACPI 3.0 table */
	uint64_t reserved2;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat) == 48, "SRAT header is 48 bytes");

#define ACPI_SRAT_REVISION 3

#define ACPI_SRAT_PROCESSOR 0
#define ACPI_SRAT_MEMORY 1
#define ACPI_SRAT_X2APIC 2

/* §5.2.16.1 Processor Local APIC/SAPIC Affinity. */
struct acpi_srat_processor {
	uint8_t type;      /* 0 */
	uint8_t length;    /* 16 */
	uint8_t domain_lo; /* proximity domain bits 7:0 */
	uint8_t apic_id;
	uint32_t flags; /* ACPI_SRAT_ENABLED */
	uint8_t sapic_eid;
	uint8_t domain_hi[3]; /* proximity domain bits 31:8 */
	uint32_t clock_domain;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_processor) == 16, "SRAT processor entry is 16 bytes");

/* §5.2.16.2 Memory Affinity. */
struct acpi_srat_memory {
	uint8_t type;   /* 1 */
	uint8_t length; /* 40 */
	uint32_t domain;
	uint16_t reserved1;
	uint64_t base; /* unaligned: two dwords in the spec */
	uint64_t size;
	uint32_t reserved2;
	uint32_t flags; /* ACPI_SRAT_ENABLED */
	uint64_t reserved3;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_memory) == 40, "SRAT memory entry is 40 bytes");
_Static_assert(offsetof(struct acpi_srat_memory, base) == 8, "SRAT memory base at 8");
_Static_assert(offsetof(struct acpi_srat_memory, flags) == 28, "SRAT memory flags at 28");

/* §5.2.16.3 Processor Local x2APIC Affinity. */
struct acpi_srat_x2apic {
	uint8_t type;   /* 2 */
	uint8_t length; /* 24 */
	uint16_t reserved1;
	uint32_t domain;
	uint32_t x2apic_id;
	uint32_t flags;
	uint32_t clock_domain;
	uint32_t reserved2;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_srat_x2apic) == 24, "SRAT x2APIC entry is 24 bytes");

#define ACPI_SRAT_ENABLED (1u << 0)

/* §5.2.17 System Locality Information Table: header, count, then count² bytes. */
struct acpi_slit {
	struct acpi_header header;
	uint64_t localities;
	/* uint8_t entry[localities][localities]; 10 on the diagonal */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_slit) == 44, "SLIT header is 44 bytes");

#define ACPI_SLIT_REVISION 1

/*
 * AML resource descriptors we patch in the DSDT (§6.4). The offsets are those of the
 * descriptor's first byte, as iasl's -so table reports them.
 */

/* §6.4.2.1 IRQ descriptor, 3-byte form (with information byte). */
struct acpi_res_irq {
	uint8_t tag;   /* 0x23 */
	uint16_t mask; /* bit n: IRQ n may be used */
	uint8_t info;  /* polarity, trigger, sharing */
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_res_irq) == 4, "IRQ descriptor is 4 bytes");
#define ACPI_RES_IRQ_TAG 0x23

/* §6.4.3.5.2 DWord Address Space Descriptor. */
struct acpi_res_dword {
	uint8_t tag;     /* 0x87 */
	uint16_t length; /* 23: bytes after this field */
	uint8_t type;    /* 0 memory, 1 I/O, 2 bus */
	uint8_t general_flags;
	uint8_t type_flags;
	uint32_t granularity;
	uint32_t min;
	uint32_t max;
	uint32_t translation;
	uint32_t len;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_res_dword) == 26, "DWord descriptor is 26 bytes");
#define ACPI_RES_DWORD_TAG 0x87

/* §6.4.3.5.1 QWord Address Space Descriptor. */
struct acpi_res_qword {
	uint8_t tag;     /* 0x8A */
	uint16_t length; /* 43 */
	uint8_t type;
	uint8_t general_flags;
	uint8_t type_flags;
	uint64_t granularity;
	uint64_t min;
	uint64_t max;
	uint64_t translation;
	uint64_t len;
} __attribute__((packed));
_Static_assert(sizeof(struct acpi_res_qword) == 46, "QWord descriptor is 46 bytes");
_Static_assert(offsetof(struct acpi_res_qword, min) == 14, "QWord _MIN at 14");
#define ACPI_RES_QWORD_TAG 0x8A

#endif
