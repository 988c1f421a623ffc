/*
 * LAB 06 (docs/labs/06-demand-paging.md): the first touch of addr, a
 * page of vma that has no page yet; pte is its entry, mapped, empty.
 * 0, or VM_FAULT_*.
 */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *pte)
{
	return VM_FAULT_OOM;	/* not written yet: the access fails */
}
