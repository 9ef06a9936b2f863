/* SPDX-License-Identifier: GPL-2.0-only */
/* The vCPU SSDT, built at boot: one ACPI0007 processor device per vCPU and the CPU-hotplug GPE handler. */
#include <string.h>
#include "acpi/aml.h"
#include "acpi/internal.h"
#include "err.h"
#include "lib/printf.h"

/*
 * For vCPU i (UID i, APIC ID a) it writes, in \_SB:
 *
 *     Device (CPxx) {                          // xx = i in hex
 *         Name (_HID, "ACPI0007")              // a Device, not the Processor() term
 *         Name (_UID, i)                       //   deprecated since ACPI 6.0 (§8.4)
 *         Method (_STA) { Return (\_SB.CSTA (i)) }
 *         Method (_MAT) { Return (\_SB.CMAT (i, a)) }
 *         Method (_EJ0, 1) { Sleep (200) }
 *     }
 *
 * and in \_GPE the handler for GPE0 bit 2, which qemu-xen raises when `xl vcpu-set`
 * changes the online map at I/O 0xAF00 (hvmloader's mk_dsdt.c PRSC, edge-triggered as
 * in Xen 44219e14e3 because a level GPE lost events):
 *
 *     Method (_E02) {
 *         Store (\_SB.CPRS (), Local1)                  // the live map, read once
 *         Store (\_SB.CSCN (i, Local1), Local0)         // for each i: 0, 1 or 3
 *         If (Local0) { Notify (\_SB.CPxx, Local0) }
 *     }
 *
 * The helpers live in the DSDT (acpi/dsdt.asl); only what is per vCPU is generated, so
 * the DSDT needs no External() to reach this table. _UID equals the MADT entry's ACPI
 * processor UID (acpi/madt.c).
 */

static void cpu_name(char *buf, size_t size, const char *prefix, uint32_t i)
{
	fmt_snprintf(buf, size, "%sCP%02X", prefix, (unsigned)i);
}

static void emit(struct aml *m, const struct platform_vcpus *v)
{
	char name[16];

	aml_scope(m, "\\_SB_");
	for (uint32_t i = 0; i < v->nr; i++) {
		cpu_name(name, sizeof(name), "", i);
		aml_device(m, name);
		aml_name_string(m, "_HID", "ACPI0007");
		aml_name_int(m, "_UID", i);

		aml_method(m, "_STA", 0);
		aml_byte(m, AML_RETURN);
		aml_path(m, "\\_SB_.CSTA");
		aml_int(m, i);
		aml_close(m);

		aml_method(m, "_MAT", 0);
		aml_byte(m, AML_RETURN);
		aml_path(m, "\\_SB_.CMAT");
		aml_int(m, i);
		aml_int(m, v->apic_id[i]);
		aml_close(m);

		/* Ejecting needs an _EJ0 (§6.3.3); Xen removes the vCPU itself, so this only
		 * waits as hvmloader's does, giving the device model time to see the CPU go. */
		aml_method(m, "_EJ0", 1);
		aml_byte(m, AML_EXT);
		aml_byte(m, AML_EXT_SLEEP);
		aml_int(m, 200);
		aml_close(m);

		aml_close(m);
	}
	aml_close(m);

	aml_scope(m, "\\_GPE");
	aml_method(m, "_E02", 0);
	aml_byte(m, AML_STORE);
	aml_path(m, "\\_SB_.CPRS");
	aml_byte(m, AML_LOCAL1);
	for (uint32_t i = 0; i < v->nr; i++) {
		aml_byte(m, AML_STORE);
		aml_path(m, "\\_SB_.CSCN");
		aml_int(m, i);
		aml_byte(m, AML_LOCAL1);
		aml_byte(m, AML_LOCAL0);
		aml_if(m);
		aml_byte(m, AML_LOCAL0);
		aml_byte(m, AML_NOTIFY);
		cpu_name(name, sizeof(name), "\\_SB_.", i);
		aml_path(m, name);
		aml_byte(m, AML_LOCAL0);
		aml_close(m);
	}
	aml_close(m);
	aml_close(m);
}

int acpi_cpus_build(struct acpi_ctx *c, struct acpi_header **out)
{
	struct aml m;
	struct acpi_header *h;

	/* First pass counts, the second writes into a table of exactly that size. */
	aml_init(&m, NULL, 0);
	emit(&m, &c->p->vcpus);
	if (m.overflow || m.depth)
		return -ERR_INVAL;
	size_t body = m.len;

	/*
	 * While a package is open its PkgLength takes the 4 bytes reserved for the longest
	 * encoding, so writing peaks at up to 3 bytes per open level above the final size;
	 * those few bytes after the table stay unused.
	 */
	size_t slack = 3 * AML_MAX_DEPTH;
	h = acpi_table_alloc(c, "SSDT", (uint32_t)(sizeof(*h) + body + slack), ACPI_SSDT_REVISION);
	if (!h)
		return -ERR_NOSPC;
	h->length = (uint32_t)(sizeof(*h) + body);
	memcpy(h->oem_table_id, "HVMCPUS", 7); /* tells it apart from the S3/S4 SSDTs in a dump */
	aml_init(&m, (uint8_t *)(h + 1), body + slack);
	emit(&m, &c->p->vcpus);
	if (m.overflow || m.len != body)
		return -ERR_INVAL;
	*out = h;
	return 0;
}
