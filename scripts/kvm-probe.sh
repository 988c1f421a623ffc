#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# kvm-probe.sh ELF [FILTER] - does KVM run this kernel?  Exit 0 if so.
#
# /dev/kvm existing is not enough: some hosts offer a software hypervisor
# that #GPs on 32-bit paging (so the kernel triple-faults) or is far too
# slow.  So boot the real kernel on one tiny suite and demand exit 33
# (all tests passed) within KVM_PROBE_TIMEOUT seconds.  On failure print
# one line saying why, on stdout.

elf=$1
filter=${2:-${KVM_PROBE_FILTER:-printk}}
tmo=${KVM_PROBE_TIMEOUT:-15}

[ -f "$elf" ] || { echo "no kernel image $elf"; exit 2; }
[ -e /dev/kvm ] || { echo "no /dev/kvm"; exit 1; }
[ -r /dev/kvm ] && [ -w /dev/kvm ] || { echo "/dev/kvm not accessible"; exit 1; }

log=$(mktemp /tmp/kvm-probe.XXXXXX)
trap 'rm -f "$log" "$log.qemu" "$log.out"' EXIT
: >"$log.out"	# exists before the polling loop below looks at it

qemu-system-i386 -enable-kvm -cpu host,-arch-capabilities \
	-display none -no-reboot -m 128M -serial "file:$log" \
	-device isa-debug-exit,iobase=0xf4,iosize=4 \
	-d cpu_reset,guest_errors -D "$log.qemu" \
	-kernel "$elf" \
	-append "kunit.filter_glob=$filter kunit_shutdown=poweroff panic=-1" \
	>"$log.out" 2>&1 &
pid=$!

# On "KVM internal error" QEMU stops the guest but stays alive: don't sit
# out the whole timeout for that.
rc=124
for ((i = 0; i < tmo * 4; i++)); do
	if ! kill -0 $pid 2>/dev/null; then
		wait $pid; rc=$?; break
	fi
	grep -q 'internal error' "$log.out" && { rc=125; break; }
	sleep 0.25
done
if [ $rc -ge 124 ]; then
	kill $pid 2>/dev/null; wait $pid 2>/dev/null
fi
err=$(grep -m1 -v -e '^$' -e 'terminating on signal' "$log.out")
err=${err:+ ($err)}

case $rc in
33)	exit 0 ;;
124)	echo "no result within ${tmo}s$err" ;;
125)	echo "guest stopped$err" ;;
0)	# under KVM a triple fault is a shutdown exit: QEMU logs no
	# "Triple fault", just the reset
	last=$(grep -a -v '^\s*$' "$log" | tail -1 | sed 's/^\[[ 0-9.]*\] //')
	echo "triple fault or reset, no exit-device write${last:+; last line: $last}$err" ;;
35)	echo "tests failed under KVM" ;;
37)	echo "kernel panic: $(grep -m1 -a 'Kernel panic' "$log" | sed 's/^\[[ 0-9.]*\] //')" ;;
*)	echo "qemu exit $rc$err" ;;
esac
exit 1
