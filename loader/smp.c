/* SPDX-License-Identifier: GPL-2.0-only */
/* vCPU bring-up: the only code that runs on more than one CPU. */
#include <string.h>
#include "ap_stack.h"
#include "bug.h"
#include "console.h"
#include "hw/apic.h"
#include "hw/cpu.h"
#include "hw/mem.h"
#include "hw/mtrr.h"
#include "smp.h"
#include "xen/hypercall.h"

void ap_entry(void);
void ap_main(uint32_t cpu) __attribute__((noreturn));

/* Shared with the APs: what to program, and where each reports. */
static const struct mtrr_state *ap_mtrr;
static struct {
	uint32_t apic_id;
	uint32_t done;
} report[PLATFORM_MAX_VCPUS];
/* The APs Xen accepted to start (the BSP's own entry stays false: it is never stopped). */
static bool running[PLATFORM_MAX_VCPUS];

/* What every vCPU does once, the BSP included: say who it is and program its MTRRs. */
static void cpu_report(uint32_t cpu)
{
	if (cpu >= PLATFORM_MAX_VCPUS)
		return;
	report[cpu].apic_id = cpu_apic_id();
	if (ap_mtrr)
		mtrr_apply(ap_mtrr);
	__atomic_store_n(&report[cpu].done, 1, __ATOMIC_RELEASE);
}

/*
 * An AP's C entry (ap_entry.S). Once it has reported it halts where it is and touches no
 * memory again, its stack included: the BSP stops it, and the stack's slot in the low
 * scratch is then the payload handoff's to write (ap_stack.h).
 */
void ap_main(uint32_t cpu)
{
	cpu_report(cpu);
	halt_forever();
}

/* Paints vCPU cpu's stack slot and returns the %esp it starts with (the slot's top). */
static uint32_t ap_stack_prepare(uint32_t cpu)
{
	uint32_t base = ap_stack_base(cpu);

	/* hvm_info.c caps the vCPUs at HVM_MAX_VCPUS, which the slots cover. */
	ASSERT(base != 0);
	ap_stack_paint(phys_to_virt(base));
	return base + AP_STACK_SIZE;
}

/* Logs an AP that ran into the bottom of its slot, next to its neighbour's top. */
static void ap_stack_check(uint32_t cpu)
{
	uint32_t used = ap_stack_used(phys_to_virt(ap_stack_base(cpu)));

	if (ap_stack_overran(used))
		log_error("CPU%u used %u of its %u stack bytes (the last %u are a guard): AP_STACK_SIZE is too small\n",
			  cpu, used, AP_STACK_SIZE, AP_STACK_GUARD);
}

/* How many times the BSP yields to the APs before giving up on one (nested emulation
 * is slow; a real wait is a few hundred yields). */
#define AP_WAIT_YIELDS 200000

void smp_setup(struct platform *p, const struct mtrr_state *mtrr)
{
	uint32_t n = p->vcpus.nr;

	log_printf("Multiprocessor initialisation:\n");
	memset(report, 0, sizeof(report));
	memset(running, 0, sizeof(running));
	ap_mtrr = mtrr;
	cpu_report(0);

	uint32_t started = 0;
	for (uint32_t cpu = 1; cpu < n; cpu++) {
		running[cpu] = !xen_vcpu_start(cpu, (uint32_t)(uintptr_t)ap_entry, ap_stack_prepare(cpu), cpu);
		started += running[cpu];
		/*
		 * Xen 4.17 refuses VCPUOP_initialise for a vCPU whose vcpu_info is still the
		 * placeholder, which is every vCPU from XEN_LEGACY_MAX_VCPUS (32) on until the
		 * guest registers one (common/compat/domain.c). Registering one here would stay
		 * in force for the OS, which could then not register its own.
		 */
		if (!running[cpu])
			log_error("CPU%u could not be started%s\n", cpu,
				  cpu >= 32 ? " (Xen starts vCPUs from 32 on only once they have a vcpu_info)" : "");
	}

	/* Wait only for the vCPUs that were started: the others would cost the whole wait. */
	for (uint32_t i = 0, waiting = started; waiting && i < AP_WAIT_YIELDS; i++) {
		waiting = 0;
		for (uint32_t cpu = 1; cpu < n; cpu++)
			waiting += running[cpu] && !__atomic_load_n(&report[cpu].done, __ATOMIC_ACQUIRE);
		if (waiting)
			xen_yield();
	}

	for (uint32_t cpu = 0; cpu < n; cpu++) {
		bool ok = __atomic_load_n(&report[cpu].done, __ATOMIC_ACQUIRE);

		if (running[cpu]) {
			xen_vcpu_stop(cpu);
			ap_stack_check(cpu);
		}
		/* Xen numbers vLAPICs 2 * vCPU: the best guess for a vCPU that never reported. */
		p->vcpus.apic_id[cpu] = ok ? report[cpu].apic_id : 2 * cpu;
		if (!ok) {
			log_error(" - CPU%u did not report; assuming APIC ID %u\n", cpu, 2 * cpu);
			continue;
		}
		log_printf(" - CPU%u APIC ID %u ... %u-bit phys ... fixed MTRRs ... var MTRRs [%u/%u] ... done.\n", cpu,
			   report[cpu].apic_id, p->vcpus.phys_bits, mtrr ? mtrr->nr_var : 0, mtrr ? mtrr->vcnt : 0);
	}
}
