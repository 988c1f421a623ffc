/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit try-catch: run a function so that a failed assertion, a
 * kunit_skip() or an oops inside it ends just that function.
 *
 * Linux runs the "try" in a kthread and the "catch" in the thread that
 * waits for it. kmaplab has no threads yet, so the try runs on the
 * caller's stack under kl_setjmp(); kunit_try_catch_throw() and the oops
 * hook (kunit_handle_oops()) kl_longjmp() back to it. Everything that is
 * per-context -- preempt_count, the pagefault_disable() depth, the IRQ
 * flag, oops_in_progress -- is saved at the try and put back after a
 * throw, because a longjmp skips the code that would have balanced it.
 *
 * Only lib/kunit/ should touch these; tests use KUNIT_ASSERT_*(),
 * kunit_skip() and kunit_catch_oops(). Moving the try into a kthread
 * later changes kunit_try_catch_run() and the throw, not the callers.
 */
#ifndef _KUNIT_TRY_CATCH_H
#define _KUNIT_TRY_CATCH_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/setjmp.h>

struct task_struct;

/* The context state a test must leave as it found it. */
struct kunit_ctx_state {
	int preempt_count;
	int pagefault_disabled;
	unsigned long irq_flags;	/* only X86_EFLAGS_IF matters */
	int oops_in_progress;
};

/* How a try ended: kunit_try_catch_run()'s result. */
enum kunit_try_result {
	KUNIT_TRY_RETURNED = 0,		/* the function returned */
	KUNIT_TRY_THROWN,		/* assertion failed or kunit_skip() */
	KUNIT_TRY_CRASHED,		/* oops or BUG(); see ->oops */
};

struct kunit_try_catch {
	/* private: internal use only. */
	struct jmp_buf jb;		/* where a throw or a caught oops resumes */
	struct kunit_ctx_state state;	/* as it was when the try started */
	struct task_struct *task;	/* only this task's oopses are ours */
	struct kunit_try_catch *prev;	/* enclosing try, if nested */
	const char *oops;		/* what crashed, for KUNIT_TRY_CRASHED */
	int try_result;
};

void kunit_ctx_save(struct kunit_ctx_state *st);
void kunit_ctx_restore(const struct kunit_ctx_state *st);

int kunit_try_catch_run(struct kunit_try_catch *tc, void (*fn)(void *),
			void *ctx);
__noreturn void kunit_try_catch_throw(struct kunit_try_catch *tc);

static inline int kunit_try_catch_get_result(struct kunit_try_catch *tc)
{
	return tc->try_result;
}

#endif /* _KUNIT_TRY_CATCH_H */
