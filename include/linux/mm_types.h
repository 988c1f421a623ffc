/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <asm/pgtable_types.h>

/*
 * struct page: one per physical page frame, in mem_map[] (lowmem). Its
 * size times the number of frames is lowmem the kernel can never use for
 * anything else -- 16 bytes here, 0.4% of RAM; Linux's is 32+ bytes on
 * 32-bit. There is deliberately no 'virtual' field: a lowmem page's
 * address is computed (__va of its physical address) and a highmem page
 * has none until kmap() gives it one, which mm/highmem.c records in a
 * hash (Linux's HASHED_PAGE_VIRTUAL).
 *
 * flags (see <linux/page-flags.h> for the bits):
 *
 *   31  30 29 28           18 17      14 13    10 9             0
 *  [zone][ - ][ slab: inuse  ][slab cache][ order ][   PG_ bits    ]
 *
 *   zone       ZONE_NORMAL or ZONE_HIGHMEM, fixed at boot (ZONES_WIDTH
 *              bits at the top, as in Linux: PageHighMem() tests bit 31)
 *   order      order of the block this page heads, while allocated
 *              (checked by __free_pages(), used by kfree() for big objects)
 *   slab cache index of the kmalloc cache, while PageSlab
 *   slab inuse objects handed out from this slab, while PageSlab
 *
 * The other two words mean different things depending on who owns the
 * page, as in Linux:
 *
 *   owner          lru                     third word
 *   buddy (free)   link in free_area list  private: order of the free block
 *   allocated      free for the owner      _refcount (1 after alloc_pages)
 *   kmalloc slab   link in partial list    freelist: first free object
 */
struct page {
	unsigned long flags;
	union {
		struct list_head lru;
		struct list_head slab_list;
	};
	union {
		unsigned long private;
		atomic_t _refcount;
		void *freelist;
	};
};

#include <linux/list.h>
#include <linux/mutex.h>

/*
 * One region of a process's address space, [vm_start, vm_end), page
 * aligned, with one protection (vm_flags: VM_READ ... in <linux/mm.h>).
 * A process's VMAs are kept sorted by address on mm->mmap (Linux 2.4's
 * sorted list; today's Linux uses a maple tree for the same order).
 */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	struct mm_struct *vm_mm;
	unsigned long vm_flags;
	struct list_head vm_list;	/* in mm->mmap, by address */
};

/*
 * An address space. init_mm is the kernel's: its pgd is swapper_pg_dir
 * (the PAE PDPT) and it has no VMAs. A process's mm (kernel/fork.c,
 * fs/exec.c) has a PDPT of its own: entries 0-2 point at three page
 * directories of its own (user space, 0-3 GiB), entry 3 at swapper_pd,
 * the kernel's page directory, shared by every process
 * (arch/x86/mm/pgd.c). mmap_lock protects the VMA list and the user page
 * tables; a process's mm is only ever changed by its own (single)
 * thread, or by the monitor reading it.
 */
struct mm_struct {
	pgd_t *pgd;
	const char *name;
	struct list_head mmap;		/* VMAs, sorted by vm_start */
	int map_count;
	struct mutex mmap_lock;
	atomic_t mm_users;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long nr_ptes;		/* user page tables (highmem pages) */
	unsigned long rss;		/* user pages mapped */
};

extern struct mm_struct init_mm;

#endif /* _LINUX_MM_TYPES_H */
