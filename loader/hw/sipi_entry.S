/* SPDX-License-Identifier: GPL-2.0-only */
/* Where an AP started by INIT-SIPI-SIPI begins: real mode at a page below 1 MiB, up to flat 32-bit. */
#include "hw/segments.h"

/*
 * A STARTUP IPI with vector V starts the AP in real mode at CS = V << 8, IP = 0 (Intel SDM
 * vol. 3, 8.4.4.1 / MP spec B.4.2). smp.c copies [sipi_trampoline, sipi_trampoline_end) to a
 * page-aligned address below 1 MiB and sends V = that address >> 12. Everything the 16-bit
 * part reads is inside the copy, addressed from CS; the 32-bit part runs in the loader image.
 */
	.text
	.code16
	.globl	sipi_trampoline, sipi_trampoline_end
sipi_trampoline:
	cli
	cld
	movw	%cs, %ax
	movw	%ax, %ds
	/* The loader's own GDT (its base is a 32-bit linear address: the 0x66 form loads all of it). */
	lgdtl	(sipi_gdt_desc - sipi_trampoline)
	movl	%cr0, %eax
	orl	$1, %eax		/* PE; paging stays off */
	movl	%eax, %cr0
	/* A far jump with a 32-bit offset straight into the image's flat code. */
	ljmpl	$SEL_CODE32, $sipi_entry32
	.balign	4
sipi_gdt_desc:
	.word	BOOT_GDT_LIMIT
	.long	boot_gdt
sipi_trampoline_end:

	.code32
sipi_entry32:
	movw	$SEL_DATA32, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	/* One AP at a time comes through here: smp.c set its number and stack before the IPIs. */
	movl	sipi_ap_esp, %esp
	movl	sipi_ap_cpu, %eax
	jmp	ap_entry

	.section .note.GNU-stack, "", @progbits
