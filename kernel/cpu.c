// SPDX-License-Identifier: GPL-2.0
/*
 * CPU hotplug: cpu_down() and cpu_up(), from the monitor or from tests.
 *
 * cpu_down(cpu), in order:
 *   1. cpu leaves the active mask: no new task is placed there, no idle
 *      CPU pulls to it, and every task on it is told to leave;
 *   2. the tasks go: queued ones are moved now, the running one at its
 *      next switch-out (a reschedule IPI brings that about) -- except a
 *      task pinned by migrate_disable(), e.g. one that holds a
 *      kmap_local_page() mapping, whose slot exists only on this CPU.
 *      Those are waited for, as highmem.rst promises ("the CPU can not
 *      be unplugged until the mapping is released"), for at most
 *      cpu_down_timeout_ms (command line cpu_down_timeout_ms=); the
 *      timeout names the task and how many local mappings it holds;
 *   3. with only its idle task left, the CPU is asked to die: it clears
 *      its online bit, drains its IPI queue and halts (play_dead());
 *   4. sleep timers queued there move to this CPU.
 * cpu_up() starts it again through INIT-SIPI-SIPI, like at boot.
 *
 * CPU 0 stays: it alone receives the PIT (jiffies) and the PIC.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <kmaplab/smp.h>
#include <kmaplab/params.h>

DECLARE_PER_CPU(bool, cpu_dead_pending);
DECLARE_PER_CPU(bool, cpu_dead);

static DEFINE_MUTEX(cpu_hotplug_lock);
static int cpu_hotplug_disabled;	/* under cpu_hotplug_lock */
unsigned long cpu_down_timeout_ms = 10000;

/* cpumask_of(cpu): a mask with just cpu, for every cpu. */
#define CPU_BIT(n) \
	[n] = { { 1UL << (n) } }
const cpumask_t cpu_bit_masks[NR_CPUS] = {
	CPU_BIT(0), CPU_BIT(1), CPU_BIT(2), CPU_BIT(3),
	CPU_BIT(4), CPU_BIT(5), CPU_BIT(6), CPU_BIT(7),
};
static_assert(NR_CPUS == 8, "cpu_bit_masks[] lists NR_CPUS masks");

/*
 * cpu_hotplug_disable(): until the matching enable, cpu_up() and
 * cpu_down() fail with -EBUSY, so the online mask holds still. Nests.
 * An enable without a disable warns and changes nothing, as in Linux.
 */
void cpu_hotplug_disable(void)
{
	mutex_lock(&cpu_hotplug_lock);
	cpu_hotplug_disabled++;
	mutex_unlock(&cpu_hotplug_lock);
}

void cpu_hotplug_enable(void)
{
	mutex_lock(&cpu_hotplug_lock);
	if (!WARN_ONCE(!cpu_hotplug_disabled, "Unbalanced cpu hotplug enable\n"))
		cpu_hotplug_disabled--;
	mutex_unlock(&cpu_hotplug_lock);
}

static int __init cpu_down_timeout_setup(char *str)
{
	unsigned long ms;

	/* Under 1 s a busy host may not even schedule the dying vCPU. */
	if (kstrtoul(str, 10, &ms) || ms < 1000) {
		setup_kept("cpu_down_timeout_ms=%lu (1000 or more)",
			   cpu_down_timeout_ms);
		return 0;
	}
	cpu_down_timeout_ms = ms;
	return 1;
}
__setup("cpu_down_timeout_ms=", cpu_down_timeout_setup);

/* A sleeping task pinned to cpu (it may still wake there). */
static bool find_pinned_sleeper(unsigned int cpu, char *buf, size_t len)
{
	struct task_struct *p;
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (is_idle_task(p) || task_cpu(p) != (int)cpu ||
		    !p->migration_disabled || p->on_rq)
			continue;
		snprintf(buf, len, "%s/%d (%s, migrate_disable depth %d, %d kmap_local mapping%s)",
			 p->comm, p->pid, task_state_name(p), p->migration_disabled,
			 p->kmap_ctrl.idx / KM_INCR, p->kmap_ctrl.idx / KM_INCR == 1 ? "" : "s");
		found = true;
		break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

int cpu_down(unsigned int cpu)
{
	unsigned long start = jiffies, warned = 0;
	char who[96];
	int err = 0;

	if (cpu >= nr_cpu_ids)
		return -EINVAL;
	if (cpu == 0)
		return -EBUSY;		/* the PIT and the PIC are wired to CPU 0 */
	mutex_lock(&cpu_hotplug_lock);
	if (cpu_hotplug_disabled) {
		err = -EBUSY;
		goto out;
	}
	if (!cpu_online(cpu)) {
		err = -EINVAL;
		goto out;
	}
	cpumask_clear_cpu(cpu, &__cpu_active_mask);
	if (raw_smp_processor_id() == cpu)
		yield();		/* the caller itself leaves first */

	for (;;) {
		bool busy = sched_cpu_drain(cpu, who, sizeof(who)) > 0;

		if (!busy)
			busy = find_pinned_sleeper(cpu, who, sizeof(who));
		if (!busy)
			break;
		if (time_after(jiffies, start + msecs_to_jiffies(cpu_down_timeout_ms))) {
			pr_err("cpu_down: CPU %u still busy after %lu ms: %s holds it "
			       "(migrate_disable pins it there); CPU %u stays up\n",
			       cpu, cpu_down_timeout_ms, who, cpu);
			cpumask_set_cpu(cpu, &__cpu_active_mask);
			err = -EBUSY;
			goto out;
		}
		if (!warned && time_after(jiffies, start + HZ / 10)) {
			pr_info("cpu_down: CPU %u waits for %s\n", cpu, who);
			warned = 1;
		}
		schedule_timeout_uninterruptible(1);
	}

	per_cpu(cpu_dead, cpu) = false;
	smp_mb();
	WRITE_ONCE(per_cpu(cpu_dead_pending, cpu), true);
	smp_send_reschedule(cpu);	/* out of hlt, into play_dead() */
	while (!READ_ONCE(per_cpu(cpu_dead, cpu)))
		schedule_timeout_uninterruptible(1);
	WRITE_ONCE(per_cpu(cpu_dead_pending, cpu), false);
	timers_migrate(cpu, raw_smp_processor_id());
	pr_info("cpu_down: CPU %u is offline (%u online)\n", cpu, num_online_cpus());
out:
	mutex_unlock(&cpu_hotplug_lock);
	return err;
}

int cpu_up(unsigned int cpu)
{
	int err;

	if (cpu >= nr_cpu_ids)
		return -EINVAL;
	mutex_lock(&cpu_hotplug_lock);
	if (cpu_hotplug_disabled)
		err = -EBUSY;
	else
		err = cpu_online(cpu) ? -EINVAL : __cpu_up(cpu);
	mutex_unlock(&cpu_hotplug_lock);
	return err;
}
