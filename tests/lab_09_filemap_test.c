// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 09 (docs/labs/09-convert-filemap.md): the page-cache copy, from
 * kmap_atomic() + pagefault_disable() + retry to kmap_local_page().
 *
 * NOT YET A LAB: its starting point is the kmap_atomic() copy path that
 * issue 14 adds to mm/filemap.c (scripts/labs/ladder.py marks the lab
 * as waiting). Until then this suite runs on the page-cache read()/write()
 * as they are -- already the kmap_local_page() way -- and passes; it is
 * what the converted code must keep doing. The case that needs issue
 * 14's sleeping-fault knob is listed in the lab text, to be added with it.
 */
#include "lab_user_mm.h"
#include <kmaplab/highmem.h>
#include <linux/fs.h>
#include <linux/err.h>

#define LAB9_PAGES 3

static u8 lab9_byte(unsigned long i)
{
	return (u8)(i * 13 + 5);
}

/* A ramfs file of LAB9_PAGES pages of lab9_byte(), in the page cache. */
static struct inode *lab9_file(struct kunit *test, const char *name)
{
	static u8 buf[PAGE_SIZE];
	struct inode *inode;
	unsigned long i;
	int p;

	mutex_lock(&fs_lock);
	inode = ramfs_new_inode(ramfs_root, name, S_IFREG | 0644, 0);
	for (p = 0; !IS_ERR_OR_NULL(inode) && p < LAB9_PAGES; p++) {
		for (i = 0; i < PAGE_SIZE; i++)
			buf[i] = lab9_byte(p * PAGE_SIZE + i);
		filemap_write_kernel(inode, buf, PAGE_SIZE, p * PAGE_SIZE);
	}
	mutex_unlock(&fs_lock);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(inode));
	return inode;
}

static void lab9_unlink(struct inode *inode)
{
	mutex_lock(&fs_lock);
	ramfs_unlink(inode);
	mutex_unlock(&fs_lock);
}

static unsigned long lab9_atomic_maps(void)
{
	struct kmap_stats s;

	kmap_stats_read(&s);
	return s.atomic_map;
}

/* read() into a buffer none of whose pages exist yet: every copy faults. */
static void lab9_read_into_fresh_buffer(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, LAB9_PAGES + 1, VM_READ | VM_WRITE);
	struct inode *inode = lab9_file(test, "lab9-read");
	static u8 buf[LAB9_PAGES * PAGE_SIZE];
	unsigned long atomic = lab9_atomic_maps(), i;
	int wrong = 0;
	ssize_t n;

	kthread_use_mm(mm);
	mutex_lock(&fs_lock);
	n = filemap_read(inode, (char __user *)LAB_BASE + 100, sizeof(buf), 0);
	mutex_unlock(&fs_lock);
	KUNIT_EXPECT_EQ(test, n, (ssize_t)sizeof(buf));
	KUNIT_EXPECT_EQ_MSG(test, lab9_atomic_maps() - atomic, 0UL,
			    "mappings made with page faults disabled (kmap_atomic)");
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)LAB_BASE + 100, sizeof(buf)), 0UL);
	for (i = 0; i < sizeof(buf); i++)
		wrong += buf[i] != lab9_byte(i);
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0, "bytes read wrong");
	lab_mm_put(mm);
	lab9_unlink(inode);
}

/* write() from a buffer not there yet: it faults in as zeroes. */
static void lab9_write_from_fresh_buffer(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, 2, VM_READ | VM_WRITE);
	struct inode *inode = lab9_file(test, "lab9-write");
	unsigned long atomic = lab9_atomic_maps();
	static u8 buf[PAGE_SIZE];
	int i, nonzero = 0;
	ssize_t n;

	kthread_use_mm(mm);
	mutex_lock(&fs_lock);
	n = filemap_write(inode, (const char __user *)LAB_BASE + 8, PAGE_SIZE, 16);
	if (n == PAGE_SIZE)
		n = kernel_read(inode, buf, PAGE_SIZE, 16);
	mutex_unlock(&fs_lock);
	KUNIT_EXPECT_EQ(test, n, (ssize_t)PAGE_SIZE);
	KUNIT_EXPECT_EQ_MSG(test, lab9_atomic_maps() - atomic, 0UL,
			    "mappings made with page faults disabled (kmap_atomic)");
	for (i = 0; i < PAGE_SIZE; i++)
		nonzero += buf[i] != 0;
	KUNIT_EXPECT_EQ_MSG(test, nonzero, 0, "bytes of the file not from the buffer");
	lab_mm_put(mm);
	lab9_unlink(inode);
}

/* A buffer that runs off its VMA: the bytes before the hole, then stop. */
static void lab9_short_copy(struct kunit *test)
{
	struct mm_struct *mm = lab_mm(test, 1, VM_READ | VM_WRITE);
	struct inode *inode = lab9_file(test, "lab9-short");
	ssize_t n;

	kthread_use_mm(mm);
	mutex_lock(&fs_lock);
	n = filemap_read(inode, (char __user *)LAB_BASE + PAGE_SIZE - 10, 100, 0);
	mutex_unlock(&fs_lock);
	KUNIT_EXPECT_EQ_MSG(test, n, (ssize_t)10, "read() across the end of the buffer's VMA");
	KUNIT_EXPECT_EQ(test, lab_peek(mm, LAB_BASE + PAGE_SIZE - 1), (char)lab9_byte(9));
	mutex_lock(&fs_lock);
	n = filemap_read(inode, (char __user *)LAB_BASE + PAGE_SIZE, 100, 0);
	mutex_unlock(&fs_lock);
	KUNIT_EXPECT_EQ(test, n, (ssize_t)-EFAULT);
	lab_mm_put(mm);
	lab9_unlink(inode);
}

static struct kunit_case lab9_cases[] = {
	KUNIT_CASE(lab9_read_into_fresh_buffer),
	KUNIT_CASE(lab9_write_from_fresh_buffer),
	KUNIT_CASE(lab9_short_copy),
	{}
};

static struct kunit_suite lab9_suite = {
	.name = "lab_09_filemap",
	.test_cases = lab9_cases,
};
kunit_test_suite(lab9_suite);
