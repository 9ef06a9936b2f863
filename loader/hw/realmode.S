/* SPDX-License-Identifier: GPL-2.0-only */
/* Protected mode to real mode, then F000:FFF0: how hvmchain hands the CPU to SeaBIOS. */
#include "hw/segments.h"

#define TRAMPOLINE_PHYS 0x0

	.text
	.code32
	.globl	realmode_jump_to_reset_vector
realmode_jump_to_reset_vector:
	cli
	cld
	/* Real mode can only run code below 1 MiB (and our 16-bit segment below 64 KiB). */
	movl	$trampoline_start, %esi
	movl	$TRAMPOLINE_PHYS, %edi
	movl	$(trampoline_end - trampoline_start), %ecx
	rep	movsb
	/* 16-bit segments with 64 KiB limits, so the real-mode segment caches are sane. */
	movw	$SEL_DATA16, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	ljmp	$SEL_CODE16, $TRAMPOLINE_PHYS

	.code16
trampoline_start:
	movl	%cr0, %eax
	andl	$~1, %eax		/* PE off; paging was never on */
	movl	%eax, %cr0
	ljmp	$0, $(TRAMPOLINE_PHYS + 1f - trampoline_start)
1:
	xorl	%eax, %eax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	/* The real-mode interrupt vector table, as after reset. */
	lidtl	(TRAMPOLINE_PHYS + real_idtr - trampoline_start)
	/* Registers as after reset, so SeaBIOS sees no leftovers. */
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	xorl	%esp, %esp
	ljmp	$0xf000, $0xfff0
real_idtr:
	.word	0x3ff
	.long	0
trampoline_end:

	/* No executable stack wanted (GNU ld warns without this marker). */
	.section .note.GNU-stack, "", @progbits
