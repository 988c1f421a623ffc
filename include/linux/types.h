/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * Freestanding basic types, named as in Linux. kmaplab is 32-bit x86:
 * long and pointers are 32 bits, long long is 64 bits.
 */
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef s8 __s8;
typedef u8 __u8;
typedef s16 __s16;
typedef u16 __u16;
typedef s32 __s32;
typedef u32 __u32;
typedef s64 __s64;
typedef u64 __u64;

typedef int pid_t;
typedef long ssize_t;
typedef long long loff_t;
typedef long long ktime_t;
typedef unsigned int gfp_t;

/* PAE: physical addresses are 36 bits wide, so they need 64-bit types. */
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef unsigned long uintptr_t_compat;

typedef struct {
	int counter;
} atomic_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _LINUX_TYPES_H */
