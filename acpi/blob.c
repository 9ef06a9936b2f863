/* SPDX-License-Identifier: GPL-2.0-only */
/* The toolstack's acpi_firmware= tables: each validated, then copied and linked like ours. */
#include <string.h>
#include "acpi/internal.h"
#include "console.h"
#include "err.h"
#include "lib/checksum.h"

/*
 * Tables the blob may not add: the ones the XSDT cannot list (FACS, DSDT, RSDT, XSDT),
 * the FADT, and the ones we already built, which an OS would find twice. hvmloader
 * copied anything; a second FADT or MADT only confuses the guest.
 */
static bool ours(const struct acpi_ctx *c, const char *sig)
{
	static const char fixed[][4] = { { 'F', 'A', 'C', 'P' },
					 { 'F', 'A', 'C', 'S' },
					 { 'D', 'S', 'D', 'T' },
					 { 'R', 'S', 'D', 'T' },
					 { 'X', 'S', 'D', 'T' } };

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (!memcmp(sig, fixed[i], 4))
			return true;
	for (uint32_t i = 0; i < c->nr; i++)
		if (memcmp(c->table[i]->signature, "SSDT", 4) && !memcmp(c->table[i]->signature, sig, 4))
			return true;
	return false;
}

static bool printable_signature(const char *sig)
{
	for (int i = 0; i < 4; i++)
		if (sig[i] < 0x20 || sig[i] > 0x7E)
			return false;
	return true;
}

int acpi_blob_add(struct acpi_ctx *c, int (*link)(struct acpi_ctx *c, struct acpi_header *h))
{
	const uint8_t *blob = c->p->cfg.acpi_blob;
	uint32_t size = c->p->cfg.acpi_blob_len, off = 0;

	/*
	 * Tables sit back to back, each as long as its header says. Once one header is bad
	 * (an unprintable signature, a length under 36 or past the blob's end, or a wrong
	 * checksum, which covers the length too) nothing tells where the next table starts,
	 * so the rest of the blob is dropped; the tables before it are kept.
	 */
	while (size - off >= sizeof(struct acpi_header)) {
		struct acpi_header h;
		struct acpi_header *copy;

		memcpy(&h, blob + off, sizeof(h));
		if (!printable_signature(h.signature) || h.length < sizeof(h) || h.length > size - off ||
		    sum8(blob + off, h.length) != 0) {
			log_error("ACPI: acpi_firmware table at offset %u is invalid; ignoring the rest of the blob\n",
				  off);
			return -ERR_INVAL;
		}
		if (ours(c, h.signature)) {
			log_error("ACPI: acpi_firmware table %.4s at offset %u would replace ours; skipped\n",
				  h.signature, off);
		} else {
			copy = arena_alloc(c->a, h.length, 16);
			if (!copy)
				return -ERR_NOSPC;
			memcpy(copy, blob + off, h.length);
			int rc = link(c, copy);
			if (rc)
				return rc;
			log_printf("ACPI: acpi_firmware table %.4s \"%.8s\" (%u bytes) added\n", h.signature,
				   h.oem_table_id, h.length);
		}
		off += h.length;
	}
	if (off != size) {
		log_error("ACPI: acpi_firmware has %u trailing bytes\n", size - off);
		return -ERR_INVAL;
	}
	return 0;
}
