/* SPDX-License-Identifier: GPL-2.0-only */
/* A minimal, synchronous xenstore client over the shared ring (Xen's io/xs_wire.h protocol). */
#ifndef HVMCHAIN_XENSTORE_H
#define HVMCHAIN_XENSTORE_H

#include <stddef.h>
#include <stdint.h>

struct xenstore_domain_interface;

/* How the client reaches the store daemon: the target uses an event channel and SCHEDOP_poll. */
struct xs_transport {
	void (*notify)(void *ctx);
	/* Blocks until the daemon may have answered or a short timeout passes. */
	void (*wait)(void *ctx);
	void *ctx;
};

struct xs_client {
	struct xenstore_domain_interface *ring;
	const struct xs_transport *t;
	uint32_t req_id;
	int broken; /* a timeout or protocol error: later requests fail at once */
};

/* How many waits a request may take before the daemon counts as gone. */
#define XS_MAX_WAITS 200

void xs_init(struct xs_client *c, struct xenstore_domain_interface *ring, const struct xs_transport *t);

/*
 * One request, on path relative to the domain's home (e.g. "platform/acpi"), its answer in
 * buf (len bytes, a terminator included):
 * - XS_READ: the value as a NUL-terminated string; nr is its length.
 * - XS_DIRECTORY: the children's names, NUL-separated; nr counts them. One request where
 *   reading every possible key would take dozens.
 * rc is 0; -ERR_NOENT when path is absent (ENOENT); -ERR_NOSPC when the answer does not fit
 * (a listing then keeps, and counts, the names that fit whole); -ERR_XEN on any other error
 * reply, a timeout or a malformed reply.
 */
struct xs_op {
	uint32_t type;
	const char *path;
	char *buf;
	size_t len;
	int rc;      /* out */
	uint32_t nr; /* out */
};

/* The most requests xs_batch() has in flight at once. */
#define XS_BATCH_MAX 32

/*
 * Several requests in one exchange: all of a group go into the ring before the first reply
 * is awaited, and one notify wakes the daemon for them all, where one at a time each would be
 * a round trip through dom0's scheduler. xenstored answers a ring's requests in order. A group
 * holds what fits in the request ring (XS_BATCH_MAX at most); more go in further groups.
 */
void xs_batch(struct xs_client *c, struct xs_op *ops, uint32_t n);

/*
 * Leaves the ring as the guest OS's xenbus expects to find it: with a server that can
 * reconnect, asks it to (connection = XENSTORE_RECONNECT) and waits until it has;
 * otherwise empties both rings and zeroes their indexes, as hvmloader does.
 */
void xs_shutdown(struct xs_client *c);

#endif
