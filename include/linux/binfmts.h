/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/elf.h>

/*
 * What execve() carries from the old program to the new one (Linux's
 * struct linux_binprm, reduced): the file, its ELF headers, and argv and
 * envp copied into the kernel before the old address space is dropped.
 */
#define ARG_MAX (32 * 1024)	/* bytes of argv + envp strings */
#define MAX_ARG_STRINGS 256
#define ELF_MAX_PHNUM 16

struct linux_binprm {
	struct inode *inode;
	const char *filename;
	struct elf32_hdr ehdr;
	struct elf32_phdr phdr[ELF_MAX_PHNUM];
	char *strings;		/* argv[0]\0 ... argv[argc-1]\0 envp[0]\0 ... */
	size_t len;
	int argc, envc;
	struct mm_struct *mm;	/* the new address space */
};

struct pt_regs;

/* fs/binfmt_elf.c */
int elf_check_binary(struct linux_binprm *bprm);
int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs);

#endif /* _LINUX_BINFMTS_H */
