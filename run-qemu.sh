#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-qemu.sh - build kmaplab and boot it interactively on COM1.
#
# Installs missing host tools, runs make, then boots with the serial port
# on this terminal (Ctrl-A X quits QEMU, Ctrl-A C toggles its monitor).
# --bochs boots the GRUB ISO under Bochs instead, COM1 on this terminal.

usage() {
	cat <<USAGE
usage: $0 [-h] [-v] [--iso] [--smp N] [qemu args...] [-- kernel command line...]
       $0 --bochs [--smp N] [-m SIZE] [-- kernel command line...]

  --iso    boot through GRUB (an ISO built for this command line)
           instead of QEMU's built-in Multiboot loader (-kernel)
  --bochs  boot that ISO under Bochs (always GRUB: Bochs has no -kernel)
  --smp N  N CPUs (QEMU's -smp N; Bochs' cpu count)
  -v       show the boot's self-test output as it comes (~1,100 lines,
           deliberate BUG:/WARNING: reports among them); by default a
           progress line and a summary stand for it, and the full console
           output goes to build/run-qemu.log (under Bochs: always shown)
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
  $0 --bochs --smp 2
Quit with Ctrl-A X (QEMU). Under Bochs the terminal is raw, Ctrl-C goes to
the kernel: quit with the monitor's "exit" (or kunit_shutdown=poweroff).
Bochs is slower: the self-tests take a minute or two before the prompt
(-- 'lowmem=64M kunit.filter_glob=NONE monitor' skips them).
USAGE
}

cd "$(dirname "$0")" || exit 1

iso= bochs= smp= mem=256M verbose=
qemu_args=()
while [ $# -gt 0 ]; do
	case $1 in
	-h|--help) usage; exit 0 ;;
	-v|--verbose) verbose=1 ;;
	--iso)	iso=1 ;;
	--bochs) bochs=1 ;;
	--smp)	smp=$2; shift ;;
	-m)	mem=$2; shift ;;
	--)	shift; break ;;
	*)	qemu_args+=("$1") ;;
	esac
	shift
done
cmdline=${*:-lowmem=64M}

scripts/deps.sh || exit 1
make -s all initramfs || exit 1

elf=build/kmaplab.elf
if [ -n "$bochs" ]; then
	exec scripts/run-bochs.sh "$elf" "${smp:-1}" "$mem" "$cmdline" "${qemu_args[@]}"
fi
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
# One line, as information: which engine, and in words why not KVM.
if [ "$ok" = 0 ]; then
	echo "run-qemu.sh: engine: KVM (hardware virtualization)"
	accel=(-enable-kvm -cpu host,-arch-capabilities)
else
	case $why in
	"no /dev/kvm")	why="this machine offers no KVM (no /dev/kvm)" ;;
	"/dev/kvm not accessible") why="no permission to use /dev/kvm" ;;
	*)	why="KVM is there but did not run a test boot of this kernel (details: $cache)" ;;
	esac
	echo "run-qemu.sh: engine: QEMU TCG, software emulation (-cpu max), because $why"
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
qemu=(qemu-system-i386 "${accel[@]}" -display none -no-reboot
	-serial mon:stdio -device isa-debug-exit,iobase=0xf4,iosize=4
	-m "$mem" ${smp:+-smp "$smp"} "${boot[@]}" "${qemu_args[@]}")
[ -n "$verbose" ] && exec "${qemu[@]}"
# Quiet: the console goes through scripts/boot-summary.py, which keeps all
# of it in the log and shows the self-tests as a summary (the kernel's
# output itself stays as Linux would print it). QEMU's exit status is ours.
"${qemu[@]}" | scripts/boot-summary.py build/run-qemu.log
exit "${PIPESTATUS[0]}"
