/* SPDX-License-Identifier: GPL-2.0-only */
/* The domain builder's hvm_info_table at 0x9F800: vCPUs, memory layout, APIC mode. */
#ifndef HVMCHAIN_HVM_INFO_H
#define HVMCHAIN_HVM_INFO_H

#include <stddef.h>
#include "platform.h"

/*
 * Validates the table at t (signature "HVM INFO", length, byte-sum checksum, vCPU count
 * at least 1 (more than HVM_MAX_VCPUS is logged and cut to it), memory ends that make
 * sense) and copies its facts into p->vcpus (nr, online), p->apic_mode and p->mem
 * (low_end, high_end). Returns 0,
 * or -ERR_INVAL with the reason in why; p is then unchanged.
 */
int hvm_info_read(const void *t, struct platform *p, char *why, size_t why_len);

/* Without a valid table: boot on with one vCPU and the RAM the toolstack's map shows;
 * RAM entries that wrap or end past 2^52 are logged and ignored. */
void hvm_info_fallback(struct platform *p);

#endif
