/* SPDX-License-Identifier: GPL-2.0-only */
/* A small AML writer (ACPI 6.5 chapter 20) for the tables built at boot: names, integers, packages. */
#ifndef HVMCHAIN_ACPI_AML_H
#define HVMCHAIN_ACPI_AML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* AML opcodes we emit (§20.3). */
#define AML_ZERO 0x00
#define AML_ONE 0x01
#define AML_NAME 0x08
#define AML_BYTE 0x0A
#define AML_WORD 0x0B
#define AML_DWORD 0x0C
#define AML_STRING 0x0D
#define AML_QWORD 0x0E
#define AML_SCOPE 0x10
#define AML_METHOD 0x14
#define AML_DUAL_NAME 0x2E
#define AML_MULTI_NAME 0x2F
#define AML_ROOT '\\'
#define AML_EXT 0x5B
#define AML_EXT_SLEEP 0x22
#define AML_EXT_DEVICE 0x82
#define AML_LOCAL0 0x60
#define AML_LOCAL1 0x61
#define AML_ARG0 0x68
#define AML_STORE 0x70
#define AML_NOTIFY 0x86
#define AML_IF 0xA0
#define AML_RETURN 0xA4

#define AML_MAX_DEPTH 8

/*
 * Writes into buf[0, cap); with buf NULL it only counts, so a caller can size the
 * output exactly, allocate, and write it in a second pass. Objects with a PkgLength are
 * opened and closed; aml_close() encodes the length in as few bytes as it needs (§20.2.4).
 * Overflowing cap or the nesting depth sets overflow and stops writing.
 */
struct aml {
	uint8_t *buf;
	size_t cap, len;
	bool overflow;
	unsigned depth;
	size_t open[AML_MAX_DEPTH];
};

void aml_init(struct aml *m, uint8_t *buf, size_t cap);
void aml_byte(struct aml *m, uint8_t b);
/* A NameString: "\\_SB_.CSTA"-style, segments of exactly 4 characters. */
void aml_path(struct aml *m, const char *path);
/* The shortest integer encoding of v (Zero, One, Byte, Word, DWord, QWord prefix). */
void aml_int(struct aml *m, uint64_t v);
void aml_string(struct aml *m, const char *s);

/* Opens an object with a PkgLength after its opcode bytes; aml_close() ends the innermost. */
void aml_open(struct aml *m);
void aml_close(struct aml *m);

void aml_scope(struct aml *m, const char *path);                  /* opens */
void aml_device(struct aml *m, const char *path);                 /* opens */
void aml_method(struct aml *m, const char *name, unsigned nargs); /* opens; NotSerialized */
void aml_if(struct aml *m);                                       /* opens; caller writes the predicate */
void aml_name_int(struct aml *m, const char *name, uint64_t v);
void aml_name_string(struct aml *m, const char *name, const char *s);

#endif
