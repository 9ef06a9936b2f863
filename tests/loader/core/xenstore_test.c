/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the xenstore client against a fake store daemon written here from the wire protocol. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xen/abi.h"
#include <xen/io/xs_wire.h>
#include "err.h"
#include "harness.h"
#include "xenstore.h"

static struct xenstore_domain_interface ring;

/* The fake daemon's behaviour. */
static struct {
	int silent;      /* never answers */
	int watch_first; /* sends a watch event before each reply */
	int reconnect;   /* supports reconnection, and completes it */
	int waits, notifies;
	uint32_t most_pending; /* the most whole requests seen waiting in the ring at once */
	char last_path[256];
} d;

static const struct {
	const char *key, *value;
} store[] = {
	{ "platform/acpi", "1" },
	{ "hvmloader/bios", "seabios" },
	{ "platform/generation-id", "123:456" },
	{ "long", "0123456789abcdefghijklmnopqrstuvwxyz" },
};

static void rsp_put(const void *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		ring.rsp[MASK_XENSTORE_IDX(ring.rsp_prod + i)] = ((const char *)p)[i];
	ring.rsp_prod += n;
}

static void reply(uint32_t type, uint32_t req_id, const char *payload, uint32_t len)
{
	struct xsd_sockmsg m = { type, req_id, 0, len };

	rsp_put(&m, sizeof(m));
	rsp_put(payload, len);
}

/* Consumes one whole request if present and answers it. */
static void daemon_step(void *ctx)
{
	(void)ctx;
	d.waits++;
	if (ring.connection == XENSTORE_RECONNECT && d.reconnect) {
		ring.req_cons = ring.req_prod = ring.rsp_cons = ring.rsp_prod = 0;
		ring.connection = XENSTORE_CONNECTED;
	}
	if (d.silent || ring.req_prod - ring.req_cons < sizeof(struct xsd_sockmsg))
		return;
	/* Count the whole requests waiting, as a daemon woken once would find them. */
	uint32_t pending = 0;
	for (uint32_t at = ring.req_cons; ring.req_prod - at >= sizeof(struct xsd_sockmsg);) {
		struct xsd_sockmsg h;
		for (uint32_t i = 0; i < sizeof(h); i++)
			((char *)&h)[i] = ring.req[MASK_XENSTORE_IDX(at + i)];
		if (ring.req_prod - at < sizeof(h) + h.len)
			break;
		at += sizeof(h) + h.len;
		pending++;
	}
	if (pending > d.most_pending)
		d.most_pending = pending;
	struct xsd_sockmsg m;
	char *b = (char *)&m;
	for (uint32_t i = 0; i < sizeof(m); i++)
		b[i] = ring.req[MASK_XENSTORE_IDX(ring.req_cons + i)];
	if (ring.req_prod - ring.req_cons < sizeof(m) + m.len)
		return;
	char path[256] = "";
	for (uint32_t i = 0; i < m.len && i < sizeof(path); i++)
		path[i] = ring.req[MASK_XENSTORE_IDX(ring.req_cons + sizeof(m) + i)];
	ring.req_cons += sizeof(m) + m.len;
	strcpy(d.last_path, path);

	if (d.watch_first)
		reply(XS_WATCH_EVENT, 0, "some/path\0tok", 14);
	if (m.type == XS_DIRECTORY && !strcmp(path, "bios-strings")) {
		reply(XS_DIRECTORY, m.req_id, "bios-vendor\0oem-1\0oem-2", 24);
		return;
	}
	if (m.type != XS_READ || path[m.len - 1] != '\0') {
		reply(XS_ERROR, m.req_id, "EINVAL", 7);
		return;
	}
	for (size_t i = 0; i < sizeof(store) / sizeof(store[0]); i++)
		if (!strcmp(store[i].key, path)) {
			reply(XS_READ, m.req_id, store[i].value, (uint32_t)strlen(store[i].value));
			return;
		}
	reply(XS_ERROR, m.req_id, "ENOENT", 7);
}

static void notify(void *ctx)
{
	(void)ctx;
	d.notifies++;
}

static const struct xs_transport fake = { .notify = notify, .wait = daemon_step };

/* One request on its own, as a batch of one. */
static int xs_read(struct xs_client *c, const char *path, char *buf, size_t len)
{
	struct xs_op op = { XS_READ, path, buf, len, 99, 99 };

	xs_batch(c, &op, 1);
	return op.rc;
}

static int xs_directory(struct xs_client *c, const char *path, char *buf, size_t len, uint32_t *nr)
{
	struct xs_op op = { XS_DIRECTORY, path, buf, len, 99, 99 };

	xs_batch(c, &op, 1);
	*nr = op.nr;
	return op.rc;
}

static void fresh(uint32_t start_idx)
{
	memset(&ring, 0, sizeof(ring));
	memset(&d, 0, sizeof(d));
	/* Indexes are free-running 32-bit counters: start near the wrap when asked. */
	ring.req_cons = ring.req_prod = ring.rsp_cons = ring.rsp_prod = start_idx;
}

TEST(xenstore_reads_values_and_absent_keys)
{
	struct xs_client c;
	char buf[64];

	fresh(0);
	xs_init(&c, &ring, &fake);
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "1");
	CHECK_STR(d.last_path, "platform/acpi");
	CHECK_EQ(xs_read(&c, "hvmloader/bios", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "seabios");
	CHECK_EQ(xs_read(&c, "bios-strings/bios-vendor", buf, sizeof(buf)), -ERR_NOENT);
	CHECK(d.notifies > 0);
	/* All bytes consumed on both rings. */
	CHECK_EQ(ring.req_prod, ring.req_cons);
	CHECK_EQ(ring.rsp_prod, ring.rsp_cons);
}

TEST(xenstore_survives_index_wraparound_and_many_requests)
{
	struct xs_client c;
	char buf[64];

	fresh(0xFFFFFF00u);
	xs_init(&c, &ring, &fake);
	for (int i = 0; i < 100; i++) {
		if (!CHECK_EQ(xs_read(&c, "platform/generation-id", buf, sizeof(buf)), 0))
			return;
		if (!CHECK_STR(buf, "123:456"))
			return;
	}
	CHECK(ring.req_prod < 0x10000u); /* it really did wrap */
}

TEST(xenstore_skips_watch_events)
{
	struct xs_client c;
	char buf[64];

	fresh(1000);
	xs_init(&c, &ring, &fake);
	d.watch_first = 1;
	CHECK_EQ(xs_read(&c, "hvmloader/bios", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "seabios");
}

TEST(xenstore_value_too_long_for_buffer)
{
	struct xs_client c;
	char small[8], buf[64];

	fresh(0);
	xs_init(&c, &ring, &fake);
	CHECK_EQ(xs_read(&c, "long", small, sizeof(small)), -ERR_NOSPC);
	/* The reply was drained: the next request still works. */
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "1");
}

TEST(xenstore_silent_daemon_times_out_without_hanging)
{
	struct xs_client c;
	char buf[64];

	fresh(0);
	xs_init(&c, &ring, &fake);
	d.silent = 1;
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), -ERR_XEN);
	CHECK(d.waits <= XS_MAX_WAITS + 1);
	/* Once broken, later reads fail at once rather than wait again. */
	int before = d.waits;
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), -ERR_XEN);
	CHECK_EQ(d.waits, before);
	CHECK(strstr(console_text(), "no reply") != NULL);
}

TEST(xenstore_corrupt_indexes_are_an_error)
{
	struct xs_client c;
	char buf[64];

	fresh(0);
	xs_init(&c, &ring, &fake);
	ring.rsp_prod = 5000; /* more "available" than the ring holds */
	d.silent = 1;
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), -ERR_XEN);
}

TEST(xenstore_shutdown_reconnects_or_resets)
{
	struct xs_client c;
	char buf[64];

	fresh(0);
	xs_init(&c, &ring, &fake);
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), 0);
	ring.server_features = XENSTORE_SERVER_FEATURE_RECONNECTION;
	d.reconnect = 1;
	xs_shutdown(&c);
	CHECK_EQ(ring.connection, XENSTORE_CONNECTED);
	CHECK_EQ(ring.req_prod, 0);

	/* Without reconnection support the rings are emptied and the indexes zeroed. */
	fresh(77);
	xs_init(&c, &ring, &fake);
	CHECK_EQ(xs_read(&c, "platform/acpi", buf, sizeof(buf)), 0);
	xs_shutdown(&c);
	CHECK_EQ(ring.req_prod, 0);
	CHECK_EQ(ring.rsp_cons, 0);
	CHECK_EQ((unsigned char)ring.req[5], 0xff);
	CHECK_EQ((unsigned char)ring.rsp[1023], 0xff);
}

TEST(xenstore_lists_a_directory_in_one_request)
{
	struct xs_client c;
	char buf[64];
	uint32_t nr = 99;

	fresh(0);
	xs_init(&c, &ring, &fake);
	CHECK_EQ(xs_directory(&c, "bios-strings", buf, sizeof(buf), &nr), 0);
	CHECK_EQ(nr, 3);
	CHECK_STR(buf, "bios-vendor");
	CHECK_STR(buf + 12, "oem-1");
	CHECK_STR(buf + 18, "oem-2");
	/* The fake answers other directories with an error, as for a missing key. */
	CHECK_EQ(xs_directory(&c, "platform", buf, sizeof(buf), &nr), -ERR_XEN);
	CHECK_EQ(nr, 0);
	CHECK_EQ(xs_directory(&c, "bios-strings", buf, 10, &nr), -ERR_NOSPC);
}

TEST(xenstore_directory_too_long_keeps_the_names_that_fit)
{
	struct xs_client c;
	char buf[20];
	uint32_t nr = 99;

	fresh(0);
	xs_init(&c, &ring, &fake);
	/* 24 bytes of names in 20: the two whole ones are kept, the cut one is not. */
	CHECK_EQ(xs_directory(&c, "bios-strings", buf, sizeof(buf), &nr), -ERR_NOSPC);
	CHECK_EQ(nr, 2);
	CHECK_STR(buf, "bios-vendor");
	CHECK_STR(buf + 12, "oem-1");
	/* The reply was consumed whole: the next request works. */
	CHECK_EQ(xs_directory(&c, "bios-strings", buf, sizeof(buf), &nr), -ERR_NOSPC);
	char v[8];
	CHECK_EQ(xs_read(&c, "platform/acpi", v, sizeof(v)), 0);
	CHECK_STR(v, "1");
}

TEST(xenstore_request_notifies_the_daemon_once)
{
	struct xs_client c;
	char v[8];

	fresh(0xFFFFFFF0u);
	xs_init(&c, &ring, &fake);
	CHECK_EQ(xs_read(&c, "platform/acpi", v, sizeof(v)), 0);
	/* The request; reading a reply out of a ring that was not full needs no wake-up. */
	CHECK_EQ(d.notifies, 1);
}

TEST(xenstore_batch_sends_every_request_before_the_first_reply)
{
	struct xs_client c;
	char acpi[8], bios[16], missing[8], small[4], names[64];
	struct xs_op ops[] = {
		{ XS_READ, "platform/acpi", acpi, sizeof(acpi), 99, 99 },
		{ XS_DIRECTORY, "bios-strings", names, sizeof(names), 99, 99 },
		{ XS_READ, "hvmloader/bios", bios, sizeof(bios), 99, 99 },
		{ XS_READ, "no/such/key", missing, sizeof(missing), 99, 99 },
		{ XS_READ, "long", small, sizeof(small), 99, 99 },
		{ XS_READ, "platform/acpi", acpi, 0, 99, 99 }, /* no room at all: never sent */
	};

	fresh(0xFFFFFF00u);
	xs_init(&c, &ring, &fake);
	xs_batch(&c, ops, 6);
	CHECK_EQ(d.most_pending, 5);
	CHECK_EQ(d.notifies, 1);
	CHECK_EQ(ops[0].rc, 0);
	CHECK_STR(acpi, "1");
	CHECK_EQ(ops[1].rc, 0);
	CHECK_EQ(ops[1].nr, 3);
	CHECK_STR(names + strlen(names) + 1, "oem-1");
	CHECK_EQ(ops[2].rc, 0);
	CHECK_STR(bios, "seabios");
	CHECK_EQ(ops[2].nr, 7);
	CHECK_EQ(ops[3].rc, -ERR_NOENT);
	CHECK_EQ(ops[4].rc, -ERR_NOSPC);
	CHECK_EQ(ops[5].rc, -ERR_NOSPC);
	/* The ring is left clean: a plain read after the batch gets its own reply. */
	CHECK_EQ(xs_read(&c, "platform/generation-id", acpi, sizeof(acpi)), 0);
	CHECK_STR(acpi, "123:456");
}

TEST(xenstore_batch_larger_than_the_ring_goes_in_groups)
{
	struct xs_client c;
	static char paths[40][64];
	static char vals[40][8];
	struct xs_op ops[40];

	fresh(0);
	xs_init(&c, &ring, &fake);
	for (int i = 0; i < 40; i++) {
		/* 16 + 40 bytes each: 18 fit in the 1 KiB request ring. */
		snprintf(paths[i], sizeof(paths[i]), "%s/%038d", i % 2 ? "x" : "y", i);
		ops[i] = (struct xs_op){ XS_READ, paths[i], vals[i], sizeof(vals[i]), 99, 99 };
	}
	ops[7].path = "platform/acpi";
	xs_batch(&c, ops, 40);
	CHECK(d.most_pending <= 18);
	CHECK(d.most_pending >= 17);
	CHECK_EQ(d.notifies, 3);
	CHECK_EQ(ops[7].rc, 0);
	CHECK_STR(vals[7], "1");
	for (int i = 0; i < 40; i++)
		if (i != 7)
			CHECK_EQ(ops[i].rc, -ERR_NOENT);
}
