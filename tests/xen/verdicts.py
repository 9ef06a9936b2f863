# SPDX-License-Identifier: GPL-2.0-only
# The PASS/FAIL lines and the comparison page's checks table that the guest checkers share.


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


def checker_main(argv, check, compare):
    """The command line every checker has: `check NAME LOG` or `compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B`."""
    if len(argv) == 3 and argv[0] == 'check':
        check(argv[1], argv[2])
        return 0
    if len(argv) == 7 and argv[0] == 'compare':
        compare(*argv[1:])
        return 0
    return 'usage: check.py check NAME LOG | compare SCENARIO OUT.md NAME_A LOG_A NAME_B LOG_B'
