// SPDX-License-Identifier: GPL-2.0-only
// The laptop/slate mode device (acpi_laptop_slate=1): lets Windows 8+ switch to tablet mode.
//
// Windows' GPIO-button driver binds to PNP0C60 (Microsoft "Laptop/slate mode state
// indicator" injection interface); hvmloader added it in Xen commit 4c8153d97e. The
// _HID "ID9001" Windows expects is 6 characters, which iasl refuses in a Name (neither an
// EISA nor an ACPI ID), so it is returned by a method, as hvmloader does. hvmloader
// puts the device at the root; we put it under \_SB, where §6.1 wants devices.

DefinitionBlock ("", "SSDT", 2, "Xen", "HVM", 0)
{
    Scope (\_SB)
    {
        Device (CONV)
        {
            Method (_HID, 0, NotSerialized)
            {
                Return ("ID9001")
            }

            Name (_CID, EisaId ("PNP0C60"))
            Name (_STA, 0x0F)
        }
    }
}
