/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

/*
 * Linux frees its init sections after boot; kmaplab keeps everything, so
 * these section markers (with __init and __initdata, <linux/compiler.h>)
 * say what Linux would discard and change nothing.
 */
#define __initconst
#define __exit
#define __exitdata
#define __refdata
#define __ref
#define __meminit

/*
 * Kernel command-line parameters, Linux's __setup(): the handler gets
 * the text after "name=" (or "" for a bare flag "name") and returns 1
 * when it accepted the value, 0 when the value is malformed -- which the
 * parser reports by name and otherwise ignores. The table lives in the
 * .init.setup section; kernel/params.c walks it once at boot.
 * str is "name=" for a parameter with a value, "name" for a flag.
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
};

#define __setup(str, fn)						\
	static const char __setup_str_##fn[] = str;			\
	static const struct obs_kernel_param __setup_##fn		\
		__used __section(".init.setup") __aligned(4) =		\
		{ __setup_str_##fn, fn }

/* The raw command line. */
extern char boot_command_line[];

#endif /* _LINUX_INIT_H */
