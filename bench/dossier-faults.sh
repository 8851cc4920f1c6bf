#!/usr/bin/env bash
# Dossier delivery under portal faults, against the separate portal simulator (127.0.0.1 only), on the packaged jar.
# Usage: bench/dossier-faults.sh outage|slow|one-failing [dossiers] [steps per dossier]
#   outage       the portal answers 503 for OUTAGE_SECONDS (20) in the middle of the load: 0 lost, 0 duplicated, 0 reordered
#   slow         the portal applies every call but answers 7 s late for 25 s, hub timeout 5 s: 0 duplicated
#   one-failing  one dossier answered "busy" for FAULT_SECONDS (120): the other dossiers' delivery time with and
#                without the fault (done when within 1.5x); HUB_DOSSIER_CONSUMERS=1 so all dossiers share one consumer
# Env: HUB_JAR (the jar to run), HUB_PORT (18180), SIM_PORT (18199), PARALLEL (8). Every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIO=${1:?outage|slow|one-failing}
DOSSIERS=${2:-40}
STEPS=${3:-4}
HUB_PORT=${HUB_PORT:-18180}
SIM_PORT=${SIM_PORT:-18199}
PARALLEL=${PARALLEL:-8}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-20}
FAULT_SECONDS=${FAULT_SECONDS:-120}
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hub-faults-XXXXXX")
SIM="http://127.0.0.1:$SIM_PORT"

JAR=${HUB_JAR:-$(ls target/lienthong-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -o -q -B package -DskipTests; JAR=$(ls target/lienthong-hub-*.jar | grep -v original | head -1); }
echo "scenario $SCENARIO, jar $JAR, run directory $RUN_DIR, $DOSSIERS dossiers x $((STEPS + 1)) events"

SIM_PID=""; HUB_PID=""; LOAD_PID=""
cleanup() { for pid in $LOAD_PID $HUB_PID $SIM_PID; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

faults() { curl -fs -X POST "$SIM/__portal/faults" -H 'Content-Type: application/json' -d "$1" > /dev/null; }
# Until none of the accepted events is missing at the portal. A count of arrivals is not enough: the demo's own
# dossiers, sent when the hub starts, arrive at the same portal and would make the count early.
wait_delivered() {  # $1 = accepted file, $2 = seconds at most
  for _ in $(seq 1 "$2"); do
    python3 bench/dossier_check.py "$1" "$SIM" 2>/dev/null \
      | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["missing"] == 0 else 1)' 2>/dev/null && return 0
    sleep 1
  done
  echo "not all delivered within $2 s" >&2
}

java -cp "$JAR" -Dloader.main=vn.lienthong.hub.simulator.StandaloneSimulator \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --port="$SIM_PORT" --state="$RUN_DIR/portal-received.jsonl" > "$RUN_DIR/simulator.log" 2>&1 &
SIM_PID=$!

CONSUMERS=4
TIMEOUT=5000
[ "$SCENARIO" = one-failing ] && CONSUMERS=1
HUB_FLOWS_LOCATION="file:$PWD/routes" HUB_CONNECTORS_LOCATION="file:$PWD/connectors" \
HUB_PORT=$HUB_PORT HUB_DATA_DIR="$RUN_DIR/hub" HUB_PORTAL_URL="$SIM" HUB_BROKER_PORT=0 HUB_PORTAL_TIMEOUT_MILLIS=$TIMEOUT \
HUB_DOSSIER_CONSUMERS=$CONSUMERS HUB_DOSSIER_MAX_ATTEMPTS=12 \
  java -jar "$JAR" >> "$RUN_DIR/hub.log" 2>&1 &
HUB_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$HUB_PORT/actuator/health/readiness" > /dev/null 2>&1 && break
  kill -0 "$HUB_PID" 2>/dev/null || { echo "hub died; see $RUN_DIR/hub.log" >&2; exit 2; }
  sleep 1
done
echo "hub up (pid $HUB_PID), portal simulator at $SIM (pid $SIM_PID)"

load() {  # $1 = day (yyMMdd of the codes), $2 = accepted file
  python3 bench/dossier_load.py --url "http://127.0.0.1:$HUB_PORT" --dossiers "$DOSSIERS" --steps "$STEPS" \
    --parallel "$PARALLEL" --day "$1" --run "$1" --out "$2"
}

# The time from the first accepted event to the last arrival at the portal, over the dossiers not named in $3.
others_time() {  # $1 accepted file, $2 day, $3 excluded dossier code ("" for none)
  curl -fs "$SIM/__portal/received" | python3 -c '
import json, sys, datetime
accepted_file, day, excluded = sys.argv[1], sys.argv[2], sys.argv[3]
first = min(int(l.split()[3]) for l in open(accepted_file))
last = 0
for r in json.load(sys.stdin)["received"]:
    c = r["MaHoSo"]
    if ("-%s-" % day) not in c or c == excluded:
        continue
    stamp = r["receivedAt"].rstrip("Z")
    whole, _, frac = stamp.partition(".")
    t = (datetime.datetime.fromisoformat(whole + "+00:00").timestamp() + float("0." + (frac or "0"))) * 1000
    last = max(last, t)
print("%.1f" % ((last - first) / 1000.0))' "$1" "$2" "$3"
}

case "$SCENARIO" in
  outage)
    load 250301 "$RUN_DIR/accepted.txt" > "$RUN_DIR/load.log" 2>&1 &
    LOAD_PID=$!
    for _ in $(seq 1 120); do [ -f "$RUN_DIR/accepted.txt" ] && [ "$(wc -l < "$RUN_DIR/accepted.txt")" -ge 20 ] && break; sleep 0.5; done
    faults '{"down":true}'; echo "portal down for $OUTAGE_SECONDS s"
    sleep "$OUTAGE_SECONDS"
    faults '{"down":false}'; echo "portal back"
    wait "$LOAD_PID"; LOAD_PID=""
    cat "$RUN_DIR/load.log"
    wait_delivered "$RUN_DIR/accepted.txt" 600
    python3 bench/dossier_check.py "$RUN_DIR/accepted.txt" "$SIM" | tee "$RUN_DIR/result.json"
    ;;
  slow)
    faults '{"lateAnswerMillis":7000,"lateForMillis":25000}'; echo "portal applies every call but answers 7 s late for 25 s (hub timeout $TIMEOUT ms)"
    load 250301 "$RUN_DIR/accepted.txt" > "$RUN_DIR/load.log" 2>&1
    cat "$RUN_DIR/load.log"
    wait_delivered "$RUN_DIR/accepted.txt" 600
    python3 bench/dossier_check.py "$RUN_DIR/accepted.txt" "$SIM" | tee "$RUN_DIR/result.json"
    ;;
  one-failing)
    load 250301 "$RUN_DIR/baseline.txt" > "$RUN_DIR/load-baseline.log" 2>&1
    wait_delivered "$RUN_DIR/baseline.txt" 600
    BASE=$(others_time "$RUN_DIR/baseline.txt" 250301 "")
    FAILING="000.00.01.H22-250302-00001"
    faults "{\"busy\":{\"dossier\":\"$FAILING\",\"forMillis\":$((FAULT_SECONDS * 1000))}}"
    echo "dossier $FAILING answered busy for $FAULT_SECONDS s"
    load 250302 "$RUN_DIR/faulted.txt" > "$RUN_DIR/load-faulted.log" 2>&1
    # the others first: every accepted event except the failing dossier's
    OTHERS=$(grep -vc "^$FAILING " "$RUN_DIR/faulted.txt")
    for _ in $(seq 1 600); do
      GOT=$(curl -fs "$SIM/__portal/received" | python3 -c "import json,sys; print(sum(1 for r in json.load(sys.stdin)['received'] if '-250302-' in r['MaHoSo'] and r['MaHoSo'] != '$FAILING'))")
      [ "$GOT" -ge "$OTHERS" ] && break
      sleep 1
    done
    FAULTED=$(others_time "$RUN_DIR/faulted.txt" 250302 "$FAILING")
    echo "others' delivery time: without the fault $BASE s, with one dossier failing $FAULTED s"
    python3 -c "import sys; b,f=float(sys.argv[1]),float(sys.argv[2]); print('ratio %.2f (done when <= 1.5)' % (f/b))" "$BASE" "$FAULTED"
    echo "waiting for the failing dossier once its fault ends"
    cat "$RUN_DIR/baseline.txt" "$RUN_DIR/faulted.txt" > "$RUN_DIR/accepted.txt"
    wait_delivered "$RUN_DIR/accepted.txt" $((FAULT_SECONDS + 180))
    python3 bench/dossier_check.py "$RUN_DIR/accepted.txt" "$SIM" | tee "$RUN_DIR/result.json"
    ;;
  *) echo "unknown scenario $SCENARIO" >&2; exit 1 ;;
esac
