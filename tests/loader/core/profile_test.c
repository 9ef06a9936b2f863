/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the phase profile: charging time and counts to phases, and the summary lines' format. */
#include <stdio.h>
#include <string.h>
#include "harness.h"
#include "profile.h"

static uint64_t fake_now;

static uint64_t fake_clock(void)
{
	return fake_now;
}

/* Static: phase_enter() keeps using the last started profile after a test returns. */
static struct profile prof;

TEST(profile_charges_each_phase_what_happened_in_it)
{
	memset(counters, 0, sizeof(counters));
	fake_now = 1000;
	counters[COUNT_HYPERCALL] = 7; /* before the start: nobody's */
	profile_start(&prof, fake_clock);
	fake_now = 1500;
	counters[COUNT_IO] += 3; /* between start and the first phase: nobody's either */
	phase_enter(PHASE_PROBE);
	fake_now = 2500;
	counters[COUNT_HYPERCALL] += 4;
	counters[COUNT_CON_BYTES] += 100;
	counters[COUNT_CON_EXITS] += 100;
	phase_enter(PHASE_XENSTORE);
	fake_now = 4500;
	counters[COUNT_XS] += 12;
	counters[COUNT_HYPERCALL] += 24;
	phase_enter(PHASE_PROBE); /* re-entered: adds up */
	fake_now = 4600;
	counters[COUNT_HYPERCALL] += 1;
	phase_enter(PHASE_PCI_SCAN);
	fake_now = 5600;
	counters[COUNT_PCI_READ] += 50;
	counters[COUNT_PCI_WRITE] += 20;
	phase_enter(PHASE_NR);
	fake_now = 9999;
	counters[COUNT_PCI_READ] += 1000; /* after the end: nobody's */
	phase_enter(PHASE_NR);

	CHECK_EQ(prof.phase[PHASE_PROBE].tsc, 1100);
	CHECK_EQ(prof.phase[PHASE_PROBE].count[COUNT_HYPERCALL], 5);
	CHECK_EQ(prof.phase[PHASE_PROBE].count[COUNT_CON_BYTES], 100);
	CHECK_EQ(prof.phase[PHASE_PROBE].count[COUNT_IO], 0);
	CHECK_EQ(prof.phase[PHASE_XENSTORE].tsc, 2000);
	CHECK_EQ(prof.phase[PHASE_XENSTORE].count[COUNT_XS], 12);
	CHECK_EQ(prof.phase[PHASE_XENSTORE].count[COUNT_HYPERCALL], 24);
	CHECK_EQ(prof.phase[PHASE_PCI_SCAN].tsc, 1000);
	CHECK_EQ(prof.phase[PHASE_PCI_SCAN].count[COUNT_PCI_READ], 50);
	CHECK_EQ(prof.phase[PHASE_PCI_SCAN].count[COUNT_PCI_WRITE], 20);
	CHECK_EQ(prof.phase[PHASE_TABLES].tsc, 0);

	struct phase_stats t = profile_total(&prof);
	CHECK_EQ(t.tsc, 4100);
	CHECK_EQ(t.count[COUNT_HYPERCALL], 29);
	CHECK_EQ(t.count[COUNT_PCI_READ], 50);
	CHECK_EQ(t.count[COUNT_IO], 0);
}

TEST(profile_lines_parse_back_to_the_figures)
{
	char text[2048];
	char name[32];
	unsigned ms_whole, ms_frac, pcir, pciw, pcia, io, cb, ce, hc, xs;

	memset(&prof, 0, sizeof(prof));
	prof.phase[PHASE_PCI_PROGRAM].tsc = 3456789; /* at 1000000 kHz: 3.456 ms (truncated) */
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_PCI_READ] = 11;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_PCI_WRITE] = 22;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_PCI_ADDR] = 17;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_IO] = 33;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_CON_BYTES] = 440;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_CON_EXITS] = 4;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_HYPERCALL] = 55;
	prof.phase[PHASE_PCI_PROGRAM].count[COUNT_XS] = 66;
	prof.phase[PHASE_HANDOFF].tsc = 2000000;
	prof.phase[PHASE_HANDOFF].count[COUNT_XS] = 1;

	int n = profile_format(&prof, 1000000, text, sizeof(text));
	CHECK_EQ(n, strlen(text));

	/* Ten lines, each under Xen's 199-byte console line, in phase order. */
	int lines = 0;
	for (char *line = text; *line; lines++) {
		char *nl = strchr(line, '\n');
		if (!CHECK(nl != NULL))
			return;
		CHECK(nl - line < 199);
		line = nl + 1;
	}
	CHECK_EQ(lines, PHASE_NR + 1);
	CHECK(strncmp(text, "hvmchain: phase probe 0.000 ms pcir=0 ", 38) == 0);

	const char *l = strstr(text, "hvmchain: phase pci-program ");
	if (!CHECK(l != NULL))
		return;
	CHECK_EQ(sscanf(l, "hvmchain: phase %31s %u.%u ms pcir=%u pciw=%u pcia=%u io=%u con=%u/%u hc=%u xs=%u", name,
			&ms_whole, &ms_frac, &pcir, &pciw, &pcia, &io, &cb, &ce, &hc, &xs),
		 11);
	CHECK_STR(name, "pci-program");
	CHECK_EQ(ms_whole, 3);
	CHECK_EQ(ms_frac, 456);
	CHECK_EQ(pcir, 11);
	CHECK_EQ(pciw, 22);
	CHECK_EQ(pcia, 17);
	CHECK_EQ(io, 33);
	CHECK_EQ(cb, 440);
	CHECK_EQ(ce, 4);
	CHECK_EQ(hc, 55);
	CHECK_EQ(xs, 66);

	l = strstr(text, "hvmchain: phases total ");
	if (!CHECK(l != NULL))
		return;
	CHECK_EQ(sscanf(l, "hvmchain: phases total %u.%u ms pcir=%u pciw=%u pcia=%u io=%u con=%u/%u hc=%u xs=%u",
			&ms_whole, &ms_frac, &pcir, &pciw, &pcia, &io, &cb, &ce, &hc, &xs),
		 10);
	CHECK_EQ(pcia, 17);
	CHECK_EQ(ms_whole, 5);
	CHECK_EQ(ms_frac, 456);
	CHECK_EQ(xs, 67);
	CHECK_EQ(ce, 4);
	/* Zero-padded decimals: 2 ms + 5 us is "2.005", not "2.5". */
	prof.phase[PHASE_HANDOFF].tsc = 2005000;
	profile_format(&prof, 1000000, text, sizeof(text));
	CHECK(strstr(text, "hvmchain: phase handoff 2.005 ms ") != NULL);
}

TEST(profile_without_tsc_rate_or_room)
{
	char text[64];

	memset(&prof, 0, sizeof(prof));
	prof.phase[PHASE_VCPUS].tsc = 12345;
	char big[2048];
	int need = profile_format(&prof, 0, big, sizeof(big));
	CHECK(strstr(big, "hvmchain: phase vcpus ? ms pcir=0 ") != NULL);
	/* Too small: cut, NUL-terminated, and the length it needed is returned. */
	CHECK_EQ(profile_format(&prof, 0, text, sizeof(text)), need);
	CHECK_EQ(strlen(text), sizeof(text) - 1);
	CHECK(strncmp(text, big, sizeof(text) - 1) == 0);
}
