// SPDX-License-Identifier: GPL-2.0-only
// acpi-check's test SSDT: walks \_SB.PCI0._PRT in both modes and counts entries not wired as Xen wires them.
//
// Expected, for devices 1-31 and pins 0-3 in that order: PIC mode through a link device
// (AML cannot compare references, so which link is checked by check.sh on the
// disassembly), APIC mode to GSI ((dev * 4 + dev / 8 + pin) & 31) + 16 (Xen's
// hvm_pci_intx_gsi()). \TPRT (mode) returns 0 when every entry agrees.

DefinitionBlock ("", "SSDT", 2, "TEST", "PRTCHECK", 0)
{
    External (\_PIC, MethodObj)
    External (\_SB.PCI0._PRT, MethodObj)

    Method (\TPRT, 1, Serialized)
    {
        \_PIC (Arg0)
        Local0 = \_SB.PCI0._PRT ()
        If ((SizeOf (Local0) != 124))
        {
            Return (0xFFFF)
        }

        Local1 = Zero
        Local2 = Zero
        While ((Local2 < 124))
        {
            Local3 = DerefOf (Local0 [Local2])
            Local4 = (DerefOf (Local3 [Zero]) >> 16)
            Local5 = DerefOf (Local3 [One])
            If (((Local4 != ((Local2 / 4) + 1)) || (Local5 != (Local2 % 4))))
            {
                Local1++
            }
            ElseIf (Arg0)
            {
                Local6 = ((((Local4 * 4) + (Local4 / 8) + Local5) & 31) + 16)
                If (((DerefOf (Local3 [2]) != Zero) || (DerefOf (Local3 [3]) != Local6)))
                {
                    Local1++
                }
            }
            Else
            {
                If (((ObjectType (Local3 [2]) != 6) || (DerefOf (Local3 [3]) != Zero)))
                {
                    Local1++
                }
            }

            Local2++
        }

        Return (Local1)
    }
}
