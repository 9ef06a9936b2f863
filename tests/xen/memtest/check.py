#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Judge the memtest86+ guest from its log: replay memtest's COM1 screen, then CPUs started and memory size.
#
# Usage: check.py check NAME LOG
#        check.py compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B
# Env: GUESTS, the cfg folder (check.sh sets it): the domain's vcpus= comes from NAME.cfg.
# LOG is check.sh's NAME.log: the firmware's "(dN) [t] text" lines (with the loader's
# "E820 table:"), dom0's BEGIN/END lines, and COM1 as "HVMCHAIN-TEST SERIAL NAME: text" lines
# (dom0 folds them at 256 bytes). With console=ttyS0 memtest86+ 6 copies its 80x25 screen to
# COM1 as VT100 cursor moves ("ESC [ row ; col H") followed by that row's text, never a newline
# (its system/serial.c), so the screen is rebuilt here and read at the places memtest's
# app/display.h draws its fields: row 5 "Memory  :" (size, kB-scaled), row 7 "SMP: nT (mode)"
# (the CPUs it found enabled in the MADT or MP table) and "Status:". It writes "Testing" there
# only after smp_start() saw every one of those CPUs come up; otherwise it shows "Failed to
# start CPU core N" and waits for a key.
# Prints "PASS NAME/CHECK" or "FAIL NAME/CHECK: why" (with indented detail) per check.
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from verdicts import Checks, GuestLog, checker_main, checks_table, guest_cfg, write_page  # noqa: E402

ROWS, COLS = 25, 80
# memtest rounds its page count to the nearest MiB (display.c); SeaBIOS keeps up to 1 MiB of
# the loader's RAM for itself (its EBDA and high tables, reserved in the e820 it hands on).
SLACK_KIB = 1024 + 512


def screen(stream):
    """The final 80x25 screen a VT100 shows after STREAM (only what memtest sends)."""
    s = [[' '] * COLS for _ in range(ROWS)]
    r = c = 0
    i = 0
    while i < len(stream):
        ch = stream[i]
        if ch == '\x1b':
            m = re.match(r'\x1b\[([0-9;?]*)([A-Za-z])', stream[i:])
            if not m:
                i += 1
                continue
            args, op = m.group(1), m.group(2)
            if op in 'Hf':
                p = [int(x) if x.isdigit() else 1 for x in (args.split(';') + ['1', '1'])[:2]]
                r, c = min(max(p[0], 1), ROWS) - 1, min(max(p[1], 1), COLS) - 1
            elif op == 'J' and args == '2':
                s = [[' '] * COLS for _ in range(ROWS)]
            i += m.end()
            continue
        if ch == '\n':
            r, c = min(r + 1, ROWS - 1), 0
        elif ch == '\r':
            c = 0
        elif ' ' <= ch <= '~' and c < COLS:
            s[r][c] = ch
            c += 1
        i += 1
    return [''.join(row).rstrip() for row in s]


def kib(num, unit):
    return int(num) << {'K': 0, 'M': 10, 'G': 20, 'T': 30}[unit.upper()]


class Log(GuestLog):
    def __init__(self, name, path):
        super().__init__(name, path)
        # dom0's fold put the newlines in; memtest positions every row itself.
        self.stream = ''.join(self.serial_parts())
        self.screen = screen(self.stream)

    def e820_ram_kib(self):
        """RAM in the loader's last printed e820, KiB (None if it printed none)."""
        total, seen = 0, False
        for l in self.fw:
            if l.startswith('E820 table:'):
                total, seen = 0, True
            m = re.match(r'^ ?\[[0-9]+\]: ([0-9a-f]{8}):([0-9a-f]{8}) - ([0-9a-f]{8}):([0-9a-f]{8}): RAM', l)
            if m:
                total += (int(m.group(3) + m.group(4), 16) - int(m.group(1) + m.group(2), 16)) >> 10
        return total if seen else None

    def fields(self):
        """What memtest's screen says: version, memory KiB, SMP threads and mode, status, failure."""
        sc = self.screen
        f = {}
        m = re.search(r'Memtest86\+ v(\S+)', sc[0])
        f['version'] = m.group(1) if m else None
        m = re.match(r'Memory  :\s*([0-9]+)([KMGT])B', sc[5])
        f['memory_kib'] = kib(*m.groups()) if m else None
        # Row 7: "SMP: " at column 26 (its value at 31), "Status: " at 60 (its value at 68,
        # the spinner at 77).
        smp = sc[7][26:42].ljust(16)
        m = re.match(r'SMP: ([0-9]+)T \((\w+)\)', smp)
        f['threads'] = int(m.group(1)) if m else None
        f['cpu_mode'] = m.group(2) if m else None
        f['smp_disabled'] = smp.startswith('SMP: Disabled')
        f['status'] = sc[7][68:77].strip() if sc[7][60:67] == 'Status:' else None
        m = re.search(r'Failed to start CPU core ([0-9]+)', self.stream)
        f['failed_cpu'] = int(m.group(1)) if m else None
        return f


def run_checks(name, log, vcpus, quiet=False):
    import io
    import contextlib
    c = Checks(name)
    buf = io.StringIO()
    f = log.fields()
    shown = ['screen: ' + r for r in log.screen[:9] if r]
    with contextlib.redirect_stdout(buf if quiet else sys.stdout):
        c.result('memtest-ran', f['version'] is not None,
                 'no memtest86+ screen on COM1 (%d bytes of COM1)' % len(log.stream), [repr(log.stream[-300:])])
        c.result('cpus', f['threads'] == vcpus and not f['smp_disabled'],
                 'memtest found %s CPUs (%s), the domain has %d vCPUs' % (
                     f['threads'], 'SMP disabled' if f['smp_disabled'] else f['cpu_mode'], vcpus), shown)
        c.result('cpus-started', f['status'] == 'Testing' and f['failed_cpu'] is None,
                 'memtest failed to start CPU core %s' % f['failed_cpu'] if f['failed_cpu'] is not None
                 else 'status %r: memtest did not start testing (it does once every CPU is up)' % f['status'],
                 shown)
        ram = log.e820_ram_kib()
        mem = f['memory_kib']
        c.result('memory-size', ram is not None and mem is not None and ram - SLACK_KIB <= mem <= ram + 512,
                 'memtest says %s KiB, the loader\'s e820 has %s KiB of RAM' % (mem, ram), shown)
    return c, buf.getvalue(), f


def cfg_vcpus(name):
    """The guest's vcpus= from its cfg (dom0 does not print it)."""
    m = re.search(r'^vcpus *= *([0-9]+)', guest_cfg(name), re.M)
    return int(m.group(1)) if m else 1


def compare(scen, out, na, la, nb, lb):
    a, b = Log(na, la), Log(nb, lb)
    ca, _, fa = run_checks(na, a, cfg_vcpus(na), quiet=True)
    cb, _, fb = run_checks(nb, b, cfg_vcpus(nb), quiet=True)
    p = ['# %s: %s vs %s (memtest86+, BIOS)' % (scen, na, nb), '',
         'What memtest86+ showed on its screen (rebuilt from COM1; logs `%s`, `%s`).' % (la, lb), '']
    p += checks_table(na, ca, nb, cb)
    p += ['', '## Fields', '', '| field | %s | %s |' % (na, nb), '| --- | --- | --- |']
    for k in fa:
        p.append('| %s%s | %s | %s |' % (k, '' if fa[k] == fb[k] else ' **≠**', fa[k], fb[k]))
    p += ['', '| loader e820 RAM, KiB | %s | %s |' % (a.e820_ram_kib(), b.e820_ram_kib()), '']
    for n, lg in ((na, a), (nb, b)):
        p += ['## Screen, %s' % n, '', '```'] + lg.screen + ['```', '']
    write_page(out, p)


def main(argv):
    return checker_main(argv, lambda name, log: run_checks(name, Log(name, log), cfg_vcpus(name)), compare)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
