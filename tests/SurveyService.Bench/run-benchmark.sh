#!/usr/bin/env bash
# Compile benchmark: the service's analysis compile against a bare OpenXmlWriter floor.
#
#   tests/SurveyService.Bench/run-benchmark.sh [N ...]        (default: 2000 20000)
#
# For each N it seeds one SQLite file (N submissions x 30 answers), then runs every measurement
# in its own process, so each process's peak resident set is the peak of that one measurement:
#   floor, compile        REPEATS times each (default 3), interleaved; the table shows medians
#   build-all             the job's BuildAsync: all four workbooks, in memory (once)
#   read-only, floor-read, floor-zip   diagnostics (once): the compile's queries alone; the floor's
#                         queries alone; the floor streamed into a plain ZipArchive instead of the SDK package
# Environment: REPEATS (3), BENCH_DIR (a new temporary directory; removed at the end unless KEEP=1).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 20000)
repeats=${REPEATS:-3}
work=${BENCH_DIR:-$(mktemp -d -t surveybench.XXXXXX)}
mkdir -p "$work"
results="$work/results.txt"
: > "$results"

dotnet build "$here" -c Release --nologo -v q -clp:ErrorsOnly >&2
bench=(dotnet "$here/bin/Release/net10.0/SurveyService.Bench.dll")

echo "machine: $(nproc) cores; $(free -h | awk '/^Mem:/ {print $2 " memory, " $7 " available"}'); $(dotnet --version) SDK" | tee -a "$results"

# Another benchmark on this machine (the HTTP load test) would share the cores: wait for it to
# end before each measurement, up to QUIET_MINUTES (40), polling every 30 s.
wait_for_quiet() {
    local deadline=$(( $(date +%s) + ${QUIET_MINUTES:-40} * 60 ))
    while pgrep -f 'SurveyService[.]LoadTest' > /dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
        echo "waiting: a load test is running" >&2
        sleep 30
    done
}

measure() { # mode n [extra args...]
    local mode=$1 n=$2; shift 2
    wait_for_quiet
    # Another process competing for the cores shows up here (1-minute load average before the run).
    echo "load $mode n=$n: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$results"
    "${bench[@]}" "$mode" --db "$work/bench-$n.db" --submissions "$n" "$@" | tee -a "$results"
}

for n in "${sizes[@]}"; do
    "${bench[@]}" seed --db "$work/bench-$n.db" --submissions "$n"
    for run in $(seq 1 "$repeats"); do
        measure floor "$n" --out "$work/floor-$n.xlsx"
        measure compile "$n" --out "$work/compile-$n.xlsx"
    done
    measure build "$n"
    measure read "$n"
    measure floor-read "$n"
    measure floor-zip "$n" --out "$work/floor-zip-$n.xlsx"
    "${bench[@]}" inspect --file "$work/compile-$n.xlsx" --label "compile-$n" | tee -a "$results"
    "${bench[@]}" inspect --file "$work/floor-$n.xlsx" --label "floor-$n" | tee -a "$results"
    rm -f "$work"/bench-"$n".db*
done

# Medians per (N, mode), then compile/floor ratios and growth from the smallest N to the largest.
awk '
function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] } return "" }
function median(list,   a, k, t, i, j) {
    k = split(list, a, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
/^RESULT/ {
    key = field("n") SUBSEP field("mode")
    if (!(key in runs)) { order[++count] = key }
    runs[key]++
    secs[key] = secs[key] " " field("seconds"); peak[key] = peak[key] " " field("peak_mb")
    grow[key] = grow[key] " " (field("peak_mb") - field("baseline_mb")); managed[key] = managed[key] " " field("managed_peak_mb")
    alloc[key] = alloc[key] " " field("allocated_mb"); bytes[key] = field("file_bytes")
}
END {
    print ""
    print "| N | mode | runs | time (s) | peak RSS (MB) | peak above baseline (MB) | managed peak (MB) | allocated (MB) | file (MB) |"
    print "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= count; i++) {
        split(order[i], k, SUBSEP)
        printf "| %s | %s | %d | %.2f | %.0f | %.0f | %.0f | %.0f | %.1f |\n", k[1], k[2], runs[order[i]], median(secs[order[i]]), median(peak[order[i]]),
            median(grow[order[i]]), median(managed[order[i]]), median(alloc[order[i]]), bytes[order[i]] / 1048576
        n = k[1] + 0; if (!(n in seen)) { seen[n] = 1; ns[++sizes] = n }
        t[n, k[2]] = median(secs[order[i]]); p[n, k[2]] = median(peak[order[i]]); g[n, k[2]] = median(grow[order[i]])
    }
    print ""
    for (i = 1; i <= sizes; i++) if ((ns[i], "floor") in t && t[ns[i], "floor"] > 0)
        printf "N=%d: compile/floor time %.2fx, peak RSS %.2fx; build-all (4 workbooks)/floor time %.2fx\n", ns[i],
            t[ns[i], "compile"] / t[ns[i], "floor"], p[ns[i], "compile"] / p[ns[i], "floor"], t[ns[i], "build-all"] / t[ns[i], "floor"]
    if (sizes >= 2) {
        a = ns[1]; b = ns[sizes]
        for (m = 1; m <= 3; m++) {
            mode = m == 1 ? "compile" : m == 2 ? "floor" : "build-all"
            if (g[a, mode] > 0)
                printf "%s, N=%d -> N=%d: peak RSS %.1fx, peak above baseline %.1fx, time %.1fx\n", mode, a, b,
                    p[b, mode] / p[a, mode], g[b, mode] / g[a, mode], t[b, mode] / t[a, mode]
        }
    }
}' "$results" | tee "$work/table.md"

echo "raw results: $results" >&2
if [ "${KEEP:-0}" != 1 ] && [ -z "${BENCH_DIR:-}" ]; then rm -rf "$work"; fi
