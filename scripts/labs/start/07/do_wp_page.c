/*
 * LAB 07 (docs/labs/07-cow.md): a write to addr, present but read-only
 * (orig is its entry) in a writable VMA. 0, or VM_FAULT_*.
 */
static int do_wp_page(struct vm_area_struct *vma, unsigned long addr,
		      pte_t *pte, pte_t orig)
{
	return VM_FAULT_OOM;	/* not written yet: the access fails */
}
