/* SPDX-License-Identifier: GPL-2.0-only */
/* Every hypercall the loader makes goes through this file; host tests replace it whole. */
#include <string.h>
#include "xen/abi.h"
#include <xen/errno.h>
#include <xen/event_channel.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/hvm_vcpu.h>
#include <xen/vcpu.h>
#include "counters.h"
#include "err.h"
#include "hw/cpu.h"
#include "hw/mem.h"
#include "lib/div64.h"
#include "xen/hypercall.h"

/*
 * Xen fills this page with one 32-byte stub per hypercall once its physical address is
 * written to the MSR that CPUID leaf base+2 names (Xen's public arch-x86/cpuid.h).
 */
static uint8_t hypercall_page[4096] __attribute__((aligned(4096)));
static int hypercalls_ready;

static struct shared_info *shared_info;

/* 32-bit HVM guests pass arguments in ebx, ecx, edx, esi, edi; the result comes in eax. */
static long hypercall3(unsigned int op, unsigned long a1, unsigned long a2, unsigned long a3)
{
	long ret;
	void *stub = hypercall_page + op * 32;

	count_add(COUNT_HYPERCALL, 1);
	__asm__ volatile("call *%[stub]"
			 : "=a"(ret), "+b"(a1), "+c"(a2), "+d"(a3)
			 : [stub] "r"(stub)
			 : "memory", "esi", "edi");
	return ret;
}

static long hypercall2(unsigned int op, unsigned long a1, unsigned long a2)
{
	return hypercall3(op, a1, a2, 0);
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

int xen_vnuma_info(struct xen_vnuma_buffers *b)
{
	struct xen_vnuma_topology_info t = {
		.domid = DOMID_SELF,
		.nr_vnodes = b->nr_vnodes,
		.nr_vcpus = b->nr_vcpus,
		.nr_vmemranges = b->nr_vmemranges,
	};

	/* Sized by the caller's arrays, so one call does: Xen answers -ENOBUFS with the counts
	 * it needs when any is too small (hvmloader asks twice, sizing from the first). */
	set_xen_guest_handle(t.vdistance.h, b->distance);
	set_xen_guest_handle(t.vcpu_to_vnode.h, b->vcpu_to_vnode);
	set_xen_guest_handle(t.vmemrange.h, b->vmemrange);
	long rc = hypercall2(__HYPERVISOR_memory_op, XENMEM_get_vnumainfo, (unsigned long)&t);
	b->nr_vnodes = t.nr_vnodes;
	b->nr_vcpus = t.nr_vcpus;
	b->nr_vmemranges = t.nr_vmemranges;
	if (rc == -XEN_EOPNOTSUPP)
		return -ERR_NOENT;
	if (rc == -XEN_ENOBUFS)
		return -ERR_NOSPC;
	return rc ? -ERR_XEN : 0;
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

int xen_hvm_param_get(uint32_t index, uint64_t *value)
{
	struct xen_hvm_param hp = { .domid = DOMID_SELF, .index = index };

	if (hypercall2(__HYPERVISOR_hvm_op, HVMOP_get_param, (unsigned long)&hp))
		return -ERR_XEN;
	*value = hp.value;
	return 0;
}

int xen_hvm_param_set(uint32_t index, uint64_t value)
{
	struct xen_hvm_param hp = { .domid = DOMID_SELF, .index = index, .value = value };

	return hypercall2(__HYPERVISOR_hvm_op, HVMOP_set_param, (unsigned long)&hp) ? -ERR_XEN : 0;
}

int xen_guest_handle(uint8_t uuid[16])
{
	xen_domain_handle_t h;

	if (hypercall2(__HYPERVISOR_xen_version, XENVER_guest_handle, (unsigned long)h))
		return -ERR_XEN;
	memcpy(uuid, h, 16);
	return 0;
}

int xen_map_shared_info(uint32_t gpfn)
{
	struct xen_add_to_physmap x = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = gpfn,
	};

	if (hypercall2(__HYPERVISOR_memory_op, XENMEM_add_to_physmap, (unsigned long)&x))
		return -ERR_XEN;
	shared_info = phys_to_virt(gpfn << 12);
	return 0;
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Xen's system time in ns (public xen.h, vcpu_time_info): retry while Xen updates it. */
static uint64_t xen_time_ns(void)
{
	const volatile struct vcpu_time_info *t = &shared_info->vcpu_info[0].time;
	uint32_t version;
	uint64_t ns;

	do {
		version = t->version;
		__asm__ volatile("" ::: "memory");
		uint64_t delta = rdtsc() - t->tsc_timestamp;
		int8_t shift = t->tsc_shift;

		delta = shift < 0 ? delta >> -shift : delta << shift;
		ns = t->system_time + mul64_32_shr32(delta, t->tsc_to_system_mul);
		__asm__ volatile("" ::: "memory");
	} while ((version & 1) || version != t->version);
	return ns;
}

uint32_t xen_tsc_khz(void)
{
	if (!shared_info)
		return 0;
	const volatile struct vcpu_time_info *t = &shared_info->vcpu_info[0].time;
	uint32_t mul = t->tsc_to_system_mul;
	int8_t shift = t->tsc_shift;

	if (!mul)
		return 0;
	/* ns = (tsc << shift) * mul >> 32, so kHz = 10^6 * 2^32 / mul, shifted back. */
	uint64_t khz = div64_32(1000000ull << 32, mul, NULL);
	khz = shift < 0 ? khz << -shift : khz >> shift;
	return (uint32_t)khz;
}

void xen_evtchn_send(uint32_t port)
{
	struct evtchn_send send = { .port = port };

	hypercall2(__HYPERVISOR_event_channel_op, EVTCHNOP_send, (unsigned long)&send);
}

void xen_poll(uint32_t port, uint64_t timeout_ns)
{
	const unsigned int bits = 8 * sizeof(xen_ulong_t);
	evtchn_port_t p = port;
	struct sched_poll poll = { .nr_ports = 1, .timeout = 0 };

	/* The 2-level ABI's bitmaps hold EVTCHN_2L_NR_CHANNELS ports; never index past them. */
	if (!shared_info || port >= EVTCHN_2L_NR_CHANNELS) {
		xen_yield();
		return;
	}
	set_xen_guest_handle(poll.ports, &p);
	poll.timeout = xen_time_ns() + timeout_ns;
	/* Returns at once if the port is pending; then clear it, so the next poll waits for
	 * news. Callers re-check their ring after each poll, so no event is lost. */
	hypercall2(__HYPERVISOR_sched_op, SCHEDOP_poll, (unsigned long)&poll);
	__atomic_and_fetch(&shared_info->evtchn_pending[port / bits], ~((xen_ulong_t)1 << (port % bits)),
			   __ATOMIC_SEQ_CST);
}

void xen_evtchn_reset(uint32_t port)
{
	const unsigned int bits = 8 * sizeof(xen_ulong_t);

	if (!shared_info || port >= EVTCHN_2L_NR_CHANNELS)
		return;
	shared_info->evtchn_pending[port / bits] &= ~((xen_ulong_t)1 << (port % bits));
	shared_info->evtchn_mask[port / bits] &= ~((xen_ulong_t)1 << (port % bits));
	shared_info->vcpu_info[0].evtchn_upcall_pending = 0;
	shared_info->vcpu_info[0].evtchn_pending_sel = 0;
}

void xen_yield(void)
{
	hypercall2(__HYPERVISOR_sched_op, SCHEDOP_yield, 0);
}

/* Frames per XENMEM_populate_physmap call: one hypercall backs a 2 MiB OVMF flash in four, where
 * one per page cost seconds under the emulated Xen. */
#define FRAME_BATCH 128

uint32_t xen_populate_upto(uint32_t pfn, uint32_t nr)
{
	xen_pfn_t frames[FRAME_BATCH];
	uint32_t done = 0;

	while (done < nr) {
		uint32_t n = nr - done > FRAME_BATCH ? FRAME_BATCH : nr - done;
		struct xen_memory_reservation r = { .nr_extents = n, .extent_order = 0, .domid = DOMID_SELF };

		for (uint32_t i = 0; i < n; i++)
			frames[i] = pfn + done + i;
		set_xen_guest_handle(r.extent_start, frames);
		/* Xen returns how many extents it backed, in order, or a negative error when none. */
		long got = hypercall2(__HYPERVISOR_memory_op, XENMEM_populate_physmap, (unsigned long)&r);

		if (got > 0)
			done += (uint32_t)got > n ? n : (uint32_t)got;
		if (got != (long)n)
			break;
	}
	return done;
}

int xen_populate(uint32_t pfn, uint32_t nr)
{
	return xen_populate_upto(pfn, nr) == nr ? 0 : -ERR_XEN;
}

int xen_vcpu_start(uint32_t vcpu, uint32_t eip, uint32_t esp, uint32_t eax)
{
	/* Flat 32-bit segments as the domain builder gives the BSP (libxc vcpu_hvm()). */
	struct vcpu_hvm_context ctx = { .mode = VCPU_HVM_MODE_32B };
	struct vcpu_hvm_x86_32 *r = &ctx.cpu_regs.x86_32;

	r->eip = eip;
	r->esp = esp;
	r->eax = eax;
	r->eflags = 0x2;
	r->cr0 = 0x11; /* PE | ET */
	r->cs_limit = r->ds_limit = r->ss_limit = r->es_limit = 0xFFFFFFFFu;
	r->cs_ar = 0xc9b; /* present, 32-bit, 4 KiB granular, execute/read, accessed */
	r->ds_ar = r->ss_ar = r->es_ar = 0xc93;
	r->tr_limit = 0x67;
	r->tr_ar = 0x8b; /* busy 32-bit TSS */
	if (hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_initialise, vcpu, (unsigned long)&ctx))
		return -ERR_XEN;
	if (hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_up, vcpu, 0))
		return -ERR_XEN;
	return 0;
}

int xen_vcpu_stop(uint32_t vcpu)
{
	return hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_down, vcpu, 0) ? -ERR_XEN : 0;
}

void xen_crash(void)
{
	if (hypercalls_ready) {
		struct sched_shutdown s = { .reason = SHUTDOWN_crash };

		hypercall2(__HYPERVISOR_sched_op, SCHEDOP_shutdown, (unsigned long)&s);
	}
	halt_forever();
}
