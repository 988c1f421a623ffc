// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads: creation, stopping, and the end of every thread
 * (do_exit). See <linux/kthread.h> for the life cycle.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <kmaplab/kthread.h>
#include "sched.h"

/* What kthread_create() gave, and what kthread_stop() waits for. */
struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;
	int result;
	struct completion exited;
};

atomic_t kthreads_created = ATOMIC_INIT(0);
atomic_t kthreads_reaped = ATOMIC_INIT(0);

static struct kthread *to_kthread(struct task_struct *k)
{
	WARN_ON(!(k->flags & PF_KTHREAD));
	return k->kthread;
}

/* Where every kthread starts, once ret_from_fork has finished the switch. */
int kthread(void *data)
{
	struct kthread *self = data;
	int ret = -EINTR;

	/* Stopped before it ever ran: end without calling threadfn. */
	if (!READ_ONCE(self->should_stop))
		ret = self->threadfn(self->data);
	kthread_exit(ret);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...)
{
	char comm[TASK_COMM_LEN];
	struct task_struct *p;
	struct kthread *kt;
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(comm, sizeof(comm), namefmt, ap);
	va_end(ap);

	kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);
	p = alloc_task(comm, kthread, kt);
	if (!p) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	p->flags |= PF_KTHREAD;
	p->kthread = kt;
	p->pid = alloc_pid();
	atomic_inc(&kthreads_created);
	task_list_add(p);
	return p;
}

void free_kthread_struct(struct task_struct *p)
{
	if (!p->kthread)
		return;
	kfree(p->kthread);
	p->kthread = NULL;
	atomic_inc(&kthreads_reaped);
}

bool kthread_should_stop(void)
{
	return READ_ONCE(to_kthread(current)->should_stop);
}

void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	WARN_ON(task_is_running(k));	/* only before the first wake-up */
	k->cpus_mask = (cpumask_t){ { 0 } };
	cpumask_set_cpu(cpu, &k->cpus_mask);
	k->cpu = cpu;
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	might_sleep();
	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}

int kthread_stop_put(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

int kthread_join(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	might_sleep();
	wait_for_completion(&kt->exited);
	return kt->result;
}

int kthread_join_put(struct task_struct *k)
{
	int ret = kthread_join(k);

	put_task_struct(k);
	return ret;
}

void kthread_exit(long result)
{
	do_exit(result);
}

unsigned long nr_threads(void)
{
	struct task_struct *p;
	unsigned long flags, n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/*
 * A thread must end as it started: no locks, preemption and page faults
 * enabled, IRQs on. Say so if not, and repair what is per task, so that
 * the next task does not inherit a broken CPU state.
 */
static void exit_checks(struct task_struct *tsk)
{
	if (unlikely(irqs_disabled())) {
		pr_err("note: %s[%d] exited with irqs disabled\n", tsk->comm, tsk->pid);
		local_irq_enable();
	}
	if (unlikely(preempt_count())) {
		pr_err("note: %s[%d] exited with preempt_count %d\n",
		       tsk->comm, tsk->pid, preempt_count());
		preempt_count_set(0);
	}
	if (unlikely(tsk->pagefault_disabled)) {
		pr_err("note: %s[%d] exited with pagefault_disabled %d\n",
		       tsk->comm, tsk->pid, tsk->pagefault_disabled);
		tsk->pagefault_disabled = 0;
	}
	if (unlikely(tsk->migration_disabled)) {
		pr_err("note: %s[%d] exited with migration_disabled %d\n",
		       tsk->comm, tsk->pid, tsk->migration_disabled);
		tsk->migration_disabled = 0;
	}
	/* idx counts slots, KM_INCR per mapping (the debug build's guards) */
	WARN(tsk->kmap_ctrl.idx, "%s[%d] exited holding %d kmap_local mapping(s)",
	     tsk->comm, tsk->pid, tsk->kmap_ctrl.idx / KM_INCR);
}

/*
 * The end of a thread. Whoever waits in kthread_stop() is woken; then the
 * thread switches away for the last time and the next task reaps it.
 * Preemption is off from the wake-up on, so on one CPU the thread is
 * gone before the waiter runs.
 */
void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	/* Linux's words (kernel/exit.c): PID 1 is what user space stands on. */
	if (tsk == &init_task)
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	exit_checks(tsk);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	exit_process(tsk);	/* kernel/exit.c: mm, files, children, zombie */
	preempt_disable();
	task_list_del(tsk);
	if (tsk->kthread) {
		tsk->kthread->result = code;
		complete_all(&tsk->kthread->exited);	/* every joiner */
	}
	do_task_dead();
}
