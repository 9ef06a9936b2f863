/* SPDX-License-Identifier: GPL-2.0-only */
/* SMBIOS 3.0 structures for the guest (DSP0134 3.0.0), published through a 2.1 and a 3.0 entry point. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "bug.h"
#include "smbios.h"
#include "console.h"
#include "err.h"
#include "lib/checksum.h"
#include "lib/printf.h"
#include "tables.h"

/*
 * What SeaBIOS 1.16.2 does with our entry points (src/fw/biostables.c; on Xen,
 * xen_biostable_setup() calls copy_table() for every address in the handoff list):
 *
 *  - copy_table() tries each table kind in turn, including copy_smbios_21() and
 *    copy_smbios_30(). The first takes an "_SM_" entry point whose first 16 bytes and
 *    "_DMI_" part check out; the second an "_SM3_" one whose bytes [0, length) sum to 0.
 *    Each copies ONLY the entry point (p->length bytes) into the F-segment with
 *    malloc_fseg(), which aligns to 16 bytes, and keeps the first of each kind it sees.
 *  - Neither moves the structure table: the entry points keep pointing at it, so it must
 *    stay where we build it, in memory the e820 map reserves.
 *  - SeaBIOS's own smbios_setup() (which would build QEMU's tables) is skipped on Xen, so
 *    nothing else competes; display_uuid() prefers the 3.0 entry point and decodes the UUID
 *    as little-endian for version 2.6 and later, as we encode it.
 *
 * So both entry points go in the handoff list and both land in the F-segment, where Linux
 * scans for "_SM3_" first and "_SM_" second (drivers/firmware/dmi_scan.c, legacy boot) and
 * Windows and dmidecode find what they expect. Nothing needs placing in the F-segment by
 * the loader (SeaBIOS owns it and would overwrite it).
 *
 * The version in the 2.1 entry point: DSP0134 5.2.1 says its major/minor fields carry the
 * version the structures implement, 3.0 here, with BCD revision 0x30. Linux and dmidecode
 * read 3.0 from either entry point without complaint (they only patch up 2.31/2.33 style
 * mistakes), and a reader that takes the 2.1 entry point then decodes the UUID with the
 * same (2.6+) byte order as one that takes the 3.0 entry point.
 */

/* Fixed rather than the build date so that builds are reproducible. */
#define SMBIOS_RELEASE_DATE "11/25/2026"

/* Each memory device (type 17) covers at most this much RAM, as hvmloader's 16 GiB DIMMs. */
#define SMBIOS_DIMM_SHIFT 34
/* Handles 0x1100 + n and 0x1400 + n leave room for 256 devices before the next type. */
#define SMBIOS_MAX_DIMMS 256

/* The physical memory array (type 16) every memory structure points at. */
#define HANDLE_ARRAY SMBIOS_HANDLE(16, 0)
/* Vendor structures whose handle clashes get one from here up (below the reserved range). */
#define HANDLE_RENUMBER_FIRST 0x8000u

/*
 * The types a smbios_firmware= record may replace, with their minimum formatted length.
 * Types 7, 8, 9, 26, 27, 28 and 39 exist only when passed through (Xen 9f114abb37).
 */
static const struct {
	uint8_t type, min_len;
} pt_types[] = {
	{ 0, SMBIOS_MIN_LEN_TYPE0 },   { 1, SMBIOS_MIN_LEN_TYPE1 },   { 2, SMBIOS_MIN_LEN_TYPE2 },
	{ 3, SMBIOS_MIN_LEN_TYPE3 },   { 7, SMBIOS_MIN_LEN_TYPE7 },   { 8, SMBIOS_MIN_LEN_TYPE8 },
	{ 9, SMBIOS_MIN_LEN_TYPE9 },   { 11, SMBIOS_MIN_LEN_TYPE11 }, { 22, SMBIOS_MIN_LEN_TYPE22 },
	{ 26, SMBIOS_MIN_LEN_TYPE26 }, { 27, SMBIOS_MIN_LEN_TYPE27 }, { 28, SMBIOS_MIN_LEN_TYPE28 },
	{ 39, SMBIOS_MIN_LEN_TYPE39 },
};
#define NR_PT_TYPES (sizeof(pt_types) / sizeof(pt_types[0]))

/* One record of the blob: the structure, strings included, that followed a uint32 length. */
struct sm_record {
	const uint8_t *data;
	uint32_t len;
	uint32_t offset; /* of its length word in the blob, for log lines */
};

/* RAM as the memory structures describe it: up to two ranges cut into devices. */
struct sm_range {
	uint64_t start, size;
};

/* What the structure writers share. */
struct sm_ctx {
	const struct platform *p;
	uint8_t *buf; /* the structure table; NULL while measuring it */
	char xen_version[40];
	char uuid_str[37];
	/* The first good record of each pt_types[] type, or NULL. */
	struct sm_record pt[NR_PT_TYPES];
	uint32_t blob_end; /* records are well framed in [0, blob_end) */
	struct sm_range ram[2];
	uint32_t nr_ram;
	unsigned int dimm_shift;
	uint32_t nr_copied; /* records copied from the blob in this pass */
	uint8_t *used;      /* while writing: a bitmap of the handles taken, SM_HANDLES bits */
};

/* ---- Writing ---------------------------------------------------------------------------- */

static void sm_put(struct sm_ctx *c, size_t at, const void *src, size_t len)
{
	if (c->buf)
		memcpy(c->buf + at, src, len);
}

/*
 * A string set (DSP0134 6.1.3): the strings after one structure's formatted area. Index 0
 * means "no string", so an empty string is never stored; the set ends with one extra NUL
 * after the last string, or is two NULs when it holds none.
 */
struct sm_strings {
	struct sm_ctx *c;
	size_t at;
	uint8_t count;
};

static struct sm_strings sm_strings_begin(struct sm_ctx *c, size_t at)
{
	return (struct sm_strings){ c, at, 0 };
}

/* Appends str and returns its index, or returns 0 for NULL or "". */
static smbios_str sm_string(struct sm_strings *s, const char *str)
{
	static const char nul;

	if (!str || !str[0] || s->count == 255)
		return 0;
	/* Platform strings are fixed arrays; never read past one even if it lacks a NUL. */
	size_t len = strnlen(str, PLATFORM_STRING_MAX);
	sm_put(s->c, s->at, str, len);
	sm_put(s->c, s->at + len, &nul, 1);
	s->at += len + 1;
	return ++s->count;
}

/* Ends the set and returns the position after the structure. */
static size_t sm_strings_end(struct sm_strings *s)
{
	static const uint8_t nuls[2];
	size_t n = s->count ? 1 : 2;

	sm_put(s->c, s->at, nuls, n);
	return s->at + n;
}

/* A structure with no strings: its formatted area and the two NULs of an empty set. */
static size_t sm_put_plain(struct sm_ctx *c, size_t at, const void *t, size_t len)
{
	struct sm_strings s = sm_strings_begin(c, at + len);

	sm_put(c, at, t, len);
	return sm_strings_end(&s);
}

static const char *or_default(const char *s, const char *def)
{
	return s[0] ? s : def;
}

static struct smbios_header sm_header(uint8_t type, size_t len, uint16_t handle)
{
	return (struct smbios_header){ type, (uint8_t)len, handle };
}

/* ---- The smbios_firmware= blob ---------------------------------------------------------- */

/*
 * The length of the well-formed structure at s (formatted area, then a string set ending
 * in a double NUL) within max bytes, or 0 with *why set.
 */
static size_t sm_struct_len(const uint8_t *s, size_t max, const char **why)
{
	if (max < sizeof(struct smbios_header) + 2) {
		*why = "shorter than a header and a double NUL";
		return 0;
	}
	size_t i = s[1];
	if (i < sizeof(struct smbios_header)) {
		*why = "formatted length below 4";
		return 0;
	}
	if (i > max - 2) {
		*why = "formatted area runs past the record";
		return 0;
	}
	while (i + 1 < max && (s[i] || s[i + 1]))
		i++;
	if (i + 1 >= max) {
		*why = "string set does not end in a double NUL";
		return 0;
	}
	return i + 2;
}

/* Steps to the record at *off below end; false when none is left or its length overruns. */
static bool blob_next(const uint8_t *blob, uint32_t end, uint32_t *off, struct sm_record *r)
{
	uint32_t len;

	if (*off >= end || end - *off < sizeof(len))
		return false;
	memcpy(&len, blob + *off, sizeof(len));
	if (len > end - *off - sizeof(len))
		return false;
	r->data = blob + *off + sizeof(len);
	r->len = len;
	r->offset = *off;
	*off += sizeof(len) + len;
	return true;
}

static int pt_slot(uint8_t type)
{
	for (uint32_t i = 0; i < NR_PT_TYPES; i++)
		if (pt_types[i].type == type)
			return (int)i;
	return -1;
}

/* Why record r is not exactly one good structure of min_len formatted bytes or more; NULL if it is. */
static const char *record_problem(const struct sm_record *r, uint8_t min_len)
{
	const char *why = NULL;
	size_t len = sm_struct_len(r->data, r->len, &why);

	if (!len)
		return why;
	if (r->data[1] < min_len)
		return "formatted area shorter than DSP0134 requires for its type";
	if (len != r->len)
		return "bytes follow the structure's double NUL";
	return NULL;
}

/*
 * Checks every record once, logging the bad ones, and notes the first good one of each
 * replaceable type. Vendor records (types 128 and up) are taken later, in blob order.
 */
static void blob_index(struct sm_ctx *c)
{
	const uint8_t *blob = c->p->cfg.smbios_blob;
	uint32_t blob_len = c->p->cfg.smbios_blob_len;
	uint32_t off = 0;
	struct sm_record r;

	if (!blob)
		blob_len = 0;
	while (blob_next(blob, blob_len, &off, &r)) {
		int slot = r.len ? pt_slot(r.data[0]) : -1;
		uint8_t min_len = slot >= 0 ? pt_types[slot].min_len : sizeof(struct smbios_header);
		const char *why = record_problem(&r, min_len);

		if (!why && r.data[0] < SMBIOS_TYPE_VENDOR_FIRST && slot < 0)
			why = "hvmchain builds this type itself";
		if (!why && slot >= 0 && c->pt[slot].data)
			why = "a record of this type came earlier";
		if (why) {
			log_error("SMBIOS: smbios_firmware record at offset %u (type %u, %u bytes): %s; skipped\n",
				  r.offset, r.len ? r.data[0] : 0, r.len, why);
			continue;
		}
		if (slot >= 0)
			c->pt[slot] = r;
	}
	if (off < blob_len)
		log_error("SMBIOS: smbios_firmware record at offset %u is truncated (blob is %u bytes); "
			  "ignoring the rest\n",
			  off, blob_len);
	c->blob_end = off;
}

/* The passed-through replacement for type, if one was given. */
static const struct sm_record *sm_passthrough(const struct sm_ctx *c, uint8_t type)
{
	int slot = pt_slot(type);

	return slot >= 0 && c->pt[slot].data ? &c->pt[slot] : NULL;
}

/* Copies a checked record into the table with the given handle. */
static size_t sm_copy(struct sm_ctx *c, size_t at, const struct sm_record *r, uint16_t handle)
{
	sm_put(c, at, r->data, r->len);
	sm_put(c, at + offsetof(struct smbios_header, handle), &handle, sizeof(handle));
	c->nr_copied++;
	return at + r->len;
}

/* ---- One function per structure type ---------------------------------------------------- */

/* Type 0, BIOS Information (DSP0134 7.1). */
static size_t sm_type0(struct sm_ctx *c, size_t at)
{
	const struct platform *p = c->p;
	const struct sm_record *pt = sm_passthrough(c, 0);
	struct smbios_type0 t = { .hdr = sm_header(0, sizeof(t), SMBIOS_HANDLE(0, 0)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));

	if (pt)
		return sm_copy(c, at, pt, t.hdr.handle);
	t.vendor = sm_string(&s, or_default(p->strings.bios_vendor, "Xen"));
	t.version = sm_string(&s, or_default(p->strings.bios_version, c->xen_version));
	t.start_segment = 0xE800;
	t.release_date = sm_string(&s, SMBIOS_RELEASE_DATE);
	t.characteristics[0] = 0x80;       /* 7.1.1 bit 7: PCI */
	t.characteristics[2] = 0x08;       /* bit 19: EDD */
	t.ext[0] = p->cfg.acpi ? 0x01 : 0; /* 7.1.2.1 bit 0: ACPI */
	/*
	 * 7.1.2.2 bit 2: targeted content distribution (hvmloader sets it; Windows SVVP wants
	 * it); bit 4: the table describes a virtual machine (2.7+), as QEMU's does.
	 */
	t.ext[1] = 0x04 | 0x10;
	t.bios_major = (uint8_t)p->xen.major;
	t.bios_minor = (uint8_t)p->xen.minor;
	t.ec_major = t.ec_minor = 0xFF;
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/*
 * 7.2.1: from SMBIOS 2.6 the first three UUID fields are little-endian. Xen's handle holds
 * the bytes in the order `xl list -l` prints them, so swap those fields for Linux's
 * /sys/class/dmi/id/product_uuid and dmidecode to print the domain's UUID. (hvmloader's
 * tables claim 2.4, where readers take the bytes unswapped.)
 */
static void sm_uuid(uint8_t out[16], const uint8_t in[16])
{
	static const uint8_t order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };

	for (int i = 0; i < 16; i++)
		out[i] = in[order[i]];
}

/* Type 1, System Information (DSP0134 7.2). */
static size_t sm_type1(struct sm_ctx *c, size_t at)
{
	const struct platform *p = c->p;
	const struct sm_record *pt = sm_passthrough(c, 1);
	struct smbios_type1 t = { .hdr = sm_header(1, sizeof(t), SMBIOS_HANDLE(1, 0)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));

	if (pt)
		return sm_copy(c, at, pt, t.hdr.handle);
	t.manufacturer = sm_string(&s, or_default(p->strings.system_manufacturer, "Xen"));
	t.product = sm_string(&s, or_default(p->strings.system_product_name, "HVM domU"));
	t.version = sm_string(&s, or_default(p->strings.system_version, c->xen_version));
	t.serial = sm_string(&s, or_default(p->strings.system_serial_number, c->uuid_str));
	sm_uuid(t.uuid, p->uuid);
	t.wake_up_type = 0x06; /* power switch */
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* Type 2, Baseboard Information (DSP0134 7.3): only when passed through or given strings. */
static size_t sm_type2(struct sm_ctx *c, size_t at)
{
	const struct platform_bios_strings *str = &c->p->strings;
	const struct sm_record *pt = sm_passthrough(c, 2);
	struct smbios_type2 t = { .hdr = sm_header(2, sizeof(t), SMBIOS_HANDLE(2, 0)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));

	if (pt) {
		size_t next = sm_copy(c, at, pt, t.hdr.handle);
		uint16_t chassis;

		/* Its chassis handle can only mean our enclosure: point it there (hvmloader too). */
		if (pt->data[1] >= offsetof(struct smbios_type2, chassis_handle) + sizeof(chassis)) {
			memcpy(&chassis, pt->data + offsetof(struct smbios_type2, chassis_handle), sizeof(chassis));
			if (chassis) {
				chassis = SMBIOS_HANDLE(3, 0);
				sm_put(c, at + offsetof(struct smbios_type2, chassis_handle), &chassis,
				       sizeof(chassis));
			}
		}
		return next;
	}
	t.manufacturer = sm_string(&s, str->baseboard_manufacturer);
	t.product = sm_string(&s, str->baseboard_product_name);
	t.version = sm_string(&s, str->baseboard_version);
	t.serial = sm_string(&s, str->baseboard_serial_number);
	t.asset_tag = sm_string(&s, str->baseboard_asset_tag);
	t.location_in_chassis = sm_string(&s, str->baseboard_location_in_chassis);
	if (!s.count)
		return at;
	t.feature_flags = 0x09; /* 7.3.1: a hosting board, replaceable */
	t.chassis_handle = SMBIOS_HANDLE(3, 0);
	t.board_type = 0x0A; /* 7.3.2: motherboard */
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* Type 3, System Enclosure (DSP0134 7.4). */
static size_t sm_type3(struct sm_ctx *c, size_t at)
{
	const struct platform_bios_strings *str = &c->p->strings;
	const struct sm_record *pt = sm_passthrough(c, 3);
	struct smbios_type3 t = { .hdr = sm_header(3, sizeof(t), SMBIOS_HANDLE(3, 0)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));

	if (pt)
		return sm_copy(c, at, pt, t.hdr.handle);
	t.manufacturer = sm_string(&s, or_default(str->enclosure_manufacturer, "Xen"));
	t.type = 0x01; /* 7.4.1: other */
	t.serial = sm_string(&s, str->enclosure_serial_number);
	t.asset_tag = sm_string(&s, str->enclosure_asset_tag);
	t.boot_up_state = t.power_supply_state = t.thermal_state = 0x03; /* 7.4.2: safe */
	t.security_status = 0x02;                                        /* 7.4.3: unknown */
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* The processor manufacturer string, from the CPUID vendor as hvmloader maps it. */
static const char *cpu_manufacturer(const struct platform_vcpus *v)
{
	if (!memcmp(v->vendor, "GenuineIntel", 12))
		return "Intel";
	if (!memcmp(v->vendor, "AuthenticAMD", 12))
		return "AMD";
	return "unknown";
}

/* Type 4, Processor Information (DSP0134 7.5): vCPU i, called "CPU i+1" as by hvmloader. */
static size_t sm_type4(struct sm_ctx *c, size_t at, uint32_t i)
{
	const struct platform_vcpus *v = &c->p->vcpus;
	struct smbios_type4 t = { .hdr = sm_header(4, sizeof(t), SMBIOS_HANDLE(4, i + 1)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));
	char socket[16];
	uint32_t mhz = v->khz / 1000;

	fmt_snprintf(socket, sizeof(socket), "CPU %u", i + 1);
	t.socket = sm_string(&s, socket);
	t.processor_type = 0x03; /* 7.5.1: central processor */
	t.family = 0x01;         /* 7.5.2: other */
	t.manufacturer = sm_string(&s, cpu_manufacturer(v));
	t.id_eax = v->signature;
	t.id_edx = v->features_edx;
	t.max_speed = t.current_speed = (uint16_t)(mhz > 0xFFFF ? 0xFFFF : mhz);
	/*
	 * 7.5 status: socket populated; enabled, or "idle, waiting to be enabled" for a vCPU
	 * the toolstack may bring online later.
	 */
	t.status = 0x40 | (vcpu_is_online(v, i) ? 0x01 : 0x04);
	t.upgrade = 0x01;                              /* 7.5.5: other */
	t.l1_cache = t.l2_cache = t.l3_cache = 0xFFFF; /* no type 7 describes them */
	/* One core, one thread per socket: each vCPU is its own socket, as in hvmloader. */
	t.core_count = t.core_enabled = t.thread_count = 1;
	t.core_count2 = t.core_enabled2 = t.thread_count2 = 1;
	t.characteristics = 0x0002; /* 7.5.9: unknown */
	t.family2 = t.family;
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* Types 7, 8, 9, 26, 27, 28 and 39: present only when passed through. */
static size_t sm_passthrough_only(struct sm_ctx *c, size_t at, uint8_t type)
{
	const struct sm_record *pt = sm_passthrough(c, type);

	return pt ? sm_copy(c, at, pt, SMBIOS_HANDLE(type, 0)) : at;
}

/* Type 11, OEM Strings (DSP0134 7.12): bios-strings/oem-N, at least "Xen". */
static size_t sm_type11(struct sm_ctx *c, size_t at)
{
	const struct platform_bios_strings *str = &c->p->strings;
	const struct sm_record *pt = sm_passthrough(c, 11);
	struct smbios_type11 t = { .hdr = sm_header(11, sizeof(t), SMBIOS_HANDLE(11, 0)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));
	uint32_t nr = str->oem_nr < PLATFORM_MAX_OEM_STRINGS ? str->oem_nr : PLATFORM_MAX_OEM_STRINGS;

	if (pt)
		return sm_copy(c, at, pt, t.hdr.handle);
	for (uint32_t i = 0; i < nr; i++)
		sm_string(&s, str->oem[i]); /* an empty one cannot be stored: it is dropped */
	if (!s.count)
		sm_string(&s, "Xen");
	t.count = s.count;
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* ---- Memory: types 16, 17, 19 and 20 ---------------------------------------------------- */

/* One memory device: its index, the RAM range it lies in and its [start, start + size). */
struct sm_dimm {
	uint32_t n, r;
	uint64_t start, size;
};

/* Steps d (zeroed before the first call) to the next device; false after the last. */
static bool sm_dimm_next(const struct sm_ctx *c, struct sm_dimm *d)
{
	if (d->size) {
		d->start += d->size;
		d->n++;
	} else if (c->nr_ram) {
		d->start = c->ram[0].start;
	}
	while (d->r < c->nr_ram && d->start - c->ram[d->r].start >= c->ram[d->r].size)
		if (++d->r < c->nr_ram)
			d->start = c->ram[d->r].start;
	if (d->r >= c->nr_ram)
		return false;

	uint64_t left = c->ram[d->r].start + c->ram[d->r].size - d->start;
	uint64_t most = 1ull << c->dimm_shift;
	d->size = left < most ? left : most;
	return true;
}

static uint32_t sm_nr_dimms(const struct sm_ctx *c)
{
	struct sm_dimm d = { 0 };

	while (sm_dimm_next(c, &d))
		;
	return d.n;
}

/*
 * RAM is [0, low_end) and [4 GiB, high_end). Each range is one type 19 (its real address
 * range) and is cut into devices (type 17) of at most 16 GiB, each mapped by a type 20, so
 * the device sizes add up to the guest's RAM and every address reported is a real one.
 * (hvmloader instead lays its devices out from 0 as if there were no hole below 4 GiB.)
 */
static void sm_memory_layout(struct sm_ctx *c)
{
	const struct platform_memory *m = &c->p->mem;
	const uint64_t four_gib = 1ull << 32;

	c->nr_ram = 0;
	if (m->low_end)
		c->ram[c->nr_ram++] = (struct sm_range){ 0, m->low_end < four_gib ? m->low_end : four_gib };
	if (m->high_end > four_gib)
		c->ram[c->nr_ram++] = (struct sm_range){ four_gib, m->high_end - four_gib };
	/* Past 4 TiB the devices grow, so that their handles stay within 0x11xx. Counted by
	 * division, not by walking the devices: an absurd RAM size must not cost 10^9 steps. */
	for (c->dimm_shift = SMBIOS_DIMM_SHIFT; c->dimm_shift < 63; c->dimm_shift++) {
		uint64_t nr = 0;

		for (uint32_t r = 0; r < c->nr_ram; r++)
			nr += (c->ram[r].size >> c->dimm_shift) + !!(c->ram[r].size & ((1ull << c->dimm_shift) - 1));
		if (nr <= SMBIOS_MAX_DIMMS)
			break;
	}
}

/* Type 16, Physical Memory Array (DSP0134 7.17). */
static size_t sm_type16(struct sm_ctx *c, size_t at)
{
	struct smbios_type16 t = { .hdr = sm_header(16, sizeof(t), HANDLE_ARRAY) };
	uint64_t total = 0;

	for (uint32_t r = 0; r < c->nr_ram; r++)
		total += c->ram[r].size;
	t.location = 0x01;         /* 7.17.1: other */
	t.use = 0x03;              /* 7.17.2: system memory */
	t.error_correction = 0x06; /* 7.17.3: multi-bit ECC, "to make Microsoft happy" (hvmloader) */
	/* KiB in 32 bits up to 2 TiB; beyond, 0x80000000 and the size in bytes (2.7+). */
	if ((total >> 10) < 0x80000000u) {
		t.max_capacity_kib = (uint32_t)(total >> 10);
	} else {
		t.max_capacity_kib = 0x80000000u;
		t.ext_max_capacity = total;
	}
	t.error_info_handle = SMBIOS_HANDLE_NONE;
	t.nr_devices = (uint16_t)sm_nr_dimms(c);
	return sm_put_plain(c, at, &t, sizeof(t));
}

/* Type 17, Memory Device (DSP0134 7.18): device n of size bytes. */
static size_t sm_type17(struct sm_ctx *c, size_t at, uint32_t n, uint64_t size)
{
	struct smbios_type17 t = { .hdr = sm_header(17, sizeof(t), SMBIOS_HANDLE(17, n)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));
	uint64_t mib = (size + (1u << 20) - 1) >> 20; /* hvmloader rounds up to MiB too */
	char locator[16];

	t.array_handle = HANDLE_ARRAY;
	t.error_info_handle = SMBIOS_HANDLE_NONE;
	t.total_width = t.data_width = 64;
	/* 7.18.5: MiB below 32 GiB - 1 MiB; from there 0x7FFF and the extended size. */
	if (mib < 0x7FFF) {
		t.size = (uint16_t)mib;
	} else {
		t.size = 0x7FFF;
		t.ext_size = (uint32_t)mib;
	}
	t.form_factor = 0x09; /* 7.18.1: DIMM */
	fmt_snprintf(locator, sizeof(locator), "DIMM %u", n);
	t.device_locator = sm_string(&s, locator);
	t.memory_type = 0x07; /* 7.18.2: RAM */
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* A start/end pair in KiB (inclusive), or past 4 TiB the 2.7+ extended pair in bytes. */
struct sm_addr {
	uint32_t start_kib, end_kib;
	uint64_t ext_start, ext_end;
};

static struct sm_addr sm_address(uint64_t start, uint64_t size)
{
	uint64_t last = start + size - 1;

	if ((last >> 10) < 0xFFFFFFFFu)
		return (struct sm_addr){ (uint32_t)(start >> 10), (uint32_t)(last >> 10), 0, 0 };
	return (struct sm_addr){ 0xFFFFFFFFu, 0xFFFFFFFFu, start, last };
}

/* Type 19, Memory Array Mapped Address (DSP0134 7.20): RAM range r. */
static size_t sm_type19(struct sm_ctx *c, size_t at, uint32_t r)
{
	struct smbios_type19 t = { .hdr = sm_header(19, sizeof(t), SMBIOS_HANDLE(19, r)) };
	struct sm_addr ad = sm_address(c->ram[r].start, c->ram[r].size);

	t.start_kib = ad.start_kib;
	t.end_kib = ad.end_kib;
	t.ext_start = ad.ext_start;
	t.ext_end = ad.ext_end;
	t.array_handle = HANDLE_ARRAY;
	t.partition_width = 1;
	return sm_put_plain(c, at, &t, sizeof(t));
}

/* Type 20, Memory Device Mapped Address (DSP0134 7.21): where device d lies. */
static size_t sm_type20(struct sm_ctx *c, size_t at, const struct sm_dimm *d)
{
	struct smbios_type20 t = { .hdr = sm_header(20, sizeof(t), SMBIOS_HANDLE(20, d->n)) };
	struct sm_addr ad = sm_address(d->start, d->size);

	t.start_kib = ad.start_kib;
	t.end_kib = ad.end_kib;
	t.ext_start = ad.ext_start;
	t.ext_end = ad.ext_end;
	t.device_handle = SMBIOS_HANDLE(17, d->n);
	t.mapped_handle = SMBIOS_HANDLE(19, d->r);
	t.partition_row = 1;
	return sm_put_plain(c, at, &t, sizeof(t));
}

/* The memory structures: the array, its devices, its ranges, and where each device lies. */
static size_t sm_memory(struct sm_ctx *c, size_t at)
{
	at = sm_type16(c, at);
	for (struct sm_dimm d = { 0 }; sm_dimm_next(c, &d);)
		at = sm_type17(c, at, d.n, d.size);
	for (uint32_t r = 0; r < c->nr_ram; r++)
		at = sm_type19(c, at, r);
	for (struct sm_dimm d = { 0 }; sm_dimm_next(c, &d);)
		at = sm_type20(c, at, &d);
	return at;
}

/* Type 22, Portable Battery (DSP0134 7.23): passed through, or hvmloader's default. */
static size_t sm_type22(struct sm_ctx *c, size_t at)
{
	const struct platform *p = c->p;
	const struct sm_record *pt = sm_passthrough(c, 22);
	struct smbios_type22 t = { .hdr = sm_header(22, sizeof(t), SMBIOS_HANDLE(22, 0)) };
	struct sm_strings s = sm_strings_begin(c, at + sizeof(t));

	if (pt)
		return sm_copy(c, at, pt, t.hdr.handle);
	if (!p->cfg.smbios_default_battery)
		return at;
	t.location = sm_string(&s, "Primary");
	t.manufacturer = sm_string(&s, or_default(p->strings.battery_manufacturer, "Xen"));
	t.manufacture_date = sm_string(&s, SMBIOS_RELEASE_DATE);
	t.device_name = sm_string(&s, or_default(p->strings.battery_device_name, "XEN-VBAT"));
	t.chemistry = 0x02; /* 7.23.1: unknown */
	t.max_error = 0xFF; /* unknown */
	t.capacity_multiplier = 1;
	sm_put(c, at, &t, sizeof(t));
	return sm_strings_end(&s);
}

/* Type 32, System Boot Information (DSP0134 7.33): no errors detected. */
static size_t sm_type32(struct sm_ctx *c, size_t at)
{
	struct smbios_type32 t = { .hdr = sm_header(32, sizeof(t), SMBIOS_HANDLE(32, 0)) };

	return sm_put_plain(c, at, &t, sizeof(t));
}

/* Handles a table can use: below the range DSP0134 6.1.2 reserves. */
#define SM_HANDLES SMBIOS_HANDLE_RESERVED
/* Renumbered handles come from [HANDLE_RENUMBER_FIRST, SMBIOS_HANDLE_RESERVED); ours all lie
 * below (SMBIOS_HANDLE(127, 0xFF) is the highest), so only copied records can take these. */
#define SM_RENUMBER_HANDLES (SMBIOS_HANDLE_RESERVED - HANDLE_RENUMBER_FIRST)
/* Renumbered structures logged one by one; the rest are counted in one line. */
#define SM_RENUMBER_LOGGED 4

static bool sm_used(const uint8_t *used, uint16_t h)
{
	return h >= SM_HANDLES || h == SMBIOS_HANDLE(127, 0) || (used[h / 8] >> (h % 8) & 1);
}

static void sm_use(uint8_t *used, uint16_t h)
{
	if (h < SM_HANDLES)
		used[h / 8] |= (uint8_t)(1u << (h % 8));
}

/* Marks the handle of every structure in the table so far, [0, end): one walk. */
static void sm_mark_table(const struct sm_ctx *c, size_t end)
{
	const char *why;

	for (size_t at = 0, one; at < end; at += one) {
		uint16_t handle;

		memcpy(&handle, c->buf + at + offsetof(struct smbios_header, handle), sizeof(handle));
		sm_use(c->used, handle);
		one = sm_struct_len(c->buf + at, end - at, &why);
		if (!one)
			break; /* cannot happen: we wrote [0, end) ourselves; the count check says so */
	}
}

/*
 * Vendor types (128 and up) go in as given, keeping their handles: their contents may refer
 * to each other by handle (hvmloader does the same). A handle that clashes with one already
 * in the table would make both ambiguous (DSP0134 6.1.2: handles are unique), so that one
 * structure is renumbered and logged.
 *
 * A bitmap of used handles makes this one walk of the table plus one step per record, and
 * the next fresh handle only moves up. Copied records are capped at the number of fresh
 * handles, so a fresh one always exists; the cap depends only on the blob, so the measuring
 * pass (no table, no bitmap) reaches the same size.
 */
static size_t sm_vendor(struct sm_ctx *c, size_t at)
{
	uint32_t off = 0, renumbered = 0;
	uint16_t fresh = HANDLE_RENUMBER_FIRST;
	struct sm_record r;

	if (!c->blob_end)
		return at;
	if (c->buf)
		sm_mark_table(c, at);
	while (blob_next(c->p->cfg.smbios_blob, c->blob_end, &off, &r)) {
		uint16_t handle;

		if (record_problem(&r, sizeof(struct smbios_header)) || r.data[0] < SMBIOS_TYPE_VENDOR_FIRST)
			continue;
		if (c->nr_copied >= SM_RENUMBER_HANDLES) {
			if (c->buf)
				log_error("SMBIOS: %u structures copied and no free handle is left; the remaining "
					  "smbios_firmware structures are dropped (from offset %u)\n",
					  c->nr_copied, r.offset);
			break;
		}
		memcpy(&handle, r.data + offsetof(struct smbios_header, handle), sizeof(handle));
		/* While measuring there is no table to compare with; renumbering keeps the size. */
		if (c->buf && sm_used(c->used, handle)) {
			while (fresh < SM_HANDLES && sm_used(c->used, fresh))
				fresh++;
			ASSERT(fresh < SM_HANDLES); /* the cap above leaves one free */
			if (renumbered++ < SM_RENUMBER_LOGGED)
				log_error(
					"SMBIOS: smbios_firmware type %u structure's handle %#x is taken; using %#x\n",
					r.data[0], handle, fresh);
			handle = fresh;
		}
		if (c->buf)
			sm_use(c->used, handle);
		at = sm_copy(c, at, &r, handle);
	}
	if (renumbered > SM_RENUMBER_LOGGED)
		log_error("SMBIOS: %u smbios_firmware structures renumbered in all\n", renumbered);
	return at;
}

/* Type 127, End-of-Table (DSP0134 7.45): always last. */
static size_t sm_type127(struct sm_ctx *c, size_t at)
{
	struct smbios_type127 t = { .hdr = sm_header(127, sizeof(t), SMBIOS_HANDLE(127, 0)) };

	return sm_put_plain(c, at, &t, sizeof(t));
}

/* Writes (or, with c->buf NULL, measures) the structure table; returns its length. */
static size_t sm_table(struct sm_ctx *c)
{
	const struct platform_vcpus *v = &c->p->vcpus;
	uint32_t nr_vcpus = v->nr < PLATFORM_MAX_VCPUS ? v->nr : PLATFORM_MAX_VCPUS;
	size_t at = 0;

	c->nr_copied = 0;
	/* hvmloader's order, which tools that compare dumps may expect. */
	at = sm_type0(c, at);
	at = sm_type1(c, at);
	at = sm_type2(c, at);
	at = sm_type3(c, at);
	for (uint32_t i = 0; i < nr_vcpus; i++)
		at = sm_type4(c, at, i);
	at = sm_passthrough_only(c, at, 7);
	at = sm_passthrough_only(c, at, 8);
	at = sm_passthrough_only(c, at, 9);
	at = sm_type11(c, at);
	at = sm_memory(c, at);
	at = sm_type22(c, at);
	at = sm_passthrough_only(c, at, 26);
	at = sm_passthrough_only(c, at, 27);
	at = sm_passthrough_only(c, at, 28);
	at = sm_type32(c, at);
	at = sm_passthrough_only(c, at, 39);
	at = sm_vendor(c, at);
	return sm_type127(c, at);
}

/* ---- Entry points ----------------------------------------------------------------------- */

static void sm_ep21(struct smbios_ep21 *ep, uint32_t table, size_t len, uint16_t nr, uint16_t max)
{
	memcpy(ep->anchor, "_SM_", 4);
	ep->length = sizeof(*ep);
	ep->major = SMBIOS_MAJOR;
	ep->minor = SMBIOS_MINOR;
	ep->max_struct_size = max;
	memcpy(ep->dmi_anchor, "_DMI_", 5);
	ep->table_length = (uint16_t)len;
	ep->table_address = table;
	ep->nr_structs = nr;
	ep->bcd_revision = SMBIOS_MAJOR << 4 | SMBIOS_MINOR;
	/* 5.2.1: the "_DMI_" part sums to 0 on its own, then the whole entry point does. */
	checksum8_fill((uint8_t *)ep + offsetof(struct smbios_ep21, dmi_anchor),
		       sizeof(*ep) - offsetof(struct smbios_ep21, dmi_anchor), &ep->dmi_checksum);
	checksum8_fill(ep, sizeof(*ep), &ep->checksum);
}

static void sm_ep30(struct smbios_ep30 *ep, uint64_t table, size_t len)
{
	memcpy(ep->anchor, "_SM3_", 5);
	ep->length = sizeof(*ep);
	ep->major = SMBIOS_MAJOR;
	ep->minor = SMBIOS_MINOR;
	ep->docrev = SMBIOS_DOCREV;
	ep->ep_revision = 1;
	ep->table_max_size = (uint32_t)len;
	ep->table_address = table;
	checksum8_fill(ep, sizeof(*ep), &ep->checksum);
}

int smbios_build(const struct platform *p, struct arena *a, uint32_t *ep21_paddr, uint32_t *ep30_paddr)
{
	static const uint64_t below_4g = 1ull << 32;
	struct sm_ctx c = { .p = p };
	const uint8_t *u = p->uuid;

	fmt_snprintf(c.xen_version, sizeof(c.xen_version), "%u.%u%.*s", p->xen.major, p->xen.minor,
		     (int)sizeof(p->xen.extra), p->xen.extra);
	/* hvmloader's serial number: the handle's bytes in order, lower-case. */
	fmt_snprintf(c.uuid_str, sizeof(c.uuid_str),
		     "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3],
		     u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
	blob_index(&c);
	sm_memory_layout(&c);

	size_t len = sm_table(&c);
	struct smbios_ep21 *ep21 = arena_alloc(a, sizeof(*ep21), 16);
	struct smbios_ep30 *ep30 = arena_alloc(a, sizeof(*ep30), 16);
	c.buf = arena_alloc(a, len, 16);
	if (!ep21 || !ep30 || !c.buf) {
		log_error("SMBIOS: no room for %zu bytes of tables\n", len + sizeof(*ep21) + sizeof(*ep30));
		return -ERR_NOSPC;
	}
	/* Scratch for the handle bitmap, given back once the table is written; only a blob's
	 * vendor records need it. */
	size_t scratch = arena_mark(a);
	c.used = c.blob_end ? arena_alloc(a, SMBIOS_HANDLE_RESERVED / 8, 1) : NULL;
	if (c.blob_end && !c.used) {
		log_error("SMBIOS: no room for the %u-byte handle bitmap\n", SMBIOS_HANDLE_RESERVED / 8);
		return -ERR_NOSPC;
	}
	uint64_t table = arena_v2p(a, c.buf);
	if (arena_v2p(a, ep21) >= below_4g || arena_v2p(a, ep30) >= below_4g) {
		log_error("SMBIOS: entry points must lie below 4 GiB\n");
		return -ERR_RANGE;
	}
	size_t written = sm_table(&c);
	arena_rewind(a, scratch);
	c.used = NULL;
	if (written != len) {
		log_error("SMBIOS: table changed size between passes\n");
		return -ERR_INVAL;
	}

	/* Count the structures and find the largest, for the 2.1 entry point. */
	uint32_t nr = 0, max = 0;
	for (size_t at = 0; at < len; nr++) {
		const char *why;
		size_t one = sm_struct_len(c.buf + at, len - at, &why);

		if (!one) {
			log_error("SMBIOS: built a bad structure at %zu: %s\n", at, why);
			return -ERR_INVAL;
		}
		max = one > max ? (uint32_t)one : max;
		at += one;
	}

	sm_ep30(ep30, table, len);
	*ep30_paddr = (uint32_t)arena_v2p(a, ep30);
	/* 5.2.1: the 2.1 entry point has a 16-bit length and count and a 32-bit address. */
	if (len <= 0xFFFF && nr <= 0xFFFF && table + len <= below_4g) {
		sm_ep21(ep21, (uint32_t)table, len, (uint16_t)nr, (uint16_t)max);
		*ep21_paddr = (uint32_t)arena_v2p(a, ep21);
	} else {
		log_error("SMBIOS: %zu bytes of structures do not fit the 2.1 entry point; 3.0 only\n", len);
		*ep21_paddr = 0;
	}
	log_debug("SMBIOS %u.%u: %u structures, %zu bytes at %#llx\n", SMBIOS_MAJOR, SMBIOS_MINOR, nr, len,
		  (unsigned long long)table);
	return 0;
}
