/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the $PIR builder: header, checksum and one barber-pole slot entry per interrupting device. */
#include <stdlib.h>
#include <string.h>
#include "err.h"
#include "bytes.h"
#include "harness.h"
#include "fixture.h"
#include "tables/tables.h"

#define PHYS 0x20000u

TEST(pir_lists_interrupting_devices_with_xens_links)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	static uint8_t mem[4096];
	struct arena a;
	uint32_t pa = 0;

	sample_add_func(p, 31, 0, 0x1AF4, 0x1000, 2);
	arena_init(&a, mem, PHYS, sizeof(mem));
	if (!CHECK_EQ(pir_build(p, &a, &pa), 0) || !CHECK(pa >= PHYS && pa < PHYS + sizeof(mem)))
		goto out;
	const uint8_t *h = mem + (pa - PHYS);
	/* What SeaBIOS's copy_pir() and Linux's pirq_check_routing_table() check. */
	CHECK(!memcmp(h, "$PIR", 4));
	CHECK_EQ(pa % 16, 0);
	CHECK_EQ(t_le16(h + 4), 0x0100);
	uint16_t size = t_le16(h + 6);
	/* Devices 1 (PM), 3 (platform), 4 (e1000) and 31 have pins; 0 and 2 do not. */
	CHECK_EQ(size, 32 + 4 * 16);
	CHECK_EQ(t_sum8(h, size), 0);
	CHECK_EQ(h[8], 0);
	CHECK_EQ(h[9], 0x08);
	CHECK_EQ(t_le16(h + 10), 0);
	CHECK_EQ(t_le16(h + 12), 0x8086);
	CHECK_EQ(t_le16(h + 14), 0x122E);

	static const uint8_t devs[] = { 1, 3, 4, 31 };
	for (int i = 0; i < 4; i++) {
		const uint8_t *s = h + 32 + 16 * i;
		CHECK_EQ(s[0], 0);
		CHECK_EQ(s[1], devs[i] << 3);
		for (int pin = 0; pin < 4; pin++) {
			/* Xen's barber pole: INTx of device d is PIRQ (d + x) mod 4, register 0x60 + n. */
			CHECK_EQ(s[2 + 3 * pin], 0x60 + (devs[i] + pin) % 4);
			CHECK_EQ(t_le16(s + 3 + 3 * pin), 0x0C20);
		}
		CHECK_EQ(s[14], devs[i]);
	}
out:
	free(p);
}

TEST(pir_reports_a_full_arena_and_nothing_to_route)
{
	struct platform *p = sample_platform(1, 1ull << 30, 0);
	uint8_t mem[40];
	struct arena a;
	uint32_t pa = 0;

	arena_init(&a, mem, PHYS, sizeof(mem));
	CHECK_EQ(pir_build(p, &a, &pa), -ERR_NOSPC);
	CHECK(strstr(console_text(), "$PIR: no room") != NULL);
	/* Nothing to route: no table at all, since an empty one is invalid to Linux. */
	for (uint32_t i = 0; i < p->pci.nr; i++)
		p->pci.func[i].int_pin = 0;
	CHECK_EQ(pir_build(p, &a, &pa), -ERR_NOENT);
	free(p);
}
