// SPDX-License-Identifier: GPL-2.0
/*
 * The monitor's process commands: `ps` (every process, its memory),
 * `vm PID` (its VMAs, and for each present page its pfn and whether it
 * is highmem) and `run PROG [ARGS]` (start a program from the
 * initramfs on the console and wait for it: `run /bin/sh` gives a
 * shell, whose `exit` comes back here).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <kmaplab/monitor.h>

int cmd_ps(int argc, char **argv)
{
	struct task_struct *p;
	unsigned long flags;

	pr_info("  PID  PPID STATE      RSS  PTES COMMAND\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		struct mm_struct *mm = p->mm;

		if (!mm && !p->real_parent)
			continue;		/* kernel threads: see `threads` */
		pr_info("%5d %5d %-8s %5lu %5lu %s\n", p->pid,
			p->real_parent ? p->real_parent->pid : 0, task_state_name(p),
			mm ? mm->rss : 0, mm ? mm->nr_ptes : 0, p->comm);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

#define VM_SHOW_PAGES 4		/* pages listed per VMA; the rest counted */

static void show_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	unsigned long addr, present = 0, high = 0;

	pr_info("%08lx-%08lx %c%c%c %-7s %lu KiB\n", vma->vm_start, vma->vm_end,
		vma->vm_flags & VM_READ ? 'r' : '-', vma->vm_flags & VM_WRITE ? 'w' : '-',
		vma->vm_flags & VM_EXEC ? 'x' : '-', vma_name(vma),
		(vma->vm_end - vma->vm_start) >> 10);
	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		bool w;
		struct page *page = follow_page(mm, addr, &w);

		if (!page)
			continue;
		if (present++ < VM_SHOW_PAGES)
			pr_info("    %08lx -> pfn %#lx %s%s\n", addr, page_to_pfn(page),
				PageHighMem(page) ? "highmem" : "lowmem",
				w ? "" : " (read-only)");
		high += PageHighMem(page);
		put_page(page);
	}
	pr_info("    %lu page(s) present, %lu in highmem\n", present, high);
}

int cmd_vm(int argc, char **argv)
{
	struct task_struct *p, *found = NULL;
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	unsigned long flags;
	int pid;

	if (kstrtoint(argv[1], 10, &pid))
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (p->pid == pid)
			found = get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!found) {
		pr_info("vm: no process %d\n", pid);
		return 0;
	}
	mm = get_task_mm(found);
	if (!mm) {
		pr_info("vm: %d (%s) has no user address space\n", pid, found->comm);
		put_task_struct(found);
		return 0;
	}
	mutex_lock(&mm->mmap_lock);
	pr_info("vm: %d (%s): %d VMAs, %lu pages, %lu page tables\n", pid,
		found->comm, mm->map_count, mm->rss, mm->nr_ptes);
	list_for_each_entry(vma, &mm->mmap, vm_list)
		show_vma(mm, vma);
	mutex_unlock(&mm->mmap_lock);
	mmput(mm);
	put_task_struct(found);
	return 0;
}

int cmd_run(int argc, char **argv)
{
	const char *args[MONITOR_RUN_ARGS + 1] = { NULL };
	int i, status = 0;
	pid_t pid;

	if (!initramfs_present) {
		pr_info("run: no initramfs (./run-qemu.sh passes build/initramfs.cpio)\n");
		return 0;
	}
	for (i = 1; i < argc && i <= MONITOR_RUN_ARGS; i++)
		args[i - 1] = argv[i];
	pid = user_process_spawn(args[0], args, "/dev/console");
	if (pid < 0)
		return pid;
	pr_info("run: %s is pid %d\n", args[0], pid);
	kernel_wait(pid, &status);
	pr_info("run: pid %d %s %d\n", pid, status & 0x7f ? "killed by signal" :
		"exited with status", status & 0x7f ? status & 0x7f : status >> 8);
	return 0;
}
