/*
 * LAB 03 (docs/labs/03-kmap-pool.md): the pool wrapped, or someone asked
 * for kmap_flush_unused(). Called with kmap_lock held.
 */
static void flush_all_zero_pkmaps(void)
{
}
