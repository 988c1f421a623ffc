// SPDX-License-Identifier: GPL-2.0
/*
 * The sleeping fault, made visible (a kmaplab debug knob, see
 * <kmaplab/fault.h>): with fault_sleep_ms=N every anonymous page fault
 * sleeps N ms before it allocates the page, as a fault that reads the
 * page from disk or swap would. A copy_to_user() that faults on a fresh
 * user buffer then really gives the CPU away in the middle of the copy
 * -- with its kmap_local mapping held, on the kmap_local_page() path of
 * read(), and with none held on the kmap_atomic() path, which fixes the
 * fault up and faults the page in after unmapping.
 *
 * And the counters that show which happened.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <kmaplab/params.h>
#include <kmaplab/fault.h>

unsigned int fault_sleep_ms;
struct uaccess_fault_stats uaccess_fault_stats;

static int __init fault_sleep_setup(char *str)
{
	unsigned int ms;

	if (kstrtouint(str, 10, &ms) || ms > FAULT_SLEEP_MS_MAX) {
		setup_kept("fault_sleep_ms=%u (0..%u ms)", fault_sleep_ms,
			   FAULT_SLEEP_MS_MAX);
		return 0;
	}
	fault_sleep_ms = ms;
	return 1;
}
__setup("fault_sleep_ms=", fault_sleep_setup);

/*
 * Called by do_anonymous_page() with mm->mmap_lock held, as a fault
 * that waits for I/O would be. The task may hold kmap_local mappings:
 * the context switch saves them and puts them back (mm/highmem.c).
 */
void fault_sleep(void)
{
	unsigned int ms = READ_ONCE(fault_sleep_ms);

	if (!ms)
		return;
	atomic_inc(&uaccess_fault_stats.sleeps);
	if (current->kmap_ctrl.idx)
		atomic_inc(&uaccess_fault_stats.sleeps_mapped);
	msleep(ms);
}

void uaccess_fault_snap(struct uaccess_fault_snap *s)
{
	struct uaccess_fault_stats *st = &uaccess_fault_stats;

	s->resolved = atomic_read(&st->resolved);
	s->fixed_up = atomic_read(&st->fixed_up);
	s->sleeps = atomic_read(&st->sleeps);
	s->sleeps_mapped = atomic_read(&st->sleeps_mapped);
	s->short_copies = atomic_read(&st->short_copies);
	s->retries = atomic_read(&st->retries);
}

void show_uaccess_fault_stats(void)
{
	struct uaccess_fault_snap s;

	uaccess_fault_snap(&s);
	pr_info("filemap_copy=%s fault_sleep_ms=%u\n",
		filemap_copy_path_name(filemap_copy_path), fault_sleep_ms);
	pr_info("kernel faults on user memory: %lu resolved, %lu fixed up "
		"(page faults disabled)\n", s.resolved, s.fixed_up);
	pr_info("fault sleeps: %lu, of which %lu holding a kmap_local mapping\n",
		s.sleeps, s.sleeps_mapped);
	pr_info("page-cache copies: %lu stopped short in atomic, %lu retried\n",
		s.short_copies, s.retries);
}
