/* SPDX-License-Identifier: GPL-2.0-only */
/* APIC and HPET MMIO: registers only, no policy. */
#include "hw/apic.h"
#include "hw/cpu.h"
#include "hw/mem.h"

#define LAPIC_VERSION 0x30
#define LAPIC_SVR 0xF0
#define LAPIC_LVT0 0x350
#define LAPIC_LVT1 0x360
#define LAPIC_ICR_LO 0x300
#define LAPIC_ICR_HI 0x310
#define ICR_BUSY (1u << 12) /* delivery status: send pending */
#define ICR_ASSERT (1u << 14)
#define DM_INIT (5u << 8)
#define DM_STARTUP (6u << 8)
/* Polls of the delivery status before an IPI counts as lost: Xen's vLAPIC pauses the sender
 * until an INIT or STARTUP is delivered, so the bit reads clear at once there. */
#define ICR_POLLS 1000000u
#define LVT_MASKED (1u << 16)
#define DM_NMI (4u << 8)
#define DM_EXTINT (7u << 8)

static volatile uint32_t *reg32(uint32_t addr)
{
	return phys_to_virt(addr);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	*reg32(LAPIC_BASE + reg) = v;
}

static uint32_t lapic_read(uint32_t reg)
{
	return *reg32(LAPIC_BASE + reg);
}

static bool lapic_icr_idle(void)
{
	for (uint32_t i = 0; i < ICR_POLLS; i++)
		if (!(lapic_read(LAPIC_ICR_LO) & ICR_BUSY))
			return true;
	return false;
}

/* One IPI in physical destination mode: the high word first, since writing the low word sends. */
static bool lapic_ipi(uint32_t apic_id, uint32_t icr_lo)
{
	if (!lapic_icr_idle())
		return false;
	lapic_write(LAPIC_ICR_HI, apic_id << 24);
	lapic_write(LAPIC_ICR_LO, icr_lo);
	return lapic_icr_idle();
}

bool lapic_start_ap(uint32_t apic_id, uint32_t start_phys)
{
	uint32_t vector = start_phys >> 12;

	if (apic_id > XAPIC_MAX_ID || (start_phys & 0xFFFu) || vector > 0xFFu)
		return false;
	/* INIT, then STARTUP twice (MP spec B.4): a CPU that took the first ignores the second. */
	return lapic_ipi(apic_id, DM_INIT | ICR_ASSERT) && lapic_ipi(apic_id, DM_STARTUP | ICR_ASSERT | vector) &&
	       lapic_ipi(apic_id, DM_STARTUP | ICR_ASSERT | vector);
}

static void ioapic_write(uint32_t index, uint32_t v)
{
	*reg32(IOAPIC_BASE) = index;    /* IOREGSEL */
	*reg32(IOAPIC_BASE + 0x10) = v; /* IOWIN */
}

uint32_t cpu_apic_id(void)
{
	if (cpuid(0).eax >= 0xB && (cpuid(1).ecx & (1u << 21)))
		return cpuid(0xB).edx;
	return cpuid(1).ebx >> 24;
}

uint8_t lapic_version(void)
{
	return (uint8_t)*reg32(LAPIC_BASE + LAPIC_VERSION);
}

void apic_setup(uint32_t bsp_apic_id)
{
	ioapic_write(0x00, (uint32_t)IOAPIC_ID << 24);
	lapic_write(LAPIC_SVR, 0x100 | 0xFF);
	lapic_write(LAPIC_LVT0, DM_EXTINT | LVT_MASKED);
	lapic_write(LAPIC_LVT1, DM_NMI);
	/* Redirection entry 0: ExtINT, physical destination the BSP. */
	ioapic_write(0x10, DM_EXTINT);
	ioapic_write(0x11, bsp_apic_id << 24);
}

bool hpet_present(void)
{
	/* General capabilities and ID register: vendor ID in bits 31:16. */
	return (*reg32(HPET_BASE) >> 16) == 0x8086;
}
