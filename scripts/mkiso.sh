#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkiso.sh ELF ISO "CMDLINE" [INITRAMFS] - wrap the kernel (and an
# initramfs, given to the kernel as a Multiboot module) in a GRUB (BIOS)
# boot ISO.
#
# The ISO path exercises the same Multiboot v1 entry as `qemu -kernel`, but
# through a real bootloader: GRUB's memory map, module placement and
# command line differ from QEMU's built-in loader.

set -e

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
	echo "usage: $0 ELF ISO [\"kernel command line\" [INITRAMFS]]" >&2
	exit 2
fi
elf=$1 iso=$2 cmdline=${3-} initrd=${4-}

[ -f "$elf" ] || { echo "mkiso.sh: $elf: no such file" >&2; exit 1; }

# Work dir under build/ (next to the ISO) so parallel runners don't collide.
work=$(dirname "$iso")/.iso-$(basename "$iso" .iso)
rm -rf "$work"
mkdir -p "$work/boot/grub"
cp "$elf" "$work/boot/kmaplab.elf"
module=
if [ -n "$initrd" ]; then
	[ -f "$initrd" ] || { echo "mkiso.sh: $initrd: no such file" >&2; exit 1; }
	cp "$initrd" "$work/boot/initramfs.cpio"
	module="module /boot/initramfs.cpio"
fi

# Quote each word for GRUB's shell-like parser: a glob such as printk*
# must reach the kernel untouched.
read -ra words <<<"$cmdline"
args=
for w in "${words[@]}"; do
	args+=" '${w//\'/\'\\\'\'}'"
done

# No menu: top-level commands run straight away.  GRUB's own errors (bad
# ELF, missing file) go to COM1 as well, so a test log shows them instead
# of a silent timeout.
cat >"$work/boot/grub/grub.cfg" <<CFG
serial --unit=0 --speed=115200
terminal_output serial console
set timeout=0
multiboot /boot/kmaplab.elf$args
$module
boot
CFG

if ! out=$(grub-mkrescue -o "$iso" "$work" 2>&1); then
	echo "$out" >&2
	echo "mkiso.sh: grub-mkrescue failed" >&2
	exit 1
fi
rm -rf "$work"
