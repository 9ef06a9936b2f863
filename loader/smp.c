/* SPDX-License-Identifier: GPL-2.0-only */
/* vCPU bring-up: the only code that runs on more than one CPU. */
#include <string.h>
#include "ap_stack.h"
#include "bug.h"
#include "console.h"
#include "hw/apic.h"
#include "hw/cpu.h"
#include "hvm_platform.h"
#include "hw/mem.h"
#include "hw/mtrr.h"
#include "smp.h"
#include "xen/hypercall.h"

void ap_entry(void);
void ap_main(uint32_t cpu) __attribute__((noreturn));

/* The real-mode start of an INIT-SIPI-SIPI AP (hw/sipi_entry.S), copied below 1 MiB. */
extern const uint8_t sipi_trampoline[], sipi_trampoline_end[];
/* Read by that AP once it is in 32-bit mode: its vCPU number and stack (one AP at a time). */
uint32_t sipi_ap_cpu, sipi_ap_esp;

/*
 * Where the trampoline goes: the BSP's stack slot in the low scratch, which no AP uses
 * (ap_stack.h). A STARTUP vector names a 4 KiB page below 1 MiB.
 */
#define SIPI_PAGE_PHYS LOW_SCRATCH_PHYS
_Static_assert(SIPI_PAGE_PHYS % 4096u == 0 && SIPI_PAGE_PHYS < BIOS_END, "a STARTUP vector names a page below 1 MiB");

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

/* Waits for vCPU cpu's report; false if it never came. */
static bool ap_wait(uint32_t cpu)
{
	for (uint32_t i = 0; i < AP_WAIT_YIELDS; i++) {
		if (__atomic_load_n(&report[cpu].done, __ATOMIC_ACQUIRE))
			return true;
		xen_yield();
	}
	return false;
}

/*
 * Starts, one at a time, the vCPUs Xen would not start by hypercall. Xen 4.17 refuses
 * VCPUOP_initialise for a vCPU whose vcpu_info is still the placeholder, which is every vCPU
 * from XEN_LEGACY_MAX_VCPUS (32) on until the guest registers one (common/compat/domain.c);
 * registering one here would stay in force for the OS, which could then not register its
 * own. Its virtual LAPIC still takes INIT-SIPI-SIPI, which needs no vcpu_info: Xen 4.17's
 * own hvmloader starts every AP that way (all 128 in 52-hvmloader-128vcpu). The destination is the APIC ID
 * Xen gives vCPU cpu, 2 * cpu (hvm/vlapic.c); the AP then reports the ID it really has.
 */
static void sipi_start_rest(uint32_t n)
{
	uint32_t len = (uint32_t)(sipi_trampoline_end - sipi_trampoline), started = 0;
	bool copied = false, failed = false;

	ASSERT(len <= AP_STACK_SIZE);
	for (uint32_t cpu = 1; cpu < n; cpu++) {
		if (running[cpu])
			continue;
		/* After an AP that never reported, the shared number and stack are no longer safe
		 * to hand to the next one: it could still be on its way through the trampoline. */
		if (failed) {
			log_error("CPU%u could not be started (an earlier INIT-SIPI-SIPI went unanswered)\n", cpu);
			continue;
		}
		if (!copied) {
			memcpy(phys_to_virt(SIPI_PAGE_PHYS), sipi_trampoline, len);
			copied = true;
		}
		__atomic_store_n(&sipi_ap_cpu, cpu, __ATOMIC_RELAXED);
		__atomic_store_n(&sipi_ap_esp, ap_stack_prepare(cpu), __ATOMIC_RELEASE);
		/* Stopped afterwards whatever happens: VCPUOP_down on a vCPU that never ran is harmless. */
		running[cpu] = true;
		if (lapic_start_ap(2 * cpu, SIPI_PAGE_PHYS) && ap_wait(cpu)) {
			started++;
			continue;
		}
		failed = true;
		log_error("CPU%u could not be started: neither VCPUOP_initialise nor INIT-SIPI-SIPI to APIC ID %u\n",
			  cpu, 2 * cpu);
	}
	if (started)
		log_printf("Started %u vCPUs by INIT-SIPI-SIPI (Xen refuses VCPUOP_initialise without a vcpu_info)\n",
			   started);
}

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
	}

	/* Wait only for the vCPUs that were started: the others would cost the whole wait. */
	for (uint32_t i = 0, waiting = started; waiting && i < AP_WAIT_YIELDS; i++) {
		waiting = 0;
		for (uint32_t cpu = 1; cpu < n; cpu++)
			waiting += running[cpu] && !__atomic_load_n(&report[cpu].done, __ATOMIC_ACQUIRE);
		if (waiting)
			xen_yield();
	}
	sipi_start_rest(n);

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
