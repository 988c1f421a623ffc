// SPDX-License-Identifier: GPL-2.0
/*
 * kmap_local_page() on one task: where the mapping lands, what it shares
 * with other mappings of the same page, LIFO nesting and its checks, the
 * preemption/page-fault state it leaves, and the lowmem fast path.
 *
 * kmaplab-lint: allow kmap kmap_atomic -- compares kmap_local_page with kmap() and kmap_atomic()
 */
#include "kmap_test_common.h"
#include <linux/vmalloc.h>
#include <linux/printk.h>
#include <kmaplab/printk.h>

/* 1. A fixmap address; the same bytes as kmap() and vmap(); gone after. */
static void kmap_local_highmem_maps_and_unmaps(struct kunit *test)
{
	struct page *page;
	void *local, *global, *vm;

	/*
	 * kunmap() leaves its pool entry in place (count 1) until the pool
	 * is flushed, as in Linux, and the page may be freed and handed out
	 * again meanwhile: a page from an earlier kmap() user -- this suite's
	 * own first run included -- still has an address. Flush first.
	 */
	kmap_flush_unused();
	page = kt_alloc_highpage(test);
	KUNIT_EXPECT_NULL(test, page_address(page));
	local = kmap_local_page(page);
	KUNIT_EXPECT_TRUE(test, kmap_local_addr((unsigned long)local));
	KUNIT_EXPECT_EQ(test, (unsigned long)local & ~PAGE_MASK, 0UL);
	kt_fill(local, 1);

	global = kmap(page);
	KUNIT_EXPECT_PTR_NE(test, global, local);
	KUNIT_EXPECT_EQ(test, kt_check(global, 1), -1);
	vm = vmap(&page, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	KUNIT_EXPECT_EQ(test, kt_check(vm, 1), -1);
	/* A write through one is seen through the others: one frame. */
	((u8 *)vm)[100] = 0xa5;
	KUNIT_EXPECT_EQ(test, ((u8 *)local)[100], 0xa5);
	KUNIT_EXPECT_EQ(test, ((u8 *)global)[100], 0xa5);
	vunmap(vm);
	kunmap(page);

	KUNIT_EXPECT_PTR_EQ(test, kmap_to_page(local), page);
	kunmap_local(local);
	/* The slot's PTE is cleared and invalidated: the address faults. */
	KUNIT_EXPECT_FALSE(test, kt_mapped(local));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(page);
}

/* kunmap_local() takes any address inside the page, as in Linux. */
static void kmap_local_unmap_inside_page(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	char *p = kmap_local_page(page);

	kunmap_local(p + 1234);
	KUNIT_EXPECT_FALSE(test, kt_mapped(p));
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	__free_page(page);
}

/* 2. Nesting: two different slots, released in reverse order. */
static void kmap_local_nesting(struct kunit *test)
{
	struct page *a = kt_alloc_highpage(test), *b = kt_alloc_highpage(test);
	void *va, *vb;

	va = kmap_local_page(a);
	vb = kmap_local_page(b);
	KUNIT_EXPECT_PTR_NE(test, va, vb);
	/* The stack grows to higher fixmap indexes, i.e. lower addresses. */
	KUNIT_EXPECT_LT(test, (unsigned long)vb, (unsigned long)va);
	kt_fill(va, 2);
	kt_fill(vb, 3);
	KUNIT_EXPECT_EQ(test, kt_check(va, 2), -1);
	kunmap_local(vb);
	KUNIT_EXPECT_FALSE(test, kt_mapped(vb));
	KUNIT_EXPECT_EQ(test, kt_check(va, 2), -1);
	kunmap_local(va);
	KUNIT_EXPECT_FALSE(test, kt_mapped(va));
	__free_page(a);
	__free_page(b);
}

/* A wrong order is named (both addresses) and the stack stays sound. */
static void kmap_local_wrong_order_warns(struct kunit *test)
{
	struct page *a = kt_alloc_highpage(test), *b = kt_alloc_highpage(test);
	struct kt_counters before, after;
	struct printk_capture cap;
	static char log[2048];
	char want[64];
	void *va, *vb;

	kt_counters(&before);
	va = kmap_local_page(a);
	vb = kmap_local_page(b);
	kt_fill(va, 4);
	printk_capture_start(&cap, log, sizeof(log));
	kunmap_local(va);		/* wrong: vb is on top */
	printk_capture_stop(&cap);
	/*
	 * As in Linux, the unmap takes down the top of the stack whatever
	 * address it was given: vb is gone and va still shows page a.
	 */
	KUNIT_EXPECT_FALSE(test, kt_mapped(vb));
	KUNIT_EXPECT_EQ(test, kt_check(va, 4), -1);
	kunmap_local(vb);		/* now va is on top: wrong again */
	kt_counters(&after);

	KUNIT_EXPECT_EQ(test, after.kmap.unmap_order_errors,
			before.kmap.unmap_order_errors + 2);
	/* WARN_ONCE: the text appears on the first misuse of the boot. */
	if (before.kmap.unmap_order_errors == 0) {
		snprintf(want, sizeof(want), "unmapping %08lx", (unsigned long)va);
		KUNIT_EXPECT_NOT_NULL(test, strstr(log, want));
		snprintf(want, sizeof(want), "most recent mapping is %08lx",
			 (unsigned long)vb);
		KUNIT_EXPECT_NOT_NULL(test, strstr(log, want));
	}
	/* Two pushes, two pops: nothing left mapped, nothing leaked. */
	KUNIT_EXPECT_EQ(test, current->kmap_ctrl.idx, 0);
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);
	KUNIT_EXPECT_FALSE(test, kt_mapped(va));
	KUNIT_EXPECT_FALSE(test, kt_mapped(vb));
	__free_page(a);
	__free_page(b);
}

/* Debug build: an unmapped guard slot above every mapping. */
static void kmap_local_guard_slots(struct kunit *test)
{
	struct page *a = kt_alloc_highpage(test), *b = kt_alloc_highpage(test);
	u8 *va, *vb;

	if (!IS_ENABLED(CONFIG_DEBUG_KMAP_LOCAL)) {
		__free_page(a);
		__free_page(b);
		kunit_skip(test, "guard slots exist only in the debug build");
	}
	va = kmap_local_page(a);
	vb = kmap_local_page(b);
	/* Running off the end of b lands in the guard, not in a. */
	KUNIT_EXPECT_FALSE(test, kt_mapped(vb + PAGE_SIZE));
	KUNIT_EXPECT_FALSE(test, kt_mapped(va + PAGE_SIZE));
	KUNIT_EXPECT_PTR_EQ(test, vb + 2 * PAGE_SIZE, va);
	kunmap_local(vb);
	kunmap_local(va);
	__free_page(a);
	__free_page(b);
}

/* 5. kmap_local leaves preemption and page faults on; kmap_atomic not. */
static void kmap_local_context_state(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	int pc = preempt_count();
	void *v;

	KUNIT_ASSERT_TRUE(test, preemptible());
	v = kmap_local_page(page);
	KUNIT_EXPECT_TRUE(test, preemptible());
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 1);
	kunmap_local(v);
	KUNIT_EXPECT_EQ(test, current->migration_disabled, 0);

	v = kmap_atomic(page);
	KUNIT_EXPECT_FALSE(test, preemptible());
	KUNIT_EXPECT_TRUE(test, pagefault_disabled());
	KUNIT_EXPECT_TRUE(test, in_atomic());
	kunmap_atomic(v);
	KUNIT_EXPECT_TRUE(test, preemptible());
	KUNIT_EXPECT_FALSE(test, pagefault_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	__free_page(page);
}

/* A fault inside kmap_atomic on an extable-covered access: -EFAULT. */
static void kmap_atomic_fault_is_fixed_up(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	void *v = kmap_atomic(page);
	long err;
	int x;

	err = get_kernel_nofault(x, (int *)NULL);
	KUNIT_EXPECT_EQ(test, err, (long)-EFAULT);
	/* Still atomic, still on the same slot: nothing slept. */
	KUNIT_EXPECT_TRUE(test, in_atomic());
	KUNIT_EXPECT_TRUE(test, kt_mapped(v));
	kunmap_atomic(v);
	__free_page(page);
}

/* 8. Lowmem pages: page_address(), no slot, no PTE, no flush. */
static void kmap_lowmem_no_work(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct kt_counters before, after;
	void *a, *b, *c;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_FALSE(test, PageHighMem(page));
	kt_counters(&before);
	c = kmap(page);		/* first: kmap() may sleep, not under kmap_atomic */
	a = kmap_local_page(page);
	b = kmap_atomic(page);
	kunmap_atomic(b);
	kunmap_local(a);
	kunmap(page);
	kt_counters(&after);

	if (kmap_local_force_map) {
		/* Force-map mode: lowmem goes through the slots too. */
		KUNIT_EXPECT_TRUE(test, kmap_local_addr((unsigned long)a));
		KUNIT_EXPECT_TRUE(test, kmap_local_addr((unsigned long)b));
		KUNIT_EXPECT_EQ(test, after.kmap.local_map, before.kmap.local_map + 2);
	} else {
		KUNIT_EXPECT_PTR_EQ(test, a, page_address(page));
		KUNIT_EXPECT_PTR_EQ(test, b, page_address(page));
		KUNIT_EXPECT_EQ(test, after.kmap.local_map, before.kmap.local_map);
		KUNIT_EXPECT_EQ(test, after.invlpg, before.invlpg);
	}
	KUNIT_EXPECT_PTR_EQ(test, c, page_address(page));
	KUNIT_EXPECT_EQ(test, after.kmap.pkmap_map, before.kmap.pkmap_map);
	KUNIT_EXPECT_EQ(test, after.flush_all, before.flush_all);
	__free_page(page);
}

/*
 * 8b. lowmem_fast counts each lowmem page that needed no slot, whichever
 * call it came through: kmap_local_page() as well as kmap_atomic(). This
 * CPU's counter, with interrupts off, so nothing else can add to it.
 */
static void kmap_lowmem_counted(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long before, after_local, after_atomic, flags;
	void *a, *b;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_ASSERT_FALSE(test, PageHighMem(page));
	if (kmap_local_force_map) {
		__free_page(page);
		kunit_skip(test, "force-map mode gives lowmem pages slots too");
	}
	local_irq_save(flags);
	before = this_cpu_read(kmap_stats.lowmem_fast);
	a = kmap_local_page(page);
	after_local = this_cpu_read(kmap_stats.lowmem_fast);
	b = kmap_atomic(page);
	after_atomic = this_cpu_read(kmap_stats.lowmem_fast);
	kunmap_atomic(b);
	kunmap_local(a);
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, after_local, before + 1);
	KUNIT_EXPECT_EQ(test, after_atomic, before + 2);
	__free_page(page);
}

/* 9. RAM above 4 GiB (the -m 6G boot): every API reaches it. */
static void kmap_above_4g(struct kunit *test)
{
	struct page *pages[64], *hi = NULL;
	int n = 0, i;
	void *v;

	if (max_pfn <= 0x100000)
		kunit_skip(test, "no RAM above 4 GiB in this boot (try -m 6G)");
	/* The allocator hands out high pfns first when it can; look a while. */
	while (n < (int)ARRAY_SIZE(pages)) {
		struct page *p = alloc_pages(GFP_HIGHUSER, 4);

		if (!p)
			break;
		pages[n++] = p;
		if (page_to_pfn(p) >= 0x100000) {
			hi = p;
			break;
		}
	}
	if (!hi) {
		for (i = 0; i < n; i++)
			__free_pages(pages[i], 4);
		kunit_skip(test, "could not allocate a page above 4 GiB");
	}
	KUNIT_EXPECT_TRUE(test, PageHighMem(hi));
	KUNIT_EXPECT_GE(test, page_to_phys(hi), 0x100000000ULL);

	v = kmap_local_page(hi);
	kt_fill(v, 9);
	kunmap_local(v);
	v = kmap_atomic(hi);
	KUNIT_EXPECT_EQ(test, kt_check(v, 9), -1);
	kunmap_atomic(v);
	v = kmap(hi);
	KUNIT_EXPECT_EQ(test, kt_check(v, 9), -1);
	kunmap(hi);
	v = vmap(&hi, 1, VM_MAP, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_EQ(test, kt_check(v, 9), -1);
	vunmap(v);
	for (i = 0; i < n; i++)
		__free_pages(pages[i], 4);
}

static struct kunit_case kmap_local_cases[] = {
	KUNIT_CASE(kmap_local_highmem_maps_and_unmaps),
	KUNIT_CASE(kmap_local_unmap_inside_page),
	KUNIT_CASE(kmap_local_nesting),
	KUNIT_CASE(kmap_local_wrong_order_warns),
	KUNIT_CASE(kmap_local_guard_slots),
	KUNIT_CASE(kmap_local_context_state),
	KUNIT_CASE(kmap_atomic_fault_is_fixed_up),
	KUNIT_CASE(kmap_lowmem_no_work),
	KUNIT_CASE(kmap_lowmem_counted),
	KUNIT_CASE(kmap_above_4g),
	{}
};

static struct kunit_suite kmap_local_suite = {
	.name = "kmap_local",
	.test_cases = kmap_local_cases,
};
kunit_test_suite(kmap_local_suite);
