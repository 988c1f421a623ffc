// SPDX-License-Identifier: GPL-2.0
/*
 * mm_prot: the protections of the kernel page tables. Text is read-only
 * (writing it faults) and executable; rodata read-only; data, bss and
 * the direct map writable but not executable (executing them faults
 * where the CPU has NX); page 0 and the boot stack guard not mapped;
 * every kernel mapping global. Also the permanent pkmap and fixmap page
 * tables, the page-table printers, and the TLB flush counters.
 */
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <asm/processor.h>
#include <kmaplab/printk.h>
#include "mm_test.h"
#include "../mm/internal.h"

/*
 * A page of .data holding one 'ret' instruction, and a caller whose
 * exception-table entry is the page's own address: if the CPU refuses
 * to fetch from it (NX), the fault is fixed up to mm_prot_nx_fixup,
 * which returns -EFAULT to our caller (the return address pushed by the
 * call is still on the stack). Without NX the 'ret' just runs: 0.
 */
u8 mm_prot_nx_page[PAGE_SIZE] __aligned(PAGE_SIZE) __section(".data") = { 0xc3 };
long mm_prot_call(void *target);
__asm__(".pushsection .text\n"
	".globl mm_prot_call\n"
	"mm_prot_call:\n"
	"	movl 4(%esp), %ecx\n"
	"	xorl %eax, %eax\n"
	"	call *%ecx\n"
	"	ret\n"
	"mm_prot_nx_fixup:\n"
	"	movl $-14, %eax\n"		/* -EFAULT */
	"	ret\n"
	".popsection\n"
	".pushsection __ex_table, \"a\"\n"
	"	.balign 4\n"
	"	.long mm_prot_nx_page, mm_prot_nx_fixup\n"
	".popsection\n");

static const u32 mm_prot_rodata = 0x0badc0de;
static u32 mm_prot_bss;

static u64 entry_of(unsigned long addr)
{
	unsigned int level;
	pte_t *pte = lookup_address(addr, &level);

	return pte ? pte_val(*pte) : 0;
}

static void mm_prot_text_readonly(struct kunit *test)
{
	u8 *text = (u8 *)mm_prot_call, old = *text, b = 0x90;
	u64 e = entry_of((unsigned long)text);

	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(text, &b, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, *text, old);
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(_text, &b, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault((void *)((unsigned long)_etext - 1), &b, 1), -EFAULT);
	KUNIT_EXPECT_TRUE(test, e & _PAGE_PRESENT);
	KUNIT_EXPECT_FALSE(test, e & _PAGE_RW);
	KUNIT_EXPECT_FALSE(test, e & _PAGE_NX);
}

static void mm_prot_rodata_readonly(struct kunit *test)
{
	u32 v = 1;
	u64 e = entry_of((unsigned long)&mm_prot_rodata);

	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault((void *)&mm_prot_rodata, &v, sizeof(v)),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, READ_ONCE(mm_prot_rodata), 0x0badc0deU);
	KUNIT_EXPECT_FALSE(test, e & _PAGE_RW);
	if (nx_enabled)
		KUNIT_EXPECT_TRUE(test, e & _PAGE_NX);
}

static void mm_prot_data_nx(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u64 data = entry_of((unsigned long)mm_prot_nx_page);
	u64 bss = entry_of((unsigned long)&mm_prot_bss);
	u64 direct;

	KUNIT_ASSERT_NOT_NULL(test, page);
	direct = entry_of((unsigned long)page_address(page));
	__free_page(page);
	KUNIT_EXPECT_TRUE(test, (data & _PAGE_RW) && (bss & _PAGE_RW) && (direct & _PAGE_RW));
	if (!nx_enabled) {
		/* Without NX the same call runs the byte in .data: it returns 0. */
		KUNIT_EXPECT_EQ(test, mm_prot_call(mm_prot_nx_page), 0);
		kunit_skip(test, "CPU without NX: data is executable (try -cpu max)");
	}
	KUNIT_EXPECT_TRUE(test, data & _PAGE_NX);
	KUNIT_EXPECT_TRUE(test, bss & _PAGE_NX);
	KUNIT_EXPECT_TRUE(test, direct & _PAGE_NX);
	/* The proof: fetching an instruction from .data faults. */
	KUNIT_EXPECT_EQ(test, mm_prot_call(mm_prot_nx_page), -EFAULT);
}

/* The same call into text runs: the fixup path is not what passes above. */
static void mm_prot_text_executes(struct kunit *test)
{
	static const u8 ret_insn = 0xc3;
	void *text_ret = memchr(_text, ret_insn, _etext - _text);

	KUNIT_ASSERT_NOT_NULL(test, text_ret);
	KUNIT_EXPECT_EQ(test, mm_prot_call(text_ret), 0);
}

static void mm_prot_unmapped_pages(struct kunit *test)
{
	u32 v;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)(PAGE_SIZE - 4)), -EFAULT);
	/* Physical page 0 is not in the direct map either. */
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)__va(0)), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)__va(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)boot_stack_guard), -EFAULT);
	/* The top page (FIX_HOLE) stays unmapped. */
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)__fix_to_virt(FIX_HOLE)), -EFAULT);
}

static void mm_prot_global(struct kunit *test)
{
	if (!(read_cr4() & X86_CR4_PGE))
		kunit_skip(test, "no PGE");
	KUNIT_EXPECT_TRUE(test, entry_of((unsigned long)_text) & _PAGE_GLOBAL);
	KUNIT_EXPECT_TRUE(test, entry_of((unsigned long)&mm_prot_bss) & _PAGE_GLOBAL);
	KUNIT_EXPECT_TRUE(test, entry_of((unsigned long)high_memory - 1) & _PAGE_GLOBAL);
}

/* pkmap and fixmap each own one page table, present from boot. */
static void mm_prot_permanent_tables(struct kunit *test)
{
	unsigned int i;
	pte_t *first = virt_to_kpte(fix_to_virt(FIX_KMAP_BEGIN));

	KUNIT_ASSERT_NOT_NULL(test, pkmap_page_table);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_kpte(PKMAP_BASE), pkmap_page_table);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_kpte(PKMAP_BASE + (LAST_PKMAP - 1) * PAGE_SIZE),
			    pkmap_page_table + LAST_PKMAP - 1);
	KUNIT_ASSERT_NOT_NULL(test, first);
	/* Higher index, lower address: slot idx is 'first - idx'. */
	for (i = 0; i < __end_of_fixed_addresses - FIX_KMAP_BEGIN; i++)
		if (virt_to_kpte(fix_to_virt(FIX_KMAP_BEGIN + i)) != first - i)
			break;
	KUNIT_EXPECT_EQ(test, i, (unsigned int)(__end_of_fixed_addresses - FIX_KMAP_BEGIN));
	for (i = 0; i < __end_of_fixed_addresses; i++)
		if (!virt_to_kpte(__fix_to_virt(i)))
			break;
	KUNIT_EXPECT_EQ(test, i, (unsigned int)__end_of_fixed_addresses);
	/* Both tables are lowmem pages the allocator will never hand out. */
	KUNIT_EXPECT_TRUE(test, virt_addr_valid(pkmap_page_table));
	KUNIT_EXPECT_TRUE(test, PageReserved(virt_to_page(pkmap_page_table)));
	KUNIT_EXPECT_TRUE(test, PageReserved(virt_to_page(first)));
}

static void mm_prot_fixmap_slot(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long va = __fix_to_virt(FIX_BENCH_SLOT);
	unsigned long invlpg = this_cpu_read(tlb_stats.invlpg);
	u32 v;

	KUNIT_ASSERT_NOT_NULL(test, page);
	*(u32 *)page_address(page) = 0xfeedf00d;
	__set_fixmap(FIX_BENCH_SLOT, page_to_phys(page), PAGE_KERNEL);
	KUNIT_EXPECT_EQ(test, *(u32 *)va, 0xfeedf00dU);
	clear_fixmap(FIX_BENCH_SLOT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)va), -EFAULT);
	/* Each slot change was one invlpg. */
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.invlpg), invlpg + 2);
	__free_page(page);
}

static void mm_prot_flush_counters(struct kunit *test)
{
	unsigned long all = this_cpu_read(tlb_stats.flush_all);
	unsigned long one = this_cpu_read(tlb_stats.invlpg);
	unsigned long range = this_cpu_read(tlb_stats.flush_range);
	unsigned long base = VMALLOC_START;

	flush_tlb_all();
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.flush_all), all + 1);
	flush_tlb_kernel_range(base, base + 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.invlpg), one + 4);
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.flush_all), all + 1);
	/* Above the ceiling, one full flush instead of many invlpg. */
	flush_tlb_kernel_range(base, base + (tlb_single_page_flush_ceiling + 1) * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.invlpg), one + 4);
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.flush_all), all + 2);
	KUNIT_EXPECT_EQ(test, this_cpu_read(tlb_stats.flush_range), range + 2);
	KUNIT_EXPECT_EQ(test, tlb_single_page_flush_ceiling, 33UL);
}

static void mm_prot_printers(struct kunit *test)
{
	static char out[1024];
	struct printk_capture cap;
	char buf[96];

	pte_flags_str(buf, sizeof(buf), pgprot_val(PAGE_KERNEL) | _PAGE_PRESENT);
	KUNIT_EXPECT_STREQ(test, buf, nx_enabled ? "present rw accessed dirty global nx" :
			   "present rw accessed dirty global x");
	pte_flags_str(buf, sizeof(buf), 0);
	KUNIT_EXPECT_STREQ(test, buf, "none");

	printk_capture_start(&cap, out, sizeof(out));
	dump_pagetable((unsigned long)_text);
	dump_pagetable((unsigned long)high_memory);
	printk_capture_stop(&cap);
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "*pdpt = "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "*pte = "));
	/* Text is read-only; static keys' text_poke() may have dirtied it. */
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "present ro accessed "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "global x  -> pfn"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(out, "is not mapped"));
}

static struct kunit_case mm_prot_cases[] = {
	KUNIT_CASE(mm_prot_text_readonly),
	KUNIT_CASE(mm_prot_rodata_readonly),
	KUNIT_CASE(mm_prot_data_nx),
	KUNIT_CASE(mm_prot_text_executes),
	KUNIT_CASE(mm_prot_unmapped_pages),
	KUNIT_CASE(mm_prot_global),
	KUNIT_CASE(mm_prot_permanent_tables),
	KUNIT_CASE(mm_prot_fixmap_slot),
	KUNIT_CASE(mm_prot_flush_counters),
	KUNIT_CASE(mm_prot_printers),
	{}
};

static struct kunit_suite mm_prot_suite = {
	.name = "mm_prot",
	.test_cases = mm_prot_cases,
};
kunit_test_suite(mm_prot_suite);
