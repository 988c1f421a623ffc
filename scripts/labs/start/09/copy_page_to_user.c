/*
 * LAB 09 (docs/labs/09-convert-filemap.md): read()'s copy from page-cache
 * page to the user's buffer, whichever path filemap_copy= picks. Today
 * both paths copy the old way. Returns the bytes not copied.
 */
static size_t copy_page_to_user(struct page *page, unsigned long off,
				char __user *buf, size_t n)
{
	return copy_page_to_user_atomic(page, off, buf, n);
}
