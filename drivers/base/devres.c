// SPDX-License-Identifier: GPL-2.0
/*
 * Managed device resources (Linux's drivers/base/devres.c, reduced):
 * each devm_ allocation or action is a node on its device's list, with
 * the data right after the node header; device_unregister() releases
 * them newest first, so a resource may rely on older ones to the end.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "base.h"

struct devres {
	struct list_head entry;
	void (*action)(void *);		/* NULL: plain memory */
	void *action_data;
	/* data[] aligned as kmalloc() aligns, for any type */
	u8 __aligned(ARCH_KMALLOC_MINALIGN) data[];
};

static void devres_add(struct device *dev, struct devres *dr)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&dr->entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

static struct devres *devres_alloc(size_t size, gfp_t gfp)
{
	size_t tot_size;

	/* an overflowed size must fail, never allocate a wrapped one */
	if (unlikely(check_add_overflow(sizeof(struct devres), size, &tot_size)))
		return NULL;
	return kmalloc(tot_size, gfp);
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	struct devres *dr;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	dr = devres_alloc(size, gfp);
	if (unlikely(!dr))
		return NULL;
	dr->action = NULL;
	devres_add(dev, dr);
	return dr->data;
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	size_t size;
	char *buf;

	if (!s)
		return NULL;
	size = strlen(s) + 1;
	buf = devm_kmalloc(dev, size, gfp);
	if (buf)
		memcpy(buf, s, size);
	return buf;
}

/* Unlinks the node matching (data, action); NULL if there is none. */
static struct devres *devres_remove(struct device *dev, const void *data,
				    void (*action)(void *))
{
	struct devres *dr, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_for_each_entry_reverse(dr, &dev->devres_head, entry) {
		if (action ? dr->action == action && dr->action_data == data :
		    !dr->action && (const void *)dr->data == data) {
			list_del(&dr->entry);
			found = dr;
			break;
		}
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return found;
}

/* Frees p early; p must be a devm_ allocation of dev (Linux warns too). */
void devm_kfree(struct device *dev, const void *p)
{
	struct devres *dr;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	dr = devres_remove(dev, p, NULL);
	if (WARN(!dr, "devm_kfree(%s, %p): not a managed allocation of this device\n",
		 dev_name(dev), p))
		return;
	kfree(dr);
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = devres_alloc(0, GFP_KERNEL);

	if (!dr)
		return -ENOMEM;
	dr->action = action;
	dr->action_data = data;
	devres_add(dev, dr);
	return 0;
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = devres_remove(dev, data, action);

	if (WARN(!dr, "devm_release_action(%s): no such action\n", dev_name(dev)))
		return;
	action(data);
	kfree(dr);
}

void devres_release_all(struct device *dev)
{
	struct devres *dr;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&dev->devres_lock, flags);
		if (list_empty(&dev->devres_head)) {
			spin_unlock_irqrestore(&dev->devres_lock, flags);
			return;
		}
		dr = list_last_entry(&dev->devres_head, struct devres, entry);
		list_del(&dr->entry);
		spin_unlock_irqrestore(&dev->devres_lock, flags);
		if (dr->action)
			dr->action(dr->action_data);
		kfree(dr);
	}
}
