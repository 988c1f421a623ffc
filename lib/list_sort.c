// SPDX-License-Identifier: GPL-2.0
/*
 * list_sort(): a stable bottom-up merge sort of a list_head list, with
 * Linux's API. Runs of 1, 2, 4, ... sorted elements are merged pairwise
 * in passes over a NULL-terminated singly linked chain (the prev links
 * are rebuilt once at the end), so no memory is needed and the sort is
 * O(n log n) on any input.
 */
#include <linux/export.h>
#include <linux/list.h>
#include <linux/list_sort.h>

/*
 * Merges the sorted chains a and b; on a tie a's element goes first,
 * which is what keeps the sort stable (a came earlier in the list).
 */
static struct list_head *merge(void *priv, list_cmp_func_t cmp,
			       struct list_head *a, struct list_head *b)
{
	struct list_head *head = NULL, **tail = &head;

	while (a && b) {
		if (cmp(priv, a, b) <= 0) {
			*tail = a;
			a = a->next;
		} else {
			*tail = b;
			b = b->next;
		}
		tail = &(*tail)->next;
	}
	*tail = a ? a : b;
	return head;
}

/* Cuts the first n elements off *chain and returns them. */
static struct list_head *take(struct list_head **chain, size_t n)
{
	struct list_head *first = *chain, *p = first;

	if (!p)
		return NULL;
	while (--n && p->next)
		p = p->next;
	*chain = p->next;
	p->next = NULL;
	return first;
}

/* One pass: merges neighbouring runs of width elements. */
static struct list_head *merge_pass(void *priv, list_cmp_func_t cmp,
				    struct list_head *chain, size_t width,
				    bool *more)
{
	struct list_head *out = NULL, **tail = &out;

	*more = false;
	while (chain) {
		struct list_head *a = take(&chain, width);
		struct list_head *b = take(&chain, width);

		if (chain)
			*more = true;
		*tail = merge(priv, cmp, a, b);
		while (*tail)
			tail = &(*tail)->next;
	}
	return out;
}

void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp)
{
	struct list_head *chain = head->next, *prev, *p;
	size_t width = 1;
	bool more = true;

	if (list_empty(head) || list_is_singular(head))
		return;
	head->prev->next = NULL;		/* a NULL-terminated chain */
	for (; more; width *= 2)
		chain = merge_pass(priv, cmp, chain, width, &more);

	/* relink: prev pointers and the circle through head */
	prev = head;
	for (p = chain; p; prev = p, p = p->next)
		p->prev = prev;
	head->next = chain;
	prev->next = head;
	head->prev = prev;
}
EXPORT_SYMBOL(list_sort);
