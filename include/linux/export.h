/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

/*
 * EXPORT_SYMBOL(): in Linux, makes a symbol visible to modules. kmaplab
 * links everything into one image, so every global symbol is already
 * visible; the macros check that sym is declared and emit nothing.
 */
#define EXPORT_SYMBOL(sym) extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym) extern __typeof__(sym) sym
#define EXPORT_SYMBOL_NS(sym, ns) extern __typeof__(sym) sym
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern __typeof__(sym) sym

#endif /* _LINUX_EXPORT_H */
