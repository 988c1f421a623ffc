#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh - make sure the host tools kmaplab builds and boots with are here.
#
# Quiet when everything is present.  As root, missing Debian packages are
# installed; otherwise the exact apt-get command is printed and we fail, so
# that `make test` never half-runs on a machine without QEMU or GRUB.

missing=()

# make test asks for the optional browser too (--with-browser): the trace
# pictures' check opens them in headless chromium (docs/trace.md). Its
# absence is not fatal: that one check then skips and says so.
with_browser=0
[ "$1" = "--with-browser" ] && with_browser=1

optional_browser() {
	[ $with_browser -eq 1 ] || return 0
	command -v chromium >/dev/null 2>&1 && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps.sh: no chromium, so the trace pictures' browser check will skip" \
		     "(sudo apt-get install -y chromium)" >&2
		return 0
	fi
	echo "deps.sh: installing chromium (the trace pictures' browser check)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 ||
	{ apt-get update -q >/dev/null 2>&1 &&
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; } ||
	echo "deps.sh: chromium did not install; the browser check will skip" >&2
	return 0
}

need_cmd() {	# need_cmd <command> <debian package>
	command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}

need_cmd nasm nasm
need_cmd qemu-system-i386 qemu-system-x86
need_cmd grub-mkrescue grub-common
# grub-mkrescue happily builds an ISO that cannot boot a BIOS PC without these
[ -d /usr/lib/grub/i386-pc ] || missing+=(grub-pc-bin)
need_cmd xorriso xorriso
need_cmd mformat mtools
need_cmd python3 python3
need_cmd cpio cpio		# the initramfs (user/, make initramfs)

# Bochs, the second emulator (make test's bochs runs, ./run-qemu.sh --bochs):
# the emulator, its BIOS, the VGA BIOS its config names, and the SDL2
# display library that runs headless with SDL_VIDEODRIVER=dummy.
need_cmd bochs bochs
[ -f /usr/share/bochs/BIOS-bochs-latest ] || missing+=(bochsbios)
[ -f /usr/share/vgabios/vgabios.bin ] || missing+=(vgabios)
ls /usr/lib/*/bochs/plugins/libbx_sdl2_gui.so >/dev/null 2>&1 || missing+=(bochs-sdl)

# Linux 6.1's own KUnit suites (make linux-suites) come from its source
[ -f /usr/src/linux-source-6.1.tar.xz ] || missing+=(linux-source-6.1)

# Any compiler that can emit 32-bit code will do; the Makefile picks one.
if ! command -v i686-linux-gnu-gcc >/dev/null 2>&1 &&
   ! echo 'int x;' | gcc -m32 -x c -c -o /dev/null - >/dev/null 2>&1; then
	missing+=(gcc-i686-linux-gnu binutils-i686-linux-gnu)
fi

# The user programs (user/, make initramfs): static i386 ELF from the host
# gcc -m32, freestanding against nolibc and the host's uapi headers. Debian's
# amd64 gcc does that alone; where this tiny link fails, gcc-multilib has
# what is missing (the 32-bit headers and libgcc).
m32=$(mktemp -d /tmp/kmaplab-m32.XXXXXX)
printf '#include <asm/unistd.h>\nvoid _start(void) { for (;;); }\n' >"$m32/t.c"
if ! gcc -m32 -ffreestanding -static -nostdlib -fno-pie -no-pie \
	-idirafter "/usr/include/$(gcc -print-multiarch 2>/dev/null)" \
	"$m32/t.c" -o "$m32/t" >/dev/null 2>&1; then
	missing+=(gcc-multilib)
fi
rm -rf "$m32"

if [ ${#missing[@]} -eq 0 ]; then
	optional_browser
	exit 0
fi

# de-duplicate while keeping the order
pkgs=$(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++' | tr '\n' ' ')
pkgs=${pkgs% }

if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: missing host tools; install them with:" >&2
	echo "  sudo apt-get install -y $pkgs" >&2
	exit 1
fi

echo "deps.sh: installing $pkgs"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp /tmp/kmaplab-apt.XXXXXX)
# A fresh machine often has stale or empty package lists: update and retry.
if ! apt-get install -y -q $pkgs >"$log" 2>&1; then
	apt-get update -q >>"$log" 2>&1
	if ! apt-get install -y -q $pkgs >>"$log" 2>&1; then
		tail -20 "$log" >&2
		echo "deps.sh: apt-get install $pkgs failed" >&2
		exit 1
	fi
fi
optional_browser
