/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes hvm_start_info and module-list parsing over an arbitrary 64 KiB of guest memory. */
#include <stdlib.h>
#include <string.h>
#include "err.h"
#include "fuzz.h"
#include "harness.h"
#include "start_info.h"

/* Input: the start info's address (4 bytes), then guest memory from physical 0x100000. */
#define MEM_BASE 0x100000u
#define MEM_SIZE 0x10000u
#define IMAGE_START 0x104000u
#define IMAGE_END 0x106000u
/* The most bytes an input can use (run.sh passes it as -max_len): the address, then memory. */
#define FUZZ_MAX_LEN 65540
_Static_assert(FUZZ_MAX_LEN == 4 + MEM_SIZE, "max_len");

static uint8_t *mem;

static const void *map(void *ctx, uint64_t paddr, uint64_t len)
{
	(void)ctx;
	if (paddr < MEM_BASE || paddr - MEM_BASE >= MEM_SIZE || len > MEM_SIZE - (paddr - MEM_BASE) || !len)
		return NULL;
	return mem + (paddr - MEM_BASE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	const struct phys_view pv = { .map = map };
	struct start_info_result r;
	char why[160];

	if (!mem)
		mem = malloc(MEM_SIZE);
	console_clear();
	uint32_t si = MEM_BASE + fuzz_u32(&in) % (MEM_SIZE + 64);
	fuzz_take(&in, mem, MEM_SIZE);
	int rc = start_info_read(&pv, si, IMAGE_START, IMAGE_END, &r, why, sizeof(why));
	/* Oracle: a firmware module is only ever reported inside readable memory, non-empty,
	 * clear of the loader image. */
	if (!rc && r.have_firmware) {
		CHECK(r.firmware.size > 0);
		CHECK(map(NULL, r.firmware.paddr, r.firmware.size) != NULL);
		CHECK(r.firmware.paddr >= IMAGE_END || r.firmware.paddr + r.firmware.size <= IMAGE_START);
	}
	if (rc)
		CHECK(strnlen(why, sizeof(why)) > 0 && strnlen(why, sizeof(why)) < sizeof(why));
	return 0;
}
