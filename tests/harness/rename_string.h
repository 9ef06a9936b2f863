/* SPDX-License-Identifier: GPL-2.0-only */
/* Host tests build loader/lib/string.c under these names so it does not replace the C library's. */
#define memcpy t_memcpy
#define memmove t_memmove
#define memset t_memset
#define memcmp t_memcmp
#define memchr t_memchr
#define strlen t_strlen
#define strnlen t_strnlen
#define strcmp t_strcmp
#define strncmp t_strncmp
