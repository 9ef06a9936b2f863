#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Judge the GRUB guest from its log: ACPI checksums, e820 vs GRUB's map, PCI, SMBIOS, S5 halt.
#
# Usage: check.py check NAME LOG
#        check.py compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B
# LOG is check.sh's NAME.log: the firmware's "(dN) [t] text" lines (with the loader's
# "E820 table:"), dom0's BEGIN (the domain's UUID) and END (how it stopped) lines, and GRUB's
# COM1 output as "HVMCHAIN-TEST SERIAL NAME: text" (tests/xen/grub/grub.cfg makes it).
# Prints "PASS NAME/CHECK" or "FAIL NAME/CHECK: why" (with indented detail) per check.
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from verdicts import Checks, GuestLog, checker_main, checks_table, diff_sections, is_uefi, write_page  # noqa: E402

# GRUB's lsmmap words for the e820 types (grub-core/commands/lsmmap.c names them so).
GRUB_TYPE = {'RAM': 'available RAM', 'RESERVED': 'reserved RAM', 'ACPI': 'ACPI reclaimable RAM',
             'NVS': 'ACPI non-volatile storage RAM', 'UNUSABLE': 'faulty RAM (BadRAM)'}
# SeaBIOS takes RAM for itself after the loader's map is made (its EBDA below 640 KiB and
# its high-memory zone below the top of low RAM, both marked reserved in the map it gives
# the OS): that much loader RAM may show up as reserved in GRUB's map, no more.
SEABIOS_CARVE_MAX = 1 << 20
# Under UEFI (81-grub-ovmf-*) OVMF keeps more: its runtime services, the ACPI and SMBIOS tables
# it installs in its own memory (copies of the loader's), its reserved pages. GRUB counts boot
# services memory as available, so what is left out is what the OS must keep: 688 KiB under
# hvmchain and 712 KiB under hvmloader in a 256 MiB guest (2026-12-01).
OVMF_CARVE_MAX = 4 << 20


class Log(GuestLog):
    def __init__(self, name, path):
        super().__init__(name, path)
        # GRUB's serial terminal speaks vt100: drop its escape sequences.
        self.serial = [p.rstrip() for p in
                       self.serial_parts(lambda t: re.sub(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]', '', t))]
        begin = [l for l in self.lines if 'HVMCHAIN-TEST BEGIN %s ' % name in l]
        m = re.search(r'uuid=(\S+)', begin[-1]) if begin else None
        self.uuid = m.group(1) if m else None

    def section(self, tag):
        """GRUB's lines between 'GRUB-TEST TAG' and the next GRUB-TEST marker."""
        out, on = [], False
        for l in self.serial:
            if l.startswith('GRUB-TEST '):
                on = l == 'GRUB-TEST ' + tag
                continue
            if on and l.strip():
                out.append(l)
        return out

    def e820(self):
        """The loader's last printed e820: [(start, end, GRUB type words)]."""
        out = []
        for l in self.fw:
            if l.startswith('E820 table:'):
                out = []
            m = re.match(r'^ ?\[[0-9]+\]: ([0-9a-f]{8}):([0-9a-f]{8}) - ([0-9a-f]{8}):([0-9a-f]{8}): (\S+)', l)
            if m:
                s = int(m.group(1) + m.group(2), 16)
                e = int(m.group(3) + m.group(4), 16)
                out.append((s, e, GRUB_TYPE.get(m.group(5), m.group(5))))
        return out

    def mmap(self):
        out = []
        for l in self.section('LSMMAP'):
            m = re.match(r'base_addr = (0x[0-9a-f]+), length = (0x[0-9a-f]+), (.*)$', l)
            if m:
                s = int(m.group(1), 16)
                out.append((s, s + int(m.group(2), 16), m.group(3).strip()))
        return out

    def smbios(self):
        return dict(re.match(r'GRUB-TEST smbios ([a-z-]+)=(.*)$', l).groups()
                    for l in self.serial if re.match(r'GRUB-TEST smbios [a-z-]+=', l))


def fmt(r):
    return '%#012x-%#012x %s' % r


def e820_diff(loader, grub, uefi=False):
    """(ok, why, detail): GRUB's map against the loader's, allowing the firmware's own carve-outs."""
    if not loader:
        return False, 'no "E820 table:" from the loader in the log', []
    if not grub:
        return False, 'GRUB printed no memory map', []
    detail = []
    # A loader range that is not RAM is never available to GRUB; its ACPI and NVS ranges (what
    # an OS must keep) are in GRUB's map with the same type. Reserved ranges below 1 MiB may
    # shrink: SeaBIOS reports only what it keeps of its own area (0xF0000 up).
    for s, e, t in loader:
        if t == 'available RAM':
            continue
        if any(max(s, gs) < min(e, ge) for gs, ge, gt in grub if gt == 'available RAM'):
            detail.append('loader %s: available RAM to GRUB' % fmt((s, e, t)))
        # OVMF installs copies of the tables in memory of its own: the loader's area need not
        # be in its map at all, so only SeaBIOS, which hands the loader's tables on, is held to it.
        if not uefi and t in ('ACPI reclaimable RAM', 'ACPI non-volatile storage RAM') and \
                not any(gs <= s and e <= ge and gt == t for gs, ge, gt in grub):
            detail.append('loader %s: not in GRUB\'s map as such' % fmt((s, e, t)))
    # Every byte GRUB calls available must be loader RAM.
    ram = [(s, e) for s, e, t in loader if t == 'available RAM']
    for s, e, t in grub:
        if t != 'available RAM':
            continue
        if not any(rs <= s and e <= re_ for rs, re_ in ram):
            detail.append('GRUB %s: not RAM in the loader\'s map' % fmt((s, e, t)))
    # Loader RAM GRUB does not call available: the firmware's carve-outs, bounded.
    lost, most = 0, OVMF_CARVE_MAX if uefi else SEABIOS_CARVE_MAX
    for rs, re_ in ram:
        covered = sum(max(0, min(e, re_) - max(s, rs)) for s, e, t in grub if t == 'available RAM')
        lost += (re_ - rs) - covered
    if lost > most:
        detail.append('%d KiB of the loader\'s RAM is not available RAM to GRUB (%s takes at most %d KiB)'
                      % (lost >> 10, 'OVMF' if uefi else 'SeaBIOS', most >> 10))
    if detail:
        return False, 'GRUB\'s memory map disagrees with the loader\'s e820', detail
    return True, '', []


def run_checks(name, log, quiet=False):
    import io
    import contextlib
    c = Checks(name)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf if quiet else sys.stdout):
        ran = 'GRUB-TEST BEGIN' in log.serial
        c.result('grub-ran', ran and 'GRUB-TEST HALT' in log.serial,
                 'GRUB did not run its script to the end (%d COM1 lines)' % len(log.serial), log.serial[-8:])
        acpi = log.section('LSACPI')
        # Every checksum lsacpi prints (tables, and the RSDP's own and extended ones) must be
        # "(valid)"; GRUB looks for a revision 0 RSDP ("RSDPv1") and a 2+ one ("RSDPv2") apart.
        tables = [l for l in acpi if 'chksum' in l]
        bad = [l for l in tables if set(re.findall(r'chksum[:=]\s*\S+\s*\((\w+)\)', l)) != {'valid'}]
        sigs = {l.split()[0] for l in tables if re.match(r'^(RSDPv[12]|[A-Z0-9]{4}) ', l)}
        have_root = bool(sigs & {'RSDPv1', 'RSDPv2'}) and bool(sigs & {'RSDT', 'XSDT'})
        sigs = sorted(sigs)
        c.result('acpi-checksums', tables and not bad and have_root and {'FACP', 'APIC'} <= set(sigs),
                 'tables without "(valid)": %d of %d; seen %s' % (len(bad), len(tables), ' '.join(sigs)) if tables
                 else 'lsacpi listed no table', bad or acpi[:8])
        ok, why, detail = e820_diff(log.e820(), log.mmap(), is_uefi(name))
        c.result('e820', ok, why, detail)
        pci = log.section('LSPCI')
        ids = {m.group(1) for m in (re.match(r'^[0-9a-f]{2}:[0-9a-f]{2}\.[0-9] ([0-9a-f]{4}:[0-9a-f]{4})', l) for l in pci) if m}
        # i440FX host bridge, PIIX3 ISA bridge, the Xen platform device: what qemu-xen gives every HVM guest.
        want = {'8086:1237', '8086:7000', '5853:0001'}
        c.result('pci', want <= ids, 'missing %s' % ' '.join(sorted(want - ids)), pci[:10])
        sm = log.smbios()
        exp = {'bios-vendor': 'Xen', 'system-manufacturer': 'Xen', 'system-product': 'HVM domU',
               'system-uuid': (log.uuid or '?').lower()}
        got = {k: sm.get(k, '(not printed)') for k in exp}
        got['system-uuid'] = got['system-uuid'].lower()
        wrong = ['%s: GRUB read %r, the domain has %r' % (k, got[k], v) for k, v in exp.items() if got[k] != v]
        c.result('smbios', not wrong, '%d string(s) differ' % len(wrong), wrong)
        # halt --no-apm: ACPI or nothing; GRUB prints something and returns when ACPI fails.
        after = log.serial[log.serial.index('GRUB-TEST HALT') + 1:] if 'GRUB-TEST HALT' in log.serial else None
        c.result('poweroff-s5', log.state == 'poweroff' and after is not None and not any(l.strip() for l in after),
                 'domain ended %s; after "halt --no-apm" GRUB said: %s' % (
                     log.state, ' / '.join(l for l in (after or []) if l.strip()) or ('nothing' if after is not None
                                                                                   else '(never got there)')),
                 log.serial[-6:])
    return c, buf.getvalue()


def compare(scen, out, na, la, nb, lb):
    a, b = Log(na, la), Log(nb, lb)
    ca, _ = run_checks(na, a, quiet=True)
    cb, _ = run_checks(nb, b, quiet=True)
    p = ['# %s: %s vs %s (GRUB 2, %s)' % (scen, na, nb, 'UEFI' if is_uefi(na) else 'BIOS'), '',
         'What GRUB read from each firmware (its COM1 output; logs `%s`, `%s`).' % (la, lb), '']
    p += checks_table(na, ca, nb, cb) + ['']
    p += diff_sections(na, nb, (('Memory map (GRUB lsmmap)', a.section('LSMMAP'), b.section('LSMMAP')),
                                ('Loader e820', [fmt(r) for r in a.e820()], [fmt(r) for r in b.e820()]),
                                ('ACPI tables (GRUB lsacpi)', a.section('LSACPI'), b.section('LSACPI')),
                                ('PCI (GRUB lspci)', a.section('LSPCI'), b.section('LSPCI')),
                                ('SMBIOS (GRUB smbios)', ['%s=%s' % kv for kv in sorted(a.smbios().items())],
                                 ['%s=%s' % kv for kv in sorted(b.smbios().items())])))
    write_page(out, p)


def main(argv):
    return checker_main(argv, lambda name, log: run_checks(name, Log(name, log)), compare)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
