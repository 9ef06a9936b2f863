#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Judge the iPXE guest from its log: iPXE started and ran its script, and read the PCI functions and BARs the loader set.
#
# Usage: check.py check NAME LOG
#        check.py compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B
# LOG is check.sh's NAME.log: the firmware's "(dN) [t] text" lines (with each BAR the loader
# programmed, "pci dev DD:F bar RR size S: VALUE"), dom0's BEGIN/END lines, and the guest's
# VGA text screen as dom0 read it at the end, "HVMCHAIN-TEST SCREEN NAME: row" lines
# (#expect-screen). ipxe/test.ipxe prints one "P devfn" row per PCI function: the dwords at
# 0x00, 0x08 and 0x10-0x24 as iPXE's own PCI access read them.
# Prints "PASS NAME/CHECK" or "FAIL NAME/CHECK: why" (with indented detail) per check.
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from verdicts import Checks, GuestLog, checker_main, checks_table, diff_sections, write_page  # noqa: E402

# The dwords each "P" row holds, by config offset.
OFFSETS = (0x00, 0x08, 0x10, 0x14, 0x18, 0x1c, 0x20, 0x24)
# What qemu-xen gives every HVM guest: the i440FX host bridge, the PIIX3 ISA bridge and its IDE
# function (device << 16 | vendor, as iPXE prints the dword at 0x00). The iPXE guests run without
# the Xen platform device (see their cfgs).
WANT_IDS = {0x00: 0x12378086, 0x08: 0x70008086, 0x09: 0x70108086}


class Log(GuestLog):
    def __init__(self, name, path):
        super().__init__(name, path)
        tag = 'HVMCHAIN-TEST SCREEN %s: ' % name
        self.screen = [l[l.index(tag) + len(tag):] for l in self.lines if tag in l]

    def pci(self):
        """{devfn: {offset: dword}} from the screen's "P" rows."""
        out = {}
        for l in self.screen:
            m = re.match(r'^\s*P ([0-9]+)((?: [0-9a-f]{8}){8})\s*$', l)
            if m:
                out[int(m.group(1))] = dict(zip(OFFSETS, (int(v, 16) for v in m.group(2).split())))
        return out

    def bars(self):
        """The BARs the loader programmed: [(devfn, register, value)], a 64-bit BAR as two registers."""
        out = []
        for l in self.fw:
            m = re.match(r'^pci dev ([0-9a-f]{2}):([0-7]) bar ([0-9a-f]{2}) size [0-9a-f]+: ([0-9a-f]+)$', l)
            if m:
                devfn, reg, val = int(m.group(1), 16) * 8 + int(m.group(2)), int(m.group(3), 16), int(m.group(4), 16)
                out.append((devfn, reg, val & 0xFFFFFFFF))
                if val >> 32:
                    out.append((devfn, reg + 4, val >> 32))
        return out


def run_checks(name, log, quiet=False):
    import io
    import contextlib
    c = Checks(name)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf if quiet else sys.stdout):
        rows = [l.strip() for l in log.screen]
        c.result('ipxe-ran', 'iPXE initialising devices...ok' in rows and 'IPXE-TEST BEGIN' in rows
                 and 'IPXE-TEST END' in rows,
                 'the screen shows no iPXE start ("initialising devices...ok") and run of its script to the end'
                 if log.screen else 'dom0 read no screen', log.screen[-10:])
        pci = log.pci()
        wrong = ['%02x.%x: iPXE read %s, want %08x' % (d >> 3, d & 7, '%08x' % pci[d][0] if d in pci else 'no row', v)
                 for d, v in sorted(WANT_IDS.items()) if d not in pci or pci[d][0] != v]
        c.result('pci-devices', not wrong, 'iPXE does not see the platform\'s PCI functions', wrong)
        bars = [b for b in log.bars() if b[1] in OFFSETS]
        wrong = ['%02x.%x bar %02x: loader wrote %08x, iPXE read %s' % (
            d >> 3, d & 7, r, v, '%08x' % pci[d][r] if d in pci else 'no row')
            for d, r, v in bars if d not in pci or pci[d][r] != v]
        c.result('pci-bars', bars and not wrong,
                 'the loader logged no BAR iPXE could read' if not bars else
                 '%d of %d BARs differ from what the loader programmed' % (len(wrong), len(bars)), wrong)
    return c, buf.getvalue()


def compare(scen, out, na, la, nb, lb):
    a, b = Log(na, la), Log(nb, lb)
    ca, _ = run_checks(na, a, quiet=True)
    cb, _ = run_checks(nb, b, quiet=True)
    p = ['# %s: %s vs %s (iPXE, BIOS)' % (scen, na, nb), '',
         'What iPXE showed on the screen (read back by dom0; logs `%s`, `%s`).' % (la, lb), '']
    p += checks_table(na, ca, nb, cb) + ['']
    p += diff_sections(na, nb, (('PCI as iPXE reads it (devfn, then 0x00, 0x08, 0x10-0x24)',
                                 [l.strip() for l in a.screen if l.strip().startswith('P ')],
                                 [l.strip() for l in b.screen if l.strip().startswith('P ')]),
                                ('BARs the loader programmed (devfn, register, value)',
                                 ['%02x %02x %08x' % x for x in a.bars()], ['%02x %02x %08x' % x for x in b.bars()])))
    for n, lg in ((na, a), (nb, b)):
        p += ['## Screen, %s' % n, '', '```'] + lg.screen + ['```', '']
    write_page(out, p)


def main(argv):
    return checker_main(argv, lambda name, log: run_checks(name, Log(name, log)), compare)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
