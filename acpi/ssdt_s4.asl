// SPDX-License-Identifier: GPL-2.0-only
// \_S4 for guests whose toolstack enabled hibernation (acpi_s4=1), linked only then.
//
// After writing its image the guest enters S4 with SLP_TYP 0, which qemu-xen's PIIX4 PM
// treats as power off, the same as S5 (hvmloader's ssdt_s4.asl); see ssdt_s3.asl for why
// this is a separate table.

DefinitionBlock ("", "SSDT", 2, "Xen", "HVM", 0)
{
    Name (\_S4, Package (0x04) { 0x00, 0x00, 0x00, 0x00 })
}
