/* SPDX-License-Identifier: GPL-2.0-only */
/* Where each AP starts: Xen's VCPUOP_initialise puts it here in flat 32-bit mode (sipi_entry.S jumps here too). */
#include "hw/segments.h"

	.text
	.code32
	.globl	ap_entry
ap_entry:
	/* %eax = vCPU number, %esp = its own stack; segments are flat but the GDT register
	 * is empty: load ours so the CPU is in a state we understand. */
	cli
	cld
	lgdt	boot_gdt_desc
	ljmp	$SEL_CODE32, $1f
1:
	pushl	%eax
	call	ap_main
	/* ap_main halts for good; should it return, stop here rather than run into data. */
2:	cli
	hlt
	jmp	2b

	.section .note.GNU-stack, "", @progbits
