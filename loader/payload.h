/* SPDX-License-Identifier: GPL-2.0-only */
/* The payload interface: what the loader asks of the firmware it chains to (as hvmloader's bios_config). */
#ifndef HVMCHAIN_PAYLOAD_H
#define HVMCHAIN_PAYLOAD_H

#include <stdbool.h>
#include <stdint.h>
#include "boot.h"
#include "e820.h"
#include "platform.h"

struct payload_image {
	const uint8_t *data;
	uint64_t size;
	const char *source; /* for the log: where the image came from */
};

struct payload_ops {
	const char *name;
	const char *key;    /* its hvmloader/bios value, as libxl writes it */
	bool legacy_tables; /* wants the MP table and $PIR (a BIOS does; OVMF reads neither) */
	bool builtin;       /* the built-in SeaBIOS may stand in for a missing "firmware" module */
	/* Optional: refuses an image it cannot run (logging why) before the loader does any work. */
	int (*check)(const struct payload_image *img);
	/* Checks the image and copies it where it runs; sets b->bios_base. Errors are logged. */
	int (*load)(const struct platform *p, const struct payload_image *img, struct boot *b);
	/* Hands over what the loader built (b's table list, the memory map). */
	int (*handoff)(const struct platform *p, const struct boot *b, const struct e820_map *e820);
	/* Transfers control; does not return. */
	void (*start)(void) __attribute__((noreturn));
};

extern const struct payload_ops seabios_payload;
extern const struct payload_ops ovmf_payload;

/* The SeaBIOS built into the loader image (SEABIOS= in seabios.mk; empty for none), used when no "firmware" module
 * came. */
extern const uint8_t seabios_builtin[], seabios_builtin_end[];

#endif
