/* SPDX-License-Identifier: GPL-2.0-only */
/* Embeds the fallback SeaBIOS payload chosen by SEABIOS= (seabios.mk); empty for SEABIOS=none. */
	.section .rodata.payload, "a"
	.balign	16
	.globl	seabios_builtin
	.globl	seabios_builtin_end
seabios_builtin:
#ifdef SEABIOS_BUILTIN_PATH
	.incbin	SEABIOS_BUILTIN_PATH
#endif
seabios_builtin_end:

	/* No executable stack wanted (GNU ld warns without this marker). */
	.section .note.GNU-stack, "", @progbits
