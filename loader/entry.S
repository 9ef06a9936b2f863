/* SPDX-License-Identifier: GPL-2.0-only */
/* Entry from Xen's domain builder: 32-bit flat protected mode, paging off, %ebx = hvm_start_info. */
#include "hw/segments.h"

#define STACK_SIZE 0x4000

	.section .text.entry, "ax"
	.code32
	.globl	_start
_start:
	cli
	cld
	/* Our own GDT: the builder's descriptors live in memory we do not own. */
	lgdt	boot_gdt_desc
	ljmp	$SEL_CODE32, $1f
1:
	movw	$SEL_DATA32, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	/* Clear .bss without touching the stack (which lives in it) or %ebx. */
	movl	$__bss_start, %edi
	movl	$__bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep	stosb
	movl	$(stack + STACK_SIZE), %esp
	pushl	%ebx
	call	main
	/* main never returns; if it did, stop here rather than run into data. */
2:	cli
	hlt
	jmp	2b

	.section .rodata
	.balign	8
	/* Global: the SIPI trampoline (hw/sipi_entry.S) loads the same table from real mode. */
	.globl	boot_gdt, boot_gdt_end
boot_gdt:
	.quad	0			/* null */
	.quad	0x00cf9a000000ffff	/* SEL_CODE32: base 0, limit 4 GiB, 32-bit, exec/read */
	.quad	0x00cf92000000ffff	/* SEL_DATA32: base 0, limit 4 GiB, read/write */
	.quad	0x00009a000000ffff	/* SEL_CODE16: base 0, limit 64 KiB, 16-bit */
	.quad	0x000092000000ffff	/* SEL_DATA16: base 0, limit 64 KiB */
boot_gdt_end:
	.if	boot_gdt_end - boot_gdt - 1 != BOOT_GDT_LIMIT
	.error	"the GDT and BOOT_GDT_LIMIT (hw/segments.h) disagree"
	.endif
	.globl	boot_gdt_desc
boot_gdt_desc:
	.word	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

	.section .bss
	.balign	16
stack:
	.skip	STACK_SIZE

	/* No executable stack wanted (GNU ld warns without this marker). */
	.section .note.GNU-stack, "", @progbits
