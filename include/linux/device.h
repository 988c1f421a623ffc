/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/overflow.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/*
 * A small part of Linux's driver model: a struct device with a name and
 * managed resources (devres), so that code written for Linux can
 * allocate "for the device's lifetime" with devm_*(). kmaplab has no
 * buses, drivers or sysfs: devices are root devices, made with
 * root_device_register() and gone with root_device_unregister(), which
 * frees every devm_ allocation of the device, newest first
 * (drivers/base/core.c, drivers/base/devres.c).
 */
struct device {
	const char *init_name;
	struct device *parent;
	spinlock_t devres_lock;
	struct list_head devres_head;
	void (*release)(struct device *dev);
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

struct device *root_device_register(const char *name);
void root_device_unregister(struct device *root);
void device_unregister(struct device *dev);

/* Managed memory: freed by the device's unregister, or early by devm_kfree(). */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev, size_t n,
				       size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size,
				 gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

/* A managed action: action(data) runs at unregister (or devm_release_action()). */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

/* The same, but if it cannot be added, action(data) runs at once. */
static inline int devm_add_action_or_reset(struct device *dev,
					   void (*action)(void *), void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}

#endif /* _LINUX_DEVICE_H */
