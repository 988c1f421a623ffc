// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit try-catch (include/kunit/try-catch.h): run a function so that a
 * failed assertion, kunit_skip() or an oops inside it ends just that
 * function, and kunit_catch_oops() for tests that expect an oops.
 *
 * The tries nest: each remembers the one it interrupted, and a throw or
 * a caught oops kl_longjmp()s to the innermost. The per-context state a
 * longjmp skips the balancing of (preempt_count, the pagefault_disable()
 * depth, the IRQ flag, oops_in_progress) is saved at the try and put
 * back after it was left by a longjmp. test.c runs each phase of a case
 * in one of these tries.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <kunit/test.h>
#include <kunit/try-catch.h>
#include <kmaplab/traps.h>

/* Innermost try running now; a throw or a caught oops lands there. */
static struct kunit_try_catch *kunit_try_top;

/* How deep below the try an oops may be and still be the case's own. */
#define KUNIT_MAX_STACK_DEPTH (64 * 1024)

static inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%esp, %0" : "=r"(sp));
	return sp;
}

void kunit_ctx_save(struct kunit_ctx_state *st)
{
	st->preempt_count = preempt_count();
	st->pagefault_disabled = current->pagefault_disabled;
	st->irq_flags = native_save_fl();
	st->oops_in_progress = oops_in_progress;
}

void kunit_ctx_restore(const struct kunit_ctx_state *st)
{
	local_irq_disable();
	current_thread_info()->preempt_count = st->preempt_count;
	current->pagefault_disabled = st->pagefault_disabled;
	oops_in_progress = st->oops_in_progress;
	barrier();
	if (st->irq_flags & X86_EFLAGS_IF)
		local_irq_enable();
}

/*
 * kl_setjmp() returns twice; everything used after the second return is
 * reached through tc, which is not modified in between.
 */
int kunit_try_catch_run(struct kunit_try_catch *tc, void (*fn)(void *),
			void *ctx)
{
	kunit_ctx_save(&tc->state);
	tc->task = current;
	tc->oops = NULL;
	tc->try_result = KUNIT_TRY_RETURNED;
	tc->prev = kunit_try_top;
	barrier();
	kunit_try_top = tc;
	if (kl_setjmp(&tc->jb) == 0)
		fn(ctx);
	else
		kunit_ctx_restore(&tc->state);
	kunit_try_top = tc->prev;
	return tc->try_result;
}

static bool kunit_try_is_active(const struct kunit_try_catch *tc)
{
	const struct kunit_try_catch *t;

	for (t = kunit_try_top; t; t = t->prev)
		if (t == tc)
			return true;
	return false;
}

void kunit_try_catch_throw(struct kunit_try_catch *tc)
{
	/* A stale struct kunit (a test kept after its case ended) has nowhere to go. */
	if (!kunit_try_is_active(tc))
		panic("kunit: assertion or kunit_skip() outside its running test case");
	tc->try_result = KUNIT_TRY_THROWN;
	kl_longjmp(&tc->jb, 1);
}

void __kunit_abort(struct kunit *test)
{
	kunit_try_catch_throw(&test->try_catch);
}

/*
 * Called by oops_end() once the report is printed. The oops is the
 * running try's to absorb only if it happened in that try's own context:
 * the same task, deeper on the same stack, not in an interrupt handler
 * that merely interrupted it, and not inside the reporting of another
 * oops. Otherwise return, and the caller panics.
 */
void kunit_handle_oops(const char *what)
{
	struct kunit_try_catch *tc = kunit_try_top;
	unsigned long sp = current_stack_pointer();
	unsigned long irq_bits = HARDIRQ_MASK | NMI_MASK;

	if (!tc || tc->task != current)
		return;
	if (oops_in_progress != tc->state.oops_in_progress)
		return;
	if ((preempt_count() ^ tc->state.preempt_count) & irq_bits)
		return;
	if (sp >= tc->jb.sp || tc->jb.sp - sp > KUNIT_MAX_STACK_DEPTH)
		return;
	tc->oops = what;
	tc->try_result = KUNIT_TRY_CRASHED;
	kl_longjmp(&tc->jb, 1);
}

/*
 * The two diagnostic lines around the call bracket the oops report, so
 * that a log checker can tell an expected "BUG:"/"Oops" from a real one:
 *     # <case>: expecting an oops from <fn>
 *     ...the oops report...
 *     # <case>: oops caught: <what>      (or "no oops from <fn>")
 */
const char *kunit_catch_oops(struct kunit *test, void (*fn)(void *), void *arg)
{
	struct kunit_try_catch tc;

	kunit_info(test, "expecting an oops from %ps\n", fn);
	if (kunit_try_catch_run(&tc, fn, arg) != KUNIT_TRY_CRASHED) {
		kunit_info(test, "no oops from %ps\n", fn);
		return NULL;
	}
	kunit_info(test, "oops caught: %s\n", tc.oops);
	return tc.oops;
}
