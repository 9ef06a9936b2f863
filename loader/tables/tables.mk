# SPDX-License-Identifier: GPL-2.0-only
# The legacy BIOS tables (SMBIOS, MP, $PIR): pure builders, and a dmidecode check of SMBIOS.

LOADER_PURE_SRCS += loader/tables/smbios.c loader/tables/mptable.c loader/tables/pir.c
