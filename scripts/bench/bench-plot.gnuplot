# SPDX-License-Identifier: GPL-2.0
#
# bench-plot.gnuplot - build/bench/bench.svg from scripts/bench/bench.py's data.
#
#   gnuplot -e 'outdir="build/bench"; engines="icount tcg"' scripts/bench/bench-plot.gnuplot
#
# One row per engine: on the left the cost per operation of each API for
# a lowmem and a highmem page (log axis: lowmem costs a few instructions,
# a kmap() pool wrap hundreds); on the right throughput against the
# number of threads mapping at once, kmap() against kmap_local_page().
# With smp=1 (smp.dat from the -smp 4 boots) a last row: per op against
# the number of CPUs, one thread bound to each -- instructions under
# icount (summed over the CPUs), emulated ticks under MTTCG (log axis).

if (!exists("outdir")) outdir = "build/bench"
if (!exists("engines")) engines = "icount tcg"
if (!exists("smp")) smp = 0
n = words(engines)
rows = n + (smp ? 1 : 0)

set terminal svg size 1100, 380 * rows dynamic font "sans,11" background "white"
set output outdir . "/bench.svg"
set termoption noenhanced	# names have underscores
set multiplot layout rows, 2 title "kmaplab: cost of a temporary mapping (release build)"

unit(e) = (e eq "icount") ? "instructions / op" : \
	  (e eq "tcg") ? "emulated TSC ticks / op" : "cycles / op"

do for [i = 1:n] {
	e = word(engines, i)

	set title e . ": map + read one word + unmap"
	set style data histograms
	set style histogram clustered gap 1
	set style fill solid 0.8 border -1
	set logscale y
	set yrange [1:*]
	set ylabel unit(e)
	set xtics rotate by -25 nomirror
	set key top left
	set grid ytics
	plot outdir . "/api-" . e . ".dat" using 2:xtic(1) title "lowmem page" lc rgb "#4a90d9", \
	     "" using 3 title "highmem page" lc rgb "#d9534f"

	unset logscale y
	set title e . ": 1..8 threads mapping at once (96 pages each)"
	set style data linespoints
	set yrange [0:*]
	set xrange [0.5:8.5]
	set xtics (1, 2, 4, 8) norotate
	set xlabel "threads"
	set key bottom right
	plot outdir . "/threads-" . e . ".dat" using 1:2 title "kmap_local_page" lw 2 pt 7 lc rgb "#4a90d9", \
	     "" using 1:3 title "kmap" lw 2 pt 5 lc rgb "#d9534f"
	unset xlabel
	set key top left
	set xrange [*:*]
	set autoscale x
}

if (smp) {
	set style data linespoints
	set xrange [0.5:4.5]
	set xtics (1, 2, 4) norotate
	set xlabel "CPUs (one thread bound to each)"
	set key top left
	set title "SMP, icount: instructions / op, summed over CPUs"
	set ylabel "instructions / op"
	set yrange [0:*]
	plot outdir . "/smp.dat" using 1:2 title "kmap_local_page" lw 2 pt 7 lc rgb "#4a90d9", \
	     "" using 1:3 title "kmap (16 pages each)" lw 2 pt 5 lc rgb "#d9534f", \
	     "" using 1:4 title "kmap (576 pages each: wraps)" lw 2 pt 9 lc rgb "#8e44ad"
	set title "SMP, MTTCG: emulated ticks / op (4 vCPUs on the host's cores)"
	set ylabel "ticks / op (log)"
	set logscale y
	set yrange [*:*]
	plot outdir . "/smp.dat" using 1:($5 > 0 ? $5 : 1/0) title "kmap_local_page" lw 2 pt 7 lc rgb "#4a90d9", \
	     "" using 1:($6 > 0 ? $6 : 1/0) title "kmap (16 pages each)" lw 2 pt 5 lc rgb "#d9534f", \
	     "" using 1:($7 > 0 ? $7 : 1/0) title "kmap (576 pages each: wraps)" lw 2 pt 9 lc rgb "#8e44ad"
}
unset multiplot
