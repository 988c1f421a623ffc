// SPDX-License-Identifier: GPL-2.0
/*
 * Root devices: the part of Linux's driver core that code using devm_*()
 * needs (<linux/device.h> says what is left out). A root device has no
 * bus or driver; it exists from root_device_register() to
 * root_device_unregister(), which releases its managed resources.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include "base.h"

static void root_device_release(struct device *dev)
{
	kfree(dev);
}

/* A new root device called name, or ERR_PTR(-errno). */
struct device *root_device_register(const char *name)
{
	struct device *dev;

	if (!name || !*name)
		return ERR_PTR(-EINVAL);
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	dev->init_name = name;
	dev->release = root_device_release;
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->devres_head);
	return dev;
}

/* Releases dev's managed resources, newest first, then dev itself. */
void device_unregister(struct device *dev)
{
	if (!dev)
		return;
	devres_release_all(dev);
	if (dev->release)
		dev->release(dev);
}

void root_device_unregister(struct device *dev)
{
	device_unregister(dev);
}
