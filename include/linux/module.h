/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kconfig.h>

/*
 * kmaplab has no loadable modules: every file is built in, as Linux
 * builds a file with obj-y. The MODULE_*() tags then say what they say
 * in Linux for built-in code -- nothing at run time -- but still check
 * their argument is a string. THIS_MODULE is NULL, as in built-in code.
 *
 * module_init()/module_exit() are not provided: kmaplab has no initcall
 * levels; init/main.c calls each subsystem's init in order, and a test
 * registers with kunit_test_suite() (docs/linux-compat.md).
 */
struct module;
#define THIS_MODULE ((struct module *)0)

#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[] __maybe_unused = #tag "=" info
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)

#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, #ns)
#define MODULE_PARM_DESC(_parm, desc) MODULE_INFO(parm, #_parm ":" desc)

#endif /* _LINUX_MODULE_H */
