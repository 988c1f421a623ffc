// SPDX-License-Identifier: GPL-2.0
/*
 * init/initramfs.c against good and broken cpio "newc" archives built
 * here: a good one lands in the ramfs (its file readable through the page
 * cache); each kind of damage is refused with -EINVAL and one named
 * "Initramfs unpacking failed: ..." line, never a hang.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pfn.h>
#include <linux/memblock.h>
#include <kmaplab/multiboot.h>

#define ARCHIVE_MAX 1024

/* Append one entry (header, name, data, each padded to 4 bytes). */
static size_t add_entry(char *buf, size_t off, const char *name,
			unsigned int mode, const char *data)
{
	size_t namesize = strlen(name) + 1, filesize = data ? strlen(data) : 0;

	off += snprintf(buf + off, ARCHIVE_MAX - off,
			"070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
			1, mode, 0, 0, 1, 0, filesize, 0, 0, 0, 0, namesize, 0);
	memcpy(buf + off, name, namesize);
	off = ALIGN(off + namesize, 4);
	if (filesize)
		memcpy(buf + off, data, filesize);
	return ALIGN(off + filesize, 4);
}

static size_t good_archive(char *buf)
{
	size_t off;

	memset(buf, 0, ARCHIVE_MAX);
	off = add_entry(buf, 0, "kunit-initramfs", S_IFDIR | 0755, NULL);
	off = add_entry(buf, off, "kunit-initramfs/hello", S_IFREG | 0644, "hello, ramfs\n");
	return add_entry(buf, off, "TRAILER!!!", 0, NULL);
}

static void good_archive_unpacks(struct kunit *test)
{
	char *buf = kzalloc(ARCHIVE_MAX, GFP_KERNEL), data[32] = { 0 };
	struct inode *inode;
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = good_archive(buf);
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, len), 0);
	mutex_lock(&fs_lock);
	inode = kern_path(AT_FDCWD, "/kunit-initramfs/hello");
	if (!IS_ERR(inode))
		kernel_read(inode, data, sizeof(data) - 1, 0);
	mutex_unlock(&fs_lock);
	if (IS_ERR(inode))
		kfree(buf);
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_STREQ(test, data, "hello, ramfs\n");
	KUNIT_EXPECT_EQ(test, (long)inode->i_size, 13L);
	/* Unpacking it again over itself is fine too (the directory exists). */
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, len), 0);
	mutex_lock(&fs_lock);
	KUNIT_EXPECT_EQ(test, ramfs_unlink(inode), 0);
	KUNIT_EXPECT_EQ(test, ramfs_unlink(kern_path(AT_FDCWD, "/kunit-initramfs")), 0);
	mutex_unlock(&fs_lock);
	kfree(buf);
}

static void bad_archives_refused(struct kunit *test)
{
	char *buf = kzalloc(ARCHIVE_MAX, GFP_KERNEL);
	size_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = good_archive(buf);
	/* not cpio at all */
	KUNIT_EXPECT_EQ(test, unpack_initramfs("garbage, not an archive", 23), -EINVAL);
	/* cut inside the first header */
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, 50), -EINVAL);
	/* cut inside the second name, then inside the file's data */
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, 240), -EINVAL);
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, 265), -EINVAL);
	/* cut just before the trailer: no TRAILER!!! */
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, len - 124), -EINVAL);
	/* all zeros */
	memset(buf, 0, ARCHIVE_MAX);
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, 512), -EINVAL);
	/* a non-hex digit in a header field */
	len = good_archive(buf);
	buf[20] = 'z';
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, len), -EINVAL);
	/* a namesize that runs past the end */
	len = good_archive(buf);
	memcpy(buf + 94, "0000ffff", 8);
	KUNIT_EXPECT_EQ(test, unpack_initramfs(buf, len), -EINVAL);
	kfree(buf);
}

/*
 * After unpacking, the boot's archive went back to the page allocator
 * (free_initrd_mem(), "Freeing initrd memory: NK"): every whole page of
 * each module is no longer reserved, neither in mem_map nor in memblock,
 * and the buddy manages it (free, or handed out since).
 */
static void initrd_freed(struct kunit *test)
{
	unsigned int i, n = min_t(u32, boot_mbi.mods_count, BOOT_MODS_MAX);
	unsigned long pfn, whole = 0, reserved = 0, in_memblock = 0;

	if (!initramfs_present)
		kunit_skip(test, "booted without an initramfs");
	for (i = 0; i < n; i++) {
		unsigned long first = PFN_UP(boot_mods[i].mod_start);
		unsigned long last = PFN_DOWN(boot_mods[i].mod_end);

		for (pfn = first; pfn < last; pfn++, whole++) {
			reserved += PageReserved(pfn_to_page(pfn));
			in_memblock += memblock_is_reserved(PFN_PHYS(pfn));
		}
	}
	KUNIT_EXPECT_GT(test, whole, 0UL);
	KUNIT_EXPECT_EQ(test, reserved, 0UL);
	KUNIT_EXPECT_EQ(test, in_memblock, 0UL);
	KUNIT_EXPECT_EQ(test, initrd_freed_pages, whole);
}

static struct kunit_case initramfs_cases[] = {
	KUNIT_CASE(good_archive_unpacks),
	KUNIT_CASE(bad_archives_refused),
	KUNIT_CASE(initrd_freed),
	{}
};

static struct kunit_suite initramfs_suite = {
	.name = "initramfs",
	.test_cases = initramfs_cases,
};

kunit_test_suite(initramfs_suite);
