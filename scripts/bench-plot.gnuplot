# SPDX-License-Identifier: GPL-2.0
#
# bench-plot.gnuplot - build/bench/bench.svg from scripts/bench.py's data.
#
#   gnuplot -e 'outdir="build/bench"; engines="icount tcg"' scripts/bench-plot.gnuplot
#
# One row per engine: on the left the cost per operation of each API for
# a lowmem and a highmem page (log axis: lowmem costs a few instructions,
# a kmap() pool wrap hundreds); on the right throughput against the
# number of threads mapping at once, kmap() against kmap_local_page().

if (!exists("outdir")) outdir = "build/bench"
if (!exists("engines")) engines = "icount tcg"
n = words(engines)

set terminal svg size 1100, 380 * n dynamic font "sans,11" background "white"
set output outdir . "/bench.svg"
set termoption noenhanced	# names have underscores
set multiplot layout n, 2 title "kmaplab: cost of a temporary mapping (release build)"

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
unset multiplot
