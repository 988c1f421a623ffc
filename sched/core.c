// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core: run queues, schedule(), the context switch path,
 * the tick and the preemption entry points. Wake-ups are in wakeup.c.
 *
 * Policy (docs/scheduler.md): round-robin among runnable tasks, one FIFO
 * queue per CPU, a time slice of sched_slice_ticks timer ticks. The tick
 * that ends a slice sets TIF_NEED_RESCHED; the task is then switched out
 * at the first point where preemption is allowed -- on return from that
 * very interrupt if it was preemptible, otherwise at preempt_enable(),
 * cond_resched() or when it sleeps -- and goes to the back of the queue.
 * A wake-up queues the task at the back too; it preempts only the idle
 * task. So no runnable task waits more than (runnable tasks) x slice
 * for a preemptible CPU.
 *
 * The rule every path below keeps: schedule() is entered with exactly one
 * level of preemption disabled (PREEMPT_DISABLE_OFFSET), takes the
 * run-queue lock (a second level, IRQs off), and the task switched to
 * releases both. A new task starts as if it were returning from such a
 * switch (FORK_PREEMPT_COUNT).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <trace/events/sched.h>
#include <linux/highmem-internal.h>
#include <asm/sections.h>
#include <kmaplab/bug.h>
#include <linux/mm_types.h>
#include <asm/mmu_context.h>
#include <asm/desc.h>
#include "sched.h"
#include <kmaplab/params.h>

/* The boot task: start_kernel() and then the tests run on it. */
struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.usage = ATOMIC_INIT(2),	/* never freed */
	.pid = 0,
	.comm = "swapper/0",
	.stack = boot_stack,
	.stack_size = THREAD_SIZE,	/* boot/head.asm's boot_stack */
	.cpus_mask = CPU_MASK_ALL,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.active_mm = &init_mm,
};
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
DEFINE_PER_CPU(struct rq, runqueues);
cpumask_t __cpu_online_mask = { { 1UL } };
DEFINE_PER_CPU(unsigned long, sched_pulls);

bool scheduler_running;
unsigned int sched_slice_ticks = 3;

static int __init sched_slice_setup(char *str)
{
	unsigned int t;

	if (kstrtouint(str, 10, &t) || t < 1 || t > SCHED_SLICE_MAX) {
		setup_kept("sched_slice=%u (1..%u ticks)", sched_slice_ticks,
			   SCHED_SLICE_MAX);
		return 0;
	}
	sched_slice_ticks = t;
	return 1;
}
__setup("sched_slice=", sched_slice_setup);

/*
 * Ask rq's running task to give way at its next preemption point. On
 * another CPU the flag alone would wait for that CPU's next interrupt
 * (its idle task may be halted): the reschedule IPI is that interrupt.
 */
void resched_curr(struct rq *rq)
{
	set_tsk_need_resched(rq->curr);
	if (rq->cpu != raw_smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

void activate_task(struct rq *rq, struct task_struct *p)
{
	if (p->cpu != rq->cpu)
		p->nr_migrations++;
	p->on_rq = TASK_ON_RQ_QUEUED;
	p->cpu = rq->cpu;
	list_add_tail(&p->run_list, &rq->queue);
	rq->nr_running++;
	if (rq->curr == rq->idle)
		resched_curr(rq);
}

static void deactivate_task(struct rq *rq, struct task_struct *p)
{
	p->on_rq = 0;
	rq->nr_running--;
}

/*
 * Round robin: a prev that can still run goes to the back of the queue
 * and the front one runs. A prev that may no longer run here (affinity
 * changed, CPU going down) and is not pinned leaves instead: it is moved
 * once it is off its stack (finish_task_switch). With nobody queued,
 * this CPU tries to pull a task from another (sched/smp.c), else idles.
 */
static struct task_struct *pick_next_task(struct rq *rq, struct task_struct *prev)
{
	struct task_struct *next;

	if (prev->on_rq == TASK_ON_RQ_QUEUED && prev != rq->idle) {
		if (task_must_leave(rq, prev)) {
			prev->on_rq = TASK_ON_RQ_MIGRATING;
			rq->nr_running--;
		} else {
			list_add_tail(&prev->run_list, &rq->queue);
		}
	}
	next = list_first_entry_or_null(&rq->queue, struct task_struct, run_list);
	if (next) {
		list_del_init(&next->run_list);
		return next;
	}
	return pull_task(rq) ?: rq->idle;
}

/*
 * A task's kmap_local mappings live in per-CPU fixmap slots that the
 * next task must not see: they are put away while the outgoing task is
 * still current (prepare_task_switch) and brought back once the incoming
 * one is (finish_task_switch). Both act on current, as in Linux; the
 * test keeps the common case, a task holding no mappings, to a compare.
 */
static inline void kmap_local_sched_out(void)
{
	if (unlikely(current->kmap_ctrl.idx))
		__kmap_local_sched_out();
}

static inline void kmap_local_sched_in(void)
{
	if (unlikely(current->kmap_ctrl.idx))
		__kmap_local_sched_in();
}

static void prepare_task_switch(struct rq *rq, struct task_struct *prev,
				struct task_struct *next)
{
	kmap_local_sched_out();		/* current is still prev */
	next->cpu = rq->cpu;
	/* next will release the run-queue lock prev took. */
	raw_spin_lock_set_owner(&rq->lock, next);
	this_cpu_write(current_task, next);
}

/*
 * First thing on the new stack: drop the run-queue lock (IRQs on again),
 * restore the task's own state, and bury prev if it was exiting -- it is
 * off its stack now, so the stack can go.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	unsigned int prev_state = READ_ONCE(prev->__state);

	raw_spin_unlock_irq(&rq->lock);
	/*
	 * next's page tables (kernel threads run on init_mm, see
	 * <asm/mmu_context.h>) and the kernel stack ring 3 enters on.
	 */
	switch_mm(prev->active_mm, current->active_mm);
	update_task_stack(current);
	kmap_local_sched_in();		/* current is next now */
	if (unlikely(READ_ONCE(prev->on_rq) == TASK_ON_RQ_MIGRATING))
		move_task_away(prev);
	if (unlikely(prev_state == TASK_DEAD)) {
		free_task_stack(prev);
		put_task_struct(prev);	/* the reference the task held on itself */
	}
}

static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next)
{
	prepare_task_switch(rq, prev, next);
	switch_to(prev, next, prev);
	/* Running as next now; prev is the task we were switched in from. */
	barrier();
	finish_task_switch(prev);
}

/* Called from ret_from_fork: the first code a new task runs. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
}

/*
 * Pick the next task and switch to it. preempt is true when prev is
 * being preempted rather than giving up the CPU: then it stays runnable
 * whatever its state, since it may have been caught between setting a
 * sleeping state and calling schedule() -- its waker may not come again.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	if (unlikely(in_atomic_preempt_off()))
		__schedule_bug(prev);
	if (unlikely(!scheduler_running))
		BUG_MSG("schedule() before sched_init()");

	raw_spin_lock_irq(&rq->lock);
	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING)
		deactivate_task(rq, prev);
	next = pick_next_task(rq, prev);
	clear_tsk_need_resched(prev);
	if (likely(next != prev)) {
		rq->nr_switches++;
		/*
		 * Off the queue: deactivated above, it gave the CPU up (the
		 * idle task is never queued). Not a local flag: with preempt
		 * kept for trace_sched_switch(), one more value live across
		 * the lock cost a store on every switch.
		 */
		if (!prev->on_rq && prev != rq->idle)
			prev->nvcsw++;
		else
			prev->nivcsw++;
		rq->curr = next;
		trace_sched_switch(preempt, prev, next);
		context_switch(rq, prev, next);
	} else {
		raw_spin_unlock_irq(&rq->lock);
	}
}

void schedule(void)
{
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/* The idle task's schedule(): it already runs with preemption disabled. */
void schedule_idle(void)
{
	do {
		__schedule(false);
	} while (need_resched());
}

#ifdef CONFIG_DEBUG_PREEMPT
/* Linux's DEBUG_LOCKS_WARN_ON(): the condition is the message. */
#define DEBUG_PREEMPT_WARN_ON(c) WARN_ONCE(c, "DEBUG_LOCKS_WARN_ON(%s)", #c)

void preempt_count_add(int val)
{
	__preempt_count_add(val);
	/* the PREEMPT byte about to spill into SOFTIRQ: a leak, not a wrap */
	DEBUG_PREEMPT_WARN_ON((preempt_count() & PREEMPT_MASK) >= PREEMPT_MASK - 10);
}

/* An underflow warns and changes nothing, as in Linux. */
void preempt_count_sub(int val)
{
	if (DEBUG_PREEMPT_WARN_ON(val > (int)preempt_count()))
		return;
	/* the PREEMPT byte is 0 but the word is not (inside an IRQ) */
	if (DEBUG_PREEMPT_WARN_ON((val < PREEMPT_MASK) &&
				  !(preempt_count() & PREEMPT_MASK)))
		return;
	__preempt_count_sub(val);
}
#endif

/* preempt_enable() found a reschedule pending. */
void preempt_schedule(void)
{
	if (likely(!preemptible()))
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/*
 * arch/x86/kernel/irq.c, on return from an interrupt that hit preemptible code
 * with a reschedule pending. IRQs are off and stay off on return; the
 * switch itself runs with them on, like any other.
 */
void preempt_schedule_irq(void)
{
	BUG_ON(preempt_count() || !irqs_disabled());
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/* Give up the rest of the slice: to the back of the queue. */
void yield(void)
{
	__set_current_state(TASK_RUNNING);
	schedule();
}

int _cond_resched(void)
{
	if (should_resched(0) && !irqs_disabled()) {
		preempt_schedule();
		return 1;
	}
	return 0;
}

/*
 * The end of a task: called by do_exit() with preemption disabled. The
 * task is taken off the run queue by its state and never comes back;
 * the next task frees its stack in finish_task_switch().
 */
void __noreturn do_task_dead(void)
{
	struct rq *rq = this_rq();
	unsigned long flags;

	/* Under the lock wake-ups take: none can overwrite TASK_DEAD. */
	raw_spin_lock_irqsave(&rq->lock, flags);
	WRITE_ONCE(current->__state, TASK_DEAD);
	raw_spin_unlock_irqrestore(&rq->lock, flags);
	__schedule(false);
	BUG_MSG("dead task %s/%d was scheduled again", current->comm, current->pid);
}

/* Timer interrupt (kernel/time.c), hard-IRQ context. */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	if (!READ_ONCE(scheduler_running))
		return;
	run_local_timers();
	raw_spin_lock(&rq->lock);
	curr = rq->curr;
	if (curr == rq->idle) {
		/* Idle: run what is queued here, or go and pull some work. */
		if (rq->nr_running || idle_should_pull(rq))
			resched_curr(rq);
	} else if (curr->time_slice <= 1) {
		curr->time_slice = sched_slice_ticks;
		if (rq->nr_running > 1)
			resched_curr(rq);
	} else {
		curr->time_slice--;
	}
	raw_spin_unlock(&rq->lock);
}

unsigned long nr_context_switches(void)
{
	return READ_ONCE(this_rq()->nr_switches);
}

unsigned int nr_running(void)
{
	return READ_ONCE(this_rq()->nr_running);
}

struct task_struct *idle_task(int cpu)
{
	return cpu_rq(cpu)->idle;
}

/*
 * Turn the boot task into the init task (pid 1) on CPU 0's run queue and
 * give the CPU an idle task. From here on the timer preempts.
 */
void __init sched_init(void)
{
	struct rq *rq = this_rq();
	unsigned long flags;

	BUILD_BUG_ON(offsetof(struct task_struct, thread_info) != 0);

	sched_init_cpu(smp_processor_id());

	local_irq_save(flags);
	init_task.pid = 1;
	strscpy(init_task.comm, "init", sizeof(init_task.comm));
	init_task.on_rq = 1;
	init_task.cpu = rq->cpu;
	/*
	 * init runs the KUnit executor and the monitor: kept on CPU 0, so a
	 * test's "this CPU" and its messages stay put. Everything it starts
	 * may run anywhere.
	 */
	init_task.cpus_mask = *cpumask_of(0);
	init_task.time_slice = sched_slice_ticks;
	rq->nr_running = 1;
	rq->curr = &init_task;
	task_list_add(&init_task);
	WRITE_ONCE(scheduler_running, true);
	local_irq_restore(flags);
	pr_info("sched: round-robin, %u-tick slices at %u Hz, %lu KiB stacks\n",
		sched_slice_ticks, HZ, THREAD_SIZE / 1024);
}
