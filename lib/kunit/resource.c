// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit resources (Linux's lib/kunit/resource.c), and the test-managed
 * allocations built on them (kunit_kmalloc_array(), kunit_kfree(); in
 * Linux's lib/kunit/test.c, here beside the API they use).
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kref.h>
#include <linux/slab.h>

/*
 * Adds res to test's resources. With init, init(res, data) sets it up and
 * an error from it is returned (res is then not added); without, data is
 * the resource. Leaves res->should_kfree alone.
 */
int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free, struct kunit_resource *res,
			 void *data)
{
	unsigned long flags;
	int ret = 0;

	res->free = free;
	kref_init(&res->refcount);

	if (init) {
		ret = init(res, data);
		if (ret)
			return ret;
	} else {
		res->data = data;
	}

	spin_lock_irqsave(&test->lock, flags);
	list_add_tail(&res->node, &test->resources);
	/* the list's reference is the one kref_init() made */
	spin_unlock_irqrestore(&test->lock, flags);
	return ret;
}

void kunit_remove_resource(struct kunit *test, struct kunit_resource *res)
{
	unsigned long flags;
	bool was_linked;

	spin_lock_irqsave(&test->lock, flags);
	was_linked = !list_empty(&res->node);
	list_del_init(&res->node);
	spin_unlock_irqrestore(&test->lock, flags);

	if (was_linked)
		kunit_put_resource(res);
}

int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data)
{
	struct kunit_resource *res = kunit_find_resource(test, match, match_data);

	if (!res)
		return -ENOENT;
	kunit_remove_resource(test, res);
	/* and the reference kunit_find_resource() took */
	kunit_put_resource(res);
	return 0;
}

/*
 * Releases every resource of test, newest first: one may depend on an
 * older one for its whole life. Not list_for_each_*: releasing one
 * resource may remove any other.
 */
void kunit_cleanup(struct kunit *test)
{
	struct kunit_resource *res;
	unsigned long flags;

	while (true) {
		spin_lock_irqsave(&test->lock, flags);
		if (list_empty(&test->resources)) {
			spin_unlock_irqrestore(&test->lock, flags);
			break;
		}
		res = list_last_entry(&test->resources, struct kunit_resource,
				      node);
		spin_unlock_irqrestore(&test->lock, flags);
		kunit_remove_resource(test, res);
	}
}

/* --- kunit_kmalloc() and friends ----------------------------------------- */

struct kunit_kmalloc_array_params {
	size_t n;
	size_t size;
	gfp_t gfp;
};

static int kunit_kmalloc_array_init(struct kunit_resource *res, void *context)
{
	struct kunit_kmalloc_array_params *params = context;

	res->data = kmalloc_array(params->n, params->size, params->gfp);
	if (!res->data)
		return -ENOMEM;
	return 0;
}

static void kunit_kmalloc_array_free(struct kunit_resource *res)
{
	kfree(res->data);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	struct kunit_kmalloc_array_params params = {
		.size = size,
		.n = n,
		.gfp = gfp
	};

	return kunit_alloc_resource(test, kunit_kmalloc_array_init,
				    kunit_kmalloc_array_free, gfp, &params);
}

static bool kunit_kfree_match(struct kunit *test, struct kunit_resource *res,
			      void *match_data)
{
	/* only what kunit_kmalloc() and friends allocated */
	return res->free == kunit_kmalloc_array_free && res->data == match_data;
}

void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (!ptr)
		return;
	if (kunit_destroy_resource(test, kunit_kfree_match, (void *)ptr))
		KUNIT_FAIL(test, "kunit_kfree: %px already freed or not allocated by kunit",
			   ptr);
}
