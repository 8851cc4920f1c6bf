#!/usr/bin/env bash
# Durable ingest throughput of dossier events: starts the portal simulator and the hub from the jar, sends
# dossiers x (steps + 1) events with 8 parallel senders and prints accepted events per second. Every 202 counted is a
# persistent broker send that returned only after the broker journal had the message (blockOnDurableSend).
# Usage: bench/ingest-throughput.sh [dossiers] [steps]       Env: HUB_PORT (18080), SIM_PORT (18099), PARALLEL (8)
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIERS=${1:-40}
STEPS=${2:-4}
HUB_PORT=${HUB_PORT:-18080}
SIM_PORT=${SIM_PORT:-18099}
PARALLEL=${PARALLEL:-8}
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-ingest-XXXXXX")
JAR=$(ls target/lienthong-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { ./mvnw -o -q -B package -DskipTests; JAR=$(ls target/lienthong-hub-*.jar | grep -v original | head -1); }
SIM_PID=""; HUB_PID=""
trap 'for pid in $HUB_PID $SIM_PID; do kill "$pid" 2>/dev/null || true; done' EXIT
java -cp "$JAR" -Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator \
  org.springframework.boot.loader.launch.PropertiesLauncher --port="$SIM_PORT" > "$RUN_DIR/simulator.log" 2>&1 &
SIM_PID=$!
HUB_FLOWS_LOCATION="file:$PWD/routes" HUB_CONNECTORS_LOCATION="file:$PWD/connectors" \
HUB_PORT=$HUB_PORT HUB_DATA_DIR="$RUN_DIR/hub" HUB_PORTAL_URL="http://127.0.0.1:$SIM_PORT" HUB_BROKER_PORT=0 \
  java -jar "$JAR" --hub.simulators.enabled=false > "$RUN_DIR/hub.log" 2>&1 &
HUB_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$HUB_PORT/actuator/health/readiness" > /dev/null 2>&1 && break
  sleep 1
done
echo "hub ready; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/dossier_load.py --url "http://127.0.0.1:$HUB_PORT" --dossiers "$DOSSIERS" --steps "$STEPS" \
  --parallel "$PARALLEL" --day 250302 --run tp --out "$RUN_DIR/accepted.txt"
