#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Turn one suite's console output (its PASS/FAIL lines) into a JUnit XML file CI systems read.
#
# Usage: junit.py SUITE SUITE_LOG OUT_XML [--status RC] [--seconds S] [--logdir DIR]
#   SUITE_LOG  what the suite printed: "PASS name" / "FAIL name: reason" lines, the lines
#              indented under a FAIL being its detail (the convention of every suite here), and
#              "XFAIL name: why" for a check known to fail by design of a firmware not ours
#              (tests/xen/matrix.tsv's expect-fail column): a <skipped> testcase saying so, the
#              nearest JUnit has (pytest writes its xfail the same way)
#   --status   the suite's exit status: non-zero with no FAIL line means the suite broke
#              before it reported (a build error); that becomes one failing testcase
#   --logdir   a folder of per-test console logs: a testcase NAME or NAME/CHECK whose
#              DIR/NAME.log exists gets that log attached when it failed (<system-out>)
# One <testsuite> per file, one <testcase> per PASS/FAIL line, in the order printed. The
# element and attribute set is what scripts/junit.xsd allows (see there for where it comes from).
import argparse
import os
import re
import socket
import sys
import time
import xml.etree.ElementTree as ET

# XML 1.0 forbids most control characters; console logs carry them (ANSI escapes, NULs).
_BAD_XML = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
# A console log attached to a failure: the end is what says why, so keep the tail.
MAX_LOG = 256 * 1024


def clean(text):
    return _BAD_XML.sub('?', text)


def read_text(path):
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) > MAX_LOG:
        data = b'[... first %d bytes left out ...]\n' % (len(data) - MAX_LOG) + data[-MAX_LOG:]
    return clean(data.decode('utf-8', 'replace'))


def parse(lines):
    """[[name, reason or None, detail lines, kind]] from PASS/FAIL/XFAIL lines and their indented
    details; kind is 'pass', 'fail' or 'xfail'."""
    cases = []
    current = None
    for line in lines:
        # "PASS name" (the name may hold spaces), "FAIL name: reason" (or "FAIL name").
        if line.startswith('PASS '):
            current = [line[5:].strip(), None, [], 'pass']
            cases.append(current)
            continue
        m = re.match(r'(X?FAIL) (.*)$', line)
        if m:
            name, _, reason = m.group(2).partition(': ')
            current = [name.strip().rstrip(':'), reason.strip() or 'failed', [], m.group(1).lower()]
            cases.append(current)
            continue
        if current is not None and current[1] is not None and line.startswith(' '):
            current[2].append(line)
        else:
            current = None
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('suite')
    ap.add_argument('log')
    ap.add_argument('xml')
    ap.add_argument('--status', type=int, default=0)
    ap.add_argument('--seconds', type=float, default=0.0)
    ap.add_argument('--logdir')
    a = ap.parse_args()

    with open(a.log, encoding='utf-8', errors='replace') as f:
        lines = f.read().splitlines()
    cases = parse(lines)
    if a.status != 0 and not any(c[1] is not None for c in cases):
        cases.append(['suite-completed', 'the suite exited %d before it reported a failure' % a.status,
                      lines[-60:], 'fail'])

    failures = sum(1 for c in cases if c[3] == 'fail')
    skipped = sum(1 for c in cases if c[3] == 'xfail')
    suite = ET.Element('testsuite', {
        'name': a.suite,
        'tests': str(len(cases)),
        'failures': str(failures),
        'errors': '0',
        'skipped': str(skipped),
        'time': '%.3f' % a.seconds,
        'timestamp': time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime()),
        'hostname': socket.gethostname() or 'localhost',
    })
    for name, reason, detail, kind in cases:
        # "61-linux-4cpu-hvmchain/e820": the guest is the class, the check the test.
        guest, _, check = name.rpartition('/')
        tc = ET.SubElement(suite, 'testcase', {
            'classname': a.suite + ('.' + guest if guest else ''),
            'name': check,
            'time': '0',
        })
        if reason is None:
            continue
        if kind == 'xfail':
            sk = ET.SubElement(tc, 'skipped', {'message': clean('expected failure: ' + reason), 'type': 'XFAIL'})
            sk.text = clean('\n'.join(['XFAIL %s: %s' % (name, reason)] + detail) + '\n')
            continue
        fl = ET.SubElement(tc, 'failure', {'message': clean(reason or 'failed'), 'type': 'FAIL'})
        fl.text = clean('\n'.join(['FAIL %s: %s' % (name, reason)] + detail) + '\n')
        if a.logdir:
            console = os.path.join(a.logdir, name.split('/')[0] + '.log')
            if os.path.isfile(console):
                so = ET.SubElement(tc, 'system-out')
                so.text = '%s:\n%s' % (console, read_text(console))
    os.makedirs(os.path.dirname(a.xml) or '.', exist_ok=True)
    ET.ElementTree(suite).write(a.xml, encoding='UTF-8', xml_declaration=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
