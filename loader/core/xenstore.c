/* SPDX-License-Identifier: GPL-2.0-only */
/* The xenstore request/reply codec over the ring; transport injected, so tests run a fake daemon. */
#include <stdbool.h>
#include <string.h>
#include "xen/abi.h"
#include <xen/io/xs_wire.h>
#include "console.h"
#include "counters.h"
#include "err.h"
#include "xenstore.h"

/* Ring indexes are shared with another domain: keep the compiler from caching or reordering. */
#define barrier() __asm__ volatile("" ::: "memory")

void xs_init(struct xs_client *c, struct xenstore_domain_interface *ring, const struct xs_transport *t)
{
	c->ring = ring;
	c->t = t;
	c->req_id = 0;
	c->broken = 0;
}

static uint32_t read_idx(const volatile uint32_t *p)
{
	uint32_t v = *p;

	barrier();
	return v;
}

/* Copies len bytes into the request ring, waiting for room; false on timeout. */
static int put(struct xs_client *c, const void *data, uint32_t len)
{
	struct xenstore_domain_interface *r = c->ring;
	const char *d = data;
	int waits = 0;

	while (len) {
		uint32_t cons = read_idx(&r->req_cons), prod = r->req_prod;
		uint32_t used = prod - cons;

		if (used > XENSTORE_RING_SIZE)
			return -ERR_XEN; /* corrupt indexes */
		if (used == XENSTORE_RING_SIZE) {
			if (++waits > XS_MAX_WAITS)
				return -ERR_XEN;
			c->t->notify(c->t->ctx);
			c->t->wait(c->t->ctx);
			continue;
		}
		uint32_t n = XENSTORE_RING_SIZE - used;
		if (n > len)
			n = len;
		for (uint32_t i = 0; i < n; i++)
			r->req[MASK_XENSTORE_IDX(prod + i)] = d[i];
		barrier(); /* the bytes before the index that publishes them */
		r->req_prod = prod + n;
		d += n;
		len -= n;
	}
	return 0;
}

/* Copies len reply bytes out of the response ring, waiting for them; false on timeout. */
static int get(struct xs_client *c, void *data, uint32_t len)
{
	struct xenstore_domain_interface *r = c->ring;
	char *d = data;
	int waits = 0;

	while (len) {
		uint32_t prod = read_idx(&r->rsp_prod), cons = r->rsp_cons;
		uint32_t avail = prod - cons;

		if (avail > XENSTORE_RING_SIZE)
			return -ERR_XEN;
		if (!avail) {
			if (++waits > XS_MAX_WAITS)
				return -ERR_XEN;
			c->t->wait(c->t->ctx);
			continue;
		}
		uint32_t n = avail < len ? avail : len;
		for (uint32_t i = 0; i < n; i++)
			d[i] = r->rsp[MASK_XENSTORE_IDX(cons + i)];
		barrier(); /* read the bytes before handing their space back */
		r->rsp_cons = cons + n;
		/* Only a ring that was full, now or since prod was read, can have the daemon
		 * waiting for room (Linux's xenbus checks the same after a full fence): any
		 * other notify just wakes it for nothing, a trip through dom0. */
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		if (read_idx(&r->rsp_prod) - cons >= XENSTORE_RING_SIZE)
			c->t->notify(c->t->ctx);
		d += n;
		len -= n;
	}
	return 0;
}

/* Reads and drops len bytes of a reply we do not want. */
static int skip(struct xs_client *c, uint32_t len)
{
	char sink[64];

	while (len) {
		uint32_t n = len < sizeof(sink) ? len : sizeof(sink);
		int rc = get(c, sink, n);

		if (rc)
			return rc;
		len -= n;
	}
	return 0;
}

/* Puts one request on path into the ring (not yet notified); its id goes in *id. */
static int send_request(struct xs_client *c, uint32_t type, const char *path, uint32_t *id)
{
	size_t plen = strlen(path) + 1;
	struct xsd_sockmsg msg = { .type = type, .req_id = ++c->req_id, .tx_id = 0 };
	int rc;

	if (c->broken)
		return -ERR_XEN;
	if (plen > XENSTORE_REL_PATH_MAX)
		return -ERR_NOSPC;
	msg.len = (uint32_t)plen;
	*id = msg.req_id;
	count_add(COUNT_XS, 1);
	rc = put(c, &msg, sizeof(msg));
	if (!rc)
		rc = put(c, path, (uint32_t)plen);
	if (rc) {
		c->broken = 1;
		log_error("xenstore: no room in the ring; using defaults\n");
	}
	return rc;
}

/* Reads the reply to request id, of the request's type, into buf (len bytes at most, not
 * terminated); returns the reply's length or a negative error. A longer reply is
 * -ERR_NOSPC; with cut set, its first len bytes are kept and *cut says so. */
static int recv_reply(struct xs_client *c, uint32_t type, uint32_t id, char *buf, size_t len, bool *cut)
{
	int rc;

	if (c->broken)
		return -ERR_XEN;
	for (;;) {
		struct xsd_sockmsg rsp;

		rc = get(c, &rsp, sizeof(rsp));
		if (rc)
			goto broken;
		if (rsp.len > XENSTORE_PAYLOAD_MAX) {
			log_error("xenstore: reply of %u bytes exceeds the protocol's %u\n", rsp.len,
				  XENSTORE_PAYLOAD_MAX);
			rc = -ERR_XEN;
			goto broken;
		}
		/* Watch events can arrive unasked; this client sets no watches, but skip them. */
		if (rsp.type == XS_WATCH_EVENT || rsp.req_id != id) {
			rc = skip(c, rsp.len);
			if (rc)
				goto broken;
			continue;
		}
		if (rsp.type == XS_ERROR) {
			char err[16] = "";
			uint32_t n = rsp.len < sizeof(err) - 1 ? rsp.len : sizeof(err) - 1;

			rc = get(c, err, n);
			if (!rc)
				rc = skip(c, rsp.len - n);
			if (rc)
				goto broken;
			err[n] = '\0';
			return !strcmp(err, "ENOENT") ? -ERR_NOENT : -ERR_XEN;
		}
		if (rsp.type != type) {
			rc = skip(c, rsp.len);
			if (rc)
				goto broken;
			return -ERR_XEN;
		}
		if (rsp.len > len) {
			rc = cut ? get(c, buf, (uint32_t)len) : 0;
			if (!rc)
				rc = skip(c, rsp.len - (cut ? (uint32_t)len : 0));
			if (rc)
				goto broken;
			if (!cut)
				return -ERR_NOSPC;
			*cut = true;
			return (int)len;
		}
		rc = get(c, buf, rsp.len);
		if (rc)
			goto broken;
		return (int)rsp.len;
	}

broken:
	/* Half a message may sit in a ring now: do not send more through it. */
	c->broken = 1;
	log_error("xenstore: no reply from the store daemon; using defaults\n");
	return rc;
}

/* The reply to one op, finished as struct xs_op promises. */
static void finish(struct xs_client *c, struct xs_op *op, uint32_t id)
{
	bool cut = false;
	bool dir = op->type == XS_DIRECTORY;
	/* Neither value nor listing is terminated on the wire: keep a byte for it. */
	int n = recv_reply(c, op->type, id, op->buf, op->len - 1, dir ? &cut : NULL);

	op->nr = 0;
	if (n < 0) {
		op->rc = n;
		return;
	}
	char *buf = op->buf;
	/* A cut listing keeps only its whole names: drop the one the cut went through. */
	while (cut && n && buf[n - 1] != '\0')
		n--;
	buf[n] = '\0';
	if (!dir) {
		op->nr = (uint32_t)n;
	} else {
		/* Names come NUL-separated, the last one terminated too; make sure of that. */
		for (int i = 0; i < n; i++)
			op->nr += buf[i] == '\0';
		if (n && buf[n - 1] != '\0')
			op->nr++;
	}
	op->rc = cut ? -ERR_NOSPC : 0;
}

void xs_batch(struct xs_client *c, struct xs_op *ops, uint32_t n)
{
	uint32_t ids[XS_BATCH_MAX];

	for (uint32_t first = 0; first < n;) {
		/* A group is what fits in the request ring at once (a longer one alone), so no put()
		 * waits for the daemon while its replies are not being read. */
		uint32_t end = first, bytes = 0;

		while (end < n && end - first < XS_BATCH_MAX) {
			uint32_t need = (uint32_t)(sizeof(struct xsd_sockmsg) + strlen(ops[end].path) + 1);

			if (end > first && bytes + need > XENSTORE_RING_SIZE)
				break;
			bytes += need;
			end++;
		}
		bool sent = false;
		for (uint32_t i = first; i < end; i++) {
			struct xs_op *op = &ops[i];

			ids[i - first] = 0;
			op->nr = 0;
			op->rc = op->len ? send_request(c, op->type, op->path, &ids[i - first]) : -ERR_NOSPC;
			sent |= op->rc == 0;
		}
		if (sent)
			c->t->notify(c->t->ctx);
		for (uint32_t i = first; i < end; i++)
			if (ops[i].rc == 0)
				finish(c, &ops[i], ids[i - first]);
		first = end;
	}
}

void xs_shutdown(struct xs_client *c)
{
	struct xenstore_domain_interface *r = c->ring;

	if (read_idx(&r->server_features) & XENSTORE_SERVER_FEATURE_RECONNECTION) {
		r->connection = XENSTORE_RECONNECT;
		barrier();
		c->t->notify(c->t->ctx);
		for (int i = 0; i < XS_MAX_WAITS && read_idx(&r->connection) != XENSTORE_CONNECTED; i++)
			c->t->wait(c->t->ctx);
		if (read_idx(&r->connection) == XENSTORE_CONNECTED)
			return;
		log_error("xenstore: the daemon did not finish reconnecting the ring\n");
		return;
	}
	/* No reconnect support: leave empty rings and zero indexes for the OS to start from. */
	memset(r->req, 0xff, sizeof(r->req));
	memset(r->rsp, 0xff, sizeof(r->rsp));
	barrier();
	r->req_cons = r->req_prod = 0;
	r->rsp_cons = r->rsp_prod = 0;
}
