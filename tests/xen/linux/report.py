#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Host side of the Linux guest reports: decode them with iasl/dmidecode, check them, compare two firmwares.
#
#   report.py check NAME CFG REPORT_DIR GUEST_LOG
#       Decodes REPORT_DIR (the guest's tar, unpacked by run.sh) into REPORT_DIR/decoded/ and prints
#       "PASS NAME/check" or "FAIL NAME/check: why" lines. GUEST_LOG is check.sh's NAME.log: the
#       guest's "(dN)" firmware lines and dom0's lines about it (BEGIN with the UUID, SERIAL ...).
#       hvmloader guests (no firmware="/test/hvmchain" in CFG) get only issue 3's checks: the
#       report arrived and the tables decode cleanly. hvmchain guests get all of them.
#   report.py compare SCENARIO OUT.md NAME_A DIR_A LOG_A NAME_B DIR_B LOG_B
#       One Markdown page putting the two guests' reports side by side.
#
# CFG comment lines read here (besides check.sh's):
#   #expect-dmi: FILE=VALUE   /sys/class/dmi/id/FILE must read VALUE (bios-strings/* tests)
#   #expect-oem: TEXT         an SMBIOS type 11 OEM string must be TEXT
#   #expect-log: ERE          a firmware "(dN)" console line must match
#   #expect-dmesg: ERE        a kernel log line must match
#   #expect-smbios: ERE       a line of dmidecode's output must match
#   #expect-acpi-device: HID  Linux has an ACPI device with this _HID (/sys/bus/acpi/devices),
#                             under either firmware
#   #expect-hotplug: LINE     a line init.sh wrote while the host ran xl vcpu-set (its hotplug file),
#                             under either firmware
#   #expect-kernel: ERE       the kernel's "Linux version" line must match, under either firmware
#                             (which kernel flavour the image booted)
#   #expect-numa: LINE        Linux's NUMA nodes, one "nodeN cpus=LIST distance=D..." line each,
#                             must be exactly these (checked for hvmloader guests too)
#   #reject-smbios: ERE       no line of dmidecode's output may match
#   #report-checks: basic     only the checks hvmloader guests get
#   #report-checks: boot      only that Linux booted and wrote its report: for a firmware that
#                             drops the loader's tables (Debian's OVMF.fd looks for them in QEMU's
#                             fw_cfg, which Xen lacks), under either loader; the page still shows all
# UEFI guests (bios="ovmf") are judged like the others, except that OVMF republishes SMBIOS
# through its own entry point (any version counts) and nothing checks SeaBIOS's lines.
import difflib
import glob
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

# Kernel log lines that name firmware mistakes, whatever their level.
FW_BUG_RE = re.compile(r'ACPI Error|ACPI BIOS Error|ACPI Warning|FIRMWARE BUG|BIOS bug', re.I)
# dmidecode marks what it could not decode in its output rather than failing.
DMI_BAD_RE = re.compile(r'<BAD INDEX>|<OUT OF SPEC>|<TRUNCATED>|Invalid entry length|DMI table is broken|'
                        r'Wrong DMI structures|checksum|Unsupported|is not a valid', re.I)
S5_LINE = 'ACPI: PM: Preparing to enter system sleep state S5'


def read(path, mode='r'):
    try:
        with open(path, mode) as f:
            return f.read()
    except OSError:
        return b'' if 'b' in mode else ''


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb' if isinstance(data, bytes) else 'w') as f:
        f.write(data)


def cfg_fields(cfg, key):
    return [line.split(':', 1)[1].strip() for line in read(cfg).splitlines() if line.startswith('#' + key + ':')]


def cfg_value(cfg, key):
    m = re.findall(r'^%s\s*=\s*"?([^"\n]*)"?' % key, read(cfg), re.M)
    return m[-1] if m else ''


class Report:
    """One guest's unpacked report plus its console log, with the facts the checks need."""

    def __init__(self, rdir, log):
        self.dir = rdir
        self.ok = os.path.isfile(os.path.join(rdir, 'dmesg.txt'))
        self.log_lines = read(log).splitlines()
        # "(dN) [time] text" lines: the firmware's (and SeaBIOS's) console.
        self.fw = [re.sub(r'^\(d\d+\) \[[^]]*\] ?', '', l) for l in self.log_lines if re.match(r'^\(d\d+\) ', l)]
        # Seconds on Xen's clock at each milestone, from the first firmware line.
        ts = [(float(m.group(1)), m.group(2)) for m in
              (re.match(r'^\(d\d+\) \[\s*([0-9.]+)\] ?(.*)', l) for l in self.log_lines) if m]
        self.timeline = []
        for label, rx in (('handover', r'^Invoking (SeaBIOS|OVMF)'), ('disk boot', r'^Booting from (Hard Disk|DVD/CD)'),
                          ('Linux', r'\[\s*0\.000000\] Linux version'),
                          ('init', r'GUEST: init up'), ('report', r'GUEST: report written'),
                          ('off', r'reboot: Power down')):
            hit = [t for t, x in ts if re.search(rx, x)]
            if ts and hit:
                self.timeline.append('%s %.1f' % (label, hit[0] - ts[0][0]))
        self.serial = [l.split(': ', 1)[1] for l in self.log_lines if re.match(r'HVMCHAIN-TEST SERIAL ', l)]
        m = [re.search(r' uuid=(\S+)', l) for l in self.log_lines if 'HVMCHAIN-TEST BEGIN ' in l]
        self.uuid = m[-1].group(1) if m and m[-1] else ''
        self.dmesg_raw = read(os.path.join(rdir, 'dmesg.txt')).splitlines()
        self.dmesg = []  # (level, text)
        for l in self.dmesg_raw:
            m = re.match(r'<(\d+)>(?:\[[^]]*\] ?)?(.*)', l)
            if m:
                self.dmesg.append((int(m.group(1)) & 7, m.group(2)))
            elif self.dmesg:  # a continuation line keeps its level
                self.dmesg.append((self.dmesg[-1][0], l))
        self.cmdline = read(os.path.join(rdir, 'cmdline')).strip()
        self.acpi_on = self.ok and 'acpi=off' not in self.cmdline.split()

    def s5(self):
        """The kernel's console (earlyprintk=xen) is among the "(dN)" lines; the report predates poweroff."""
        return any(S5_LINE in l for l in self.fw + self.serial)

    def file(self, *p):
        return read(os.path.join(self.dir, *p))

    def text(self):
        return [t for _, t in self.dmesg]

    def grep(self, rx):
        r = re.compile(rx)
        return [t for t in self.text() if r.search(t)]

    def warnings(self):
        """Kernel lines at warning level or worse, and any line naming a firmware bug."""
        return [t for lvl, t in self.dmesg if lvl <= 4 or FW_BUG_RE.search(t)]

    def e820(self):
        return [re.sub(r'^.*BIOS-e820: ', '', t) for t in self.grep(r'BIOS-e820: ')]

    def acpi_tables(self):
        d = os.path.join(self.dir, 'acpi')
        return sorted(f for f in os.listdir(d) if os.path.isfile(os.path.join(d, f))) if os.path.isdir(d) else []

    def pci(self):
        """{bdf: {vendor, device, class, irq, driver, res: [(start, end, flags)] x 7}}"""
        out = {}
        for d in sorted(glob.glob(os.path.join(self.dir, 'pci', '*'))):
            dev = {k: read(os.path.join(d, k)).strip() for k in ('vendor', 'device', 'class', 'irq', 'driver')}
            dev['res'] = [tuple(int(x, 16) for x in l.split()) for l in read(os.path.join(d, 'resource')).splitlines()]
            out[os.path.basename(d)] = dev
        return out

    # --- decoding with the real tools, results cached under decoded/ ---
    def decode(self):
        dec = os.path.join(self.dir, 'decoded')
        if os.path.isdir(dec):
            shutil.rmtree(dec)
        os.makedirs(os.path.join(dec, 'acpi'))
        self.iasl = {}  # table -> (ok, messages)
        for t in self.acpi_tables():
            with tempfile.TemporaryDirectory() as tmp:
                shutil.copy(os.path.join(self.dir, 'acpi', t), os.path.join(tmp, t + '.dat'))
                cmd = ['iasl', '-d', t + '.dat']
                if t.startswith('SSDT') and 'DSDT' in self.acpi_tables():
                    # An SSDT calls methods the DSDT defines: without it iasl warns about
                    # "external control methods" it cannot resolve, as it would for any OS.
                    shutil.copy(os.path.join(self.dir, 'acpi', 'DSDT'), os.path.join(tmp, 'DSDT.ext'))
                    cmd = ['iasl', '-e', 'DSDT.ext', '-d', t + '.dat']
                p = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
                dsl = os.path.join(tmp, t + '.dsl')
                msgs = [l for l in (p.stdout + p.stderr).splitlines() if re.search(r'\b(Error|Warning)\b', l)]
                if os.path.isfile(dsl):
                    shutil.copy(dsl, os.path.join(dec, 'acpi', t + '.dsl'))
                self.iasl[t] = (p.returncode == 0 and os.path.isfile(dsl), msgs or
                                ([] if p.returncode == 0 else (p.stdout + p.stderr).strip().splitlines()[-3:]))
        self.dmi_out, self.dmi_err, self.dmi_ok = '', 'no SMBIOS tables in the report', False
        dump = smbios_dump(read(os.path.join(self.dir, 'dmi', 'smbios_entry_point'), 'rb'),
                           read(os.path.join(self.dir, 'dmi', 'DMI'), 'rb'))
        if dump:
            write(os.path.join(dec, 'smbios.bin'), dump)
            p = subprocess.run(['dmidecode', '--from-dump', os.path.join(dec, 'smbios.bin')],
                               capture_output=True, text=True)
            self.dmi_out, self.dmi_err = p.stdout, p.stderr.strip()
            write(os.path.join(dec, 'dmidecode.txt'), p.stdout + p.stderr)
            bad = [l for l in p.stdout.splitlines() if DMI_BAD_RE.search(l)]
            self.dmi_ok = p.returncode == 0 and not self.dmi_err and not bad
            if bad:
                self.dmi_err = '; '.join(bad[:5])


def smbios_dump(ep, table):
    """dmidecode --dump-bin's layout: the entry point at 0 with its table address set to 32, the table at 32."""
    ep = bytearray(ep)
    if not table or len(ep) < 0x18:
        return None
    if ep[:5] == b'_SM3_':
        ep[0x10:0x18] = struct.pack('<Q', 32)
        ep[5] = 0
        ep[5] = -sum(ep[:ep[6]]) & 0xff
    elif ep[:4] == b'_SM_' and len(ep) >= 0x1f:
        ep[0x18:0x1c] = struct.pack('<I', 32)
        ep[0x15] = 0
        ep[0x15] = -sum(ep[0x10:0x1f]) & 0xff
        ep[4] = 0
        ep[4] = -sum(ep[:ep[5]]) & 0xff
    else:
        return None
    return bytes(ep.ljust(32, b'\0')) + table


class Checks:
    def __init__(self, name):
        self.name = name
        self.failed = 0

    def result(self, check, ok, why='', detail=()):
        if ok:
            print('PASS %s/%s' % (self.name, check))
        else:
            self.failed += 1
            print('FAIL %s/%s: %s' % (self.name, check, why))
            for d in list(detail)[:12]:
                print('    ' + d)


def fw_bars(r):
    """hvmchain's "pci dev DD:F bar RR size S: A" lines -> {(bdf, resource index): (addr, size)}"""
    out = {}
    for l in r.fw:
        m = re.match(r'pci dev ([0-9a-f]{2}):([0-9a-f]) bar ([0-9a-f]{2}) size ([0-9a-f]+): ([0-9a-f]+)', l)
        if m:
            reg = int(m.group(3), 16)
            idx = 6 if reg == 0x30 else (reg - 0x10) // 4
            bdf = '0000:00:%s.%s' % (m.group(1), m.group(2))
            out[(bdf, idx)] = (int(m.group(5), 16), int(m.group(4), 16))
    return out


def linux_scan(r):
    """What Linux read from each BAR when it scanned the bus: {(bdf, resource index): (start, end)}."""
    out = {}
    for t in r.text():
        m = re.match(r'pci (\S+): (?:BAR (\d+)|(ROM)) \[(?:io|mem)\s+0x([0-9a-f]+)(?:-0x([0-9a-f]+))?', t)
        if m and not t.rstrip().endswith(('assigned', 'released')) and (m.group(1), 6 if m.group(3) else int(m.group(2))) not in out:
            a = int(m.group(4), 16)
            out[(m.group(1), 6 if m.group(3) else int(m.group(2)))] = (a, int(m.group(5), 16) if m.group(5) else a)
    return out


def covered(ranges, lo, hi):
    """Whether the union of [a, b] ranges covers [lo, hi]."""
    at = lo
    for a, b in sorted(ranges):
        if a <= at <= b:
            at = b + 1
        if at > hi:
            return True
    return at > hi


def mtrr_uc(r):
    out = []
    for l in r.file('mtrr').splitlines():
        m = re.search(r'base=0x([0-9a-f]+).*size=\s*(\d+)([KMG])B.*uncachable', l)
        if m:
            size = int(m.group(2)) << {'K': 10, 'M': 20, 'G': 30}[m.group(3)]
            out.append((int(m.group(1), 16), int(m.group(1), 16) + size - 1))
    return out


def check(name, cfg, rdir, log):
    r = Report(rdir, log)
    c = Checks(name)
    hvmchain = cfg_value(cfg, 'firmware') == '/test/hvmchain'
    vcpus = int(cfg_value(cfg, 'vcpus') or 1)
    uefi = cfg_value(cfg, 'bios') == 'ovmf'

    if not r.ok:
        c.result('report', False, 'no report from the guest (it never wrote xvde); its last console lines:',
                 (r.fw + r.serial)[-10:] or ['(none)'])
        return c.failed
    c.result('report', True)
    if 'boot' in cfg_fields(cfg, 'report-checks'):
        return c.failed
    r.decode()
    bad = ['%s: %s' % (t, '; '.join(m) or 'failed') for t, (ok, m) in sorted(r.iasl.items()) if not ok or m]
    c.result('acpi-decode', r.acpi_tables() and not bad if r.acpi_on else True,
             'iasl -d: ' + ('; '.join(bad) if bad else 'no ACPI tables'), bad)
    c.result('smbios-decode', r.dmi_ok, 'dmidecode --from-dump: ' + r.dmi_err)
    # NUMA nodes, for either firmware: the same layout under hvmloader and hvmchain.
    exp = cfg_fields(cfg, 'expect-numa')
    if exp:
        nodes = r.file('numa').splitlines()
        c.result('numa', sorted(exp) == sorted(nodes), 'Linux\'s nodes differ from the config', nodes or ['(no nodes)'])
    # Devices from the ACPI namespace, for either firmware (an acpi_firmware= SSDT's device).
    devs = r.file('acpi-devices').split()
    for hid in cfg_fields(cfg, 'expect-acpi-device'):
        c.result('acpi-device %s' % hid, any(d.split(':')[0] == hid for d in devs),
                 'Linux made no ACPI device with _HID %s: the table defining it was not loaded' % hid,
                 [d for d in devs if not d.startswith(('LNX', 'PNP'))] or ['(only LNX*/PNP* devices)'])
    # CPU hot-plug steps as the guest saw them, for either firmware.
    hot = r.file('hotplug').splitlines()
    for line in cfg_fields(cfg, 'expect-hotplug'):
        c.result('hotplug: %s' % line.split()[0], line in hot, 'the guest never recorded "%s"' % line,
                 hot or ['(no hotplug record)'])
    # The kernel flavour, for either firmware: the image booted the kernel it was built with.
    for rx in cfg_fields(cfg, 'expect-kernel'):
        ver = [t for t in r.text() if 'Linux version' in t][:1]
        c.result('kernel', bool(ver) and re.search(rx, ver[0]) is not None,
                 'the kernel is not /%s/' % rx, ver or ['(no "Linux version" line)'])
    if not hvmchain or 'basic' in cfg_fields(cfg, 'report-checks'):
        return c.failed

    # (a) how it ended: check.sh already required state poweroff; with ACPI, through S5.
    if r.acpi_on:
        c.result('poweroff-s5', r.s5(), 'no "%s" on the guest console' % S5_LINE, r.fw[-5:])
    # (b) firmware complaints, CPUs, HPET, SeaBIOS's AML parser
    bugs = [t for t in r.text() if FW_BUG_RE.search(t)]
    c.result('firmware-bugs', not bugs, 'the kernel logged firmware errors', bugs)
    apic = [int(x) for x in r.file('apicids').split()]
    want = [2 * i for i in range(vcpus)]
    c.result('cpus', sorted(apic) == want, 'APIC IDs %s, expected %s (online: %s)' %
             (apic, want, r.file('cpus-online').strip()))
    if r.acpi_on:
        hpet = r.grep(r'hpet0: at MMIO|ACPI: HPET ')
        c.result('hpet', len(hpet) >= 2, 'no HPET in the kernel log', hpet)
    if not uefi:
        pe = [l for l in r.fw if 'parse_termlist: parse error' in l]
        c.result('seabios-aml', not pe, 'SeaBIOS could not parse the DSDT', pe)

    # (c) PCI resources as hvmchain placed them, MTRRs over the hole, the PV frontend
    pci = r.pci()
    bars = fw_bars(r)
    scan = linux_scan(r)
    unplugged = bool(r.grep(r'unplug emulated disks'))
    diffs, notes = [], []
    for (bdf, idx), (addr, size) in sorted(bars.items()):
        res = pci.get(bdf, {}).get('res', [])
        what = '%s %s' % (bdf, 'ROM' if idx == 6 else 'BAR %d' % idx)
        if idx >= len(res):
            diffs.append('%s: hvmchain %#x size %#x, Linux has no such device/resource' % (what, addr, size))
            continue
        start, end, flags = res[idx]
        addr &= ~(3 if flags & 0x100 else (0x7ff if idx == 6 else 0xf))  # IORESOURCE_IO: 2 flag bits
        found = scan.get((bdf, idx))
        if found is None:
            diffs.append('%s: hvmchain %#x size %#x, no such line in Linux\'s PCI scan' % (what, addr, size))
            continue
        if found == (0, size - 1) and unplugged and bdf == '0000:00:01.1' and idx == 4:
            # The same with hvmloader: when Linux unplugs the emulated disks, qemu-xen resets the
            # IDE function, so Linux reads BAR4 as 0 and assigns it anew.
            notes.append('%s: hvmchain %#x, reset by the IDE unplug (as with hvmloader)' % (what, addr))
            continue
        if found != (addr, addr + size - 1):
            diffs.append('%s: hvmchain %#x size %#x, Linux found %#x-%#x' % (what, addr, size, found[0], found[1]))
        elif (start, end) != found and not (idx == 6 and start == 0xc0000):  # the boot VGA's ROM: the shadow copy
            diffs.append('%s: hvmchain %#x size %#x, Linux moved it to %#x-%#x' % (what, addr, size, start, end))
    c.result('pci-bars', bars and not diffs, 'Linux\'s resources differ from hvmchain\'s log' if bars else
             'no "pci dev .. bar" lines in hvmchain\'s log', diffs + notes)
    claims = r.grep(r'no space for|can\'t claim BAR|BAR \d+.*conflict|conflict.*BAR \d+|failed to assign')
    c.result('pci-claims', not claims, 'Linux rejected firmware BARs', claims)
    wins = []
    for l in r.fw:
        m = re.match(r'PCI (?:low|64-bit) MMIO window (0x[0-9a-f]+)-(0x[0-9a-f]+)', l)
        if m:
            wins.append((int(m.group(1), 16), int(m.group(2), 16)))
    uc = mtrr_uc(r)
    low = [w for w in wins if w[1] < 1 << 32]
    c.result('mtrr-uc', low and all(covered(uc, a, b) for a, b in low),
             'UC MTRRs %s do not cover the PCI window(s) %s' % ([(hex(a), hex(b)) for a, b in uc],
                                                              [(hex(a), hex(b)) for a, b in low]),
             r.file('mtrr').splitlines())
    bf = r.grep(r'blkfront: xvde')
    c.result('pv-blkfront', bool(bf), 'no "blkfront: xvde" line')

    # (d) SMBIOS as Linux saw it
    smb = r.grep(r'SMBIOS \d+\.\d+(\.\d+)? present')
    if uefi:
        # OVMF installs the loader's structures through its own SMBIOS protocol and entry point.
        c.result('smbios', bool(smb), 'Linux: no SMBIOS line')
    else:
        c.result('smbios-3.0', any(re.search(r'SMBIOS 3\.0(\.\d+)? present', t) for t in smb),
                 'Linux: %s' % (smb or ['no SMBIOS line']))
    uuid = r.file('dmi', 'id', 'product_uuid').strip()
    c.result('smbios-uuid', uuid and uuid.lower() == r.uuid.lower(),
             'system UUID %r, domain UUID %r' % (uuid, r.uuid))
    exp = cfg_fields(cfg, 'expect-dmi')
    if exp:
        wrong = []
        for e in exp:
            k, v = e.split('=', 1)
            got = r.file('dmi', 'id', k).strip()
            if got != v:
                wrong.append('%s: %r, expected %r' % (k, got, v))
        c.result('dmi-strings', not wrong, 'bios-strings/* did not reach /sys/class/dmi/id', wrong)
    exp = cfg_fields(cfg, 'expect-oem')
    if exp:
        oem = re.findall(r'^\s*String \d+: (.*)$', r.dmi_out.split('OEM Strings', 1)[1] if 'OEM Strings' in r.dmi_out else '',
                         re.M)
        missing = [e for e in exp if e not in oem]
        c.result('oem-strings', not missing, 'OEM strings %s lack %s' % (oem, missing))

    # (e) MP table and $PIR, when Linux uses them
    if not r.acpi_on:
        mp = r.grep(r'Intel MultiProcessor Specification|MPTABLE|buggy MP table|BIOS bug')
        c.result('mp-table', any('MultiProcessor Specification' in t for t in mp) and
                 not any(re.search('buggy MP table|BIOS bug', t) for t in mp) and len(apic) == vcpus,
                 'MP table not used cleanly or %d of %d vCPUs up' % (len(apic), vcpus), mp)
    if 'noapic' in r.cmdline.split():
        # Linux 6.1 says "pci 0000:00:01.0: PIIX/ICH IRQ router [8086:7000]"; older ones
        # "PCI: Using IRQ router PIIX/ICH". Either way only after it found a $PIR table.
        router = r.grep(r'Using IRQ router PIIX/ICH|PIIX/ICH IRQ router')
        c.result('pirq-router', bool(router), 'no PIIX/ICH IRQ router line: $PIR not found or not used',
                 r.grep(r'PCI: .*(IRQ|PIR|routing)'))
        irqs = {d['irq'] for d in pci.values() if d['irq'] not in ('', '0')}
        hits = []
        for l in r.file('interrupts').splitlines():
            m = re.match(r'\s*(\d+):((?:\s+\d+)+)\s+(\S+.*)$', l)
            if m and m.group(1) in irqs and sum(int(x) for x in m.group(2).split()) > 0 and 'XT-PIC' in m.group(3):
                hits.append(l.strip())
        c.result('pci-irq-pic', bool(hits), 'no PCI device IRQ (%s) counted on the XT-PIC' % sorted(irqs),
                 r.file('interrupts').splitlines())

    # (f)/(g) and anything scenario-specific
    for rx in cfg_fields(cfg, 'expect-log'):
        c.result('log /%s/' % rx, any(re.search(rx, l) for l in r.fw), 'no firmware line matches')
    for rx in cfg_fields(cfg, 'expect-dmesg'):
        c.result('dmesg /%s/' % rx, bool(r.grep(rx)), 'no kernel line matches')
    for rx in cfg_fields(cfg, 'expect-smbios'):
        c.result('smbios /%s/' % rx, bool(re.search(rx, r.dmi_out, re.M)), 'no dmidecode line matches')
    for rx in cfg_fields(cfg, 'reject-smbios'):
        m = re.findall('^.*(?:%s).*$' % rx, r.dmi_out, re.M)
        c.result('smbios not /%s/' % rx, not m, 'dmidecode shows it', m)
    return c.failed


# --- comparison page ---
def strip_dsl(text):
    """iasl's output without the comment header that names files, dates and tool versions."""
    out = []
    for l in text.splitlines():
        if re.match(r'\s*\* (Intel ACPI|Copyright|Disassembl|Original Table Header|ACPI Data Table|Format:|Disassembly of|$)', l):
            continue
        if re.match(r'\s*/\*\s*$|\s*\*/\s*$', l):
            continue
        out.append(l)
    return out


def diff(a, b, na, nb, limit=40):
    d = list(difflib.unified_diff(a, b, na, nb, n=1, lineterm=''))
    if not d:
        return ['(identical)']
    extra = len(d) - limit
    return d[:limit] + (['... %d more diff lines' % extra] if extra > 0 else [])


def block(lines):
    return ['```'] + list(lines) + ['```']


def compare(scenario, out, na, da, la, nb, db, lb):
    ra, rb = Report(da, la), Report(db, lb)
    for r in (ra, rb):
        if r.ok:
            r.decode()
    p = ['# %s: %s vs %s' % (scenario, na, nb), '',
         'Reports: `%s`, `%s` (decoded tables under `decoded/`). Left/`-` is %s, right/`+` is %s.' % (da, db, na, nb), '']

    def row(k, a, b):
        mark = '' if a == b else ' **≠**'
        p.append('| %s%s | %s | %s |' % (k, mark, a, b))

    p += ['## Outcome', '', '| | %s | %s |' % (na, nb), '| --- | --- | --- |']
    row('report', 'yes' if ra.ok else '**none**', 'yes' if rb.ok else '**none**')
    row('S5 poweroff', 'yes' if ra.s5() else 'no', 'yes' if rb.s5() else 'no')
    row('timeline (s after the loader starts)', ', '.join(ra.timeline), ', '.join(rb.timeline))
    row('kernel cmdline', '`%s`' % ra.cmdline, '`%s`' % rb.cmdline)
    row('CPUs (APIC IDs)', ra.file('apicids').split(), rb.file('apicids').split())
    for rx, k in ((r'SMBIOS \d|DMI not present', 'SMBIOS'), (r'ACPI: Unable|APIC: ACPI MADT', 'ACPI/APIC trouble'), (r'^DMI: ', 'DMI'), (r'ACPI: RSDP', 'RSDP'),
                  (r'Using IRQ router|PIIX/ICH IRQ router', 'IRQ router'), (r'MultiProcessor Specification', 'MP spec'),
                  (r'hpet0: at', 'HPET'), (r'^Memory: ', 'Memory')):
        row(k, '<br>'.join(ra.grep(rx)) or '-', '<br>'.join(rb.grep(rx)) or '-')
    p.append('')

    p += ['## e820 (Linux "BIOS-e820")', '']
    p += block(diff(ra.e820(), rb.e820(), na, nb))
    p += ['', '## PCI resources (sysfs)', '', '| device | %s | %s |' % (na, nb), '| --- | --- | --- |']
    pa, pb = ra.pci(), rb.pci()

    def pres(d):
        if not d:
            return '-'
        rs = ['%d: %#x-%#x' % (i, s, e) for i, (s, e, f) in enumerate(d['res']) if e]
        return 'irq %s; %s' % (d['irq'], ', '.join(rs) or 'no BARs')
    for bdf in sorted(set(pa) | set(pb)):
        d = pa.get(bdf) or pb.get(bdf)
        row('%s %s:%s' % (bdf, d['vendor'][2:], d['device'][2:]), pres(pa.get(bdf)), pres(pb.get(bdf)))
    p.append('')

    p += ['## ACPI tables', '', '| table | %s bytes | %s bytes | decoded diff |' % (na, nb), '| --- | --- | --- | --- |']
    ta, tb = ra.acpi_tables(), rb.acpi_tables()
    diffs = []
    for t in sorted(set(ta) | set(tb)):
        sa = len(read(os.path.join(da, 'acpi', t), 'rb')) if t in ta else None
        sb = len(read(os.path.join(db, 'acpi', t), 'rb')) if t in tb else None
        a = strip_dsl(read(os.path.join(da, 'decoded', 'acpi', t + '.dsl')))
        b = strip_dsl(read(os.path.join(db, 'decoded', 'acpi', t + '.dsl')))
        d = diff(a, b, '%s/%s' % (na, t), '%s/%s' % (nb, t))
        n = sum(1 for l in difflib.unified_diff(a, b, lineterm='', n=0) if l[:1] in '+-' and l[:3] not in ('+++', '---'))
        p.append('| %s | %s | %s | %s |' % (t, sa if sa is not None else '-', sb if sb is not None else '-',
                                            'identical' if d == ['(identical)'] else '%d lines differ' % n))
        if d != ['(identical)']:
            diffs.append((t, d))
    p.append('')
    for t, d in diffs:
        p += ['### %s (first lines of the diff; full tables in decoded/acpi/%s.dsl)' % (t, t), '']
        p += block(d)
        p.append('')

    def dmi_lines(r):
        return [l for l in r.dmi_out.splitlines() if not re.match(r'(# dmidecode|Reading SMBIOS|Scanning)', l)] \
            if r.ok else []
    p += ['## SMBIOS (dmidecode --from-dump)', '']
    p += ['%s: %s; %s: %s' % (na, 'clean' if ra.ok and ra.dmi_ok else ra.ok and ra.dmi_err,
                              nb, 'clean' if rb.ok and rb.dmi_ok else rb.ok and rb.dmi_err), '']
    p += block(diff(dmi_lines(ra), dmi_lines(rb), na, nb, limit=80))
    p += ['', '## Kernel warnings (level ≤ 4, and firmware-bug lines)', '']
    for n, r in ((na, ra), (nb, rb)):
        w = r.warnings()
        p += ['%s: %d line(s)' % (n, len(w)), '']
        if w:
            p += block(w[:30])
        p.append('')
    write(out, '\n'.join(p) + '\n')


def main():
    if len(sys.argv) == 6 and sys.argv[1] == 'check':
        check(*sys.argv[2:])
        return 0
    if len(sys.argv) == 10 and sys.argv[1] == 'compare':
        compare(*sys.argv[2:])
        return 0
    sys.stderr.write(__doc__ if __doc__ else 'usage: report.py check|compare ...\n')
    return 2


if __name__ == '__main__':
    sys.exit(main())
