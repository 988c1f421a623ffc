/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#define min(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); \
	(void)(&_x == &_y); _x < _y ? _x : _y; })
#define max(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); \
	(void)(&_x == &_y); _x > _y ? _x : _y; })
#define min_t(type, x, y) ({ type _x = (x); type _y = (y); _x < _y ? _x : _y; })
#define max_t(type, x, y) ({ type _x = (x); type _y = (y); _x > _y ? _x : _y; })
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define swap(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#endif /* _LINUX_MINMAX_H */
