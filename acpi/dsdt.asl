// SPDX-License-Identifier: GPL-2.0-only
// The DSDT for Xen HVM guests with qemu-xen's i440FX/PIIX3 platform (compiled by iasl at build time).
//
// How runtime values reach this AML
// ---------------------------------
// Facts only known at boot (PCI windows, which legacy ports exist, the VM generation ID
// address, the vCPU online map, the PCI IRQs) are Name() objects and resource descriptors
// below whose values are placeholders. iasl -so lists their offsets in the compiled
// table; acpi/dsdt.c copies the AML and overwrites exactly those bytes, checking each
// one's opcode and placeholder first. We chose this over
//   - hvmloader's info page at a fixed address (OperationRegion(BIOS, SystemMemory,
//     0xFC000000, 40)): it ties the AML to one address and cannot be evaluated by
//     acpiexec on the host, and
//   - a runtime SSDT of Name()s read by the DSDT: the DSDT would need External()
//     declarations, which iasl emits as If (Zero) { External } at the top of the
//     table, an opcode SeaBIOS's DSDT parser (src/fw/dsdt_parser.c) cannot skip; it
//     then stops parsing the whole DSDT ("parse_termlist: parse error") and no longer
//     finds the PS/2 keyboard.
// Every placeholder is a DWord constant (never Zero/One/Ones/QWord, which iasl would
// encode in fewer or more bytes and SeaBIOS's parser cannot read) so patching keeps the
// table's layout.
//
// Per-vCPU objects are not here: acpi/cpus.c builds an SSDT at boot with one ACPI0007
// Device per vCPU (up to 128) and the CPU-hotplug GPE handler, which call the helpers
// in \_SB below. S3, S4 and the laptop/slate device are separate SSDTs (ssdt_*.asl),
// linked only when the toolstack enables them.
//
// Things this file must not contain at any scope outside a Method, so that SeaBIOS's
// parser stays happy: If/Else, External, CreateXxxField, Store, IndexField, QWord
// integers, Ones, OperationRegion with a non-constant address or length.

DefinitionBlock ("", "DSDT", 2, "Xen", "HVM", 0)
{
    // \_PIC (ACPI 6.5 §5.8.1): the OS says whether it routes through the 8259s (0) or
    // the IOAPIC (1); _PRT answers accordingly.
    Name (PICD, 0)
    Method (_PIC, 1, NotSerialized)
    {
        PICD = Arg0
    }

    // \_S5 (§7.4.2.6): qemu-xen's PIIX4 PM powers off on SLP_TYP 0.
    Name (_S5, Package (0x04) { 0x00, 0x00, 0x00, 0x00 })

    Scope (\_SB)
    {
        // Runtime values (see the top of this file): presence of COM1, COM2, LPT1 and
        // the HPET (1 or 0), and the guest-physical address of the 16-byte VM
        // generation ID (0: none).
        Name (FCM1, 0xDEAD0001)
        Name (FCM2, 0xDEAD0002)
        Name (FLP1, 0xDEAD0003)
        Name (FHPT, 0xDEAD0004)
        Name (VGIA, 0xDEAD0005)

        // The vCPU online map as it was at boot (hvm_info vcpu_online), bits 0-127 in
        // four dwords; the hotplug handler keeps it current.
        Name (CPO0, 0xDEAD0010)
        Name (CPO1, 0xDEAD0011)
        Name (CPO2, 0xDEAD0012)
        Name (CPO3, 0xDEAD0013)

        // qemu-xen's CPU hotplug interface: the live online bitmap of up to 128
        // vCPUs at I/O 0xAF00 (hvmloader's PRST; Xen's XEN_ACPI_CPU_MAP).
        OperationRegion (PRST, SystemIO, 0xAF00, 0x10)
        Field (PRST, ByteAcc, NoLock, Preserve)
        {
            PRS,   128
        }

        // Returns the live bitmap, read once per hotplug event.
        Method (CPRS, 0, NotSerialized)
        {
            Return (PRS)
        }

        // Bit Arg0 of our copy of the online map.
        Method (CPBT, 1, NotSerialized)
        {
            Local0 = (Arg0 >> 0x05)
            If ((Local0 == Zero))
            {
                Local1 = CPO0
            }
            ElseIf ((Local0 == One))
            {
                Local1 = CPO1
            }
            ElseIf ((Local0 == 0x02))
            {
                Local1 = CPO2
            }
            Else
            {
                Local1 = CPO3
            }

            Return (((Local1 >> (Arg0 & 0x1F)) & One))
        }

        // Sets bit Arg0 of our copy to Arg1.
        Method (CPST, 2, NotSerialized)
        {
            Local0 = (Arg0 >> 0x05)
            Local1 = (One << (Arg0 & 0x1F))
            If (Arg1)
            {
                Local2 = Local1
                Local1 = Zero
            }
            Else
            {
                Local2 = Zero
            }

            // Clear with Local1 (when going offline), set with Local2 (online).
            If ((Local0 == Zero))
            {
                CPO0 = ((CPO0 & ~Local1) | Local2)
            }
            ElseIf ((Local0 == One))
            {
                CPO1 = ((CPO1 & ~Local1) | Local2)
            }
            ElseIf ((Local0 == 0x02))
            {
                CPO2 = ((CPO2 & ~Local1) | Local2)
            }
            Else
            {
                CPO3 = ((CPO3 & ~Local1) | Local2)
            }
        }

        // _STA of processor device Arg0 (§6.3.7): present and enabled while online;
        // absent while offline, so a later Device Check hot-adds it.
        Method (CSTA, 1, NotSerialized)
        {
            If (CPBT (Arg0))
            {
                Return (0x0F)
            }

            Return (Zero)
        }

        // _MAT of processor device Arg0 with APIC ID Arg1 (§6.2.10): the MADT entry
        // the OS would have seen for it, with the current Enabled bit; an offline vCPU
        // is Online Capable (MADT revision 5). IDs above 254 need the x2APIC form
        // (§5.2.12.12), as in the MADT acpi/madt.c builds.
        Method (CMAT, 2, Serialized)
        {
            Local0 = 0x02
            If (CPBT (Arg0))
            {
                Local0 = One
            }

            If ((Arg1 <= 0xFE))
            {
                Local1 = Buffer (0x08) { 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }
                Local1 [0x02] = Arg0
                Local1 [0x03] = Arg1
                Local1 [0x04] = Local0
                Return (Local1)
            }

            Local1 = Buffer (0x10)
            {
                0x09, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
            }
            CreateDWordField (Local1, 0x04, XAID)
            CreateDWordField (Local1, 0x08, XFLG)
            CreateDWordField (Local1, 0x0C, XUID)
            XAID = Arg1
            XFLG = Local0
            XUID = Arg0
            Return (Local1)
        }

        // One step of the hotplug scan for vCPU Arg0 against the live bitmap Arg1:
        // returns the Notify code for its device (1 Device Check when it came online,
        // 3 Eject Request when it went offline) or 0 when unchanged (§5.6.6).
        Method (CSCN, 2, NotSerialized)
        {
            Local0 = DerefOf (Arg1 [(Arg0 >> 0x03)])
            Local0 = ((Local0 >> (Arg0 & 0x07)) & One)
            If ((Local0 == CPBT (Arg0)))
            {
                Return (Zero)
            }

            CPST (Arg0, Local0)
            If (Local0)
            {
                Return (One)
            }

            Return (0x03)
        }

        // Low RAM as a motherboard resource (hvmloader's MEM0, for Windows' HCT).
        Device (MEM0)
        {
            Name (_HID, EisaId ("PNP0C02"))
            Name (_UID, Zero)
            Name (_CRS, ResourceTemplate ()
            {
                Memory32Fixed (ReadWrite, 0x00000000, 0x000A0000)
            })
        }

        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03"))
            Name (_UID, Zero)
            Name (_BBN, Zero)

            // The fixed part of the root bridge's resources (§6.4.3.5): bus 0-255,
            // the config ports, all I/O but them, and the legacy VGA window.
            Name (CRSF, ResourceTemplate ()
            {
                WordBusNumber (ResourceProducer, MinFixed, MaxFixed, PosDecode,
                    0x0000, 0x0000, 0x00FF, 0x0000, 0x0100)
                IO (Decode16, 0x0CF8, 0x0CF8, 0x01, 0x08)
                WordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange,
                    0x0000, 0x0000, 0x0CF7, 0x0000, 0x0CF8)
                WordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange,
                    0x0000, 0x0D00, 0xFFFF, 0x0000, 0xF300)
                DWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, Cacheable,
                    ReadWrite, 0x00000000, 0x000A0000, 0x000BFFFF, 0x00000000, 0x00020000)
            })

            // The MMIO window PCI setup used below 4 GiB (runtime: PLOW).
            Name (CRSL, ResourceTemplate ()
            {
                DWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, NonCacheable,
                    ReadWrite, 0x00000000, 0xF0000000, 0xFBFFFFFF, 0x00000000, 0x0C000000,
                    ,, PLOW)
            })

            // The 64-bit window above 4 GiB (runtime: PHIG), reported only when PCI
            // setup placed BARs there (HWIN). Patching the values in C spares the AML
            // any 64-bit arithmetic, which Windows XP/2003 cannot do (hvmloader's
            // dsdt.asl works around that with 32-bit halves).
            Name (HWIN, 0xDEAD0020)
            Name (CRSH, ResourceTemplate ()
            {
                QWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, NonCacheable,
                    ReadWrite, 0x0000000000000000, 0x0000000100000000, 0x00000001FFFFFFFF,
                    0x0000000000000000, 0x0000000100000000,
                    ,, PHIG)
            })

            Method (_CRS, 0, NotSerialized)
            {
                Local0 = ConcatenateResTemplate (CRSF, CRSL)
                If (HWIN)
                {
                    Local0 = ConcatenateResTemplate (Local0, CRSH)
                }

                Return (Local0)
            }

            // Interrupt routing (§6.2.13): through the PIIX3 links in PIC mode, to the
            // IOAPIC GSIs Xen wires each slot's INTx to in APIC mode.
            Method (_PRT, 0, NotSerialized)
            {
                If (PICD)
                {
                    Return (PRTA)
                }

                Return (PRTP)
            }


            // Make Cirrus VGA S3 resume work in Windows XP/2003 (from hvmloader).
            Device (VGA)
            {
                Name (_ADR, 0x00020000)
                Name (_S1D, Zero)
                Name (_S2D, Zero)
                Name (_S3D, Zero)
            }

            Device (HPET)
            {
                Name (_HID, EisaId ("PNP0103"))
                Name (_UID, Zero)
                Method (_STA, 0, NotSerialized)
                {
                    If (\_SB.FHPT)
                    {
                        Return (0x0F)
                    }

                    Return (Zero)
                }

                Name (_CRS, ResourceTemplate ()
                {
                    Memory32Fixed (ReadOnly, 0xFED00000, 0x00000400)
                })
            }

            // qemu-xen's PCI hotplug controller ports and the debug port hvmloader reserves.
            Device (HP0)
            {
                Name (_HID, EisaId ("PNP0C02"))
                Name (_UID, 0x02)
                Name (_CRS, ResourceTemplate ()
                {
                    IO (Decode16, 0xAE00, 0xAE00, 0x00, 0x10)
                    IO (Decode16, 0xB044, 0xB044, 0x00, 0x04)
                })
            }

            // The PCI interrupt links (PNP0C0F) over the PIIX3 PIRQ route registers,
            // config space of 00:01.0 at 0x60-0x63: bit 7 disables, bits 3:0 are the
            // ISA IRQ.
            Name (LPRS, ResourceTemplate ()
            {
                IRQ (Level, ActiveLow, Shared, PIRM) { 5, 10, 11 }
            })

            // The IRQ a link has, as a one-IRQ template.
            Method (LCRS, 1, Serialized)
            {
                Local0 = ResourceTemplate ()
                {
                    IRQ (Level, ActiveLow, Shared, ) { }
                }
                CreateWordField (Local0, One, IRQW)
                If (!(Arg0 & 0x80))
                {
                    IRQW = (One << (Arg0 & 0x0F))
                }

                Return (Local0)
            }

            // The route register value a _SRS template asks for.
            Method (LSRS, 1, Serialized)
            {
                CreateWordField (Arg0, One, IRQW)
                FindSetRightBit (IRQW, Local0)
                If (Local0)
                {
                    Return ((Local0 - One))
                }

                Return (0x80)
            }

            // LNKA-LNKD, PRTP, PRTA, the PCI hotplug slots and \_GPE._E01 (generated
            // by acpi/gen_asl.py: 4 links and 2 x 124 routing entries are not hand-written).
            Include ("dsdt_gen.asl")

            Include ("isa.asl")
        }
    }
}
