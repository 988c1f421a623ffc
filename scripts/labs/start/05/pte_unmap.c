static inline void pte_unmap(pte_t *pte)
{
}
