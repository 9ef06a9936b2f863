/* SPDX-License-Identifier: GPL-2.0-only */
/* Tests the vNUMA check against layouts as Xen returns them for `vnuma=` configs. */
#include <string.h>
#include "xen/abi.h"
#include "err.h"
#include "harness.h"
#include "vnuma.h"

static uint32_t distance[4] = { 10, 20, 20, 10 };
static uint32_t vcpu_to_vnode[4] = { 0, 0, 1, 1 };
static struct xen_vmemrange ranges[3] = {
	{ .start = 0, .end = 0x8000000, .nid = 0 },
	{ .start = 0x8000000, .end = 0xF0000000, .nid = 1 },
	{ .start = 0x100000000ull, .end = 0x110000000ull, .nid = 1 },
};

/* Two nodes of two vCPUs, the second node's memory split by the MMIO hole. */
static struct xen_vnuma_buffers two_nodes(void)
{
	return (struct xen_vnuma_buffers){ 2, 4, 3, distance, vcpu_to_vnode, ranges };
}

TEST(vnuma_copies_a_two_node_layout)
{
	static struct platform_vnuma v;
	struct xen_vnuma_buffers b = two_nodes();

	CHECK_EQ(vnuma_from_xen(&v, 4, &b), 0);
	CHECK_EQ(v.nr_vnodes, 2);
	CHECK_EQ(v.nr_vmemranges, 3);
	CHECK_EQ(v.vcpu_to_vnode[1], 0);
	CHECK_EQ(v.vcpu_to_vnode[2], 1);
	CHECK_EQ(v.vmemrange[2].start, 0x100000000ull);
	CHECK_EQ(v.vmemrange[2].end, 0x110000000ull);
	CHECK_EQ(v.vmemrange[2].nid, 1);
	CHECK_EQ(v.distance[0 * 2 + 1], 20);
	CHECK_EQ(v.distance[1 * 2 + 1], 10);
}

TEST(vnuma_refuses_inconsistent_layouts)
{
	static struct platform_vnuma v;
	struct xen_vnuma_buffers b;

	b = two_nodes();
	b.nr_vnodes = 0;
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), -ERR_INVAL);
	b = two_nodes();
	b.nr_vnodes = PLATFORM_MAX_VNODES + 1;
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), -ERR_INVAL);
	b = two_nodes();
	b.nr_vcpus = 3; /* fewer mapped than the domain has */
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), -ERR_INVAL);
	b = two_nodes();
	vcpu_to_vnode[3] = 2;
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), -ERR_INVAL);
	vcpu_to_vnode[3] = 1;
	ranges[1].nid = 5;
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), -ERR_INVAL);
	ranges[1].nid = 1;
	ranges[0].end = 0;
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), -ERR_INVAL);
	ranges[0].end = 0x8000000;
	CHECK_EQ(v.nr_vnodes, 0); /* left empty on refusal */
	CHECK(strstr(console_text(), "vNUMA layout refused: memory range on a node past the last") != NULL);
	CHECK_EQ(vnuma_from_xen(&v, 4, &b), 0);
}

/* PLATFORM_MAX_VNODES (16) nodes and PLATFORM_MAX_VMEMRANGES (32) ranges are copied whole;
 * one node or one range more is refused and leaves the platform without vNUMA. */
TEST(vnuma_16_nodes_and_32_ranges_fit_one_more_is_refused)
{
	enum {
		N = PLATFORM_MAX_VNODES + 1,
		R = PLATFORM_MAX_VMEMRANGES + 1
	};
	static uint32_t dist[N * N], cpu_node[N];
	static struct xen_vmemrange r[R];
	static struct platform_vnuma v;

	for (uint32_t i = 0; i < N * N; i++)
		dist[i] = i % (N + 1) ? 20 : 10;
	for (uint32_t i = 0; i < R; i++)
		r[i] = (struct xen_vmemrange){ .start = i * 0x4000000ull, .end = (i + 1) * 0x4000000ull, .nid = i / 2 };
	for (uint32_t i = 0; i < N; i++)
		cpu_node[i] = i;

	struct xen_vnuma_buffers b = {
		PLATFORM_MAX_VNODES, PLATFORM_MAX_VNODES, PLATFORM_MAX_VMEMRANGES, dist, cpu_node, r
	};
	CHECK_EQ(vnuma_from_xen(&v, PLATFORM_MAX_VNODES, &b), 0);
	CHECK_EQ(v.nr_vnodes, PLATFORM_MAX_VNODES);
	CHECK_EQ(v.nr_vmemranges, PLATFORM_MAX_VMEMRANGES);
	CHECK_EQ(v.vmemrange[PLATFORM_MAX_VMEMRANGES - 1].end, PLATFORM_MAX_VMEMRANGES * 0x4000000ull);
	CHECK_EQ(v.vmemrange[PLATFORM_MAX_VMEMRANGES - 1].nid, PLATFORM_MAX_VNODES - 1);
	CHECK_EQ(v.vcpu_to_vnode[PLATFORM_MAX_VNODES - 1], PLATFORM_MAX_VNODES - 1);

	b.nr_vmemranges = R; /* the 33rd range on node 0: nothing but the count refuses it */
	r[R - 1].nid = 0;
	console_clear();
	CHECK_EQ(vnuma_from_xen(&v, PLATFORM_MAX_VNODES, &b), -ERR_INVAL);
	CHECK_EQ(v.nr_vnodes, 0);
	CHECK(strstr(console_text(), "memory ranges (33, 32)") != NULL);

	b.nr_vmemranges = PLATFORM_MAX_VMEMRANGES;
	b.nr_vnodes = N;
	b.nr_vcpus = N;
	console_clear();
	CHECK_EQ(vnuma_from_xen(&v, N, &b), -ERR_INVAL);
	CHECK_EQ(v.nr_vnodes, 0);
	CHECK(strstr(console_text(), "nodes (17, 16)") != NULL);
}
