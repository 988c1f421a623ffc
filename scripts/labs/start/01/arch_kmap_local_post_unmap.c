/* Called after a slot's PTE was cleared (LAB 01, docs/labs/01-missing-invlpg.md). */
static inline void arch_kmap_local_post_unmap(unsigned long vaddr)
{
}
