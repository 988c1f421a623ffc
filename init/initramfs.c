// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs (Linux's init/initramfs.c): a cpio archive in the "newc"
 * format -- what `cpio -o -H newc` writes -- unpacked into the root
 * ramfs at boot. The loader hands it over as a Multiboot module (QEMU's
 * -initrd, GRUB's `module`); every module is unpacked in turn, as Linux
 * unpacks concatenated archives.
 *
 * An entry is a 110-byte ASCII header ("070701" and 13 eight-digit hex
 * fields), the name (namesize bytes with its NUL) padded to 4 bytes,
 * then the data padded to 4 bytes; "TRAILER!!!" ends an archive, and
 * zero padding may separate archives. Anything else -- a bad magic, a
 * non-hex digit, a name or data running past the end, no trailer -- is
 * named and stops the unpacking ("Initramfs unpacking failed: ..."): a
 * corrupt archive can neither hang the boot nor be half-believed
 * silently.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/memblock.h>
#include <kmaplab/multiboot.h>

bool initramfs_present;
unsigned long initrd_freed_pages;	/* kmaplab: for initramfs.initrd_freed */

enum { C_MAGIC, C_INO, C_MODE, C_UID, C_GID, C_NLINK, C_MTIME, C_FILESIZE,
       C_MAJ, C_MIN, C_RMAJ, C_RMIN, C_NAMESIZE, C_CHKSUM, C_FIELDS };
#define CPIO_HDR 110

static const char *parse_header(const char *p, unsigned long *f)
{
	int i, j;

	if (memcmp(p, "070701", 6) && memcmp(p, "070702", 6))
		return "no cpio magic (not a newc archive)";
	for (i = 1; i < C_FIELDS; i++) {
		unsigned long v = 0;

		for (j = 0; j < 8; j++) {
			char c = p[6 + (i - 1) * 8 + j];
			int d = c >= '0' && c <= '9' ? c - '0' :
				c >= 'a' && c <= 'f' ? c - 'a' + 10 :
				c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

			if (d < 0)
				return "non-hex digit in a header";
			v = v << 4 | d;
		}
		f[i] = v;
	}
	return NULL;
}

static int create_entry(const char *path, const unsigned long *f, const char *data)
{
	umode_t mode = f[C_MODE];
	struct file *file;
	int err;

	if (S_ISDIR(mode)) {
		err = vfs_mkdir(path, mode);
		return err == -EEXIST ? 0 : err;
	}
	if (S_ISCHR(mode))
		return vfs_mknod(path, mode, MKDEV(f[C_RMAJ], f[C_RMIN]));
	if (!S_ISREG(mode)) {
		pr_info("initramfs: %s: type %#o not supported here, skipped\n",
			path, mode & S_IFMT);
		return 0;
	}
	file = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (IS_ERR(file))
		return PTR_ERR(file);
	mutex_lock(&fs_lock);
	file->f_inode->i_mode = mode;
	err = filemap_write_kernel(file->f_inode, data, f[C_FILESIZE], 0);
	mutex_unlock(&fs_lock);
	fput(file);
	return err;
}

/* Archive names are relative ("bin/sh"): they land under the root. */
static int create_entry_at(const char *name, const unsigned long *f, const char *data)
{
	char *path;
	int err;

	if (!strcmp(name, ".") || !strcmp(name, "./"))
		return 0;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	snprintf(path, PATH_MAX, "/%s", name[0] == '/' ? name + 1 : name);
	err = create_entry(path, f, data);
	kfree(path);
	return err;
}

static int fail(const char *why, unsigned long off)
{
	pr_err("Initramfs unpacking failed: %s at offset %lu\n", why, off);
	return -EINVAL;
}

/* Unpack the archive(s) in buf; 0, or -EINVAL after naming the damage. */
int unpack_initramfs(const void *buf, unsigned long len)
{
	const char *base = buf, *why;
	unsigned long off = 0, f[C_FIELDS], next;
	int err, entries = 0;

	for (;;) {
		while (off < len && !base[off])	/* padding between archives */
			off++;
		if (off >= len)
			return entries ? 0 : fail("empty archive", off);
		if (len - off < CPIO_HDR)
			return fail("truncated header", off);
		why = parse_header(base + off, f);
		if (why)
			return fail(why, off);
		if (!f[C_NAMESIZE] || f[C_NAMESIZE] > PATH_MAX - 1 ||
		    f[C_NAMESIZE] > len - off - CPIO_HDR)
			return fail("name runs past the end (truncated?)", off);
		if (base[off + CPIO_HDR + f[C_NAMESIZE] - 1])
			return fail("name without its NUL", off);
		next = ALIGN(off + CPIO_HDR + f[C_NAMESIZE], 4);
		if (f[C_FILESIZE] > len || next > len - f[C_FILESIZE])
			return fail("data runs past the end (truncated?)", off);
		if (!strcmp(base + off + CPIO_HDR, "TRAILER!!!")) {
			off = ALIGN(next + f[C_FILESIZE], 4);
			entries = 1;
			if (off >= len)
				return 0;
			continue;		/* maybe another archive */
		}
		err = create_entry_at(base + off + CPIO_HDR, f, base + next);
		if (err) {
			pr_err("Initramfs unpacking failed: %s: error %d\n",
			       base + off + CPIO_HDR, err);
			return err;
		}
		off = ALIGN(next + f[C_FILESIZE], 4);
		entries = 0;		/* an archive has begun: it needs a trailer */
		if (off >= len)
			return fail("no TRAILER!!! (truncated archive)", off);
	}
}

/*
 * The archive's whole pages, once every file is in the page cache, back
 * to the page allocator (Linux's free_initrd_mem()). A page the module
 * shares with something else at either end stays reserved.
 */
static void free_initrd_mem(unsigned long start, unsigned long end)
{
	unsigned long pfn, first = PFN_UP(start), last = PFN_DOWN(end);

	if (first >= last)
		return;
	for (pfn = first; pfn < last; pfn++)
		free_reserved_page(pfn_to_page(pfn));
	memblock_phys_free(PFN_PHYS(first), PFN_PHYS(last - first));
	initrd_freed_pages += last - first;
	pr_info("Freeing initrd memory: %luK\n", (last - first) << (PAGE_SHIFT - 10));
}

/*
 * The root file system: a ramfs with /dev/console and /dev/null (which
 * Linux's default initramfs also carries), then the loader's modules.
 */
void populate_rootfs(void)
{
	unsigned int i, n = min_t(u32, boot_mbi.mods_count, BOOT_MODS_MAX);

	ramfs_init();
	if (vfs_mkdir("/dev", 0755) || vfs_mknod("/dev/console", S_IFCHR | 0600, MKDEV(5, 1)) ||
	    vfs_mknod("/dev/null", S_IFCHR | 0666, MKDEV(1, 3)))
		pr_err("rootfs: cannot create /dev/console and /dev/null\n");
	if (!(boot_mbi.flags & MULTIBOOT_INFO_MODS))
		n = 0;
	for (i = 0; i < n; i++) {
		unsigned long start = boot_mods[i].mod_start, end = boot_mods[i].mod_end;

		if (end <= start || end > PFN_PHYS(max_low_pfn)) {
			pr_err("Initramfs unpacking failed: module %u [%#lx-%#lx) is not in lowmem\n",
			       i, start, end);
			continue;
		}
		pr_info("Unpacking initramfs: module %u, %lu KiB at %#lx\n",
			i, (end - start) >> 10, start);
		if (!unpack_initramfs(__va(start), end - start))
			initramfs_present = true;
		free_initrd_mem(start, end);	/* unpacked or refused: done with */
	}
}
