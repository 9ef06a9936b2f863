/* SPDX-License-Identifier: GPL-2.0-only */
/* The formatter behind every log line; pure, so host tests compare it with the C library's. */
#include <stdint.h>
#include <stdbool.h>
#include "lib/div64.h"
#include "printf.h"

struct out {
	char *buf;
	size_t size;
	size_t len; /* what the full output would need, excluding the NUL */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

struct spec {
	bool left;
	bool zero;
	bool alt; /* '#': 0x/0X before a non-zero hex number */
	int width;
	int precision; /* -1: none */
};

static void emit_str(struct out *o, const struct spec *sp, const char *s)
{
	int n = 0;

	if (!s)
		s = "(null)";
	while (s[n] && (sp->precision < 0 || n < sp->precision))
		n++;
	if (!sp->left)
		pad(o, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - n);
}

static void emit_num(struct out *o, const struct spec *sp, uint64_t v, unsigned int base, bool upper, bool negative)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	const char *prefix = negative ? "-" : (sp->alt && base == 16 && v) ? (upper ? "0X" : "0x") : "";
	char tmp[24];
	int n = 0;
	int plen = 0;

	while (prefix[plen])
		plen++;
	do {
		uint32_t digit;

		v = div64_32(v, base, &digit);
		tmp[n++] = digits[digit];
	} while (v);

	int len = n + plen;
	if (!sp->left && !sp->zero)
		pad(o, ' ', sp->width - len);
	for (int i = 0; i < plen; i++)
		put(o, prefix[i]);
	if (!sp->left && sp->zero)
		pad(o, '0', sp->width - len);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };

	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		struct spec sp = { .precision = -1 };
		p++;
		for (;; p++) {
			if (*p == '-')
				sp.left = true;
			else if (*p == '0')
				sp.zero = true;
			else if (*p == '#')
				sp.alt = true;
			else
				break;
		}
		if (*p == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.left = true;
				sp.width = -sp.width;
			}
			p++;
		} else {
			while (*p >= '0' && *p <= '9')
				sp.width = sp.width * 10 + (*p++ - '0');
		}
		if (*p == '.') {
			p++;
			sp.precision = 0;
			if (*p == '*') {
				sp.precision = va_arg(ap, int);
				p++;
			} else {
				while (*p >= '0' && *p <= '9')
					sp.precision = sp.precision * 10 + (*p++ - '0');
			}
		}
		int longs = 0;
		bool is_size = false;
		for (;; p++) {
			if (*p == 'l')
				longs++;
			else if (*p == 'z')
				is_size = true;
			else
				break;
		}

		uint64_t u;
		int64_t s;
		switch (*p) {
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case 's':
			emit_str(&o, &sp, va_arg(ap, const char *));
			break;
		case 'd':
		case 'i':
			if (longs >= 2)
				s = va_arg(ap, long long);
			else if (longs == 1)
				s = va_arg(ap, long);
			else if (is_size)
				s = (int64_t)va_arg(ap, size_t);
			else
				s = va_arg(ap, int);
			/* Negate in unsigned arithmetic so INT64_MIN is safe. */
			emit_num(&o, &sp, s < 0 ? 0 - (uint64_t)s : (uint64_t)s, 10, false, s < 0);
			break;
		case 'u':
		case 'x':
		case 'X':
			if (longs >= 2)
				u = va_arg(ap, unsigned long long);
			else if (longs == 1)
				u = va_arg(ap, unsigned long);
			else if (is_size)
				u = va_arg(ap, size_t);
			else
				u = va_arg(ap, unsigned int);
			emit_num(&o, &sp, u, *p == 'u' ? 10 : 16, *p == 'X', false);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			emit_num(&o, &sp, (uintptr_t)va_arg(ap, void *), 16, false, false);
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			p--; /* a lone '%' at the end: stop at the NUL */
			break;
		default:
			/* Unknown conversion: show it rather than guess its argument. */
			put(&o, '%');
			put(&o, *p);
			break;
		}
	}
	if (size)
		o.buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len > INT32_MAX ? INT32_MAX : (int)o.len;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
