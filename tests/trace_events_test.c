// SPDX-License-Identifier: GPL-2.0
/*
 * The trace events beyond the kmap_local ones (tests/trace_test.c):
 * interrupt entry/exit with the vector, a shootdown's ipi_raise and each
 * receiver's ipi_entry/exit tied by one flow id, page faults resolved
 * and fixed up, a user program's system calls, kmap()'s pool events'
 * fields, the pool sleeping when full and woken by kunmap(), and each new
 * event's line.
 *
 * kmaplab-lint: allow kmap -- fills kmap()'s pool to make it sleep
 */
#include "kmap_test_common.h"
#include "trace_test_common.h"
#include "user_mm_common.h"
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/smp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <asm/desc.h>
#include <asm/unistd_32.h>
#include <asm/trace/exceptions.h>
#include <kmaplab/interrupt.h>
#include <trace/events/ipi.h>
#include <trace/events/tlb.h>

static void nothing(void *arg)
{
}

/* An interrupt's entry and exit, on this CPU, the entry in hard IRQ. */
static void trace_irq_vector_pair(struct kunit *test)
{
	const struct trace_entry *e;
	unsigned int cpu;
	int n, i, j;

	trace_set_event("irq_vector_*", true);
	migrate_disable();
	cpu = smp_processor_id();
	run_in_hardirq(nothing, NULL);
	migrate_enable();
	trace_off();
	e = trace_read(test, cpu, &n);
	for (i = 0; (i = trace_find(e, n, i, TRACE_IRQ_VECTOR_ENTRY, -1)) >= 0; i++)
		if (e[i].args[0] == IRQ_WORK_VECTOR)
			break;
	KUNIT_ASSERT_GE_MSG(test, i, 0, "no irq_vector_entry vector=%d", IRQ_WORK_VECTOR);
	KUNIT_EXPECT_TRUE(test, e[i].flags & TRACE_FLAG_HARDIRQ);
	j = trace_find(e, n, i + 1, TRACE_IRQ_VECTOR_EXIT, -1);
	KUNIT_ASSERT_GE(test, j, 0);
	KUNIT_EXPECT_EQ(test, e[j].args[0], (unsigned long)IRQ_WORK_VECTOR);
}

/* A shootdown: one raise, and on every other CPU an entry with its flow. */
static void trace_shootdown_ipi_flow(struct kunit *test)
{
	const struct trace_entry *e;
	unsigned int me, cpu;
	unsigned long flow;
	int n, i, j;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs (-smp 2)");
	trace_set_event("ipi_*", true);
	trace_set_event("tlb_flush", true);
	migrate_disable();
	me = smp_processor_id();
	flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(1));
	migrate_enable();
	trace_off();
	e = trace_read(test, me, &n);
	i = trace_find(e, n, 0, TRACE_IPI_RAISE, -1);
	KUNIT_ASSERT_GE(test, i, 0);
	flow = e[i].args[2];
	KUNIT_EXPECT_NE(test, flow, 0UL);
	KUNIT_EXPECT_EQ(test, e[i].args[0],
			cpumask_bits(cpu_online_mask)[0] & ~(1UL << me));
	KUNIT_EXPECT_EQ(test, e[i].args[1], (unsigned long)IPI_TLB_SHOOTDOWN);
	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		e = trace_read(test, cpu, &n);
		for (i = 0; (i = trace_find(e, n, i, TRACE_IPI_ENTRY, -1)) >= 0; i++)
			if (e[i].args[1] == flow)
				break;
		KUNIT_ASSERT_GE_MSG(test, i, 0, "CPU %u: no ipi_entry flow=%lu", cpu, flow);
		j = trace_find(e, n, i + 1, TRACE_TLB_FLUSH, -1);
		KUNIT_ASSERT_GE(test, j, 0);
		KUNIT_EXPECT_EQ(test, e[j].args[1], (unsigned long)TLB_REMOTE_SHOOTDOWN);
		j = trace_find(e, n, j + 1, TRACE_IPI_EXIT, -1);
		KUNIT_ASSERT_GE(test, j, 0);
		KUNIT_EXPECT_EQ(test, e[j].args[1], flow);
	}
}

/* The fault and its end, both on this CPU; result as given. */
static void expect_fault(struct kunit *test, unsigned int cpu,
			 unsigned long addr, enum page_fault_result result)
{
	const struct trace_entry *e = NULL;
	int n, i, j;

	e = trace_read(test, cpu, &n);
	i = trace_find(e, n, 0, TRACE_PAGE_FAULT_KERNEL, current->pid);
	KUNIT_ASSERT_GE(test, i, 0);
	KUNIT_EXPECT_EQ(test, e[i].args[0], addr);
	j = trace_find(e, n, i + 1, TRACE_PAGE_FAULT_EXIT, current->pid);
	KUNIT_ASSERT_GE(test, j, 0);
	KUNIT_EXPECT_EQ(test, e[j].args[0], addr);
	KUNIT_EXPECT_EQ(test, e[j].args[1], (unsigned long)result);
}

/* A kernel read of an unmapped address in the exception table: fixed up. */
static void trace_page_fault_fixup(struct kunit *test)
{
	unsigned int cpu;
	u32 v;

	trace_set_event("page_fault_*", true);
	migrate_disable();
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, get_kernel_nofault(v, (u32 *)NULL), -EFAULT);
	migrate_enable();
	trace_off();
	expect_fault(test, cpu, 0, PAGE_FAULT_FIXUP);
}

/* get_user() on a user page not there yet: made present (resolved). */
static void trace_page_fault_resolved(struct kunit *test)
{
	const unsigned long base = 0x10000000UL;
	struct mm_struct *mm = test_mm_alloc(test, base, 1, VM_READ | VM_WRITE);
	unsigned int cpu;
	u32 v = 1;

	kthread_use_mm(mm);
	trace_set_event("page_fault_*", true);
	migrate_disable();	/* the handler may sleep: still this CPU */
	cpu = smp_processor_id();
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)base), 0);
	migrate_enable();
	trace_off();
	test_mm_put(mm);
	KUNIT_EXPECT_EQ(test, v, 0U);
	expect_fault(test, cpu, base, PAGE_FAULT_RESOLVED);
}

/* The events of pid on every CPU: is there one of type with args[0] == a0? */
static bool traced(struct kunit *test, enum trace_event_id type, pid_t pid,
		   unsigned long a0, unsigned long a1, bool check_a1)
{
	const struct trace_entry *e;
	unsigned int cpu;
	int n, i;

	for_each_online_cpu(cpu) {
		e = trace_read(test, cpu, &n);
		for (i = 0; (i = trace_find(e, n, i, type, pid)) >= 0; i++)
			if (e[i].args[0] == a0 && (!check_a1 || e[i].args[1] == a1))
				return true;
	}
	return false;
}

/* On some CPU: pid's first user fault, then its end with result. */
static bool user_fault_ends(struct kunit *test, pid_t pid,
			    enum page_fault_result result)
{
	const struct trace_entry *e;
	unsigned int cpu;
	int n, i, j;

	for_each_online_cpu(cpu) {
		e = trace_read(test, cpu, &n);
		for (i = 0; (i = trace_find(e, n, i, TRACE_PAGE_FAULT_USER, pid)) >= 0; i++) {
			j = trace_find(e, n, i + 1, TRACE_PAGE_FAULT_EXIT, pid);
			if (j >= 0 && e[j].args[0] == e[i].args[0] &&
			    e[j].args[1] == result)
				return true;
		}
	}
	return false;
}

static pid_t run_traced(struct kunit *test, const char *const *argv, int exit)
{
	int status = -1;
	pid_t pid;

	if (!initramfs_present)
		kunit_skip(test, "no initramfs: boot with -initrd build/initramfs.cpio");
	trace_clear();
	trace_set_event("sys_*", true);
	trace_set_event("page_fault_*", true);
	pid = user_process_spawn(argv[0], argv, "/dev/null");
	KUNIT_ASSERT_GT(test, pid, 1);
	KUNIT_ASSERT_EQ(test, kernel_wait(pid, &status), (long)pid);
	trace_off();
	KUNIT_EXPECT_EQ(test, status, exit);
	return pid;
}

/*
 * memhog's write()s to its KTAP: in with NR 4, out with the bytes
 * written (not checked: /dev/null); exit without a way out; its first
 * touch of each new page a user fault, resolved; segv's write to NULL
 * a user fault that kills it (fatal).
 */
static void trace_user_syscalls_and_faults(struct kunit *test)
{
	pid_t pid = run_traced(test, (const char *const[]){ "/bin/memhog", "1", NULL }, 0);

	KUNIT_EXPECT_TRUE(test, traced(test, TRACE_SYS_ENTER, pid, __NR_write, 1, false));
	KUNIT_EXPECT_TRUE(test, traced(test, TRACE_SYS_EXIT, pid, __NR_write, 0, false));
	KUNIT_EXPECT_TRUE(test, traced(test, TRACE_SYS_ENTER, pid, __NR_exit_group, 0, false) ||
			  traced(test, TRACE_SYS_ENTER, pid, __NR_exit, 0, false));
	KUNIT_EXPECT_FALSE(test, traced(test, TRACE_SYS_EXIT, pid, __NR_exit_group, 0, false) ||
			   traced(test, TRACE_SYS_EXIT, pid, __NR_exit, 0, false));
	KUNIT_EXPECT_TRUE(test, user_fault_ends(test, pid, PAGE_FAULT_RESOLVED));
	pid = run_traced(test, (const char *const[]){ "/bin/segv", NULL }, 11);
	KUNIT_EXPECT_TRUE(test, user_fault_ends(test, pid, PAGE_FAULT_FATAL));
}

struct pool_waiter {
	struct page *page;
	struct completion done;
};

static int pool_waiter(void *arg)
{
	struct pool_waiter *w = arg;

	kmap(w->page);		/* sleeps: the pool is full */
	kunmap(w->page);
	complete(&w->done);
	return 0;
}

static void pool_sleep_wake(struct kunit *test, struct page **pages)
{
	static struct pool_waiter w;
	struct kmap_stats st;
	unsigned long sleeps, waited, addr7;
	const struct trace_entry *e;
	unsigned int cpu;
	bool slept = false, woke = false;
	int i, n;

	kmap_flush_unused();
	for (i = 0; i < LAST_PKMAP; i++)
		kmap(pages[i]);
	addr7 = (unsigned long)page_address(pages[7]);
	w.page = pages[LAST_PKMAP];
	init_completion(&w.done);
	kmap_stats_read(&st);
	sleeps = st.pkmap_sleeps;
	trace_set_event("kmap_high_sleep", true);
	trace_set_event("kmap_high_wake", true);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(pool_waiter, &w, "tr-kmap-wait")));
	for (waited = 0; waited < 10 * HZ && st.pkmap_sleeps == sleeps; waited++) {
		schedule_timeout_uninterruptible(1);	/* until it sleeps */
		kmap_stats_read(&st);
	}
	kunmap(pages[7]);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&w.done, 10 * HZ), 0UL);
	trace_off();
	for (i = 0; i < LAST_PKMAP; i++)
		if (i != 7)
			kunmap(pages[i]);
	for_each_online_cpu(cpu) {
		e = trace_read(test, cpu, &n);
		for (i = 0; i < n; i++) {
			slept |= e[i].type == TRACE_KMAP_HIGH_SLEEP &&
				 e[i].args[0] == page_to_pfn(w.page) &&
				 e[i].args[1] == LAST_PKMAP;
			woke |= e[i].type == TRACE_KMAP_HIGH_WAKE &&
				e[i].pid == current->pid &&
				e[i].args[0] == PKMAP_NR(addr7) &&
				e[i].args[1] == addr7 && e[i].args[2] == 1;
		}
	}
	KUNIT_EXPECT_TRUE_MSG(test, slept, "no kmap_high_sleep pfn=%05lx slots=%d",
			      page_to_pfn(w.page), LAST_PKMAP);
	KUNIT_EXPECT_TRUE_MSG(test, woke, "no kmap_high_wake slot=%lu addr=%08lx count=1 by the test",
			      PKMAP_NR(addr7), addr7);
}

/* The pool full: the next kmap() sleeps (traced), kunmap() wakes it. */
static void trace_kmap_pool_sleep_wake(struct kunit *test)
{
	trace_with_pool_pages(test, pool_sleep_wake);
}

/*
 * The first kmap_high_map or kmap_high_unmap by the test from e[from] on:
 * its slot, address, pfn and count. Returns where it is.
 */
static int expect_pool_event(struct kunit *test, const struct trace_entry *e,
			      int n, int from, enum trace_event_id type,
			      unsigned long addr, struct page *page,
			      unsigned long count)
{
	int i = trace_find(e, n, from, type, current->pid);

	KUNIT_ASSERT_GE_MSG(test, i, 0, "no %s by the test", trace_event_name(type));
	KUNIT_EXPECT_EQ(test, e[i].args[0], PKMAP_NR(addr));
	KUNIT_EXPECT_EQ(test, e[i].args[1], addr);
	KUNIT_EXPECT_EQ(test, e[i].args[2], page_to_pfn(page));
	KUNIT_EXPECT_EQ(test, e[i].args[3], count);
	return i;
}

/*
 * kmap() of a highmem page twice and kunmap() twice: the pool's events
 * name its slot, address and pfn, and the count after each (users + 1).
 */
static void trace_kmap_pool_map_unmap(struct kunit *test)
{
	struct page *page = kt_alloc_highpage(test);
	const struct trace_entry *e;
	unsigned long addr;
	unsigned int cpu;
	int n, i;

	trace_set_event("kmap_high_map", true);
	trace_set_event("kmap_high_unmap", true);
	migrate_disable();
	cpu = smp_processor_id();
	addr = (unsigned long)kmap(page);
	KUNIT_EXPECT_EQ(test, (unsigned long)kmap(page), addr);
	kunmap(page);
	kunmap(page);
	migrate_enable();
	trace_off();
	__free_page(page);
	e = trace_read(test, cpu, &n);
	i = expect_pool_event(test, e, n, 0, TRACE_KMAP_HIGH_MAP, addr, page, 2);
	i = expect_pool_event(test, e, n, i + 1, TRACE_KMAP_HIGH_MAP, addr, page, 3);
	i = expect_pool_event(test, e, n, i + 1, TRACE_KMAP_HIGH_UNMAP, addr, page, 2);
	expect_pool_event(test, e, n, i + 1, TRACE_KMAP_HIGH_UNMAP, addr, page, 1);
}

/* Each new event's fields, as docs/trace.md and scripts/trace/ read them. */
static void trace_event_lines(struct kunit *test)
{
	static const struct {
		enum trace_event_id type;
		unsigned long args[TRACE_NR_ARGS];
		const char *fields;
	} lines[] = {
		{ TRACE_IPI_RAISE, { 0xe, IPI_TLB_SHOOTDOWN, 7 },
		  "ipi_raise: target_mask=e (tlb shootdown) flow=7" },
		{ TRACE_IPI_ENTRY, { IPI_TLB_SHOOTDOWN, 7 },
		  "ipi_entry: (tlb shootdown) flow=7" },
		{ TRACE_IRQ_VECTOR_ENTRY, { LOCAL_TIMER_VECTOR },
		  "irq_vector_entry: vector=236 (local_timer)" },
		{ TRACE_PAGE_FAULT_USER, { 0x8049000, 0x8048123, 6 },
		  "page_fault_user: address=0x08049000 ip=0x08048123 error_code=0x6" },
		{ TRACE_PAGE_FAULT_EXIT, { 0x8049000, PAGE_FAULT_FIXUP },
		  "page_fault_exit: address=0x08049000 result=fixup" },
		{ TRACE_SYS_ENTER, { 3, 0, 0xbfff0000, 0x100 },
		  "sys_enter: NR 3 (0, bfff0000, 100)" },
		{ TRACE_SYS_EXIT, { 3, -14 }, "sys_exit: NR 3 = -14" },
		{ TRACE_KMAP_HIGH_SLEEP, { 0x3a000, 512 },
		  "kmap_high_sleep: pfn=3a000 slots=512" },
		{ TRACE_KMAP_HIGH_WAKE, { 7, 0xffa07000, 1 },
		  "kmap_high_wake: slot=7 addr=ffa07000 count=1" },
	};
	struct trace_entry e = { .ts = 1000, .cpu = 2, .pid = 5, .comm = "sh" };
	char buf[200];
	int k;

	for (k = 0; k < ARRAY_SIZE(lines); k++) {
		e.type = lines[k].type;
		memcpy(e.args, lines[k].args, sizeof(e.args));
		trace_format_entry(buf, sizeof(buf), &e);
		KUNIT_EXPECT_STREQ(test, buf + strlen(buf) - strlen(lines[k].fields),
				   lines[k].fields);
	}
}

static struct kunit_case trace_events_cases[] = {
	KUNIT_CASE(trace_irq_vector_pair),
	KUNIT_CASE(trace_shootdown_ipi_flow),
	KUNIT_CASE(trace_page_fault_fixup),
	KUNIT_CASE(trace_page_fault_resolved),
	KUNIT_CASE(trace_user_syscalls_and_faults),
	KUNIT_CASE(trace_kmap_pool_sleep_wake),
	KUNIT_CASE(trace_kmap_pool_map_unmap),
	KUNIT_CASE(trace_event_lines),
	{}
};

static struct kunit_suite trace_events_suite = {
	.name = "trace_events",
	.init = trace_suite_init,
	.exit = trace_suite_exit,
	.test_cases = trace_events_cases,
};
kunit_test_suite(trace_events_suite);
