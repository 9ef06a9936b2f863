/* SPDX-License-Identifier: GPL-2.0-only */
/* The iasl-compiled tables (generated C under out/acpi/ by aml2c.py) and their patch points. */
#ifndef HVMCHAIN_ACPI_AML_BLOB_H
#define HVMCHAIN_ACPI_AML_BLOB_H

#include <stddef.h>
#include <stdint.h>

/*
 * One object iasl -so located in a compiled table: a Name() whose value is a 0xDEADxxxx
 * DWord placeholder (opcode 0x0C, offset of the value), or a resource descriptor with a
 * DescriptorName (opcode = its tag byte, offset of the tag). Offsets count from the
 * table's first byte. The arrays end with a NULL path.
 */
struct aml_patch_point {
	const char *path; /* "_SB_.PCI0.PLOW": iasl's spelling, segments padded to 4 */
	uint8_t opcode;
	uint32_t offset;
	uint64_t value; /* the placeholder (Names) or 0 */
};

extern const uint8_t acpi_dsdt_aml[];
extern const uint32_t acpi_dsdt_aml_len;
extern const struct aml_patch_point acpi_dsdt_aml_patches[];

extern const uint8_t acpi_ssdt_s3_aml[];
extern const uint32_t acpi_ssdt_s3_aml_len;
extern const uint8_t acpi_ssdt_s4_aml[];
extern const uint32_t acpi_ssdt_s4_aml_len;
extern const uint8_t acpi_ssdt_slate_aml[];
extern const uint32_t acpi_ssdt_slate_aml_len;

#endif
