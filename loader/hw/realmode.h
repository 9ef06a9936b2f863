/* SPDX-License-Identifier: GPL-2.0-only */
/* Leaving protected mode for the BIOS. */
#ifndef HVMCHAIN_HW_REALMODE_H
#define HVMCHAIN_HW_REALMODE_H

/*
 * Copies a trampoline to physical 0, drops to real mode with the IVT at 0 (limit 0x3ff)
 * and jumps to F000:FFF0, the state a CPU reset enters the BIOS in. Interrupts stay off.
 */
void realmode_jump_to_reset_vector(void) __attribute__((noreturn));

#endif
