/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * Freestanding basic types, named as in Linux. kmaplab is 32-bit x86:
 * long and pointers are 32 bits, long long is 64 bits.
 */
#include <stddef.h>
#include <stdbool.h>

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

/* The C99 names, defined here as Linux does (no <stdint.h>). */
typedef s8 int8_t;
typedef u8 uint8_t;
typedef s16 int16_t;
typedef u16 uint16_t;
typedef s32 int32_t;
typedef u32 uint32_t;
typedef s64 int64_t;
typedef u64 uint64_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;

/* Byte-order tagged integers (<asm/byteorder.h> converts them). */
typedef u16 __le16;
typedef u16 __be16;
typedef u32 __le32;
typedef u32 __be32;
typedef u64 __le64;
typedef u64 __be64;

/* sort()'s callbacks (<linux/sort.h>); the _r forms get a private pointer. */
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);
typedef void (*swap_func_t)(void *a, void *b, int size);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef int (*cmp_func_t)(const void *a, const void *b);

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

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

typedef unsigned char u_char;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;

#endif /* _LINUX_TYPES_H */
