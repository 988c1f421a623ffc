#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# debug.sh - boot kmaplab under QEMU stopped at the first instruction,
# waiting for GDB, and write $O/gdbinit for the second terminal.
#
#   make debug                       build, then this
#   scripts/debug.sh [qemu args...]  the same (builds unless --no-build)
#
# Environment:
#   GDBPORT=n          GDB port (default 25000 + uid % 5000, one per user)
#   KMAPLAB_CMDLINE=s  kernel command line (default: empty)
#   O=dir              build directory (default build)

usage() {
	sed -n '4,14s/^# \{0,1\}//p' "$0"
}

cd "$(dirname "$0")/.." || exit 1
O=${O:-build}
build=1
qemu_args=()
while [ $# -gt 0 ]; do
	case $1 in
	-h|--help) usage; exit 0 ;;
	--no-build) build= ;;
	*) qemu_args+=("$1") ;;
	esac
	shift
done

if [ -n "$build" ]; then
	scripts/deps.sh || exit 1
	make -s O="$O" || exit 1
fi

elf=$O/kmaplab.elf
[ -f "$elf" ] || { echo "debug.sh: $elf missing: run make first" >&2; exit 1; }

if ! command -v gdb >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "debug.sh: installing gdb"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q gdb >/dev/null 2>&1 ||
			{ apt-get update -q >/dev/null 2>&1;
			  DEBIAN_FRONTEND=noninteractive apt-get install -y -q gdb >/dev/null 2>&1; } ||
			echo "debug.sh: apt-get install gdb failed; install it to attach" >&2
	else
		echo "debug.sh: gdb is missing: sudo apt-get install gdb" >&2
	fi
fi

port=${GDBPORT:-$((25000 + $(id -u) % 5000))}
case $port in
''|*[!0-9]*) echo "debug.sh: GDBPORT must be a number, not '$port'" >&2; exit 1 ;;
esac
# QEMU would fail too, but later and less clearly.
if ! python3 -c 'import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
	echo "debug.sh: port $port is in use (another make debug?): pick one with GDBPORT=" >&2
	exit 1
fi

top=$(pwd)
gdbinit=$O/gdbinit
cat >"$gdbinit" <<EOF
# Written by scripts/debug.sh for QEMU's gdbstub on localhost:$port.
# Rewritten on every make debug: put your own commands elsewhere.
set architecture i386
file $top/$elf
target remote localhost:$port
break start_kernel
source $top/scripts/gdb/kmaplab.py
echo kmaplab: stopped at reset (real mode); 'continue' runs to start_kernel.\\n
echo kmaplab: helpers: kmaplab-pt VA, kmaplab-threads, kmaplab-kmaps [TASK], kmap-break [WHAT], kmaplab-pkmap, kmaplab-cpu-slots CPU (help kmap-break).\\n
EOF

cmdline=${KMAPLAB_CMDLINE-}
echo "debug.sh: QEMU is stopped, waiting for GDB on localhost:$port (GDBPORT= to change)"
echo "debug.sh: kernel command line: '$cmdline' (KMAPLAB_CMDLINE= to change)"
echo "debug.sh: in a second terminal run:"
echo
echo "    cd $top && gdb -q -x $gdbinit"
echo
echo "debug.sh: serial console follows; Ctrl-A X quits QEMU, Ctrl-A C toggles its monitor."

# TCG, not KVM: breakpoints and single steps behave the same everywhere.
# The stub listens on loopback only: other machines cannot attach.
exec qemu-system-i386 -accel tcg -cpu max -m 256M -serial mon:stdio \
	-display none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4 \
	-kernel "$elf" -append "$cmdline" -gdb "tcp:127.0.0.1:$port" -S \
	"${qemu_args[@]}"
