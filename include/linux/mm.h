/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/gfp.h>
#include <linux/pfn.h>
#include <asm/page.h>
#include <asm/pgtable.h>

/*
 * Physical memory, as mm/ found it at boot:
 *
 *   pfn 0 .............. max_low_pfn ............................ max_pfn
 *   [ ZONE_NORMAL: direct-mapped ][ ZONE_HIGHMEM: no permanent address ]
 *                                 ^ highstart_pfn (== max_low_pfn)
 *
 * high_memory = __va(max_low_pfn << PAGE_SHIFT): the end of the direct
 * map. mem_map[] has one struct page per pfn in [0, max_pfn) (FLATMEM:
 * holes included, marked PG_reserved).
 */
extern struct page *mem_map;
extern unsigned long max_mapnr;		/* entries in mem_map[] (== max_pfn) */
extern unsigned long max_pfn;		/* one past the last RAM page with a struct page */
extern unsigned long max_low_pfn;	/* one past the last lowmem page */
extern unsigned long highstart_pfn, highend_pfn;

/* --- page <-> pfn <-> physical <-> virtual ----------------------------- */

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_mapnr;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;
}

#define nth_page(page, n) ((page) + (n))
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)

/* Is addr a direct-map (lowmem) address with a struct page behind it? */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PAGE_OFFSET && a < (unsigned long)high_memory &&
	       pfn_valid(__pa(a) >> PAGE_SHIFT);
}

/*
 * Only for direct-map addresses: a vmalloc, pkmap or fixmap address has
 * no arithmetic relation to its page (use vmalloc_to_page() or
 * kmap_to_page()). The debug build checks.
 */
static inline struct page *virt_to_page(const void *addr)
{
	VM_BUG_ON(!virt_addr_valid(addr));
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}
#define virt_to_pfn(addr) (__pa(addr) >> PAGE_SHIFT)
#define pfn_to_kaddr(pfn) __va((unsigned long)(pfn) << PAGE_SHIFT)

/* --- zones --------------------------------------------------------------- */

/*
 * The zone sits in the top bits of page->flags, as in Linux's
 * page-flags-layout.h: ZONES_WIDTH bits, just enough for MAX_NR_ZONES.
 * With two zones that is bit 31 alone, so PageHighMem() is a sign test
 * of the flags word (kmap_local_page()'s lowmem fast path).
 */
#define ZONES_WIDTH (MAX_NR_ZONES <= 2 ? 1 : 2)
#define ZONES_PGSHIFT (BITS_PER_LONG - ZONES_WIDTH)
#define ZONES_MASK ((1UL << ZONES_WIDTH) - 1)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

/* --- kernel addresses of pages ----------------------------------------- */

/*
 * __va(page_to_pfn(page) << PAGE_SHIFT), as Linux's lowmem_page_address().
 * A struct page is 16 bytes, so that is PAGE_OFFSET + (page - mem_map) *
 * 256 bytes = page * 256 + (PAGE_OFFSET - mem_map * 256), and the second
 * term is fixed once mem_map is allocated: mem_map_init() keeps it in
 * mem_map_virt_bias. A shift and an add (this is kmap_local_page()'s
 * lowmem fast path), exact in 32-bit arithmetic whatever wraps.
 */
extern unsigned long mem_map_virt_bias;

static inline void *lowmem_page_address(const struct page *page)
{
	BUILD_BUG_ON(PAGE_SIZE % sizeof(struct page));
	return (void *)((unsigned long)page * (PAGE_SIZE / sizeof(struct page)) +
			mem_map_virt_bias);
}

/*
 * The page's kernel address: the direct map for lowmem; for highmem the
 * address kmap() gave it, or NULL when it is not kmap()ed (mm/highmem.c
 * keeps those in a hash). kmap_local/kmap_atomic addresses are not
 * recorded, as in Linux.
 */
void *page_address(const struct page *page);
/* mm/highmem.c: the pkmap address of a kmap()ed highmem page, or NULL. */
void *page_address_highmem(const struct page *page);

/* Smallest order whose block holds size bytes (size > 0). */
static inline unsigned int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return (unsigned int)(32 - __builtin_clzl((size - 1) >> PAGE_SHIFT));
}

/* --- references -------------------------------------------------------- */

static inline void get_page(struct page *page)
{
	VM_BUG_ON(page_ref_count(page) <= 0);
	page_ref_inc(page);
}

/* Drop a reference to an order-0 page; the last one frees it. */
void put_page(struct page *page);

/* --- counters ------------------------------------------------------------ */

extern unsigned long _totalram_pages;	/* managed by the buddy, all zones */
extern unsigned long _totalhigh_pages;	/* of which highmem */

static inline unsigned long totalram_pages(void)
{
	return READ_ONCE(_totalram_pages);
}

unsigned long totalhigh_pages(void);
void free_reserved_page(struct page *page);	/* PG_reserved -> the buddy */
unsigned long nr_free_pages(void);		/* free pages, all zones */
unsigned long nr_free_highpages(void);		/* free highmem pages */
unsigned long nr_free_buffer_pages(void);	/* free lowmem pages */

/* Linux's struct sysinfo (the fields that mean something here). */
struct sysinfo {
	unsigned long totalram;
	unsigned long freeram;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
};
void si_meminfo(struct sysinfo *val);

/* Per-zone, per-order free counts and allocator statistics. */
void show_mem(void);

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/*
 * Boot: read the memory map, build the kernel page tables and mem_map,
 * hand free RAM to the buddy allocator, set up kmalloc and vmalloc, print
 * the memory map and layout. Called once from start_kernel(), after the
 * command line (mem=, lowmem=) has been parsed.
 */
void mm_init(void);

/* --- user address spaces (mm/mmap.c, mm/memory.c) ---------------------- */

#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_GROWSDOWN	0x00000100UL	/* the stack: grows on a fault below */
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)
/* kmaplab's: what the region is, for the monitor's `vm` and fault reports */
#define VM_HEAP		0x01000000UL
#define VM_STACK_TAG	0x02000000UL

/* The stack may grow down to this far below its top (an rlimit). */
#define STACK_RLIMIT	(8UL << 20)

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_alloc(struct mm_struct *mm, unsigned long start,
				 unsigned long end, unsigned long flags);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
const char *vma_name(const struct vm_area_struct *vma);
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void exit_mmap(struct mm_struct *mm);
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);

/* kernel/fork.c: a kernel thread works in a user address space. */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);
struct task_struct;
struct mm_struct *get_task_mm(struct task_struct *p);

/* mm/memory.c */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x02
#define FAULT_FLAG_INSTRUCTION	0x04
#define VM_FAULT_OOM		0x0001
#define VM_FAULT_SIGSEGV	0x0002
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
		    unsigned int flags);
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);
void free_pgtables(struct mm_struct *mm);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end);
/* The page mapped at addr (a reference taken), or NULL. */
struct page *follow_page(struct mm_struct *mm, unsigned long addr, bool *writable);
/* Map page at addr in mm (execve); the PTE takes the caller's reference. */
int install_user_page(struct mm_struct *mm, unsigned long addr,
		      struct page *page, unsigned long vm_flags);
pgprot_t vm_get_page_prot(unsigned long vm_flags);

#endif /* _LINUX_MM_H */
