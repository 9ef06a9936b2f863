/* SPDX-License-Identifier: GPL-2.0-only */
/* A valid SSDT for acpi_firmware= (guests 59 and 66): compiled by run.sh with iasl, never committed as AML. */
DefinitionBlock ("", "SSDT", 2, "HVMCHN", "HVMCORNR", 1)
{
    /* Something an OS can see once the table is loaded: a device under \_SB with a _STA. */
    Scope (\_SB)
    {
        Device (HVCT)
        {
            Name (_HID, "HVMC0001")
            Name (_UID, Zero)
            Method (_STA, 0, NotSerialized)
            {
                Return (0x0F)
            }
        }
    }
}
