/* SPDX-License-Identifier: GPL-2.0-only */
/* The exit counters' storage (counters.h says who counts what). */
#include "counters.h"

uint32_t counters[COUNT_KINDS];
