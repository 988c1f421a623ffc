# Chart for docs/conversion.md: the RAM disk before and after the
# conversion. `make docs-img` (or: cd docs/img && gnuplot ramdisk-bench.gp).
set terminal svg size 640,380 font "Helvetica,12" background rgb "white" noenhanced
set output "ramdisk-bench.svg"
set title "RAM disk: 512-byte write + read, guest instructions per operation"
set style data histograms
set style histogram clustered gap 1.5
set style fill solid 0.85 border rgb "#333333"
set boxwidth 0.9
set ylabel "instructions / op (median, -icount)"
set yrange [0:2300]
set grid ytics lc rgb "#dddddd"
set key top left reverse Left
set bmargin 4.5
set xrange [-0.6:1.6]
set xtics nomirror
set ytics nomirror
plot "ramdisk-bench.dat" using 2:xtic(1) title "before: kmap() + kmap_atomic()" lc rgb "#d1495b", \
     "" using 3 title "after: kmap_local_page()" lc rgb "#2e8b57", \
     "" using 0:($2+60):(sprintf("%d", $2)) with labels offset -2.2,0 notitle, \
     "" using 0:($3+60):(sprintf("%d", $3)) with labels offset 2.2,0 notitle
