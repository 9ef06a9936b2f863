/* SPDX-License-Identifier: GPL-2.0-only */
/* Fuzzes the xenstore client with arbitrary daemon replies, and the value parsers with arbitrary strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xen/abi.h"
#include <xen/io/xs_wire.h>
#include "err.h"
#include "fuzz.h"
#include "harness.h"
#include "lib/parse.h"
#include "xenstore.h"

/*
 * Input: a NUL-ended string for the parsers (at most 80 bytes), then the byte stream the
 * fake daemon puts on the response ring, a chunk per wait. The client reads a value, lists
 * bios-strings/ and reads two more values, as probe_config() does.
 */
static struct xenstore_domain_interface ring;
static struct fuzz_in stream;

static void daemon_wait(void *ctx)
{
	(void)ctx;
	/* Requests are consumed whole; replies arrive in chunks of the stream's choosing. */
	ring.req_cons = ring.req_prod;
	uint32_t room = XENSTORE_RING_SIZE - (ring.rsp_prod - ring.rsp_cons);
	uint8_t chunk;
	if (!fuzz_take(&stream, &chunk, 1))
		return;
	uint32_t n = chunk < room ? chunk : room;
	for (uint32_t i = 0; i < n && stream.len; i++) {
		ring.rsp[MASK_XENSTORE_IDX(ring.rsp_prod)] = (char)*stream.data++;
		stream.len--;
		ring.rsp_prod++;
	}
}

static void notify(void *ctx)
{
	(void)ctx;
}

static const struct xs_transport transport = { .notify = notify, .wait = daemon_wait };

static void parsers(const char *s)
{
	uint64_t v, lo, hi;
	bool b;
	char back[32];

	/* Oracle: a number parse_u64 accepts prints back to a string it reads as the same. */
	if (parse_u64(s, &v)) {
		snprintf(back, sizeof(back), "%llu", (unsigned long long)v);
		uint64_t again;
		CHECK(parse_u64(back, &again) && again == v);
		CHECK(s[0] >= '0' && s[0] <= '9');
	}
	if (parse_bool(s, &b))
		CHECK(!strcmp(s, b ? "1" : "0") || !strcmp(s, b ? "true" : "false"));
	if (parse_u64_pair(s, &lo, &hi))
		CHECK(strchr(s, ':') != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	char s[81], val[64], names[2048];
	uint32_t nr;
	size_t n = 0;

	console_clear();
	while (n < sizeof(s) - 1 && in.len && *in.data) {
		s[n++] = (char)*in.data++;
		in.len--;
	}
	s[n] = '\0';
	if (in.len) {
		in.data++;
		in.len--;
	}
	parsers(s);

	memset(&ring, 0, sizeof(ring));
	stream = in;
	struct xs_client c;
	xs_init(&c, &ring, &transport);
	static const char *const keys[] = { "platform/acpi", "platform/mmio_hole_size" };
	for (int i = 0; i < 3; i++) {
		int rc = i == 1 ? xs_directory(&c, "bios-strings", names, sizeof(names), &nr)
				: xs_read(&c, keys[i / 2], val, sizeof(val));
		if (i == 1 && (rc == 0 || rc == -ERR_NOSPC /* names that fit */)) {
			/* Oracle: the names counted are NUL-separated within the buffer. */
			size_t at = 0;
			for (uint32_t k = 0; k < nr; k++) {
				CHECK(at < sizeof(names));
				at += strnlen(names + at, sizeof(names) - at) + 1;
			}
			CHECK(at <= sizeof(names));
		} else if (i != 1 && rc == 0) {
			CHECK(strnlen(val, sizeof(val)) < sizeof(val));
			parsers(val);
		}
	}
	return 0;
}
