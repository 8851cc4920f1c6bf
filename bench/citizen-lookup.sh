#!/usr/bin/env bash
# Benchmark of the synchronous citizen lookup (REST edge -> flow -> population connector -> simulator -> mapping,
# message log included). Starts the hub from the jar with the embedded defaults unless HUB_URL points at a running one.
# Usage: bench/citizen-lookup.sh [REQUESTS] [CONCURRENCY]
# HUB_JAR=path/to/other.jar measures another build (e.g. the previous release) with the same client and settings.
# HUB_BENCH_WARMUP sets the warm-up requests (1000). When the script starts the hub, it also prints the hub's CPU time
# per request.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-5000}
CONCURRENCY=${2:-16}
PORT=${HUB_BENCH_PORT:-18080}
URL=${HUB_URL:-}
started=""
if [ -z "$URL" ]; then
  JAR=${HUB_JAR:-target/lienthong-hub-0.1.0-SNAPSHOT.jar}
  [ -f "$JAR" ] || ./mvnw -q -B -DskipTests package
  rm -rf target/bench-data
  # One client measures the hub's capacity: fair use is off, or the demo one-stop client's quota (200 calls/s,
  # docs/security.md) would answer 429 and cap the figure. HUB_BENCH_FAIR_USE=true keeps it on.
  HUB_FAIR_USE_ENABLED=${HUB_BENCH_FAIR_USE:-false} HUB_DATA_DIR=./target/bench-data java -jar "$JAR" --server.port="$PORT" \
    > target/bench-hub.log 2>&1 &
  started=$!
  trap '[ -n "$started" ] && kill "$started" 2>/dev/null || true' EXIT
  URL="http://127.0.0.1:$PORT"
  for _ in $(seq 1 180); do
    curl -fs "$URL/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$started" 2>/dev/null || { echo "the hub did not start: see target/bench-hub.log"; exit 1; }
    sleep 1
  done
fi
body=$(mktemp)
printf '%s' '{"personalId":"001090012345","fullName":"Nguyễn Văn An","dateOfBirth":"1990-05-15"}' > "$body"
headers=("X-API-Key:demo-motcua-key" "X-User-Id:bench" "X-Purpose:1.003560.000.00.00.H22")
WARMUP=${HUB_BENCH_WARMUP:-1000}
echo "warm-up: $WARMUP requests"
java bench/LoadClient.java "$URL/api/v1/citizens/lookup" "$WARMUP" "$CONCURRENCY" "$body" "${headers[@]}" >/dev/null
cpu() { awk '{print $14 + $15}' "/proc/$started/stat"; }
[ -n "$started" ] && cpu_before=$(cpu)
echo "measured run:"
java bench/LoadClient.java "$URL/api/v1/citizens/lookup" "$REQUESTS" "$CONCURRENCY" "$body" "${headers[@]}"
if [ -n "$started" ]; then
  # CPU time of the hub's JVM (with its in-process simulators) per answered request: steadier than throughput on a
  # shared machine
  ticks=$(getconf CLK_TCK)
  awk -v b="$cpu_before" -v a="$(cpu)" -v n="$REQUESTS" -v t="$ticks" \
    'BEGIN { printf "hub_cpu_ms_per_request=%.2f (hub JVM with its simulators)\n", (a - b) * 1000 / t / n }'
fi
rm -f "$body"
