/* SPDX-License-Identifier: GPL-2.0-only */
/* Phase bookkeeping over the exit counters, and the summary lines `make bench` parses. */
#include <string.h>
#include "lib/div64.h"
#include "lib/printf.h"
#include "profile.h"

const char *const phase_names[PHASE_NR] = {
	[PHASE_PROBE] = "probe",           [PHASE_XENSTORE] = "xenstore",
	[PHASE_PCI_SCAN] = "pci-scan",     [PHASE_PCI_PROGRAM] = "pci-program",
	[PHASE_PCI_DECODE] = "pci-decode", [PHASE_VCPUS] = "vcpus",
	[PHASE_TABLES] = "tables",         [PHASE_PAYLOAD] = "payload",
	[PHASE_HANDOFF] = "handoff",
};

/* The profile phase_enter() feeds: one per boot, so setup code need not carry it around. */
static struct profile *active;

void profile_start(struct profile *pr, uint64_t (*clock)(void))
{
	memset(pr, 0, sizeof(*pr));
	pr->clock = clock;
	pr->cur = -1;
	pr->since_tsc = clock();
	memcpy(pr->since, counters, sizeof(pr->since));
	active = pr;
}

void phase_enter(enum phase next)
{
	struct profile *pr = active;

	if (!pr)
		return;
	uint64_t now = pr->clock();
	if (pr->cur >= 0 && pr->cur < PHASE_NR) {
		struct phase_stats *s = &pr->phase[pr->cur];

		s->tsc += now - pr->since_tsc;
		for (int k = 0; k < COUNT_KINDS; k++)
			s->count[k] += counters[k] - pr->since[k];
	}
	pr->cur = next < PHASE_NR ? (int)next : -1;
	pr->since_tsc = now;
	memcpy(pr->since, counters, sizeof(pr->since));
}

struct phase_stats profile_total(const struct profile *pr)
{
	struct phase_stats t;

	memset(&t, 0, sizeof(t));
	for (int i = 0; i < PHASE_NR; i++) {
		t.tsc += pr->phase[i].tsc;
		for (int k = 0; k < COUNT_KINDS; k++)
			t.count[k] += pr->phase[i].count[k];
	}
	return t;
}

/* Appends one line at buf + *at; *at grows by what the line needs, even past len. */
static void format_line(char *buf, size_t len, size_t *at, const char *label, const struct phase_stats *s, uint32_t khz)
{
	char ms[24];
	const uint32_t *c = s->count;

	if (khz) {
		/* cycles / kHz = ms; the remainder gives the three decimals. */
		uint32_t rem;
		uint64_t whole = div64_32(s->tsc, khz, &rem);

		fmt_snprintf(ms, sizeof(ms), "%llu.%03u", (unsigned long long)whole,
			     (uint32_t)div64_32((uint64_t)rem * 1000, khz, NULL));
	} else {
		memcpy(ms, "?", 2);
	}
	int n = fmt_snprintf(*at < len ? buf + *at : NULL, *at < len ? len - *at : 0,
			     "hvmchain: %s %s ms pcir=%u pciw=%u pcia=%u io=%u con=%u/%u hc=%u xs=%u\n", label, ms,
			     c[COUNT_PCI_READ], c[COUNT_PCI_WRITE], c[COUNT_PCI_ADDR], c[COUNT_IO], c[COUNT_CON_BYTES],
			     c[COUNT_CON_EXITS], c[COUNT_HYPERCALL], c[COUNT_XS]);
	*at += (size_t)n;
}

int profile_format(const struct profile *pr, uint32_t khz, char *buf, size_t len)
{
	char label[32];
	size_t at = 0;

	if (len)
		buf[0] = '\0';
	for (int i = 0; i < PHASE_NR; i++) {
		fmt_snprintf(label, sizeof(label), "phase %s", phase_names[i]);
		format_line(buf, len, &at, label, &pr->phase[i], khz);
	}
	struct phase_stats t = profile_total(pr);
	format_line(buf, len, &at, "phases total", &t, khz);
	return (int)at;
}
