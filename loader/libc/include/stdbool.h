/* SPDX-License-Identifier: GPL-2.0-only */
/* bool for the freestanding loader (C11 has _Bool built in). */
#ifndef HVMCHAIN_STDBOOL_H
#define HVMCHAIN_STDBOOL_H

#define bool _Bool
#define true 1
#define false 0

#endif
