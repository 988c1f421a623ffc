#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run-bochs.sh ELF CPUS MEM "CMDLINE" - ./run-qemu.sh --bochs: boot the
# GRUB ISO under Bochs with COM1 on this terminal.
#
# COM1 uses Bochs' "term" mode on this terminal's tty: Bochs puts it in
# raw mode and reads the keys as the guest's serial input (so Ctrl-C goes
# to the kernel, not to Bochs). The configuration is the test runner's
# (scripts/test/bochs.py); Bochs' debugger is told to run and, when the
# machine stops (power-off, triple fault), to quit. Its own output goes
# to build/run-bochs.{out,log}, not to the terminal.

[ $# -ge 4 ] || { echo "usage: $0 ELF CPUS MEM CMDLINE" >&2; exit 2; }
elf=$1 cpus=$2 mem=$3 cmdline=$4
shift 4
if [ $# -gt 0 ]; then
	echo "run-qemu.sh --bochs: Bochs takes no QEMU options: $*" >&2
	exit 2
fi
case $mem in
*G)	mib=$(( ${mem%G} * 1024 )) ;;
*M)	mib=${mem%M} ;;
*)	mib=$mem ;;
esac
tty=$(tty) || { echo "run-qemu.sh --bochs: needs a terminal on stdin" >&2; exit 2; }

out=build/run-bochs
scripts/mkiso.sh "$elf" "$out.iso" "$cmdline" build/initramfs.cpio || exit 1
# sync=slowdown: at the prompt the guest idles, and so does the host
python3 scripts/test/bochs.py bochsrc "$out.iso" "mode=term, dev=$tty" \
	"$out.log" "$mib" "$cpus" slowdown >"$out.bochsrc" || exit 1
printf 'c\nquit\n' >"$out.rc"

echo "run-qemu.sh: Bochs, $cpus CPU(s), $mib MiB, GRUB ISO; quit with the monitor's exit"
saved=$(stty -g)
SDL_VIDEODRIVER=dummy bochs -q -f "$out.bochsrc" -rc "$out.rc" >"$out.out" 2>&1
status=$?
stty "$saved" 2>/dev/null
# Bochs ends with status 1 at every power-off: say why it ended instead
why=$(grep -A1 'Bochs is exiting with the following message' "$out.out" | tail -1)
echo
echo "run-qemu.sh: Bochs exited ($status): ${why:-see $out.out}; its log: $out.log"
