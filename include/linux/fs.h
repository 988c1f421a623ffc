/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/compiler.h>

/*
 * The file system, cut down to one RAM file system (fs/ramfs/) holding
 * the unpacked initramfs. Linux splits a name (struct dentry) from the
 * object (struct inode); ramfs here has no hard links, so each inode
 * carries its one name and parent, and the two are folded together.
 *
 * A regular file's data is its page cache: i_pages[index] is the page
 * holding bytes [index * PAGE_SIZE, +PAGE_SIZE), a GFP_HIGHUSER page,
 * reached only through kmap_local_page() (mm/filemap.c).
 *
 * One mutex (fs_lock, fs/namei.c) covers the name space and every
 * file's page cache and size. It may be held across copy_to_user() and
 * copy_from_user() (which may fault and take mmap_lock), never the
 * other way round.
 */
#define S_IFMT   00170000
#define S_IFSOCK 0140000
#define S_IFLNK	 0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

/* open() flags, Linux's i386 values */
#define O_ACCMODE 00000003
#define O_RDONLY  00000000
#define O_WRONLY  00000001
#define O_RDWR    00000002
#define O_CREAT   00000100
#define O_EXCL    00000200
#define O_NOCTTY  00000400
#define O_TRUNC   00001000
#define O_APPEND  00002000
#define O_NONBLOCK 00004000
#define O_DIRECTORY 00200000
#define O_CLOEXEC 02000000
#define AT_FDCWD -100
#define AT_REMOVEDIR 0x200

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define NAME_MAX 255
#define PATH_MAX 4096
#define MAX_LFS_FILESIZE (64UL << 20)	/* ramfs files: 64 MiB at most */

#define MKDEV(ma, mi) (((ma) << 8) | (mi))	/* old_encode_dev, i386 */
#define MAJOR(dev) (((dev) >> 8) & 0xff)
#define MINOR(dev) ((dev) & 0xff)

typedef unsigned short umode_t;
struct file;
struct inode;
struct page;
struct poll_table_struct;

struct file_operations {
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	/* EPOLLIN/EPOLLOUT... that would not block now (<linux/poll.h>) */
	unsigned int (*poll)(struct file *, struct poll_table_struct *);
	int (*release)(struct inode *, struct file *);
};

struct inode {
	umode_t i_mode;
	unsigned long i_ino;
	unsigned int i_rdev;		/* character devices: MKDEV(major, minor) */
	loff_t i_size;
	unsigned long i_mtime;
	atomic_t i_count;		/* open files and cwds; +1 while linked */
	bool i_unlinked;
	char i_name[NAME_MAX + 1];	/* the dentry part: one name, */
	struct inode *i_parent;		/* one parent (the root: itself) */
	struct list_head i_children;	/* directories: by creation order */
	struct list_head i_sibling;
	struct page **i_pages;		/* regular files: the page cache */
	unsigned long i_nr_pages;	/* slots in i_pages */
	const struct file_operations *i_fop;
	void *i_private;		/* pipes: the pipe */
};

struct file {
	struct inode *f_inode;
	const struct file_operations *f_op;
	loff_t f_pos;
	unsigned int f_flags;
	atomic_t f_count;
	void *private_data;
};

/* fs/ramfs/inode.c */
extern struct inode *ramfs_root;
void ramfs_init(void);
struct inode *ramfs_new_inode(struct inode *dir, const char *name, umode_t mode,
			      unsigned int rdev);
struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len);
int ramfs_unlink(struct inode *inode);
void iget(struct inode *inode);
void iput(struct inode *inode);
extern const struct file_operations ramfs_file_operations;
extern const struct file_operations ramfs_dir_operations;

/* fs/namei.c */
struct mutex;
extern struct mutex fs_lock;
/* The inode at path (relative to dfd's directory or the cwd); an ERR_PTR. */
struct inode *kern_path(int dfd, const char *path);
struct inode *kern_path_create(int dfd, const char *path, char *last);
int vfs_mkdir(const char *path, umode_t mode);
int vfs_mknod(const char *path, umode_t mode, unsigned int dev);
int vfs_path_string(struct inode *inode, char *buf, size_t size);

/* mm/filemap.c: the page cache */
ssize_t filemap_read(struct inode *inode, char __user *buf, size_t len, loff_t pos);
ssize_t filemap_write(struct inode *inode, const char __user *buf, size_t len, loff_t pos);
int filemap_write_kernel(struct inode *inode, const void *buf, size_t len, loff_t pos);
ssize_t kernel_read(struct inode *inode, void *buf, size_t len, loff_t pos);
struct page *find_get_page(struct inode *inode, unsigned long index);
void truncate_inode_pages(struct inode *inode);

/* fs/file.c: the descriptor table and struct file */
#define NR_OPEN_DEFAULT 32
struct files_struct {
	atomic_t count;
	struct file *fd[NR_OPEN_DEFAULT];
	unsigned long close_on_exec;
};
struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fop);
struct file *fget(unsigned int fd);
void get_file(struct file *file);
void fput(struct file *file);
int fd_install_new(struct file *file, unsigned int from, bool cloexec);
int close_fd(unsigned int fd);
struct files_struct *files_alloc(void);
struct files_struct *dup_fd(struct files_struct *old);
void put_files_struct(struct files_struct *files);
void do_close_on_exec(struct files_struct *files);
struct file *filp_open(const char *path, int flags, umode_t mode);

/* fs/exec.c */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

/* drivers/tty/tty_console.c, drivers/char/mem.c */
extern const struct file_operations console_fops;
extern const struct file_operations null_fops;
const struct file_operations *chrdev_fops(unsigned int rdev);

/* fs/pipe.c */
int do_pipe(struct file **rd, struct file **wr);

/* init/initramfs.c */
int unpack_initramfs(const void *buf, unsigned long len);
void populate_rootfs(void);
extern bool initramfs_present;

#endif /* _LINUX_FS_H */
