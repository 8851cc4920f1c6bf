#!/usr/bin/env bash
# Crash proof of dossier synchronisation: sends N events, kills the hub with SIGKILL in the middle, restarts it, and
# counts at the (separate) national portal simulator that every accepted event arrived exactly once and in order.
# Usage: bench/crash-test.sh [dossiers] [steps per dossier]     (N = dossiers x (steps + 1))
# Env: HUB_JAR (the jar to run), HUB_PORT (18080), SIM_PORT (18099), KILL_AFTER (events accepted before the kill; default N/2), PARALLEL (8)
set -euo pipefail
cd "$(dirname "$0")/.."

DOSSIERS=${1:-50}
STEPS=${2:-9}
N=$((DOSSIERS * (STEPS + 1)))
HUB_PORT=${HUB_PORT:-18080}
SIM_PORT=${SIM_PORT:-18099}
KILL_AFTER=${KILL_AFTER:-$((N / 2))}
PARALLEL=${PARALLEL:-8}
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-crash-XXXXXX")
ACCEPTED="$RUN_DIR/accepted.txt"

JAR=${HUB_JAR:-$(ls target/lienthong-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
  ./mvnw -o -q -B package -DskipTests
  JAR=$(ls target/lienthong-hub-*.jar | grep -v original | head -1)
fi
echo "jar $JAR, run directory $RUN_DIR, N=$N events ($DOSSIERS dossiers x $((STEPS + 1)))"

SIM_PID=""; HUB_PID=""; LOAD_PID=""
cleanup() {
  for pid in $LOAD_PID $HUB_PID $SIM_PID; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

java -cp "$JAR" -Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --port="$SIM_PORT" --state="$RUN_DIR/portal-received.jsonl" > "$RUN_DIR/simulator.log" 2>&1 &
SIM_PID=$!

start_hub() {
  # Flows and connectors from the project folders; the other connectors on the hub's own simulators (the portal: the
  # separate one), since a connector without a base URL stops the start.
  HUB_FLOWS_LOCATION="file:$PWD/routes" HUB_CONNECTORS_LOCATION="file:$PWD/connectors" \
  HUB_PORT=$HUB_PORT HUB_DATA_DIR="$RUN_DIR/hub" HUB_PORTAL_URL="http://127.0.0.1:$SIM_PORT" HUB_BROKER_PORT=0 \
    java -jar "$JAR" >> "$RUN_DIR/hub.log" 2>&1 &
  HUB_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$HUB_PORT/actuator/health/readiness" > /dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "hub did not become ready; see $RUN_DIR/hub.log" >&2
  exit 2
}

start_hub
echo "hub up (pid $HUB_PID), portal simulator at http://127.0.0.1:$SIM_PORT (pid $SIM_PID)"

python3 bench/dossier_load.py --url "http://127.0.0.1:$HUB_PORT" --dossiers "$DOSSIERS" --steps "$STEPS" \
  --parallel "$PARALLEL" --out "$ACCEPTED" > "$RUN_DIR/load.log" 2>&1 &
LOAD_PID=$!

while [ "$( { [ -f "$ACCEPTED" ] && wc -l < "$ACCEPTED"; } || echo 0)" -lt "$KILL_AFTER" ]; do sleep 0.2; done
DELIVERED_AT_KILL=$(curl -fs "http://127.0.0.1:$SIM_PORT/__portal/received" | python3 -c 'import json,sys; print(json.load(sys.stdin)["arrivals"])')
kill -9 "$HUB_PID"
echo "SIGKILL sent to the hub after $(wc -l < "$ACCEPTED") accepted events ($DELIVERED_AT_KILL delivered so far)"
wait "$HUB_PID" 2>/dev/null || true

start_hub
echo "hub restarted (pid $HUB_PID)"
wait "$LOAD_PID" || true
LOAD_PID=""
cat "$RUN_DIR/load.log"

# Until every accepted event has arrived (or 600 s): arrivals alone can reach the count early, since an event whose
# 202 was lost in the kill arrives without being in the accepted list.
for _ in $(seq 1 600); do
  python3 bench/dossier_check.py "$ACCEPTED" "http://127.0.0.1:$SIM_PORT" > /dev/null 2>&1 && break
  sleep 1
done

echo "result:"
python3 bench/dossier_check.py "$ACCEPTED" "http://127.0.0.1:$SIM_PORT" | tee "$RUN_DIR/result.json"
