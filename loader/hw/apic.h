/* SPDX-License-Identifier: GPL-2.0-only */
/* Local APIC, IOAPIC and HPET registers at their fixed Xen HVM addresses (hvm_platform.h). */
#ifndef HVMCHAIN_HW_APIC_H
#define HVMCHAIN_HW_APIC_H

#include <stdbool.h>
#include <stdint.h>
#include "hvm_platform.h"

/* This CPU's APIC ID: CPUID 0xB (x2APIC ID, all 32 bits) when available, else CPUID.1. */
uint32_t cpu_apic_id(void);

/* The local APIC version register, bits 7:0 (0x14 on Xen's virtual LAPIC). */
uint8_t lapic_version(void);

/*
 * Virtual-wire setup as hvmloader: IOAPIC ID 1; LAPIC enabled (spurious vector 0xFF),
 * LINT0 ExtINT masked, LINT1 NMI; IOAPIC pin 0 delivering the 8259's ExtINT to the BSP.
 */
void apic_setup(uint32_t bsp_apic_id);

/*
 * Starts the AP whose xAPIC ID is apic_id with INIT-SIPI-SIPI: it begins in real mode at
 * start_phys (page-aligned, below 1 MiB), CS = start_phys >> 4, IP = 0. False if the
 * arguments cannot be expressed or the LAPIC never finished sending.
 */
bool lapic_start_ap(uint32_t apic_id, uint32_t start_phys);

/* Whether an HPET answers at 0xFED00000 (its vendor ID reads 0x8086 on qemu-xen). */
bool hpet_present(void);

#endif
