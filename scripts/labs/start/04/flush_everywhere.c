/*
 * LAB 04 (docs/labs/04-shootdown.md): every kernel TLB flush comes here.
 * Today it flushes only the CPU it runs on.
 */
static void flush_everywhere(struct flush_range *r)
{
	preempt_disable();
	r->sender = smp_processor_id();
	r->flow = 0;	/* no IPI: no flow arrow (docs/trace.md) */
	do_flush_range(r);
	preempt_enable();
}
