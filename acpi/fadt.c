/* SPDX-License-Identifier: GPL-2.0-only */
/* The FADT (ACPI 6.5 §5.2.9) for qemu-xen's PIIX4-style PM blocks, and its ACPI 1.0 copy for the RSDT. */
#include <string.h>
#include "acpi/internal.h"
#include "err.h"
#include "hvm_platform.h"

/*
 * The fixed-hardware blocks Xen and qemu-xen emulate at the ACPI "V1" addresses
 * (xen/include/public/hvm/ioreq.h), from hvm_platform.h: PM1a event and control and the
 * PM timer (Xen's pmtimer.c, 32 bits wide) in the PM block, and GPE0.
 */
/* PIIX3 reset control register: 6 = full reset (CPU reset + system reset bits). */
#define RESET_PORT 0xCF9
#define RESET_VALUE 6

static struct acpi_gas io_gas(uint32_t port, uint8_t bytes)
{
	return (struct acpi_gas){ .space_id = ACPI_GAS_IO, .bit_width = (uint8_t)(bytes * 8), .address = port };
}

int acpi_fadt_build(struct acpi_ctx *c, const struct acpi_facs *facs, const struct acpi_header *dsdt,
		    struct acpi_header **fadt_out, struct acpi_header **fadt_v1_out)
{
	struct acpi_fadt *f = acpi_table_alloc(c, "FACP", sizeof(*f), ACPI_FADT_REVISION);
	struct acpi_fadt *v1;

	if (!f)
		return -ERR_NOSPC;
	f->firmware_ctrl = acpi_v2p32(c, facs);
	f->dsdt = acpi_v2p32(c, dsdt);
	f->sci_int = SCI_IRQ;
	/*
	 * SMI_CMD, ACPI_ENABLE and ACPI_DISABLE stay 0 as in hvmloader's static FADT: the
	 * loader sets SCI_EN itself before handing over (hvmloader's acpi_enable_sci()
	 * writes 0xF1 to port 0xB2), and §5.2.9 says SMI_CMD 0 means the platform is
	 * already in ACPI mode, so the OS never tries the transition.
	 */
	f->pm1a_evt_blk = PM1A_EVT_BLK;
	f->pm1a_cnt_blk = PM1A_CNT_BLK;
	f->pm_tmr_blk = PM_TMR_BLK;
	f->gpe0_blk = GPE0_BLK;
	f->pm1_evt_len = PM1A_EVT_LEN;
	f->pm1_cnt_len = PM1A_CNT_LEN;
	f->pm_tmr_len = PM_TMR_LEN;
	f->gpe0_blk_len = GPE0_BLK_LEN;
	/* No C2/C3: latencies above 100 and 1000 us say so (§5.2.9 table 5.9). */
	f->p_lvl2_lat = 0x0FFF;
	f->p_lvl3_lat = 0x0FFF;
	/*
	 * The guest has an 8042 (qemu-xen's i8042; Linux skips probing it without this
	 * bit on FADT revision 2+), ISA devices, a VGA and a CMOS RTC.
	 */
	f->iapc_boot_arch = ACPI_FADT_BOOT_LEGACY_DEVICES | ACPI_FADT_BOOT_8042;
	/*
	 * hvmloader's flags, plus RESET_REG_SUP: the PIIX3's 0xCF9 register does reset a
	 * qemu-xen guest, and Linux and Windows only use the reset register when this bit
	 * is set. PWR_BUTTON and SLP_BUTTON stay 0: both buttons are fixed features, the
	 * status bits Xen's pmtimer.c sets for `xl trigger power|sleep`.
	 */
	f->flags = ACPI_FADT_WBINVD | ACPI_FADT_PROC_C1 | ACPI_FADT_FIX_RTC | ACPI_FADT_TMR_VAL_EXT |
		   ACPI_FADT_RESET_REG_SUP | ACPI_FADT_USE_PLATFORM_CLOCK;
	f->reset_reg = io_gas(RESET_PORT, 1);
	f->reset_value = RESET_VALUE;
	/* The 64-bit fields repeat the 32-bit ones; ACPICA checks they agree. */
	f->x_firmware_ctrl = f->firmware_ctrl;
	f->x_dsdt = f->dsdt;
	f->x_pm1a_evt_blk = io_gas(PM1A_EVT_BLK, PM1A_EVT_LEN);
	f->x_pm1a_cnt_blk = io_gas(PM1A_CNT_BLK, PM1A_CNT_LEN);
	f->x_pm_tmr_blk = io_gas(PM_TMR_BLK, PM_TMR_LEN);
	f->x_gpe0_blk = io_gas(GPE0_BLK, GPE0_BLK_LEN);

	/*
	 * The RSDT gets an ACPI 1.0 FADT: Windows 2000 copies the RSDT's FADT into a
	 * 116-byte buffer and crashes on a longer one (hvmloader's libacpi/build.c keeps
	 * a separate revision-1 FADT for it). Same content, truncated, with the flags and
	 * boot-architecture bits ACPI 1.0 did not define cleared.
	 */
	v1 = acpi_table_alloc(c, "FACP", ACPI_FADT_V1_LEN, ACPI_FADT_V1_REVISION);
	if (!v1)
		return -ERR_NOSPC;
	memcpy((uint8_t *)v1 + sizeof(struct acpi_header), (uint8_t *)f + sizeof(struct acpi_header),
	       ACPI_FADT_V1_LEN - sizeof(struct acpi_header));
	v1->iapc_boot_arch = 0;
	v1->flags &= ACPI_FADT_V1_FLAGS_MASK;

	*fadt_out = &f->header;
	*fadt_v1_out = &v1->header;
	return 0;
}
