/* SPDX-License-Identifier: GPL-2.0-only */
/* Runs SeaBIOS's own DSDT parser (src/fw/dsdt_parser.c, unmodified) over our DSDT and fails on any parse error. */
/*
 * SeaBIOS parses the DSDT at boot to find devices (ps2port.c asks whether PNP0303 is
 * present). hvmloader's DSDT makes it log "parse_termlist: parse error" twice and lose
 * the rest of the scope; ours must parse cleanly. check.sh compiles this file with
 * -iquote pointing at stub headers (which include seabios_stub.h) and at SeaBIOS's
 * src/, so dsdt_parser.c is the unmodified upstream file.
 */
#include <sys/mman.h>
#include "seabios_stub.h"
#include "fw/dsdt_parser.c"

static unsigned errors;
static struct fadt_descriptor_rev1 fadt;

void sb_dprintf(int level, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (level <= 1)
		fputs(line, stdout);
	if (strstr(line, "parse error") || strstr(line, "overrun") || strstr(line, "deep recursion"))
		errors++;
}

void *find_acpi_table(u32 signature)
{
	return signature == FACP_SIGNATURE ? &fadt : NULL;
}

int main(int argc, char **argv)
{
	FILE *f;
	long len;
	u8 *dsdt;
	unsigned devices = 0;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: seabios-parse DSDT.aml\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	/* SeaBIOS keeps 32-bit table pointers (fadt->dsdt): map the table below 2 GiB. */
	dsdt = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	if (dsdt == MAP_FAILED || fread(dsdt, 1, len, f) != (size_t)len)
		return 2;
	fclose(f);
	fadt.dsdt = (u32)(uintptr_t)dsdt;

	acpi_dsdt_parse();
	for (struct acpi_device *d = acpi_dsdt_find(NULL, NULL, 0, NULL, 0); d; d = acpi_dsdt_find(d, NULL, 0, NULL, 0))
		devices++;
	int kbd = acpi_dsdt_present_eisaid(0x0303);
	int com = acpi_dsdt_present_eisaid(0x0501);
	printf("seabios-parse: %u devices, %u parse errors, PS/2 keyboard present=%d, COM %d\n", devices, errors, kbd,
	       com);
	/* The keyboard must read as present (1), a COM port as "ask the hardware" (-1). */
	return errors || devices < 20 || kbd != 1 || com != -1;
}
