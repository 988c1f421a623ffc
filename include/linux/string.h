/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/minmax.h>
#include <linux/stddef.h>
#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memchr_inv(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
ssize_t strscpy(char *dst, const char *src, size_t size);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
char *strsep(char **s, const char *delim);
char *skip_spaces(const char *s);
bool glob_match(const char *pat, const char *str);

/* Copies count bytes of src and fills the rest of dest_len with pad. */
void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count,
		    int pad);

/*
 * strtomem()/strtomem_pad(): a C string into a fixed-size char array
 * that need not be NUL-terminated (__nonstring), truncating silently;
 * the array's size is taken from its type, so dest must be an array.
 */
#define strtomem_pad(dest, src, pad)	do {				\
	const size_t _dest_len = __builtin_object_size(dest, 1);	\
	const size_t _src_len = __builtin_object_size(src, 1);		\
									\
	BUILD_BUG_ON(!__builtin_constant_p(_dest_len) ||		\
		     _dest_len == (size_t)-1);				\
	memcpy_and_pad(dest, _dest_len, src,				\
		       strnlen(src, min(_src_len, _dest_len)), pad);	\
} while (0)

#define strtomem(dest, src)	do {					\
	const size_t _dest_len = __builtin_object_size(dest, 1);	\
	const size_t _src_len = __builtin_object_size(src, 1);		\
									\
	BUILD_BUG_ON(!__builtin_constant_p(_dest_len) ||		\
		     _dest_len == (size_t)-1);				\
	memcpy(dest, src, strnlen(src, min(_src_len, _dest_len)));	\
} while (0)

/* Sets the bytes of *obj after (or from) member to the end of the struct. */
#define memset_after(obj, v, member)					\
({									\
	u8 *__ptr = (u8 *)(obj);					\
	__typeof__(v) __val = (v);					\
	memset(__ptr + offsetofend(__typeof__(*(obj)), member), __val,	\
	       sizeof(*(obj)) - offsetofend(__typeof__(*(obj)), member)); \
})

#define memset_startat(obj, v, member)					\
({									\
	u8 *__ptr = (u8 *)(obj);					\
	__typeof__(v) __val = (v);					\
	memset(__ptr + offsetof(__typeof__(*(obj)), member), __val,	\
	       sizeof(*(obj)) - offsetof(__typeof__(*(obj)), member));	\
})

/* memset() the compiler may not drop (for secrets about to go out of scope). */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier();
}

/* The length of prefix if str starts with it, else 0. */
static __always_inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

/* The file name part of a path. */
static inline const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

#endif /* _LINUX_STRING_H */
