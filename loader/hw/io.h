/* SPDX-License-Identifier: GPL-2.0-only */
/* Port I/O. Argument order is (value, port) throughout, as in Linux, coreboot and SeaBIOS. */
#ifndef HVMCHAIN_HW_IO_H
#define HVMCHAIN_HW_IO_H

#include <stddef.h>
#include <stdint.h>
#include "counters.h"

/*
 * Every port access is a VM exit, so each one is counted (counters.h): the plain names
 * below count COUNT_IO; the PCI config and console drivers use the raw_ forms and count
 * their own kinds.
 */

static inline void raw_outb(uint8_t value, uint16_t port)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void raw_outw(uint16_t value, uint16_t port)
{
	__asm__ volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void raw_outl(uint32_t value, uint16_t port)
{
	__asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t raw_inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint16_t raw_inw(uint16_t port)
{
	uint16_t v;

	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint32_t raw_inl(uint16_t port)
{
	uint32_t v;

	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* String output: one instruction for len bytes (Xen emulates the whole rep in one exit
 * when the port's handler is Xen's own, as port 0xE9's is). */
static inline void raw_outsb(const void *data, size_t len, uint16_t port)
{
	__asm__ volatile("rep outsb" : "+S"(data), "+c"(len) : "d"(port) : "memory");
}

#define IO_COUNTED_OUT(name, type)                                                                                     \
	static inline void name(type value, uint16_t port)                                                             \
	{                                                                                                              \
		count_add(COUNT_IO, 1);                                                                                \
		raw_##name(value, port);                                                                               \
	}
#define IO_COUNTED_IN(name, type)                                                                                      \
	static inline type name(uint16_t port)                                                                         \
	{                                                                                                              \
		count_add(COUNT_IO, 1);                                                                                \
		return raw_##name(port);                                                                               \
	}
IO_COUNTED_OUT(outb, uint8_t)
IO_COUNTED_OUT(outw, uint16_t)
IO_COUNTED_OUT(outl, uint32_t)
IO_COUNTED_IN(inb, uint8_t)
IO_COUNTED_IN(inw, uint16_t)
IO_COUNTED_IN(inl, uint32_t)
#undef IO_COUNTED_OUT
#undef IO_COUNTED_IN

#endif
