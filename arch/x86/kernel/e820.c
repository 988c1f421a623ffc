// SPDX-License-Identifier: GPL-2.0
/*
 * From the firmware's memory map to memblock (Linux's e820__memblock_setup
 * and the reservations of setup_arch()).
 *
 * The multiboot loader hands over the BIOS E820 map (boot/head.asm copied
 * it into .bss; main.c printed it). Every "usable" range below the PAE
 * limit of 64 GiB becomes memblock memory -- including RAM above 4 GiB,
 * which only highmem can use. Then the parts the kernel may never hand
 * out are reserved: the first MiB, the kernel image (which includes the
 * copied multiboot data and the boot page tables, all in .bss), and any
 * multiboot modules. mem= cuts RAM off above an address; lowmem= is only
 * recorded here, for find_low_pfn_range().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <kmaplab/multiboot.h>
#include <kmaplab/params.h>
#include <asm/sections.h>
#include <asm/setup.h>

/* PAE page-table entries hold 36-bit physical addresses: 64 GiB. */
#define MAX_PHYSMEM_BITS 36
#define MAX_PHYSMEM (1ULL << MAX_PHYSMEM_BITS)

/* The smallest mem=/lowmem= accepted: the kernel image and its tables. */
#define MIN_MEM_LIMIT SZ_8M

u64 mem_limit_cmdline;
u64 lowmem_limit_cmdline;

/*
 * A memparse() value that is all of str, >= 8 MiB; rounded down to a
 * page, with a word when that changes it. Rejected: *out unchanged.
 */
static int __init parse_mem_value(const char *name, char *str, u64 *out)
{
	char *end;
	u64 v = memparse(str, &end);

	if (end == str || *end || v == ULLONG_MAX || v < MIN_MEM_LIMIT) {
		if (*out)
			setup_kept("%s%lluK (%uM or more)", name, *out >> 10,
				   MIN_MEM_LIMIT >> 20);
		else
			setup_kept("%s unset (%uM or more)", name,
				   MIN_MEM_LIMIT >> 20);
		return 0;
	}
	if (v & (PAGE_SIZE - 1))
		pr_info("%s%s: rounded down to a page, %lluK\n", name, str,
			(v & ~(u64)(PAGE_SIZE - 1)) >> 10);
	*out = v & ~(u64)(PAGE_SIZE - 1);
	return 1;
}

static int __init parse_mem(char *str)
{
	return parse_mem_value("mem=", str, &mem_limit_cmdline);
}
__setup("mem=", parse_mem);

static int __init parse_lowmem(char *str)
{
	return parse_mem_value("lowmem=", str, &lowmem_limit_cmdline);
}
__setup("lowmem=", parse_lowmem);

/* Add one usable range, page-aligned inwards and clipped to 64 GiB. */
static void __init add_usable(u64 start, u64 end)
{
	if (end > MAX_PHYSMEM) {
		u64 from = max(start, MAX_PHYSMEM);

		pr_warn("e820: ignoring [mem %#018llx-%#018llx]: above the PAE limit of 64 GiB\n",
			from, end - 1);
		end = MAX_PHYSMEM;
	}
	start = ALIGN(start, (u64)PAGE_SIZE);
	end = ALIGN_DOWN(end, (u64)PAGE_SIZE);
	if (start < end)
		memblock_add(start, end - start);
}

static void __init reserve(u64 start, u64 end, const char *what)
{
	start = ALIGN_DOWN(start, (u64)PAGE_SIZE);
	end = ALIGN(end, (u64)PAGE_SIZE);
	pr_info("reserve: [mem %#018llx-%#018llx] %s\n", start, end - 1, what);
	memblock_reserve(start, end - start);
}

static void __init print_user_map(void)
{
	unsigned long i;

	pr_info("user-defined physical RAM map:\n");
	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		pr_info("user: [mem %#018llx-%#018llx] usable\n",
			r->base, r->base + r->size - 1);
	}
}

void __init e820_setup_memory(void)
{
	const struct multiboot_mmap_entry *e = NULL;
	unsigned int i;

	if (boot_mbi.flags & MULTIBOOT_INFO_MEM_MAP) {
		if (boot_mbi.mmap_length > BOOT_MMAP_MAX)
			pr_warn("e820: memory map of %u bytes truncated to %u\n",
				boot_mbi.mmap_length, BOOT_MMAP_MAX);
		while ((e = mb_next_mmap(e)))
			if (e->type == MULTIBOOT_MEMORY_AVAILABLE && e->len)
				add_usable(e->addr, e->addr + e->len);
	} else if (boot_mbi.flags & MULTIBOOT_INFO_MEMORY) {
		/* No map: the two sizes every multiboot loader gives. */
		pr_warn("e820: no memory map; using mem_lower=%uK mem_upper=%uK\n",
			boot_mbi.mem_lower, boot_mbi.mem_upper);
		add_usable(0, (u64)boot_mbi.mem_lower << 10);
		add_usable(SZ_1M, SZ_1M + ((u64)boot_mbi.mem_upper << 10));
	} else {
		/* Neither: assume what the boot page tables map. */
		pr_warn("e820: no memory information at all; assuming %lu MiB\n",
			BOOT_MAP_SIZE >> 20);
		add_usable(0, BOOT_MAP_SIZE);
	}

	if (mem_limit_cmdline && mem_limit_cmdline < memblock_end_of_DRAM()) {
		pr_info("e820: remove [mem %#018llx-%#018llx] usable (mem=%lluM)\n",
			mem_limit_cmdline, memblock_end_of_DRAM() - 1,
			mem_limit_cmdline >> 20);
		memblock_remove(mem_limit_cmdline, ULLONG_MAX - mem_limit_cmdline);
		print_user_map();
	}

	/*
	 * The first MiB: the real-mode IVT and BIOS data (page 0 stays
	 * unmapped), EBDA, VGA memory, option and BIOS ROMs.
	 */
	reserve(0, SZ_1M, "first MiB: BIOS data, VGA, ROMs");
	/*
	 * The loader put the image there, but paging_init() maps only RAM:
	 * an image (its bss and boot stack) past the end of RAM would fault
	 * on its own stack as soon as the new page tables are loaded.
	 */
	if (!memblock_is_memory(__pa(_end) - 1))
		panic("kernel image [mem %#010lx-%#010lx] runs past usable RAM (ends at %#010llx): this kernel needs more than %lu KiB",
		      __pa(_text), __pa(_end) - 1, memblock_end_of_DRAM() - 1,
		      (unsigned long)(__pa(_end) >> 10));
	reserve(__pa(_text), __pa(_end),
		"kernel image (text, rodata, data, bss with boot page tables and multiboot copy)");
	if (boot_mbi.flags & MULTIBOOT_INFO_MODS) {
		for (i = 0; i < min_t(u32, boot_mbi.mods_count, BOOT_MODS_MAX); i++)
			reserve(boot_mods[i].mod_start, boot_mods[i].mod_end,
				"multiboot module");
	}
}
