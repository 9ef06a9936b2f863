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
