/* SPDX-License-Identifier: GPL-2.0-only */
/* The probe step of the boot: every fact the builders need, read once, logged as hvmloader does. */
#include <string.h>
#include "xen/abi.h"
#include <xen/event_channel.h>
#include <xen/hvm/hvm_info_table.h>
#include <xen/hvm/params.h>
#include <xen/io/xs_wire.h>
#include "bug.h"
#include "console.h"
#include "err.h"
#include "hvm_info.h"
#include "hw/apic.h"
#include "hw/cpu.h"
#include "hw/isa.h"
#include "hw/mem.h"
#include "lib/parse.h"
#include "lib/printf.h"
#include "probe.h"
#include "vnuma.h"
#include "xen/hypercall.h"

void probe_cpu(struct platform *p)
{
	struct cpuid_regs r = cpuid(0);

	memcpy(p->vcpus.vendor + 0, &r.ebx, 4);
	memcpy(p->vcpus.vendor + 4, &r.edx, 4);
	memcpy(p->vcpus.vendor + 8, &r.ecx, 4);
	p->vcpus.vendor[12] = '\0';
	r = cpuid(1);
	p->vcpus.signature = r.eax;
	p->vcpus.features_edx = r.edx;
	p->vcpus.x2apic = (r.ecx >> 21) & 1;
	p->vcpus.phys_bits = 36; /* the architectural default */
	if (cpuid(0x80000000).eax >= 0x80000008)
		p->vcpus.phys_bits = cpuid(0x80000008).eax & 0xFF;
	p->vcpus.lapic_version = lapic_version();
}

void probe_hvm_info(struct platform *p)
{
	char why[160];

	if (!hvm_info_read(phys_to_virt(HVM_INFO_PADDR), p, why, sizeof(why)))
		return;
	log_error("%s; assuming 1 vCPU\n", why);
	hvm_info_fallback(p);
}

void probe_vnuma(struct platform *p)
{
	static uint32_t distance[PLATFORM_MAX_VNODES * PLATFORM_MAX_VNODES];
	static uint32_t vcpu_to_vnode[PLATFORM_MAX_VCPUS];
	static struct xen_vmemrange ranges[PLATFORM_MAX_VMEMRANGES];
	struct xen_vnuma_buffers b = {
		.nr_vnodes = PLATFORM_MAX_VNODES,
		.nr_vcpus = PLATFORM_MAX_VCPUS,
		.nr_vmemranges = PLATFORM_MAX_VMEMRANGES,
		.distance = distance,
		.vcpu_to_vnode = vcpu_to_vnode,
		.vmemrange = ranges,
	};
	int rc = xen_vnuma_info(&b);

	memset(&p->vnuma, 0, sizeof(p->vnuma));
	if (rc == -ERR_NOENT)
		return; /* no vnuma= in the config: the usual case */
	if (rc == -ERR_NOSPC) {
		log_error("vNUMA: %u nodes, %u ranges, %u vCPUs exceed the %u, %u, %u described; no SRAT/SLIT\n",
			  b.nr_vnodes, b.nr_vmemranges, b.nr_vcpus, PLATFORM_MAX_VNODES, PLATFORM_MAX_VMEMRANGES,
			  PLATFORM_MAX_VCPUS);
		return;
	}
	if (rc) {
		log_error("XENMEM_get_vnumainfo failed; no SRAT/SLIT\n");
		return;
	}
	if (!vnuma_from_xen(&p->vnuma, p->vcpus.nr, &b))
		log_printf("vNUMA: %u nodes, %u memory ranges\n", p->vnuma.nr_vnodes, p->vnuma.nr_vmemranges);
}

/* How long one wait for the store daemon may take; a request may take XS_MAX_WAITS of them. */
#define XS_POLL_NS 50000000ull

static uint32_t store_port;

static void xs_notify(void *ctx)
{
	(void)ctx;
	xen_evtchn_send(store_port);
}

static void xs_wait(void *ctx)
{
	(void)ctx;
	xen_poll(store_port, XS_POLL_NS);
}

static const struct xs_transport xs_transport = { .notify = xs_notify, .wait = xs_wait };

bool probe_xenstore_open(struct xs_client *c)
{
	uint64_t pfn, port;

	if (xen_hvm_param_get(HVM_PARAM_STORE_PFN, &pfn) || xen_hvm_param_get(HVM_PARAM_STORE_EVTCHN, &port) || !pfn ||
	    pfn >= 0x100000) {
		log_error("no xenstore ring in the HVM params; using defaults for every setting\n");
		return false;
	}
	/* xen_poll() finds the port's pending bit in the shared info's 2-level bitmap. */
	if (port >= EVTCHN_2L_NR_CHANNELS) {
		log_error("xenstore event channel %llu is past the %u ports the shared info holds; using "
			  "defaults for every setting\n",
			  (unsigned long long)port, (unsigned)EVTCHN_2L_NR_CHANNELS);
		return false;
	}
	store_port = (uint32_t)port;
	xs_init(c, phys_to_virt((uint32_t)pfn << 12), &xs_transport);
	log_printf("Xenbus rings @0x%x, event channel %u\n", (uint32_t)pfn << 12, store_port);
	return true;
}

void probe_xenstore_close(struct xs_client *c)
{
	xs_shutdown(c);
	xen_evtchn_reset(store_port);
}

/*
 * The children of platform/ and hvmloader/, listed once each: a key whose first component
 * is not listed is absent without a request of its own (each is a round trip to xenstored,
 * and most of the keys hvmchain knows are absent on most guests). A folder that could not
 * be listed whole leaves every key to be read.
 */
static const char *const listed_dirs[] = { "platform", "hvmloader" };

struct listing {
	bool valid;
	uint32_t nr;
	char names[1024];
};

/* In .bss, not the image: the names are 2 KiB. */
static struct listing listings[sizeof(listed_dirs) / sizeof(listed_dirs[0])];

/* bios-strings/ is listed in the same exchange (probe_config() reads what it names). */
static char bios_names[2048];
static struct xs_op bios_listing;

static void list_folders(struct xs_client *c)
{
	struct xs_op ops[sizeof(listings) / sizeof(listings[0]) + 1];
	size_t n = sizeof(listings) / sizeof(listings[0]);

	for (size_t i = 0; i < n; i++)
		ops[i] = (struct xs_op){
			XS_DIRECTORY, listed_dirs[i], listings[i].names, sizeof(listings[i].names), 0, 0
		};
	ops[n] = (struct xs_op){ XS_DIRECTORY, "bios-strings", bios_names, sizeof(bios_names), 0, 0 };
	xs_batch(c, ops, (uint32_t)n + 1);
	for (size_t i = 0; i < n; i++) {
		struct listing *l = &listings[i];

		l->nr = ops[i].rc == 0 || ops[i].rc == -ERR_NOSPC ? ops[i].nr : 0;
		l->valid = ops[i].rc == 0 || ops[i].rc == -ERR_NOENT;
	}
	bios_listing = ops[n];
}

/* Whether a listing says path cannot exist ("hvmloader/pci/x" needs "pci" in hvmloader/). */
static bool unlisted(const char *path)
{
	for (size_t i = 0; i < sizeof(listings) / sizeof(listings[0]); i++) {
		const struct listing *l = &listings[i];
		size_t n = strlen(listed_dirs[i]);
		char first[64];

		if (!l->valid || strncmp(path, listed_dirs[i], n) || path[n] != '/')
			continue;
		const char *rest = path + n + 1;
		size_t len = 0;
		while (rest[len] && rest[len] != '/')
			len++;
		if (len >= sizeof(first))
			return false;
		memcpy(first, rest, len);
		first[len] = '\0';
		const char *name = l->names;
		for (uint32_t k = 0; k < l->nr; k++, name += strlen(name) + 1)
			if (!strcmp(name, first))
				return false;
		return true;
	}
	return false;
}

/*
 * The keys probe_config() reads whatever the guest, fetched in one exchange once the
 * listings tell which exist (each alone would be a round trip through dom0). Every consumer's
 * buffer is at most PLATFORM_STRING_MAX bytes, so a value that does not fit here fits none.
 */
static const char *const fixed_keys[] = {
	"hvmloader/bios",
	"platform/acpi",
	"platform/acpi_s3",
	"platform/acpi_s4",
	"platform/acpi_laptop_slate",
	"hvmloader/allow-memory-relocate",
	"hvmloader/pci/xen-platform-pci-bar-uc",
	"platform/mmio_hole_size",
	"hvmloader/smbios/default_battery",
	"hvmchain/smbios-entry-points",
	"platform/generation-id",
	"hvmloader/acpi/address",
	"hvmloader/acpi/length",
	"hvmloader/smbios/address",
	"hvmloader/smbios/length",
};
#define FIXED_KEYS (sizeof(fixed_keys) / sizeof(fixed_keys[0]))

/* Filled for the keys the listings do not rule out (read_key() never asks for the others). */
static struct {
	int rc;
	uint32_t len; /* the value's bytes (xs_op.nr): a NUL inside it counts */
	char value[PLATFORM_STRING_MAX];
} fixed_values[FIXED_KEYS];

static void fetch_fixed_keys(struct xs_client *c)
{
	struct xs_op ops[FIXED_KEYS];
	uint32_t which[FIXED_KEYS], n = 0;

	for (uint32_t i = 0; i < FIXED_KEYS; i++) {
		if (unlisted(fixed_keys[i]))
			continue;
		ops[n] =
			(struct xs_op){ XS_READ, fixed_keys[i], fixed_values[i].value, sizeof(fixed_values[i].value), 0,
					0 };
		which[n++] = i;
	}
	xs_batch(c, ops, n);
	for (uint32_t k = 0; k < n; k++) {
		fixed_values[which[k]].rc = ops[k].rc;
		fixed_values[which[k]].len = ops[k].nr;
	}
}

/* One of fixed_keys: 0 with its value in buf, or the read's error (-ERR_NOENT when a listing
 * says so, -ERR_NOSPC when the value does not fit in len bytes with its terminator). */
static int read_key(struct xs_client *c, const char *path, char *buf, size_t len)
{
	if (!c || unlisted(path))
		return -ERR_NOENT;
	for (uint32_t i = 0; i < FIXED_KEYS; i++) {
		if (strcmp(path, fixed_keys[i]))
			continue;
		if (fixed_values[i].rc)
			return fixed_values[i].rc;
		if (fixed_values[i].len >= len)
			return -ERR_NOSPC;
		memcpy(buf, fixed_values[i].value, fixed_values[i].len + 1);
		return 0;
	}
	/* Every key probe_config() reads is fetched with the others: one missing from the table
	 * would go unread. */
	BUG();
}

static void log_too_long(const char *path, size_t len)
{
	log_error("xenstore %s: value longer than %zu bytes; ignored\n", path, len - 1);
}

/* One key: true with its value in buf, false (logged when it is not just absent) otherwise. */
static bool key(struct xs_client *c, const char *path, char *buf, size_t len)
{
	int rc = read_key(c, path, buf, len);

	if (rc == -ERR_NOSPC)
		log_too_long(path, len);
	return rc == 0;
}

/* A refused value is logged: its control bytes become '?', so they cannot steer the console
 * (an escape sequence, a carriage return over the line) of whoever reads xl dmesg. */
static const char *printable(char *v)
{
	for (char *q = v; *q; q++)
		if ((unsigned char)*q < 0x20 || (unsigned char)*q >= 0x7F)
			*q = '?';
	return v;
}

static bool key_bool(struct xs_client *c, const char *path, bool dflt)
{
	char v[16];
	bool b;

	if (!key(c, path, v, sizeof(v)))
		return dflt;
	if (parse_bool(v, &b))
		return b;
	log_error("xenstore %s = \"%s\" is not 0 or 1; using %d\n", path, printable(v), dflt);
	return dflt;
}

static uint64_t key_u64(struct xs_client *c, const char *path, uint64_t dflt)
{
	char v[32];
	uint64_t x;

	if (!key(c, path, v, sizeof(v)))
		return dflt;
	if (parse_u64(v, &x))
		return x;
	log_error("xenstore %s = \"%s\" is not a number; using %llu\n", path, printable(v), (unsigned long long)dflt);
	return dflt;
}

/* A toolstack blob (acpi_firmware=, smbios_firmware=) must lie in guest RAM below 4 GiB,
 * and is copied into the tables area: 1 MiB each is hvmloader's whole ACPI budget. */
#define BLOB_MAX 0x100000u

static void key_blob(struct platform *p, struct xs_client *c, const char *what, const uint8_t **data, uint32_t *len)
{
	char path[64];
	uint64_t addr, size;

	fmt_snprintf(path, sizeof(path), "hvmloader/%s/address", what);
	addr = key_u64(c, path, 0);
	fmt_snprintf(path, sizeof(path), "hvmloader/%s/length", what);
	size = key_u64(c, path, 0);
	if (!addr && !size)
		return;
	if (!addr || !size || size > BLOB_MAX || addr + size < addr || addr + size > p->mem.low_end ||
	    (addr < p->image_end && p->image_start < addr + size)) {
		log_error("hvmloader/%s blob at %#llx+%#llx is not in guest RAM; ignored\n", what,
			  (unsigned long long)addr, (unsigned long long)size);
		return;
	}
	*data = phys_to_virt((uint32_t)addr);
	*len = (uint32_t)size;
}

/* Whether name is among the nr NUL-separated names in list. */
static bool listed(const char *list, uint32_t nr, const char *name)
{
	for (uint32_t i = 0; i < nr; i++, list += strlen(list) + 1)
		if (!strcmp(list, name))
			return true;
	return false;
}

void probe_config(struct platform *p, struct xs_client *c)
{
	struct platform_config *cfg = &p->cfg;
	char v[PLATFORM_STRING_MAX];

	/* main.c picks the payload and refuses a value it has none for. Only an absent key (or
	 * no xenstore) means SeaBIOS: a value we cannot read must not boot a firmware nobody chose.
	 * Control bytes are made printable in place: the value reaches the log and the crash line. */
	if (c) {
		list_folders(c);
		fetch_fixed_keys(c);
	}
	int bios_rc = read_key(c, "hvmloader/bios", cfg->bios, sizeof(cfg->bios));
	if (bios_rc == -ERR_NOENT)
		memcpy(cfg->bios, "seabios", sizeof("seabios"));
	else if (bios_rc)
		memcpy(cfg->bios, "(unreadable)", sizeof("(unreadable)"));
	log_printf("System requested %s\n", printable(cfg->bios));

	cfg->acpi = key_bool(c, "platform/acpi", true);
	cfg->acpi_s3 = key_bool(c, "platform/acpi_s3", true);
	cfg->acpi_s4 = key_bool(c, "platform/acpi_s4", true);
	cfg->acpi_laptop_slate = key_bool(c, "platform/acpi_laptop_slate", false);
	/*
	 * hvmloader allows it when the key is absent; libxl writes "0" for every qemu-xen guest
	 * because qemu-xen cannot follow RAM that moves (Xen c74c1f906a: qemu crashes, the
	 * domain hangs). qemu-xen is the only device model hvmchain serves, so an absent key
	 * (a toolstack other than libxl) means off too: large BARs then go above 4 GiB.
	 */
	cfg->allow_memory_relocate = key_bool(c, "hvmloader/allow-memory-relocate", false);
	cfg->xen_platform_pci_bar_uc = key_bool(c, "hvmloader/pci/xen-platform-pci-bar-uc", true);
	cfg->mmio_hole_size = key_u64(c, "platform/mmio_hole_size", 0);
	cfg->smbios_default_battery = key_bool(c, "hvmloader/smbios/default_battery", false);
	cfg->smbios_ep21 = cfg->smbios_ep30 = true;
	if (key(c, "hvmchain/smbios-entry-points", v, sizeof(v))) {
		if (!strcmp(v, "2.1"))
			cfg->smbios_ep30 = false;
		else if (!strcmp(v, "3.0"))
			cfg->smbios_ep21 = false;
		else if (strcmp(v, "both"))
			log_error("xenstore hvmchain/smbios-entry-points = \"%s\" is not 2.1, 3.0 or both; "
				  "using both\n",
				  printable(v));
	}
	if (key(c, "platform/generation-id", v, sizeof(v)) && !parse_u64_pair(v, &cfg->genid[0], &cfg->genid[1])) {
		log_error("xenstore platform/generation-id = \"%s\" is not LO:HI; ignored\n", printable(v));
		cfg->genid[0] = cfg->genid[1] = 0;
	}
	key_blob(p, c, "acpi", &cfg->acpi_blob, &cfg->acpi_blob_len);
	key_blob(p, c, "smbios", &cfg->smbios_blob, &cfg->smbios_blob_len);

	/* bios-strings/: SMBIOS text the toolstack overrides (libxl's smbios=[...]). */
	struct platform_bios_strings *s = &p->strings;
	static const struct {
		const char *name;
		size_t off;
	} named[] = {
#define BS(key, field) { key, offsetof(struct platform_bios_strings, field) }
		BS("bios-vendor", bios_vendor),
		BS("bios-version", bios_version),
		BS("system-manufacturer", system_manufacturer),
		BS("system-product-name", system_product_name),
		BS("system-version", system_version),
		BS("system-serial-number", system_serial_number),
		BS("baseboard-manufacturer", baseboard_manufacturer),
		BS("baseboard-product-name", baseboard_product_name),
		BS("baseboard-version", baseboard_version),
		BS("baseboard-serial-number", baseboard_serial_number),
		BS("baseboard-asset-tag", baseboard_asset_tag),
		BS("baseboard-location-in-chassis", baseboard_location_in_chassis),
		BS("enclosure-manufacturer", enclosure_manufacturer),
		BS("enclosure-serial-number", enclosure_serial_number),
		BS("enclosure-asset-tag", enclosure_asset_tag),
		BS("battery-manufacturer", battery_manufacturer),
		BS("battery-device-name", battery_device_name),
#undef BS
	};
	/* One listing (list_folders()) tells which of the ~120 possible keys exist: read only
	 * those, all in one exchange. */
	const char *names = bios_names;
	uint32_t nr = bios_listing.nr;
	static char paths[sizeof(named) / sizeof(named[0]) + PLATFORM_MAX_OEM_STRINGS][64];
	static struct xs_op ops[sizeof(named) / sizeof(named[0]) + PLATFORM_MAX_OEM_STRINGS];
	uint32_t n = 0;
	memset(s, 0, sizeof(*s));
	if (!c)
		return;
	int rc = bios_listing.rc;
	bool every_key = false;
	if (rc == -ERR_NOSPC) {
		log_error("xenstore bios-strings/ lists more than %zu bytes of names; reading the %u that fit\n",
			  sizeof(bios_names), nr);
	} else if (rc == -ERR_XEN) {
		/* xenstored answers E2BIG when the listing passes its 4 KiB payload limit: the keys
		 * may still be there, so ask for each one hvmchain knows, as hvmloader does. */
		log_error("xenstore bios-strings/ could not be listed; reading the known keys one by one\n");
		every_key = true;
	} else if (rc) {
		return;
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		if (!every_key && !listed(names, nr, named[i].name))
			continue;
		fmt_snprintf(paths[n], sizeof(paths[n]), "bios-strings/%s", named[i].name);
		ops[n] = (struct xs_op){ XS_READ, paths[n], (char *)s + named[i].off, PLATFORM_STRING_MAX, 0, 0 };
		n++;
	}
	/* oem-1, oem-2, ...: the run that is listed (all of them, unlisted, when no listing). */
	uint32_t first_oem = n;
	for (uint32_t i = 0; i < PLATFORM_MAX_OEM_STRINGS; i++) {
		char name[16];

		fmt_snprintf(name, sizeof(name), "oem-%u", i + 1);
		if (!every_key && !listed(names, nr, name))
			break;
		fmt_snprintf(paths[n], sizeof(paths[n]), "bios-strings/%s", name);
		ops[n] = (struct xs_op){ XS_READ, paths[n], s->oem[i], PLATFORM_STRING_MAX, 0, 0 };
		n++;
	}
	xs_batch(c, ops, n);
	for (uint32_t k = 0; k < n; k++) {
		if (ops[k].rc == -ERR_NOSPC)
			log_too_long(ops[k].path, ops[k].len);
		if (ops[k].rc)
			ops[k].buf[0] = '\0';
	}
	/* The OEM strings end at the first that could not be read; none is kept past it. */
	for (uint32_t k = first_oem; k < n && !ops[k].rc; k++)
		s->oem_nr = k - first_oem + 1;
	for (uint32_t k = first_oem + s->oem_nr; k < n; k++)
		ops[k].buf[0] = '\0';
}

void probe_isa(struct platform *p)
{
	p->isa.com1 = uart_present(0x3F8);
	p->isa.com2 = uart_present(0x2F8);
	p->isa.lpt1 = lpt_present(0x378);
	p->isa.hpet = hpet_present();
}
