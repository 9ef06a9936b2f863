/* SPDX-License-Identifier: GPL-2.0-only */
/* Embeds the 128 KiB Xen-capable SeaBIOS built from payloads/seabios/ as the fallback payload. */
	.section .rodata.payload, "a"
	.balign	16
	.globl	seabios_builtin
	.globl	seabios_builtin_end
seabios_builtin:
	.incbin	SEABIOS_BUILTIN_PATH
seabios_builtin_end:

	/* No executable stack wanted (GNU ld warns without this marker). */
	.section .note.GNU-stack, "", @progbits
