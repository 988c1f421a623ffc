/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_BYTEORDER_H
#define _ASM_X86_BYTEORDER_H

#include <linux/types.h>
#include <linux/swab.h>

/*
 * x86 is little-endian: cpu_to_le*() and le*_to_cpu() are the identity,
 * the big-endian ones swap bytes (Linux's byteorder/little_endian.h).
 * __le32, __be16, ... are plain integers here (no sparse to check them).
 */
#define __LITTLE_ENDIAN 1234

#define cpu_to_le64(x) ((__force __le64)(__u64)(x))
#define le64_to_cpu(x) ((__force __u64)(__le64)(x))
#define cpu_to_le32(x) ((__force __le32)(__u32)(x))
#define le32_to_cpu(x) ((__force __u32)(__le32)(x))
#define cpu_to_le16(x) ((__force __le16)(__u16)(x))
#define le16_to_cpu(x) ((__force __u16)(__le16)(x))
#define cpu_to_be64(x) ((__force __be64)swab64((x)))
#define be64_to_cpu(x) swab64((__force __u64)(__be64)(x))
#define cpu_to_be32(x) ((__force __be32)swab32((x)))
#define be32_to_cpu(x) swab32((__force __u32)(__be32)(x))
#define cpu_to_be16(x) ((__force __be16)swab16((x)))
#define be16_to_cpu(x) swab16((__force __u16)(__be16)(x))

#endif /* _ASM_X86_BYTEORDER_H */
