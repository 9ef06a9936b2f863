// SPDX-License-Identifier: GPL-2.0-only
// \_S3 for guests whose toolstack enabled suspend-to-RAM (acpi_s3=1), linked only then.
//
// An SSDT rather than a Name in the DSDT: an absent \_S3 is how ACPI says S3 is not
// supported (ACPI 6.5 §7.4.2), and a conditional object in the DSDT would need an If at
// table scope, which SeaBIOS's DSDT parser cannot read. qemu-xen's PIIX4 PM suspends on
// SLP_TYP 1 (as hvmloader's ssdt_s3.asl).

DefinitionBlock ("", "SSDT", 2, "Xen", "HVM", 0)
{
    Name (\_S3, Package (0x04) { 0x01, 0x01, 0x00, 0x00 })
}
