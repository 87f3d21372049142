#!/bin/sh
# Runs the README table of two inngest-bench builds alternately (A B, B A, …), N times each, and
# prints every engine line with its build and the load average, for medians by hand or by awk.
#
#   scripts/bench-ab.sh BASELINE_BINARY NEW_BINARY [N]
#
# e.g. git worktree add --detach /work/wt-base <baseline> && (cd /work/wt-base && swift build -c release --product inngest-bench)
#      swift build -c release --product inngest-bench
#      scripts/bench-ab.sh /work/wt-base/.build/release/inngest-bench .build/release/inngest-bench 5
#
# Build both from clean (or touch the modules that depend on the one you changed): a release build
# optimises across modules, so a module can keep another module's old private layout inlined, and
# SwiftPM does not rebuild it when only private members changed. Such a binary crashes or, worse,
# runs with wrong figures.
set -eu
a=$1 b=$2 n=${3:-5}
i=0
while [ "$i" -lt "$n" ]; do
    if [ $((i % 2)) -eq 0 ]; then order="A B"; else order="B A"; fi
    for which in $order; do
        if [ "$which" = A ]; then binary=$a; else binary=$b; fi
        echo "== $which (run $((i + 1)), load $(cut -d' ' -f1-3 /proc/loadavg))"
        "$binary" | grep '^engine:'
    done
    i=$((i + 1))
done
