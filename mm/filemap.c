// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache of ramfs files: read() and write() copy between a
 * file's pages and the user's buffer one page at a time, each page
 * mapped with kmap_local_page() for the length of one copy_to_user() or
 * copy_from_user() -- as Linux's copy_page_to_iter()/copy_page_from_iter().
 * The copy may fault on the user's buffer (a page not touched yet) and
 * sleep in the fault handler while the local mapping is held: a
 * kmap_local mapping belongs to the task, and the context switch takes
 * it down and puts it back (mm/highmem.c). The pages are GFP_HIGHUSER:
 * in highmem whenever there is highmem, and never addressed through the
 * direct map even when they are not.
 *
 * fs_lock (fs/namei.c) is held by the callers.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/fs.h>

struct page *find_get_page(struct inode *inode, unsigned long index)
{
	return index < inode->i_nr_pages ? inode->i_pages[index] : NULL;
}

/* The page at index, allocated (zeroed) if the file has a hole there. */
static struct page *find_or_create_page(struct inode *inode, unsigned long index)
{
	struct page *page;

	if (index >= inode->i_nr_pages) {
		unsigned long n = max(index + 1, inode->i_nr_pages * 2);
		struct page **p = krealloc(inode->i_pages, n * sizeof(*p), GFP_KERNEL);

		if (!p)
			return NULL;
		memset(p + inode->i_nr_pages, 0, (n - inode->i_nr_pages) * sizeof(*p));
		inode->i_pages = p;
		inode->i_nr_pages = n;
	}
	page = inode->i_pages[index];
	if (!page) {
		page = alloc_page(GFP_HIGHUSER);
		if (!page)
			return NULL;
		clear_highpage(page);
		inode->i_pages[index] = page;
	}
	return page;
}

void truncate_inode_pages(struct inode *inode)
{
	unsigned long i;

	for (i = 0; i < inode->i_nr_pages; i++) {
		if (inode->i_pages[i])
			put_page(inode->i_pages[i]);
		inode->i_pages[i] = NULL;
	}
	inode->i_size = 0;
}

ssize_t filemap_read(struct inode *inode, char __user *buf, size_t len, loff_t pos)
{
	size_t done = 0;

	if (pos >= inode->i_size)
		return 0;
	len = min_t(u64, len, inode->i_size - pos);
	while (done < len) {
		unsigned long off = (pos + done) & ~PAGE_MASK;
		size_t n = min_t(size_t, PAGE_SIZE - off, len - done), left;
		struct page *page = find_get_page(inode, (pos + done) >> PAGE_SHIFT);

		if (page) {
			char *kaddr = kmap_local_page(page);

			left = copy_to_user(buf + done, kaddr + off, n);
			kunmap_local(kaddr);
		} else {
			left = clear_user(buf + done, n);	/* a hole */
		}
		done += n - left;
		if (left)
			return done ? done : -EFAULT;
	}
	return done;
}

ssize_t filemap_write(struct inode *inode, const char __user *buf, size_t len,
		      loff_t pos)
{
	size_t done = 0;

	if (pos + len > MAX_LFS_FILESIZE)
		return -EFBIG;
	while (done < len) {
		unsigned long off = (pos + done) & ~PAGE_MASK;
		size_t n = min_t(size_t, PAGE_SIZE - off, len - done), left;
		struct page *page = find_or_create_page(inode, (pos + done) >> PAGE_SHIFT);
		char *kaddr;

		if (!page)
			return done ? done : -ENOSPC;
		kaddr = kmap_local_page(page);
		left = copy_from_user(kaddr + off, buf + done, n);
		kunmap_local(kaddr);
		done += n - left;
		if (pos + done > inode->i_size)
			inode->i_size = pos + done;
		if (left)
			return done ? done : -EFAULT;
	}
	return done;
}

/* From a kernel buffer (the initramfs unpacker). */
int filemap_write_kernel(struct inode *inode, const void *buf, size_t len, loff_t pos)
{
	size_t done = 0;

	while (done < len) {
		unsigned long off = (pos + done) & ~PAGE_MASK;
		size_t n = min_t(size_t, PAGE_SIZE - off, len - done);
		struct page *page = find_or_create_page(inode, (pos + done) >> PAGE_SHIFT);

		if (!page)
			return -ENOSPC;
		memcpy_to_page(page, off, (const char *)buf + done, n);
		done += n;
	}
	if (pos + len > inode->i_size)
		inode->i_size = pos + len;
	return 0;
}

/* Into a kernel buffer (execve reads the ELF headers). */
ssize_t kernel_read(struct inode *inode, void *buf, size_t len, loff_t pos)
{
	size_t done = 0;

	if (pos >= inode->i_size)
		return 0;
	len = min_t(u64, len, inode->i_size - pos);
	while (done < len) {
		unsigned long off = (pos + done) & ~PAGE_MASK;
		size_t n = min_t(size_t, PAGE_SIZE - off, len - done);
		struct page *page = find_get_page(inode, (pos + done) >> PAGE_SHIFT);

		if (page)
			memcpy_from_page((char *)buf + done, page, off, n);
		else
			memset((char *)buf + done, 0, n);
		done += n;
	}
	return done;
}
