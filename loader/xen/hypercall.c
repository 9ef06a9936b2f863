/* SPDX-License-Identifier: GPL-2.0-only */
/* Every hypercall the loader makes goes through this file; host tests replace it whole. */
#include <string.h>
#include <xen/abi.h>
#include "err.h"
#include "hw/cpu.h"
#include "xen/xen.h"

/*
 * Xen fills this page with one 32-byte stub per hypercall once its physical address is
 * written to the MSR that CPUID leaf base+2 names (Xen's public arch-x86/cpuid.h).
 */
static uint8_t hypercall_page[4096] __attribute__((aligned(4096)));
static int hypercalls_ready;

/* 32-bit HVM guests pass arguments in ebx, ecx, edx, esi, edi; the result comes in eax. */
static long hypercall2(unsigned int op, unsigned long a1, unsigned long a2)
{
	long ret;
	void *stub = hypercall_page + op * 32;

	__asm__ volatile("call *%[stub]"
			 : "=a"(ret), "+b"(a1), "+c"(a2)
			 : [stub] "r"(stub)
			 : "memory", "edx", "esi", "edi");
	return ret;
}

static uint32_t find_xen_leaves(void)
{
	/* Xen may sit at 0x40000100+ when it also offers Viridian leaves at 0x40000000. */
	for (uint32_t base = 0x40000000; base < 0x40010000; base += 0x100) {
		struct cpuid_regs r = cpuid(base);
		char sig[13];

		memcpy(sig + 0, &r.ebx, 4);
		memcpy(sig + 4, &r.ecx, 4);
		memcpy(sig + 8, &r.edx, 4);
		sig[12] = '\0';
		/* The leaf must also report at least base+2: that is where the MSR is. */
		if (!strcmp(sig, "XenVMMXenVMM") && r.eax >= base + 2)
			return base;
	}
	return 0;
}

int xen_setup(struct xen_info *xi)
{
	memset(xi, 0, sizeof(*xi));
	xi->cpuid_base = find_xen_leaves();
	if (!xi->cpuid_base)
		return -ERR_NOENT;

	/* Leaf base+2: eax = number of hypercall pages, ebx = the MSR to write. */
	struct cpuid_regs r = cpuid(xi->cpuid_base + 2);
	wrmsr(r.ebx, (uint32_t)(uintptr_t)hypercall_page);
	hypercalls_ready = 1;

	long v = hypercall2(__HYPERVISOR_xen_version, XENVER_version, 0);
	xi->major = (uint32_t)v >> 16;
	xi->minor = (uint32_t)v & 0xffff;

	xen_extraversion_t extra;
	memset(extra, 0, sizeof(extra));
	if (hypercall2(__HYPERVISOR_xen_version, XENVER_extraversion, (unsigned long)extra) == 0) {
		memcpy(xi->extra, extra, sizeof(xi->extra) - 1);
		xi->extra[sizeof(xi->extra) - 1] = '\0';
	}
	return 0;
}

int xen_memory_map(struct e820_entry *buf, uint32_t max, uint32_t *nr)
{
	struct xen_memory_map map;

	map.nr_entries = max;
	set_xen_guest_handle(map.buffer, buf);
	if (hypercall2(__HYPERVISOR_memory_op, XENMEM_memory_map, (unsigned long)&map))
		return -ERR_XEN;
	/* Xen reports how many it wrote; never trust it beyond the buffer. */
	*nr = map.nr_entries < max ? map.nr_entries : max;
	return 0;
}

int xen_relocate_ram(uint64_t from, uint64_t to, uint64_t bytes)
{
	uint64_t src = from >> 12, dst = to >> 12, pages = bytes >> 12;

	while (pages) {
		/* XENMAPSPACE_gmfn_range takes a 16-bit page count. */
		uint16_t n = pages > 0xFFFF ? 0xFFFF : (uint16_t)pages;
		struct xen_add_to_physmap x = {
			.domid = DOMID_SELF,
			.size = n,
			.space = XENMAPSPACE_gmfn_range,
			.idx = (xen_ulong_t)src,
			.gpfn = (xen_pfn_t)dst,
		};

		if (hypercall2(__HYPERVISOR_memory_op, XENMEM_add_to_physmap, (unsigned long)&x))
			return -ERR_XEN;
		src += n;
		dst += n;
		pages -= n;
	}
	return 0;
}

void xen_crash(void)
{
	if (hypercalls_ready) {
		struct sched_shutdown s = { .reason = SHUTDOWN_crash };

		hypercall2(__HYPERVISOR_sched_op, SCHEDOP_shutdown, (unsigned long)&s);
	}
	halt_forever();
}
