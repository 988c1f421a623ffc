// SPDX-License-Identifier: GPL-2.0
/*
 * paging suite: the state boot/head.asm leaves the MMU in. PAE paging on
 * with CR3 at swapper_pdpt, global kernel pages, CR0.WP, EFER.NXE exactly
 * when the CPU has NX; the kernel mapped at its link address and the
 * direct map at PAGE_OFFSET; the identity map, the NULL page and the
 * boot stack's guard page not mapped.
 *
 * Page-table entries are read with get_kernel_nofault(), so a broken
 * table fails a test instead of oopsing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/pgtable_32_areas.h>
#include <asm/sections.h>
#include <kunit/test.h>
#include <kmaplab/kunit.h>

static u32 paging_test_data = 0x600d600d;

/* PAE CR3: the PDPT's physical address, 32-byte aligned. */
static unsigned long cr3_pdpt(void)
{
	return read_cr3() & ~0x1fUL;
}

/*
 * The entry that maps va in the live tables: the PTE, or the PDE of a
 * 2 MiB page (*level = 2). 0 if not present; -1 if a table was unreadable.
 */
static u64 lookup_entry(unsigned long va, int *level)
{
	u64 e;

	*level = 3;
	if (get_kernel_nofault(e, (u64 *)__va(cr3_pdpt()) + (va >> 30)))
		return (u64)-1;
	if (!(e & _PAGE_PRESENT))
		return 0;
	*level = 2;
	if (get_kernel_nofault(e, (u64 *)__va(e & PTE_PFN_MASK) + ((va >> 21) & 511)))
		return (u64)-1;
	if (!(e & _PAGE_PRESENT) || (e & _PAGE_PSE))
		return e;
	*level = 1;
	if (get_kernel_nofault(e, (u64 *)__va(e & PTE_PFN_MASK) + ((va >> 12) & 511)))
		return (u64)-1;
	return e;
}

/* Physical address va translates to by the tables, or -1. */
static u64 translate(unsigned long va)
{
	int level;
	u64 e = lookup_entry(va, &level);

	if (e == (u64)-1 || !(e & _PAGE_PRESENT))
		return (u64)-1;
	if (level == 2)
		return (e & PTE_PFN_MASK & ~0x1fffffULL) | (va & 0x1fffff);
	return (e & PTE_PFN_MASK) | (va & ~PAGE_MASK);
}

static void paging_test_control_registers(struct kunit *test)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();

	KUNIT_EXPECT_TRUE_MSG(test, cr0 & X86_CR0_PG, "CR0 %08lx", cr0);
	KUNIT_EXPECT_TRUE_MSG(test, cr0 & X86_CR0_WP, "CR0 %08lx", cr0);
	KUNIT_EXPECT_TRUE_MSG(test, cr4 & X86_CR4_PAE, "CR4 %08lx", cr4);
	KUNIT_EXPECT_TRUE(test, boot_cpu_data.has_pae);
	if (boot_cpu_data.has_pge)
		KUNIT_EXPECT_TRUE_MSG(test, cr4 & X86_CR4_PGE, "CR4 %08lx", cr4);
}

static void paging_test_cr3(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, cr3_pdpt(), __pa(swapper_pdpt));
	/* PAE's PDPT must be 32-byte aligned and below 4 GiB. */
	KUNIT_EXPECT_EQ(test, (unsigned long)swapper_pdpt & 0x1f, 0UL);
	/* No PWT/PCD: the tables are cached write-back. */
	KUNIT_EXPECT_EQ(test, read_cr3() & 0x18, 0UL);
}

static void paging_test_pdpt(struct kunit *test)
{
	u64 kernel = pgd_val(swapper_pdpt[pgd_index(PAGE_OFFSET)]);

	KUNIT_ASSERT_TRUE(test, kernel & _PAGE_PRESENT);
	KUNIT_EXPECT_EQ(test, kernel & PTE_PFN_MASK, (u64)__pa(swapper_pd));
	/*
	 * In a PAE PDPTE, RW and US (and PS, NX) are reserved: setting them,
	 * as one would in a PDE, makes the CR3 load #GP on real hardware.
	 * (Bits 5-8 are reserved too, but QEMU's walker sets Accessed there.)
	 */
	KUNIT_EXPECT_EQ(test, kernel & (_PAGE_RW | _PAGE_USER | _PAGE_PSE), 0ULL);
	KUNIT_EXPECT_EQ(test, kernel & _PAGE_NX, 0ULL);
}

static void paging_test_nx(struct kunit *test)
{
	u32 max_ext, a, b, c, d = 0;
	bool cpu_nx = false;

	cpuid(0x80000000, &max_ext, &b, &c, &d);
	if (max_ext >= 0x80000001) {
		cpuid(0x80000001, &a, &b, &c, &d);
		cpu_nx = d & CPUID_EXT_EDX_NX;
	}
	KUNIT_EXPECT_EQ(test, boot_cpu_data.has_nx, cpu_nx);
	KUNIT_EXPECT_EQ(test, nx_enabled, cpu_nx);
	/* EFER exists wherever extended leaf 0x80000001 does. */
	if (max_ext >= 0x80000001)
		KUNIT_EXPECT_EQ(test, !!(rdmsr(MSR_EFER) & EFER_NX), cpu_nx);
	if (!cpu_nx)
		kunit_mark_skipped(test, "CPU without NX (try -cpu max)");
}

static void paging_test_kernel_mapped(struct kunit *test)
{
	unsigned long fn = (unsigned long)kunit_run_all;
	u8 b;
	u32 v;

	KUNIT_EXPECT_EQ(test, (unsigned long)_text, PAGE_OFFSET + LOAD_PHYSICAL_ADDR);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)fn), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)_text), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)((unsigned long)_etext - 1)), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, &paging_test_data), 0);
	KUNIT_EXPECT_EQ(test, v, 0x600d600dU);
	/* Linked at PAGE_OFFSET + x means loaded at physical x. */
	KUNIT_EXPECT_EQ(test, translate(fn), (u64)__pa(fn));
	KUNIT_EXPECT_EQ(test, translate((unsigned long)&paging_test_data),
			(u64)__pa(&paging_test_data));
}

static void paging_test_kernel_pte_bits(struct kunit *test)
{
	int level;
	u64 text = lookup_entry((unsigned long)kunit_run_all, &level);
	u64 data = lookup_entry((unsigned long)&paging_test_data, &level);

	KUNIT_ASSERT_TRUE(test, text & _PAGE_PRESENT);
	KUNIT_ASSERT_TRUE(test, data & _PAGE_PRESENT);
	KUNIT_EXPECT_FALSE(test, text & _PAGE_USER);
	KUNIT_EXPECT_FALSE(test, data & _PAGE_USER);
	KUNIT_EXPECT_FALSE(test, text & _PAGE_NX);	/* we are running it */
	KUNIT_EXPECT_TRUE(test, data & _PAGE_RW);
	/* Kernel mappings are the same in every address space: global. */
	if (read_cr4() & X86_CR4_PGE) {
		KUNIT_EXPECT_TRUE(test, text & _PAGE_GLOBAL);
		KUNIT_EXPECT_TRUE(test, data & _PAGE_GLOBAL);
	}
}

/* Physical memory from 0 is reachable at PAGE_OFFSET. */
static void paging_test_direct_map(struct kunit *test)
{
	unsigned long va = (unsigned long)__va(0x1000);
	u8 b;

	KUNIT_EXPECT_EQ(test, translate(va), 0x1000ULL);
	/*
	 * Its last page: lowmem's end, which is below the boot map's 16 MiB
	 * on a small machine (-m 5M, lowmem=8M) -- not BOOT_MAP_SIZE.
	 */
	KUNIT_EXPECT_EQ(test, translate((unsigned long)high_memory - PAGE_SIZE),
			(u64)__pa(high_memory) - PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(b, (u8 *)high_memory - 1), 0);
	/* The same byte through the direct map and through the kernel's own address. */
	KUNIT_EXPECT_EQ(test, *(u8 *)__va(__pa(kunit_run_all)), *(u8 *)kunit_run_all);
}

static void paging_test_identity_gone(struct kunit *test)
{
	u32 v;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)LOAD_PHYSICAL_ADDR), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)__pa(&paging_test_data)), -EFAULT);
	KUNIT_EXPECT_EQ(test, translate(LOAD_PHYSICAL_ADDR), (u64)-1);
}

static void paging_test_null_page(struct kunit *test)
{
	u32 v;

	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)(PAGE_SIZE - 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, translate(0), (u64)-1);
}

static void paging_test_stack_guard(struct kunit *test)
{
	unsigned long guard = (unsigned long)boot_stack_guard;
	u32 v;

	KUNIT_EXPECT_EQ(test, guard & ~PAGE_MASK, 0UL);
	KUNIT_EXPECT_EQ(test, (unsigned long)boot_stack, guard + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)guard), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)(guard + PAGE_SIZE - 4)), -EFAULT);
	KUNIT_EXPECT_EQ(test, translate(guard), (u64)-1);
	/* Its neighbours are mapped: only the one page is missing. */
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)boot_stack), 0);
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)(guard - 4)), 0);
}

static struct kunit_case paging_test_cases[] = {
	KUNIT_CASE(paging_test_control_registers),
	KUNIT_CASE(paging_test_cr3),
	KUNIT_CASE(paging_test_pdpt),
	KUNIT_CASE(paging_test_nx),
	KUNIT_CASE(paging_test_kernel_mapped),
	KUNIT_CASE(paging_test_kernel_pte_bits),
	KUNIT_CASE(paging_test_direct_map),
	KUNIT_CASE(paging_test_identity_gone),
	KUNIT_CASE(paging_test_null_page),
	KUNIT_CASE(paging_test_stack_guard),
	{}
};

static struct kunit_suite paging_test_suite = {
	.name = "paging",
	.test_cases = paging_test_cases,
};
kunit_test_suite(paging_test_suite);
