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
 * fake daemon puts on the response ring, a chunk per wait. The client batches as
 * probe_config() does: three listings in one exchange, then four values in a second, so the
 * replies of several requests in flight share the ring (and the stream may answer them out
 * of order, twice, or not at all).
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

/* Oracle: a listing's nr names are NUL-separated inside its buffer. */
static void check_listing(const struct xs_op *op)
{
	size_t at = 0;

	for (uint32_t k = 0; k < op->nr; k++) {
		CHECK(at < op->len);
		at += strnlen(op->buf + at, op->len - at) + 1;
	}
	CHECK(at <= op->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	static char names[3][1024], vals[4][64];
	char s[81];
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
	struct xs_op dirs[] = {
		{ XS_DIRECTORY, "platform", names[0], sizeof(names[0]), 99, 99 },
		{ XS_DIRECTORY, "hvmloader", names[1], sizeof(names[1]), 99, 99 },
		{ XS_DIRECTORY, "bios-strings", names[2], sizeof(names[2]), 99, 99 },
	};
	struct xs_op reads[] = {
		{ XS_READ, "hvmloader/bios", vals[0], sizeof(vals[0]), 99, 99 },
		{ XS_READ, "platform/acpi", vals[1], sizeof(vals[1]), 99, 99 },
		{ XS_READ, "platform/mmio_hole_size", vals[2], sizeof(vals[2]), 99, 99 },
		{ XS_READ, "platform/generation-id", vals[3], 8, 99, 99 }, /* a short buffer */
	};
	xs_batch(&c, dirs, 3);
	xs_batch(&c, reads, 4);
	for (int i = 0; i < 3; i++) {
		int rc = dirs[i].rc;

		CHECK(rc == 0 || rc == -ERR_NOENT || rc == -ERR_NOSPC || rc == -ERR_XEN);
		if (rc == 0 || rc == -ERR_NOSPC /* names that fit */)
			check_listing(&dirs[i]);
	}
	for (int i = 0; i < 4; i++) {
		const struct xs_op *op = &reads[i];

		CHECK(op->rc == 0 || op->rc == -ERR_NOENT || op->rc == -ERR_NOSPC || op->rc == -ERR_XEN);
		if (op->rc)
			continue;
		/* Oracle: the value's length is inside the buffer, and it is terminated there. */
		CHECK(op->nr < op->len);
		CHECK(op->buf[op->nr] == '\0');
		parsers(op->buf);
	}
	return 0;
}
