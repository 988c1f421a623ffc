// SPDX-License-Identifier: GPL-2.0
/*
 * The monitor's `faultsleep [ms]`: show, or set, how long every
 * anonymous page fault sleeps (fault_sleep_ms, <kmaplab/fault.h>), with
 * the copy path read() and write() use and the fault counters. With it
 * on, `run /bin/cat FILE` makes cat's read() sleep in the middle of its
 * copy, holding a kmap_local mapping -- `stat` then shows the slots the
 * context switches saved and restored.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <kmaplab/monitor.h>
#include <kmaplab/fault.h>

int cmd_faultsleep(int argc, char **argv)
{
	unsigned int ms;

	if (argc > 1) {
		if (kstrtouint(argv[1], 10, &ms) || ms > FAULT_SLEEP_MS_MAX) {
			pr_info("error: faultsleep %s: not 0..%u ms; kept %u\n",
				argv[1], FAULT_SLEEP_MS_MAX, fault_sleep_ms);
			return -EINVAL;
		}
		WRITE_ONCE(fault_sleep_ms, ms);
	}
	show_uaccess_fault_stats();
	return 0;
}
