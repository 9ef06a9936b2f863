/* SPDX-License-Identifier: GPL-2.0-only */
/* The one 8-bit checksum helper used by every table and the SeaBIOS handoff block. */
#ifndef HVMCHAIN_CHECKSUM_H
#define HVMCHAIN_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* The 8-bit sum of [p, p+len): zero over a table whose checksum is right. */
uint8_t sum8(const void *p, size_t len);

/*
 * The byte that makes the 8-bit sum of [p, p+len) zero when stored in the checksum field
 * (which must be zero, or excluded, while this is computed). ACPI, SMBIOS, MP, $PIR and
 * SeaBIOS's Xen info block all use this rule.
 */
uint8_t checksum8(const void *p, size_t len);

/* Computes the checksum over [p, p+len) and stores it at *field, which lies inside it. */
void checksum8_fill(void *p, size_t len, uint8_t *field);

#endif
