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
 * Beside it, the way Linux long did it (file_read_actor() in 2.6,
 * copy_page_to_iter_iovec() until 5.x; generic_perform_write() still,
 * because it holds the page locked across the copy):
 * kmap_atomic(), which disables preemption and page faults; a copy "in
 * atomic" that stops short at a user page that is not there yet, since
 * it may not fault it in; unmap; fault the rest of the buffer in with
 * the mapping gone (fault_in_writeable()/fault_in_readable(), mm/gup.c),
 * where sleeping is allowed; map again and retry. filemap_copy= on the
 * command line picks the path (<kmaplab/fault.h>); both give the same
 * bytes, and docs/faults-in-local-maps.md walks through the two.
 *
 * fs_lock (fs/namei.c) is held by the callers.
 *
 * kmaplab-lint: allow kmap_atomic kunmap_atomic -- keeps Linux's old kmap_atomic copy path beside the kmap_local one, to run and measure both
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/pagemap.h>
#include <kmaplab/params.h>
#include <kmaplab/fault.h>

enum filemap_copy_path filemap_copy_path = FILEMAP_COPY_KMAP_LOCAL;

static const char *const copy_path_names[] = {
	[FILEMAP_COPY_KMAP_LOCAL] = "kmap_local",
	[FILEMAP_COPY_KMAP_ATOMIC] = "kmap_atomic",
};

const char *filemap_copy_path_name(enum filemap_copy_path path)
{
	return path < ARRAY_SIZE(copy_path_names) ? copy_path_names[path] : "?";
}

static int __init filemap_copy_setup(char *str)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(copy_path_names); i++) {
		if (!strcmp(str, copy_path_names[i])) {
			filemap_copy_path = i;
			return 1;
		}
	}
	setup_kept("filemap_copy=%s (kmap_local or kmap_atomic)",
		   copy_path_names[filemap_copy_path]);
	return 0;
}
__setup("filemap_copy=", filemap_copy_setup);

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

/*
 * The old way, to the user. kmap_atomic() disables page faults --
 * implicitly, which is what makes the copy stop short rather than fault
 * (and what a conversion to kmap_local_page() must keep in mind). The
 * fault and its possible sleep happen in fault_in_writeable(), after
 * kunmap_atomic(), with no slot held. Returns the bytes not copied.
 */
static size_t copy_page_to_user_atomic(struct page *page, unsigned long off,
				       char __user *buf, size_t n)
{
	size_t left;
	char *kaddr;

	if (!access_ok(buf, n))		/* the inatomic copy does not check */
		return n;
	for (;;) {
		kaddr = kmap_atomic(page);
		left = __copy_to_user_inatomic(buf, kaddr + off, n);
		kunmap_atomic(kaddr);
		if (likely(!left))
			return 0;
		atomic_inc(&uaccess_fault_stats.short_copies);
		off += n - left;
		buf += n - left;
		n = left;
		if (fault_in_writeable(buf, n) == n)
			return n;	/* not even one byte: -EFAULT for real */
		atomic_inc(&uaccess_fault_stats.retries);
	}
}

/* The old way, from the user: the same dance with fault_in_readable(). */
static size_t copy_page_from_user_atomic(struct page *page, unsigned long off,
					 const char __user *buf, size_t n)
{
	size_t left;
	char *kaddr;

	if (!access_ok(buf, n))
		return n;
	for (;;) {
		kaddr = kmap_atomic(page);
		left = __copy_from_user_inatomic(kaddr + off, buf, n);
		kunmap_atomic(kaddr);
		if (likely(!left))
			return 0;
		atomic_inc(&uaccess_fault_stats.short_copies);
		off += n - left;
		buf += n - left;
		n = left;
		if (fault_in_readable(buf, n) == n)
			return n;
		atomic_inc(&uaccess_fault_stats.retries);
	}
}

/*
 * Today's way: the copy may fault, and the fault may sleep, with the
 * local mapping held; the context switch saves and restores its slot.
 */
static size_t copy_page_to_user(struct page *page, unsigned long off,
				char __user *buf, size_t n)
{
	char *kaddr;
	size_t left;

	if (filemap_copy_path == FILEMAP_COPY_KMAP_ATOMIC)
		return copy_page_to_user_atomic(page, off, buf, n);
	kaddr = kmap_local_page(page);
	left = copy_to_user(buf, kaddr + off, n);
	kunmap_local(kaddr);
	return left;
}

static size_t copy_page_from_user(struct page *page, unsigned long off,
				  const char __user *buf, size_t n)
{
	char *kaddr;
	size_t left;

	if (filemap_copy_path == FILEMAP_COPY_KMAP_ATOMIC)
		return copy_page_from_user_atomic(page, off, buf, n);
	kaddr = kmap_local_page(page);
	left = copy_from_user(kaddr + off, buf, n);
	kunmap_local(kaddr);
	return left;
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

		if (page)
			left = copy_page_to_user(page, off, buf + done, n);
		else
			left = clear_user(buf + done, n);	/* a hole */
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

		if (!page)
			return done ? done : -ENOSPC;
		left = copy_page_from_user(page, off, buf + done, n);
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
