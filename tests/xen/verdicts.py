# SPDX-License-Identifier: GPL-2.0-only
# What the guest checkers share: the guest's log as dom0 framed it, the PASS/FAIL lines, the
# comparison page's checks table and diffs, and the command line.
import os
import re


def guest_cfg(name):
    """The text of the guest's NAME.cfg, from $GUESTS (check.sh sets it) or tests/xen/guests."""
    folder = os.environ.get('GUESTS', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'guests'))
    with open(os.path.join(folder, name + '.cfg'), encoding='utf-8') as f:
        return f.read()


def is_uefi(name):
    """Whether the guest boots OVMF (bios="ovmf" in its cfg)."""
    return re.search(r'^bios *= *"ovmf"', guest_cfg(name), re.M) is not None


class GuestLog:
    """One guest's part of a serial log: the firmware's console lines (Xen's "(dN) [t] text",
    text only), what the guest wrote to COM1 (dom0's "HVMCHAIN-TEST SERIAL NAME: " lines) and how
    the domain ended (dom0's END line)."""

    def __init__(self, name, path):
        self.name = name
        with open(path, encoding='utf-8', errors='replace') as f:
            self.lines = f.read().splitlines()
        self.fw = [m.group(1) for m in (re.match(r'^\(d[0-9]+\) \[[^]]*\] ?(.*)$', l) for l in self.lines) if m]
        end = [l for l in self.lines if 'HVMCHAIN-TEST END %s ' % name in l]
        m = re.search(r'state=(\S+)', end[-1]) if end else None
        self.state = m.group(1) if m else 'unknown'

    def serial_parts(self, clean=lambda text: text):
        """The COM1 text of each SERIAL line, passed through clean(). Xen's and dom0's own console
        lines can land inside one (the last COM1 line has no newline): they are cut off."""
        ser = 'HVMCHAIN-TEST SERIAL %s: ' % self.name
        return [re.split(r'HVMCHAIN-TEST |\(XEN\) ', clean(l[l.index(ser) + len(ser):]))[0]
                for l in self.lines if ser in l]


class Checks:
    """One guest's verdicts: prints each as scripts/check.sh counts them and keeps the rows."""

    def __init__(self, name):
        self.name = name
        self.rows = []

    def result(self, check, ok, why='', detail=()):
        self.rows.append((check, ok, why))
        if ok:
            print('PASS %s/%s' % (self.name, check))
        else:
            print('FAIL %s/%s: %s' % (self.name, check, why))
            for d in list(detail)[:12]:
                print('    ' + d)


def checks_table(na, ca, nb, cb):
    """Markdown rows of both guests' verdicts side by side; a check whose outcome differs is marked."""
    rows = ['## Checks', '', '| check | %s | %s |' % (na, nb), '| --- | --- | --- |']
    rb = {k: (ok, why) for k, ok, why in cb.rows}

    def cell(ok, why):
        return 'pass' if ok else '**FAIL**: %s' % why.replace('|', '\\|')

    for k, ok, why in ca.rows:
        ok2, why2 = rb.get(k, (None, 'not run'))
        rows.append('| %s%s | %s | %s |' % (k, '' if ok == ok2 else ' **≠**', cell(ok, why), cell(ok2, why2)))
    return rows


def diff_sections(na, nb, sections):
    """Markdown for a comparison page: per (title, lines_a, lines_b), a unified diff of the two
    guests' lines, or "(identical)" and the lines."""
    import difflib
    out = []
    for title, sa, sb in sections:
        d = list(difflib.unified_diff(sa, sb, na, nb, n=1, lineterm=''))
        out += ['## ' + title, '', '```'] + (d[:60] if d else ['(identical)'] + sa) + ['```', '']
    return out


def write_page(path, lines):
    """Write a comparison page."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def checker_main(argv, check, compare):
    """The command line every checker has: `check NAME LOG` or `compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B`."""
    if len(argv) == 3 and argv[0] == 'check':
        check(argv[1], argv[2])
        return 0
    if len(argv) == 7 and argv[0] == 'compare':
        compare(*argv[1:])
        return 0
    return 'usage: check.py check NAME LOG | compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B'
