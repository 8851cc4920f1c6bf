#!/usr/bin/env bash
# Alternates bench/citizen-lookup.sh between two jars (A, B, A, B, ...) on the same machine, each freshly started on an
# empty data directory, and prints each run and the means: the method of "at least as fast as the previous release".
# Usage: bench/compare-lookup.sh JAR_A JAR_B [PAIRS] [REQUESTS] [CONCURRENCY]
# Run it on an otherwise idle machine; the CPU time per request is the steadier figure when it is not.
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1; B=$2; PAIRS=${3:-3}; REQUESTS=${4:-5000}; CONCURRENCY=${5:-16}
out=$(mktemp)
for i in $(seq 1 "$PAIRS"); do
  for side in A B; do
    jar=$A; [ "$side" = B ] && jar=$B
    line=$(HUB_JAR="$jar" bench/citizen-lookup.sh "$REQUESTS" "$CONCURRENCY" 2>&1 \
      | awk '/throughput=/{for(i=1;i<=NF;i++) if ($i ~ /^throughput=/) t=substr($i,12)} /^latency_ms/{p=$2" "$4} /hub_cpu_ms_per_request=/{split($1,c,"="); cpu=c[2]} /status_counts/{s=$1} END{print t, cpu, p, s}')
    echo "pair $i $side $line (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out"
  done
done
awk '{n[$3]++; t[$3]+=$4; c[$3]+=$5} END {for (s in n) printf "%s: mean %.1f req/s, %.2f ms CPU per request over %d runs\n", s, t[s]/n[s], c[s]/n[s], n[s]}' "$out" | sort
rm -f "$out"
