#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build.sh <outdir> <smp|up> - Linux 6.1 i386 with kmaplab's benchmark
# built in, for `make bench-linux` (docs/performance.md).
#
# Linux comes from Debian's linux-source-6.1 tarball, extracted once into
# <outdir>/src (never committed); kmaplab_bench.c is copied in as
# mm/kmaplab_bench.c. The kernel is tinyconfig plus common.config and
# <variant>.config, built out of tree in <outdir>/<variant>; every option
# the fragments set is checked in the final .config (Kconfig silently
# drops one whose dependencies are not met). Runs under `nice -n 10`.
set -e
mkdir -p "$1"; out=$(cd "$1" && pwd)
variant=$2
here=$(cd "$(dirname "$0")" && pwd)
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.1.tar.xz}
jobs=${JOBS:-2}
src=$out/src
obj=$out/$variant
kmake() { nice -n 10 make -s -C "$src" O="$obj" ARCH=i386 "$@"; }

for t in flex bison bc; do
	command -v $t >/dev/null || {
		echo "bench-linux: $t missing (apt-get install -y flex bison bc)" >&2
		exit 1
	}
done
if [ ! -f "$src/.extracted" ]; then
	[ -f "$tarball" ] || { echo "bench-linux: $tarball missing" >&2; exit 1; }
	echo "  TAR     $(basename "$tarball") -> $src"
	rm -rf "$src" && mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1 \
		--exclude='linux-source-6.1/Documentation/[!K]*'
	echo 'obj-y += kmaplab_bench.o' >> "$src/mm/Makefile"
	touch "$src/.extracted"
fi
cmp -s "$here/kmaplab_bench.c" "$src/mm/kmaplab_bench.c" ||
	cp "$here/kmaplab_bench.c" "$src/mm/kmaplab_bench.c"

mkdir -p "$obj"
frags="$here/common.config $here/$variant.config"
cat $frags > "$obj/kmaplab.fragment"
if ! cmp -s "$obj/kmaplab.fragment" "$obj/kmaplab.fragment.used" 2>/dev/null; then
	echo "  CONFIG  linux-$variant: tinyconfig + $(basename -a $frags | tr '\n' ' ')"
	kmake tinyconfig >/dev/null
	(cd "$obj" && "$src/scripts/kconfig/merge_config.sh" -m .config \
		$frags >merge.log 2>&1)
	kmake olddefconfig >/dev/null
	# every line of the fragments must have survived
	grep -h '^\(CONFIG_\|# CONFIG_\)' $frags | while read -r line; do
		opt=$(echo "$line" | sed 's/^# //; s/[= ].*//')
		got=$(grep "^$opt=\|^# $opt is not set" "$obj/.config" || true)
		want=$line
		[ "$got" = "$want" ] || [ -z "$got" -a "${want#\# }" != "$want" ] || {
			echo "bench-linux: $variant: wanted '$want', got '${got:-unset}'" >&2
			exit 1
		}
	done
	cp "$obj/kmaplab.fragment" "$obj/kmaplab.fragment.used"
fi
echo "  MAKE    linux-$variant bzImage (make -j$jobs, nice -n 10)"
kmake -j"$jobs" bzImage
ls -l "$obj/arch/x86/boot/bzImage" | awk '{print "  KERNEL  " $NF ", " $5 " bytes"}'
