#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-qemu.sh - build kmaplab and boot it interactively on COM1.
#
# Installs missing host tools, runs make, then boots with the serial port
# on this terminal (Ctrl-A X quits QEMU, Ctrl-A C toggles its monitor).

usage() {
	cat <<USAGE
usage: $0 [-h] [--iso] [qemu args...] [-- kernel command line...]

  --iso    boot through GRUB (an ISO built for this command line)
           instead of QEMU's built-in Multiboot loader (-kernel)
  -h       this help

QEMU gets -m 256M unless you pass -m; later options win.  The kernel
command line defaults to "lowmem=64M": every self-test runs (with 192 MiB
of highmem to map), then /init from the initramfs (build/initramfs.cpio,
the programs of user/) starts a shell: try memhog 64, ls /bin, echo hi |
cat; exit powers off.  With "monitor" on the command line the serial
monitor starts instead (type help): run /bin/sh there, and ps, vm PID.
Examples:
  $0
  $0 -- lowmem=64M monitor
  $0 -m 2G -- 'kunit.filter_glob=printk*' lowmem=64M
  $0 --iso -- kunit.filter_glob=kmap kunit_shutdown=poweroff
Quit with Ctrl-A X.
USAGE
}

cd "$(dirname "$0")" || exit 1

iso=
qemu_args=()
while [ $# -gt 0 ]; do
	case $1 in
	-h|--help) usage; exit 0 ;;
	--iso)	iso=1 ;;
	--)	shift; break ;;
	*)	qemu_args+=("$1") ;;
	esac
	shift
done
cmdline=${*:-lowmem=64M}

scripts/deps.sh || exit 1
make -s all initramfs || exit 1

elf=build/kmaplab.elf
# The probe boots the kernel (up to 15 s when KVM hangs): remember its
# verdict for this exact image.
stamp="$(stat -c '%s %Y' "$elf") $(id -u)"
cache=build/.kvm-probe
if [ "$(head -1 "$cache" 2>/dev/null)" = "$stamp" ]; then
	ok=$(sed -n 2p "$cache") why=$(sed -n 3p "$cache")
else
	why=$(scripts/kvm-probe.sh "$elf"); ok=$?
	printf '%s\n%s\n%s\n' "$stamp" "$ok" "$why" >"$cache"
fi
if [ "$ok" = 0 ]; then
	echo "run-qemu.sh: using KVM"
	accel=(-enable-kvm -cpu host,-arch-capabilities)
else
	echo "run-qemu.sh: using TCG (-cpu max): ${why:-KVM probe failed}"
	accel=(-accel tcg -cpu max)
fi

if [ -n "$iso" ]; then
	scripts/mkiso.sh "$elf" build/run-qemu.iso "$cmdline" build/initramfs.cpio || exit 1
	boot=(-cdrom build/run-qemu.iso -boot d)
else
	boot=(-kernel "$elf" -append "$cmdline" -initrd build/initramfs.cpio)
fi

# isa-debug-exit lets kunit_shutdown=poweroff and panic= end QEMU too;
# -no-reboot turns a triple fault into an exit instead of a reboot loop.
exec qemu-system-i386 "${accel[@]}" -m 256M -display none -no-reboot \
	-serial mon:stdio -device isa-debug-exit,iobase=0xf4,iosize=4 \
	"${boot[@]}" "${qemu_args[@]}"
