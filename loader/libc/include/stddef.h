/* SPDX-License-Identifier: GPL-2.0-only */
/* size_t, NULL and offsetof for the freestanding loader. */
#ifndef HVMCHAIN_STDDEF_H
#define HVMCHAIN_STDDEF_H

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#define NULL ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
