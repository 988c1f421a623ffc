// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the CPUs: ACPI's RSDP -> RSDT (or XSDT) -> MADT ("APIC").
 *
 * The RSDP sits in the first KiB of the EBDA or in the BIOS area
 * 0xe0000-0xfffff, on a 16-byte boundary, marked "RSD PTR ". It points
 * at the root table, which lists the others; the MADT lists one "local
 * APIC" entry per processor. The tables can be anywhere in physical
 * memory -- in highmem on a big machine, or in page 0 -- so they are
 * read through a temporary kmap_local_pfn() mapping, a page at a time:
 * the very API this kernel is about.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/highmem.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <kmaplab/params.h>
#include <kmaplab/mm.h>

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision, checksum;
	char oem_id[6], oem_table_id[8];
	u32 oem_revision, creator_id, creator_revision;
} __packed;

struct acpi_rsdp {
	char signature[8];
	u8 checksum;
	char oem_id[6];
	u8 revision;
	u32 rsdt_address;
	u32 length;
	u64 xsdt_address;
	u8 extended_checksum, reserved[3];
} __packed;

#define ACPI_MADT_TYPE_LOCAL_APIC 0
#define ACPI_MADT_TYPE_LAPIC_OVERRIDE 5
#define ACPI_MADT_ENABLED 1
#define ACPI_MADT_ONLINE_CAPABLE 2

unsigned int nr_cpu_ids = 1;
static unsigned int max_cpus = NR_CPUS;
static unsigned int nr_cpus_param;	/* as given, 0: none */

/* nr_cpus=N: use at most N of the CPUs found (nr_cpus=1: no SMP). */
static int __init nr_cpus_setup(char *str)
{
	unsigned int n;

	if (kstrtouint(str, 10, &n) || n < 1) {
		setup_kept("nr_cpus=%u (1 or more)", max_cpus);
		return 0;
	}
	if (n > NR_CPUS)
		pr_info("nr_cpus=%u: this kernel is built for at most %u CPUs\n",
			n, NR_CPUS);
	max_cpus = min(n, (unsigned int)NR_CPUS);
	nr_cpus_param = n;
	return 1;
}
__setup("nr_cpus=", nr_cpus_setup);

static u8 __init checksum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

static u64 __init scan_rsdp(u64 start, u64 len, struct acpi_rsdp *rsdp)
{
	u64 a;

	for (a = start; a < start + len; a += 16) {
		copy_from_phys(rsdp, a, sizeof(*rsdp));
		if (!memcmp(rsdp->signature, "RSD PTR ", 8) &&
		    !checksum(rsdp, 20))
			return a;
	}
	return 0;
}

static u8 madt_buf[4096] __initdata;

static void __init parse_madt(u64 phys)
{
	struct acpi_table_header *h = (void *)madt_buf;
	u32 len, off, bsp_id, n = 1, found = 0;
	u32 a, b, c, d;

	copy_from_phys(h, phys, sizeof(*h));
	len = min_t(u32, h->length, sizeof(madt_buf));
	copy_from_phys(madt_buf, phys, len);
	lapic_phys = *(u32 *)(madt_buf + 36);

	cpuid(1, &a, &b, &c, &d);
	bsp_id = b >> 24;			/* the CPU running this: CPU 0 */
	cpu_to_apicid[0] = bsp_id;

	for (off = 44; off + 2 <= len && madt_buf[off + 1] >= 2;
	     off += madt_buf[off + 1]) {
		u8 type = madt_buf[off], apic_id;
		u32 flags;

		if (type == ACPI_MADT_TYPE_LAPIC_OVERRIDE) {
			lapic_phys = *(u64 *)(madt_buf + off + 4);
			continue;
		}
		if (type != ACPI_MADT_TYPE_LOCAL_APIC)
			continue;
		apic_id = madt_buf[off + 3];
		flags = *(u32 *)(madt_buf + off + 4);
		if (!(flags & (ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE)))
			continue;
		found++;
		if (apic_id == bsp_id || n >= max_cpus)
			continue;
		cpu_to_apicid[n++] = apic_id;
	}
	nr_cpu_ids = n;
	if (nr_cpus_param > found)
		pr_info("nr_cpus=%u: only %u CPUs present\n", nr_cpus_param, found);
	pr_info("ACPI: MADT at %#llx: %u CPUs (APIC IDs", phys, found);
	for (n = 0; n < nr_cpu_ids; n++)
		pr_cont(" %u", cpu_to_apicid[n]);
	pr_cont("), using %u; LAPIC at %#lx\n", nr_cpu_ids, lapic_phys);
}

void __init acpi_find_cpus(void)
{
	struct acpi_table_header hdr;
	struct acpi_rsdp rsdp;
	u64 rsdp_phys, root;
	u16 ebda_seg;
	u32 i, n, esize;

	copy_from_phys(&ebda_seg, 0x40e, 2);
	rsdp_phys = scan_rsdp((u64)ebda_seg << 4, 1024, &rsdp);
	if (!rsdp_phys)
		rsdp_phys = scan_rsdp(0xe0000, 0x20000, &rsdp);
	if (!rsdp_phys) {
		pr_info("ACPI: no RSDP: one CPU\n");
		return;
	}
	if (rsdp.revision >= 2 && rsdp.xsdt_address) {
		root = rsdp.xsdt_address;
		esize = 8;
	} else {
		root = rsdp.rsdt_address;
		esize = 4;
	}
	copy_from_phys(&hdr, root, sizeof(hdr));
	n = (hdr.length - sizeof(hdr)) / esize;
	for (i = 0; i < n; i++) {
		struct acpi_table_header t;
		u64 entry = 0;

		copy_from_phys(&entry, root + sizeof(hdr) + i * esize, esize);
		copy_from_phys(&t, entry, sizeof(t));
		if (!memcmp(t.signature, "APIC", 4)) {
			parse_madt(entry);
			return;
		}
	}
	pr_info("ACPI: no MADT: one CPU\n");
}
