# SPDX-License-Identifier: GPL-2.0-only
# Man pages and the admin's switch script: installed as they are; man-check renders each page.

MAN_PAGES    += docs/hvmchain.7 docs/hvmchain-switch.8
INSTALL_MAN7 += docs/hvmchain.7
INSTALL_MAN8 += docs/hvmchain-switch.8
INSTALL_SBIN += tools/hvmchain-switch

# groff -ww: every warning (bad requests, lines it cannot fit or adjust) fails the page.
.PHONY: man-check
man-check:
	$(Q)for m in $(MAN_PAGES); do \
		if groff -man -t -ww -z $$m 2>$(OUT)/man-check.log && [ ! -s $(OUT)/man-check.log ]; then \
			echo "PASS man $$m"; else echo "FAIL man $$m: $$(head -n 3 $(OUT)/man-check.log)"; fi; \
	done

CHECK_TARGETS += man-check

# The Debian package (debian/), built by scripts/make-deb.sh as a non-root user with no
# network, lintian-checked; not part of make check (it takes minutes).
.PHONY: deb
deb:
	$(Q)scripts/make-deb.sh

# In make check: the build and lintian (about 5 minutes on 2 cores, lintian about 1), and
# before xen-check, whose guests 90/91 boot through the package's files and switch.
.PHONY: deb-check
deb-check: deb
xen-check: | deb-check
CHECK_TARGETS += deb-check
