/* SPDX-License-Identifier: GPL-2.0-only */
/* SMBIOS (DMTF DSP0134 3.0.0): entry points, the structures hvmchain builds, and its builder. */
#ifndef HVMCHAIN_SMBIOS_H
#define HVMCHAIN_SMBIOS_H

#include <stddef.h>
#include <stdint.h>

/*
 * We describe the guest with SMBIOS 3.0.0 structures and publish them through both entry
 * points (DSP0134 5.2): the 32-bit "_SM_" one (what SeaBIOS, Windows and old kernels look for)
 * and the 64-bit "_SM3_" one (what Linux looks for first). Both name the same table.
 */
#define SMBIOS_MAJOR 3
#define SMBIOS_MINOR 0
#define SMBIOS_DOCREV 0

/* DSP0134 5.2.1: the SMBIOS 2.1 (32-bit) entry point, 0x1F bytes. */
struct smbios_ep21 {
	char anchor[4];           /* "_SM_" */
	uint8_t checksum;         /* bytes [0, length) sum to 0 */
	uint8_t length;           /* 0x1F */
	uint8_t major, minor;     /* the version the structures implement */
	uint16_t max_struct_size; /* the largest structure, strings included */
	uint8_t ep_revision;      /* 0: formatted area below is reserved */
	uint8_t formatted[5];     /* 0 */
	char dmi_anchor[5];       /* "_DMI_" */
	uint8_t dmi_checksum;     /* bytes [0x10, 0x1F) sum to 0 */
	uint16_t table_length;    /* bytes in the structure table */
	uint32_t table_address;   /* its 32-bit physical address */
	uint16_t nr_structs;      /* structures in the table */
	uint8_t bcd_revision;     /* the version again, as BCD */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_ep21) == 0x1F, "SMBIOS 2.1 entry point is 0x1F bytes");
_Static_assert(offsetof(struct smbios_ep21, dmi_anchor) == 0x10, "_DMI_ at 0x10");
_Static_assert(offsetof(struct smbios_ep21, table_address) == 0x18, "table address at 0x18");
_Static_assert(offsetof(struct smbios_ep21, bcd_revision) == 0x1E, "BCD revision at 0x1E");

/* DSP0134 5.2.2: the SMBIOS 3.0 (64-bit) entry point, 0x18 bytes. */
struct smbios_ep30 {
	char anchor[5];   /* "_SM3_" */
	uint8_t checksum; /* bytes [0, length) sum to 0 */
	uint8_t length;   /* 0x18 */
	uint8_t major, minor, docrev;
	uint8_t ep_revision; /* 1: the 3.0 entry point layout */
	uint8_t reserved;
	uint32_t table_max_size; /* the table fits in this many bytes */
	uint64_t table_address;  /* its 64-bit physical address */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_ep30) == 0x18, "SMBIOS 3.0 entry point is 0x18 bytes");
_Static_assert(offsetof(struct smbios_ep30, table_max_size) == 0x0C, "max size at 0x0C");
_Static_assert(offsetof(struct smbios_ep30, table_address) == 0x10, "table address at 0x10");

/* DSP0134 6.1.2: every structure starts so; its strings follow the formatted area. */
struct smbios_header {
	uint8_t type;
	uint8_t length; /* of the formatted area, header included; strings not counted */
	uint16_t handle;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_header) == 4, "structure header is 4 bytes");

/* DSP0134 6.1.3: string fields hold 1-based indices into the set; 0 means "no string". */
typedef uint8_t smbios_str;

/* Handles we give our structures: type << 8 plus an instance, as hvmloader does. */
#define SMBIOS_HANDLE(type, n) ((uint16_t)(((type) << 8) + (n)))
/* DSP0134 7.x: "no structure is referenced" (0xFFFE) and "no error information" (0xFFFE). */
#define SMBIOS_HANDLE_NONE 0xFFFEu
/* DSP0134 6.1.2: handles 0xFF00 and above are reserved. */
#define SMBIOS_HANDLE_RESERVED 0xFF00u

/* Type 0, BIOS Information (DSP0134 7.1): 0x18 bytes in 2.4 - 3.0. */
struct smbios_type0 {
	struct smbios_header hdr;
	smbios_str vendor, version;
	uint16_t start_segment;  /* where the BIOS image starts, 0xE800 as hvmloader says */
	smbios_str release_date; /* mm/dd/yyyy */
	uint8_t rom_size;        /* 64 KiB * (n + 1) */
	uint8_t characteristics[8];
	uint8_t ext[2]; /* characteristics extension bytes 1 and 2 */
	uint8_t bios_major, bios_minor;
	uint8_t ec_major, ec_minor; /* 0xFF: no embedded controller firmware */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type0) == 0x18, "type 0 is 0x18 bytes");
_Static_assert(offsetof(struct smbios_type0, ext) == 0x12, "type 0 extension bytes at 0x12");

/* Type 1, System Information (DSP0134 7.2): 0x1B bytes in 2.4+. */
struct smbios_type1 {
	struct smbios_header hdr;
	smbios_str manufacturer, product, version, serial;
	uint8_t uuid[16]; /* 7.2.1: time_low, time_mid, time_hi_and_version little-endian */
	uint8_t wake_up_type;
	smbios_str sku, family;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type1) == 0x1B, "type 1 is 0x1B bytes");
_Static_assert(offsetof(struct smbios_type1, uuid) == 0x08, "type 1 UUID at 0x08");

/* Type 2, Baseboard Information (DSP0134 7.3): 0x0F bytes with no contained handles. */
struct smbios_type2 {
	struct smbios_header hdr;
	smbios_str manufacturer, product, version, serial, asset_tag;
	uint8_t feature_flags;
	smbios_str location_in_chassis;
	uint16_t chassis_handle; /* the type 3 this board sits in */
	uint8_t board_type;
	uint8_t contained_handles; /* 0 */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type2) == 0x0F, "type 2 is 0x0F bytes");
_Static_assert(offsetof(struct smbios_type2, chassis_handle) == 0x0B, "type 2 chassis handle at 0x0B");

/* Type 3, System Enclosure (DSP0134 7.4): 0x15 + n * m + 1 bytes; we have no elements. */
struct smbios_type3 {
	struct smbios_header hdr;
	smbios_str manufacturer;
	uint8_t type;
	smbios_str version, serial, asset_tag;
	uint8_t boot_up_state, power_supply_state, thermal_state, security_status;
	uint32_t oem;
	uint8_t height, power_cords;
	uint8_t element_count, element_length; /* 0, 0 */
	smbios_str sku;                        /* 2.7+: follows the (empty) element list */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type3) == 0x16, "type 3 is 0x16 bytes");
_Static_assert(offsetof(struct smbios_type3, element_count) == 0x13, "type 3 elements at 0x13");

/* Type 4, Processor Information (DSP0134 7.5): 0x30 bytes in 3.0. */
struct smbios_type4 {
	struct smbios_header hdr;
	smbios_str socket;
	uint8_t processor_type;
	uint8_t family;
	smbios_str manufacturer;
	uint32_t id_eax, id_edx; /* 7.5.3: CPUID.1:EAX then CPUID.1:EDX */
	smbios_str version;
	uint8_t voltage;
	uint16_t external_clock, max_speed, current_speed; /* MHz, 0 = unknown */
	uint8_t status;
	uint8_t upgrade;
	uint16_t l1_cache, l2_cache, l3_cache; /* 0xFFFF: no type 7 describes it */
	smbios_str serial, asset_tag, part_number;
	uint8_t core_count, core_enabled, thread_count;
	uint16_t characteristics;
	uint16_t family2;
	uint16_t core_count2, core_enabled2, thread_count2;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type4) == 0x30, "type 4 is 0x30 bytes");
_Static_assert(offsetof(struct smbios_type4, status) == 0x18, "type 4 status at 0x18");
_Static_assert(offsetof(struct smbios_type4, core_count) == 0x23, "type 4 core count at 0x23");
_Static_assert(offsetof(struct smbios_type4, family2) == 0x28, "type 4 family 2 at 0x28");

/* Type 11, OEM Strings (DSP0134 7.12): 5 bytes. */
struct smbios_type11 {
	struct smbios_header hdr;
	uint8_t count;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type11) == 5, "type 11 is 5 bytes");

/* Type 16, Physical Memory Array (DSP0134 7.17): 0x17 bytes in 2.7+. */
struct smbios_type16 {
	struct smbios_header hdr;
	uint8_t location, use, error_correction;
	uint32_t max_capacity_kib; /* 0x80000000: see the extended field */
	uint16_t error_info_handle;
	uint16_t nr_devices;
	uint64_t ext_max_capacity; /* bytes */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type16) == 0x17, "type 16 is 0x17 bytes");
_Static_assert(offsetof(struct smbios_type16, ext_max_capacity) == 0x0F, "type 16 extended at 0x0F");

/* Type 17, Memory Device (DSP0134 7.18): 0x28 bytes in 2.8 - 3.1. */
struct smbios_type17 {
	struct smbios_header hdr;
	uint16_t array_handle;
	uint16_t error_info_handle;
	uint16_t total_width, data_width;
	uint16_t size; /* MiB (bit 15 clear); 0x7FFF: see the extended field */
	uint8_t form_factor;
	uint8_t device_set;
	smbios_str device_locator, bank_locator;
	uint8_t memory_type;
	uint16_t type_detail;
	uint16_t speed;
	smbios_str manufacturer, serial, asset_tag, part_number;
	uint8_t attributes;
	uint32_t ext_size; /* MiB */
	uint16_t configured_speed;
	uint16_t min_voltage, max_voltage, configured_voltage;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type17) == 0x28, "type 17 is 0x28 bytes");
_Static_assert(offsetof(struct smbios_type17, size) == 0x0C, "type 17 size at 0x0C");
_Static_assert(offsetof(struct smbios_type17, ext_size) == 0x1C, "type 17 extended size at 0x1C");

/* Type 19, Memory Array Mapped Address (DSP0134 7.20): 0x1F bytes in 2.7+. */
struct smbios_type19 {
	struct smbios_header hdr;
	uint32_t start_kib, end_kib; /* inclusive; both 0xFFFFFFFF: see the extended fields */
	uint16_t array_handle;
	uint8_t partition_width;
	uint64_t ext_start, ext_end; /* bytes, inclusive */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type19) == 0x1F, "type 19 is 0x1F bytes");
_Static_assert(offsetof(struct smbios_type19, ext_start) == 0x0F, "type 19 extended at 0x0F");

/* Type 20, Memory Device Mapped Address (DSP0134 7.21): 0x23 bytes in 2.7+. */
struct smbios_type20 {
	struct smbios_header hdr;
	uint32_t start_kib, end_kib;
	uint16_t device_handle; /* its type 17 */
	uint16_t mapped_handle; /* its type 19 */
	uint8_t partition_row, interleave_position, interleave_depth;
	uint64_t ext_start, ext_end;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type20) == 0x23, "type 20 is 0x23 bytes");
_Static_assert(offsetof(struct smbios_type20, ext_start) == 0x13, "type 20 extended at 0x13");

/* Type 22, Portable Battery (DSP0134 7.23): 0x1A bytes. */
struct smbios_type22 {
	struct smbios_header hdr;
	smbios_str location, manufacturer, manufacture_date, serial, device_name;
	uint8_t chemistry;
	uint16_t design_capacity, design_voltage;
	smbios_str sbds_version;
	uint8_t max_error;
	uint16_t sbds_serial, sbds_date;
	smbios_str sbds_chemistry;
	uint8_t capacity_multiplier;
	uint32_t oem;
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type22) == 0x1A, "type 22 is 0x1A bytes");

/* Type 32, System Boot Information (DSP0134 7.33): 0x0B bytes minimum. */
struct smbios_type32 {
	struct smbios_header hdr;
	uint8_t reserved[6];
	uint8_t boot_status; /* 0: no errors detected */
} __attribute__((packed));

_Static_assert(sizeof(struct smbios_type32) == 0x0B, "type 32 is 0x0B bytes");

/* Type 127, End-of-Table (DSP0134 7.45). */
struct smbios_type127 {
	struct smbios_header hdr;
} __attribute__((packed));

/*
 * Minimum formatted-area lengths a passed-through (smbios_firmware=) structure of a type we
 * replace must have: the minimums hvmloader checks (Xen 2f7d52f016), from DSP0134's oldest
 * layout of each type that carries the fields a reader needs. hvmloader compares them with
 * the whole record, strings included; we compare them with the header's length, and take
 * the type 3 minimum through Security Status (0x0D) where hvmloader stops one byte short.
 */
#define SMBIOS_MIN_LEN_TYPE0 0x18 /* 2.4 - 3.0 */
#define SMBIOS_MIN_LEN_TYPE1 0x1B /* 2.4+ */
#define SMBIOS_MIN_LEN_TYPE2 0x08 /* through Serial Number */
#define SMBIOS_MIN_LEN_TYPE3 0x0D /* through Security Status */
#define SMBIOS_MIN_LEN_TYPE7 0x13
#define SMBIOS_MIN_LEN_TYPE8 0x09
#define SMBIOS_MIN_LEN_TYPE9 0x0D
#define SMBIOS_MIN_LEN_TYPE11 0x05
#define SMBIOS_MIN_LEN_TYPE22 0x1A
#define SMBIOS_MIN_LEN_TYPE26 0x14 /* through OEM-defined */
#define SMBIOS_MIN_LEN_TYPE27 0x0C
#define SMBIOS_MIN_LEN_TYPE28 0x14
#define SMBIOS_MIN_LEN_TYPE39 0x10 /* through Power Supply Characteristics */
/* Vendor types (128 - 255) only need a header. */
#define SMBIOS_TYPE_VENDOR_FIRST 128

#endif
