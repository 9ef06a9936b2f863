/* SPDX-License-Identifier: GPL-2.0-only */
/* 64-bit by 32-bit division without libgcc, for the few places the loader needs it. */
#ifndef HVMCHAIN_DIV64_H
#define HVMCHAIN_DIV64_H

#include <stdint.h>

/* n / d, with the remainder in *rem when rem is not NULL; d must not be 0. */
uint64_t div64_32(uint64_t n, uint32_t d, uint32_t *rem);

/* (a * mul) >> 32 for a 64-bit a: Xen's time scaling (tsc_to_system_mul). */
uint64_t mul64_32_shr32(uint64_t a, uint32_t mul);

#endif
