/* SPDX-License-Identifier: GPL-2.0-only */
/* Just enough of SeaBIOS's headers for src/fw/dsdt_parser.c to build as a host program. */
#ifndef HVMCHAIN_SEABIOS_STUB_H
#define HVMCHAIN_SEABIOS_STUB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define CONFIG_ACPI_PARSE 1
#define VARVERIFY32INIT

struct hlist_node {
	struct hlist_node *next, **pprev;
};
struct hlist_head {
	struct hlist_node *first;
};

static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	n->next = h->first;
	if (h->first)
		h->first->pprev = &n->next;
	h->first = n;
	n->pprev = &h->first;
}

#define hlist_empty(h) (!(h)->first)
#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))
#define malloc_tmp malloc
#define warn_noalloc() fprintf(stderr, "out of memory\n")
#define dprintf sb_dprintf
void sb_dprintf(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static inline void strtcpy(char *d, const char *s, size_t n)
{
	snprintf(d, n, "%s", s);
}

#define FACP_SIGNATURE 0x50434146 /* "FACP" */
struct fadt_descriptor_rev1 {
	u8 header[36];
	u32 firmware_ctrl;
	u32 dsdt;
};
void *find_acpi_table(u32 signature);

#endif
