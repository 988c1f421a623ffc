/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

struct device;

/* devres.c: frees every managed resource of dev, newest first. */
void devres_release_all(struct device *dev);

#endif /* _DRIVERS_BASE_BASE_H */
