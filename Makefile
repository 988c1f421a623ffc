# kmaplab build. Everything generated goes under $(O) (default build/).
#
#   make            build/kmaplab.elf (debug checks on: what `make test` runs)
#   make DEBUG=0    without the debug guards (benchmarks)
#   make iso        build/kmaplab.iso, bootable by GRUB
#   make test       build, boot under QEMU and judge the KTAP results
#   make LLVM=1     clang --target=i686-elf and ld.lld instead of GCC
#   make CROSS_COMPILE=i686-elf-   a given cross toolchain

O ?= build
DEBUG ?= 1
V ?= 0

ifeq ($(V),0)
Q := @
else
Q :=
endif

# --- toolchain choice, Linux's CROSS_COMPILE convention --------------------
have = $(shell command -v $(1) >/dev/null 2>&1 && echo y)
ifneq ($(LLVM),)
  CC := clang --target=i686-elf
  LD := ld.lld
  NM := llvm-nm
  TOOLCHAIN := clang --target=i686-elf + ld.lld
else
  ifeq ($(origin CROSS_COMPILE),undefined)
    ifeq ($(call have,i686-elf-gcc),y)
      CROSS_COMPILE := i686-elf-
    else ifeq ($(call have,i686-linux-gnu-gcc),y)
      CROSS_COMPILE := i686-linux-gnu-
    else
      CROSS_COMPILE :=
      HOST_M32 := -m32
    endif
  endif
  CC := $(CROSS_COMPILE)gcc $(HOST_M32)
  LD := $(CROSS_COMPILE)ld $(if $(HOST_M32),-m elf_i386)
  NM := $(CROSS_COMPILE)nm
  TOOLCHAIN := $(CC)
endif
NASM ?= nasm

# --- flags -----------------------------------------------------------------
# Freestanding, no FPU/SSE (the kernel never saves them), frame pointers
# kept for backtraces. Warnings as Linux builds them: -Wall -Wextra minus
# the three W=1 warnings Linux itself turns off, so Linux code builds here.
CFLAGS := -std=gnu11 -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	-fno-omit-frame-pointer -fno-strict-aliasing -fno-common \
	-fno-asynchronous-unwind-tables -fno-builtin-printf \
	-march=i686 -mgeneral-regs-only -O2 -g \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iarch/x86/include -Iinclude -MMD -MP
ifneq ($(LLVM),)
CFLAGS += -Wno-gnu-variable-sized-type-not-at-end
else
CFLAGS += -mno-omit-leaf-frame-pointer
endif
# SMP is always built in; `-smp 1` (or nr_cpus=1) runs it on one CPU.
CFLAGS += -DCONFIG_SMP
ifeq ($(DEBUG),1)
# The debug build (make test): VM_BUG_ON, kmap_local guard slots, ...
CFLAGS += -DCONFIG_DEBUG_VM -DCONFIG_DEBUG_KMAP_LOCAL -DCONFIG_KMAPLAB_DEBUG
endif
NASMFLAGS := -f elf32 -g -F dwarf -Iarch/x86/include/ -Iinclude/
LDFLAGS := -nostdlib -T linker.ld --no-warn-rwx-segments -z noexecstack
ifneq ($(LLVM),)
LDFLAGS := -nostdlib -T linker.ld -z noexecstack
endif

# --- sources: every suite file tests/*_test.c is built in ------------------
# The folders, as in Linux (docs/architecture.md has the map).
SRC_DIRS := boot arch/x86/entry arch/x86/kernel arch/x86/lib arch/x86/mm \
	init kernel mm sched lib lib/kunit drivers/tty/serial \
	drivers/video/console drivers/block teaching/monitor teaching/bench \
	teaching/tlbdemo fs fs/ramfs drivers/tty drivers/char
C_SRCS := $(wildcard $(addsuffix /*.c,$(SRC_DIRS)) tests/*_test.c)
ASM_SRCS := $(wildcard $(addsuffix /*.asm,$(SRC_DIRS)))
OBJS := $(C_SRCS:%.c=$(O)/%.o) $(ASM_SRCS:%.asm=$(O)/%.o)

all: $(O)/kmaplab.elf

$(O)/.toolchain:
	@mkdir -p $(O)
	@echo "  toolchain: $(TOOLCHAIN)"
	@touch $@

$(O)/%.o: %.c | $(O)/.toolchain
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(O)/ksyms0.o $(O)/ksyms.o: $(O)/%.o: $(O)/%.c
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(O)/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# Two links: the first with an empty symbol table, whose text symbols are
# then written into the second. .ksyms sits after .text/.rodata, so no
# function moves; the last step checks that.
$(O)/ksyms0.c: scripts/gen-ksyms.sh
	@mkdir -p $(O)
	$(Q)scripts/gen-ksyms.sh /dev/null > $@

$(O)/kmaplab.tmp.elf: $(OBJS) $(O)/ksyms0.o linker.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(O)/ksyms0.o

$(O)/ksyms.c: $(O)/kmaplab.tmp.elf scripts/gen-ksyms.sh
	$(Q)$(NM) -n $< | scripts/gen-ksyms.sh - > $@

$(O)/kmaplab.elf: $(O)/kmaplab.tmp.elf $(O)/ksyms.o
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(O)/ksyms.o
	$(Q)$(NM) -n $@ | scripts/gen-ksyms.sh - | cmp -s - $(O)/ksyms.c || \
		{ echo "kallsyms: text moved between links" >&2; rm -f $@; exit 1; }

# --- user programs and the initramfs (user/, docs/userspace.md) -------------
# Static i386 programs against Linux's own nolibc, extracted from Debian's
# linux-source-6.1 into $(O)/nolibc (never committed), packed with cpio's
# newc format into $(O)/initramfs.cpio, which QEMU passes with -initrd and
# GRUB with `module`. The uapi headers (<linux/*.h>, <asm/*.h>) are the
# host's linux-libc-dev ones, whose asm/ serves i386 too (__i386__).
#   make initramfs
LINUX_TARBALL ?= /usr/src/linux-source-6.1.tar.xz
NOLIBC := $(O)/nolibc/tools/include/nolibc
USER_PROGS := init sh hello cat echo ls memhog cowtest badptr segv systest
USER_BINS := $(USER_PROGS:%=$(O)/user/%)
USER_CC ?= gcc -m32
USER_CFLAGS := -Os -ffreestanding -static -nostdlib -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-pie -no-pie -Wall -Werror \
	-Wno-unused-function -I $(NOLIBC) \
	-idirafter /usr/include/$(shell gcc -print-multiarch 2>/dev/null) \
	-include nolibc.h

$(NOLIBC)/nolibc.h:
	@mkdir -p $(O)/nolibc
	@echo "  EXTRACT nolibc from $(LINUX_TARBALL)"
	$(Q)tar -xf $(LINUX_TARBALL) -C $(O)/nolibc --strip-components=1 \
		linux-source-6.1/tools/include/nolibc
	$(Q)touch $@

$(O)/user/%: user/%.c user/ktap.h $(NOLIBC)/nolibc.h
	@mkdir -p $(dir $@)
	@echo "  USERCC  $<"
	$(Q)$(USER_CC) $(USER_CFLAGS) $< -o $@

initramfs: $(O)/initramfs.cpio
$(O)/initramfs.cpio: $(USER_BINS)
	@echo "  CPIO    $@"
	$(Q)rm -rf $(O)/initramfs && mkdir -p $(O)/initramfs/bin $(O)/initramfs/dev
	$(Q)cp $(USER_BINS) $(O)/initramfs/bin/ && mv $(O)/initramfs/bin/init $(O)/initramfs/init
	$(Q)cd $(O)/initramfs && find . | LC_ALL=C sort | \
		cpio -o -H newc -R 0:0 --quiet > $(abspath $@).tmp
	$(Q)mv $@.tmp $@

.PHONY: initramfs

iso: $(O)/kmaplab.iso
$(O)/kmaplab.iso: $(O)/kmaplab.elf scripts/mkiso.sh
	$(Q)scripts/mkiso.sh $< $@ "$(CMDLINE)"

# `make test` and `./run-qemu.sh` install missing tools themselves.
test:
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all initramfs
	$(Q)python3 scripts/test/runner.py $(RUNNER_ARGS)

clean:
	rm -rf $(O)

.PHONY: all iso test clean
-include $(OBJS:.o=.d)

# --- lint and debug ---------------------------------------------------------
#   make lint           the lint's self-test, then the tree scan for
#                       deprecated kmap APIs (scripts/lint/lint-deprecated.py)
#   make lint-selftest  the self-test alone (scripts/lint/selftest/)
#   make debug          build, boot under QEMU waiting for GDB (scripts/debug.sh)
lint: lint-selftest
	$(Q)python3 scripts/lint/lint-deprecated.py --build $(O)

lint-selftest:
	$(Q)python3 scripts/lint/selftest/selftest.py --build $(O)

debug:
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all
	$(Q)O=$(O) scripts/debug.sh --no-build

.PHONY: lint lint-selftest debug

# --- benchmarks (docs/performance.md) ---------------------------------------
#   make bench          the release (DEBUG=0, in $(O)/release) and the debug
#                       kernel, each booted with `bench` under QEMU -icount
#                       (instructions, twice: must be identical), plain TCG
#                       (emulated time) and KVM where its probe passes;
#                       writes $(O)/bench/results.{json,md} and bench.svg.
#                       BENCH_ARGS='--iters N --engines icount' to narrow.
bench:
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory DEBUG=1 all
	$(Q)$(MAKE) --no-print-directory DEBUG=0 O=$(O)/release all
	$(Q)python3 scripts/bench/bench.py --build $(O) $(BENCH_ARGS)

.PHONY: bench

# --- course labs, monitor test, diagrams --------------------------------------
#   make labs               list the labs (docs/labs/) and their state here
#   make lab-reset LAB=NN   take lab NN's solution out of this tree
#   make lab-solve LAB=NN   put it back
#   make lab-test LAB=NN    build, boot lab NN's suite, say PASS or FAIL
#   make labs-check         every lab, on a copy under $(O)/labs-check: reset
#                           -> its suite must fail, solution -> must pass
#   make monitor-test       boot with `monitor`, drive it over COM1 from the host
#   make docs-img           redraw docs/img/*.svg from their .dot/.gp sources
labs:
	$(Q)python3 scripts/labs/labs.py list

lab-reset lab-solve lab-test:
	$(Q)test -n "$(LAB)" || { echo "usage: make $@ LAB=NN (make labs lists them)" >&2; exit 2; }
	$(Q)python3 scripts/labs/labs.py $(patsubst lab-%,%,$@) $(LAB)

labs-check:
	$(Q)scripts/deps.sh
	$(Q)python3 scripts/labs/labs.py check

monitor-test:
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all
	$(Q)python3 scripts/test/monitor_test.py --elf $(O)/kmaplab.elf

DOCS_IMG_SRC := $(wildcard docs/img/*.dot docs/img/*.gp)
docs-img: $(addsuffix .svg,$(basename $(DOCS_IMG_SRC)))

docs/img/%.svg: docs/img/%.dot
	dot -Tsvg $< -o $@

docs/img/%.svg: docs/img/%.gp $(wildcard docs/img/*.dat)
	cd docs/img && gnuplot $*.gp

.PHONY: labs lab-reset lab-solve lab-test labs-check monitor-test docs-img
