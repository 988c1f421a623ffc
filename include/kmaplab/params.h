/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KMAPLAB_PARAMS_H
#define _KMAPLAB_PARAMS_H

/*
 * For __setup() handlers (kernel/params.c): a handler that rejects its
 * value changes nothing, calls setup_kept() with what stays in force and
 * returns 0; the parser then prints one line naming the parameter, the
 * value and that text:
 *	kmaplab: kernel parameter "hz=5" rejected; kept hz=250 (100..1000)
 */
__printf(1, 2) void setup_kept(const char *fmt, ...);

/* Parse the command line once; then look up a parameter's value. */
void parse_kernel_params(const char *cmdline);
const char *cmdline_get(const char *name);

#endif /* _KMAPLAB_PARAMS_H */
