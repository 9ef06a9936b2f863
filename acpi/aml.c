/* SPDX-License-Identifier: GPL-2.0-only */
/* The AML writer: byte emission, NameStrings, integers and PkgLength encoding (ACPI 6.5 §20.2). */
#include <string.h>
#include "acpi/aml.h"

/* Bytes reserved for a PkgLength while its package is open: the longest encoding. */
#define PKGLEN_MAX 4

void aml_init(struct aml *m, uint8_t *buf, size_t cap)
{
	memset(m, 0, sizeof(*m));
	m->buf = buf;
	m->cap = buf ? cap : SIZE_MAX;
}

void aml_byte(struct aml *m, uint8_t b)
{
	if (m->overflow || m->len >= m->cap) {
		m->overflow = true;
		return;
	}
	if (m->buf)
		m->buf[m->len] = b;
	m->len++;
}

static void bytes(struct aml *m, const void *p, size_t n)
{
	const uint8_t *b = p;

	while (n--)
		aml_byte(m, *b++);
}

void aml_path(struct aml *m, const char *path)
{
	size_t segs, n;

	if (*path == '\\') {
		aml_byte(m, AML_ROOT);
		path++;
	}
	n = strlen(path);
	/* §20.2.2: NameSeg, DualNamePath or MultiNamePath; each segment 4 chars + '.' */
	segs = (n + 1) / 5;
	if (n % 5 != 4 || segs == 0 || segs > 255) {
		m->overflow = true; /* a malformed path is our bug; fail the table */
		return;
	}
	if (segs == 2)
		aml_byte(m, AML_DUAL_NAME);
	else if (segs > 2) {
		aml_byte(m, AML_MULTI_NAME);
		aml_byte(m, (uint8_t)segs);
	}
	for (size_t i = 0; i < segs; i++)
		bytes(m, path + i * 5, 4);
}

void aml_int(struct aml *m, uint64_t v)
{
	unsigned n;

	if (v == 0 || v == 1) {
		aml_byte(m, v ? AML_ONE : AML_ZERO);
		return;
	}
	if (v <= 0xFF) {
		aml_byte(m, AML_BYTE);
		n = 1;
	} else if (v <= 0xFFFF) {
		aml_byte(m, AML_WORD);
		n = 2;
	} else if (v <= 0xFFFFFFFF) {
		aml_byte(m, AML_DWORD);
		n = 4;
	} else {
		aml_byte(m, AML_QWORD);
		n = 8;
	}
	for (unsigned i = 0; i < n; i++)
		aml_byte(m, (uint8_t)(v >> (8 * i)));
}

void aml_string(struct aml *m, const char *s)
{
	aml_byte(m, AML_STRING);
	bytes(m, s, strlen(s) + 1);
}

void aml_open(struct aml *m)
{
	if (m->depth == AML_MAX_DEPTH) {
		m->overflow = true;
		return;
	}
	m->open[m->depth++] = m->len;
	for (int i = 0; i < PKGLEN_MAX; i++)
		aml_byte(m, 0);
}

void aml_close(struct aml *m)
{
	if (m->depth == 0) {
		m->overflow = true;
		return;
	}
	size_t at = m->open[--m->depth];
	if (m->overflow)
		return;
	size_t body = m->len - at - PKGLEN_MAX;
	unsigned n;

	/* The length counts its own bytes; one byte holds up to 63, n bytes 4 + 8(n-1) bits. */
	if (body + 1 <= 0x3F)
		n = 1;
	else if (body + 2 < (1u << 12))
		n = 2;
	else if (body + 3 < (1u << 20))
		n = 3;
	else if (body + 4 < (1u << 28))
		n = 4;
	else {
		m->overflow = true;
		return;
	}
	size_t total = body + n;

	if (m->buf) {
		uint8_t *p = m->buf + at;

		memmove(p + n, p + PKGLEN_MAX, body);
		if (n == 1) {
			p[0] = (uint8_t)total;
		} else {
			p[0] = (uint8_t)(((n - 1) << 6) | (total & 0x0F));
			for (unsigned i = 1; i < n; i++)
				p[i] = (uint8_t)(total >> (4 + 8 * (i - 1)));
		}
	}
	m->len -= PKGLEN_MAX - n;
}

void aml_scope(struct aml *m, const char *path)
{
	aml_byte(m, AML_SCOPE);
	aml_open(m);
	aml_path(m, path);
}

void aml_device(struct aml *m, const char *path)
{
	aml_byte(m, AML_EXT);
	aml_byte(m, AML_EXT_DEVICE);
	aml_open(m);
	aml_path(m, path);
}

void aml_method(struct aml *m, const char *name, unsigned nargs)
{
	aml_byte(m, AML_METHOD);
	aml_open(m);
	aml_path(m, name);
	aml_byte(m, (uint8_t)(nargs & 7)); /* MethodFlags: ArgCount, NotSerialized, SyncLevel 0 */
}

void aml_if(struct aml *m)
{
	aml_byte(m, AML_IF);
	aml_open(m);
}

void aml_name_int(struct aml *m, const char *name, uint64_t v)
{
	aml_byte(m, AML_NAME);
	aml_path(m, name);
	aml_int(m, v);
}

void aml_name_string(struct aml *m, const char *name, const char *s)
{
	aml_byte(m, AML_NAME);
	aml_path(m, name);
	aml_string(m, s);
}
