/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the libFuzzer harnesses: reading structured values off the fuzzer's bytes. */
#ifndef HVMCHAIN_FUZZ_H
#define HVMCHAIN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes not yet consumed. Reads past the end give zeros. */
struct fuzz_in {
	const uint8_t *data;
	size_t len;
};

size_t fuzz_take(struct fuzz_in *in, void *dst, size_t n);
uint32_t fuzz_u32(struct fuzz_in *in);
uint64_t fuzz_u64(struct fuzz_in *in);

#endif
