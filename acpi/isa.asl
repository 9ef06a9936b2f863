// SPDX-License-Identifier: GPL-2.0-only
// The PIIX3 PCI-ISA bridge (00:01.0) and the legacy devices behind it, included in \_SB.PCI0.

Device (ISA)
{
    Name (_ADR, 0x00010000)

    // PIRQA-D route control, PIIX3 config 0x60-0x63; the link devices use them.
    OperationRegion (PIRQ, PCI_Config, 0x60, 0x04)
    Field (PIRQ, ByteAcc, NoLock, Preserve)
    {
        PIRA,   8,
        PIRB,   8,
        PIRC,   8,
        PIRD,   8
    }

    // Ports the chipset decodes that no device below claims (hvmloader's SYSR).
    Device (SYSR)
    {
        Name (_HID, EisaId ("PNP0C02"))
        Name (_UID, One)
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0010, 0x0010, 0x00, 0x10)
            IO (Decode16, 0x0022, 0x0022, 0x00, 0x0C)
            IO (Decode16, 0x0030, 0x0030, 0x00, 0x10)
            IO (Decode16, 0x0044, 0x0044, 0x00, 0x1C)
            IO (Decode16, 0x0062, 0x0062, 0x00, 0x02)
            IO (Decode16, 0x0065, 0x0065, 0x00, 0x0B)
            IO (Decode16, 0x0072, 0x0072, 0x00, 0x0E)
            IO (Decode16, 0x0080, 0x0080, 0x00, 0x01)
            IO (Decode16, 0x0084, 0x0084, 0x00, 0x03)
            IO (Decode16, 0x0088, 0x0088, 0x00, 0x01)
            IO (Decode16, 0x008C, 0x008C, 0x00, 0x03)
            IO (Decode16, 0x0090, 0x0090, 0x00, 0x10)
            IO (Decode16, 0x00A2, 0x00A2, 0x00, 0x1C)
            IO (Decode16, 0x00E0, 0x00E0, 0x00, 0x10)
            IO (Decode16, 0x08A0, 0x08A0, 0x00, 0x04)
            IO (Decode16, 0x0CC0, 0x0CC0, 0x00, 0x10)
            IO (Decode16, 0x04D0, 0x04D0, 0x00, 0x02)
            // The ACPI PM blocks and GPE0 the FADT points at, and the CPU map.
            IO (Decode16, 0xB000, 0xB000, 0x00, 0x40)
            IO (Decode16, 0xAFE0, 0xAFE0, 0x00, 0x04)
            IO (Decode16, 0xAF00, 0xAF00, 0x00, 0x20)
        })
    }

    Device (PIC)
    {
        Name (_HID, EisaId ("PNP0000"))
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0020, 0x0020, 0x01, 0x02)
            IO (Decode16, 0x00A0, 0x00A0, 0x01, 0x02)
            IRQNoFlags () { 2 }
        })
    }

    Device (DMA0)
    {
        Name (_HID, EisaId ("PNP0200"))
        Name (_CRS, ResourceTemplate ()
        {
            DMA (Compatibility, BusMaster, Transfer8, ) { 4 }
            IO (Decode16, 0x0000, 0x0000, 0x00, 0x10)
            IO (Decode16, 0x0081, 0x0081, 0x00, 0x03)
            IO (Decode16, 0x0087, 0x0087, 0x00, 0x01)
            IO (Decode16, 0x0089, 0x0089, 0x00, 0x03)
            IO (Decode16, 0x008F, 0x008F, 0x00, 0x01)
            IO (Decode16, 0x00C0, 0x00C0, 0x00, 0x20)
            IO (Decode16, 0x0480, 0x0480, 0x00, 0x10)
        })
    }

    Device (TMR)
    {
        Name (_HID, EisaId ("PNP0100"))
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0040, 0x0040, 0x00, 0x04)
            IRQNoFlags () { 0 }
        })
    }

    Device (RTC)
    {
        Name (_HID, EisaId ("PNP0B00"))
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0070, 0x0070, 0x00, 0x02)
            IRQNoFlags () { 8 }
        })
    }

    Device (SPKR)
    {
        Name (_HID, EisaId ("PNP0800"))
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0061, 0x0061, 0x00, 0x01)
        })
    }

    // Keyboard and mouse have constant _STA Names: SeaBIOS reads the keyboard's
    // from the DSDT (ps2port.c acpi_dsdt_present_eisaid(0x0303)) and can only
    // evaluate a Name, not a Method.
    Device (PS2K)
    {
        Name (_HID, EisaId ("PNP0303"))
        Name (_CID, EisaId ("PNP030B"))
        Name (_STA, 0x0F)
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0060, 0x0060, 0x00, 0x01)
            IO (Decode16, 0x0064, 0x0064, 0x00, 0x01)
            IRQNoFlags () { 1 }
        })
    }

    Device (PS2M)
    {
        Name (_HID, EisaId ("PNP0F13"))
        Name (_CID, EisaId ("PNP0F13"))
        Name (_STA, 0x0F)
        Name (_CRS, ResourceTemplate ()
        {
            IRQNoFlags () { 12 }
        })
    }

    Device (FDC0)
    {
        Name (_HID, EisaId ("PNP0700"))
        Name (_STA, 0x0F)
        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x03F0, 0x03F0, 0x01, 0x06)
            IO (Decode16, 0x03F7, 0x03F7, 0x01, 0x01)
            IRQNoFlags () { 6 }
            DMA (Compatibility, NotBusMaster, Transfer8, ) { 2 }
        })
    }

    // The ports the platform probe found (FCM1/FCM2/FLP1, runtime values).
    Device (UAR1)
    {
        Name (_HID, EisaId ("PNP0501"))
        Name (_UID, One)
        Method (_STA, 0, NotSerialized)
        {
            If (\_SB.FCM1)
            {
                Return (0x0F)
            }

            Return (Zero)
        }

        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x03F8, 0x03F8, 0x08, 0x08)
            IRQNoFlags () { 4 }
        })
    }

    Device (UAR2)
    {
        Name (_HID, EisaId ("PNP0501"))
        Name (_UID, 0x02)
        Method (_STA, 0, NotSerialized)
        {
            If (\_SB.FCM2)
            {
                Return (0x0F)
            }

            Return (Zero)
        }

        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x02F8, 0x02F8, 0x08, 0x08)
            IRQNoFlags () { 3 }
        })
    }

    Device (LTP1)
    {
        Name (_HID, EisaId ("PNP0400"))
        Name (_UID, One)
        Method (_STA, 0, NotSerialized)
        {
            If (\_SB.FLP1)
            {
                Return (0x0F)
            }

            Return (Zero)
        }

        Name (_CRS, ResourceTemplate ()
        {
            IO (Decode16, 0x0378, 0x0378, 0x08, 0x08)
            IRQNoFlags () { 7 }
        })
    }

    // The VM generation ID (Microsoft "Virtual Machine Generation ID" spec, for
    // Windows Server 2012+ domain controllers): hvmloader's VGID device. ADDR
    // returns the ID's guest-physical address as a package of two dwords.
    Device (VGID)
    {
        Name (_HID, EisaId ("XEN0000"))
        Name (_UID, Zero)
        Name (_CID, "VM_Gen_Counter")
        Name (_DDN, "VM_Gen_Counter")
        Method (_STA, 0, NotSerialized)
        {
            If (\_SB.VGIA)
            {
                Return (0x0F)
            }

            Return (Zero)
        }

        Method (ADDR, 0, NotSerialized)
        {
            Return (Package (0x02) { \_SB.VGIA, Zero })
        }
    }
}
