#!/bin/sh
# gen-asm-offsets.sh nasm|lds ASM-OFFSETS.S: turn the markers that
# arch/x86/kernel/asm-offsets.c leaves in its assembly output into
#   nasm: "%define SYM value ; expr" for every DEFINE/OFFSET/LDS_DEFINE,
#   lds:  "SYM = value;" for the LDS_DEFINEs (linker.ld INCLUDEs it),
# as Linux's Kbuild does with sed-offsets. Markers: "->SYM value expr",
# "=>SYM value expr" (also for the linker), "->#text" (a comment), "->".
set -e
fmt=$1
in=$2
strip='s:^[[:space:]]*\.ascii[[:space:]]*"\(.*\)".*:\1:'
case "$fmt" in
nasm)
	echo '; Generated from arch/x86/kernel/asm-offsets.c. Do not edit.'
	sed -ne "$strip"'; /^[-=]>/{
		s:^->#\(.*\):; \1:
		s:^[-=]>\([^ ]*\) \([^ ]*\) \(.*\):%define \1 \2	; \3:
		s:^->$::
		p
	}' "$in"
	;;
lds)
	echo '/* Generated from arch/x86/kernel/asm-offsets.c. Do not edit. */'
	sed -ne "$strip"'; /^=>/{
		s:^=>\([^ ]*\) \([^ ]*\) \(.*\):\1 = \2;	/* \3 */:
		p
	}' "$in"
	;;
*)
	echo "usage: $0 nasm|lds asm-offsets.s" >&2
	exit 2
	;;
esac
