# kmaplab build. Everything generated goes under $(O) (default build/).
#
#   make            build/kmaplab.elf (debug checks on: what `make test` runs)
#   make DEBUG=0    without the debug guards (benchmarks)
#   make iso        build/kmaplab.iso, bootable by GRUB
#   make test       build, boot under QEMU and judge the KTAP results
#   make linux-suites  Linux 6.1's own KUnit suites in a test kernel
#   make headers-check every header compiles alone
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
# the four W=1 warnings Linux itself turns off, so Linux code builds here.
CFLAGS := -std=gnu11 -ffreestanding -fno-pie -fno-pic -fno-stack-protector \
	-fno-omit-frame-pointer -fno-strict-aliasing -fno-common \
	-fno-asynchronous-unwind-tables -fno-builtin-printf \
	-march=i686 -mgeneral-regs-only -O2 -g \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wno-type-limits \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iarch/x86/include -Iinclude -include include/linux/kconfig.h -MMD -MP
ifneq ($(LLVM),)
CFLAGS += -Wno-gnu-variable-sized-type-not-at-end -DCONFIG_CC_IS_CLANG
else
CFLAGS += -mno-omit-leaf-frame-pointer -DCONFIG_CC_IS_GCC
endif
# As Linux's i386 build (arch/x86/Makefile; Makefile_32.cpu with
# CONFIG_X86_GENERIC): tuned for today's CPUs rather than the Pentium Pro
# that -march=i686 alone tunes for, and the stack kept 4-byte aligned
# instead of 16 (nothing here uses SSE). Outgoing arguments are stored
# into a frame area set up once (GCC's i686 default, which generic tuning
# turns off): with kmaplab's stack arguments, pushing them costs a stack
# adjustment after every call. docs/performance.md has what each gained.
ifneq ($(LLVM),)
CFLAGS += -mtune=generic -mstack-alignment=4
else
CFLAGS += -mtune=generic -mpreferred-stack-boundary=2 -maccumulate-outgoing-args
endif
# SMP is always built in; `-smp 1` (or nr_cpus=1) runs it on one CPU.
CFLAGS += -DCONFIG_SMP
# Every stack variable starts zeroed: what Linux 6.1 picks by default when
# the compiler can (CONFIG_INIT_STACK_ALL_ZERO, GCC 12+, clang 8+; clang
# before 16 also wants the flag Linux calls the "enabler").
AUTO_VAR_ZERO := -ftrivial-auto-var-init=zero
AUTO_VAR_ENABLER := -enable-trivial-auto-var-init-zero-knowing-it-will-be-removed-from-clang
cc-accepts = $(shell echo 'int x;' | $(CC) $(1) -Werror -x c -c -o /dev/null - \
	2>/dev/null && echo y)
ifeq ($(call cc-accepts,$(AUTO_VAR_ZERO)),y)
CFLAGS += $(AUTO_VAR_ZERO) -DCONFIG_INIT_STACK_ALL_ZERO
else ifeq ($(call cc-accepts,$(AUTO_VAR_ZERO) $(AUTO_VAR_ENABLER)),y)
CFLAGS += $(AUTO_VAR_ZERO) $(AUTO_VAR_ENABLER) -DCONFIG_INIT_STACK_ALL_ZERO
endif
ifeq ($(DEBUG),1)
# The debug build (make test): VM_BUG_ON, kmap_local guard slots, ...
CFLAGS += -DCONFIG_DEBUG_VM -DCONFIG_DEBUG_KMAP_LOCAL -DCONFIG_KMAPLAB_DEBUG \
	-DCONFIG_DEBUG_PREEMPT -DCONFIG_DEBUG_ATOMIC_SLEEP
endif
NASMFLAGS := -f elf32 -g -F dwarf -I$(O)/include/
LDFLAGS := -nostdlib -L $(O)/include/generated -T linker.ld -z noexecstack
ifeq ($(LLVM),)
LDFLAGS += --no-warn-rwx-segments
endif

# --- sources: every suite file tests/*_test.c is built in ------------------
# The folders, as in Linux (docs/architecture.md has the map).
SRC_DIRS := boot arch/x86/entry arch/x86/kernel arch/x86/lib arch/x86/mm \
	init kernel kernel/trace mm sched lib lib/kunit lib/math drivers/tty/serial \
	drivers/video/console drivers/block drivers/base drivers/firmware \
	teaching/monitor teaching/bench \
	teaching/tlbdemo fs fs/ramfs drivers/tty drivers/char
ASM_OFFSETS_C := arch/x86/kernel/asm-offsets.c
C_SRCS := $(filter-out $(ASM_OFFSETS_C),\
	$(wildcard $(addsuffix /*.c,$(SRC_DIRS)) tests/*_test.c))
ASM_SRCS := $(wildcard $(addsuffix /*.asm,$(SRC_DIRS)))
OBJS := $(C_SRCS:%.c=$(O)/%.o) $(ASM_SRCS:%.asm=$(O)/%.o)

# --- asm-offsets: the C headers' constants for NASM and linker.ld ----------
# asm-offsets.c is compiled to assembly only (its .d tracks the headers it
# reads); scripts/gen-asm-offsets.sh turns its markers into an include file
# for NASM and one for linker.ld. They are rewritten whenever the .s is
# (a header it reads changed): a handful of .asm files reassemble, and
# `make -q` stays truthful (a file left older than its .s never would be).
ASM_OFFSETS_S := $(O)/arch/x86/kernel/asm-offsets.s
GEN_DIR := $(O)/include/generated

all: $(O)/kmaplab.elf

# Every object depends on $(O)/.flags, the compiler, assembler and linker
# command lines it was built with (Linux's .cmd files, in one file): a
# changed flag (make DEBUG=0 after make) rewrites it, and so rebuilds
# everything. Unchanged, it is left alone; make -q tells the truth.
BUILD_FLAGS := $(CC) $(CFLAGS) | $(NASM) $(NASMFLAGS) | $(LD) $(LDFLAGS)
ifneq ($(strip $(BUILD_FLAGS)),$(strip $(shell cat $(O)/.flags 2>/dev/null)))
$(O)/.flags: FORCE
endif
$(O)/.flags:
	@mkdir -p $(O)
	@echo '$(BUILD_FLAGS)' > $@

FORCE:
.PHONY: FORCE

$(O)/.toolchain:
	@mkdir -p $(O)
	@echo "  toolchain: $(TOOLCHAIN)"
	@touch $@

$(O)/%.o: %.c $(O)/.flags | $(O)/.toolchain
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(O)/ksyms0.o $(O)/ksyms.o: $(O)/%.o: $(O)/%.c $(O)/.flags
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(ASM_OFFSETS_S): $(ASM_OFFSETS_C) $(O)/.flags | $(O)/.toolchain
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(CFLAGS) -S $< -o $@

$(GEN_DIR)/asm-offsets.inc $(GEN_DIR)/asm-offsets.lds: \
		$(GEN_DIR)/asm-offsets.%: $(ASM_OFFSETS_S) scripts/gen-asm-offsets.sh
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)scripts/gen-asm-offsets.sh $(if $(filter inc,$*),nasm,$*) $< > $@.tmp
	$(Q)mv $@.tmp $@

$(O)/%.o: %.asm $(GEN_DIR)/asm-offsets.inc $(O)/.flags
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

# Two links: the first with an empty symbol table, whose text symbols are
# then written into the second. .ksyms sits after .text/.rodata, so no
# function moves; the last step checks that.
$(O)/ksyms0.c: scripts/gen-ksyms.sh
	@mkdir -p $(O)
	$(Q)scripts/gen-ksyms.sh /dev/null > $@

$(O)/kmaplab.tmp.elf: $(OBJS) $(O)/ksyms0.o linker.ld $(GEN_DIR)/asm-offsets.lds \
		$(O)/.flags
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(O)/ksyms0.o

$(O)/ksyms.c: $(O)/kmaplab.tmp.elf scripts/gen-ksyms.sh
	$(Q)$(NM) -n $< | scripts/gen-ksyms.sh - > $@

$(O)/kmaplab.elf: $(O)/kmaplab.tmp.elf $(O)/ksyms.o $(GEN_DIR)/asm-offsets.lds
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
USER_PROGS := init sh hello cat echo ls memhog cowtest badptr segv systest orphan fuzz
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

# The issue's "a program built outside the project runs unchanged as
# /init": a plain nolibc program with nolibc's own recipe (none of
# USER_CFLAGS' extras but the multiarch uapi path Debian needs), packed
# alone. The tcg-outside-init run boots it.
OUTSIDE_INIT := scripts/test/fixtures/outside-init/init.c
outside-init: $(O)/outside-init.cpio
$(O)/outside-init.cpio: $(OUTSIDE_INIT) $(NOLIBC)/nolibc.h
	@mkdir -p $(O)/outside-init
	@echo "  USERCC  $<"
	$(Q)$(USER_CC) -Os -static -nostdlib -fno-pie -no-pie -fno-stack-protector \
		-I $(NOLIBC) -idirafter /usr/include/$(shell gcc -print-multiarch 2>/dev/null) \
		-include nolibc.h $< -o $(O)/outside-init/init
	@echo "  CPIO    $@"
	$(Q)cd $(O)/outside-init && echo init | cpio -o -H newc -R 0:0 --quiet > $(abspath $@)

.PHONY: outside-init

iso: $(O)/kmaplab.iso
$(O)/kmaplab.iso: $(O)/kmaplab.elf scripts/mkiso.sh
	$(Q)scripts/mkiso.sh $< $@ "$(CMDLINE)"

# `make test` and `./run-qemu.sh` install missing tools themselves.
test:
	$(Q)scripts/deps.sh --with-browser
	$(Q)$(MAKE) --no-print-directory all initramfs outside-init linux-suites headers-check
	$(Q)python3 scripts/test/runner.py $(RUNNER_ARGS)

clean:
	rm -rf $(O)

.PHONY: all iso test clean
-include $(OBJS:.o=.d) $(ASM_OFFSETS_S:.s=.d)

include scripts/Makefile.linux-suites scripts/Makefile.headers

# --- lint and debug ---------------------------------------------------------
#   make lint           the lint's self-test, then the tree scan for
#                       deprecated kmap APIs (scripts/lint/lint-deprecated.py),
#                       then Linux's checkpatch.pl over the tree: any ERROR
#                       fails (scripts/lint/checkpatch_tree.py, docs/style.md),
#                       and no Python function over 60 lines (pyfunc_len.py)
#   make lint-selftest  the self-test alone (scripts/lint/selftest/)
#   make debug          build, boot under QEMU waiting for GDB (scripts/debug.sh)
lint: lint-selftest
	$(Q)python3 scripts/lint/lint-deprecated.py --build $(O)
	$(Q)python3 scripts/lint/checkpatch_tree.py --build $(O)
	$(Q)python3 scripts/lint/pyfunc_len.py

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

#   make bench-linux    Linux 6.1 (tinyconfig + scripts/bench/linux/*.config,
#                       SMP and UP, extracted from linux-source-6.1 into
#                       $(O)/linux-bench, never committed) with kmaplab's
#                       benchmark built in, and kmaplab's release kernel,
#                       each booted twice under -icount: the side-by-side
#                       table in $(O)/bench/linux.md and docs/performance.md.
#                       Not part of make test (tens of minutes on 2 cores).
bench-linux:
	$(Q)scripts/deps.sh
	$(Q)scripts/bench/linux/build.sh $(O)/linux-bench smp
	$(Q)scripts/bench/linux/build.sh $(O)/linux-bench up
	$(Q)$(MAKE) --no-print-directory DEBUG=0 O=$(O)/release all
	$(Q)python3 scripts/bench/bench_linux.py --build $(O)

#   make bench-disasm   the release kmap_local_page() + read + kunmap_local()
#                       path as executed (one traced -icount boot): rewrites
#                       its listings in docs/performance.md, keeping each
#                       line's group; make test's bench-disasm check keeps
#                       them true to the build.
bench-disasm:
	$(Q)$(MAKE) --no-print-directory DEBUG=0 O=$(O)/release all
	$(Q)python3 scripts/bench/disasm.py write --elf $(O)/release/kmaplab.elf

.PHONY: bench bench-linux bench-disasm

# --- trace pictures (docs/trace.md) -------------------------------------------
#   make trace              boot the lecture scenarios (tests/trace_scenarios*.c,
#                           the runner's tcg-trace-scenarios run) and draw each
#                           one: $(O)/trace/NAME.{json,html,svg,txt}
#   make trace SCENARIO=preempt_local   only that one
#   make trace LOG=file     draw the dumps in a saved serial log, no boot
trace:
ifdef LOG
	$(Q)python3 scripts/trace/trace.py $(LOG) --out $(O)/trace \
		$(if $(SCENARIO),--scenario $(SCENARIO))
else
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all initramfs
	$(Q)python3 scripts/trace/trace.py --boot --out $(O)/trace \
		$(if $(SCENARIO),--scenario $(SCENARIO))
endif

.PHONY: trace

# --- course labs, monitor test, diagrams --------------------------------------
#   make labs               the lab ladder (docs/labs/) and each lab's state
#   make lab-test LAB=NN    build, boot lab NN's suite: each case, and for a
#                           failure what was expected and what was seen
#   make grade [LAB=NN]     every lab's (or one lab's) suites, scored like
#                           xv6's make grade; also build/grade.json
#   make lab-reset LAB=NN   put lab NN's starting point into this tree
#   make lab-solve LAB=NN   teacher: the reference code back (from git)
#   make handout            teacher: the student tree, every lab at its
#                           start, no solution: build/handout/
#   make labs-check         teacher: each start fails, each reference
#                           passes, the handout leaks none (docs/labs/)
#   make labs-refresh       teacher: after a lab's reference code changed
#   make monitor-test       boot with `monitor`, drive it over COM1 from the host
#   make fuzz-cmdline N=2000 [SEED=19]  boot N fuzzed command lines (make
#                           test boots 64); scripts/test/fuzz_cmdline.py
#   make docs-img           redraw docs/img/*.svg from their .dot/.gp sources
labs:
	$(Q)python3 scripts/labs/labs.py list

lab-reset lab-solve lab-test:
	$(Q)test -n "$(LAB)" || { echo "usage: make $@ LAB=NN (make labs lists them)" >&2; exit 2; }
	$(Q)python3 scripts/labs/labs.py $(patsubst lab-%,%,$@) $(LAB)

grade:
	$(Q)python3 scripts/labs/labs.py grade $(LAB)

handout:
	$(Q)python3 scripts/labs/labs.py handout $(O)/handout

labs-check:
	$(Q)scripts/deps.sh
	$(Q)python3 scripts/labs/labs.py check

labs-refresh:
	$(Q)python3 scripts/labs/labs.py refresh

fuzz-cmdline:
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all
	$(Q)python3 scripts/test/fuzz_cmdline.py --elf $(O)/kmaplab.elf \
		--count $(or $(N),1000) --seed $(or $(SEED),19)

# The system-call fuzzer (user/fuzz.c) on 4 CPUs, CALLS calls from SEED.
fuzz-syscalls:
	$(Q)scripts/deps.sh
	$(Q)$(MAKE) --no-print-directory all initramfs
	$(Q)FUZZ_CALLS=$(or $(CALLS),10000000) FUZZ_SEED=$(or $(SEED),1) \
		python3 scripts/test/runner.py --runs fuzz-syscalls

monitor-test:
	$(Q)scripts/deps.sh --with-browser
	$(Q)$(MAKE) --no-print-directory all
	$(Q)python3 scripts/test/monitor_test.py --elf $(O)/kmaplab.elf

DOCS_IMG_SRC := $(wildcard docs/img/*.dot docs/img/*.gp)
docs-img: $(addsuffix .svg,$(basename $(DOCS_IMG_SRC)))

docs/img/%.svg: docs/img/%.dot
	dot -Tsvg $< -o $@

docs/img/%.svg: docs/img/%.gp $(wildcard docs/img/*.dat)
	cd docs/img && gnuplot $*.gp

.PHONY: labs lab-reset lab-solve lab-test labs-check monitor-test docs-img \
	fuzz-cmdline fuzz-syscalls grade handout labs-refresh
