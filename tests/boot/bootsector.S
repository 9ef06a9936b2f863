/* SPDX-License-Identifier: GPL-2.0-only */
/* Test payload: a 512-byte MBR that prints "BOOT-OK from MBR" to the Xen/QEMU debug port
 * 0xE9 and to COM1, then halts. It proves SeaBIOS reached INT 19h and loaded a disk. */
	.code16
	.text
	.globl	_start
_start:
	cli
	xorw	%ax, %ax
	movw	%ax, %ds
	movw	%ax, %ss
	movw	$0x7c00, %sp
	movw	$message, %si
next:
	lodsb
	testb	%al, %al
	jz	done
	outb	%al, $0xe9		/* debug console: "(dN) ..." in xl dmesg */
	movw	$0x3f8, %dx		/* COM1: the guest's serial= file */
	outb	%al, %dx
	jmp	next
done:
	hlt
	jmp	done
message:
	.asciz	"BOOT-OK from MBR\n"
	.org	510
	.byte	0x55, 0xaa		/* MBR boot signature */
